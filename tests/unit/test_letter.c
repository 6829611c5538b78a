/* test_letter.c — the Ofsted letter reader (import/ofsted_letter.h) on small
 * letters of each kind written in the shapes the published letters use
 * (shared/samples/inspections/other/README.md): a monitoring visit with
 * sub-bullets, a focused visit with a lead-in to its priority actions and a
 * footnote inside its list, a JTAI letter with no priority actions and an
 * agency heading inside its list, an area SEND report with its two-column
 * priority table and unmarked paragraphs; and what must be refused. */
#include <string.h>

#include "check.h"
#include "domain/inspection.h"
#include "import/kind/letter/ofsted_letter.h"

#define BULLET "\xE2\x97\xBC "
#define SUB "\xE2\x96\xAA "

static const char monitoring[] =
    "12 April 2024\n\nJane Doe\nDirector of Children's Services\n\nDear Ms Doe\n\n"
    "Monitoring visit to Testshire children's services\n\n"
    "This letter summarises the findings of the monitoring visit to Testshire children's\n"
    "services on 5 and 6 March 2024. This visit was the third monitoring visit since the\n"
    "local authority was judged inadequate.\n\n"
    "Areas for improvement\n\n"
    BULLET "The quality of plans for children in need, so that:\n"
    "     " SUB "actions are specific;\n"
    "     " SUB "timescales are clear.\n\n"
    BULLET "Management oversight of\n  decisions to close cases.\n\n"
    "Main findings\n\nSocial workers visit children often.\n\n"
    "Yours sincerely\n\n\nA Inspector\nHis Majesty's Inspector\n";

static const char focused[] =
    "Dear Mr Doe\n\nFocused visit to Testshire local authority children\xE2\x80\x99s services\n\n"
    "This letter summarises the findings of the focused visit to Testshire children\xE2\x80\x99s\n"
    "services on 28 to 29 May 2025.\n\n"
    "Areas for priority action\n\n"
    "The local authority needs to take swift and decisive action to address the following\n"
    "areas of weakness:\n\n"
    BULLET "The identification of risk.\n\n" BULLET "The quality of assessments.\n\n"
    "What needs to improve in this area of social work practice?1\n\n"
    BULLET "The timeliness of responses. (outcome 1, national framework)\n\n"
    "1 The national framework is the children's social care national framework.\n\n"
    BULLET "The use of data.\n\n"
    "Main findings\n\nChildren are seen.\n";

static const char jtai[] =
    "23 November 2018\n\nDear local partnership\n\n"
    "Joint targeted area inspection of the multi-agency response to sexual abuse\n"
    "in the family in Testshire\n\n"
    "Between 8 October 2018 and 12 October 2018, Ofsted, the Care Quality Commission\n"
    "undertook a joint inspection.\n\n"
    "Areas for priority action\n\n   " BULLET "There are no areas for priority action\n\n"
    "Areas for improvement\nLeadership and management\n\n"
    BULLET "Strategy discussions are not always timely.\n\n"
    BULLET "Police and NPS co-chair arrangements (MAPPA-\n  2) meetings in Testshire.\n\n"
    "Health services\n\n" BULLET "Referrals lack detail.\n\n"
    "Next steps\n\nThe director should prepare a written statement.\n";

static const char send[] =
    "Local area partnership report\n\nArea SEND inspection of Testshire Local\nArea Partnership\n\n"
    "Inspection dates: 11 to 15 March 2024\n\n"
    "Areas for priority action\n\n"
    " Responsible body                  Areas for priority action\n"
    " Testshire County                  Leaders should cooperate to urgently identify and\n"
    " Council                           assess the needs of children.\n"
    " NHS Testshire                     Leaders should act urgently to address the delays\n"
    "                                   in access to health services. They should use data.\n\n"
    "Areas for improvement\n\nAreas for improvement\n"
    "Leaders across the partnership should strengthen their use of the information they\n"
    "hold about children.\n"
    "Leaders should ensure that their quality assurance is robust.\n\n\n"
    "Local area partnership details\n\n Local authority    Integrated care board\n";

/* Reads text as a letter; returns what sl_letter_read returned. */
static int read_letter(const char *text, sl_inspection *insp, sl_error *err)
{
    return sl_letter_read(text, strlen(text), "letter.txt", insp, err);
}

/* Checks the kind, place, days and item counts of a letter. */
static void check_letter(const char *name, const char *text, sl_inspection_kind kind, const char *authority,
                         const char *start, const char *end, size_t n_priority, size_t n_improve)
{
    sl_inspection insp;
    sl_error err = {0};
    CHECK(sl_letter_detect(text, strlen(text)) == kind, "%s: detected as %s", name,
          sl_inspection_kind_name(sl_letter_detect(text, strlen(text))));
    int rc = read_letter(text, &insp, &err);
    CHECK(rc == 0, "%s: read (%ld: %s)", name, err.line, err.message);
    if (rc < 0)
        return;
    char a[11] = "-", b[11] = "-";
    if (insp.start != SL_NO_DAY)
        sl_day_format(insp.start, a);
    if (insp.end != SL_NO_DAY)
        sl_day_format(insp.end, b);
    CHECK(insp.kind == kind && strcmp(insp.authority, authority) == 0, "%s: %s of '%s'", name,
          sl_inspection_kind_name(insp.kind), insp.authority);
    CHECK(strcmp(a, start) == 0 && strcmp(b, end) == 0, "%s: %s to %s", name, a, b);
    CHECK(sl_inspection_count_items(&insp, 1) == n_priority && sl_inspection_count_items(&insp, 0) == n_improve,
          "%s: %zu priority actions, %zu to improve", name, sl_inspection_count_items(&insp, 1),
          sl_inspection_count_items(&insp, 0));
    sl_inspection_free(&insp);
}

