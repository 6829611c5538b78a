/* inspection.c — grades, judgement slots and the inspection's lifetime. */
#include "domain/inspection.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

static const char *const grade_names[] = {
    "none", "outstanding", "good", "requires-improvement", "inadequate",
};

static const char *const judgement_keys[SL_JUDGEMENT_COUNT] = {
    "overall", "leaders", "help_protection", "in_care", "care_leavers",
};

static const char *const judgement_labels[SL_JUDGEMENT_COUNT] = {
    "Overall effectiveness",
    "Impact of leaders",
    "Children who need help and protection",
    "Children in care",
    "Care leavers",
};

/* Grades as written, normalised (lower case, single spaces, hyphens as spaces). */
static const struct {
    const char *words;
    sl_grade grade;
} grade_words[] = {
    {"outstanding", SL_GRADE_OUTSTANDING},
    {"good", SL_GRADE_GOOD},
    {"requires improvement to be good", SL_GRADE_REQUIRES_IMPROVEMENT},
    {"requires improvement", SL_GRADE_REQUIRES_IMPROVEMENT},
    {"require improvement to be good", SL_GRADE_REQUIRES_IMPROVEMENT},
    {"require improvement", SL_GRADE_REQUIRES_IMPROVEMENT},
    {"inadequate", SL_GRADE_INADEQUATE},
};

/* Cells that say "no grade here", normalised the same way. */
static const char *const placeholder_words[] = {
    "", "n/a", "na", "none", "nan", "null", "not applicable", "not judged",
    "no judgement", "no separate judgement", "not graded", "\xE2\x80\x94", "\xE2\x80\x93",
};

/* Writes text (len bytes) into out (cap bytes) lower-cased with white space
 * runs as one space, trimmed, and without trailing '.', ',', ';', ':' or '*'.
 * Hyphens become spaces when hyphen_as_space. Returns -1 when it does not fit. */
static int normalise(const char *text, size_t len, int hyphen_as_space, char *out, size_t cap)
{
    size_t n = 0;
    int pending_space = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (hyphen_as_space && c == '-' && len > 1)
            c = ' ';
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            pending_space = n > 0;
            continue;
        }
        if (n + (pending_space ? 2 : 1) >= cap)
            return -1;
        if (pending_space)
            out[n++] = ' ';
        pending_space = 0;
        out[n++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    while (n > 0 && strchr(".,;:*", out[n - 1]))
        n--;
    out[n] = '\0';
    return 0;
}

/* Returns 1 for a snake_case word with at least one underscore: the form the
 * ILACS scrape tool gives its placeholders ("data_unreadable"). */
static int is_snake_case_placeholder(const char *word)
{
    int underscores = 0;
    for (const char *p = word; *p; p++) {
        if (*p == '_')
            underscores++;
        else if (!(*p >= 'a' && *p <= 'z'))
            return 0;
    }
    return underscores > 0 && word[0] != '_';
}

int sl_grade_parse(const char *text, size_t len, sl_grade *out, int *is_placeholder)
{
    char word[64];
    *out = SL_GRADE_NONE;
    if (is_placeholder)
        *is_placeholder = 0;
    if (normalise(text, len, 0, word, sizeof word) < 0)
        return -1;
    int placeholder = is_snake_case_placeholder(word);
    for (size_t i = 0; i < sizeof placeholder_words / sizeof placeholder_words[0]; i++)
        placeholder |= strcmp(word, placeholder_words[i]) == 0;
    if (placeholder) {
        if (is_placeholder)
            *is_placeholder = 1;
        return 0;
    }
    if (normalise(text, len, 1, word, sizeof word) < 0)
        return -1;
    for (size_t i = 0; i < sizeof grade_words / sizeof grade_words[0]; i++)
        if (strcmp(word, grade_words[i].words) == 0) {
            *out = grade_words[i].grade;
            return 0;
        }
    return -1;
}

const char *sl_grade_name(sl_grade grade)
{
    return (unsigned)grade < sizeof grade_names / sizeof grade_names[0] ? grade_names[grade]
                                                                        : "none";
}

