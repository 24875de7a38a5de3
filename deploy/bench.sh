#!/usr/bin/env bash
# The benchmark of issue 8: filing, propagation, replay and start-up as ratios against raw PostgreSQL on the same
# server, in one run. Builds what is stale, then runs deploy/bench (cn.qinqing.bench.Bench) against the machine's
# PostgreSQL at 127.0.0.1:5432 in a fresh database that is dropped at the end.
#   ./deploy/bench.sh --quick        about 3-4 minutes; writes deploy/bench/results/latest.json
#   ./deploy/bench.sh --full         also P4 (10 million events); see docs/performance.md
#   ./deploy/bench.sh --help         every option
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

if ! command -v java >/dev/null 2>&1; then
  echo "Java 17 or newer is needed (java is not on PATH)." >&2
  exit 1
fi

# a module is stale when its jar is missing or one of its poms or main sources is newer than the jar
stale() { # module jar
  local module=$1 jar=$2
  [[ -f $jar ]] || return 0
  [[ -n $(find "$module/pom.xml" "$module/src/main" pom.xml -newer "$jar" -type f -print -quit 2>/dev/null) ]]
}

modules=()
oldest_service_jar=""
for module in $(sed -n 's#.*<module>\(services/[^<]*\)</module>.*#\1#p' pom.xml); do
  jar="$module/target/qinqing-${module#services/}.jar"
  if stale "$module" "$jar"; then modules+=("$module"); fi
  if [[ -f $jar && ( -z $oldest_service_jar || $jar -ot $oldest_service_jar ) ]]; then oldest_service_jar=$jar; fi
done
full_build=""
if [[ -n $oldest_service_jar && -n $(find shared -path '*/target' -prune -o -type f \( -name pom.xml -o -path '*/src/main/*' \) -newer "$oldest_service_jar" -print -quit) ]]; then
  full_build="shared code changed since the services were built"
fi
# the local Maven repository: ~/.m2/repository unless MAVEN_OPTS names another (-Dmaven.repo.local=…)
repository=$(sed -n 's/.*-Dmaven\.repo\.local=\([^ ]*\).*/\1/p' <<< "${MAVEN_OPTS:-}")
repository=${repository:-$HOME/.m2/repository}
# the modules below are built alone (-pl), so the shared ones they depend on must be in the repository already
for module in $(sed -n 's#.*<module>\(shared/[^<]*\)</module>.*#\1#p' pom.xml); do
  artifact=qinqing-${module#shared/}
  if [[ ! -f $repository/cn/qinqing/$artifact/0.1.0-SNAPSHOT/$artifact-0.1.0-SNAPSHOT.jar ]]; then
    full_build="$module is not installed yet"
  fi
done
installed_launcher=$(ls "$repository"/cn/qinqing/qinqing-launcher/0.1.0-SNAPSHOT/qinqing-launcher-0.1.0-SNAPSHOT.jar 2>/dev/null || true)
if [[ -z $installed_launcher ]] || stale deploy/launcher "$installed_launcher"; then modules+=(deploy/launcher); fi
if stale deploy/bench deploy/bench/target/lib/postgresql-42.7.8.jar || [[ ! -f deploy/bench/target/lib/qinqing-test-support-0.1.0-SNAPSHOT.jar ]] || [[ ! -d deploy/bench/target/classes/cn/qinqing/bench ]] \
  || [[ -n $(find deploy/bench/src/main -newer deploy/bench/target/classes/cn/qinqing/bench/Bench.class -print -quit) ]]; then
  modules+=(deploy/bench)
fi

# --help only prints the options: build nothing unless the bench itself is not compiled yet
wants_help=false
for arg in "$@"; do [[ $arg == --help || $arg == -h ]] && wants_help=true; done

if $wants_help && [[ -f deploy/bench/target/classes/cn/qinqing/bench/Bench.class ]]; then
  :
elif [[ ${BENCH_NO_BUILD:-} == 1 ]]; then
  [[ -z $full_build && ${#modules[@]} -eq 0 ]] || echo "BENCH_NO_BUILD=1: running the jars as they are (${full_build:-stale: ${modules[*]}})"
elif [[ -n $full_build ]]; then
  # as ./deploy/run.sh does: every module, a few minutes
  echo "building everything ($full_build; ./mvnw -B -q -DskipTests install)…"
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true install
elif [[ ${#modules[@]} -gt 0 ]]; then
  list=$(IFS=,; echo "${modules[*]}")
  echo "building $list (stale or missing)…"
  ./mvnw -B -q -o -DskipTests -Dspotless.check.skip=true -pl "$list" install
fi

# the load generator shares 2 cores with the services: a modest heap, the default compiler
# BENCH_MAIN: ./deploy/soak.sh runs the soak (cn.qinqing.bench.Soak) with the same build
exec java -Xmx512m -Dqinqing.root="$PWD" -cp "deploy/bench/target/classes:deploy/bench/target/lib/*" \
  "${BENCH_MAIN:-cn.qinqing.bench.Bench}" "$@"
