#!/usr/bin/env bash
# Rehearses PostgreSQL point-in-time recovery on a throw-away cluster (docs/operations.md, "Backup and point-in-time
# restore"): WAL archiving, a base backup, good rows, a noted time, "bad" changes, then a restore to the noted time.
# Needs only the PostgreSQL server binaries (Debian: apt-get install -y postgresql). As root, the server runs as the
# `postgres` user in a temp folder it owns. Everything is stopped; the folder is kept for inspection and its path printed.
#
#   ops/postgres/pitr-rehearsal.sh [port]      # default port 55441 (the restored copy uses port + 1)
set -euo pipefail

port="${1:-55441}"
restore_port=$((port + 1))
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
export PATH="$bin:$PATH"

work="$(mktemp -d /tmp/starfront-pitr.XXXXXX)"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$work"
  as_pg=(runuser -u postgres --)
fi
run() { "${as_pg[@]}" "$@"; }
sql() { run psql -X -q -h "$work" -p "$1" -U postgres -d postgres -v ON_ERROR_STOP=1 -At -c "$2"; }
step() { printf '\n== %s\n' "$*"; }

cleanup() {
  run pg_ctl -D "$work/restored" -m fast stop >/dev/null 2>&1 || true
  run pg_ctl -D "$work/primary" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

step "1. A primary with WAL archiving to $work/archive"
run mkdir "$work/archive"
run initdb -D "$work/primary" -U postgres -A trust --no-locale --encoding=UTF8 >/dev/null
cat <<EOF | run tee -a "$work/primary/postgresql.conf" >/dev/null
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $work/archive/%f && cp %p $work/archive/%f'
listen_addresses = ''
unix_socket_directories = '$work'
EOF
run pg_ctl -D "$work/primary" -l "$work/primary.log" -o "-p $port" -w start >/dev/null
sql "$port" "CREATE TABLE ledger (id int PRIMARY KEY, note text NOT NULL, written_at timestamptz NOT NULL DEFAULT clock_timestamp())"
sql "$port" "INSERT INTO ledger (id, note) VALUES (1, 'before the base backup'), (2, 'before the base backup')"

step "2. Base backup (pg_basebackup, tar + gzip, WAL streamed into the backup)"
run pg_basebackup -h "$work" -p "$port" -U postgres -D "$work/base" -Ft -z -Xstream -c fast
run ls -l "$work/base"

step "3. More good rows after the backup, then the restore point"
sql "$port" "INSERT INTO ledger (id, note) VALUES (3, 'after the backup'), (4, 'after the backup')"
sleep 1
target="$(sql "$port" "SELECT clock_timestamp()")"
echo "recovery_target_time = '$target'"
sleep 1

step "4. The mistake: bad rows and a deleted good row"
sql "$port" "INSERT INTO ledger (id, note) VALUES (5, 'BAD'), (6, 'BAD'); DELETE FROM ledger WHERE id = 1"
sql "$port" "SELECT pg_switch_wal()" >/dev/null   # close the segment so it is archived now
for _ in $(seq 1 50); do
  [ "$(sql "$port" "SELECT last_failed_wal IS NULL AND archived_count > 0 FROM pg_stat_archiver")" = t ] && break
  sleep 0.2
done
echo "primary now:"
sql "$port" "SELECT id, note FROM ledger ORDER BY id"
sql "$port" "SELECT 'archived segments: ' || archived_count || ', last ' || last_archived_wal FROM pg_stat_archiver"
run pg_ctl -D "$work/primary" -m fast stop >/dev/null   # the primary is lost

step "5. Restore: unpack the base backup, restore_command from the archive, recovery_target_time, recovery.signal"
run mkdir -m 700 "$work/restored"
run tar -xzf "$work/base/base.tar.gz" -C "$work/restored"
run tar -xzf "$work/base/pg_wal.tar.gz" -C "$work/restored/pg_wal"
cat <<EOF | run tee -a "$work/restored/postgresql.conf" >/dev/null
restore_command = 'cp $work/archive/%f %p'
recovery_target_time = '$target'
recovery_target_action = 'promote'
archive_mode = off
EOF
run touch "$work/restored/recovery.signal"
run pg_ctl -D "$work/restored" -l "$work/restored.log" -o "-p $restore_port" -w start >/dev/null
for _ in $(seq 1 50); do
  [ "$(sql "$restore_port" "SELECT pg_is_in_recovery()")" = f ] && break
  sleep 0.2
done

step "6. The restored state"
sql "$restore_port" "SELECT id, note FROM ledger ORDER BY id"
grep -E "starting point-in-time recovery|recovery stopping|selected new timeline|database system is ready" "$work/restored.log" \
  | sed 's/^[0-9-]* [0-9:.]* [A-Z]* \[[0-9]*\] //'
rows="$(sql "$restore_port" "SELECT string_agg(id::text, ',' ORDER BY id) FROM ledger")"
if [ "$rows" = "1,2,3,4" ]; then
  echo "OK: rows 1-4 are back (row 1 undeleted), rows 5-6 (BAD) are gone."
else
  echo "UNEXPECTED: rows $rows" >&2
  exit 1
fi
echo "Files kept in $work"
