/* commands.c — the command table: every command, its synopsis and its help.
 * `sightline --help` and `sightline COMMAND --help` are printed from here. */
#include "cli/cli.h"

#define LISTING_HELP                                                         \
    "  --json              print JSON instead of a table\n"                 \
    "  --as-of YYYY-MM-DD  rate as of this day (default: today)\n"

#define FIELD_HELP                                                                     \
    "  --title T           the title\n"                                                  \
    "  --description D     the description\n"                                            \
    "  --theme T           the theme's number (or title) in the plan; \"\" for none\n"    \
    "  --start DATE        the start, as plans write it (Jul 17, 31/03/2022, Q2 2021/22)\n" \
    "  --due DATES         due date(s) and milestones (\"31/03/21 30/06/21 30/09/21\")\n" \
    "  --sro S             the senior responsible officer\n"                               \
    "  --leads \"A; B\"      the leads, separated by ';'\n"                                \
    "  --resources R       resources (free text; money is read from it)\n"                \
    "  --measure M         the success measure\n"                                         \
    "  --impact I          the intended impact for children\n"                            \
    "  --recommendations N the plan's recommendations it answers (\"1; 3\")\n"            \
    "  --delivered-through D  the delivery vehicle\n"

const sl_command sl_commands[] = {
    {"init", "", "Create an empty database (safe to run again).", "", sl_cmd_init},
    {"import", "FILE… [--authority NAME] [--format auto|text|csv|xlsx] [--dry-run] [--inspection] [--max-bytes N] "
               "[--max-pages N] [--max-rows N] [--max-seconds N]",
     "Read plan files or Ofsted reports into the database: all of them, or nothing.",
     "  --authority NAME    the council the plan belongs to\n"
     "  --format FORMAT     auto (default), csv, text or xlsx\n"
     "  --dry-run           check the file and say what would change; store nothing\n"
     "  --inspection        the file is an Ofsted report (text or PDF; detected otherwise)\n"
     "  --max-bytes N       refuse a file (or a PDF's text) over N bytes (default 32 MiB)\n"
     "  --max-pages N       refuse a PDF of more than N pages (default 1000)\n"
     "  --max-rows N        refuse a file of more than N actions (default 20000)\n"
     "  --max-seconds N     refuse a PDF that takes more than N seconds to read (default 60)\n",
     sl_cmd_import},
    {"lint", "[--plan ID] [--json]", "Data-quality findings, with the line they come from.",
     "  --plan ID           one plan (number or title); default every current plan, and the\n"
     "                      measures' figures a load gave no number for (missing-value)\n"
     "  --json              print JSON\n",
     sl_cmd_lint},
    {"plans", "[--json] [--as-of DATE] [--all]", "Plans with their counts by status and RAG.",
     LISTING_HELP "  --all               include superseded versions\n", sl_cmd_plans},
    {"actions",
     "[--plan ID] [--theme T] [--lead L] [--status S] [--rag R] [--overdue] [--due-within DAYS]"
     " [--json] [--as-of DATE]",
     "The action list, rated as of a day.",
     "  --plan ID           one plan (number or title)\n"
     "  --theme T           theme ref or title\n"
     "  --lead L            SRO or lead (initials or part of a name)\n"
     "  --status S          canonical status (not-started … withdrawn)\n"
     "  --rag R             red, amber, green, blue or grey\n"
     "  --overdue           only overdue actions\n"
     "  --due-within DAYS   only open actions due within DAYS days\n" LISTING_HELP,
     sl_cmd_actions},
    {"show", "REF [--plan ID] [--as-of DATE] [--json]",
     "One action: every field, its links, its history and its audit trail.",
     "  --plan ID           the plan, when the ref is in more than one\n" LISTING_HELP,
     sl_cmd_show},
    {"update",
     "REF [--status S] [--rag R --reason TEXT [--rag-review DATE]] [--note TEXT] [--evidence URL]"
     " [--attach FILE] [--as-of DATE] [--plan ID]",
     "Add a dated progress update to an action; what it does not name stays as it was.",
     "  --status S          the status now (canonical or as plans write it); only the\n"
     "                      moves domain/status.c allows from the status in force\n"
     "  --rag R --reason T  a manual RAG overriding the computed one, with its reason;\n"
     "                      it holds until cleared (--rag clear) or its review day passes\n"
     "  --rag-review DATE   the manual RAG's review day (YYYY-MM-DD)\n"
     "  --note TEXT         the progress narrative\n"
     "  --evidence URL      where the evidence is\n"
     "  --attach FILE       an evidence file kept with the update: PDF, Word (.docx),\n"
     "                      Excel (.xlsx), OpenDocument, PNG or JPEG, at most 20 MiB,\n"
     "                      known by its content (see `sightline evidence`)\n"
     "  --as-of YYYY-MM-DD  the day the update speaks for (default: today)\n"
     "  --plan ID           the plan, when the ref is in more than one\n"
     "  --expect-version N  refuse if the action has changed since version N\n",
     sl_cmd_update},
    {"evidence", "list [REF] [--plan ID] [--json] | get ID [--output FILE]",
     "Evidence files attached to progress updates (update --attach, or the web form).",
     "  list [REF]          every file (or an action's): id, name, size, the update's day,\n"
     "                      who attached it and when\n"
     "  get ID              the file's bytes, checked against its SHA-256\n"
     "  --plan ID           the plan, when the ref is in more than one\n"
     "  --output FILE       write the file there (a new file) instead of standard output\n"
     "  --json              list as JSON\n",
     sl_cmd_evidence},
    {"edit", "REF [--plan ID] --FIELD VALUE… [--expect-version N]",
     "Change an action's fields; each change is kept in its history with who, when, before and after.",
     FIELD_HELP "  --plan ID           the plan, when the ref is in more than one\n"
                "  --expect-version N  refuse if the action has changed since version N\n",
     sl_cmd_edit},
    {"add-action", "--plan ID --ref REF --title T [--FIELD VALUE…]",
     "Add an action at the end of a plan.",
     "  --plan ID           the plan (number or title)\n"
     "  --ref REF           the new action's ref (not already in the plan)\n" FIELD_HELP,
     sl_cmd_add_action},
    {"withdraw", "REF [--plan ID] --reason TEXT [--as-of DATE]",
     "Withdraw an action, saying why: it stays in the plan and its history, as withdrawn.",
     "  --plan ID           the plan, when the ref is in more than one\n"
     "  --reason TEXT       why it is withdrawn\n"
     "  --as-of YYYY-MM-DD  the day it was withdrawn (default: today)\n",
     sl_cmd_withdraw},
    {"history", "[REF] [--plan ID] [--json]",
     "The audit log: every change, who made it and when (of one action with REF).",
     "  --plan ID           the plan, when the ref is in more than one\n"
     "  --json              print JSON\n",
     sl_cmd_history},
    {"export", "[--plan ID] --format csv|json|xlsx [-o FILE] [--as-of DATE]",
     "Write a plan out in a re-importable form.",
     "  --plan ID           one plan (default: every current plan)\n"
     "  --format F          csv (canonical, re-importable), json, or xlsx: a workbook a\n"
     "                      council keeps using (All actions, a sheet per theme, Read me;\n"
     "                      dates as dates, the RAG in words and colour, the latest\n"
     "                      update); `import` reads it back to the same plan\n"
     "  -o, --output FILE   write to FILE (default: standard output)\n"
     "  --as-of DATE        the day the workbook's RAG is rated for (default: today)\n",
     sl_cmd_export},
    {"recommendations", "[--plan ID] [--json] [--as-of DATE]",
     "Each recommendation, the actions answering it, and a rolled-up status and RAG.",
     "  --plan ID           one plan (number or title)\n" LISTING_HELP, sl_cmd_recommendations},
    {"search", "WORDS… [--json] [--limit N]",
     "Find plans, actions, progress updates, recommendations, measures and people by their words.",
     "  WORDS               every word must match, as the start of a word (\"caseload\"\n"
     "                      finds \"caseloads\"); punctuation is ignored\n"
     "  --limit N           results listed of each kind (default 10; the count is of all)\n"
     "  --json              {query, groups: [{kind, total, ranked, results: [{id, key,\n"
     "                      title, snippet, context, url}]}]}; over 2,000 of a kind are\n"
     "                      listed newest first (ranked false)\n", sl_cmd_search},
    {"link", "REF REC… [--plan ID]", "Link an action to the recommendations it answers.",
     "  --plan ID           the plan, when the ref is in more than one\n", sl_cmd_link},
    {"carry-forward", "REF --into PLAN [--plan FROM] [--as REF] [--as-of DATE]",
     "Mark an action carried forward into another plan; both show the link.",
     "  --into PLAN         the plan it continues in (number or title)\n"
     "  --plan FROM         the plan it comes from, when the ref is in more than one\n"
     "  --as REF            its ref in the new plan (default: the same ref)\n"
     "  --as-of YYYY-MM-DD  the day it was carried forward (default: today)\n",
     sl_cmd_carry_forward},
    {"plan",
     "settings PLAN [--requires-signoff yes|no] [--amber-days N] [--update-cycle-days N]\n"
     "       sightline plan draft --inspection ID",
     "A plan's RAG rules; or draft a post-inspection plan from a report.",
     "  settings PLAN          set the plan's rules:\n"
     "    --requires-signoff   yes: a completed action counts once its SRO signs it off\n"
     "    --amber-days N       amber when due within N days (default 14)\n"
     "    --update-cycle-days N  amber when no update for N days (default 30; 7 weekly)\n"
     "  draft --inspection ID  one theme per recommendation, a placeholder action under\n"
     "                         each, the deadline 70 working days after publication\n",
     sl_cmd_plan},
    {"backup", "FILE", "Write a consistent copy of the database (safe while serving).", "",
     sl_cmd_backup},
    {"restore", "FILE", "Replace the database with a backup, if it passes its integrity check.", "",
     sl_cmd_restore},
    {"check", "", "Run the database's integrity check.", "", sl_cmd_check},
    {"copy", "--from DB --to DB",
     "Copy every row into an empty database: SQLite to PostgreSQL and back.",
     "  --from DB           the database to read (a file or a postgresql:// URL)\n"
     "  --to DB             an empty database to write (created when missing)\n",
     sl_cmd_copy},
    {"inspections", "[--json] | load FILE.csv",
     "Ofsted inspections: judgements and recommendations; load the ILACS scrape CSV.",
     "  --json              print JSON\n"
     "  load FILE.csv       load many authorities' judgements (all rows or none)\n",
     sl_cmd_inspections},
    {"measure",
     "add CODE --name TEXT --unit UNIT --polarity higher|lower|context [--frequency F]\n"
     "       [--baseline VALUE@DATE] [--milestone VALUE@DATE]… [--target VALUE@DATE] [--tolerance N]\n"
     "       sightline measure show CODE [--json] [--as-of DATE]\n"
     "       sightline measure set CODE --period MONTH --value V --source TEXT [--note TEXT]\n"
     "                             [--correct --reason TEXT [--version N]]\n"
     "       sightline measure history CODE",
     "Define a KPI (a standard indicator's code fills in the rest), show one, enter or correct a figure.",
     "  --unit UNIT         percent, count, rate (per 10,000), days, pounds or fte\n"
     "  --polarity P        higher or lower is better, or context (never rated)\n"
     "  --frequency F       monthly (default), quarterly or annual\n"
     "  --baseline V@DATE   the starting point, e.g. 75@2014-10-01\n"
     "  --milestone V@DATE  a point on the trajectory (repeat for more), e.g. 80@2015-04\n"
     "  --target V@DATE     where it should end up\n"
     "  --tolerance N       how far short of the trajectory is still amber\n"
     "  --owner, --source   who answers for it; where the figures come from\n"
     "  set: --period P     the month the figure is for: 2024-05, May 2024 or 05/2024 (a quarter\n"
     "                      or financial year for quarterly and annual measures); not in the future\n"
     "  --value V           61.5, 62% or 1,234 (N/A and the like are refused: enter a number)\n"
     "  --source TEXT       where the figure comes from, e.g. \"Liquidlogic extract\" (required)\n"
     "  --note TEXT         an optional note\n"
     "  --correct           correct the figure recorded for the period (the old value is kept\n"
     "                      in the history); --reason says why (required)\n"
     "  --version N         refuse the correction if the figure is no longer at version N\n"
     "                      (as `measure show` lists it)\n"
     "  history CODE        every figure entered, corrected, loaded or missing, newest first\n",
     sl_cmd_measure},
    {"measures", "[--json] [--as-of DATE] | load FILE.csv | suggest --plan ID [--add] [--json]",
     "KPIs with latest value, trajectory RAG, direction and comparators.",
     LISTING_HELP
     "  load FILE.csv       load values (columns code, period, value, series); all or nothing\n"
     "  suggest --plan ID   baselines, milestones and targets the plan writes in prose\n"
     "  --add               with suggest: store them, linked to their actions\n",
     sl_cmd_measures},
    {"chart", "CODE [--as-of DATE] | --scorecard [--as-of DATE]",
     "A measure's chart as SVG on standard output (or the scorecard of all).",
     "  --scorecard         small multiples of every measure\n"
     "  --as-of YYYY-MM-DD  draw what was known on this day (default: today)\n",
     sl_cmd_chart},
    {"workforce",
     "[--json] | add SERVICE --budgeted N --employed N --vacant N --agency N [--as-of DATE]\n"
     "       [--managers-locum N --managers-salaried N] [--stated-vacancy-rate P] [--stated-agency-rate P]",
     "Workforce by service area: vacancy and agency rates, stated rates checked.",
     "  add SERVICE         record a snapshot (FTE figures) for a day\n"
     "  --stated-…-rate P   the rate the report states: flagged when its figures disagree\n"
     "  --json              print JSON\n",
     sl_cmd_workforce},
    {"audits",
     "[--json] | add SERVICE --period P --outstanding N --good N --requires-improvement N\n"
     "       --inadequate N [--measure CODE]",
     "Case-file audit grades per period; % good or better, optionally for a measure.",
     "  add SERVICE         record a period's grades\n"
     "  --measure CODE      also record % good or better as that measure's actual\n"
     "  --json              print JSON\n",
     sl_cmd_workforce},
    {"national", "[--json] [--as-of DATE]",
     "Every authority's latest judgements, direction, neighbours and plan deadline.",
     LISTING_HELP, sl_cmd_national},
    {"map", "[--judgement overall|leaders] [--as-of DATE] > england.svg",
     "England's districts coloured by their authority's latest judgement (SVG).",
     "  --judgement J       overall (default; leaders where no overall is given) or leaders\n"
     "  --as-of YYYY-MM-DD  judgements published by this day (default: today)\n",
     sl_cmd_national},
    {"serve", "[--listen ADDR:PORT] [--threads N] [--session-idle MINUTES] [--session-max HOURS] [--static DIR] "
              "[--per-address N] [--header-seconds S] [--body-seconds S] [--tls-cert FILE --tls-key FILE] "
              "[--trust-proxy [--proxy-address ADDR,…]] | --list-routes",
     "Serve the web application.",
     "  --listen ADDR:PORT  where to listen (default 127.0.0.1:8080)\n"
     "  --threads N         worker threads (default 4)\n"
     "  --session-idle M    end a session unused for M minutes (default 30; also --idle-minutes)\n"
     "  --session-max H     end a session H hours after sign-in, however active (default 12)\n"
     "  --static DIR        the front-end assets (default: static/ beside the binary)\n"
     "  --per-address N     connections one client address may hold at once (default 64)\n"
     "  --header-seconds S  a request's headers must arrive within S seconds (default 10)\n"
     "  --body-seconds S    and its body within S seconds more (default 30)\n"
     "  --tls-cert FILE     serve HTTPS (TLS 1.2 and 1.3) with this PEM certificate (chain) …\n"
     "  --tls-key FILE      … and this PEM private key; cookies become Secure, HSTS is sent\n"
     "  --trust-proxy       behind a reverse proxy: take the client from X-Forwarded-For and\n"
     "                      HTTPS from X-Forwarded-Proto, from loopback or a --proxy-address\n"
     "  --proxy-address A   more proxy addresses to trust, comma-separated\n"
     "  --list-routes       print every page: method, pattern, least role, cacheable; then stop\n"
     "  (docs/reverse-proxy.md: serving behind nginx)\n",
     sl_cmd_serve},
    {"user",
     "add LOGIN --role ROLE [--person LABEL] [--email ADDR] --password-stdin [--authority NAME]"
     " | set LOGIN [--email ADDR] [--reminders on|off] | sessions LOGIN [--json]"
     " | end-sessions LOGIN [--session REF]"
     " | grant LOGIN --authority NAME|--national --role ROLE | revoke LOGIN --authority NAME|--national",
     "Add a web account (admin, programme, lead, board or viewer), change one, list or end its sessions, or grant it a role per authority.",
     "  --role ROLE         admin, programme, lead, board or viewer\n"
     "  --authority NAME    add: the role over this authority only (name or code), not every one;\n"
     "                      grant/revoke: the authority the role is over\n"
     "  --national          grant/revoke: over every authority, now and later\n"
     "  --person LABEL      the initials or name plans use for them (leads: their actions)\n"
     "  --email ADDR        where their reminders go\n"
     "  --reminders on|off  whether they get the daily reminder (on by default)\n"
     "  --password-stdin    read the password (10+ characters) from standard input\n"
     "  --json              sessions: a JSON array (session, created_at, last_seen, address, user_agent)\n"
     "  --session REF       end-sessions: end only this session (default: all of them)\n",
     sl_cmd_user},
    {"remind", "[--as-of DATE] [--dry-run]",
     "Email each lead the actions whose update is due or overdue and those awaiting their sign-off.",
     "  --as-of YYYY-MM-DD  remind as of this day (default: today); one email per user per day\n"
     "  --dry-run           print the emails instead of sending them; record nothing\n"
     "  The SMTP relay and the links' base URL come from `sightline settings`.\n",
     sl_cmd_remind},
    {"settings", "[KEY [VALUE | --stdin]]",
     "The installation's settings: the SMTP relay of reminders, the links' base URL, the daily run's time.",
     "  with no KEY         list every setting, its value and what it is for\n"
     "  KEY                 print the setting's value\n"
     "  KEY VALUE           set it (an empty VALUE removes it)\n"
     "  --stdin             read the value from standard input (for smtp.password)\n",
     sl_cmd_settings},
    {"report",
     "highlight|board|scrutiny|recommendations|chair [--plan ID]\n"
     "       [--board NAME] [--meeting DATE] [--as-of DATE] [--days N]\n"
     "       --format html|md|xlsx [-o FILE]\n"
     "       sightline report comment highlight --plan ID --theme REF\n"
     "       --section working-well|how-we-know|worried|next --text T [--as-of DATE]",
     "The board's papers: highlight report, board pack, scrutiny's quarterly report,\n"
     "recommendation tracker, chair's written report.",
     "  highlight           per theme: what's working well, how we know, worries, and what\n"
     "                      must happen by when (open actions due by the next meeting)\n"
     "  scrutiny            progress by recommendation and theme; what changed in the\n"
     "                      financial quarter holding the day\n"
     "  recommendations     each recommendation, its actions, their status, RAG and evidence\n"
     "  board               the pack for a meeting (--meeting DATE, default the next one):\n"
     "                      cover, agenda, highlight, exceptions, measures, risks and heat\n"
     "                      map, savings, actions arising, the previous minutes\n"
     "  chair               the chair's written report after every Nth meeting (the board's\n"
     "                      rule; --meeting DATE, default the last one): attendance,\n"
     "                      decisions, actions arising, progress; refused (exit 1) after a\n"
     "                      meeting it is not due after\n"
     "  --plan ID           one plan (number or title); default every current plan\n"
     "  --board NAME        the board named in the running header; for board and chair,\n"
     "                      the board (default: the one meeting on --meeting, or the only one)\n"
     "  --meeting DATE      the next meeting: the highlight report looks ahead to it\n"
     "  --days N            without --meeting, look N days ahead (default 30)\n"
     "  --as-of YYYY-MM-DD  the day the report speaks for (default: today)\n"
     "  --format F          html (print-ready, A4), md (Markdown) or xlsx (a sheet per section)\n"
     "  -o, --output FILE   write to FILE (default: standard output; xlsx never to a terminal)\n"
     "  comment highlight   keep commentary on one section of a theme from --as-of on (later\n"
     "                      editions show it until it is changed; an empty --text clears it):\n"
     "    --theme REF       the theme's ref (or title)\n"
     "    --section S       working-well, how-we-know, worried or next\n"
     "    --text T          the commentary\n",
     sl_cmd_report},
    {"board",
     "add NAME --kind improvement|programme|task-group|scrutiny [--chair NAME] [RULES]\n"
     "       sightline board set NAME [--kind K] [--chair NAME] [RULES]\n"
     "       sightline board member add BOARD --role ROLE [--name NAME] [--organisation ORG]\n"
     "                 [--substitute NAME] [--chair] [--vice-chair]",
     "A governance board: its kind, the rules it runs by, its members and substitutes.",
     "  add NAME            a new board (a name already taken is refused)\n"
     "  set NAME            change a board's kind or rules\n"
     "  member add BOARD    add a member: --role, and --name, --organisation,\n"
     "                      --substitute (their one named substitute), --chair, --vice-chair\n"
     "  --kind K            improvement, programme, task-group or scrutiny\n"
     "  --chair NAME        (add/set) the chair: that member, or a new member with the role Chair\n"
     "  --adopted DATE      (add/set) when the terms of reference were adopted or last\n"
     "                      reviewed: the next reviews are counted from it\n"
     "RULES (defaults of SPEC.md §2 when not given):\n"
     "  --meets TEXT        \"1 month\" (default), \"6 weeks\", \"monthly, first Tuesday\"\n"
     "  --papers-days N     papers due N working days before a meeting (5)\n"
     "  --substitute-days N substitutes notified N working days before (2)\n"
     "  --minutes-days N    draft minutes due N working days after (5)\n"
     "  --chair-report-every N  the chair reports in writing after every Nth meeting (3)\n"
     "  --review-months N   terms of reference reviewed every N months (3)\n",
     sl_cmd_board},
    {"boards", "[--json]", "Every board with its members and rules.",
     "  --json              print JSON: name, kind, chair, members, meets_every, papers_days,\n"
     "                      substitute_notice_days, minutes_days, chair_report_every, review_months\n",
     sl_cmd_boards},
    {"meeting",
     "add --board NAME --date DATE [--time HH:MM] [--venue V]\n"
     "       sightline meeting schedule --board NAME --from DATE --count N\n"
     "       sightline meeting move --board NAME --date OLD --to NEW\n"
     "       sightline meeting publish --board NAME --date DATE [--as-of DAY]\n"
     "       sightline meeting show --board NAME --date DATE [--json]",
     "A board's meetings: add, generate from its rule, move, publish the papers, show one.",
     "  add                 a meeting (a date that is not a real day is refused)\n"
     "  schedule            the next N meetings from DATE on the board's --meets rule\n"
     "  move                move a meeting to --to NEW\n"
     "  publish             publish the papers (default today): the pack is frozen and\n"
     "                      agenda items added later are late papers\n"
     "  show                attendance, agenda with open actions arising carried forward,\n"
     "                      minutes (draft or approved) and decisions; --json prints JSON\n",
     sl_cmd_meeting},
    {"calendar",
     "[--json|--ics] [--board NAME] [--as-of DATE] [-o FILE] [--token T]\n"
     "       sightline calendar token add --user LOGIN | token list [--user LOGIN] | token revoke ID",
     "What is due and overdue: papers, notices, minutes, reports, reviews, actions, plans.",
     "  --json              print JSON objects: kind, date, board, meeting, title, state\n"
     "  --ics               print an iCalendar (RFC 5545) feed of all-day events\n"
     "  --board NAME        one board's entries only\n"
     "  --as-of YYYY-MM-DD  due and overdue relative to this day (default: today)\n"
     "  -o, --output FILE   write to FILE instead of standard output\n"
     "  --token T           check a calendar subscription token first (revoked: refused)\n"
     "  token add           a new subscription token for --user (printed once, stored hashed)\n"
     "  token list          the tokens (of --user)\n"
     "  token revoke ID     revoke a token\n",
     sl_cmd_calendar},
    {"risk",
     "add --title T --likelihood 1-5 --impact 1-5 [--owner O] [--cause T] [--effect T]\n"
     "           [--target-score N] [--mitigation T] [--action REF [--plan ID]] [--review DATE] [--ref R]\n"
     "       sightline risk update REF [--likelihood L] [--impact I] [--trend up|down|steady]\n"
     "           [--note T] [--review DATE]\n"
     "       sightline risk history REF [--json]\n"
     "       sightline risk list [--json]",
     "The risk log: likelihood x impact, heat-map band, target, trend, mitigations, actions.",
     "  add                 a risk; its ref is R1, R2, ... unless --ref is given\n"
     "  --likelihood N      1 (rare) to 5 (almost certain); anything else is refused\n"
     "  --impact N          1 (negligible) to 5 (severe); anything else is refused\n"
     "  --target-score N    the score the mitigations aim for (1-25)\n"
     "  --mitigation T      a mitigation (repeatable)\n"
     "  --action REF        a plan action the risk is linked to (repeatable; --plan ID)\n"
     "  --review DATE       the next review day\n"
     "  update REF          a review: new likelihood and impact (the rest kept), the trend\n"
     "                      (computed from the scores unless --trend), a note; kept in history\n"
     "  history REF         every review of the risk, oldest first\n"
     "  list, --json        the log, highest score first\n",
     sl_cmd_risk},
    {"risks", "[--json]", "The risk log, highest score first (same as risk list).",
     "  --json              print JSON: ref, title, cause, effect, owner, likelihood, impact,\n"
     "                      score, band, target_score, trend, mitigations, actions, review\n",
     sl_cmd_risk},
    {"attendance", "--board B --date D --member ROLE-or-NAME present|apologies|substitute [--by NAME]",
     "Record who came to a meeting; a substitute must be the named one or a member.",
     "  --member M          the member, by name or role\n"
     "  --by NAME           who attended instead (substitute): the member's named substitute\n"
     "                      or another member of the board; anyone else is refused\n",
     sl_cmd_attendance},
    {"agenda", "add --board B --date D --title T [--kind standing|deep-dive|item] [--theme T]",
     "Add an item to a meeting's agenda (a late paper once the pack is published).",
     "  --kind K            standing, deep-dive (on --theme) or item (default)\n",
     sl_cmd_agenda},
    {"minutes",
     "--board B --date D --text T|--file F\n"
     "       sightline minutes approve --board B --date D --at NEXT-DATE",
     "A meeting's draft minutes; approved when a later meeting approves them.",
     "  --text T, --file F  the draft minutes (refused once approved)\n"
     "  approve --at NEXT   the later meeting of the board that approved them\n",
     sl_cmd_minutes},
    {"decision", "add --board B --date D --text T", "Record a decision a meeting took.", "", sl_cmd_decision},
    {"arising",
     "add --board B --date D --text T --owner O [--due DATE] [--status S]\n"
     "       sightline arising update ID --status S [--note T]\n"
     "       sightline arising history ID [--json]\n"
     "       sightline arising list [--board B] [--open] [--json]",
     "Actions arising from meetings: carried onto later agendas until closed.",
     "  add                 an action arising from the meeting on --date\n"
     "  update ID           a new status (canonical: in-progress, complete, …) and note;\n"
     "                      every update is kept\n"
     "  history ID          the action's updates, oldest first\n"
     "  list                --board one board, --open only open ones, --json JSON\n",
     sl_cmd_arising},
    {"gen", "--authorities N --years Y [--seed S] [--start DATE]",
     "Write a deterministic synthetic dataset: N councils, each a plan with Y years of weekly updates.",
     "  --authorities N     how many councils: the first N of data/la-lookup.csv, in its order\n"
     "                      (153 is the national case)\n"
     "  --years Y           years of history from --start, 1 to 50\n"
     "  --seed S            0 to 2147483647 (default 1): the same seed gives the same data\n"
     "  --start DATE        the plans' first day (default 2021-04-01)\n"
     "  Each council: a plan of 300-500 actions in 6-9 themes, 16 leads, 6-10\n"
     "  recommendations, and a progress update per action every week (about 100,000\n"
     "  a council over 5 years; some actions slip, some fall silent). One transaction\n"
     "  per council. The generated history is written through a bulk path with one\n"
     "  audit entry per council (\"generate\"), not one per update; each update is\n"
     "  recorded at 09:00 UTC of its own day, so two runs with one seed give the same\n"
     "  rows (fix the plans' import time with SIGHTLINE_NOW). Refused, with nothing\n"
     "  written, when a council's generated plan is already in the database. A\n"
     "  progress bar is drawn on standard error when it is a terminal.\n",
     sl_cmd_gen},
    {"summary", "[--json] [--as-of DATE] [--region R] [--sort COLUMN] [--page N] [--per-page M]",
     "Every authority side by side: actions by RAG, overdue, stale, measures, Ofsted.",
     LISTING_HELP
     "  --region R          one region: its name (\"London\") or ONS code (E12000007), as\n"
     "                      data/la-lookup.csv gives them; an unknown region is refused\n"
     "  --sort COLUMN       authority (default), region, actions, red, amber, green, blue,\n"
     "                      grey, overdue, stale, measures-off (largest first) or ofsted\n"
     "                      (inadequate first)\n"
     "  --page N            which page (default 1); a page past the end is refused\n"
     "  --per-page M        rows a page (default 50)\n"
     "  One row per current plan: actions, by RAG, overdue, stale (no update within the\n"
     "  plan's update cycle), measures linked to its actions and how many are red or\n"
     "  amber against their trajectory, the latest overall Ofsted judgement of its\n"
     "  authority. JSON: {as_of, total, page, per_page, rows: [{plan_id, plan,\n"
     "  authority, code, region, actions, rag {red, amber, green, blue, grey}, overdue,\n"
     "  stale, measures, measures_off_trajectory, ofsted, ofsted_date}]}.\n",
     sl_cmd_summary},
    {"savings",
     "[--plan ID] [--json]\n"
     "       sightline savings set PROJECT --year 2021/22 [--forecast N] [--delivered N] [--plan ID]",
     "Savings projects by financial year: target, forecast, delivered, variance, RAG (£000s).",
     "  --plan ID           one plan (number or title); default every current plan\n"
     "  set PROJECT         record the forecast and/or delivered amount of a year\n"
     "                      (PROJECT is its MTFS ref or title)\n"
     "  RAG                 delivered (else forecast) against target: green at 100%,\n"
     "                      amber from 90%, red below, grey without a target\n",
     sl_cmd_savings},
    {0, 0, 0, 0, 0},
};
