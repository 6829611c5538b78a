/* test_inspection.c — Ofsted inspection reports, the ILACS scrape CSV and the
 * authority lookup: the four sample reports (shared/samples/README.md), a
 * synthetic SIF report, small texts that must be read or refused, grade words,
 * CSV rows with placeholders and bad cells, and authority names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "domain/authority.h"
#include "domain/inspection.h"
#include "import/kind/inspection/ilacs_csv.h"
#include "import/kind/inspection/inspection_text.h"
#include "util/buf.h"

#define SAMPLES "tests/data/samples/inspections/"
#define LA_LOOKUP "data/la-lookup.csv"

/* Grades, short enough for tables. */
#define NONE SL_GRADE_NONE
#define OUTS SL_GRADE_OUTSTANDING
#define GOOD SL_GRADE_GOOD
#define RI SL_GRADE_REQUIRES_IMPROVEMENT
#define INAD SL_GRADE_INADEQUATE

/* Returns the whole file at path (caller frees) and its length, or NULL. */
static char *read_fixture(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *data = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n + 4096 > cap)
            data = realloc(data, cap = (cap + 4096) * 2);
        got = fread(data + n, 1, cap - n - 1, f);
        n += got;
    } while (got > 0);
    fclose(f);
    data[n] = '\0';
    *len = n;
    return data;
}

/* Writes day as YYYY-MM-DD into out, or "-" for SL_NO_DAY. */
static const char *iso(sl_day day, char out[11])
{
    if (day == SL_NO_DAY)
        return strcpy(out, "-");
    sl_day_format(day, out);
    return out;
}

