#!/bin/bash
# Governance on the command line (SPEC.md §2, §5.1): boards and members,
# meetings (scheduled, moved, published, shown), attendance with named
# substitutes, agenda, minutes, decisions, actions arising, risks, savings,
# the calendar (JSON and iCalendar) and its tokens; bad input refused with
# the database byte-for-byte unchanged.
. "$(dirname "$0")/lib.sh"
DB=$T/g.db
B="Improvement Board"
s() { "$SL" --db "$DB" "$@"; }
sum() { sha256sum < "$DB"; }
# unchanged NAME WANT CMD...: the command exits WANT and leaves the database as it was.
unchanged() {
    local name=$1 want=$2; shift 2
    local before; before=$(sum)
    status "$want" "$name" "$@"
    if [ "$(sum)" = "$before" ]; then pass; else fail "$name: the database changed"; fi
}

for c in board boards meeting attendance agenda minutes decision arising risk risks savings calendar; do
    ok "help-$c" "$SL" "$c" --help
    has "help-$c-usage" "$T/out" "usage: sightline"
done
ok init s init

# Boards and members.
ok board-add s board add "$B" --kind improvement --chair "Jane Doe" --meets "monthly, first Tuesday"
ok member-add s board member add "$B" --role "Director of Children's Services" --name "Ann Smith" \
    --organisation "Croydon Council" --substitute "Bob Jones" --vice-chair
ok member-unnamed s board member add "$B" --role "Police" --organisation "Met Police"
ok programme-add s board add "Programme Board" --kind programme --meets "6 weeks" --papers-days 7 \
    --substitute-days 3 --minutes-days 10 --chair-report-every 2 --review-months 6
ok board-set s board set "Programme Board" --meets "every six weeks" --papers-days 6
ok boards-json s boards --json
cp "$T/out" "$T/b.json"
py boards-keys "$T/b.json" "all({'name','kind','chair','members','meets_every','papers_days','substitute_notice_days','minutes_days','chair_report_every','review_months'}<=set(x) for x in d)"
py boards-member-keys "$T/b.json" "all({'name','role','organisation','substitute'}<=set(m) for x in d for m in x['members'])"
py boards-improvement "$T/b.json" "[x for x in d if x['name']=='$B'][0]['chair']=='Jane Doe' and [x for x in d if x['name']=='$B'][0]['meets_every']=='1 month'"
py boards-null-name "$T/b.json" "[m for x in d for m in x['members'] if m['role']=='Police'][0]['name'] is None"
py boards-substitute "$T/b.json" "[m for x in d for m in x['members'] if m['name']=='Ann Smith'][0]['substitute']=='Bob Jones'"
py boards-rules "$T/b.json" "[(x['meets_every'],x['papers_days'],x['substitute_notice_days'],x['minutes_days'],x['chair_report_every'],x['review_months']) for x in d if x['kind']=='programme']==[('6 weeks',6,3,10,2,6)]"
py boards-defaults "$T/b.json" "[(x['papers_days'],x['substitute_notice_days'],x['minutes_days'],x['chair_report_every'],x['review_months']) for x in d if x['kind']=='improvement']==[(5,2,5,3,3)]"
ok board-chair-member s board set "$B" --chair "Ann Smith"
ok boards-json-2 s boards --json
py chair-existing-member "$T/out" "[(x['chair'],len(x['members']),sum(m['chair'] for m in x['members'])) for x in d if x['name']=='$B']==[('Ann Smith',3,1)]"
ok board-chair-back s board set "$B" --chair "Jane Doe"
ok board-adopted s board set "Programme Board" --adopted 2017-07-01
ok boards-adopted s boards --json
py boards-adopted-key "$T/out" "[x['tor_adopted'] for x in d if x['kind']=='programme']==['2017-07-01']"
unchanged board-adopted-bad 1 s board set "Programme Board" --adopted 2017-06-31
ok boards-text s boards
has boards-text-name "$T/out" "Improvement Board (improvement)"

