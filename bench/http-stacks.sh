#!/usr/bin/env bash
# Issue #33: the service's paths on today's JDK server, on Jetty 12 and on Vert.x 5 (Netty), side by side in
# one run. Every stack is started at once, each its own JVM (HttpStacksBench, options as ./policy serve) on a
# port of its own, and warmed with WARM seconds of wrk in turn; then ROUNDS rounds take the stacks in turn,
# so that a busy or a quiet moment of the shared machine falls on every stack alike:
#   one claim a request:  wrk -t1 -c16 -d10s --latency -s bench/decide-one-claim.lua, and the server's CPU a request
#   one JSON Lines batch: bench/batch.sh (100,000 claims, after a warming batch of 20,000)
#   slow clients:         bench/slow-clients.py PORT 100 100 (/healthz while 100 clients dribble headers)
#   idle batches:         bench/idle-batches.py PORT 100 1000 (contract 17)
# Usage: bench/http-stacks.sh [ROUNDS] [STACKS...]   (default: 3 rounds of jdk jetty vertx)
# PARTS="one batch slow idle" (the default) chooses the measures; WARM=30 the seconds of wrk before them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"; shift || true
stacks=("$@"); [ ${#stacks[@]} -gt 0 ] || stacks=(jdk jetty vertx)
warm="${WARM:-30}"
first_port="${PORT:-18093}"
cp="$root/policy-examples/target/.http-stacks-classpath"
(cd "$root" && mvn -o -q -pl policy-core,policy-rules,policy-examples -am test-compile dependency:build-classpath \
   -Dmdep.includeScope=test -Dmdep.outputFile="$cp" > /dev/null)
# a copy of the classes, so that building in this tree meanwhile does not change the JVMs being started
snapshot="$(mktemp -d)"
pids=()
trap 'for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done; rm -rf "$snapshot"' EXIT
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
wants() { [[ " ${PARTS:-one batch slow idle} " == *" $1 "* ]]; }
declare -A port pid
next=$first_port
for stack in "${stacks[@]}"; do
  port[$stack]=$next; next=$((next + 1))
  java -XX:+UseParallelGC ${JAVA_OPTS:-} -cp "$classpath" io.policyengine.examples.serve.HttpStacksBench "$stack" "${port[$stack]}" \
    2> "$snapshot/$stack.log" &
  pid[$stack]=$!; pids+=($!)
done
for stack in "${stacks[@]}"; do
  for _ in $(seq 1200); do grep -q "serving on" "$snapshot/$stack.log" && break; sleep 0.1; done
  wrk -t1 -c16 -d"${warm}s" -s "$root/bench/decide-one-claim.lua" "http://127.0.0.1:${port[$stack]}/v1/decisions" > /dev/null
done
for round in $(seq "$rounds"); do
  for stack in "${stacks[@]}"; do
    p="${port[$stack]}"; url="http://127.0.0.1:$p"; server="${pid[$stack]}"
    if wants one; then
      before="$(ticks "$server")"
      one="$(wrk -t1 -c16 -d10s --latency -s "$root/bench/decide-one-claim.lua" "$url/v1/decisions")"
      used="$(( $(ticks "$server") - before ))"
      requests="$(awk '/requests in/ { print $1 }' <<< "$one")"
      cpu="$(awk -v t="$used" -v hz="$hz" -v n="$requests" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')"
      rate="$(awk '/Requests\/sec/ { print $2 }' <<< "$one")"
      p99="$(awk '$1 == "99%" { print $2 }' <<< "$one")"
      errors="$(grep -E 'Non-2xx|Socket errors' <<< "$one" | tr -s ' ' | tr '\n' ' ' || true)"
      echo "round $round $stack one-claim: $rate requests/s, p99 $p99, server CPU $cpu us a request ${errors}(load $(load))"
    fi
    if wants batch; then
      "$root/bench/batch.sh" "$url" 20000 > /dev/null
      before="$(ticks "$server")"
      batch="$("$root/bench/batch.sh" "$url" 100000)"
      cpu="$(awk -v t="$(( $(ticks "$server") - before ))" -v hz="$hz" 'BEGIN { printf "%.1f", t / hz * 1e6 / 100000 }')"
      echo "round $round $stack batch: $batch, server CPU $cpu us a claim (load $(load))"
    fi
    if wants slow; then
      echo "round $round $stack slow: $("$root/bench/slow-clients.py" "$p" 100 100) (load $(load))"
    fi
    if wants idle; then
      echo "round $round $stack idle: $(timeout 120 "$root/bench/idle-batches.py" "$p" 100 1000 || echo 'no answer within 120 s') (load $(load))"
    fi
  done
done
