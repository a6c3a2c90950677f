#!/usr/bin/env bash
# Side by side: serve without and with a callers file, one claim a request, warm; A B A B A B.
set -euo pipefail
cd /work/wt-access
CP=policy-core/target/classes:policy-rules/target/classes:policy-examples/target/classes:$(cat ${CP_FILE:?mvn dependency:build-classpath -Dmdep.outputFile=FILE, then CP_FILE=FILE})
java -cp "$CP" io.policyengine.examples.cli.Main serve --port 18101 --warm-up 5 2>${BENCH_DIR:?a folder with callers.txt and token}/open.err >/dev/null &
OPEN=$!
java -cp "$CP" io.policyengine.examples.cli.Main serve --port 18102 --warm-up 5 --callers ${BENCH_DIR:?a folder with callers.txt and token}/callers.txt 2>${BENCH_DIR:?a folder with callers.txt and token}/callers.err >/dev/null &
CALLERS=$!
trap 'kill $OPEN $CALLERS' EXIT
until grep -q serving ${BENCH_DIR:?a folder with callers.txt and token}/open.err && grep -q serving ${BENCH_DIR:?a folder with callers.txt and token}/callers.err; do sleep 1; done
cat ${BENCH_DIR:?a folder with callers.txt and token}/open.err ${BENCH_DIR:?a folder with callers.txt and token}/callers.err
# warm both as the docs' warm row does: 20 s of load each, not measured
wrk -t1 -c16 -d10s -s bench/decide-one-claim.lua http://127.0.0.1:18101/v1/decisions >/dev/null
POLICY_TOKEN=$(cat ${BENCH_DIR:?a folder with callers.txt and token}/token) wrk -t1 -c16 -d10s -s bench/decide-one-claim.lua http://127.0.0.1:18102/v1/decisions >/dev/null
for round in 1 2 3; do
  echo "== round $round: open"
  wrk -t1 -c16 -d8s --latency -s bench/decide-one-claim.lua http://127.0.0.1:18101/v1/decisions | grep -E 'Requests/sec|99%|Non-2xx|50%'
  echo "== round $round: callers file, counter token"
  POLICY_TOKEN=$(cat ${BENCH_DIR:?a folder with callers.txt and token}/token) wrk -t1 -c16 -d8s --latency -s bench/decide-one-claim.lua http://127.0.0.1:18102/v1/decisions | grep -E 'Requests/sec|99%|Non-2xx|50%'
done
