#!/usr/bin/env bash
# Builds the command line's class-data-sharing archive (AppCDS): the classes a `decide --json` with
# the bundled store-standard pack and the cn-consumer-law floor loads, parsed and verified once here
# instead of at every start. Run by the package phase (pom.xml); ./policy uses the archive when it is
# newer than every jar of the class path, and runs without it otherwise.
#
# A static archive from a class list: -XX:ArchiveClassesAtExit crashes JDK 17 once a class of the
# signed ecj jar is loaded, so ecj's classes stay out of the list. CDS takes jars only, no class
# folders, hence the CLI's own jar and target/lib.
set -uo pipefail
target="$1"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cds="$target/cds"
rm -rf "$cds" && mkdir -p "$cds"
classpath="$target/policy-examples.jar$(printf ':%s' "$target"/lib/*.jar)"
java=java
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && java="$JAVA_HOME/bin/java"

"$java" -Xshare:off -XX:DumpLoadedClassList="$cds/loaded.classlist" -cp "$classpath" \
  io.policyengine.examples.cli.Main decide --json --floor cn-consumer-law "$here/training-claims.jsonl" >/dev/null 2>&1
grep -v '^org/eclipse/jdt/' "$cds/loaded.classlist" > "$cds/classes.classlist" 2>/dev/null
if "$java" -Xshare:dump -XX:SharedClassListFile="$cds/classes.classlist" -XX:SharedArchiveFile="$cds/policy.jsa" \
     -cp "$classpath" > "$cds/dump.log" 2>&1; then
  printf '%s' "$classpath" > "$cds/classpath"
else
  echo "warning: no class-data-sharing archive (see $cds/dump.log); ./policy starts without it" >&2
  rm -f "$cds/policy.jsa"
fi
# the command line is packaged: ./policy need not build it again (after `mvn verify`, say)
touch "$target/.cli-built"
exit 0
