/* test_text_import.c — the plan-document importer: tables of input →
 * expected for header rows (damaged ones too), refs, HTML cleaning,
 * initials and lead cells, small documents (continuation rows, repeated
 * headers, sub-headings, savings, bad dates, no table), then the three real
 * plans in tests/data/samples (copies of the shared samples) with the figures samples/README.md gives. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "import/import.h"
#include "import/format/text_html.h"
#include "import/kind/plan/text_people.h"
#include "import/kind/plan/text_structure.h"
#include "import/kind/plan/text_table.h"

#define SAMPLES "tests/data/samples/"

/* Writes a header's columns as "REF,TITLE,…" into out (size n). */
static void header_names(const sl_text_header *h, char *out, size_t n)
{
    static const char *const names[SL_TCOL_COUNT] = {
        "-",      "REF",     "TITLE",  "DESC",     "START",  "DUE",    "SRO",
        "LEAD",   "RES",     "MEASURE", "IMPACT",  "PROGRESS", "STATUS", "DELIVERED",
        "RAG",    "THEME",
    };
    out[0] = '\0';
    for (size_t i = 0; i < h->n_columns; i++) {
        if (i)
            strncat(out, ",", n - strlen(out) - 1);
        strncat(out, names[h->column[i]], n - strlen(out) - 1);
    }
}

/* Header rows as documents write them, and what each cell holds (NULL: not a header). */
static void test_headers(void)
{
    static const struct {
        const char *row;
        const char *columns;
    } cases[] = {
        {"REF\tACTION\tSTART DATE\tEND DATE\tSRO (Lead)\tRESOURCES\tMEASURE\tIMPACT\tPROGRESS",
         "REF,TITLE,START,DUE,SRO,RES,MEASURE,IMPACT,PROGRESS"},
        {"REF\tACTION\tSTART DATE\tEND DATE\tSRO (Lead)\tRESOU RCES\tMEASURE\tIMPACT\tPROGRESS",
         "REF,TITLE,START,DUE,SRO,RES,MEASURE,IMPACT,PROGRESS"},
        {"Action\tDescription\tStrategic Lead\tOperational Lead\tTimescale (By When)\t"
         "Performance/Outcome\tProgress to date and evidence of improvement",
         "REF,TITLE,SRO,LEAD,DUE,MEASURE,PROGRESS"},
        {"A\tction Description\tStrategic Lead\tOperational Lead\tTimescale (By When)\tOutcome\tProgress",
         "REF,TITLE,SRO,LEAD,DUE,MEASURE,PROGRESS"},
        {"Actio\tn Description\tStrategic Lead\tOperational Lead\tTimescale (By When)\tOutcome\tProgress",
         "REF,TITLE,SRO,LEAD,DUE,MEASURE,PROGRESS"},
        {"Actio\ton Description\tStrategic Lead\tOperational Lead\tTimescale (By When)\tOutcome\tProgress",
         "REF,TITLE,SRO,LEAD,DUE,MEASURE,PROGRESS"},
        {"A\tAction Description\tStrategic Lead\tOperational Lead\tTimescale (By When)\tOutcome\tProgress",
         "REF,TITLE,SRO,LEAD,DUE,MEASURE,PROGRESS"},
        {"Action Description\t\tStrategic Lead\tOperational Lead\tTimescale (By When)\tOutcome\tProgress",
         "REF,TITLE,SRO,LEAD,DUE,MEASURE,PROGRESS"},
        {"Ref\tActions\tOwner\tBy when\tProgress", "REF,TITLE,SRO,DUE,PROGRESS"},
        {"Ref\tPriorities and key activity\tDelivered through\tLead (s)\tBy when\t"
         "Success measures impact for children, young people and families",
         "REF,TITLE,DELIVERED,SRO,DUE,MEASURE"},
        {"ref\taction\tstatus", "REF,TITLE,STATUS"},
        {"1.1\tRemove vacant posts\tIL\t01/04/21\tcomplete", NULL},
        {"Project description\tSavings identified \xC2\xA3" "000s", NULL},
        {"Proje\tect description\tSavings identified \xC2\xA3" "000s\t", NULL},
        {"Name\tRole\tPhone", NULL},
        {"ACTION\tSTART DATE\tEND DATE", NULL},
        /* other layouts councils use (issue 17 item 4) */
        {"No.\tWhat?\tWho?\tWhen?\tCurrent status", "REF,TITLE,SRO,DUE,STATUS"},
        {"Action\tBy whom\tBy when\tRAG", "TITLE,SRO,DUE,RAG"},
        {"Area for improvement\tActions\tLead\tTimescale\tEvidence of impact",
         "THEME,TITLE,SRO,DUE,IMPACT"},
        {"Notes\tWhat?\tWho?\tWhen?", NULL},
        {"Action\tBy when\tRAG", NULL},
        {"", NULL},
    };
    sl_text_row row = {0};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_text_header h;
        char got[256];
        sl_text_row_split(&row, cases[i].row, strlen(cases[i].row));
        int is_header = sl_text_header_read(&row, &h);
        CHECK(is_header == (cases[i].columns != NULL), "header case %zu: read as %s", i,
              is_header ? "a header" : "data");
        if (is_header && cases[i].columns) {
            header_names(&h, got, sizeof got);
            CHECK(strcmp(got, cases[i].columns) == 0, "header case %zu: %s, want %s", i, got,
                  cases[i].columns);
        }
    }
    sl_text_row_free(&row);
}

