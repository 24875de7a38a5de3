#!/usr/bin/env bash
# The fault runs of issue 9 that are too long for CI, at full size (CI runs the same tests, short; docs/reliability.md
# has the last figures). Builds every jar (./mvnw package, nothing installed), then runs the test through failsafe.
#   ./deploy/reliability.sh r1 [SECONDS] [CLIENTS]   crash and restart: kill -9 appeals and assignment under load,
#                                                    then restart PostgreSQL (its own embedded server, never yours);
#                                                    SECONDS of load per phase (default 120), CLIENTS users (default 8)
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

usage() { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; }

run_it() { # modules test [maven arguments…]
  local modules=$1 test=$2
  shift 2
  echo "building every jar (./mvnw -B -q package -DskipTests)…"
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package
  mkdir -p target
  ./mvnw -B verify -Dspotless.check.skip=true -pl "$modules" -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test="$test" -Dfailsafe.failIfNoSpecifiedTests=false "$@" | tee "target/reliability-$test.log" \
    | grep -E '^\[(r1|r7)\]|Tests run:|FAIL|BUILD' || true
  grep -q 'BUILD SUCCESS' "target/reliability-$test.log"
}

case "${1:-}" in
  r1)
    run_it shared/logging,shared/web,shared/language,shared/platform,shared/test-support,deploy/launcher \
      CrashAndRestartIT \
      -Dqinqing.r1.seconds="${2:-120}" -Dqinqing.r1.clients="${3:-8}" \
      -Dqinqing.r1.services=identity,appeals,assignment,resolution,oversight
    ;;
  -h | --help | "")
    usage
    ;;
  *)
    echo "unknown run '$1'" >&2
    usage >&2
    exit 2
    ;;
esac