# Refused: duplicate name (any case), unknown board, bad kind (usage).
unchanged board-duplicate 1 s board add "improvement board" --kind improvement
has board-duplicate-says "$T/err" "already exists"
unchanged board-unknown 1 s board set "No Such Board" --papers-days 3
has board-unknown-says "$T/err" "no board named"
unchanged board-bad-kind 2 s board add "X" --kind committee
unchanged board-bad-meets 2 s board add "X" --kind scrutiny --meets "now and then"

# Meetings.
ok meet-sep s meeting add --board "$B" --date 2017-09-05 --time 10:00 --venue "Town Hall, Room 1"
ok meet-jan s meeting add --board "$B" --date 2018-01-02
ok schedule s meeting schedule --board "$B" --from 2017-10-01 --count 3
has schedule-oct "$T/out" "2017-10-03"
has schedule-nov "$T/out" "2017-11-07"
has schedule-dec "$T/out" "2017-12-05"
ok schedule-six-weeks s meeting schedule --board "Programme Board" --from 2017-09-12 --count 3
has schedule-six-weeks-2 "$T/out" "2017-10-24"
has schedule-six-weeks-3 "$T/out" "2017-12-05"
unchanged meet-bad-date 1 s meeting add --board "$B" --date 2017-02-30
has meet-bad-date-says "$T/err" "2017-02-30"
unchanged meet-duplicate 1 s meeting add --board "$B" --date 2017-09-05
unchanged meet-unknown-board 1 s meeting add --board "Nope" --date 2017-09-05
unchanged meet-bad-time 2 s meeting add --board "$B" --date 2017-09-06 --time 25:00
ok move s meeting move --board "$B" --date 2017-12-05 --to 2017-12-12
unchanged move-missing 1 s meeting move --board "$B" --date 2017-12-05 --to 2017-12-19

# Attendance: a substitute must be the named one or another member.
ok attend-sub s attendance --board "$B" --date 2017-09-05 --member "Ann Smith" substitute --by "Bob Jones"
ok attend-apologies s attendance --board "$B" --date 2017-09-05 --member Police apologies
ok attend-member-sub s attendance --board "$B" --date 2017-10-03 --member Police substitute --by "Jane Doe"
ok attend-present s attendance --board "$B" --date 2017-09-05 --member "Jane Doe" present
unchanged attend-bad-sub 1 s attendance --board "$B" --date 2017-09-05 --member "Ann Smith" substitute --by "Eve Green"
has attend-bad-sub-says "$T/err" "named substitute"
unchanged attend-unknown-member 1 s attendance --board "$B" --date 2017-09-05 --member "Nobody" present
unchanged attend-no-by 2 s attendance --board "$B" --date 2017-09-05 --member Police substitute

# Agenda, publication (late papers), decisions, minutes.
ok agenda-standing s agenda add --board "$B" --date 2017-09-05 --title "Performance scorecard" --kind standing
ok publish s meeting publish --board "$B" --date 2017-09-05 --as-of 2017-08-29
unchanged publish-again 1 s meeting publish --board "$B" --date 2017-09-05 --as-of 2017-08-30
ok agenda-late s agenda add --board "$B" --date 2017-09-05 --title "Workforce deep dive" --kind deep-dive --theme Workforce
has agenda-late-says "$T/out" "late paper"
ok decision s decision add --board "$B" --date 2017-09-05 --text "Agreed the transitional plan"
printf 'Minutes of 5 September.\nAll agreed.\n' > "$T/minutes.txt"
ok minutes-file s minutes --board "$B" --date 2017-09-05 --file "$T/minutes.txt"
unchanged minutes-approve-earlier 1 s minutes approve --board "$B" --date 2017-09-05 --at 2017-09-01
ok minutes-approve s minutes approve --board "$B" --date 2017-09-05 --at 2017-10-03
unchanged minutes-after-approval 1 s minutes --board "$B" --date 2017-09-05 --text "Rewritten"

