/* action_edit.c — an action's editable fields: read from what was typed,
 * checked against the plan, written back as text, compared. */
#include "domain/action_edit.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/mem.h"

#define MAX_TITLE 500
#define MAX_TEXT 8000

static const struct {
    const char *name;
    const char *label;
} fields[SL_N_FIELDS] = {
    {"title", "Title"},
    {"description", "Description"},
    {"theme", "Theme"},
    {"start", "Start"},
    {"due", "Due (dates and milestones)"},
    {"sro", "SRO"},
    {"leads", "Leads"},
    {"resources", "Resources"},
    {"measure", "Success measure"},
    {"impact", "Impact for children"},
    {"recommendations", "Recommendations answered"},
    {"delivered-through", "Delivered through"},
};

const char *sl_action_field_name(sl_action_field field)
{
    return (unsigned)field < SL_N_FIELDS ? fields[field].name : "";
}

const char *sl_action_field_label(sl_action_field field)
{
    return (unsigned)field < SL_N_FIELDS ? fields[field].label : "";
}

/* Returns a copy of text without leading and trailing white space. */
static char *trimmed(const char *text)
{
    const char *s = text ? text : "";
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    return sl_strndup(s, n);
}

/* Replaces *slot with a trimmed copy of text. */
static void set_text(char **slot, const char *text)
{
    free(*slot);
    *slot = trimmed(text);
}

/* Reads a written date; refuses what is not a real date or not a date form. */
static int set_date(const sl_plan *plan, sl_written_date *d, const char *text, char *why, size_t n)
{
    char *t = trimmed(text);
    sl_written_date nd = {.text = t};
    char reason[160] = "";
    nd.parse = sl_date_parse(t, strlen(t), plan->context_year, &nd.value, reason, sizeof reason);
    if (nd.parse == SL_DATE_INVALID || nd.parse == SL_DATE_UNREADABLE) {
        snprintf(why, n, "%s", nd.parse == SL_DATE_INVALID
                                   ? "Enter a real date, like 31/03/2022 or March 2022"
                                   : "Enter a date sightline can read, like 31/03/2022, March 2022, "
                                     "Q2 2021/22 or Ongoing");
        free(t);
        return -1;
    }
    free(d->text);
    *d = nd;
    return 0;
}

/* Finds the theme a text names (its ref, else its title); -1 when none does. */
static int find_theme(const sl_plan *plan, const char *text)
{
    for (size_t i = 0; i < plan->n_themes; i++)
        if (*plan->themes[i].ref && strcasecmp(plan->themes[i].ref, text) == 0)
            return (int)i;
    for (size_t i = 0; i < plan->n_themes; i++)
        if (strcasecmp(plan->themes[i].title, text) == 0)
            return (int)i;
    return -1;
}

/* Reads recommendation numbers separated by ';', ',' or spaces, each one of the plan's. */
static int set_recommendations(const sl_plan *plan, sl_action *a, const char *text, char *why, size_t n)
{
    int *numbers = sl_calloc((strlen(text) / 2 + 2) * sizeof *numbers);
    size_t count = 0;
    for (const char *p = text; *p;) {
        if (strchr("; ,", *p)) {
            p++;
            continue;
        }
        char *end;
        long v = strtol(p, &end, 10);
        int known = 0;
        for (size_t r = 0; r < plan->n_recommendations && end != p; r++)
            known |= plan->recommendations[r].number == v;
        if (end == p || !strchr("; ,", *end) || !known) {
            snprintf(why, n, "Give the numbers of this plan's recommendations, separated by ';' (%.20s is not one)", p);
            free(numbers);
            return -1;
        }
        numbers[count++] = (int)v;
        p = end;
    }
    free(a->recommendations);
    a->recommendations = numbers;
    a->n_recommendations = count;
    return 0;
}

