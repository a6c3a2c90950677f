#!/usr/bin/env python3
"""/healthz latency while N slow clients hold connections (issue #23, finding 6).

Usage: bench/slow-clients.py PORT [CLIENTS] [CHECKS]
Opens CLIENTS connections to 127.0.0.1:PORT, each sending a request's headers one byte every
200 ms (bounded: 54 bytes, about 11 s), and meanwhile times CHECKS GET /healthz on new connections.
Only 127.0.0.1; nothing else is contacted.
"""
import socket, sys, threading, time

port = int(sys.argv[1])
clients = int(sys.argv[2]) if len(sys.argv) > 2 else 100
checks = int(sys.argv[3]) if len(sys.argv) > 3 else 100
request = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: 1\r\n\r\n"

slow = [socket.create_connection(("127.0.0.1", port)) for _ in range(clients)]
for s in slow:
    s.sendall(request[:1])

def dribble():
    for at in range(1, len(request)):
        time.sleep(0.2)
        for s in slow:
            try:
                s.sendall(request[at:at + 1])
            except OSError:
                pass

threading.Thread(target=dribble, daemon=True).start()
time.sleep(0.5)
millis = []
for _ in range(checks):
    start = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        answer = b""
        while True:
            chunk = s.recv(4096)
            if not chunk:
                break
            answer += chunk
    millis.append((time.perf_counter() - start) * 1000)
    assert answer.startswith(b"HTTP/1.1 200"), answer[:80]
    time.sleep(0.05)
millis.sort()
print(f"{clients} slow clients, {checks} health checks: median {millis[len(millis)//2]:.1f} ms, "
      f"p95 {millis[int(len(millis)*0.95)]:.1f} ms, p99 {millis[int(len(millis)*0.99)]:.1f} ms, max {millis[-1]:.1f} ms")
for s in slow:
    s.close()
