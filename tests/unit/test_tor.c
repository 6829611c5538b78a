/* test_tor.c — the terms-of-reference reader: the real sample in
 * tests/data/governance (10 members, chair and vice-chair, every rule),
 * longer written cases there (bullets, Name/Role lines, a table with a Name
 * column, an agenda pack, minutes that only mention terms of reference),
 * then tables of short texts: each frequency, lead-time, minutes, chair's
 * report and review wording; member lines; detection; refusals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "import/import.h"
#include "import/kind/tor/tor_rules.h"
#include "import/kind/tor/tor_text.h"
#include "util/buf.h"
#include "util/file.h"

#define GOV "tests/data/governance/"

/* Returns the file's text (the caller frees it), or NULL after a failed CHECK. */
static char *load(const char *path, size_t *len)
{
    sl_error err = {0};
    char *text = sl_read_file(path, len, &err);
    CHECK(text != NULL, "cannot read %s: %s", path, err.message);
    return text;
}

/* Reads a text; returns 0 with *b filled (free it) or -1 with err. */
static int read_text(const char *text, sl_board *b, sl_findings *f, sl_error *err)
{
    memset(f, 0, sizeof *f);
    memset(err, 0, sizeof *err);
    return sl_tor_read(text, strlen(text), "tor.txt", b, f, err);
}

/* Returns the member whose role (or name) is exactly text, or NULL. */
static const sl_board_member *member(const sl_board *b, const char *text)
{
    for (size_t i = 0; i < b->n_members; i++)
        if (strcmp(b->members[i].role, text) == 0 || (b->members[i].name && strcmp(b->members[i].name, text) == 0))
            return &b->members[i];
    return NULL;
}

/* Returns the number of members flagged chair (vice 0) or vice-chair. */
static int flagged(const sl_board *b, int vice)
{
    int n = 0;
    for (size_t i = 0; i < b->n_members; i++)
        n += vice ? b->members[i].vice_chair : b->members[i].chair;
    return n;
}

/* Returns "YYYY-MM-DD" of a day in static storage ("none" for SL_NO_DAY). */
static const char *day_text(sl_day day)
{
    static char out[11];
    if (day == SL_NO_DAY)
        return "none";
    sl_day_format(day, out);
    return out;
}

static void test_sample(void)
{
    size_t len;
    char *text = load(GOV "partnership-board-terms-of-reference.txt", &len);
    if (!text)
        return;
    sl_board b;
    sl_findings f = {0};
    sl_error err = {0};
    int rc = sl_tor_read(text, len, "sample.txt", &b, &f, &err);
    CHECK(rc == 0, "sample refused: %s", err.message);
    if (rc == 0) {
        CHECK(strcmp(b.name, "Children's Improvement Partnership Board") == 0, "name %s", b.name);
        CHECK(b.kind == SL_BOARD_IMPROVEMENT, "kind %d", b.kind);
        CHECK(strcmp(day_text(b.tor_adopted), "2019-03-01") == 0, "adopted %s", day_text(b.tor_adopted));
        CHECK(b.n_members == 10, "%zu members", b.n_members);
        CHECK(flagged(&b, 0) == 1 && flagged(&b, 1) == 1, "chairs %d vice %d", flagged(&b, 0), flagged(&b, 1));
        const sl_board_member *chair = member(&b, "Chair (independent)");
        CHECK(chair && chair->chair && !chair->name, "the independent chair");
        CHECK(chair && strcmp(chair->organisation, "Appointed by the Department for Education") == 0, "chair's body");
        const sl_board_member *dcs = member(&b, "Director of Children's Services");
        CHECK(dcs && dcs->vice_chair && !dcs->chair && strcmp(dcs->organisation, "The Council") == 0, "DCS vice-chair");
        const sl_board_member *police = member(&b, "Detective Superintendent, Public Protection");
        CHECK(police && strcmp(police->organisation, "Police") == 0, "police member");
        CHECK(b.n_members == 10 && strcmp(b.members[9].role, "Independent Scrutineer") == 0, "last member");
        CHECK(b.rules.papers_days == 7, "papers %d", b.rules.papers_days);
        CHECK(b.rules.substitute_notice_days == 3, "substitutes %d", b.rules.substitute_notice_days);
        CHECK(b.rules.minutes_days == 10, "minutes %d", b.rules.minutes_days);
        CHECK(b.rules.chair_report_every == 2, "chair report %d", b.rules.chair_report_every);
        CHECK(b.rules.review_months == 6, "review %d", b.rules.review_months);
        CHECK(b.rules.meets.every == 6 && b.rules.meets.unit == SL_EVERY_WEEK, "meets %d/%d", b.rules.meets.every,
              b.rules.meets.unit);
        CHECK(strlen(b.tor_text) == len, "tor_text is the whole document (%zu of %zu)", strlen(b.tor_text), len);
        CHECK(f.n == 0, "%zu findings, first: %s", f.n, f.n ? f.items[0].message : "");
        sl_board_free(&b);
    }
    sl_findings_free(&f);
    size_t start = 1, end = 0;
    CHECK(sl_tor_detect(text, len, &start, &end) == 1 && start == 0 && end == len, "sample detected whole");
    sl_buf crlf = SL_BUF_INIT;          /* the same saved by Windows: a byte-order mark and CRLF */
    sl_buf_puts(&crlf, "\xEF\xBB\xBF");
    for (size_t i = 0; i < len; i++)
        sl_buf_puts(&crlf, text[i] == '\n' ? "\r\n" : (char[]){text[i], '\0'});
    sl_findings_free(&f);
    if (sl_tor_read(crlf.data, crlf.len, "crlf.txt", &b, &f, &err) == 0) {
        CHECK(strcmp(b.name, "Children's Improvement Partnership Board") == 0 && b.n_members == 10 &&
                  b.rules.papers_days == 7 && flagged(&b, 1) == 1 && !strchr(b.members[0].organisation, '\r'),
              "CRLF sample: %s, %zu members", b.name, b.n_members);
        sl_board_free(&b);
    } else {
        CHECK(0, "CRLF sample refused: %s", err.message);
    }
    sl_findings_free(&f);
    sl_buf_free(&crlf);
    free(text);
}

