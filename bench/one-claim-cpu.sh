#!/usr/bin/env bash
# Where the CPU of a warm one-claim request to `serve` goes (issue #33): starts `./policy serve` with a flight
# recording from its first moment (one started later makes the JIT compile much of the code again), warms it
# with WARM s of wrk after its ready line (default 30), then measures one window of 20 s: the requests, each
# thread group's CPU from /proc (bench/cpu-by-thread.py) and the recording's samples of that window by part of
# the request (bench/one-claim-samples.py), and, where `perf` may sample the process, every CPU sample of that window
# by thread and layer: Java, the JVM's own code, the kernel by system call (bench/perf-layers.py). KEEP=1 keeps
# the recordings. Usage: bench/one-claim-cpu.sh PORT [serve options...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${1:?usage: bench/one-claim-cpu.sh PORT [serve options...]}"; shift
work="$(mktemp -d)"
trap 'kill "$(cat "$work/pid" 2> /dev/null)" 2> /dev/null || true; [ -n "${KEEP:-}" ] && echo "kept: $work" || rm -rf "$work"' EXIT
JAVA_OPTS="${JAVA_OPTS:-} -XX:StartFlightRecording=name=one,filename=$work/one.jfr,settings=$root/bench/execution-samples.jfc -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints" \
  "$root/policy" serve --port "$port" "$@" 2> "$work/serve.log" &
until grep -qs "^serving " "$work/serve.log"; do sleep 0.1; done
pid=$(pgrep -f "serve --port $port" | head -1); echo "$pid" > "$work/pid"
wrk="wrk -t1 -c16 --latency -s $root/bench/decide-one-claim.lua http://127.0.0.1:$port/v1/decisions"
$wrk -d"${WARM:-30}"s > /dev/null
"$root/bench/cpu-by-thread.py" "$pid" snap "$work/cpu.json"
from=$(date -u +%H:%M:%S)
perf=""
if command -v perf > /dev/null; then
  perf record -q -F 999 -g -p "$pid" -o "$work/perf.data" -- sleep 20 > /dev/null 2>&1 & perf=$!
fi
out="$($wrk -d20s)"
to=$(date -u +%H:%M:%S)
echo "$out" | grep -E "Requests/sec|99%" | sed 's/^ *//'
"$root/bench/cpu-by-thread.py" "$pid" diff "$work/cpu.json" "$(awk '/requests in/ { print $1 }' <<< "$out")" | tee "$work/cpu.txt"
if [ -n "$perf" ] && wait "$perf" && [ -s "$work/perf.data" ]; then
  echo "every CPU sample of the window (perf):"
  perf script -i "$work/perf.data" -F comm,tid,ip,sym,dso 2> /dev/null > "$work/perf.txt"
  "$root/bench/perf-layers.py" "$work/perf.txt" "$(awk 'NR == 1 { print $1 }' "$work/cpu.txt")"
fi
jcmd "$pid" JFR.dump name=one filename="$work/one.jfr" > /dev/null
jfr print --stack-depth 200 --events jdk.ExecutionSample "$work/one.jfr" > "$work/samples.txt"
echo "samples of $from-$to (UTC):"
"$root/bench/one-claim-samples.py" "$work/samples.txt" "$from" "$to" | head -16