const char *sl_judgement_key(sl_judgement_kind kind)
{
    return (unsigned)kind < SL_JUDGEMENT_COUNT ? judgement_keys[kind] : "unknown";
}

const char *sl_judgement_label(sl_judgement_kind kind)
{
    return (unsigned)kind < SL_JUDGEMENT_COUNT ? judgement_labels[kind] : "Unknown";
}

static const char *const kind_names[SL_INSPECTION_KIND_COUNT] = {
    "unknown", "sif", "ilacs", "focused-visit", "monitoring-visit", "jtai", "send",
};

const char *sl_inspection_kind_name(sl_inspection_kind kind)
{
    return (unsigned)kind < SL_INSPECTION_KIND_COUNT ? kind_names[kind] : "unknown";
}

sl_inspection_kind sl_inspection_kind_parse(const char *name)
{
    for (int k = 1; name && k < SL_INSPECTION_KIND_COUNT; k++)
        if (strcmp(name, kind_names[k]) == 0)
            return (sl_inspection_kind)k;
    return SL_INSPECTION_UNKNOWN;
}

sl_inspection_kind sl_inspection_kind_of_framework(const char *framework)
{
    static const struct {
        const char *framework;
        sl_inspection_kind kind;
    } table[] = {
        {SL_FRAMEWORK_SIF, SL_INSPECTION_SIF},
        {SL_FRAMEWORK_ILACS_STANDARD, SL_INSPECTION_ILACS},
        {SL_FRAMEWORK_ILACS_SHORT, SL_INSPECTION_ILACS},
        {SL_FRAMEWORK_FOCUSED_VISIT, SL_INSPECTION_FOCUSED_VISIT},
        {SL_FRAMEWORK_MONITORING_VISIT, SL_INSPECTION_MONITORING_VISIT},
        {SL_FRAMEWORK_JTAI, SL_INSPECTION_JTAI},
        {SL_FRAMEWORK_SEND, SL_INSPECTION_SEND},
        {"standard", SL_INSPECTION_ILACS},   /* the ILACS scrape's words */
        {"short", SL_INSPECTION_ILACS},
    };
    for (size_t i = 0; framework && i < sizeof table / sizeof table[0]; i++)
        if (strcmp(framework, table[i].framework) == 0)
            return table[i].kind;
    return SL_INSPECTION_UNKNOWN;
}

size_t sl_inspection_count_items(const sl_inspection *insp, int priority)
{
    size_t n = 0;
    for (size_t i = 0; i < insp->n_items; i++)
        n += (insp->items[i].priority != 0) == (priority != 0);
    return n;
}

void sl_inspection_init(sl_inspection *insp)
{
    memset(insp, 0, sizeof *insp);
    insp->start = SL_NO_DAY;
    insp->end = SL_NO_DAY;
    insp->published = SL_NO_DAY;
    for (int k = 0; k < SL_JUDGEMENT_COUNT; k++)
        insp->judgements[k] = SL_GRADE_NONE;
}

void sl_inspection_add_item(sl_inspection *insp, char *text, char *framework_outcome, long line)
{
    insp->items = sl_realloc(insp->items, (insp->n_items + 1) * sizeof *insp->items);
    sl_inspection_item *item = &insp->items[insp->n_items++];
    item->text = text;
    item->framework_outcome = framework_outcome;
    item->source_line = line;
    item->priority = 0;
}

void sl_inspection_free(sl_inspection *insp)
{
    if (!insp)
        return;
    for (size_t i = 0; i < insp->n_items; i++) {
        free(insp->items[i].text);
        free(insp->items[i].framework_outcome);
    }
    free(insp->items);
    free(insp->authority);
    free(insp->urn);
    free(insp->framework);
    free(insp->lead_inspector);
    free(insp->source_file);
    free(insp->report_url);
    sl_inspection_init(insp);
}

void sl_inspection_list_free(sl_inspection_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->n; i++)
        sl_inspection_free(&list->inspections[i]);
    free(list->inspections);
    list->inspections = NULL;
    list->n = 0;
}
