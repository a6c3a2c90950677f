#!/usr/bin/env bash
# The container image's entry command (Dockerfile): `./policy serve` on every interface, from the
# distribution laid out as policy-examples/target is (policy-examples.jar, lib/*.jar, cds/), with the
# decision log on its own volume. ContainerEntryTest runs this script as a non-root user.
#
# Settings, from the environment (docs/deploy/ sets them in Kubernetes):
#   POLICY_HOST          address to listen on (default 0.0.0.0: the container's interfaces)
#   POLICY_PORT          port (default: serve's own, 8080)
#   POLICY_RULES         a rules folder to serve and watch for changes (default: the bundled store-standard pack)
#   POLICY_FLOORS        statutory floors under it, by bundled name or folder, separated by spaces
#   POLICY_LOG_DIR       the decision log's folder (default /var/log/policy); the file is decisions-HOSTNAME.jsonl
#   POLICY_WARM_UP       seconds of warm-up at most before the service says it is ready (default: serve's own)
#   POLICY_CALLERS       the callers file (contract 15): only its callers may call, each with its token; read again
#                        when it changes. Without it, serve refuses every interface unless POLICY_NO_AUTH=true
#   POLICY_ALLOWED_HOSTS the host names a request may be addressed to, separated by commas, or * (default: serve's own)
#   POLICY_NO_AUTH       true: serve every interface without access control, on purpose (a trusted network only)
#   JAVA_OPTS            options for the JVM
# Arguments are passed on to `serve` after these.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log_dir="${POLICY_LOG_DIR:-/var/log/policy}"
args=(serve --host "${POLICY_HOST:-0.0.0.0}" --decision-log "$log_dir/decisions-${HOSTNAME:-$(uname -n)}.jsonl")
[ -n "${POLICY_PORT:-}" ] && args+=(--port "$POLICY_PORT")
[ -n "${POLICY_RULES:-}" ] && args+=(--rules "$POLICY_RULES")
for floor in ${POLICY_FLOORS:-}; do args+=(--floor "$floor"); done
[ -n "${POLICY_WARM_UP:-}" ] && args+=(--warm-up "$POLICY_WARM_UP")
[ -n "${POLICY_CALLERS:-}" ] && args+=(--callers "$POLICY_CALLERS")
[ -n "${POLICY_ALLOWED_HOSTS:-}" ] && args+=(--allowed-hosts "$POLICY_ALLOWED_HOSTS")
[ "${POLICY_NO_AUTH:-}" = "true" ] && args+=(--no-auth)

if [ ! -w "$log_dir" ]; then
  echo "policy: the decision log's folder $log_dir is missing or not writable by $(id -un 2>/dev/null || id -u)" >&2
  exit 2
fi
# The class-data-sharing archive (src/main/cds/build-archive.sh, run when the image is built) halves
# the start-up; without it the JVM starts anyway.
share=()
if [ -f "$home/cds/policy.jsa" ] && [ -f "$home/cds/classpath" ]; then
  classpath="$(cat "$home/cds/classpath")"
  share=(-XX:SharedArchiveFile="$home/cds/policy.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
else
  classpath="$home/policy-examples.jar:$home/lib/*"
fi
java=java
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && java="$JAVA_HOME/bin/java"
# exec: the JVM is the container's process 1 and gets the SIGTERM that stops it gracefully
exec "$java" "${share[@]}" ${JAVA_OPTS:-} -cp "$classpath" io.policyengine.examples.cli.Main "${args[@]}" "$@"
