# board_db.sh — sourced by test_board_pack.sh and test_golden.sh (after
# lib.sh): board_db DB builds the fixed database the board pack is tested
# on: the Croydon transitional plan, the Improvement Board with three
# members, its meetings of 2017-09-05 and 2018-01-02, attendance, agenda, a
# decision, an action arising and two risks. Run with SIGHTLINE_NOW set so
# the histories' times are the same on every run.
board_db() {
    local db=$1 b="Improvement Board"
    bs() { "$SL" --db "$db" "$@" >/dev/null || echo "board_db: $* failed" >&2; }
    bs init
    bs import "$SAMPLES/croydon-transitional-action-plan-2017.txt"
    bs board add "$b" --kind improvement --chair "Jane Doe" --meets "monthly, first Tuesday"
    bs board member add "$b" --role "Director of Children's Services" --name "Ann Smith" \
        --organisation "Croydon Council" --substitute "Bob Jones"
    bs board member add "$b" --role "Police" --organisation "Met Police"
    bs meeting add --board "$b" --date 2017-09-05 --time 10:00 --venue "Town Hall, Room 1"
    bs meeting add --board "$b" --date 2018-01-02 --time 14:00
    bs attendance --board "$b" --date 2017-09-05 --member "Jane Doe" present
    bs attendance --board "$b" --date 2017-09-05 --member "Ann Smith" substitute --by "Bob Jones"
    bs attendance --board "$b" --date 2017-09-05 --member Police apologies
    bs agenda add --board "$b" --date 2017-09-05 --title "Performance scorecard" --kind standing
    bs agenda add --board "$b" --date 2017-09-05 --title "Workforce deep dive" --kind deep-dive \
        --theme Workforce
    bs decision add --board "$b" --date 2017-09-05 --text "Agreed the transitional plan"
    bs arising add --board "$b" --date 2017-09-05 --text "Report caseloads by team" --owner DCS \
        --due 2017-09-29
    bs risk add --title "Social worker turnover" --likelihood 4 --impact 5 --owner DCS \
        --target-score 8 --review 2017-10-01
    bs risk add --title "Data quality" --likelihood 2 --impact 3 --owner "Head of Performance"
}