# Actions arising: carried forward until closed, history kept.
ok arising-add s arising add --board "$B" --date 2017-09-05 --text "Report caseloads by team" --owner "DCS" --due 2017-09-29
ok arising-add-2 s arising add --board "$B" --date 2017-09-05 --text "Invite the police lead" --owner "Chair" --due 2017-10-02
ok show-json s meeting show --board "$B" --date 2017-09-05 --json
cp "$T/out" "$T/m.json"
py show-keys "$T/m.json" "{'board','date','time','venue','attendance','agenda','arising','minutes','minutes_state','decisions','papers_published'}<=set(d)"
py show-attendance "$T/m.json" "{(a['member'],a['state'],a['substitute']) for a in d['attendance']}=={('Ann Smith','substitute','Bob Jones'),('Police','apologies',None),('Jane Doe','present',None)}"
py show-agenda "$T/m.json" "[(a['title'],a['kind'],a['late']) for a in d['agenda']]==[('Performance scorecard','standing',False),('Workforce deep dive','deep-dive',True)]"
py show-minutes "$T/m.json" "d['minutes_state']=='approved' and d['minutes'].startswith('Minutes of 5 September')"
py show-decisions "$T/m.json" "d['decisions']==['Agreed the transitional plan']"
py show-time-venue "$T/m.json" "d['time']=='10:00' and d['venue']=='Town Hall, Room 1' and d['papers_published']=='2017-08-29'"
ok show-next s meeting show --board "$B" --date 2017-10-03 --json
py carried-forward "$T/out" "sorted(a['text'] for a in d['arising'])==['Invite the police lead','Report caseloads by team']"
ok arising-close s arising update 1 --status complete --note "Report tabled"
ok arising-progress s arising update 2 --status in-progress
unchanged arising-unknown 1 s arising update 99 --status complete
unchanged arising-bad-status 2 s arising update 2 --status finished-ish
ok show-later s meeting show --board "$B" --date 2017-11-07 --json
py closed-not-carried "$T/out" "[a['text'] for a in d['arising']]==['Invite the police lead']"
ok arising-history s arising history 1 --json
py arising-history-rows "$T/out" "[(h['status'],h['note']) for h in d]==[('not-started','raised'),('complete','Report tabled')] and all(h['author']=='tester' for h in d)"
unchanged arising-history-unknown 1 s arising history 99
ok arising-open s arising list --open --json
py arising-open-list "$T/out" "[(a['id'],a['status']) for a in d]==[(2,'in-progress')]"
ok arising-all s arising list --board "$B" --json
py arising-keys "$T/out" "len(d)==2 and all({'id','board','meeting','text','owner','due','status'}<=set(a) for a in d)"
ok show-text s meeting show --board "$B" --date 2017-10-03
has show-text-arising "$T/out" "Action arising 2"

# Risks.
ok risk-add s risk add --title "Social worker turnover" --likelihood 4 --impact 5 --owner "DCS" \
    --cause "Pay" --effect "Caseloads" --target-score 8 --mitigation "Recruitment drive" --mitigation "Retention payments" --review 2017-10-01
has risk-add-ref "$T/out" "R1"
ok risk-add-2 s risk add --title "Data quality" --likelihood 2 --impact 3
unchanged risk-likelihood-7 1 s risk add --title x --likelihood 7 --impact 2
has risk-likelihood-says "$T/err" "likelihood"
unchanged risk-impact-0 1 s risk add --title x --likelihood 2 --impact 0
unchanged risk-missing-impact 2 s risk add --title x --likelihood 2
ok risk-review s risk update R1 --likelihood 3 --note "Agency staff converted"
unchanged risk-review-bad 1 s risk update R1 --impact 6
unchanged risk-unknown 1 s risk update R9 --likelihood 1
ok risk-history s risk history R1 --json
py risk-history-rows "$T/out" "[(h['score'],h['trend'],h['note']) for h in d]==[(20,'new','added'),(15,'down','Agency staff converted')]"
unchanged risk-history-unknown 1 s risk history R9
ok risks-json s risks --json
cp "$T/out" "$T/r.json"
py risks-keys "$T/r.json" "all({'ref','title','cause','effect','owner','likelihood','impact','score','band','target_score','trend','mitigations','actions','review'}<=set(x) for x in d)"
py risks-r1 "$T/r.json" "[(x['score'],x['band'],x['trend'],x['target_score']) for x in d if x['ref']=='R1']==[(15,'very-high','down',8)]"
py risks-mitigations "$T/r.json" "[x['mitigations'] for x in d if x['ref']=='R1']==['Recruitment drive\\nRetention payments']"
py risks-r2 "$T/r.json" "[(x['score'],x['band'],x['trend']) for x in d if x['ref']=='R2']==[(6,'medium','new')]"
py risks-order "$T/r.json" "[x['ref'] for x in d]==['R1','R2']"
ok risk-list s risk list
has risk-list-text "$T/out" "Social worker turnover"