static int has_prefix(const char *s, const char *prefix)
{
    return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Reads a text with sl_inspection_read; returns its result and fills *err. */
static int read_text(const char *text, size_t len, const char *file, sl_inspection *insp,
                     sl_error *err)
{
    memset(err, 0, sizeof *err);
    return sl_inspection_read(text, len, file, insp, err);
}

/* The four sample reports: what samples/README.md says each must yield. */
static void test_sample_reports(void)
{
    static const struct {
        const char *file, *authority, *urn, *start, *end, *published, *framework, *lead;
        sl_grade grades[SL_JUDGEMENT_COUNT]; /* overall, leaders, help, in care, care leavers */
        size_t n_items;
        const char *first_item, *last_item;  /* prefixes */
    } cases[] = {
        {"80471_halton_12-july-2024.txt", "Halton", "80471", "2024-05-13", "2024-05-24",
         "2024-07-12", "ILACS standard", "Lisa Summers", {INAD, INAD, INAD, INAD, INAD}, 12,
         "Partnership arrangements, so that these provide effective governance",
         "The quality of supervision and oversight of frontline practitioners so that"},
        {"2532283_dorset_09-may-2025.txt", "Dorset", "2532283", "2025-03-17", "2025-03-21",
         "2025-05-09", "ILACS short", "Sarah Canto", {OUTS, OUTS, OUTS, OUTS, GOOD}, 1,
         "The clarity and detail of the care leaver offer, including for care leavers",
         "The clarity and detail of the care leaver offer"},
        {"80443_bury_17-december-2021.txt", "Bury", "80443", "2021-10-25", "2021-11-05",
         "2021-12-17", "ILACS standard", "Lorna Schlechte", {INAD, INAD, INAD, RI, NONE}, 9,
         "The timely recognition and response to risk at the front door.",
         "The stability of the senior leadership team to support implementation"},
        {"80573_trafford_03-august-2026.txt", "Trafford", "80573", "2026-06-08", "2026-06-19",
         "2026-08-03", "ILACS standard", "Leanne Cooper", {NONE, INAD, INAD, GOOD, RI}, 9,
         "Quality of contacts, timeliness and allocation response",
         "Quality of transitions and pathway planning for children leaving care"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char path[256], a[11], b[11], p[11];
        snprintf(path, sizeof path, SAMPLES "%s", cases[c].file);
        size_t len;
        char *data = read_fixture(path, &len);
        CHECK(data != NULL, "cannot read %s (run from the checkout)", path);
        if (!data)
            continue;
        sl_inspection insp;
        sl_error err;
        CHECK(sl_inspection_detect(data, len) == 1, "%s: detected as a report", cases[c].file);
        int rc = read_text(data, len, path, &insp, &err);
        CHECK(rc == 0, "%s: read (%s:%ld: %s)", cases[c].file, err.file, err.line, err.message);
        if (rc == 0) {
            CHECK(same(insp.authority, cases[c].authority), "%s: authority '%s'", cases[c].file,
                  insp.authority);
            CHECK(same(insp.urn, cases[c].urn), "%s: urn '%s'", cases[c].file,
                  insp.urn ? insp.urn : "(null)");
            CHECK(strcmp(iso(insp.start, a), cases[c].start) == 0 &&
                      strcmp(iso(insp.end, b), cases[c].end) == 0,
                  "%s: dates %s to %s, want %s to %s", cases[c].file, a, b, cases[c].start,
                  cases[c].end);
            CHECK(strcmp(iso(insp.published, p), cases[c].published) == 0, "%s: published %s",
                  cases[c].file, p);
            CHECK(same(insp.framework, cases[c].framework), "%s: framework '%s'", cases[c].file,
                  insp.framework);
            CHECK(same(insp.lead_inspector, cases[c].lead), "%s: lead inspector '%s'",
                  cases[c].file, insp.lead_inspector ? insp.lead_inspector : "(null)");
            CHECK(same(insp.source_file, path), "%s: source file", cases[c].file);
            for (int k = 0; k < SL_JUDGEMENT_COUNT; k++)
                CHECK(insp.judgements[k] == cases[c].grades[k], "%s: %s is %s, want %s",
                      cases[c].file, sl_judgement_key(k), sl_grade_name(insp.judgements[k]),
                      sl_grade_name(cases[c].grades[k]));
            CHECK(insp.n_items == cases[c].n_items, "%s: %zu items, want %zu", cases[c].file,
                  insp.n_items, cases[c].n_items);
            if (insp.n_items > 0) {
                CHECK(has_prefix(insp.items[0].text, cases[c].first_item),
                      "%s: first item '%s'", cases[c].file, insp.items[0].text);
                CHECK(has_prefix(insp.items[insp.n_items - 1].text, cases[c].last_item),
                      "%s: last item '%s'", cases[c].file, insp.items[insp.n_items - 1].text);
                CHECK(insp.items[0].source_line > insp.items_line && insp.items_line > 0,
                      "%s: item lines %ld after heading line %ld", cases[c].file,
                      insp.items[0].source_line, insp.items_line);
            }
            sl_inspection_free(&insp);
        }
        free(data);
    }
}

/* Wrapped items are joined (hyphenated words too), page furniture inside the
 * list is skipped, and national framework tags are kept apart from the text. */
static void test_item_texts(void)
{
    static const char *const trafford_tags[] = {
        "outcome 2", "outcome 2", "outcome 2", "outcome 2",
        "enabler: leaders drive conditions for effective practice",
        "enabler: leaders drive conditions for effective practice",
        "outcome 1", "outcome 4", "outcome 4",
    };
    size_t len;
    sl_inspection insp;
    sl_error err;
    char *data = read_fixture(SAMPLES "80573_trafford_03-august-2026.txt", &len);
    if (data && read_text(data, len, "trafford.txt", &insp, &err) == 0) {
        for (size_t i = 0; i < insp.n_items && i < 9; i++)
            CHECK(same(insp.items[i].framework_outcome, trafford_tags[i]),
                  "trafford item %zu tag '%s', want '%s'", i + 1,
                  insp.items[i].framework_outcome ? insp.items[i].framework_outcome : "(null)",
                  trafford_tags[i]);
        CHECK(insp.n_items == 9 && strcmp(insp.items[3].text,
                                          "Response to 16- and 17-year-old homeless children") == 0,
              "trafford item 4 is joined and untagged: '%s'",
              insp.n_items > 3 ? insp.items[3].text : "");
        CHECK(insp.urn == NULL, "no URN from a file name in another form");
        sl_inspection_free(&insp);
    } else {
        CHECK(0, "trafford sample read");
    }
    free(data);

    data = read_fixture(SAMPLES "80471_halton_12-july-2024.txt", &len);
    if (data && read_text(data, len, "halton.txt", &insp, &err) == 0) {
        CHECK(insp.n_items == 12 &&
                  strcmp(insp.items[5].text,
                         "The timeliness of decision-making for children and young people,"
                         " specifically when children come into care, so that children achieve"
                         " permanence without delay. This includes the effectiveness of"
                         " independent reviewing officers (IROs), so that concerns relating to"
                         " care planning are identified, escalated and quickly resolved.") == 0,
              "halton item 6 joined over five lines");
        CHECK(insp.n_items == 12 &&
                  has_prefix(insp.items[10].text, "Social workers’ and foster") &&
                  insp.items[10].framework_outcome == NULL,
              "halton item 11 read across the page break");
        sl_inspection_free(&insp);
    } else {
        CHECK(0, "halton sample read");
    }
    free(data);

    data = read_fixture(SAMPLES "2532283_dorset_09-may-2025.txt", &len);
    if (data && read_text(data, len, "dorset.txt", &insp, &err) == 0) {
        CHECK(insp.n_items == 1 && same(insp.items[0].framework_outcome, "Outcome four") &&
                  strcmp(insp.items[0].text, "The clarity and detail of the care leaver offer,"
                                             " including for care leavers who are parents.") == 0,
              "dorset item and its tag");
        sl_inspection_free(&insp);
    } else {
        CHECK(0, "dorset sample read");
    }
    free(data);
}

/* A report in the SIF style of Croydon's 2017 inspection (synthetic text):
 * numbered judgement table with tabs, a label wrapped over two lines, the
 * overall judgement in a sentence, a contents page naming the list heading,
 * and numbered recommendations under "Recommendations". */
static const char sif_report[] =
    "London Borough of Croydon\n"
    "Inspection of services for children in need of help and\n"
    "protection, children looked after and care leavers\n"
    "and\n"
    "Review of the effectiveness of the local safeguarding children board\n"
    "Inspection dates: 20 June 2017 to 13 July 2017\n"
    "Report published: 4 September 2017\n"
    "\n"
    "Children\xE2\x80\x99s services in Croydon are inadequate\n"
    "\n"
    "1. Children who need help and protection\tInadequate\n"
    "2. Children looked after and achieving\n"
    "   permanence\tInadequate\n"
    "2.1 Adoption performance\tRequires improvement\n"
    "2.2 Experiences and progress of care leavers\tInadequate\n"
    "3. Leadership, management and governance\tInadequate\n"
    "\n"
    "Lead inspector: Jane Example HMI\n"
    "\n"
    "Contents\n"
    "What does the local authority need to improve?   4\n"
    "Areas for improvement   4\n"
    "The local authority\xE2\x80\x99s strengths   5\n"
    "\f\n"
    "Executive summary\n"
    "Services for children have deteriorated since the last inspection.\n"
    "\n"
    "Recommendations\n"
    "1. Ensure that thresholds are understood and applied consistently by partner\n"
    "   agencies and by staff at the front door.\n"
    "2. Reduce social workers\xE2\x80\x99 caseloads so that they can visit children within\n"
    "   timescales.\n"
    "\n"
    "Areas for improvement\n"
    "3. Strengthen management oversight of practice.\n"
    "\n"
    "Summary for children and young people\n"
    "4. This numbered paragraph is not a recommendation.\n";

static void test_sif_report(void)
{
    sl_inspection insp;
    sl_error err;
    char a[11], b[11], p[11];
    CHECK(sl_inspection_detect(sif_report, sizeof sif_report - 1) == 1, "SIF report detected");
    int rc = read_text(sif_report, sizeof sif_report - 1, "croydon-sif.txt", &insp, &err);
    CHECK(rc == 0, "SIF report read (%ld: %s)", err.line, err.message);
    if (rc < 0)
        return;
    CHECK(same(insp.authority, "London Borough of Croydon"), "SIF authority '%s'", insp.authority);
    CHECK(same(insp.framework, SL_FRAMEWORK_SIF), "SIF framework '%s'", insp.framework);
    CHECK(strcmp(iso(insp.start, a), "2017-06-20") == 0 &&
              strcmp(iso(insp.end, b), "2017-07-13") == 0,
          "SIF dates %s to %s", a, b);
    CHECK(strcmp(iso(insp.published, p), "2017-09-04") == 0, "SIF published %s", p);
    CHECK(same(insp.lead_inspector, "Jane Example"), "SIF lead inspector '%s'",
          insp.lead_inspector ? insp.lead_inspector : "(null)");
    for (int k = 0; k < SL_JUDGEMENT_COUNT; k++)
        CHECK(insp.judgements[k] == SL_GRADE_INADEQUATE, "SIF %s is %s", sl_judgement_key(k),
              sl_grade_name(insp.judgements[k]));
    CHECK(insp.n_items == 3, "SIF: %zu recommendations, want 3", insp.n_items);
    if (insp.n_items == 3) {
        CHECK(strcmp(insp.items[0].text, "Ensure that thresholds are understood and applied"
                                         " consistently by partner agencies and by staff at the"
                                         " front door.") == 0,
              "SIF item 1 '%s'", insp.items[0].text);
        CHECK(strcmp(insp.items[2].text, "Strengthen management oversight of practice.") == 0,
              "SIF item 3 '%s'", insp.items[2].text);
        CHECK(insp.items[0].source_line == 29 && insp.items_line == 28,
              "SIF item 1 on line %ld under heading line %ld", insp.items[0].source_line,
              insp.items_line);
    }
    sl_inspection_free(&insp);
}

/* An ILACS report trimmed to its skeleton; each case swaps in a part. */
#define TITLE "Inspection of Testshire local authority\nchildren\xE2\x80\x99s services\n"
#define DATES "Inspection dates: 13 to 24 May 2024\n"
#define LEAD "Lead inspector: A Person, His Majesty\xE2\x80\x99s Inspector\n\n"
#define HEADER " Judgement                                  Grade\n\n"
#define LEADERS_RI_WRAPPED                                                                   \
    " The impact of leaders on social work       Requires improvement to be\n"               \
    " practice with children and families        good\n\n"
#define CARE_ROWS_UNSPACED                                                                   \
    " The experiences and progress of            Inadequate\n"                               \
    " children in care\n"                                                                    \
    " The experiences and progress of care       Good\n"                                     \
    " leavers\n\n"
#define OVERALL " Overall effectiveness                      Good\n\n"
#define ITEMS "What needs to improve?\n\xE2\x97\xBC One thing to improve.\n\n"

static void test_small_texts(void)
{
    static const struct {
        const char *name, *text;
        sl_grade leaders, in_care, care_leavers, overall;
        size_t n_items;
        const char *framework;
    } readable[] = {
        {"skeleton", TITLE DATES LEAD HEADER LEADERS_RI_WRAPPED CARE_ROWS_UNSPACED OVERALL ITEMS,
         RI, INAD, GOOD, GOOD, 1, "ILACS standard"},
        {"byte-order mark, crlf and no-break spaces",
         "\xEF\xBB\xBFInspection of Testshire local authority\r\nInspection dates: 13\xC2\xA0to 17 May"
         " 2024\r\n\r\n Judgement   Grade\r\n\r\n Overall effectiveness   Inadequate\r\n\r\n"
         "What needs to improve?\r\n\xE2\x80\xA2 Item one\r\n  continued.\r\n",
         NONE, NONE, NONE, INAD, 1, "ILACS short"},
        {"council's name above the title (2018-2019)",
         "Testshire\n\nInspection of children\xE2\x80\x99s social care services\n" DATES LEAD HEADER OVERALL ITEMS,
         NONE, NONE, NONE, GOOD, 1, "ILACS standard"},
        {"focused visit",
         "Focused visit to Testshire local authority children\xE2\x80\x99s services\n"
         "Inspection dates: 6 and 7 March 2024\n" LEAD "What needs to improve?\n"
         "\xE2\x97\xBC Timeliness of assessments.\n",
         NONE, NONE, NONE, NONE, 1, "focused visit"},
    };
    for (size_t c = 0; c < sizeof readable / sizeof readable[0]; c++) {
        sl_inspection insp;
        sl_error err;
        int rc = read_text(readable[c].text, strlen(readable[c].text), "t.txt", &insp, &err);
        CHECK(rc == 0, "%s: read (%ld: %s)", readable[c].name, err.line, err.message);
        if (rc < 0)
            continue;
        CHECK(insp.judgements[SL_JUDGEMENT_LEADERS] == readable[c].leaders &&
                  insp.judgements[SL_JUDGEMENT_IN_CARE] == readable[c].in_care &&
                  insp.judgements[SL_JUDGEMENT_CARE_LEAVERS] == readable[c].care_leavers &&
                  insp.judgements[SL_JUDGEMENT_OVERALL] == readable[c].overall,
              "%s: judgements %s %s %s %s", readable[c].name,
              sl_grade_name(insp.judgements[SL_JUDGEMENT_LEADERS]),
              sl_grade_name(insp.judgements[SL_JUDGEMENT_IN_CARE]),
              sl_grade_name(insp.judgements[SL_JUDGEMENT_CARE_LEAVERS]),
              sl_grade_name(insp.judgements[SL_JUDGEMENT_OVERALL]));
        CHECK(insp.n_items == readable[c].n_items, "%s: %zu items", readable[c].name,
              insp.n_items);
        CHECK(same(insp.framework, readable[c].framework), "%s: framework '%s'",
              readable[c].name, insp.framework);
        CHECK(same(insp.authority, "Testshire"), "%s: authority '%s'", readable[c].name,
              insp.authority);
        sl_inspection_free(&insp);
    }

    static const struct {
        const char *name, *text;
        long err_line;
    } refused[] = {
        {"junk from the contract", "Inspection of Nowhere\nJudgement Grade\n", 2},
        {"empty", "", 1},
        {"no title", "Improvement plan 2024\nInspection dates: 13 to 24 May 2024\n", 1},
        {"no judgement table", TITLE DATES LEAD ITEMS, 1},
        {"table without grades", TITLE DATES HEADER " Overall effectiveness\n\n" ITEMS, 4},
        {"no dates", TITLE LEAD HEADER OVERALL ITEMS, 1},
        {"impossible dates", TITLE "Inspection dates: 31 to 32 May 2024\n" HEADER OVERALL ITEMS, 3},
        {"no list", TITLE DATES HEADER OVERALL, 8},
        {"empty list", TITLE DATES HEADER OVERALL "What needs to improve?\n\nThe experiences\n", 8},
        {"graded twice", TITLE DATES HEADER OVERALL OVERALL ITEMS, 8},
        {"bad published date",
         TITLE DATES "Report published: 31 February 2024\n" HEADER OVERALL ITEMS, 4},
    };
    for (size_t c = 0; c < sizeof refused / sizeof refused[0]; c++) {
        sl_inspection insp;
        sl_error err;
        int rc = read_text(refused[c].text, strlen(refused[c].text), "t.txt", &insp, &err);
        CHECK(rc < 0 && err.line == refused[c].err_line && strcmp(err.file, "t.txt") == 0,
              "%s: refused on line %ld (%s), want line %ld", refused[c].name, err.line,
              err.message, refused[c].err_line);
        CHECK(insp.authority == NULL && insp.n_items == 0, "%s: nothing kept", refused[c].name);
    }
    static const char nul[] = TITLE "Inspection\0 dates\n";
    static const char not_utf8[] = TITLE DATES "\xFF\xFE\n";
    sl_inspection insp;
    sl_error err;
    CHECK(read_text(nul, sizeof nul - 1, "t.txt", &insp, &err) < 0 && err.line == 3,
          "a NUL byte is refused on its line (%ld)", err.line);
    CHECK(read_text(not_utf8, sizeof not_utf8 - 1, "t.txt", &insp, &err) < 0 && err.line == 4,
          "invalid UTF-8 is refused on its line (%ld)", err.line);
    static const char plan[] = "Improvement plan\nInspection dates: 1 May 2024\n";
    CHECK(sl_inspection_detect(plan, sizeof plan - 1) == 0, "a plan is not a report");
    CHECK(sl_inspection_detect("", 0) == 0, "nothing is not a report");
}

/* Inspection dates in every form the reports write them, including an
 * inspection held in two parts (first day of the first, last of the second). */
static void test_date_forms(void)
{
    static const struct {
        const char *dates, *start, *end;
    } cases[] = {
        {"13 to 24 May 2024", "2024-05-13", "2024-05-24"},
        {"25 October 2021 to 5 November 2021", "2021-10-25", "2021-11-05"},
        {"20 June 2017 \xE2\x94\x80 13 July 2017", "2017-06-20", "2017-07-13"},
        {"30 May 2017 \xE2\x80\x93 22 June 2017", "2017-05-30", "2017-06-22"},
        {"19 November\xE2\x80\x93" "30 November 2018", "2018-11-19", "2018-11-30"},
        {"5 to 9 December 2022 and 14 to 15 February 2023", "2022-12-05", "2023-02-15"},
        {"19 November\xE2\x80\x93" "11 December 2013 and 28\xE2\x80\x93" "30 January 2014", "2013-11-19",
         "2014-01-30"},
        {"24 November 2015 - 17 December 2015", "2015-11-24", "2015-12-17"},
        {"6 and 7 March 2024", "2024-03-06", "2024-03-07"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        sl_buf text = SL_BUF_INIT;
        sl_buf_printf(&text, "%s" "Inspection dates: %s\n" "%s%s%s", TITLE, cases[c].dates, HEADER, OVERALL,
                      ITEMS);
        sl_inspection insp;
        sl_error err;
        char a[11], b[11];
        int rc = read_text(text.data, text.len, "t.txt", &insp, &err);
        CHECK(rc == 0, "dates '%s': read (%s)", cases[c].dates, err.message);
        if (rc == 0)
            CHECK(strcmp(iso(insp.start, a), cases[c].start) == 0 && strcmp(iso(insp.end, b), cases[c].end) == 0,
                  "dates '%s': %s to %s", cases[c].dates, a, b);
        sl_inspection_free(&insp);
        sl_buf_free(&text);
    }
}

/* SIF judgement tables of 2014-2018 in their shapes: the grade above and
 * below its numbered label, the overall judgement as a sentence in the
 * table's first block, a council-name title line, a contents line naming
 * the list's heading, numbered headings over bulleted recommendations. */
static void test_sif_shapes(void)
{
    static const char text[] =
        "Testshire County Council\n"
        "Inspection of services for children in need of help and\nprotection, children looked after and care leavers\n"
        "and\nReview of the effectiveness of the local safeguarding children\nboard1\n"
        "Inspection date: 19 November\xE2\x80\x93" "11 December 2013 and 28\xE2\x80\x93" "30 January 2014\n\n"
        "Children\xE2\x80\x99s services in Testshire require improvement to be\ngood\n"
        "                                                       Requires\n"
        "1. Children who need help and protection               improvement to be\n"
        "                                                       good\n\n"
        "                                                       Requires\n"
        "2. Children looked after and achieving\n"
        "                                                       improvement to be\n"
        "   permanence\n"
        "                                                       good\n\n"
        "        2.1 Adoption performance                       Good\n\n"
        "            2.2 Experiences and progress of care leavers\n"
        "                                                       Inadequate\n\n"
        "3.      Leadership, management and governance          Good\n\n"
        "The effectiveness of the LSCB requires improvement\n\n"
        "Contents\n  What does the local authority need to improve?         5\n\n"
        "What does the local authority need to improve?\n"
        "1.   Quality of practice\n\n"
        "      \xEF\x82\xA7 Improve assessments\n       of risk.\n"
        "      \xEF\x82\xA7 Improve plans.\n\n"
        "2.   Leadership\n\n"
        "      \xEF\x82\xA7 Strengthen oversight.\n\n"
        "The local authority\xE2\x80\x99s strengths\n"
        "3.   Early help is good.\n";
    sl_inspection insp;
    sl_error err;
    char a[11], b[11];
    int rc = read_text(text, sizeof text - 1, "sif.txt", &insp, &err);
    CHECK(rc == 0, "SIF shapes: read (%ld: %s)", err.line, err.message);
    if (rc < 0)
        return;
    CHECK(insp.judgements[SL_JUDGEMENT_OVERALL] == RI && insp.judgements[SL_JUDGEMENT_HELP_PROTECTION] == RI &&
              insp.judgements[SL_JUDGEMENT_IN_CARE] == RI && insp.judgements[SL_JUDGEMENT_CARE_LEAVERS] == INAD &&
              insp.judgements[SL_JUDGEMENT_LEADERS] == GOOD,
          "SIF shapes: %s %s %s %s %s", sl_grade_name(insp.judgements[0]), sl_grade_name(insp.judgements[1]),
          sl_grade_name(insp.judgements[2]), sl_grade_name(insp.judgements[3]), sl_grade_name(insp.judgements[4]));
    CHECK(same(insp.authority, "Testshire County Council") && insp.kind == SL_INSPECTION_SIF,
          "SIF shapes: authority '%s'", insp.authority);
    CHECK(strcmp(iso(insp.start, a), "2013-11-19") == 0 && strcmp(iso(insp.end, b), "2014-01-30") == 0,
          "SIF shapes: %s to %s", a, b);
    CHECK(insp.n_items == 3, "SIF shapes: %zu recommendations, want 3", insp.n_items);
    if (insp.n_items == 3)
        CHECK(strcmp(insp.items[0].text, "Improve assessments of risk.") == 0, "SIF shapes: item 1 '%s'",
              insp.items[0].text);
    sl_inspection_free(&insp);
}

static void test_grades(void)
{
    static const struct {
        const char *text;
        int rc;
        sl_grade grade;
        int placeholder;
    } cases[] = {
        {"Inadequate", 0, INAD, 0},
        {"Requires improvement to be good", 0, RI, 0},
        {"Requires Improvement", 0, RI, 0},
        {"requires improvement", 0, RI, 0},
        {"requires-improvement", 0, RI, 0},
        {"require improvement to be good", 0, RI, 0},
        {"  Good. ", 0, GOOD, 0},
        {"OUTSTANDING", 0, OUTS, 0},
        {"inspection_pre_dates_judgement", 0, NONE, 1},
        {"data_unreadable", 0, NONE, 1},
        {"not_reported_post_reform", 0, NONE, 1},
        {"", 0, NONE, 1},
        {"N/A", 0, NONE, 1},
        {"Not judged", 0, NONE, 1},
        {"excellent", -1, NONE, 0},
        {"goodish", -1, NONE, 0},
        {"_underscore", -1, NONE, 0},
        {"good inadequate", -1, NONE, 0},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        sl_grade grade = SL_GRADE_GOOD;
        int placeholder = -1;
        int rc = sl_grade_parse(cases[c].text, strlen(cases[c].text), &grade, &placeholder);
        CHECK(rc == cases[c].rc && grade == cases[c].grade && placeholder == cases[c].placeholder,
              "grade '%s': rc %d %s placeholder %d", cases[c].text, rc, sl_grade_name(grade),
              placeholder);
    }
    sl_grade grade;
    CHECK(sl_grade_parse("Good and more words that do not fit in the normalising buffer at all ok",
                         72, &grade, NULL) < 0,
          "overlong text is no grade");
    static const char *const names[] = {"none", "outstanding", "good", "requires-improvement",
                                        "inadequate"};
    for (int g = NONE; g <= INAD; g++)
        CHECK(strcmp(sl_grade_name((sl_grade)g), names[g]) == 0, "grade name %d", g);
    static const char *const keys[] = {"overall", "leaders", "help_protection", "in_care",
                                       "care_leavers"};
    for (int k = 0; k < SL_JUDGEMENT_COUNT; k++)
        CHECK(strcmp(sl_judgement_key((sl_judgement_kind)k), keys[k]) == 0, "judgement key %d", k);
}

#define ILACS_HEADER                                                                          \
    "urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework," \
    "inspector_name,inspection_start_date,inspection_end_date,overall_effectiveness_grade,"   \
    "impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade,"      \
    "parser_version\n"
#define ROW_DORSET                                                                              \
    "2532283,dorset,https://files.ofsted.gov.uk/v1/file/50276411,children's services inspection" \
    " - 09 may 2025.pdf,09/05/25,short,Sarah Canto,17/03/2025,21/03/2025,outstanding,"          \
    "outstanding,outstanding,outstanding,good,1\n"

static void test_ilacs_csv(void)
{
    static const char good[] =
        "\xEF\xBB\xBF" ILACS_HEADER ROW_DORSET
        "80443,bury,https://files.ofsted.gov.uk/v1/file/50174207,children's services inspection -"
        " 17 december 2021.pdf,17/12/21,standard,Lorna Schlechte,25/10/2021,05/11/2021,inadequate,"
        "inadequate,inadequate,requires improvement,inspection_pre_dates_judgement,1\n"
        "80573,trafford,https://example.org/r.pdf,r.pdf,2026-08-03,standard,Leanne Cooper,"
        "2026-06-08,2026-06-19,not_reported_post_reform,inadequate,inadequate,good,"
        "requires improvement,1\n"
        "\n"
        "80418,norfolk,https://files.ofsted.gov.uk/v1/file/50004248,\"children's services"
        " inspection,  pdf - 16 august 2013.pdf\",16/08/13,,,,,data_unreadable,data_unreadable,"
        "data_unreadable,data_unreadable,data_unreadable,1\n";
    sl_inspection_list list;
    sl_error err = {0};
    char a[11], b[11], p[11];
    CHECK(sl_ilacs_csv_detect(good, sizeof good - 1) == 1, "ILACS CSV detected");
    CHECK(sl_ilacs_csv_detect(sif_report, sizeof sif_report - 1) == 0, "a report is not the CSV");
    int rc = sl_ilacs_csv_read(good, sizeof good - 1, "ilacs.csv", &list, &err);
    CHECK(rc == 0 && list.n == 4, "ILACS CSV: rc %d, %zu rows (%ld: %s)", rc, list.n, err.line,
          err.message);
    if (rc == 0 && list.n == 4) {
        const sl_inspection *d = &list.inspections[0];
        CHECK(same(d->urn, "2532283") && same(d->authority, "dorset") &&
                  same(d->framework, "ILACS short") && same(d->lead_inspector, "Sarah Canto") &&
                  same(d->report_url, "https://files.ofsted.gov.uk/v1/file/50276411") &&
                  same(d->source_file, "ilacs.csv") && d->n_items == 0,
              "ILACS row 1 fields");
        CHECK(strcmp(iso(d->start, a), "2025-03-17") == 0 &&
                  strcmp(iso(d->end, b), "2025-03-21") == 0 &&
                  strcmp(iso(d->published, p), "2025-05-09") == 0,
              "ILACS row 1 dates %s %s %s", a, b, p);
        CHECK(d->judgements[SL_JUDGEMENT_OVERALL] == OUTS &&
                  d->judgements[SL_JUDGEMENT_CARE_LEAVERS] == GOOD,
              "ILACS row 1 grades");
        const sl_inspection *bury = &list.inspections[1];
        CHECK(bury->judgements[SL_JUDGEMENT_IN_CARE] == RI &&
                  bury->judgements[SL_JUDGEMENT_CARE_LEAVERS] == NONE &&
                  same(bury->framework, "ILACS standard"),
              "ILACS row 2: care leavers placeholder is none");
        const sl_inspection *trafford = &list.inspections[2];
        CHECK(trafford->judgements[SL_JUDGEMENT_OVERALL] == NONE &&
                  trafford->judgements[SL_JUDGEMENT_LEADERS] == INAD &&
                  strcmp(iso(trafford->start, a), "2026-06-08") == 0 &&
                  strcmp(iso(trafford->published, p), "2026-08-03") == 0,
              "ILACS row 3: post-reform overall is none, ISO dates read");
        const sl_inspection *norfolk = &list.inspections[3];
        int all_none = 1;
        for (int k = 0; k < SL_JUDGEMENT_COUNT; k++)
            all_none &= norfolk->judgements[k] == NONE;
        CHECK(all_none && norfolk->start == SL_NO_DAY && norfolk->end == SL_NO_DAY &&
                  norfolk->framework == NULL && norfolk->lead_inspector == NULL &&
                  strcmp(iso(norfolk->published, p), "2013-08-16") == 0,
              "ILACS row 4: unreadable SIF-era report keeps only its publication date");
    }
    sl_inspection_list_free(&list);

    static const struct {
        const char *name, *text;
        long err_line;
    } bad[] = {
        {"unknown grade", ILACS_HEADER "80443,bury,l,f,17/12/21,standard,X,25/10/2021,05/11/2021,"
                          "excellent,inadequate,inadequate,good,good,1\n", 2},
        {"impossible day", ILACS_HEADER ROW_DORSET "80443,bury,l,f,17/12/21,standard,X,31/09/2021,"
                           "05/11/2021,good,good,good,good,good,1\n", 3},
        {"missing field", ILACS_HEADER ROW_DORSET ROW_DORSET "80443,bury,l,f\n", 4},
        {"urn not digits", ILACS_HEADER "URN80443,bury,l,f,,,,,,,,,,,1\n", 2},
        {"no authority", ILACS_HEADER "80443, ,l,f,,,,,,,,,,,1\n", 2},
        {"ends before it starts", ILACS_HEADER "80443,bury,l,f,17/12/21,standard,X,05/11/2021,"
                                  "25/10/2021,good,good,good,good,good,1\n", 2},
        {"not the tool's header", "ref,title\n1.1,A\n", 1},
        {"empty", "", 1},
        {"broken quoting", ILACS_HEADER "80443,\"bury,l\n", 2},
    };
    for (size_t c = 0; c < sizeof bad / sizeof bad[0]; c++) {
        memset(&err, 0, sizeof err);
        rc = sl_ilacs_csv_read(bad[c].text, strlen(bad[c].text), "ilacs.csv", &list, &err);
        CHECK(rc < 0 && err.line == bad[c].err_line && list.n == 0 && list.inspections == NULL,
              "ILACS %s: rc %d line %ld (%s), want refused on line %ld with nothing kept",
              bad[c].name, rc, err.line, err.message, bad[c].err_line);
    }
}

static void test_authorities(void)
{
    size_t len;
    char *data = read_fixture(LA_LOOKUP, &len);
    CHECK(data != NULL, "cannot read " LA_LOOKUP);
    if (!data)
        return;
    sl_authority_table table;
    sl_error err = {0};
    int rc = sl_authority_table_read(data, len, LA_LOOKUP, &table, &err);
    free(data);
    CHECK(rc == 0 && table.n == 156, "la-lookup: rc %d, %zu authorities (%ld: %s)", rc, table.n,
          err.line, err.message);
    if (rc < 0)
        return;
    const sl_authority *croydon = sl_authority_by_code(&table, "306");
    CHECK(croydon && strcmp(croydon->name, "Croydon") == 0 &&
              strcmp(croydon->ons_code, "E09000008") == 0 && strcmp(croydon->urn, "80492") == 0 &&
              strcmp(croydon->region, "London") == 0 &&
              strcmp(croydon->region_code, "E12000007") == 0 && croydon->n_neighbours == 10 &&
              strcmp(croydon->neighbours[0], "209") == 0 && croydon->population_0_25 > 0,
          "Croydon by DfE code, with its region and ten neighbours");
    CHECK(sl_authority_by_code(&table, "E09000008") == croydon &&
              sl_authority_by_code(&table, "80492") == croydon &&
              sl_authority_by_code(&table, "999") == NULL,
          "authorities by ONS code and URN");
    static const struct {
        const char *name, *urn;     /* urn NULL: no match */
    } cases[] = {
        {"Barking and Dagenham", "80486"},
        {"London Borough of Barking & Dagenham", "80486"},
        {"Bury", "80443"},
        {"Bury Council", "80443"},
        {"Halton", "80471"},
        {"Halton Borough Council", "80471"},
        {"Dorset", "2532283"},
        {"DORSET COUNCIL", "2532283"},
        {"Trafford", "80573"},
        {"Trafford Metropolitan Borough Council", "80573"},
        {"Croydon", "80492"},
        {"London Borough of Croydon", "80492"},
        {"City of Bristol", "80441"},
        {"Bristol", "80441"},
        {"Hull", "80477"},
        {"Kingston upon Hull City Council", "80477"},
        {"County Durham", "80465"},
        {"Durham County Council", "80465"},
        {"St Helens", "80560"},
        {"Saint Helens", "80560"},
        {"Royal Borough of Windsor and Maidenhead", "80546"},
        {"BCP", "2532287"},
        {"bournemouth, christchurch & poole", "2532287"},
        {"Poole", "137316"},
        {"City of London", "80450"},
        {"City of Westminster", "80519"},
        {"Southend-on-Sea", "80559"},
        {"Northamptonshire", "121939"},
        {"North Northamptonshire", "2637539"},
        {"Nowhere", NULL},
        {"", NULL},
        {"The Council", NULL},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const sl_authority *a = sl_authority_match(&table, cases[c].name);
        CHECK(cases[c].urn ? a && strcmp(a->urn, cases[c].urn) == 0 : a == NULL,
              "authority '%s' matched %s, want %s", cases[c].name, a ? a->name : "nothing",
              cases[c].urn ? cases[c].urn : "nothing");
    }
    size_t self_matches = 0;
    for (size_t i = 0; i < table.n; i++)
        self_matches += sl_authority_match(&table, table.authorities[i].name) ==
                        &table.authorities[i];
    CHECK(self_matches == table.n, "every authority matches its own name (%zu of %zu)",
          self_matches, table.n);

    /* The authority a plan's title and opening lines name. */
    static const struct {
        const char *text;
        const char *urn;        /* NULL: none, or several */
    } named[] = {
        {"\n\nLondon Borough of Barking & Dagenham\n\nSingle Inspection of Services\nLA ACTION PLAN\n", "80486"},
        {"Transitional Action Plan - Post Ofsted SIF Inspection v12\nCROYDON TRANSITIONAL ACTION PLAN\n", "80492"},
        {"Croydon Renewal Plan measures, reported to the London region", "80492"},
        {"Kingston upon Hull City Council improvement plan", "80477"},
        {"Durham County Council: our improvement journey", "80465"},
        {"Improvement plan for Bristol", "80441"},
        {"The City of London Corporation's action plan", "80450"},
        {"An action plan for the London borough", NULL},
        {"We are reading the report with partners in bury and in halton", NULL},
        {"Joint plan of Halton and Trafford", NULL},
        {"Our improvement plan", NULL},
        {"", NULL},
    };
    for (size_t c = 0; c < sizeof named / sizeof named[0]; c++) {
        const sl_authority *a = sl_authority_named_in(&table, named[c].text, strlen(named[c].text));
        CHECK(named[c].urn ? a && strcmp(a->urn, named[c].urn) == 0 : a == NULL,
              "text '%s' named %s, want %s", named[c].text, a ? a->name : "nothing",
              named[c].urn ? named[c].urn : "nothing");
    }
    sl_authority_table_free(&table);

    static const struct {
        const char *text;
        long err_line;
    } bad[] = {
        {"urn,la_code\n1,2\n", 1},
        {"urn,la_code,la_code_new,local_authority_ons_name\n80492,306,E09000008,Croydon\n"
         "x1,307,E09000009,Ealing\n", 3},
        {"urn,la_code,la_code_new,local_authority_ons_name\n80492,306,E09000008\n", 2},
        {"urn,la_code,la_code_new,local_authority_ons_name,stat_neighbours\n"
         "80492,306,E09000008,Croydon,\"209, x\"\n", 2},
    };
    for (size_t c = 0; c < sizeof bad / sizeof bad[0]; c++) {
        memset(&err, 0, sizeof err);
        rc = sl_authority_table_read(bad[c].text, strlen(bad[c].text), "la.csv", &table, &err);
        CHECK(rc < 0 && err.line == bad[c].err_line && table.n == 0,
              "bad lookup %zu: refused on line %ld (%s), want %ld", c, err.line, err.message,
              bad[c].err_line);
    }
}

void test_inspection(void)
{
    test_sample_reports();
    test_item_texts();
    test_sif_report();
    test_small_texts();
    test_date_forms();
    test_sif_shapes();
    test_grades();
    test_ilacs_csv();
    test_authorities();
}
