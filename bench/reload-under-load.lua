-- wrk script for bench/reload-under-load.sh: POST the contract's example claim and count, per thread,
-- the answers by status and the policy hash of every decision; done() prints them all.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"id":"C-1001","product":{"sku":"TV-55-X1","category":"ELECTRONICS","price":3299.00,"saleType":"REGULAR","customMade":false},"purchaseDate":"2026-03-01","claimDate":"2026-03-09","qualityDefect":true,"request":"REFUND","condition":{"packaging":"INTACT","accessoriesComplete":true,"warrantyCard":true,"usageTraces":false,"customerDamage":false}}]]

local threads = {}
function setup(thread) table.insert(threads, thread) end

statuses = {}
hashes = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local hash = body:match('"policy":{"name":"[^"]*","version":"[^"]*","hash":"(%x+)"')
  if hash then hashes[hash] = (hashes[hash] or 0) + 1 end
end

function done(summary, latency, requests)
  local byStatus, byHash = {}, {}
  for _, thread in ipairs(threads) do
    for k, v in pairs(thread:get("statuses")) do byStatus[k] = (byStatus[k] or 0) + v end
    for k, v in pairs(thread:get("hashes")) do byHash[k] = (byHash[k] or 0) + v end
  end
  for k, v in pairs(byStatus) do io.write(string.format("status %d: %d\n", k, v)) end
  for k, v in pairs(byHash) do io.write(string.format("hash %s: %d\n", k, v)) end
end