/* Reads a file of tests/data/governance; returns 0 with *b filled. */
static int read_file_board(const char *name, sl_board *b, sl_findings *f)
{
    sl_buf path = SL_BUF_INIT;
    sl_buf_printf(&path, GOV "%s", name);
    size_t len;
    char *text = load(sl_buf_str(&path), &len);
    sl_buf_free(&path);
    if (!text)
        return -1;
    sl_error err = {0};
    memset(f, 0, sizeof *f);
    int rc = sl_tor_read(text, len, name, b, f, &err);
    CHECK(rc == 0, "%s refused: %s", name, err.message);
    free(text);
    return rc;
}

static void test_programme_board(void)
{
    sl_board b;
    sl_findings f;
    if (read_file_board("programme-board-bullets.txt", &b, &f) != 0)
        return;
    CHECK(strcmp(b.name, "Children\xE2\x80\x99s Services Improvement Programme Board") == 0, "name %s", b.name);
    CHECK(b.kind == SL_BOARD_PROGRAMME, "kind %s", sl_board_kind_name(b.kind));
    CHECK(strcmp(day_text(b.tor_adopted), "2020-06-12") == 0, "agreed %s", day_text(b.tor_adopted));
    CHECK(b.n_members == 7, "%zu members", b.n_members);
    const sl_board_member *m = member(&b, "Executive Director of Children, Families and Education");
    CHECK(m && m->chair, "chair from (Chair)");
    m = member(&b, "Director of Early Help and Children\xE2\x80\x99s Social Care");
    CHECK(m && m->vice_chair, "vice-chair from (Vice-Chair)");
    m = member(&b, "Head of Finance");
    CHECK(m && !m->name, "(tbc) leaves no name");
    m = member(&b, "Principal Social Worker");
    CHECK(m && m->name && strcmp(m->name, "Maria Lopez") == 0, "Role – Name");
    m = member(&b, "Director of Human Resources");
    CHECK(m && m->substitute && strcmp(m->substitute, "Head of Workforce Development") == 0, "inline deputy");
    m = member(&b, "Programme Manager");
    CHECK(m && !m->name, "– vacant");
    CHECK(!member(&b, "Other officers may be invited to attend for specific items."), "no member from prose");
    CHECK(b.rules.meets.every == 1 && b.rules.meets.unit == SL_EVERY_MONTH && b.rules.meets.weekday == 2 &&
              b.rules.meets.week_of_month == 1,
          "first Tuesday of each month");
    CHECK(b.rules.minutes_days == 10, "minutes within two weeks: %d", b.rules.minutes_days);
    CHECK(b.rules.chair_report_every == 1, "after each meeting: %d", b.rules.chair_report_every);
    CHECK(b.rules.review_months == 12, "annually: %d", b.rules.review_months);
    CHECK(f.n == 0, "%zu findings: %s", f.n, f.n ? f.items[0].message : "");
    sl_board_free(&b);
    sl_findings_free(&f);
}

static void test_task_group(void)
{
    sl_board b;
    sl_findings f;
    if (read_file_board("task-group-names.txt", &b, &f) != 0)
        return;
    CHECK(strcmp(b.name, "Workforce Task Group") == 0, "name from a sentence: %s", b.name);
    CHECK(b.kind == SL_BOARD_TASK_GROUP, "kind %s", sl_board_kind_name(b.kind));
    CHECK(strcmp(day_text(b.tor_adopted), "2021-05-01") == 0, "version date %s", day_text(b.tor_adopted));
    CHECK(b.n_members == 8, "%zu members", b.n_members);
    const sl_board_member *m = member(&b, "Jane Smith");
    CHECK(m && strcmp(m->role, "Head of Workforce Development") == 0, "Name, Role");
    m = member(&b, "Peter O'Neill");
    CHECK(m && m->substitute && strcmp(m->substitute, "Sarah Khan") == 0, "Deputy: line");
    m = member(&b, "Anne-Marie Dodd");
    CHECK(m && strcmp(m->role, "Recruitment and Retention Lead") == 0, "Role – Name");
    m = member(&b, "Cllr Amy Jones");
    CHECK(m && m->vice_chair && strcmp(m->role, "Lead Member for Children") == 0, "Name, Role (Vice-Chair)");
    m = member(&b, "Professor Sam Lee");
    CHECK(m && m->chair && strcmp(m->role, "Chair") == 0, "Chair: Name");
    m = member(&b, "Learning and Development Manager");
    CHECK(m && !m->name, "(vacant)");
    m = member(&b, "HR Business Partner");
    CHECK(m && !m->name, "a role with no name");
    m = member(&b, "Deputy Director of Children's Services");
    CHECK(m && !m->name && !m->substitute, "a Deputy Director is a member, not a substitute");
    CHECK(f.n == 1 && f.items[0].line == 23 && strcmp(f.items[0].code, "unparsed-row") == 0,
          "the prose line is a finding at line 23 (%zu findings)", f.n);
    CHECK(b.rules.meets.every == 2 && b.rules.meets.unit == SL_EVERY_WEEK, "fortnightly");
    CHECK(b.rules.papers_days == 10, "two weeks before: %d", b.rules.papers_days);
    CHECK(b.rules.substitute_notice_days == 4, "substitutes %d", b.rules.substitute_notice_days);
    CHECK(b.rules.review_months == 12, "after 12 months: %d", b.rules.review_months);
    sl_board_free(&b);
    sl_findings_free(&f);
}

