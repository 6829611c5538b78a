/* national_view.c — gathering the national picture (see national_view.h). */
#include "report/national_view.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/file.h"
#include "report/action_list.h"
#include "util/mem.h"

/* Reads a reference file from data_dir; returns its bytes (caller frees) or NULL. */
static char *read_reference(const char *data_dir, const char *name, size_t *len, char *path,
                            size_t path_len, sl_error *err)
{
    snprintf(path, path_len, "%s/%s", data_dir, name);
    return sl_read_file(path, len, err);
}

typedef struct {
    sl_store *store;
    sl_national_view *view;
    sl_day as_of;
    int failed;
} plan_walk;

typedef struct {
    int by_rag[6];
    int total;
    int overdue;
} tally;

/* Rated-action callback: counts a plan's actions by RAG. */
static int count(void *ctx, const sl_action_row *row, const sl_rag_result *rag)
{
    (void)row;
    tally *t = ctx;
    t->by_rag[rag->rag]++;
    t->total++;
    t->overdue += rag->overdue;
    return 0;
}

/* Plan callback: writes the plan's summary onto its authority's row. */
static int on_plan(void *ctx, const sl_plan_info *info)
{
    plan_walk *w = ctx;
    const sl_authority *a = sl_authority_match(&w->view->authorities, info->authority);
    if (!a)
        return 0;
    tally t = {0};
    sl_action_filter f = {.plan_id = info->id, .as_of = w->as_of, .due_within = -1};
    sl_error err = {0};
    if (sl_each_rated_action(w->store, &f, count, &t, &err) < 0) {
        w->failed = 1;
        return 1;
    }
    for (size_t i = 0; i < w->view->national.n; i++) {
        if (w->view->national.rows[i].authority != a || w->view->summaries[i])
            continue;
        char text[160];
        snprintf(text, sizeof text, "%d actions, %d overdue: %d red, %d amber, %d green, %d blue",
                 t.total, t.overdue, t.by_rag[SL_RAG_RED], t.by_rag[SL_RAG_AMBER],
                 t.by_rag[SL_RAG_GREEN], t.by_rag[SL_RAG_BLUE]);
        w->view->summaries[i] = sl_strdup(text);
        w->view->national.rows[i].plan_summary = w->view->summaries[i];
    }
    return 0;
}

int sl_reference_authorities(const char *data_dir, sl_authority_table *out, sl_error *err)
{
    char path[PATH_MAX];
    size_t len;
    char *csv = read_reference(data_dir, "la-lookup.csv", &len, path, sizeof path, err);
    if (!csv)
        return -1;
    int rc = sl_authority_table_read(csv, len, path, out, err);
    free(csv);
    return rc;
}

/* Keeps only the national rows of the authorities in the store's scope
 * (every row when it is every authority): a council's account sees its own
 * row, not the country's. Returns 0 or -1. */
static int keep_in_scope(sl_store *store, sl_national_view *v, sl_error *err)
{
    char **names;
    int all, n = sl_store_scope_authorities(store, &names, &all, err);
    if (n < 0)
        return -1;
    size_t kept = 0;
    for (size_t r = 0; !all && r < v->national.n; r++) {
        int seen = 0;
        for (int i = 0; i < n && !seen; i++)
            seen = sl_authority_match(&v->authorities, names[i]) == v->national.rows[r].authority;
        if (seen)
            v->national.rows[kept++] = v->national.rows[r];
    }
    if (!all)
        v->national.n = kept;
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return 0;
}

int sl_national_view_load(sl_store *store, const char *data_dir, sl_day as_of,
                          sl_national_view *out, sl_error *err)
{
    memset(out, 0, sizeof *out);
    int rc = sl_reference_authorities(data_dir, &out->authorities, err);
    if (rc == 0)
        rc = sl_store_load_inspections(store, &out->inspections, err);
    if (rc < 0) {
        sl_national_view_free(out);
        return -1;
    }
    sl_national_build(&out->authorities, out->inspections.inspections, out->inspections.n, as_of,
                      &out->national);
    if (keep_in_scope(store, out, err) < 0) {
        sl_national_view_free(out);
        return -1;
    }
    out->summaries = sl_calloc((out->national.n + 1) * sizeof *out->summaries);
    plan_walk w = {store, out, as_of, 0};
    if (sl_store_each_plan(store, 0, on_plan, &w, err) < 0 || w.failed) {
        if (!err->set)
            sl_fail(err, "could not rate the plans");
        sl_national_view_free(out);
        return -1;
    }
    return 0;
}

void sl_national_view_free(sl_national_view *v)
{
    for (size_t i = 0; v->summaries && i < v->national.n; i++)
        free(v->summaries[i]);
    free(v->summaries);
    sl_national_free(&v->national);
    sl_inspection_list_free(&v->inspections);
    sl_authority_table_free(&v->authorities);
    memset(v, 0, sizeof *v);
}

/* Finds the national row of an authority, or NULL. */
static const sl_national_row *row_of(const sl_national_view *v, const sl_authority *a)
{
    for (size_t i = 0; i < v->national.n; i++)
        if (v->national.rows[i].authority == a)
            return &v->national.rows[i];
    return NULL;
}

sl_grade sl_national_view_grade_overall(void *ctx, const sl_authority *a)
{
    const sl_national_row *r = row_of(ctx, a);
    return r ? r->headline : SL_GRADE_NONE;
}

sl_grade sl_national_view_grade_leaders(void *ctx, const sl_authority *a)
{
    const sl_national_row *r = row_of(ctx, a);
    return r && r->latest ? r->latest->judgements[SL_JUDGEMENT_LEADERS] : SL_GRADE_NONE;
}

int sl_national_map_load(const char *data_dir, sl_map *out, sl_error *err)
{
    char path[PATH_MAX];
    size_t len;
    char *geojson = read_reference(data_dir, "lad-2023-boundaries.geojson", &len, path, sizeof path, err);
    if (!geojson)
        return -1;
    int rc = sl_map_load(geojson, len, path, out, err);
    free(geojson);
    return rc;
}