/* Returns 1 when every lead of a ';' list names a person. */
static int leads_ok(const char *list)
{
    char **items = NULL;
    size_t n = sl_split_list(list, &items, 0);
    int ok = 1;
    for (size_t i = 0; i < n; i++) {
        ok &= sl_is_person_label(items[i]);
        free(items[i]);
    }
    free(items);
    return ok;
}

/* Writes the sentence into why (n bytes); returns -1. */
static int refuse(char *why, size_t n, const char *sentence)
{
    snprintf(why, n, "%s", sentence);
    return -1;
}

/* Checks the length of free text; returns 0 or -1 with why. */
static int length_ok(const char *text, size_t max, char *why, size_t n)
{
    if (strlen(text) <= max)
        return 0;
    snprintf(why, n, "Keep it under %zu characters", max);
    return -1;
}

int sl_action_set_field(const sl_plan *plan, sl_action *a, sl_action_field field, const char *text,
                        char *why, size_t n)
{
    if (!text)
        text = "";
    if (length_ok(text, field == SL_FIELD_TITLE ? MAX_TITLE : MAX_TEXT, why, n) < 0)
        return -1;
    char *t = trimmed(text);
    int rc = 0, theme = -1;
    switch (field) {
    case SL_FIELD_TITLE:
        if (!*t)
            rc = refuse(why, n, "Enter the action's title");
        else
            set_text(&a->title, t);
        break;
    case SL_FIELD_DESCRIPTION: set_text(&a->description, t); break;
    case SL_FIELD_THEME:
        if (*t && (theme = find_theme(plan, t)) < 0)
            rc = refuse(why, n, "Choose one of the plan's themes by its number");
        else
            a->theme = theme;
        break;
    case SL_FIELD_START: rc = set_date(plan, &a->start, t, why, n); break;
    case SL_FIELD_DUE: rc = set_date(plan, &a->due, t, why, n); break;
    case SL_FIELD_SRO:
        if (*t && !sl_is_person_label(t))
            rc = refuse(why, n, "Name the senior responsible officer by initials or name");
        else
            set_text(&a->sro, t);
        break;
    case SL_FIELD_LEADS:
        if (!leads_ok(t)) {
            rc = refuse(why, n, "Name each lead by initials or name, separated by ';'");
            break;
        }
        for (size_t i = 0; i < a->n_leads; i++)
            free(a->leads[i]);
        free(a->leads);
        a->leads = NULL;
        a->n_leads = sl_split_list(t, &a->leads, 0);
        break;
    case SL_FIELD_RESOURCES:
        set_text(&a->resources, t);
        a->resources_pence = sl_money_pence(t);
        break;
    case SL_FIELD_MEASURE: set_text(&a->measure, t); break;
    case SL_FIELD_IMPACT: set_text(&a->impact, t); break;
    case SL_FIELD_RECOMMENDATIONS: rc = set_recommendations(plan, a, t, why, n); break;
    case SL_FIELD_DELIVERED_THROUGH: set_text(&a->delivered_through, t); break;
    case SL_N_FIELDS: rc = refuse(why, n, "No such field"); break;
    }
    free(t);
    return rc;
}