static void test_scrutiny_table(void)
{
    sl_board b;
    sl_findings f;
    if (read_file_board("scrutiny-table-name-column.txt", &b, &f) != 0)
        return;
    CHECK(strcmp(b.name, "Children and Young People Scrutiny Sub-Committee") == 0, "name %s", b.name);
    CHECK(b.kind == SL_BOARD_SCRUTINY, "kind %s", sl_board_kind_name(b.kind));
    CHECK(strcmp(day_text(b.tor_adopted), "2021-09-03") == 0, "date approved %s", day_text(b.tor_adopted));
    CHECK(b.n_members == 4, "%zu members", b.n_members);
    const sl_board_member *m = member(&b, "Cllr Ravi Patel");
    CHECK(m && m->chair && m->substitute && strcmp(m->substitute, "Cllr Ann Lee") == 0, "chair with deputy");
    CHECK(m && strcmp(m->organisation, "The Council") == 0, "organisation column");
    m = member(&b, "Cllr Beth Green");
    CHECK(m && !m->substitute && strcmp(m->role, "Member") == 0, "'none' is no deputy");
    CHECK(b.n_members == 4 && !b.members[3].name &&
              strcmp(b.members[3].role, "Co-opted member (diocesan) (Church of England)") == 0,
          "vacant row, its role continued on the next row: %s", b.n_members == 4 ? b.members[3].role : "");
    CHECK(flagged(&b, 0) == 1, "one chair");
    CHECK(b.rules.meets.every == 2 && b.rules.meets.unit == SL_EVERY_MONTH, "bi-monthly");
    CHECK(b.rules.papers_days == 10, "10 clear days: %d", b.rules.papers_days);
    CHECK(b.rules.review_months == 3, "quarterly");
    CHECK(b.rules.minutes_days == 5 && b.rules.chair_report_every == 3, "unstated rules keep their defaults");
    sl_board_free(&b);
    sl_findings_free(&f);
}

static void test_key_value(void)
{
    sl_board b;
    sl_findings f;
    if (read_file_board("improvement-board-key-value.txt", &b, &f) != 0)
        return;
    CHECK(strcmp(b.name, "Children\xE2\x80\x99s Services Improvement Board") == 0, "name after 'Name of group:' %s",
          b.name);
    CHECK(b.tor_adopted == SL_NO_DAY, "no date given");
    CHECK(b.n_members == 5, "%zu members (first on the Membership: line)", b.n_members);
    const sl_board_member *m = member(&b, "Dr Helen Ward");
    CHECK(m && m->chair && strcmp(m->role, "Independent Chair") == 0, "chair from the Chair: label");
    m = member(&b, "Leader of the Council");
    CHECK(m && m->vice_chair, "vice-chair from the Vice-Chair: label");
    m = member(&b, "Assistant Chief Constable");
    CHECK(m && strcmp(m->organisation, "Northshire Police") == 0, "Role, Body");
    CHECK(flagged(&b, 0) == 1 && flagged(&b, 1) == 1, "one chair, one vice-chair");
    CHECK(b.rules.meets.every == 1 && b.rules.meets.unit == SL_EVERY_MONTH, "Frequency: Monthly");
    CHECK(b.rules.papers_days == 3, "Papers: three working days (%d)", b.rules.papers_days);
    CHECK(b.rules.minutes_days == 8, "Minutes: within 8 working days (%d)", b.rules.minutes_days);
    CHECK(b.rules.review_months == 12, "Review: Annually (%d)", b.rules.review_months);
    CHECK(f.n == 0, "%zu findings: %s", f.n, f.n ? f.items[0].message : "");
    sl_board_free(&b);
    sl_findings_free(&f);
}

