#!/usr/bin/env bash
# The README's run command: builds what is missing or out of date, then starts PostgreSQL (embedded unless a database
# URL is given) and every built service, and waits until all are healthy. Ctrl-C stops everything.
# Options are the launcher's: ./deploy/run.sh --help
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

# --help prints the launcher's options straight from its help text: nothing is built, no Java is needed
for arg in "$@"; do
  if [[ $arg == --help || $arg == -h ]]; then
    cat deploy/launcher/src/main/resources/usage.txt
    exit 0
  fi
done

if ! command -v java >/dev/null 2>&1; then
  echo "Java 17 or newer is needed (java is not on PATH)." >&2
  exit 1
fi

launcher=deploy/launcher/target/qinqing-launcher.jar

# The jars a build produces: the launcher and every service module listed in the root pom.
expected=("$launcher")
for module in $(sed -n 's#.*<module>\(services/[^<]*\)</module>.*#\1#p' pom.xml); do
  expected+=("$module/target/qinqing-${module#services/}.jar")
done

needs_build() {
  local oldest=""
  for jar in "${expected[@]}"; do
    [[ -f $jar ]] || { echo "$jar is missing"; return 0; }
    if [[ -z $oldest || $jar -ot $oldest ]]; then oldest=$jar; fi
  done
  # a pom or main source newer than the oldest jar: something changed since the last build
  local changed
  changed=$(find pom.xml shared services deploy \
    \( -name target -o -name node_modules \) -prune -o \
    -type f \( -name pom.xml -o -path '*/src/main/*' \) -newer "$oldest" -print -quit 2>/dev/null)
  if [[ -n $changed ]]; then
    echo "$changed changed since the last build"
    return 0
  fi
  return 1
}

if reason=$(needs_build); then
  echo "building ($reason): ./mvnw -B -DskipTests install, about 70 s on an idle 2-core machine,"
  echo "a few minutes more the first time while Maven downloads what it needs; full output in .run/logs/build.log"
  mkdir -p .run/logs
  # running what you are editing should not wait for the formatter: ./mvnw -B verify checks it
  # one line per module as Maven reaches it, so that a long first build shows it is moving
  if ! ./mvnw -B -DskipTests -Dspotless.check.skip=true install </dev/null 2>&1 \
      | tee .run/logs/build.log \
      | sed -un 's/^\[INFO\] Building \(.*\) [0-9][^ ]* *\[\([0-9]*\/[0-9]*\)\]$/  [\2] \1/p'; then
    grep -E '^\[ERROR\]' .run/logs/build.log | head -n 20 >&2 || true
    echo "The build failed; the whole output is in .run/logs/build.log" >&2
    exit 1
  fi
  # the jar plugin keeps a jar whose content did not change; mark every jar as built now
  touch "${expected[@]}"
fi

# The launcher unpacks PostgreSQL on the first run, migrates the event store, then starts and watches processes: no
# optimising compiler, and a heap measured for all of it (docs/operations.md, "Memory and start time");
# FirstStartIT starts it with exactly these options. QINQING_LAUNCHER_JAVA_OPTS adds to them (a later -Xmx wins).
launcher_java_options=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx96m)
# shellcheck disable=SC2086 # word splitting of the extra options is wanted
exec java "${launcher_java_options[@]}" ${QINQING_LAUNCHER_JAVA_OPTS:-} -jar "$launcher" "$@"
