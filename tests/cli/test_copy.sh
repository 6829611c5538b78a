#!/bin/bash
# sightline copy: every row into an empty database, verified; a target that
# holds rows is refused and left as it was. SQLite to SQLite always; SQLite
# to PostgreSQL and back when a cluster is given (SL_PG_URL, as make check
# starts one): the export and the audit log come back identical. A
# PostgreSQL URL with a wrong password is refused without showing it.
. "$(dirname "$0")/lib.sh"
B=${SL_REAL:-$SL}
S=$T/s.db
ok init "$B" --db "$S" init
ok import "$B" --db "$S" import "$DATA/core.csv"
ok update "$B" --db "$S" update 2.2 --status on-track --note "copied note" --as-of 2017-09-02
ok user sh -c "echo 'a-long-password' | '$B' --db '$S' user add jo --role lead --person JN --password-stdin"
printf '%%PDF-1.4\n%%%%EOF\n' >"$T/minutes.pdf"
head -c 3000 /dev/urandom >>"$T/minutes.pdf"
ok attach "$B" --db "$S" update 2.2 --note "minutes attached" --attach "$T/minutes.pdf" --as-of 2017-09-02
ok source-export "$B" --db "$S" export --plan 1 --format csv
cp "$T/out" "$T/export-s"
ok source-history "$B" --db "$S" history
cp "$T/out" "$T/history-s"

ok copy-sqlite "$B" copy --from "$S" --to "$T/c.db"
has copy-says-verified "$T/out" "count and checksum verified"
ok copy-export "$B" --db "$T/c.db" export --plan 1 --format csv
same copy-export-same "$T/export-s" "$T/out"
ok copy-history "$B" --db "$T/c.db" history
same copy-history-same "$T/history-s" "$T/out"
ok copy-user-kept "$B" --db "$T/c.db" show 2.2 --plan 1
has copy-update-kept "$T/out" "copied note"
ok copy-evidence "$B" --db "$T/c.db" evidence get 1 --output "$T/got-c.pdf"
cmp -s "$T/minutes.pdf" "$T/got-c.pdf" && pass || fail "the copy's evidence file differs"
before=$(sha256sum < "$T/c.db")
status 1 copy-refuses-nonempty "$B" copy --from "$S" --to "$T/c.db"
has refusal-says "$T/err" "not empty"
[ "$(sha256sum < "$T/c.db")" = "$before" ] && pass || fail "a refused copy changed the target"
status 2 copy-needs-both "$B" copy --from "$S"

if [ -n "${SL_PG_URL:-}" ]; then
    name=sl_copy_$$
    psql -qX "$SL_PG_URL" -c "CREATE DATABASE $name" >/dev/null 2>&1
    echo "$SL_PG_URL" >"$SL_PG_MARKS/$name"
    P=$(echo "$SL_PG_URL" | sed "s|/postgres?|/$name?|")
    ok copy-to-pg "$B" copy --from "$S" --to "$P"
    ok pg-export "$B" --db "$P" export --plan 1 --format csv
    same pg-export-same "$T/export-s" "$T/out"
    ok pg-history "$B" --db "$P" history
    same pg-history-same "$T/history-s" "$T/out"
    ok pg-evidence "$B" --db "$P" evidence get 1 --output "$T/got-pg.pdf"
    cmp -s "$T/minutes.pdf" "$T/got-pg.pdf" && pass || fail "PostgreSQL's evidence file differs"
    status 1 pg-refuses-nonempty "$B" copy --from "$S" --to "$P"
    ok copy-back "$B" copy --from "$P" --to "$T/back.db"
    ok back-export "$B" --db "$T/back.db" export --plan 1 --format csv
    same back-export-same "$T/export-s" "$T/out"
    ok back-history "$B" --db "$T/back.db" history
    same back-history-same "$T/history-s" "$T/out"
    ok back-evidence "$B" --db "$T/back.db" evidence get 1 --output "$T/got-back.pdf"
    cmp -s "$T/minutes.pdf" "$T/got-back.pdf" && pass || fail "the evidence file copied back differs"
    # After the copy PostgreSQL numbers new rows past the copied ones.
    ok pg-update-after-copy "$B" --db "$P" update 2.2 --status complete --note "after copy" --as-of 2017-09-03
    ok pg-history-after "$B" --db "$P" history
    has pg-new-entry "$T/out" "after copy"

    # A wrong password: exit 1, the reason, and never the password itself.
    sock=${SL_PG_URL##*host=}
    sock=${sock%%&*}
    status 1 wrong-password "$B" --db "postgresql://sl_password:not-the-secret@/postgres?host=$sock" plans
    has wrong-password-says "$T/err" "password authentication failed"
    lacks wrong-password-hidden "$T/err" "not-the-secret"
    ok right-password "$B" --db "postgresql://sl_password:right-one@/$name?host=$sock" check
    lacks right-password-hidden "$T/out" "right-one"
    has right-password-masked "$T/out" "sl_password:***@"
    status 1 wrong-password-param "$B" --db "postgresql:///postgres?host=$sock&user=sl_password&password=not-the-secret" plans
    lacks wrong-password-param-hidden "$T/err" "not-the-secret"
else
    SKIPPED=$((SKIPPED + 1))
    echo "SKIP $(basename "$0"): no PostgreSQL cluster (SL_PG_URL); make check starts one" >&2
fi
finish
