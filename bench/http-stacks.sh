#!/usr/bin/env bash
# Issue #33: the service's paths on today's JDK server, on Jetty 12 and on Vert.x 5 (Netty), side by side in
# one run, ROUNDS rounds taking the stacks in turn (the machine is shared: alternate, repeat, quote the load).
# Each stack is its own JVM (HttpStacksBench, options as ./policy serve), warmed with WARM seconds of wrk, then:
#   one claim a request:  wrk -t1 -c16 -d10s --latency -s bench/decide-one-claim.lua
#   one JSON Lines batch: bench/batch.sh (100,000 claims, after a warming batch of 20,000)
#   slow clients:         bench/slow-clients.py PORT 100 100 (/healthz while 100 clients dribble headers)
#   idle batches:         bench/idle-batches.py PORT 100 1000 (contract 17)
# Usage: bench/http-stacks.sh [ROUNDS] [STACKS...]   (default: 3 rounds of jdk jetty vertx)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"; shift || true
stacks=("$@"); [ ${#stacks[@]} -gt 0 ] || stacks=(jdk jetty vertx)
warm="${WARM:-20}"
port="${PORT:-18093}"
cp="$root/policy-examples/target/.http-stacks-classpath"
(cd "$root" && mvn -o -q -pl policy-core,policy-rules,policy-examples -am test-compile dependency:build-classpath \
   -Dmdep.includeScope=test -Dmdep.outputFile="$cp" > /dev/null)
# a copy of the classes, so that building in this tree meanwhile does not change the JVMs still to start
snapshot="$(mktemp -d)"
trap 'rm -rf "$snapshot"' EXIT
classpath=""
for entry in "$root/policy-examples/target/test-classes" "$root/policy-examples/target/classes" $(tr ':' ' ' < "$cp"); do
  if [ -d "$entry" ]; then
    copy="$snapshot/$(echo "$entry" | md5sum | cut -c1-8)"; cp -r "$entry" "$copy"; entry="$copy"
  fi
  classpath="$classpath${classpath:+:}$entry"
done
load() { uptime | sed 's/.*load average: //'; }
# the server's CPU time so far, in clock ticks (utime + stime): CPU per request holds up better than a rate on a shared machine
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz="$(getconf CLK_TCK)"
for round in $(seq "$rounds"); do
  for stack in "${stacks[@]}"; do
    log="$(mktemp)"
    java -XX:+UseParallelGC ${JAVA_OPTS:-} -cp "$classpath" io.policyengine.examples.serve.HttpStacksBench "$stack" "$port" 2> "$log" &
    pid=$!
    for _ in $(seq 600); do grep -q "serving on" "$log" && break; sleep 0.1; done
    url="http://127.0.0.1:$port"
    wrk -t1 -c16 -d"${warm}s" -s "$root/bench/decide-one-claim.lua" "$url/v1/decisions" > /dev/null
    before="$(ticks "$pid")"
    one="$(wrk -t1 -c16 -d10s --latency -s "$root/bench/decide-one-claim.lua" "$url/v1/decisions")"
    used="$(( $(ticks "$pid") - before ))"
    requests="$(awk '/requests in/ { print $1 }' <<< "$one")"
    cpu="$(awk -v t="$used" -v hz="$hz" -v n="$requests" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')"
    rate="$(awk '/Requests\/sec/ { print $2 }' <<< "$one")"
    p99="$(awk '$1 == "99%" { print $2 }' <<< "$one")"
    errors="$(grep -E 'Non-2xx|Socket errors' <<< "$one" | tr -s ' ' | tr '\n' ' ' || true)"
    echo "round $round $stack one-claim: $rate requests/s, p99 $p99, server CPU $cpu us a request ${errors}(load $(load))"
    "$root/bench/batch.sh" "$url" 20000 > /dev/null
    before="$(ticks "$pid")"
    batch="$("$root/bench/batch.sh" "$url" 100000)"
    cpu="$(awk -v t="$(( $(ticks "$pid") - before ))" -v hz="$hz" 'BEGIN { printf "%.1f", t / hz * 1e6 / 100000 }')"
    echo "round $round $stack batch: $batch, server CPU $cpu us a claim (load $(load))"
    echo "round $round $stack slow: $("$root/bench/slow-clients.py" "$port" 100 100) (load $(load))"
    echo "round $round $stack idle: $(timeout 120 "$root/bench/idle-batches.py" "$port" 100 1000 || echo 'no answer within 120 s') (load $(load))"
    kill "$pid"; wait "$pid" 2> /dev/null || true
    rm -f "$log"
  done
done