static void test_layout(void)
{
    sl_board b;
    sl_findings f;
    if (read_file_board("improvement-board-layout.txt", &b, &f) != 0)
        return;
    CHECK(strcmp(b.name, "Northshire Children\xE2\x80\x99s Improvement Board") == 0, "centred title %s", b.name);
    CHECK(b.n_members == 7, "%zu members (not the numbered paragraphs)", b.n_members);
    const sl_board_member *m = member(&b, "Independent Chair (appointed by the DfE)");
    CHECK(m && m->chair, "Independent Chair (…)");
    m = member(&b, "Cabinet Member for Children and Young People");
    CHECK(m && m->vice_chair, "(Vice-Chair)");
    m = member(&b, "Chief Nurse");
    CHECK(m && strcmp(m->organisation, "NHS Northshire Integrated Care Board") == 0, "body after a comma");
    CHECK(b.rules.meets.every == 2 && b.rules.meets.unit == SL_EVERY_MONTH && b.rules.meets.weekday == 4 &&
              b.rules.meets.week_of_month == -1,
          "bi-monthly on the last Thursday");
    CHECK(b.rules.papers_days == 6, "six clear working days, wrapped: %d", b.rules.papers_days);
    CHECK(b.rules.substitute_notice_days == 2, "48 hours is not read as days");
    CHECK(b.rules.minutes_days == 10, "ten working days");
    CHECK(b.rules.chair_report_every == 4, "writes after every fourth meeting: %d", b.rules.chair_report_every);
    CHECK(b.rules.review_months == 12, "in twelve months");
    CHECK(f.n == 0, "%zu findings: %s", f.n, f.n ? f.items[0].message : "");
    sl_board_free(&b);
    sl_findings_free(&f);
}

static void test_labelled_rows(void)
{
    sl_board b;
    sl_findings f;
    if (read_file_board("assurance-board-labelled-rows.txt", &b, &f) != 0)
        return;
    CHECK(strcmp(b.name, "Improvement and Assurance Board") == 0, "name without its acronym: %s", b.name);
    CHECK(b.n_members == 6, "%zu members (those in attendance are not)", b.n_members);
    const sl_board_member *m = member(&b, "Children's Services Commissioner");
    CHECK(m && m->chair && !m->name, "Chair<TAB>role");
    m = member(&b, "Cllr Mark Rees");
    CHECK(m && m->vice_chair && strcmp(m->role, "Leader of the Council") == 0, "Vice Chair<TAB>Role – Name");
    m = member(&b, "Assistant Director, Safeguarding (interim)");
    CHECK(m && !m->name, "– vacant");
    CHECK(!member(&b, "DfE Adviser") && !member(&b, "Head of Democratic Services"), "in attendance: not members");
    CHECK(b.rules.meets.every == 4 && b.rules.meets.unit == SL_EVERY_WEEK, "every four weeks, first");
    CHECK(b.rules.minutes_days == 7, "10 calendar days = 7 working days: %d", b.rules.minutes_days);
    CHECK(b.rules.review_months == 12, "each municipal year");
    CHECK(b.tor_adopted == SL_NO_DAY, "a version with no date");
    sl_board_free(&b);
    sl_findings_free(&f);
}

/* Terms of reference in a council's constitution: "Label: value" lines after numbered duties. */
static void test_constitution(void)
{
    const char *text = "CHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE\n\nTerms of Reference\n\n"
                       "1. To scrutinise the council's children's services improvement plan.\n"
                       "2. To review the performance of children's social care.\n\n"
                       "Membership: 9 councillors plus 2 co-opted members\nChair: appointed by Council\n"
                       "Quorum: 3\nMeetings: at least six times a year\n";
    sl_board b;
    sl_findings f;
    sl_error err;
    if (read_text(text, &b, &f, &err) != 0) {
        CHECK(0, "constitution refused: %s", err.message);
        return;
    }
    CHECK(b.kind == SL_BOARD_SCRUTINY, "scrutiny");
    CHECK(b.n_members == 1 && strcmp(b.members[0].role, "9 councillors plus 2 co-opted members") == 0 &&
              !b.members[0].chair,
          "the count is kept as written, 'appointed by Council' is no member");
    CHECK(b.rules.meets.every == 2 && b.rules.meets.unit == SL_EVERY_MONTH, "six times a year");
    CHECK(f.n == 0, "%zu findings", f.n);
    sl_board_free(&b);
    sl_findings_free(&f);
}

static void test_agenda_pack(void)
{
    size_t len, start = 0, end = 0;
    char *text = load(GOV "agenda-pack.txt", &len);
    if (!text)
        return;
    int found = sl_tor_detect(text, len, &start, &end);
    CHECK(found == 1, "terms of reference found in the pack");
    if (found) {
        CHECK(strncmp(text + start, "Early Help Partnership Board\n", 29) == 0, "starts at the title: %.30s",
              text + start);
        CHECK(strncmp(text + end, "Agenda Item 4", 13) == 0, "ends before the next paper: %.20s", text + end);
        size_t again_start, again_end;
        CHECK(sl_tor_detect(text + end, len - end, &again_start, &again_end) == 0, "only one part");
    }
    sl_board b;
    sl_findings f = {0};
    sl_error err = {0};
    int rc = sl_tor_read(text, len, "pack.txt", &b, &f, &err);
    CHECK(rc == 0, "pack refused: %s", err.message);
    if (rc == 0) {
        CHECK(strcmp(b.name, "Early Help Partnership Board") == 0, "name %s", b.name);
        CHECK(strcmp(day_text(b.tor_adopted), "2021-10-01") == 0, "agreed October 2021 → %s", day_text(b.tor_adopted));
        CHECK(b.n_members == 4, "%zu members", b.n_members);
        CHECK(b.rules.meets.every == 6 && b.rules.meets.unit == SL_EVERY_WEEK, "six weeks, not the report's monthly");
        CHECK(b.rules.chair_report_every == 3, "the report's 'after every meeting' is not read");
        CHECK(strncmp(b.tor_text, "Early Help Partnership Board", 28) == 0 && !strstr(b.tor_text, "Agenda Item"),
              "tor_text is the part only");
        sl_board_free(&b);
    }
    sl_findings_free(&f);
    free(text);
}