# Calendar: papers due in working days (bank holidays), JSON and iCalendar.
ok cal-json s calendar --json --as-of 2017-08-01
cp "$T/out" "$T/c.json"
py cal-keys "$T/c.json" "all({'kind','date','board','meeting','title','state'}<=set(x) for x in d)"
py cal-papers "$T/c.json" "{'2017-08-29','2017-12-21'}<={x['date'] for x in d if x['kind']=='papers-due' and x['board']=='$B'}"
py cal-kinds "$T/c.json" "{'meeting','papers-due','substitute-notice-due','minutes-due','chair-report-due','tor-review-due','arising-due'}<={x['kind'] for x in d}"
py cal-chair "$T/c.json" "[x['meeting'] for x in d if x['kind']=='chair-report-due' and x['board']=='$B']==['2017-11-07']"
py cal-papers-done "$T/c.json" "[x['state'] for x in d if x['kind']=='papers-due' and x['meeting']=='2017-09-05']==['done']"
py cal-minutes-done "$T/c.json" "[x['state'] for x in d if x['kind']=='minutes-due' and x['meeting']=='2017-09-05']==['done']"
py cal-tor-review "$T/c.json" "[x['date'] for x in d if x['kind']=='tor-review-due' and x['board']=='Programme Board'][:1]==['2018-01-01']"
py cal-programme "$T/c.json" "[x['meeting'] for x in d if x['kind']=='chair-report-due' and x['board']=='Programme Board']==['2017-10-24']"
ok cal-as-of s calendar --json --as-of 2017-10-01 --board "$B"
py cal-overdue "$T/out" "[x['state'] for x in d if x['kind']=='arising-due' and x['date']=='2017-09-29']==['done'] and all(x['board']=='$B' for x in d)"
py cal-upcoming "$T/out" "[x['state'] for x in d if x['kind']=='papers-due' and x['meeting']=='2017-10-03']==['overdue']"
unchanged cal-unknown-board 1 s calendar --board "Nope"
ok scrutiny-add s board add "Scrutiny, Children; Young People" --kind scrutiny
ok scrutiny-meet s meeting add --board "Scrutiny, Children; Young People" --date 2017-11-20
ok cal-ics s calendar --ics -o "$T/c.ics"
has ics-begin "$T/c.ics" "BEGIN:VCALENDAR"
has ics-date "$T/c.ics" "DTSTART;VALUE=DATE:20180102"
has ics-stamp "$T/c.ics" "DTSTAMP:"
if grep -qv $'\r$' "$T/c.ics"; then fail "ics-crlf: a line does not end CRLF"; else pass; fi
if awk '{ if (length($0) > 76) bad=1 } END { exit bad }' "$T/c.ics"; then pass; else fail "ics-fold: a line longer than 75 octets"; fi
has ics-folded "$T/c.ics" $'\r\n '
has ics-escaped "$T/c.ics" 'SUMMARY:Scrutiny\, Children\; Young People: Papers due'
ok cal-ics-again s calendar --ics
grep '^UID:' "$T/c.ics" > "$T/uid1"; grep '^UID:' "$T/out" > "$T/uid2"
same ics-stable-uids "$T/uid1" "$T/uid2"
if [ "$(sort -u "$T/uid1" | wc -l)" = "$(wc -l < "$T/uid1")" ]; then pass; else fail "ics-unique-uids"; fi
ok cal-text s calendar --as-of 2017-08-01
has cal-text-papers "$T/out" "2017-08-29"

