/* plan_diff.c — comparing two versions of a plan (see plan_diff.h). */
#include "report/plan_diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strmap.h"

/* Builds "ref#n" for the n-th occurrence of a ref, the key actions match on,
 * into key (reset first); returns it. */
static const char *match_key(const sl_plan *p, size_t index, sl_buf *key)
{
    int occurrence = 0;
    for (size_t i = 0; i < index; i++)
        occurrence += strcmp(p->actions[i].ref, p->actions[index].ref) == 0;
    sl_buf_reset(key);
    sl_buf_cprintf(key, "%s#%d", p->actions[index].ref, occurrence);
    return sl_buf_str(key);
}

/* Indexes a plan's actions by match key. */
static void index_actions(const sl_plan *p, sl_strmap *map)
{
    sl_buf key = SL_BUF_INIT;
    for (size_t i = 0; i < p->n_actions; i++)
        sl_strmap_put(map, match_key(p, i, &key), (int64_t)i);
    sl_buf_free(&key);
}

/* Joins a list into buf with "; ". */
static const char *joined(char *const *items, size_t n, sl_buf *buf)
{
    sl_buf_reset(buf);
    for (size_t i = 0; i < n; i++) {
        if (i)
            sl_buf_puts(buf, "; ");
        sl_buf_puts(buf, items[i]);
    }
    return sl_buf_str(buf);
}

/* Writes the recommendation numbers into buf. */
static const char *numbers(const sl_action *a, sl_buf *buf)
{
    sl_buf_reset(buf);
    for (size_t i = 0; i < a->n_recommendations; i++) {
        if (i)
            sl_buf_puts(buf, "; ");
        sl_buf_int(buf, a->recommendations[i]);
    }
    return sl_buf_str(buf);
}

/* Appends one changed field, shortening long text. */
static void field_change(sl_buf *out, const char *ref, const char *field, const char *before,
                         const char *after)
{
    sl_buf_printf(out, "  ~ %s %s: \"%.60s%s\" -> \"%.60s%s\"\n", ref, field, before,
                  strlen(before) > 60 ? "…" : "", after, strlen(after) > 60 ? "…" : "");
}

/* Compares one matched pair of actions field by field; returns how many fields differ. */
static int compare(sl_buf *out, const sl_action *a, const sl_action *b)
{
    sl_buf la = SL_BUF_INIT, lb = SL_BUF_INIT;
    const char *names[] = {"title", "description", "start", "due", "sro", "resources",
                           "measure", "impact", "delivered through", "progress"};
    const char *before[] = {a->title, a->description, a->start.text, a->due.text, a->sro,
                            a->resources, a->measure, a->impact, a->delivered_through, a->progress};
    const char *after[] = {b->title, b->description, b->start.text, b->due.text, b->sro,
                           b->resources, b->measure, b->impact, b->delivered_through, b->progress};
    int changed = 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *x = before[i] ? before[i] : "", *y = after[i] ? after[i] : "";
        if (strcmp(x, y) != 0) {
            field_change(out, b->ref, names[i], x, y);
            changed++;
        }
    }
    if (a->status != b->status) {
        field_change(out, b->ref, "status", sl_status_name(a->status), sl_status_name(b->status));
        changed++;
    }
    const char *x = joined(a->leads, a->n_leads, &la), *y = joined(b->leads, b->n_leads, &lb);
    if (strcmp(x, y) != 0) {
        field_change(out, b->ref, "leads", x, y);
        changed++;
    }
    x = numbers(a, &la);
    y = numbers(b, &lb);
    if (strcmp(x, y) != 0) {
        field_change(out, b->ref, "recommendations", x, y);
        changed++;
    }
    sl_buf_free(&la);
    sl_buf_free(&lb);
    return changed;
}

void sl_plan_diff(sl_buf *out, const sl_plan *old_plan, const sl_plan *new_plan,
                  sl_diff_counts *counts)
{
    sl_strmap old_index = {0}, new_index = {0};
    index_actions(old_plan, &old_index);
    index_actions(new_plan, &new_index);
    memset(counts, 0, sizeof *counts);
    sl_buf key = SL_BUF_INIT;
    for (size_t i = 0; i < new_plan->n_actions; i++) {
        int64_t at;
        const sl_action *b = &new_plan->actions[i];
        if (!sl_strmap_get(&old_index, match_key(new_plan, i, &key), &at)) {
            sl_buf_printf(out, "  + %s %s\n", b->ref, b->title);
            counts->added++;
            continue;
        }
        int n = compare(out, &old_plan->actions[at], b);
        counts->changed += n > 0;
        counts->fields += n;
    }
    for (size_t i = 0; i < old_plan->n_actions; i++) {
        int64_t at;
        if (!sl_strmap_get(&new_index, match_key(old_plan, i, &key), &at)) {
            sl_buf_printf(out, "  - %s %s\n", old_plan->actions[i].ref, old_plan->actions[i].title);
            counts->removed++;
        }
    }
    sl_buf_free(&key);
    sl_strmap_free(&old_index);
    sl_strmap_free(&new_index);
}