static void test_not_tor(void)
{
    size_t len, start, end;
    char *text = load(GOV "minutes-mention.txt", &len);
    if (text) {
        CHECK(sl_tor_detect(text, len, &start, &end) == 0, "minutes are not terms of reference");
        sl_board b;
        sl_findings f = {0};
        sl_error err = {0};
        CHECK(sl_tor_read(text, len, "minutes.txt", &b, &f, &err) == -1 && err.line == 1 &&
                  strstr(err.message, "no terms of reference"),
              "minutes refused: %s", err.message);
        CHECK(b.n_members == 0 && !b.name, "nothing read");
        free(text);
    }
    static const char *const others[] = {
        "IMPROVEMENT PLAN 2021-24\n\nGovernance\nThe Improvement Board will agree its terms of reference in May.\n"
        "Its membership will include partners.\n\nREF\tACTION\tLEAD\n1.1\tAgree terms of reference\tDCS\n",
        "Ofsted inspection of children's social care services\n\nWhat needs to improve\n"
        "Leaders should review the terms of reference of the improvement board.\n\nLeadership\n"
        "The board meets monthly.\n",
        "TERMS OF REFERENCE\n\nThese are to be agreed at the next meeting.\n",
        "",
    };
    for (size_t i = 0; i < sizeof others / sizeof *others; i++)
        CHECK(sl_tor_detect(others[i], strlen(others[i]), &start, &end) == 0, "text %zu detected", i);
}

static void test_no_name(void)
{
    const char *text = "TERMS OF REFERENCE\n\n1. Purpose\n\nTo oversee the plan.\n\n2. Membership\n\n"
                       "- Director of Children's Services (Chair)\n- Head of Service\n\n3. Meetings\n\n"
                       "The Board will meet monthly.\n\n4. Quorum\n\nThree members.\n";
    sl_board b;
    sl_findings f;
    sl_error err;
    CHECK(read_text(text, &b, &f, &err) == -1, "a nameless board is refused");
    CHECK(err.set && err.line == 1 && strcmp(err.file, "tor.txt") == 0 && strstr(err.message, "no board name"),
          "message %s:%ld: %s", err.file, err.line, err.message);
    CHECK(!b.name && b.n_members == 0, "nothing kept");
    sl_findings_free(&f);
}

/* A short terms of reference with one sentence under "Meetings". */
static char *with_sentence(const char *sentence)
{
    const char *head = "LOCAL IMPROVEMENT BOARD\n\nTERMS OF REFERENCE\n\n1. Purpose\n\nTo oversee the plan.\n\n"
                       "2. Membership\n\n\xE2\x80\xA2 Director of Children\xE2\x80\x99s Services (Chair)\n\n"
                       "3. Meetings\n\n";
    char *text = malloc(strlen(head) + strlen(sentence) + 2);
    if (text)
        sprintf(text, "%s%s\n", head, sentence);
    return text;
}

enum { R_MEETS, R_PAPERS, R_SUB, R_MINUTES, R_CHAIR, R_REVIEW };

/* Returns rule r of the rules (meets: every × (1 week, 100 month) + weekday × 1000 + week × 10000). */
static int rule_value(const sl_board_rules *rules, int r)
{
    switch (r) {
    case R_MEETS:
        return rules->meets.every * (rules->meets.unit == SL_EVERY_MONTH ? 100 : 1) + rules->meets.weekday * 1000 +
               rules->meets.week_of_month * 10000;
    case R_PAPERS:
        return rules->papers_days;
    case R_SUB:
        return rules->substitute_notice_days;
    case R_MINUTES:
        return rules->minutes_days;
    case R_CHAIR:
        return rules->chair_report_every;
    default:
        return rules->review_months;
    }
}