# Calendar tokens: stored hashed, revocable; a revoked token is refused.
echo 'a-long-password-1' | s user add jo --role board --password-stdin >/dev/null
ok token-add s calendar token add --user jo
TOKEN=$(tail -n 1 "$T/out")
lacks token-not-stored "$DB" "$TOKEN"
ok token-use s calendar --token "$TOKEN" --json
ok token-list s calendar token list --user jo
has token-list-says "$T/out" "jo"
ok token-revoke s calendar token revoke 1
unchanged token-revoked 1 s calendar --token "$TOKEN" --json
has token-revoked-says "$T/err" "revoked"
unchanged token-revoke-again 1 s calendar token revoke 1
unchanged token-unknown-user 1 s calendar token add --user nobody

# Savings by financial year.
ok savings-import s import "$SAMPLES/croydon-continuous-improvement-plan-2021-24.txt"
ok savings-set s savings set 2 --year 2021/22 --forecast 120
ok savings-set-delivered s savings set 5 --year 2021/22 --delivered 1100
ok savings-json s savings --json
cp "$T/out" "$T/s.json"
py savings-keys "$T/s.json" "all({'project','title','year','target','forecast','delivered','variance','rag'}<=set(x) for x in d)"
py savings-amber "$T/s.json" "[(x['forecast'],x['rag']) for x in d if x['project']=='2' and x['year']=='2021/22']==[(120,'amber')]"
py savings-green "$T/s.json" "[(x['delivered'],x['rag']) for x in d if x['project']=='5' and x['year']=='2021/22']==[(1100,'green')]"
unchanged savings-unknown 1 s savings set 99 --year 2021/22 --forecast 1
unchanged savings-bad-year 2 s savings set 2 --year 2021/23 --forecast 1
ok savings-text s savings
has savings-text-rag "$T/out" "amber"

# The calendar holds plan actions, measures' milestones and post-inspection plans too.
ok measure-add s measure add REREF_12M --baseline 25@2014-04-01 --milestone 22@2014-09-30 --target 20@2015-03-31
ok cal-plan s calendar --json --as-of 2021-06-01
py cal-actions "$T/out" "any(x['kind']=='action-due' and x['board'] is None and x['meeting'] is None for x in d)"
py cal-measures "$T/out" "{x['date'] for x in d if x['kind']=='measure-due'}=={'2014-09-30','2015-03-31'}"
ok inspection-import s import --inspection "$SAMPLES/inspections/80443_bury_17-december-2021.txt"
ok cal-inspection s calendar --json --as-of 2022-01-01
py cal-plan-due "$T/out" "[x['date'] for x in d if x['kind']=='plan-due']==['2022-03-30']"
ok risk-linked s risk add --title "Placement sufficiency" --likelihood 3 --impact 4 --action 1.1 --plan 1
ok risks-linked s risks --json
py risks-linked-action "$T/out" "[len(x['actions']) for x in d if x['title']=='Placement sufficiency']==[1]"
unchanged risk-unknown-action 1 s risk add --title "x" --likelihood 3 --impact 4 --action 99.9 --plan 1

# Histories are append-only: the database itself refuses to change them.
for t in arising_updates risk_reviews; do
    if python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('UPDATE $t SET note=\'x\'')" "$DB" 2>/dev/null; then
        fail "append-only-$t: an update was allowed"; else pass; fi
    if python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DELETE FROM $t')" "$DB" 2>/dev/null; then
        fail "append-only-$t: a delete was allowed"; else pass; fi
done

# History: every governance write is audited.
ok history s history
has history-board "$T/out" "board"
finish
