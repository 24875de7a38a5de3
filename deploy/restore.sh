#!/usr/bin/env bash
# Restores the event store's PostgreSQL as it was at an instant, into a NEW data directory (the damaged or current
# one is never touched), from the newest base backup taken before that instant and the archived WAL after it
# (./deploy/backup.sh), then starts the platform on it.
#
#   ./deploy/restore.sh --to=2026-12-06T10:15:00Z [--data=DIR] [--port=PORT] [--no-platform] [run.sh options…]
#
#   --to=INSTANT    the last instant whose commits are kept (ISO-8601 with a zone); a write acknowledged by then is
#                   there, one acknowledged later is not
#   --data=DIR      the new data directory (default .run/restored-<now>); must not exist or be empty
#   --port=PORT     the restored server's port (default 54339, beside the embedded server's 54329)
#   --no-platform   recover and leave the server running, print its JDBC URL; do not start the platform
#   anything else   passed to ./deploy/run.sh, which runs on the restored database (--database-url=…)
#
# Ctrl-C stops the platform and then the restored server. Repository: deploy/backup/backup.conf (QINQING_BACKUP_DIR).
# docs/operations.md, "Back up and restore".
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
# shellcheck source=backup/backup.conf
source "$ROOT/deploy/backup/backup.conf"

to="" data="" port=54339 platform=true run_args=()
for arg in "$@"; do
  case $arg in
    --to=*) to=${arg#*=} ;;
    --data=*) data=${arg#*=} ;;
    --port=*) port=${arg#*=} ;;
    --no-platform) platform=false ;;
    -h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) run_args+=("$arg") ;;
  esac
done
[[ -n $to ]] || { echo "--to=INSTANT is required (ISO-8601, e.g. 2026-12-06T10:15:00Z); see --help" >&2; exit 2; }
target_ns=$(date -u -d "$to" +%s%N 2>/dev/null) || { echo "--to=$to is not an instant" >&2; exit 2; }
# PostgreSQL's recovery_target_time takes neither 'T' nor 'Z'; timestamps are microseconds there
target_sql=$(date -u -d "$to" '+%Y-%m-%d %H:%M:%S.%6N+00')
[[ $target_ns -le $(date +%s%N) ]] || { echo "--to=$to is in the future" >&2; exit 2; }
data=${data:-$ROOT/.run/restored-$(date -u +%Y%m%dT%H%M%SZ)}
data=$(readlink -m "$data")
if [[ -e $data && -n $(ls -A "$data") ]]; then
  echo "$data exists and is not empty: a restore goes into a new directory" >&2
  exit 2
fi

# the newest complete base backup that was consistent before the instant
base=""
for candidate in $(ls -d "$QINQING_BACKUP_DIR"/base/*/ 2>/dev/null | sort); do
  [[ -f $candidate/backup-finished ]] || continue
  finished_ns=$(date -u -d "$(cat "$candidate/backup-finished")" +%s%N)
  [[ $finished_ns -lt $target_ns ]] && base=${candidate%/}
done
if [[ -z $base ]]; then
  echo "no base backup in $QINQING_BACKUP_DIR was complete before $to (./deploy/backup.sh --list)" >&2
  exit 1
fi

# PostgreSQL of the backup's major version: QINQING_PG_BIN, the machine's, or the embedded one the launcher unpacked
version=$(cat "$base/PG_VERSION")
bin=""
for candidate in ${QINQING_PG_BIN:-} /usr/lib/postgresql/"$version"/bin "$ROOT"/.run/postgres-binaries/PG-*/bin; do
  if [[ -x $candidate/postgres && -x $candidate/pg_ctl ]] \
    && [[ $("$candidate/postgres" --version | sed 's/.* \([0-9]*\)\..*/\1/') == "$version" ]]; then
    bin=$candidate
    break
  fi
done
[[ -n $bin ]] || { echo "no PostgreSQL $version binaries (set QINQING_PG_BIN=…/bin)" >&2; exit 1; }

as_owner() { # PostgreSQL refuses to run as root: as root, it runs as postgres
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
psql_bin=$(ls -d /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1 || command -v psql)
q() { "$psql_bin" -X -At -h 127.0.0.1 -p "$port" -U "$PGUSER" -d postgres -c "$1"; }

started_ns=$(date +%s%N)
echo "restoring to $to: base backup $(basename "$base") (consistent from $(cat "$base/backup-finished")),"
echo "  WAL from $QINQING_BACKUP_DIR/wal, into $data, PostgreSQL $version ($bin), port $port"
mkdir -p "$data"
cp -a "$base/." "$data/"
rm -f "$data/backup-finished"
cat >>"$data/postgresql.auto.conf" <<CONF
# restore.sh $(date -u +%FT%TZ): recovery to $to
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 300
restore_command = 'cp "$QINQING_BACKUP_DIR/wal/%f" "%p"'
recovery_target_time = '$target_sql'
recovery_target_action = 'promote'
CONF
touch "$data/recovery.signal"
chmod 700 "$data"
if [[ $(id -u) -eq 0 ]]; then chown -R postgres: "$data"; fi
log="$data/restore.log"

as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 600 start >/dev/null || {
  echo "the restored server did not start; its log ($log) ends:" >&2
  tail -n 20 "$log" >&2
  exit 1
}
# it accepts connections once consistent, replays up to the instant, then promotes itself (recovery_target_action)
until [[ $(q "SELECT pg_is_in_recovery()" 2>/dev/null) == f ]]; do
  if ! as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    echo "recovery stopped; the server's log ($log) ends:" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  sleep 0.2
done
# the recovery settings did their work; a later restart of this server must not try to recover again
for setting in restore_command recovery_target_time recovery_target_action; do
  q "ALTER SYSTEM RESET $setting" >/dev/null
done
stopped_at=$(grep -o 'recovery stopping [^,]*, time [0-9: .+-]*' "$log" | tail -n 1 || true)
echo "restored in $((($(date +%s%N) - started_ns) / 1000000)) ms: ${stopped_at:-replayed all archived WAL up to the instant}"
url="jdbc:postgresql://127.0.0.1:$port/qinqing"

if [[ $platform == false ]]; then
  echo "restored server running: $url (user $PGUSER); stop it with: pg_ctl -D $data stop"
  exit 0
fi
stop_server() { as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true; }
trap stop_server EXIT
echo "starting the platform on $url"
"$ROOT/deploy/run.sh" --database-url="$url" "${run_args[@]}"