/* The texts of the items: sub-bullets and wrapped numbers joined, tags apart. */
static void check_texts(void)
{
    sl_inspection insp;
    sl_error err = {0};
    if (read_letter(monitoring, &insp, &err) == 0 && insp.n_items == 2) {
        CHECK(strcmp(insp.items[0].text, "The quality of plans for children in need, so that: actions are"
                                         " specific; timescales are clear.") == 0,
              "sub-bullets join their item: '%s'", insp.items[0].text);
        CHECK(insp.items[1].source_line == 20 && insp.items_line == 14, "item 2 on line %ld, heading on %ld",
              insp.items[1].source_line, insp.items_line);
        CHECK(insp.lead_inspector && strcmp(insp.lead_inspector, "A Inspector") == 0, "signatory '%s'",
              insp.lead_inspector ? insp.lead_inspector : "(null)");
        CHECK(insp.published != SL_NO_DAY, "the letter's date is read");
        sl_inspection_free(&insp);
    }
    if (read_letter(focused, &insp, &err) == 0 && insp.n_items == 4) {
        CHECK(insp.items[0].priority && insp.items[1].priority && !insp.items[2].priority,
              "priority actions come first, flagged");
        CHECK(insp.items[2].framework_outcome && strcmp(insp.items[2].framework_outcome, "outcome 1") == 0,
              "the framework tag is kept apart");
        sl_inspection_free(&insp);
    }
    if (read_letter(jtai, &insp, &err) == 0 && insp.n_items == 3) {
        CHECK(strcmp(insp.items[1].text, "Police and NPS co-chair arrangements (MAPPA- 2) meetings in Testshire.") == 0,
              "a wrapped number is no item: '%s'", insp.items[1].text);
        sl_inspection_free(&insp);
    }
    if (read_letter(send, &insp, &err) == 0 && insp.n_items == 4) {
        CHECK(strcmp(insp.items[1].text, "Leaders should act urgently to address the delays in access to health"
                                         " services. They should use data.") == 0,
              "a table row is one item: '%s'", insp.items[1].text);
        sl_inspection_free(&insp);
    }
}

/* What must be refused, naming the line, with nothing kept. */
static void check_refused(void)
{
    static const struct {
        const char *name, *text;
        long line;
    } cases[] = {
        {"no dates", "Focused visit to Testshire children's services\n\nThis letter has no dates.\n", 1},
        {"no title", "Dear Sir\n\nThis is a letter about Testshire on 5 March 2024.\n", 1},
        {"no place", "Focused visit to children's services\n\non 5 and 6 March 2024.\n", 1},
        {"empty", "", 1},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        sl_inspection insp;
        sl_error err = {0};
        int rc = read_letter(cases[c].text, &insp, &err);
        CHECK(rc < 0 && err.line == cases[c].line && strcmp(err.file, "letter.txt") == 0,
              "%s: refused on line %ld (%s)", cases[c].name, err.line, err.message);
        CHECK(insp.authority == NULL && insp.n_items == 0, "%s: nothing kept", cases[c].name);
    }
    static const char report[] = "Inspection of Testshire local authority children's services\n"
                                 "Inspection dates: 13 to 24 May 2024\n";
    static const char prose[] = "Dear Sir\n\nThe council's services have improved since the last inspection and\n"
                                "Joint targeted area inspection findings of 2017 were acted upon in full by\n";
    CHECK(sl_letter_detect(report, sizeof report - 1) == SL_INSPECTION_UNKNOWN, "a report is not a letter");
    CHECK(sl_letter_detect(prose, sizeof prose - 1) == SL_INSPECTION_UNKNOWN, "prose is no title");
    static const char naming[] = "Inspection of Testshire local authority children's services\n\n"
                                 "Joint targeted area inspection of Testshire\n\nwas in 2019.\n";
    CHECK(sl_letter_detect(naming, sizeof naming - 1) == SL_INSPECTION_UNKNOWN,
          "a report naming a JTAI on a line of its own is still a report");
}

void test_letter(void)
{
    check_letter("monitoring visit", monitoring, SL_INSPECTION_MONITORING_VISIT, "Testshire", "2024-03-05",
                 "2024-03-06", 0, 2);
    check_letter("focused visit", focused, SL_INSPECTION_FOCUSED_VISIT, "Testshire", "2025-05-28", "2025-05-29", 2,
                 2);
    check_letter("jtai", jtai, SL_INSPECTION_JTAI, "Testshire", "2018-10-08", "2018-10-12", 0, 3);
    check_letter("send", send, SL_INSPECTION_SEND, "Testshire", "2024-03-11", "2024-03-15", 2, 2);
    check_texts();
    check_refused();
}
