#!/bin/bash
# Backup, restore and the integrity check: a backup taken while updates are
# being written is consistent; restore refuses a damaged or foreign file and
# leaves the database as it was.
. "$(dirname "$0")/lib.sh"
DB=$T/a.db
s() { "$SL" --db "$DB" "$@"; }
ok import s import "$DATA/core.csv"
ok check s check
# On PostgreSQL the server's own tools copy the database: backup and
# restore are refused, saying which to use, and change nothing.
if [ "$BACKEND" = postgresql ]; then
    status 1 pg-backup-refused s backup "$T/b1.db"
    has pg-backup-says "$T/err" "pg_dump"
    [ ! -s "$T/b1.db" ] && pass || fail "a refused backup wrote a file"
    status 1 pg-restore-refused s restore "$T/b1.db"
    has pg-restore-says "$T/err" "pg_restore"
    ok pg-still-there s actions --json --as-of 2017-09-01
    py pg-still-six "$T/out" "len(d)==6"
    sqlite_only "backup, restore and integrity check of database files"
    finish
    exit $?
fi
ok backup s backup "$T/b1.db"
status 1 backup-never-overwrites s backup "$T/b1.db"
ok restore "$SL" --db "$T/r.db" restore "$T/b1.db"
ok restored-lists "$SL" --db "$T/r.db" actions --json --as-of 2017-09-01
py restored-six "$T/out" "len(d)==6"

# Backups taken while another process writes updates are each whole.
( for i in $(seq 40); do "$SL" --db "$DB" update 2.2 --status on-track --note "write $i" >/dev/null 2>&1; done ) &
writer=$!
for i in 1 2 3 4 5; do
    ok "backup-during-writes-$i" s backup "$T/live-$i.db"
    ok "backup-during-writes-$i-whole" "$SL" --db "$T/live-$i.db" check
done
wait $writer
ok after-writes s show 2.2
has all-writes-landed "$T/out" "write 40"

# Restore refuses what is not a whole sightline database; nothing changes.
before=$(sha256sum < "$T/r.db")
head -c 20000 "$T/b1.db" > "$T/cut.db"
status 1 restore-refuses-truncated "$SL" --db "$T/r.db" restore "$T/cut.db"
printf 'not a database' > "$T/junk.db"
status 1 restore-refuses-junk "$SL" --db "$T/r.db" restore "$T/junk.db"
sqlite3 "$T/other.db" "CREATE TABLE x(a); INSERT INTO x VALUES (1);"
status 1 restore-refuses-foreign "$SL" --db "$T/r.db" restore "$T/other.db"
has foreign-named "$T/err" "not a sightline database"
[ "$(sha256sum < "$T/r.db")" = "$before" ] && pass || fail "a refused restore changed the database"
status 1 restore-missing "$SL" --db "$T/r.db" restore "$T/nope.db"
finish
