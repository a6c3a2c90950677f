#!/usr/bin/env bash
# Issue #33, "ready when warm": starts `./policy serve` (with any further options, such as --warm-up 5), and the
# moment its ready line appears runs wrk for WINDOWS windows of 10 s, one after the other. The first window
# is the first 10 s after the ready line; the last ones are the warm rate. Prints each window with the load.
# Usage: bench/ready-when-warm.sh PORT [WINDOWS] [serve options...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${1:?usage: bench/ready-when-warm.sh PORT [WINDOWS] [serve options...]}"; shift
windows="${1:-4}"; shift || true
log="$(mktemp)"
start=$(date +%s.%N)
"$root/policy" serve --port "$port" "$@" 2> "$log" &
pid=$!
trap 'kill "$pid" 2> /dev/null || true; rm -f "$log"' EXIT
until grep -q "^serving " "$log"; do
  kill -0 "$pid" 2> /dev/null || { cat "$log"; exit 1; }
  sleep 0.05
done
ready=$(date +%s.%N)
echo "ready after $(awk -v a="$start" -v b="$ready" 'BEGIN { printf "%.1f", b - a }') s: $(grep '^serving ' "$log")"
for window in $(seq "$windows"); do
  out="$(wrk -t1 -c16 -d10s --latency -s "$root/bench/decide-one-claim.lua" "http://127.0.0.1:$port/v1/decisions")"
  echo "window $window ($(( (window - 1) * 10 ))-$(( window * 10 )) s after ready): $(awk '/Requests\/sec/ { print $2 }' <<< "$out") requests/s," \
       "p99 $(awk '$1 == "99%" { print $2 }' <<< "$out") (load $(uptime | sed 's/.*load average: //'))"
done
