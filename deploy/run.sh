#!/usr/bin/env bash
# The README's run command: builds what is missing or out of date, then starts PostgreSQL (embedded unless a database
# URL is given) and every built service, and waits until all are healthy. Ctrl-C stops everything.
# Options are the launcher's: ./deploy/run.sh --help
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

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

# --help only prints the launcher's options: it builds nothing unless the launcher itself is missing
wants_help=false
for arg in "$@"; do [[ $arg == --help || $arg == -h ]] && wants_help=true; done

if { ! $wants_help || [[ ! -f $launcher ]]; } && reason=$(needs_build); then
  echo "building… ($reason; ./mvnw -B -q -DskipTests install, a few minutes the first time)"
  # running what you are editing should not wait for the formatter: ./mvnw -B verify checks it
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true install
  # the jar plugin keeps a jar whose content did not change; mark every jar as built now
  touch "${expected[@]}"
fi

# the launcher only starts and watches processes: a small heap and no optimising compiler are plenty
exec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx64m -jar "$launcher" "$@"
