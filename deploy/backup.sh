#!/usr/bin/env bash
# Backs up the event store's PostgreSQL for point-in-time recovery: a base backup (pg_basebackup, its WAL streamed
# with it) into the repository, beside the WAL segments the server archives continuously (archive-wal.sh). Together
# they restore the database as it was at any instant after the oldest kept base backup: ./deploy/restore.sh --to=…
#
#   ./deploy/backup.sh               take a base backup now (checks and sets archiving first), keep the newest 3
#   ./deploy/backup.sh --switch-wal  only close the current WAL segment and wait until it is archived: everything
#                                    committed so far becomes restorable (before a restore while the server still runs)
#   ./deploy/backup.sh --list        the base backups and the span of archived WAL
#
# Configuration: deploy/backup/backup.conf (repository QINQING_BACKUP_DIR, default .run/backup; server PGHOST,
# PGPORT, PGUSER, default the embedded one at 127.0.0.1:54329). Needs psql and pg_basebackup (Debian's
# postgresql-client) of the server's major version or newer. docs/operations.md, "Back up and restore".
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
# shellcheck source=backup/backup.conf
source "$ROOT/deploy/backup/backup.conf"
export PGHOST PGPORT PGUSER

mode=backup
for arg in "$@"; do
  case $arg in
    --switch-wal) mode=switch ;;
    --list) mode=list ;;
    -h | --help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
  esac
done

newest_bin() { # the newest installed PostgreSQL client binary of that name (Debian keeps one per major version)
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n $found ]]; then echo "$found"; elif command -v "$1" >/dev/null; then command -v "$1"; else
    echo "$1 is missing: apt-get install postgresql-client" >&2; exit 1
  fi
}
PSQL=$(newest_bin psql)
q() { "$PSQL" -X -At -v ON_ERROR_STOP=1 -d postgres "$@"; }

list() {
  echo "repository $QINQING_BACKUP_DIR"
  local base
  for base in $(ls -d "$QINQING_BACKUP_DIR"/base/*/ 2>/dev/null | sort); do
    if [[ -f $base/backup-finished ]]; then
      echo "  base $(basename "$base")  consistent from $(cat "$base/backup-finished")  $(du -sh "$base" | cut -f1)"
    else
      echo "  base $(basename "$base")  INCOMPLETE (ignored by restore.sh)"
    fi
  done
  local wal=("$QINQING_BACKUP_DIR"/wal/0*)
  if [[ -e ${wal[0]} ]]; then
    echo "  wal  ${#wal[@]} files, $(basename "${wal[0]}") … $(basename "${wal[-1]}"), last archived $(date -u -r "${wal[-1]}" +%FT%TZ)"
  else
    echo "  wal  none archived yet"
  fi
}

switch_wal() { # closes the current segment, waits (event-driven on the archiver's own report) until it is archived
  local segment
  segment=$(q -c "SELECT pg_walfile_name(pg_switch_wal())")
  for _ in $(seq 1 600); do
    if [[ -f $QINQING_BACKUP_DIR/wal/$segment ]]; then
      echo "WAL up to $segment archived"
      return 0
    fi
    if [[ $(q -c "SELECT coalesce(last_failed_wal, '') = '$segment' FROM pg_stat_archiver") == t ]]; then
      echo "archiving $segment failed; see the server's log" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "$segment not archived after 120 s; is archive_command set (./deploy/backup.sh sets it)?" >&2
  return 1
}

prepare_archiving() {
  if [[ $(q -c "SHOW archive_mode") == off ]]; then
    echo "archive_mode is off on $PGHOST:$PGPORT: add deploy/backup/postgresql.conf's settings and restart it" >&2
    echo "(the run command's embedded server has them from this version on: restart ./deploy/run.sh)" >&2
    exit 1
  fi
  mkdir -p "$QINQING_BACKUP_DIR/base" "$QINQING_BACKUP_DIR/wal"
  if [[ $(id -u) -eq 0 ]] && id postgres >/dev/null 2>&1; then
    # the server runs as postgres (it refuses root): its archive_command must be able to write here
    chown postgres: "$QINQING_BACKUP_DIR/wal"
  fi
  if [[ $(q -c "SHOW archive_command") != "$QINQING_ARCHIVE_COMMAND" ]]; then
    if [[ $(q -c "SELECT rolsuper FROM pg_roles WHERE rolname = current_user") == t ]]; then
      q -v cmd="$QINQING_ARCHIVE_COMMAND" <<<"ALTER SYSTEM SET archive_command = :'cmd'" >/dev/null
      q -c "SELECT pg_reload_conf()" >/dev/null
      for _ in $(seq 1 50); do
        [[ $(q -c "SHOW archive_command") == "$QINQING_ARCHIVE_COMMAND" ]] && break
        sleep 0.1
      done
      echo "archive_command set on $PGHOST:$PGPORT: $QINQING_ARCHIVE_COMMAND"
    else
      echo "archive_command on $PGHOST:$PGPORT is not $QINQING_ARCHIVE_COMMAND and $PGUSER may not set it" >&2
      exit 1
    fi
  fi
}

backup() {
  prepare_archiving
  local label started target
  label=$(date -u +%Y%m%dT%H%M%SZ)
  target="$QINQING_BACKUP_DIR/base/$label"
  started=$(date +%s%N)
  echo "base backup $label of $PGHOST:$PGPORT into $target"
  "$(newest_bin pg_basebackup)" -D "$target" -Fp -X stream --checkpoint=fast -l "qinqing $label" --no-password
  # restore.sh picks the newest base backup that was consistent before the target instant: the database as it is
  # when pg_basebackup returns is reached by replaying this backup's own WAL
  date -u +%Y-%m-%dT%H:%M:%S.%NZ >"$target/backup-finished"
  echo "done in $((($(date +%s%N) - started) / 1000000)) ms, $(du -sh "$target" | cut -f1)"
  switch_wal
  prune
}

prune() { # keeps the newest QINQING_BACKUP_KEEP complete base backups and the WAL the oldest of them needs
  local complete=() base
  for base in $(ls -d "$QINQING_BACKUP_DIR"/base/*/ 2>/dev/null | sort); do
    [[ -f $base/backup-finished ]] && complete+=("${base%/}")
  done
  ((${#complete[@]} > QINQING_BACKUP_KEEP)) || return 0
  local keep_from=$((${#complete[@]} - QINQING_BACKUP_KEEP))
  for base in "${complete[@]:0:keep_from}"; do
    echo "removing base backup $(basename "$base") (keeping $QINQING_BACKUP_KEEP)"
    rm -rf "$base"
  done
  # the oldest kept backup starts at the segment its backup_label names; older segments serve no backup any more
  local oldest first wal
  oldest=${complete[keep_from]}
  first=$(sed -n 's/^START WAL LOCATION: .* (file \([0-9A-F]*\))$/\1/p' "$oldest/backup_label")
  [[ -n $first ]] || return 0
  for wal in "$QINQING_BACKUP_DIR"/wal/0*; do
    [[ $(basename "$wal") < $first && $(basename "$wal") != *.history ]] && rm -f "$wal"
  done
  return 0
}

case $mode in
  backup) backup ;;
  switch) switch_wal ;;
  list) list ;;
esac