static void test_rule_wordings(void)
{
    static const struct {
        const char *sentence;
        int rule, value;
    } cases[] = {
        {"The Board meets every six weeks.", R_MEETS, 6},
        {"The Board will meet monthly.", R_MEETS, 100 + 0},
        {"The Board will meet on the first Tuesday of each month.", R_MEETS, 100 + 2000 + 10000},
        {"Meetings are held on the last Thursday of the month.", R_MEETS, 100 + 4000 - 10000},
        {"The Board will meet bi-monthly.", R_MEETS, 200},
        {"The Group will meet every two months.", R_MEETS, 200},
        {"The Board will meet quarterly.", R_MEETS, 300},
        {"The Group meets fortnightly.", R_MEETS, 2},
        {"The Board will meet at least four times a year.", R_MEETS, 300},
        {"The Panel will meet 8 times a year.", R_MEETS, 6},
        {"The Board will meet every 6-8 weeks.", R_MEETS, 6},
        {"Meetings will be scheduled on a six-weekly basis.", R_MEETS, 6},
        {"Papers will be circulated at least one week in advance of the meeting.", R_PAPERS, 5},
        {"The minutes will be circulated to members within 10 days of the meeting.", R_MINUTES, 7},
        {"The agenda and papers will be circulated 7 working days before each meeting.", R_PAPERS, 7},
        {"Papers will be sent no later than three working days before the meeting.", R_PAPERS, 3},
        {"Reports must be published 10 clear days before the meeting.", R_PAPERS, 10},
        {"The agenda will be issued fourteen days before the meeting.", R_PAPERS, 10},
        {"Papers will be circulated two weeks prior to the meeting.", R_PAPERS, 10},
        {"Members must say at least 3 working days before the meeting whether their deputy will attend.", R_SUB, 3},
        {"Substitutes must be notified to the clerk four working days before the meeting.", R_SUB, 4},
        {"Draft minutes will be circulated within 10 working days of the meeting.", R_MINUTES, 10},
        {"Minutes will be circulated within two weeks.", R_MINUTES, 10},
        {"The minutes will be sent out within 7 working days after the meeting.", R_MINUTES, 7},
        {"The Chair will report in writing after every second meeting.", R_CHAIR, 2},
        {"The independent chair reports to the Leader after each meeting.", R_CHAIR, 1},
        {"The Chair will provide a written report after every fourth meeting.", R_CHAIR, 4},
        {"These terms of reference will be reviewed every six months.", R_REVIEW, 6},
        {"The terms of reference will be reviewed annually.", R_REVIEW, 12},
        {"These terms of reference will be reviewed after 12 months.", R_REVIEW, 12},
        {"The terms of reference will be reviewed every two years.", R_REVIEW, 24},
    };
    sl_board_rules def = sl_board_rules_default();
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *text = with_sentence(cases[i].sentence);
        sl_board b;
        sl_findings f;
        sl_error err;
        if (!text || read_text(text, &b, &f, &err) != 0) {
            CHECK(0, "'%s' refused: %s", cases[i].sentence, err.message);
            free(text);
            continue;
        }
        for (int r = R_MEETS; r <= R_REVIEW; r++) {
            int want = r == cases[i].rule ? cases[i].value : rule_value(&def, r);
            CHECK(rule_value(&b.rules, r) == want, "'%s': rule %d is %d, not %d", cases[i].sentence, r,
                  rule_value(&b.rules, r), want);
        }
        sl_board_free(&b);
        sl_findings_free(&f);
        free(text);
    }
}

