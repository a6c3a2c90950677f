#!/usr/bin/env bash
# One JSON Lines batch of N claims (default 100,000) to a running `./policy serve`, sent ROUNDS times one after the
# other (default 1); prints claims/s for each. The claims are the first N lines of FILE (plain claims, as a till or
# shop sends them, e.g. the generated claims of `./policy bench --write-claims`), or without FILE the store-standard
# example claims repeated (each line an example: the claim and its expected decision, which the service reads too).
# A batch's rate depends on how warm the service's JIT is: the issue's figure is the warm one, after a few rounds.
# Usage: bench/batch.sh URL [N] [FILE] [ROUNDS]
set -euo pipefail
url="${1:?usage: bench/batch.sh URL [N] [FILE] [ROUNDS]}"
count="${2:-100000}"
file="${3:-}"
rounds="${4:-1}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
claims="$(mktemp --suffix=.jsonl)"
answer="$(mktemp --suffix=.jsonl)"
trap 'rm -f "$claims" "$answer"' EXIT
if [ -n "$file" ]; then
  head -n "$count" "$file" > "$claims"
  [ "$(wc -l < "$claims")" -eq "$count" ] || { echo "batch.sh: $file has fewer than $count lines" >&2; exit 2; }
else
  cat "$root"/policy-examples/claims/store-standard/*.jsonl "$root"/policy-examples/claims/store-standard/service/*.jsonl \
    | grep -v '^\s*$' | awk -v n="$count" '{ line[NR] = $0 } END { for (i = 0; i < n; i++) print line[i % NR + 1] }' > "$claims"
fi
for round in $(seq "$rounds"); do
  seconds=$(curl -sS --fail -o "$answer" -w '%{time_total}' -H 'Content-Type: application/x-ndjson' \
    --data-binary @"$claims" "$url/v1/decisions")
  lines=$(wc -l < "$answer")
  errors=$(grep -c '"error"' "$answer" || true)
  awk -v r="$round" -v n="$count" -v s="$seconds" -v l="$lines" -v e="$errors" -v b="$(stat -c %s "$claims")" \
    'BEGIN { printf "round %d: %d claims (%.1f MB) in %.2f s: %.0f claims/s; %d answer lines, %d error lines\n", r, n, b / 1e6, s, n / s, l, e }'
done
