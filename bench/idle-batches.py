#!/usr/bin/env python3
"""Contract 17, "batches under idle clients": one batch of CLAIMS claims timed while IDLE batch connections
hold a request open and send no claims (issue #33).

Usage: bench/idle-batches.py PORT [IDLE] [CLAIMS]
Opens IDLE connections to 127.0.0.1:PORT, each sending the head of a JSON Lines batch (chunked) and then
nothing, or a byte every 2 s (every other one: a trickling client); then posts CLAIMS copies of the
contract's example claim as JSON Lines on a new connection and times the whole answer. Target: under 2 s.
"""
import socket, sys, threading, time

port = int(sys.argv[1])
idle = int(sys.argv[2]) if len(sys.argv) > 2 else 100
claims = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
claim = (b'{"id":"C-1001","product":{"sku":"TV-55-X1","category":"ELECTRONICS","price":3299.00,"saleType":"REGULAR",'
         b'"customMade":false},"purchaseDate":"2026-03-01","claimDate":"2026-03-09","qualityDefect":true,"request":"REFUND",'
         b'"condition":{"packaging":"INTACT","accessoriesComplete":true,"warrantyCard":true,"usageTraces":false,"customerDamage":false}}\n')
head = (b"POST /v1/decisions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n")

held = []
for i in range(idle):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(head)
    held.append(s)

def trickle():
    # every other connection sends one space of its body every 2 s: a chunk of 1 byte
    while True:
        time.sleep(2)
        for s in held[::2]:
            try:
                s.sendall(b"1\r\n \r\n")
            except OSError:
                pass

threading.Thread(target=trickle, daemon=True).start()
time.sleep(1.0)

body = claim * claims
start = time.perf_counter()
with socket.create_connection(("127.0.0.1", port), timeout=60) as s:
    s.sendall(b"POST /v1/decisions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\n"
              b"Connection: close\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    answer = b""
    while True:
        chunk = s.recv(1 << 16)
        if not chunk:
            break
        answer += chunk
seconds = time.perf_counter() - start
head, _, rest = answer.partition(b"\r\n\r\n")
status = head.split(b"\r\n", 1)[0].decode(errors="replace")
if b"chunked" in head.lower():  # the answer's chunks joined, without their sizes
    body = b""
    while rest:
        size, _, rest = rest.partition(b"\r\n")
        size = int(size.split(b";")[0] or b"0", 16)
        if size == 0:
            break
        body, rest = body + rest[:size], rest[size + 2:]
    rest = body
decided = rest.count(b'"claimId":"C-1001"')
print(f"{idle} idle batch connections: {claims} claims answered in {seconds:.2f} s ({status}, {decided} decisions)")
for s in held:
    s.close()