/* Wordings whose value equals the default: read directly by the rule readers. */
static void test_rule_readers(void)
{
    static const struct {
        const char *sentence;
        int rule, value;
    } cases[] = {
        {"Papers will be circulated one week before the meeting.", R_PAPERS, 5},
        {"Papers will be circulated a week before the meeting.", R_PAPERS, 5},
        {"Papers will be circulated five working days prior to the meeting.", R_PAPERS, 5},
        {"Papers will be circulated 7 days before the meeting.", R_PAPERS, 5},
        {"Minutes will be circulated within one week of the meeting.", R_MINUTES, 5},
        {"The chair will report after every third meeting.", R_CHAIR, 3},
        {"The terms of reference will be reviewed quarterly.", R_REVIEW, 3},
        {"Members will tell the clerk two working days before if a substitute will attend.", R_SUB, 2},
        {"The Board will review the scorecard at each meeting.", R_REVIEW, 0},
        {"The meeting will last 90 minutes.", R_MINUTES, 0},
        {"Papers for the Board are prepared by the programme office.", R_PAPERS, 0},
        {"Members may nominate one named deputy.", R_SUB, 0},
        {"The Chair will report after every second meeting.", R_PAPERS, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sl_tor_words w;
        sl_tor_words_init(&w, cases[i].sentence, strlen(cases[i].sentence));
        int got = cases[i].rule == R_PAPERS    ? sl_tor_rule_papers(&w, 0)
                  : cases[i].rule == R_MINUTES ? sl_tor_rule_minutes(&w, 0)
                  : cases[i].rule == R_CHAIR   ? sl_tor_rule_chair_report(&w)
                  : cases[i].rule == R_SUB     ? sl_tor_rule_substitute_notice(&w, 0)
                                               : sl_tor_rule_review(&w, 0);
        CHECK(got == cases[i].value, "'%s' gives %d, not %d", cases[i].sentence, got, cases[i].value);
        sl_tor_words_free(&w);
    }
    sl_schedule s;
    sl_tor_words w;
    const char *review = "The terms of reference will be reviewed annually at the first meeting.";
    sl_tor_words_init(&w, review, strlen(review));
    CHECK(sl_tor_rule_meets(&w, 0, &s) == 0, "a review sentence does not say how often the board meets");
    sl_tor_words_free(&w);
    CHECK(sl_tor_cardinal("twelve") == 12 && sl_tor_cardinal("7") == 7 && sl_tor_ordinal("third") == 3 &&
              sl_tor_ordinal("2nd") == 2 && sl_tor_cardinal("board") == 0,
          "number words");
}

/* One membership line under a short terms of reference, and the member it gives. */
static void test_member_lines(void)
{
    static const struct {
        const char *line;
        const char *name, *role, *organisation, *substitute;
        int chair, vice;
    } cases[] = {
        {"\xE2\x80\xA2 Director of Children\xE2\x80\x99s Services (Chair)", NULL,
         "Director of Children\xE2\x80\x99s Services", "", NULL, 1, 0},
        {"\xE2\x97\xBC Lead Member for Children (Vice-Chair)", NULL, "Lead Member for Children", "", NULL, 0, 1},
        {"- Jane Smith, Director of Children's Services", "Jane Smith", "Director of Children's Services", "", NULL, 0, 0},
        {"- Director of Children's Services \xE2\x80\x93 Jane Smith", "Jane Smith", "Director of Children's Services", "",
         NULL, 0, 0},
        {"- Head of Early Help (tbc)", NULL, "Head of Early Help", "", NULL, 0, 0},
        {"- Designated Doctor: vacant", NULL, "Designated Doctor", "", NULL, 0, 0},
        {"- Chair (independent)", NULL, "Chair (independent)", "", NULL, 1, 0},
        {"- Independent Chair \xE2\x80\x93 Dr Alan Ward", "Dr Alan Ward", "Independent Chair", "", NULL, 1, 0},
        {"- Director of Finance (deputy: Head of Finance)", NULL, "Director of Finance", "", "Head of Finance", 0, 0},
        {"- Detective Chief Inspector, Kent Police", NULL, "Detective Chief Inspector", "Kent Police", NULL, 0, 0},
        {"- Chair of the Safeguarding Partnership", NULL, "Chair of the Safeguarding Partnership", "", NULL, 0, 0},
        {"- Head of Service, Jo Negrini", "Jo Negrini", "Head of Service", "", NULL, 0, 0},
        {"- Jane Smith (Director of Children's Services)", "Jane Smith", "Director of Children's Services", "", NULL, 0,
         0},
        {"- A voluntary sector representative (to be nominated by the CVS)", NULL,
         "A voluntary sector representative (to be nominated by the CVS)", "", NULL, 0, 0},
        {"- Director of Education \xE2\x80\x93 Vice-Chair", NULL, "Director of Education", "", NULL, 0, 1},
        {"- Jane Smith \xE2\x80\x93 Head of Service \xE2\x80\x93 Northshire Council", "Jane Smith", "Head of Service",
         "Northshire Council", NULL, 0, 0},
        {"Principal Social Worker\tChildren's Social Care", NULL, "Principal Social Worker", "Children's Social Care",
         NULL, 0, 0},
        {"Mary O'Brien    Head of Virtual School    The Council", "Mary O'Brien", "Head of Virtual School",
         "The Council", NULL, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sl_buf text = SL_BUF_INIT;
        sl_buf_printf(&text,
                      "CORPORATE PARENTING BOARD\nTERMS OF REFERENCE\n\nPurpose\nTo champion children in care.\n\n"
                      "Membership\n%s\n\nMeetings\nThe Board meets monthly.\n",
                      cases[i].line);
        sl_board b;
        sl_findings f;
        sl_error err;
        int rc = read_text(sl_buf_str(&text), &b, &f, &err);
        sl_buf_free(&text);
        if (rc != 0) {
            CHECK(0, "'%s' refused: %s", cases[i].line, err.message);
            continue;
        }
        CHECK(b.n_members == 1, "'%s' gives %zu members", cases[i].line, b.n_members);
        if (b.n_members == 1) {
            const sl_board_member *m = &b.members[0];
            CHECK((m->name == NULL) == (cases[i].name == NULL) && (!m->name || strcmp(m->name, cases[i].name) == 0),
                  "'%s' name %s", cases[i].line, m->name ? m->name : "NULL");
            CHECK(strcmp(m->role, cases[i].role) == 0, "'%s' role [%s]", cases[i].line, m->role);
            CHECK(strcmp(m->organisation, cases[i].organisation) == 0, "'%s' body [%s]", cases[i].line,
                  m->organisation);
            CHECK((m->substitute == NULL) == (cases[i].substitute == NULL) &&
                      (!m->substitute || strcmp(m->substitute, cases[i].substitute) == 0),
                  "'%s' substitute %s", cases[i].line, m->substitute ? m->substitute : "NULL");
            CHECK(m->chair == cases[i].chair && m->vice_chair == cases[i].vice, "'%s' chair %d vice %d",
                  cases[i].line, m->chair, m->vice_chair);
        }
        CHECK(f.n == 0, "'%s': %zu findings", cases[i].line, f.n);
        sl_board_free(&b);
        sl_findings_free(&f);
    }
}

/* A role wrapped onto the next line, and chairs named with an acronym and "as Vice-Chair". */
static void test_wrapped_and_chairs(void)
{
    const char *text = "SEND IMPROVEMENT BOARD\nTERMS OF REFERENCE\n\nPurpose\nTo improve SEND services.\n\n"
                       "Membership\n\xE2\x80\xA2 Director of Children's Services\n"
                       "\xE2\x80\xA2 Head of Service, Children in Care and\n  Care Leavers\n"
                       "\xE2\x80\xA2 Lead Member for Children\n\nChairing\n"
                       "The Board will be chaired by the DCS, with the Lead Member as Vice-Chair.\n\n"
                       "Meetings\nThe Board meets monthly.\n";
    sl_board b;
    sl_findings f;
    sl_error err;
    if (read_text(text, &b, &f, &err) != 0) {
        CHECK(0, "refused: %s", err.message);
        return;
    }
    CHECK(b.n_members == 3, "%zu members", b.n_members);
    CHECK(member(&b, "Head of Service, Children in Care and Care Leavers") != NULL, "wrapped role joined");
    const sl_board_member *m = member(&b, "Director of Children's Services");
    CHECK(m && m->chair, "'the DCS' is the Director of Children's Services");
    m = member(&b, "Lead Member for Children");
    CHECK(m && m->vice_chair, "'the Lead Member as Vice-Chair'");
    CHECK(f.n == 0, "%zu findings: %s", f.n, f.n ? f.items[0].message : "");
    sl_board_free(&b);
    sl_findings_free(&f);
}

/* Names, kinds and dates of adoption from titles and sentences. */
static void test_names(void)
{
    static const struct {
        const char *head;
        const char *name;
        sl_board_kind kind;
        const char *adopted;
    } cases[] = {
        {"CHILDREN'S IMPROVEMENT BOARD\nTERMS OF REFERENCE (adopted March 2019)\n", "Children's Improvement Board",
         SL_BOARD_IMPROVEMENT, "2019-03-01"},
        {"Terms of Reference: SEND Improvement Programme Board\nAgreed: 12 June 2020\n",
         "SEND Improvement Programme Board", SL_BOARD_PROGRAMME, "2020-06-12"},
        {"Appendix 2 \xE2\x80\x93 Early Help Workstream Terms of Reference\nVersion 3, May 2021\n",
         "Early Help Workstream", SL_BOARD_TASK_GROUP, "2021-05-01"},
        {"TERMS OF REFERENCE\nBoard:\tCorporate Parenting Board\n", "Corporate Parenting Board", SL_BOARD_IMPROVEMENT,
         "none"},
        {"TERMS OF REFERENCE FOR THE CHILDREN AND YOUNG PEOPLE SELECT COMMITTEE\n",
         "Children and Young People Select Committee", SL_BOARD_SCRUTINY, "none"},
        {"TERMS OF REFERENCE\nDate approved: 01/04/2022\n\nThe Safeguarding Practice Task and Finish Group (the "
         "Group) was set up in 2022.\n",
         "Safeguarding Practice Task and Finish Group", SL_BOARD_TASK_GROUP, "2022-04-01"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sl_buf text = SL_BUF_INIT;
        sl_buf_printf(&text,
                      "%s\nPurpose\nTo oversee the plan agreed in January 2019.\n\nMembership\n- Director of "
                      "Children's Services\n\nFrequency\nMonthly meetings.\n",
                      cases[i].head);
        sl_board b;
        sl_findings f;
        sl_error err;
        int rc = read_text(sl_buf_str(&text), &b, &f, &err);
        sl_buf_free(&text);
        if (rc != 0) {
            CHECK(0, "case %zu refused: %s", i, err.message);
            continue;
        }
        CHECK(strcmp(b.name, cases[i].name) == 0, "case %zu name [%s]", i, b.name);
        CHECK(b.kind == cases[i].kind, "case %zu kind %s", i, sl_board_kind_name(b.kind));
        CHECK(strcmp(day_text(b.tor_adopted), cases[i].adopted) == 0, "case %zu adopted %s", i,
              day_text(b.tor_adopted));
        sl_board_free(&b);
        sl_findings_free(&f);
    }
}

/* Markdown headings, lettered sections, a page number inside the list. */
static void test_markdown(void)
{
    const char *text = "# Youth Justice Partnership Board \xE2\x80\x93 Terms of Reference\n\n## A. Purpose\n"
                       "To oversee the youth justice plan.\n\n## B. Membership\n"
                       "- Head of Youth Justice Service (Chair)\n\nPage 2 of 3\n\n- Magistrate representative\n\n"
                       "## C. Meetings\nQuarterly.\n";
    sl_board b;
    sl_findings f;
    sl_error err;
    if (read_text(text, &b, &f, &err) != 0) {
        CHECK(0, "markdown refused: %s", err.message);
        return;
    }
    CHECK(strcmp(b.name, "Youth Justice Partnership Board") == 0, "name %s", b.name);
    CHECK(b.n_members == 2 && b.members[0].chair, "%zu members, the page number is not one", b.n_members);
    CHECK(b.rules.meets.every == 3 && b.rules.meets.unit == SL_EVERY_MONTH, "Quarterly under Meetings");
    sl_board_free(&b);
    sl_findings_free(&f);
}

void test_tor(void)
{
    test_sample();
    test_programme_board();
    test_task_group();
    test_scrutiny_table();
    test_key_value();
    test_layout();
    test_labelled_rows();
    test_constitution();
    test_agenda_pack();
    test_not_tor();
    test_no_name();
    test_rule_wordings();
    test_rule_readers();
    test_member_lines();
    test_names();
    test_markdown();
    test_wrapped_and_chairs();
}
