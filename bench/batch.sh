#!/usr/bin/env bash
# One JSON Lines batch of N claims (default 100,000) to a running `./policy serve`; prints claims/s.
# The claims are the store-standard example claims, repeated. Usage: bench/batch.sh http://127.0.0.1:8080 [N]
set -euo pipefail
url="${1:?usage: bench/batch.sh URL [N]}"
count="${2:-100000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
claims="$(mktemp --suffix=.jsonl)"
answer="$(mktemp --suffix=.jsonl)"
trap 'rm -f "$claims" "$answer"' EXIT
cat "$root"/policy-examples/claims/store-standard/*.jsonl "$root"/policy-examples/claims/store-standard/service/*.jsonl \
  | grep -v '^\s*$' | awk -v n="$count" '{ line[NR] = $0 } END { for (i = 0; i < n; i++) print line[i % NR + 1] }' > "$claims"
seconds=$(curl -sS --fail -o "$answer" -w '%{time_total}' -H 'Content-Type: application/x-ndjson' \
  --data-binary @"$claims" "$url/v1/decisions")
lines=$(wc -l < "$answer")
errors=$(grep -c '"error"' "$answer" || true)
awk -v n="$count" -v s="$seconds" -v l="$lines" -v e="$errors" -v b="$(stat -c %s "$claims")" \
  'BEGIN { printf "%d claims (%.1f MB) in %.2f s: %.0f claims/s; %d answer lines, %d error lines\n", n, b / 1e6, s, n / s, l, e }'
