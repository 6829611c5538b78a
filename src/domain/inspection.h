/* inspection.h — an Ofsted inspection of a council's children's services as
 * sightline holds it (DOMAIN.md "Inspections"): who was inspected and when,
 * under which framework, the judgement on each area on the four-point scale,
 * and the recommendations ("What needs to improve?") in the report's order.
 * Readers fill it from a report's text (import/inspection_text.h) or from the
 * community ILACS scrape CSV (import/ilacs_csv.h).
 * Pure domain code: no I/O, no database. */
#ifndef SL_DOMAIN_INSPECTION_H
#define SL_DOMAIN_INSPECTION_H
#include <stddef.h>

#include "domain/date.h"

typedef enum {
    SL_GRADE_NONE = 0,              /* not judged, not given, or a placeholder */
    SL_GRADE_OUTSTANDING,
    SL_GRADE_GOOD,
    SL_GRADE_REQUIRES_IMPROVEMENT,  /* "Requires improvement (to be good)" */
    SL_GRADE_INADEQUATE
} sl_grade;

/* The judgement slots. SIF areas map onto them: "Leadership, management and
 * governance" is leaders, "Children looked after and achieving permanence" is
 * in_care; ILACS before 2023 judged children in care and care leavers together
 * (in_care, with care_leavers left NONE); reports after the 2025-26 reform
 * give no overall effectiveness. */
typedef enum {
    SL_JUDGEMENT_OVERALL = 0,
    SL_JUDGEMENT_LEADERS,
    SL_JUDGEMENT_HELP_PROTECTION,
    SL_JUDGEMENT_IN_CARE,
    SL_JUDGEMENT_CARE_LEAVERS,
    SL_JUDGEMENT_COUNT
} sl_judgement_kind;

/* The framework names an inspection carries in sl_inspection.framework. */
#define SL_FRAMEWORK_ILACS_STANDARD "ILACS standard"
#define SL_FRAMEWORK_ILACS_SHORT "ILACS short"
#define SL_FRAMEWORK_SIF "SIF"
#define SL_FRAMEWORK_FOCUSED_VISIT "focused visit"
#define SL_FRAMEWORK_MONITORING_VISIT "monitoring visit"
#define SL_FRAMEWORK_JTAI "JTAI"
#define SL_FRAMEWORK_SEND "area SEND"

/* What kind of event an inspection is: a full inspection under the SIF or
 * ILACS, or one of the letters and reports Ofsted publishes between them. */
typedef enum {
    SL_INSPECTION_UNKNOWN = 0,
    SL_INSPECTION_SIF,
    SL_INSPECTION_ILACS,
    SL_INSPECTION_FOCUSED_VISIT,
    SL_INSPECTION_MONITORING_VISIT,
    SL_INSPECTION_JTAI,         /* joint targeted area inspection letter */
    SL_INSPECTION_SEND,         /* area SEND inspection report */
    SL_INSPECTION_KIND_COUNT
} sl_inspection_kind;

/* One recommendation ("What needs to improve?" item, SIF area for improvement). */
typedef struct {
    char *text;                 /* the item, its wrapped lines joined into one text */
    char *framework_outcome;    /* national framework tag as written ("outcome 2",
                                   "enabler: leaders drive conditions for effective
                                   practice"); NULL when untagged */
    long source_line;           /* line of the report where the item starts, 0 when none */
    int priority;               /* 1 for an area for priority action, 0 for a recommendation
                                   or area for improvement */
} sl_inspection_item;

/* An inspection. Every string is owned by the inspection and freed by
 * sl_inspection_free; NULL means unknown. */
typedef struct {
    char *authority;            /* as the source names it ("Halton", "London Borough of Croydon") */
    char *urn;                  /* Ofsted URN of the authority ("80471"), NULL when unknown */
    sl_day start;               /* first day of the inspection, SL_NO_DAY when unknown */
    sl_day end;                 /* last day of the inspection, SL_NO_DAY when unknown */
    sl_day published;           /* publication day of the report, SL_NO_DAY when unknown */
    sl_inspection_kind kind;    /* SL_INSPECTION_UNKNOWN when the source does not say */
    char *framework;            /* one of the SL_FRAMEWORK_* names, NULL when unknown */
    char *lead_inspector;       /* "Lisa Summers" */
    sl_grade judgements[SL_JUDGEMENT_COUNT];
    sl_inspection_item *items;  /* recommendations in the report's order */
    size_t n_items;
    char *source_file;          /* the file it was read from */
    long items_line;            /* line of the "What needs to improve?" heading, 0 when none */
    long source_line;           /* line of its row in a CSV, 0 for a report */
    char source_sha256[65];     /* hex digest of the file it was read from, "" when unknown */
    char *report_url;           /* where the report is published, NULL when unknown */
} sl_inspection;

/* Several inspections read from one file (the ILACS CSV holds one per row). */
typedef struct {
    sl_inspection *inspections;
    size_t n;
} sl_inspection_list;

/* Reads a grade as written (len bytes, need not be NUL-terminated): "Inadequate",
 * "Requires improvement to be good", "Requires improvement", "requires-improvement",
 * "Good", "Outstanding", in any case. Returns 0 and sets *out; a placeholder
 * ("", "N/A", "not judged", the scrape tool's "data_unreadable",
 * "inspection_pre_dates_judgement", "not_reported_post_reform" or any other
 * snake_case word) gives SL_GRADE_NONE with *is_placeholder = 1 (is_placeholder
 * may be NULL). Returns -1 when the text is neither. Allocates nothing. */
int sl_grade_parse(const char *text, size_t len, sl_grade *out, int *is_placeholder);
/* Returns the kebab-case name of a grade ("requires-improvement"), "none" for
 * SL_GRADE_NONE; static storage. */
const char *sl_grade_name(sl_grade grade);
/* Returns the stable key of a judgement slot ("overall", "leaders",
 * "help_protection", "in_care", "care_leavers"); static storage. */
const char *sl_judgement_key(sl_judgement_kind kind);
/* Returns the judgement's title for people ("Impact of leaders"); static storage. */
const char *sl_judgement_label(sl_judgement_kind kind);

/* Returns the stable name of a kind ("sif", "ilacs", "focused-visit",
 * "monitoring-visit", "jtai", "send"), "unknown" otherwise; static storage. */
const char *sl_inspection_kind_name(sl_inspection_kind kind);
/* Returns the kind named name (as sl_inspection_kind_name gives it), or
 * SL_INSPECTION_UNKNOWN. name may be NULL. */
sl_inspection_kind sl_inspection_kind_parse(const char *name);
/* Returns the kind an inspection is when only its framework name is known
 * (SL_FRAMEWORK_*: "SIF", "ILACS short", "focused visit" …), or
 * SL_INSPECTION_UNKNOWN. framework may be NULL. */
sl_inspection_kind sl_inspection_kind_of_framework(const char *framework);
/* Returns the number of items that are (priority 1) or are not (priority 0)
 * areas for priority action. */
size_t sl_inspection_count_items(const sl_inspection *insp, int priority);

/* Empties an inspection: no strings, no items, every day SL_NO_DAY, every grade NONE. */
void sl_inspection_init(sl_inspection *insp);
/* Appends an item; the inspection takes ownership of text and framework_outcome
 * (which may be NULL). */
void sl_inspection_add_item(sl_inspection *insp, char *text, char *framework_outcome, long line);
/* Frees everything the inspection owns and leaves it as sl_inspection_init does. */
void sl_inspection_free(sl_inspection *insp);
/* Frees every inspection in the list and the list's array, leaving it empty. */
void sl_inspection_list_free(sl_inspection_list *list);

#endif
