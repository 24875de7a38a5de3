#!/bin/sh
# PostgreSQL's archive_command for point-in-time recovery: archive-wal.sh %p <repository>/wal/%f
# Copies one finished WAL segment into the repository, durably (a temporary name, fsync, rename), and answers 0 only
# once it is there. A segment already archived with the same content is success (PostgreSQL retries after a crash);
# with other content it is a failure, never an overwrite. While no repository exists (no backup was ever taken with
# ./deploy/backup.sh) the segment is not kept: there is no base backup it could be replayed onto.
set -eu
source_path=$1
target=$2
wal_dir=$(dirname "$target")
[ -d "$(dirname "$wal_dir")" ] || exit 0
mkdir -p "$wal_dir"
if [ -f "$target" ]; then
  cmp -s "$source_path" "$target" && exit 0
  echo "archive-wal.sh: $target exists with other content; not overwritten" >&2
  exit 1
fi
partial="$target.partial.$$"
cp "$source_path" "$partial"
sync "$partial" 2>/dev/null || sync
mv "$partial" "$target"
