#!/usr/bin/env bash
# The fault runs of issue 9 that are too long for CI, at full size (CI runs the same tests, short; docs/reliability.md
# has the last figures). Builds every jar (./mvnw package, nothing installed), then runs the test through failsafe.
#   ./deploy/reliability.sh r1 [SECONDS] [CLIENTS]   crash and restart: kill -9 appeals and assignment under load,
#                                                    then restart PostgreSQL (its own embedded server, never yours);
#                                                    SECONDS of load per phase (default 120), CLIENTS users (default 8)
#   ./deploy/reliability.sh r10 [SECONDS] [CLIENTS]  PostgreSQL failover: a primary and its synchronous standby (the
#                                                    machine's postgresql-15 binaries, on loopback ports), kill -9 of
#                                                    the primary under load, pg_ctl promote; SECONDS of load (default
#                                                    60), CLIENTS users (default 4)
#   ./deploy/reliability.sh restore [APPEALS]        the restore drill of issue 19: APPEALS filings (default 3) before
#                                                    a backup, after it, and after a noted instant; ./deploy/backup.sh,
#                                                    the server lost, ./deploy/restore.sh --to=<instant>, the platform
#                                                    on the restored copy, oversight replayed and compared as of then
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }

run_it() { # modules test [maven arguments…]
  local modules=$1 test=$2
  shift 2
  echo "building every jar (./mvnw -B -q package -DskipTests)…"
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package
  mkdir -p target
  ./mvnw -B verify -Dspotless.check.skip=true -pl "$modules" -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test="$test" -Dfailsafe.failIfNoSpecifiedTests=false "$@" | tee "target/reliability-$test.log" \
    | grep -E '^\[(r1|r7|r10|restore)\]|Tests run:|FAIL|BUILD' || true
  grep -q 'BUILD SUCCESS' "target/reliability-$test.log"
}

case "${1:-}" in
  r1)
    run_it shared/logging,shared/web,shared/language,shared/platform,shared/test-support,deploy/launcher \
      CrashAndRestartIT \
      -Dqinqing.r1.seconds="${2:-120}" -Dqinqing.r1.clients="${3:-8}" \
      -Dqinqing.r1.services=identity,appeals,assignment,resolution,oversight
    ;;
  r10)
    run_it shared/logging,shared/web,shared/language,shared/platform,shared/test-support,deploy/launcher \
      FailoverIT \
      -Dqinqing.r10=true -Dqinqing.r10.seconds="${2:-60}" -Dqinqing.r10.clients="${3:-4}"
    ;;
  restore)
    run_it shared/logging,shared/web,shared/language,shared/platform,shared/test-support,deploy/launcher \
      RestoreDrillIT \
      -Dqinqing.restore=true -Dqinqing.restore.appeals="${2:-3}"
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
