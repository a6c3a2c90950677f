-- wrk script: POST the contract's example claim (section 1) to /v1/decisions.
-- wrk -t2 -c16 -d10s --latency -s bench/decide-one-claim.lua http://127.0.0.1:8080/v1/decisions
-- With access control (contract 15): POLICY_TOKEN=TOKEN wrk ... sends it as a bearer token, and the claim
-- names store SH-0012 (give the token's caller that store, or *).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("POLICY_TOKEN")
local store = ""
if token then
  wrk.headers["Authorization"] = "Bearer " .. token
  store = [["store":"SH-0012",]]
end
wrk.body = [[{"id":"C-1001",]] .. store .. [["product":{"sku":"TV-55-X1","category":"ELECTRONICS","price":3299.00,"saleType":"REGULAR","customMade":false},"purchaseDate":"2026-03-01","claimDate":"2026-03-09","qualityDefect":true,"request":"REFUND","condition":{"packaging":"INTACT","accessoriesComplete":true,"warrantyCard":true,"usageTraces":false,"customerDamage":false}}]]

-- wrk itself reports any answer that is not 2xx or 3xx ("Non-2xx or 3xx responses: N").