void sl_action_field_text(const sl_plan *plan, const sl_action *a, sl_action_field field, sl_buf *out)
{
    switch (field) {
    case SL_FIELD_TITLE: sl_buf_puts(out, a->title ? a->title : ""); break;
    case SL_FIELD_DESCRIPTION: sl_buf_puts(out, a->description ? a->description : ""); break;
    case SL_FIELD_THEME:
        if (a->theme >= 0 && (size_t)a->theme < plan->n_themes)
            sl_buf_puts(out, *plan->themes[a->theme].ref ? plan->themes[a->theme].ref : plan->themes[a->theme].title);
        break;
    case SL_FIELD_START: sl_buf_puts(out, a->start.text ? a->start.text : ""); break;
    case SL_FIELD_DUE: sl_buf_puts(out, a->due.text ? a->due.text : ""); break;
    case SL_FIELD_SRO: sl_buf_puts(out, a->sro ? a->sro : ""); break;
    case SL_FIELD_LEADS:
        for (size_t i = 0; i < a->n_leads; i++)
            sl_buf_cprintf(out, "%s%s", i ? "; " : "", a->leads[i]);
        break;
    case SL_FIELD_RESOURCES: sl_buf_puts(out, a->resources ? a->resources : ""); break;
    case SL_FIELD_MEASURE: sl_buf_puts(out, a->measure ? a->measure : ""); break;
    case SL_FIELD_IMPACT: sl_buf_puts(out, a->impact ? a->impact : ""); break;
    case SL_FIELD_RECOMMENDATIONS:
        for (size_t i = 0; i < a->n_recommendations; i++)
            sl_buf_cprintf(out, "%s%d", i ? "; " : "", a->recommendations[i]);
        break;
    case SL_FIELD_DELIVERED_THROUGH: sl_buf_puts(out, a->delivered_through ? a->delivered_through : ""); break;
    case SL_N_FIELDS: break;
    }
}

void sl_action_changes(const sl_plan *plan, const sl_action *before, const sl_action *after,
                       sl_field_changes *out)
{
    memset(out, 0, sizeof *out);
    sl_buf b = SL_BUF_INIT, a = SL_BUF_INIT;
    for (int f = 0; f < SL_N_FIELDS; f++) {
        sl_buf_reset(&b);
        sl_buf_reset(&a);
        sl_action_field_text(plan, before, (sl_action_field)f, &b);
        sl_action_field_text(plan, after, (sl_action_field)f, &a);
        if (strcmp(sl_buf_str(&b), sl_buf_str(&a)) == 0)
            continue;
        out->items = sl_realloc(out->items, (out->n + 1) * sizeof *out->items);
        out->items[out->n++] = (sl_field_change){(sl_action_field)f, sl_strdup(sl_buf_str(&b)),
                                                 sl_strdup(sl_buf_str(&a))};
    }
    sl_buf_free(&b);
    sl_buf_free(&a);
}

void sl_field_changes_free(sl_field_changes *changes)
{
    for (size_t i = 0; i < changes->n; i++) {
        free(changes->items[i].before);
        free(changes->items[i].after);
    }
    free(changes->items);
    memset(changes, 0, sizeof *changes);
}

/* Returns a copy of s, or NULL for NULL. */
static char *dup_or_null(const char *s)
{
    return s ? sl_strdup(s) : NULL;
}

void sl_action_copy(sl_action *dst, const sl_action *src)
{
    *dst = *src;
    dst->ref = dup_or_null(src->ref);
    dst->title = dup_or_null(src->title);
    dst->description = dup_or_null(src->description);
    dst->start.text = dup_or_null(src->start.text);
    dst->due.text = dup_or_null(src->due.text);
    dst->sro = dup_or_null(src->sro);
    dst->leads = sl_calloc((src->n_leads + 1) * sizeof *dst->leads);
    for (size_t i = 0; i < src->n_leads; i++)
        dst->leads[i] = sl_strdup(src->leads[i]);
    dst->resources = dup_or_null(src->resources);
    dst->measure = dup_or_null(src->measure);
    dst->impact = dup_or_null(src->impact);
    dst->delivered_through = dup_or_null(src->delivered_through);
    dst->status_text = dup_or_null(src->status_text);
    dst->progress = dup_or_null(src->progress);
    dst->recommendations = sl_calloc((src->n_recommendations + 1) * sizeof *dst->recommendations);
    if (src->n_recommendations)
        memcpy(dst->recommendations, src->recommendations, src->n_recommendations * sizeof *src->recommendations);
    dst->custom = sl_calloc((src->n_custom + 1) * sizeof *dst->custom);
    for (size_t i = 0; i < src->n_custom; i++) {
        dst->custom[i].name = sl_strdup(src->custom[i].name);
        dst->custom[i].value = sl_strdup(src->custom[i].value);
    }
}
