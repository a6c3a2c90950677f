#!/usr/bin/env bash
# Save to live (contract 9.1, issue #31): bench/SaveToLive.java on the built command line of CHECKOUT (default: this
# one), over a copy of PACK (default store-standard), SAVES saves (default 5). Prints one line per save, then the load.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
checkout="${1:-$root}"
pack="${2:-$checkout/policy-rules/src/main/resources/packs/store-standard}"
target="$checkout/policy-examples/target"
java -XX:+UseParallelGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$target/policy-examples.jar:$target/lib/*" \
  "$root/bench/SaveToLive.java" "$pack" "${3:-5}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