/* One header cell's column in the shared vocabulary (CSV, workbook and text alike). */
static void test_column_named(void)
{
    static const struct {
        const char *cell;
        sl_text_column column;
    } cases[] = {
        {"No.", SL_TCOL_REF},         {"What?", SL_TCOL_TITLE},      {"Who?", SL_TCOL_SRO},
        {"When?", SL_TCOL_DUE},       {"Current status", SL_TCOL_STATUS}, {"By whom", SL_TCOL_SRO},
        {"By when", SL_TCOL_DUE},     {"RAG", SL_TCOL_RAG},          {"Lead", SL_TCOL_SRO},
        {"Area for improvement", SL_TCOL_THEME}, {"Evidence of impact", SL_TCOL_IMPACT},
        {"Timescale", SL_TCOL_DUE},   {"Due date", SL_TCOL_DUE},     {"Notes", SL_TCOL_NONE},
        {"Nothing", SL_TCOL_NONE},    {"Whole system", SL_TCOL_NONE}, {"Action Description", SL_TCOL_NONE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_text_column got = sl_text_column_named(cases[i].cell, strlen(cases[i].cell));
        CHECK(got == cases[i].column, "column named '%s': %d, want %d", cases[i].cell, (int)got,
              (int)cases[i].column);
    }
}

/* Ref cells and their shapes. */
static void test_refs(void)
{
    static const struct {
        const char *cell;
        sl_ref_shape shape;
        int major;
    } cases[] = {
        {"1.4", SL_REF_DOTTED, 1},   {" 2.15 ", SL_REF_DOTTED, 2}, {"1.2.1", SL_REF_DOTTED, 1},
        {"8", SL_REF_WHOLE, 8},      {"2.", SL_REF_WHOLE, 2},      {"12.", SL_REF_WHOLE, 12},
        {"4. 4.1", SL_REF_DAMAGED, 4}, {"4.2. 4.3", SL_REF_DAMAGED, 4}, {"1.1.", SL_REF_DAMAGED, 1},
        {"", SL_REF_NONE, 0},        {"REF", SL_REF_NONE, 0},      {"2021/22", SL_REF_NONE, 0},
        {"2017", SL_REF_NONE, 0},    {"(i)", SL_REF_NONE, 0},      {"1a", SL_REF_NONE, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int major;
        sl_text_span cell = {cases[i].cell, strlen(cases[i].cell)};
        sl_ref_shape shape = sl_text_ref_shape(cell, &major);
        CHECK(shape == cases[i].shape, "ref '%s': shape %d, want %d", cases[i].cell, shape,
              cases[i].shape);
        if (shape != SL_REF_NONE)
            CHECK(major == cases[i].major, "ref '%s': major %d, want %d", cases[i].cell, major,
                  cases[i].major);
    }
}

/* Cells with HTML, entities, bullets and ragged spaces → clean text. */
static void test_html(void)
{
    static const struct {
        const char *in;
        const char *out;
        const char *one_line;
    } cases[] = {
        {"plain  text ", "plain text", "plain text"},
        {"<p>One</p> <p>Two</p>", "One\nTwo", "One Two"},
        {"Title <ul style=\"list-style-type: none\"> \xE2\x80\xA2 First \xE2\x80\xA2 Second </ul>",
         "Title\n\xE2\x80\xA2 First\n\xE2\x80\xA2 Second", "Title \xE2\x80\xA2 First \xE2\x80\xA2 Second"},
        {"<ul><li>a</li><li>b</li></ul>after", "\xE2\x80\xA2 a\n\xE2\x80\xA2 b\nafter",
         "\xE2\x80\xA2 a \xE2\x80\xA2 b after"},
        {"Judiciary &amp; CAFCASS &lt;3 &#39;x&#39; &#x2013; &pound;5", "Judiciary & CAFCASS <3 'x' \xE2\x80\x93 \xC2\xA3" "5",
         NULL},
        {"a < b and c > d", "a < b and c > d", NULL},
        {"AT&T &bogus; &#0; &", "AT&T &bogus; &#0; &", NULL},
        {"<u>https://x</u> link", "https://x link", NULL},
        {"<p>unclosed", "unclosed", NULL},
        {"<p", "<p", NULL},
        {"\xC2\xA0 no-break\xC2\xA0space ", "no-break space", NULL},
        {"", "", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = sl_text_clean(cases[i].in, strlen(cases[i].in));
        CHECK(strcmp(got, cases[i].out) == 0, "clean case %zu: '%s', want '%s'", i, got,
              cases[i].out);
        free(got);
        if (!cases[i].one_line)
            continue;
        got = sl_text_clean_inline(cases[i].in, strlen(cases[i].in));
        CHECK(strcmp(got, cases[i].one_line) == 0, "inline case %zu: '%s', want '%s'", i, got,
              cases[i].one_line);
        free(got);
    }
}

/* Names → initials, and lead cells → the people they name. */
static void test_people(void)
{
    static const struct {
        const char *name;
        const char *initials;
    } names[] = {
        {"Jo Negrini", "JN"},          {"Jacqueline Harris-Baker", "JH-B"},
        {"Philip Segurolo", "PS"},     {"Cllr Bill Turner", "BT"},
        {"Teresa De Vito", "TDV"},     {"", ""},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char *got = sl_text_initials(names[i].name);
        CHECK(strcmp(got, names[i].initials) == 0, "initials of '%s': '%s', want '%s'",
              names[i].name, got, names[i].initials);
        free(got);
    }
    static const struct {
        const char *cell;
        const char *leads;
    } cells[] = {
        {"JN", "JN"},
        {"BP and JH-B", "BP|JH-B"},
        {"RC, OC", "RC|OC"},
        {"PB,MW", "PB|MW"},
        {"ST/SH", "ST|SH"},
        {"RM SH", "RM|SH"},
        {"RM, with CD", "RM|CD"},
        {"Tony Kirk Kevin Jeffrey", "Tony Kirk|Kevin Jeffrey"},
        {"Helen Jenner Graham Farrant Cllr Bill Turner", "Helen Jenner|Graham Farrant|Cllr Bill Turner"},
        {"Group Managers (CN&SC) Teresa De Vito", "Group Managers (CN&SC) Teresa De Vito"},
        {"Beverley Hendricks TMs in CN&SC", "Beverley Hendricks TMs in CN&SC"},
        {"Ann Graham", "Ann Graham"},
        {"Mary Ann Smith", "Mary Ann Smith"},
        {"SH SH", "SH"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
        char **leads = NULL;
        size_t n = sl_text_split_leads(cells[i].cell, &leads, 0);
        char got[256] = "";
        for (size_t k = 0; k < n; k++) {
            if (k)
                strncat(got, "|", sizeof got - strlen(got) - 1);
            strncat(got, leads[k], sizeof got - strlen(got) - 1);
            free(leads[k]);
        }
        free(leads);
        CHECK(strcmp(got, cells[i].leads) == 0, "leads of '%s': '%s', want '%s'", cells[i].cell,
              got, cells[i].leads);
    }
}

/* Imports text as a document; returns sl_import_text's result. */
static int import_text(const char *text, sl_plan_set *set, sl_error *err)
{
    sl_import_options opts = {0};
    memset(err, 0, sizeof *err);
    return sl_import_text(text, strlen(text), "t.txt", &opts, set, err);
}

/* Returns the first action with this ref, or NULL. */
static const sl_action *find_action(const sl_plan *p, const char *ref)
{
    for (size_t i = 0; i < p->n_actions; i++)
        if (strcmp(p->actions[i].ref, ref) == 0)
            return &p->actions[i];
    return NULL;
}

/* Returns the last action with this ref (a damaged plan may repeat refs), or NULL. */
static const sl_action *find_last_action(const sl_plan *p, const char *ref)
{
    for (size_t i = p->n_actions; i > 0; i--)
        if (strcmp(p->actions[i - 1].ref, ref) == 0)
            return &p->actions[i - 1];
    return NULL;
}

/* Returns how many findings have this code. */
static size_t count_findings(const sl_plan *p, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < p->findings.n; i++)
        n += strcmp(p->findings.items[i].code, code) == 0;
    return n;
}

/* Returns the line of the first finding with this code, 0 when none. */
static long finding_line(const sl_plan *p, const char *code)
{
    for (size_t i = 0; i < p->findings.n; i++)
        if (strcmp(p->findings.items[i].code, code) == 0)
            return p->findings.items[i].line;
    return 0;
}

/* Small documents → actions, themes and findings. */
static void test_documents(void)
{
    static const struct {
        const char *text;
        int rc;                 /* 0, or -1 with err_line */
        long err_line;
        size_t actions;
        const char *ref;        /* an action to look at */
        const char *field;      /* which field: title, due, measure, sro, leads, status, progress */
        const char *value;
        const char *finding;    /* a finding code expected (or NULL) */
        long finding_at;
    } cases[] = {
        {"", -1, 1, 0, NULL, NULL, NULL, NULL, 0},
        {"just prose\nno table here\n", -1, 1, 0, NULL, NULL, NULL, NULL, 0},
        {"Intro\n\nREF\tACTION\tEND DATE\n\nnothing below\n", -1, 3, 0, NULL, NULL, NULL, NULL, 0},
        {"REF\tACTION\tEND DATE\tSRO\n1.1\tDo it\tJul 17\tJN\n", 0, 0, 1, "1.1", "due", "Jul 17",
         NULL, 0},
        /* a continuation row appends to the columns it fills */
        {"REF\tACTION\tEND DATE\tMEASURE\n1.1\tDo\tJul 17\twrapped\n\t\t\tmeasure text\n", 0, 0, 1,
         "1.1", "measure", "wrapped measure text", NULL, 0},
        /* a repeated header keeps the table; the row after it still continues 1.1 */
        {"REF\tACTION\tEND DATE\tMEASURE\n1.1\tDo\tJul 17\tone\n\nREF\tACTION\tEND DATE\tMEASURE\n\t\t\ttwo\n", 0, 0, 1,
         "1.1", "measure", "one two", NULL, 0},
        /* a second date on a continuation row becomes a second milestone; same SRO not repeated */
        {"REF\tACTION\tEND DATE\tSRO\n2.15\tReview IT\t11 Sept 17\tRS\n\t\t31 Dec 17\tRS\n", 0, 0, 1,
         "2.15", "due", "11 Sept 17 31 Dec 17", NULL, 0},
        {"REF\tACTION\tEND DATE\tSRO\n2.15\tReview IT\t11 Sept 17\tRS\n\t\t31 Dec 17\tRS\n", 0, 0, 1,
         "2.15", "sro", "RS", NULL, 0},
        {"REF\tACTION\tSRO\n1.9\tCourt work\tBP and JH-B\n", 0, 0, 1, "1.9", "leads", "BP|JH-B", NULL, 0},
        {"REF\tACTION\tPROGRESS\n1.4\tPartner\tComplete Achieving for Children agreed\n", 0, 0, 1,
         "1.4", "status", "complete", NULL, 0},
        {"REF\tACTION\tPROGRESS\n1.4\tPartner\tWork to progress\n", 0, 0, 1, "1.4", "status",
         "in-progress", NULL, 0},
        {"REF\tACTION\tPROGRESS\n1.4\tPartner\t\n", 0, 0, 1, "1.4", "status", "not-started", NULL, 0},
        {"Ref\tActions\tOwner\tBy when\tProgress\n1.2\tWork\tIL\t01/04/21 31/07/21\tComplete In progress\n",
         0, 0, 1, "1.2", "status", "in-progress", NULL, 0},
        {"Ref\tActions\tOwner\tBy when\tProgress\n1.2\tWork\tIL\t01/04/21 31/07/21\tComplete In progress\n",
         0, 0, 1, "1.2", "status_text", "In progress", NULL, 0},
        {"REF\tACTION\tPROGRESS\n1.4\tA\tOn track. Easy to use screens\n", 0, 0, 1, "1.4",
         "status_text", "On track", NULL, 0},
        {"REF\tACTION\tSTATUS\n1.1\tA\tOn track\n", 0, 0, 1, "1.1", "status", "on-track", NULL, 0},
        {"REF\tACTION\tSTATUS\n1.1\tA\twhatever\n", 0, 0, 1, "1.1", "status", "in-progress",
         "doubtful-row", 2},
        {"REF\tACTION\tSTATUS\n1.1\tA\tComplete - awaiting sign-off\n", 0, 0, 1, "1.1",
         "status_text", "Complete", NULL, 0},
        {"REF\tACTION\tSRO\tRESOURCES\n1.4\tPartner\tJN\t\xC2\xA3" "46k\n", 0, 0, 1, "1.4", "pence", "4600000", NULL, 0},
        {"REF\tACTION\tSRO\n1.7\t<p>Lobby for resources;</p> <p>A review of costs</p>\tRS\n", 0, 0, 1, "1.7",
         "title", "Lobby for resources;", NULL, 0},
        {"REF\tACTION\tSRO\n1.7\t<p>Lobby for resources;</p> <p>A review of costs</p>\tRS\n", 0, 0, 1, "1.7",
         "description", "A review of costs", NULL, 0},
        /* impossible and unreadable dates are findings, not errors */
        {"Ref\tActions\tOwner\tBy when\n5.3\tSupervision\tRM\t31/09/21\n", 0, 0, 1, "5.3", "due",
         "31/09/21", "invalid-date", 2},
        {"Ref\tActions\tOwner\tBy when\n5.3\tSupervision\tRM\twhen pigs fly\n", 0, 0, 1, "5.3", "due",
         "when pigs fly", "unreadable-date", 2},
        /* rows that cannot be read are reported with their line */
        {"REF\tACTION\tEND DATE\n\t\tOct 17\n1.1\tA\tJul 17\n", 0, 0, 1, "1.1", "due", "Jul 17",
         "unparsed-row", 2},
        {"REF\tACTION\tEND DATE\nstray\ttext\there\n1.1\tA\tJul 17\n", 0, 0, 1, "1.1", "due", "Jul 17",
         "unparsed-row", 2},
        {"REF\tACTION\tSRO\n2.\tFirst\tAG\n2.\tSecond\tAG\n", 0, 0, 2, "2.", "title", "First", "damaged-ref", 2},
        /* junk rules and blank lines are skipped */
        {"REF\tACTION\tEND DATE\n-----\t--\t---\n\n1.1\tA\tJul 17\n", 0, 0, 1, "1.1", "title", "A",
         NULL, 0},
        /* sub-headings inside a table are recorded on the action */
        {"1. STRATEGIC\nREF\tACTION\tSRO\nWORKFORCE\t\t\n1.1\tA\tJN\n", 0, 0, 1, "1.1", "subheading",
         "WORKFORCE", NULL, 0},
        /* in a priority table, text that slid into the lead column goes back to "delivered through" */
        {"Ref\tPriorities and key activity\tDelivered through\tLead (s)\tBy when\n5.1\tWork\t\tEB, DJ\t\n"
         "\t\t\t\xE2\x9C\x93 Access, Support\t19/07/21\n", 0, 0, 1, "5.1", "sro", "EB, DJ", "scrambled-text", 3},
        {"Ref\tPriorities and key activity\tDelivered through\tLead (s)\tBy when\n5.1\tWork\t\tEB, DJ\t\n"
         "\t\t\t\xE2\x9C\x93 Access, Support\t19/07/21\n", 0, 0, 1, "5.1", "delivered",
         "\xE2\x9C\x93 Access, Support", "scrambled-text", 3},
        /* a cell beyond the header's columns is kept, with a finding */
        {"REF\tACTION\tSRO\n1.1\tA\tJN\textra\n", 0, 0, 1, "1.1", "description", "extra", "doubtful-row", 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_plan_set set;
        sl_error err;
        int rc = import_text(cases[i].text, &set, &err);
        CHECK(rc == cases[i].rc, "document %zu: rc %d, want %d (%s)", i, rc, cases[i].rc, err.message);
        if (rc < 0) {
            CHECK(err.set && err.line == cases[i].err_line && strcmp(err.file, "t.txt") == 0,
                  "document %zu: error at %s:%ld, want t.txt:%ld", i, err.file, err.line,
                  cases[i].err_line);
            continue;
        }
        if (rc != 0)
            continue;
        const sl_plan *p = &set.plans[0];
        CHECK(set.n_plans == 1 && p->n_actions == cases[i].actions, "document %zu: %zu actions, want %zu",
              i, p->n_actions, cases[i].actions);
        const sl_action *a = find_action(p, cases[i].ref);
        CHECK(a != NULL, "document %zu: no action %s", i, cases[i].ref);
        if (a) {
            char got[256] = "";
            const char *field = cases[i].field;
            if (strcmp(field, "title") == 0)
                snprintf(got, sizeof got, "%s", a->title);
            else if (strcmp(field, "description") == 0)
                snprintf(got, sizeof got, "%s", a->description);
            else if (strcmp(field, "due") == 0)
                snprintf(got, sizeof got, "%s", a->due.text);
            else if (strcmp(field, "measure") == 0)
                snprintf(got, sizeof got, "%s", a->measure);
            else if (strcmp(field, "sro") == 0)
                snprintf(got, sizeof got, "%s", a->sro);
            else if (strcmp(field, "status") == 0)
                snprintf(got, sizeof got, "%s", sl_status_name(a->status));
            else if (strcmp(field, "delivered") == 0)
                snprintf(got, sizeof got, "%s", a->delivered_through);
            else if (strcmp(field, "status_text") == 0)
                snprintf(got, sizeof got, "%s", a->status_text);
            else if (strcmp(field, "pence") == 0)
                snprintf(got, sizeof got, "%lld", (long long)a->resources_pence);
            else if (strcmp(field, "subheading") == 0)
                snprintf(got, sizeof got, "%s", a->n_custom ? a->custom[0].value : "");
            else if (strcmp(field, "leads") == 0)
                for (size_t k = 0; k < a->n_leads; k++) {
                    if (k)
                        strncat(got, "|", sizeof got - strlen(got) - 1);
                    strncat(got, a->leads[k], sizeof got - strlen(got) - 1);
                }
            CHECK(strcmp(got, cases[i].value) == 0, "document %zu: %s of %s is '%s', want '%s'", i,
                  field, cases[i].ref, got, cases[i].value);
        }
        if (cases[i].finding)
            CHECK(finding_line(p, cases[i].finding) == cases[i].finding_at,
                  "document %zu: finding %s on line %ld, want %ld", i, cases[i].finding,
                  finding_line(p, cases[i].finding), cases[i].finding_at);
        else
            CHECK(p->findings.n == 0, "document %zu: %zu unexpected findings (first: %s)", i,
                  p->findings.n, p->findings.n ? p->findings.items[0].message : "");
        sl_plan_set_free(&set);
    }
}

/* Savings projects: MTFS ref, manager and figures per financial year. */
static void test_savings(void)
{
    static const char text[] =
        "1. Medium Term Financial Strategy Savings and Growth\n"
        "4.\tReview Support Project manager: James Moore\tMTFS Ref: CFE\tSAV 06\t\n"
        "Pro\tject description\tSavings identified\t\xC2\xA3" "000s\t\n"
        "\t Text\t2021/22 295\t2022/23 560\t2023/24 1,142\n"
        "Ref\tActions\tOwner\tBy when\tProgress\n"
        "4.1\tHRA Training\tJM\tMarch 21\tComplete\n"
        "5.\tImproving Efficiency\tMTFS Ref: CFE SAV 07\n"
        "\tProject Manager: Roisin Madden\n"
        "\t2021/222022/232023/241,0651,450385Croydon\n"
        "Ref\tActions\tOwner\tBy when\tProgress\n"
        "5.1\tModel\tJF\tApril 21\tComplete\n"
        "6.\tCentres\tMTFS Ref: CFE SAV 09\n"
        "\t2021/222022/232023/244241850Croydon\n"
        "Ref\tActions\tOwner\tBy when\tProgress\n"
        "6.1\tAgree\tSD\t11/2020\tComplete\n";
    sl_plan_set set;
    sl_error err;
    int rc = import_text(text, &set, &err);
    CHECK(rc == 0, "savings document imports (%s)", err.message);
    if (rc != 0)
        return;
    const sl_plan *p = &set.plans[0];
    static const struct {
        const char *ref, *mtfs, *manager;
        size_t n_savings;
        double first, last;
    } want[] = {
        {"4", "CFE SAV 06", "James Moore", 3, 295, 1142},
        {"5", "CFE SAV 07", "Roisin Madden", 3, 1065, 385},
        {"6", "CFE SAV 09", NULL, 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const sl_theme *t = NULL;
        for (size_t k = 0; k < p->n_themes; k++)
            if (p->themes[k].kind == SL_THEME_SAVINGS && strcmp(p->themes[k].ref, want[i].ref) == 0)
                t = &p->themes[k];
        CHECK(t != NULL, "savings project %s found", want[i].ref);
        if (!t)
            continue;
        CHECK(strcmp(t->mtfs_ref, want[i].mtfs) == 0, "project %s: mtfs '%s'", t->ref, t->mtfs_ref);
        CHECK(want[i].manager ? t->manager && strcmp(t->manager, want[i].manager) == 0 : !t->manager,
              "project %s: manager '%s'", t->ref, t->manager ? t->manager : "(none)");
        CHECK(t->n_savings == want[i].n_savings, "project %s: %zu savings", t->ref, t->n_savings);
        if (t->n_savings == 3)
            CHECK(t->savings[0].fy_start_year == 2021 && t->savings[0].thousands == want[i].first &&
                      t->savings[2].fy_start_year == 2023 && t->savings[2].thousands == want[i].last,
                  "project %s: savings %g … %g", t->ref, t->savings[0].thousands, t->savings[2].thousands);
        CHECK(t->parent >= 0 && p->themes[t->parent].kind == SL_THEME_AREA, "project %s: under the section",
              t->ref);
    }
    const sl_action *a = find_action(p, "5.1");
    CHECK(a && p->themes[a->theme].kind == SL_THEME_SAVINGS && strcmp(p->themes[a->theme].ref, "5") == 0,
          "action 5.1 belongs to savings project 5");
    CHECK(count_findings(p, "unparsed-row") == 1, "project 6's run-together figures are reported");
    CHECK(count_findings(p, "doubtful-row") == 1, "project 5's split figures are flagged");
    sl_plan_set_free(&set);
}

/* Imports a sample file; returns 0 and fills set, or -1. */
static int import_sample(const char *name, sl_plan_set *set)
{
    char path[256];
    sl_error err = {0};
    sl_import_options opts = {0};
    snprintf(path, sizeof path, SAMPLES "%s", name);
    int rc = sl_import_read(path, &opts, set, &err);
    CHECK(rc == 0, "sample %s imports (%s)", name, err.message);
    return rc;
}

/* Returns the day an action's due cell ends on as "YYYY-MM-DD" (into out), or "". */
static const char *due_day(const sl_action *a, char out[11])
{
    out[0] = '\0';
    if (a && a->due.parse == SL_DATE_OK && a->due.value.latest != SL_NO_DAY)
        sl_day_format(a->due.value.latest, out);
    return out;
}

/* Croydon's transitional action plan, 2017. */
static void test_croydon_2017(void)
{
    sl_plan_set set;
    if (import_sample("croydon-transitional-action-plan-2017.txt", &set) < 0)
        return;
    const sl_plan *p = &set.plans[0];
    char day[11];
    CHECK(p->n_actions == 50, "Croydon 2017: %zu actions, want 50", p->n_actions);
    CHECK(strcmp(p->actions[0].ref, "1.1") == 0 && strcmp(p->actions[p->n_actions - 1].ref, "4.7") == 0,
          "Croydon 2017: actions run 1.1 to 4.7");
    CHECK(!find_action(p, "2.10") && !find_action(p, "2.11"), "Croydon 2017: no 2.10 or 2.11");
    size_t areas = 0, subheadings = 0;
    for (size_t i = 0; i < p->n_themes; i++) {
        areas += p->themes[i].kind == SL_THEME_AREA;
        subheadings += p->themes[i].kind == SL_THEME_SUBHEADING;
    }
    CHECK(areas == 4, "Croydon 2017: %zu areas, want 4", areas);
    CHECK(subheadings >= 5, "Croydon 2017: %zu sub-headings", subheadings);
    CHECK(p->themes[0].n_outcomes == 5, "Croydon 2017: area 1 has %zu key outcomes", p->themes[0].n_outcomes);
    CHECK(strcmp(p->title, "Transitional Action Plan \xE2\x80\x93 Post Ofsted SIF Inspection v12") == 0,
          "Croydon 2017: title '%s'", p->title);
    CHECK(strcmp(p->version_label, "v12") == 0 && strcmp(p->kind, "transitional action plan") == 0,
          "Croydon 2017: version '%s', kind '%s'", p->version_label, p->kind);
    CHECK(p->context_year == 2017, "Croydon 2017: context year %d", p->context_year);
    CHECK(p->n_people == 7 && strcmp(p->people[0].initials, "JN") == 0 &&
              strcmp(p->people[0].name, "Jo Negrini") == 0,
          "Croydon 2017: %zu key individuals", p->n_people);
    int harris_baker = 0;
    for (size_t i = 0; i < p->n_people; i++)
        harris_baker |= strcmp(p->people[i].initials, "JH-B") == 0;
    CHECK(harris_baker, "Croydon 2017: Jacqueline Harris-Baker is JH-B");
    const sl_action *a = find_action(p, "1.4");
    CHECK(a && strcmp(a->sro, "JN") == 0 && a->status == SL_STATUS_COMPLETE &&
              strcmp(a->status_text, "Complete") == 0 && a->resources_pence == 4600000,
          "Croydon 2017: 1.4 is JN's, complete, £46k");
    CHECK(strcmp(due_day(find_action(p, "2.2"), day), "2017-08-30") == 0, "Croydon 2017: 2.2 due %s", day);
    CHECK(strcmp(due_day(find_action(p, "2.8"), day), "2017-10-31") == 0, "Croydon 2017: 2.8 due %s", day);
    a = find_action(p, "2.15");
    CHECK(a && a->due.value.n_milestones == 2 && strcmp(due_day(a, day), "2017-12-31") == 0,
          "Croydon 2017: 2.15 has two milestones, the last %s", day);
    a = find_action(p, "1.14");
    CHECK(a && a->due.parse == SL_DATE_OK && a->start.parse == SL_DATE_OK &&
              a->due.value.latest < a->start.value.earliest,
          "Croydon 2017: 1.14 ends before it starts");
    a = find_action(p, "1.9");
    CHECK(a && strcmp(a->sro, "BP and JH-B") == 0 && a->n_leads == 2 && strcmp(a->leads[1], "JH-B") == 0,
          "Croydon 2017: 1.9's leads are BP and JH-B");
    a = find_action(p, "2.1");
    CHECK(a && a->theme >= 0 && strcmp(p->themes[a->theme].ref, "2") == 0 &&
              p->themes[a->theme].kind == SL_THEME_AREA,
          "Croydon 2017: 2.1 is in area 2");
    a = find_action(p, "1.3");
    CHECK(a && strstr(a->measure, "Evidence of child's voice") != NULL,
          "Croydon 2017: 1.3's measure continues after the repeated header");
    a = find_action(p, "1.11");
    CHECK(a && strcmp(a->title, "IMPROVEMENT BOARD") == 0 &&
              strstr(a->description, "\xE2\x80\xA2 First meeting of the Shadow Board\n\xE2\x80\xA2 Establish") ==
                  a->description,
          "Croydon 2017: 1.11's list is kept as bullets");
    CHECK(count_findings(p, "unparsed-row") == 0, "Croydon 2017: every row read");
    sl_plan_set_free(&set);
}

/* Barking & Dagenham's action plan, 2014. */
static void test_barking_2014(void)
{
    sl_plan_set set;
    if (import_sample("barking-dagenham-ofsted-action-plan-2014.txt", &set) < 0)
        return;
    const sl_plan *p = &set.plans[0];
    CHECK(p->n_actions == 61, "Barking 2014: %zu actions, want 61", p->n_actions);
    CHECK(strcmp(p->title, "Barking and Dagenham's OFSTED action plan") == 0 &&
              strcmp(p->kind, "action plan") == 0,
          "Barking 2014: title '%s' (kind '%s')", p->title, p->kind);
    CHECK(p->n_recommendations == 13, "Barking 2014: %zu recommendations, want 13", p->n_recommendations);
    for (size_t i = 0; i < p->n_recommendations; i++)
        CHECK(p->recommendations[i].number == (int)i + 1 && *p->recommendations[i].text,
              "Barking 2014: recommendation %zu has its text", i + 1);
    size_t linked = 0;
    for (size_t i = 0; i < p->n_actions; i++) {
        const sl_action *a = &p->actions[i];
        const sl_theme *t = a->theme >= 0 ? &p->themes[a->theme] : NULL;
        linked += t && t->kind == SL_THEME_RECOMMENDATION && a->n_recommendations == 1 &&
                  a->recommendations[0] == t->recommendation;
    }
    CHECK(linked == 61, "Barking 2014: %zu actions linked to their area's recommendation", linked);
    const sl_action *a = find_action(p, "1.3");
    CHECK(a && a->n_leads == 3 && strcmp(a->leads[0], "Tony Kirk") == 0 &&
              strcmp(a->leads[1], "Kevin Jeffrey") == 0,
          "Barking 2014: 1.3's strategic leads are two people");
    a = find_action(p, "1.4");
    CHECK(a && a->status == SL_STATUS_COMPLETE, "Barking 2014: 1.4 completed");
    a = find_action(p, "1.6");
    CHECK(a && a->status == SL_STATUS_PLANNED && strcmp(a->status_text, "Due January 2015") == 0,
          "Barking 2014: 1.6 due January 2015");
    size_t eights = 0;
    for (size_t i = 0; i < p->n_actions; i++)
        eights += strcmp(p->actions[i].ref, "8") == 0;
    CHECK(eights == 4, "Barking 2014: the four actions numbered 8 are kept as written");
    CHECK(count_findings(p, "damaged-ref") >= 8, "Barking 2014: damaged refs reported");
    CHECK(strcmp(p->kind, "action plan") == 0, "Barking 2014: kind '%s'", p->kind);
    sl_plan_set_free(&set);
}

/* Croydon's continuous improvement plan, 2021–24. */
static void test_croydon_2021(void)
{
    sl_plan_set set;
    if (import_sample("croydon-continuous-improvement-plan-2021-24.txt", &set) < 0)
        return;
    const sl_plan *p = &set.plans[0];
    size_t savings = 0, priorities = 0, with_mtfs = 0;
    for (size_t i = 0; i < p->n_themes; i++) {
        savings += p->themes[i].kind == SL_THEME_SAVINGS;
        priorities += p->themes[i].kind == SL_THEME_PRIORITY;
        with_mtfs += p->themes[i].mtfs_ref && strncmp(p->themes[i].mtfs_ref, "CFE ", 4) == 0;
    }
    CHECK(savings == 7 && with_mtfs == 7, "Croydon 2021: %zu savings projects, %zu with MTFS refs",
          savings, with_mtfs);
    CHECK(priorities >= 4, "Croydon 2021: %zu practice priorities", priorities);
    CHECK(count_findings(p, "invalid-date") >= 1, "Croydon 2021: 31/09/21 reported");
    const sl_action *a = find_last_action(p, "5.3");
    CHECK(a && a->due.parse == SL_DATE_INVALID, "Croydon 2021: 5.3 keeps its impossible date");
    a = find_last_action(p, "3.1");
    CHECK(a && *a->delivered_through && p->themes[a->theme].kind == SL_THEME_PRIORITY,
          "Croydon 2021: 3.1 is delivered through a service plan under a priority");
    a = find_action(p, "1.2");
    CHECK(a && a->due.value.n_milestones == 3, "Croydon 2021: 1.2 has three milestones");
    CHECK(strcmp(p->kind, "continuous improvement plan") == 0, "Croydon 2021: kind '%s'", p->kind);
    sl_plan_set_free(&set);
}

/* Runs every table above: the importer's parts, small documents, the real plans. */
/* Titles: generic ones, and the title a sentence gives. */
static void test_titles(void)
{
    static const struct {
        const char *title;
        int generic;
    } generic[] = {
        {"LA ACTION PLAN", 1},
        {"Our improvement plan", 1},
        {"Children's Services Improvement Plan", 1},
        {"CROYDON TRANSITIONAL ACTION PLAN", 0},
        {"Transitional Action Plan - Post Ofsted SIF Inspection v12", 0},
        {"Improvement plan 2021-24", 0},
    };
    for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++)
        CHECK(sl_text_generic_title(generic[i].title) == generic[i].generic, "generic title '%s'",
              generic[i].title);
    static const struct {
        const char *line;
        const char *title;      /* NULL: the line gives none */
    } sentences[] = {
        {"Barking and Dagenham's OFSTED action plan in response to the Inspection of Services (May 2014)",
         "Barking and Dagenham's OFSTED action plan"},
        {"  Halton's improvement plan following the inspection in May 2024", "Halton's improvement plan"},
        {"The improvement plan (draft)", "The improvement plan"},
        {"The plan will be overseen by the Improvement Team", NULL},
        {"Planning for permanence in response to need", NULL},
        {"Action plan", NULL},
        {"Ref\tAction plan in response to\tDue", NULL},
    };
    for (size_t i = 0; i < sizeof sentences / sizeof sentences[0]; i++) {
        sl_text_span line = {sentences[i].line, strlen(sentences[i].line)};
        char *got = sl_text_title_from_sentence(line);
        CHECK(sentences[i].title ? got && strcmp(got, sentences[i].title) == 0 : got == NULL,
              "title from '%s': '%s'", sentences[i].line, got ? got : "(none)");
        free(got);
    }
}

void test_text_import(void)
{
    test_titles();
    test_headers();
    test_column_named();
    test_refs();
    test_html();
    test_people();
    test_documents();
    test_savings();
    test_croydon_2017();
    test_barking_2014();
    test_croydon_2021();
}
