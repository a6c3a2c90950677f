#!/usr/bin/env bash
# Contract 9.1: 20 saves of the rules folder (5 of them broken) while wrk sends single claims; then
# checks that no answer was a 5xx and that every decision's policy.hash was live at some point.
# Starts its own `./policy serve` on a copy of the store-standard pack. Usage: bench/reload-under-load.sh
# SAVE_SECONDS (default 4) apart, so that each save is compiled before the next one (else saves coalesce).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
rules="$work/rules"
cp -r "$root/policy-rules/src/main/resources/packs/store-standard" "$rules"
"$root/policy" serve --port 0 --rules "$rules" 2> "$work/stderr" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do grep -q '^serving' "$work/stderr" && break; sleep 0.5; done
url=$(grep -o 'http://[0-9.:]*' "$work/stderr")
echo "$(head -1 "$work/stderr")"

# every hash /v1/policy shows while the test runs: the hashes that were live
( while kill -0 $server 2>/dev/null; do
    curl -s "$url/v1/policy" | grep -o '"hash":"[0-9a-f]*"' | head -1 >> "$work/live-hashes"; sleep 0.1
  done ) &
poller=$!

interval="${SAVE_SECONDS:-4}"
wrk -t2 -c16 -d$((10 + 20 * interval))s --latency -s "$root/bench/reload-under-load.lua" "$url/v1/decisions" > "$work/wrk" &
load=$!
sleep 5
original="$(cat "$rules/pack.drl")"
for save in $(seq 1 20); do
  if (( save % 4 == 0 )); then
    printf '%s\nrule "broken by save %d" when then end oops\n' "$original" "$save" > "$work/pack.drl.new"   # broken
  else
    printf '%s\n' "$original" | sed "s/defectRefundDays   : int = 15/defectRefundDays   : int = $((15 + save))/" > "$work/pack.drl.new"
  fi
  mv "$work/pack.drl.new" "$rules/pack.drl"
  sleep "$interval"
done
wait $load
kill $poller 2>/dev/null || true
cat "$work/wrk"
echo "reloads: $(curl -s "$url/metrics" | grep '^policy_reloads_total')"
live=$(sort -u "$work/live-hashes" | grep -o '[0-9a-f]\{12\}' | sort -u)
echo "hashes live during the run: $(echo $live)"
bad=0
for hash in $(grep -o '^hash [0-9a-f]*' "$work/wrk" | cut -d' ' -f2); do
  grep -q "$hash" <<< "$live" || { echo "decided by a hash that was never live: $hash"; bad=1; }
done
if grep -q '^status 5' "$work/wrk"; then echo "FAILED: 5xx answers"; exit 1; fi
(( bad == 0 )) && echo "OK: no 5xx, every decision's hash was live"
