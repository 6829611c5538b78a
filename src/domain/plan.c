/* plan.c — building and freeing the in-memory plan (see plan.h). */
#include "domain/plan.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/mem.h"

/* Frees an array of n strings and the array. */
static void free_strings(char **items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(items[i]);
    free(items);
}

void sl_action_free(sl_action *a)
{
    free(a->ref);
    free(a->title);
    free(a->description);
    free(a->start.text);
    free(a->due.text);
    free(a->sro);
    free_strings(a->leads, a->n_leads);
    free(a->resources);
    free(a->measure);
    free(a->impact);
    free(a->delivered_through);
    free(a->status_text);
    free(a->rag_reason);
    free(a->progress);
    free(a->recommendations);
    for (size_t i = 0; i < a->n_custom; i++) {
        free(a->custom[i].name);
        free(a->custom[i].value);
    }
    free(a->custom);
    memset(a, 0, sizeof *a);
}

void sl_plan_free(sl_plan *p)
{
    free(p->title);
    free(p->authority);
    free(p->kind);
    free(p->version_label);
    free(p->source_file);
    for (size_t i = 0; i < p->n_themes; i++) {
        free(p->themes[i].ref);
        free(p->themes[i].title);
        free_strings(p->themes[i].outcomes, p->themes[i].n_outcomes);
        free(p->themes[i].mtfs_ref);
        free(p->themes[i].manager);
        free(p->themes[i].savings);
    }
    free(p->themes);
    for (size_t i = 0; i < p->n_actions; i++)
        sl_action_free(&p->actions[i]);
    free(p->actions);
    for (size_t i = 0; i < p->n_recommendations; i++)
        free(p->recommendations[i].text);
    free(p->recommendations);
    for (size_t i = 0; i < p->n_people; i++) {
        free(p->people[i].initials);
        free(p->people[i].name);
    }
    free(p->people);
    sl_findings_free(&p->findings);
    memset(p, 0, sizeof *p);
}

/* Grows an array of elem-sized items so index n fits, doubling its capacity
 * whenever n reaches a power of two. */
static void *grow(void *array, size_t n, size_t elem)
{
    if (n == 0 || (n & (n - 1)) == 0)
        array = sl_realloc(array, (n ? n * 2 : 4) * elem);
    return array;
}

int sl_plan_context_year(const sl_plan *p)
{
    int years[64] = {0}, counts[64] = {0}, n = 0;
    for (size_t i = 0; i < p->n_actions; i++) {
        const char *texts[2] = {p->actions[i].start.text, p->actions[i].due.text};
        for (int k = 0; k < 2; k++) {
            int y = sl_date_text_year(texts[k], strlen(texts[k]));
            if (!y)
                continue;
            int j = 0;
            while (j < n && years[j] != y)
                j++;
            if (j == n && n < 64)
                years[n++] = y;
            if (j < n)
                counts[j]++;
        }
    }
    int best = 0;
    for (int j = 1; j < n; j++)
        if (counts[j] > counts[best])
            best = j;
    return n ? years[best] : 0;
}

sl_action *sl_plan_add_action(sl_plan *p)
{
    p->actions = grow(p->actions, p->n_actions, sizeof *p->actions);
    sl_action *a = &p->actions[p->n_actions++];
    memset(a, 0, sizeof *a);
    a->resources_pence = -1;
    a->theme = -1;
    return a;
}

sl_theme *sl_plan_theme(sl_plan *p, const char *ref, const char *title)
{
    title = title ? title : "";
    for (size_t i = 0; i < p->n_themes; i++)
        if (strcmp(p->themes[i].ref, ref) == 0 && (!*title || strcmp(p->themes[i].title, title) == 0))
            return &p->themes[i];
    return sl_plan_add_theme(p, ref, title);
}

sl_theme *sl_plan_add_theme(sl_plan *p, const char *ref, const char *title)
{
    p->themes = grow(p->themes, p->n_themes, sizeof *p->themes);
    sl_theme *t = &p->themes[p->n_themes++];
    memset(t, 0, sizeof *t);
    t->ref = sl_strdup(ref);
    t->title = sl_strdup(title ? title : "");
    t->parent = -1;
    return t;
}

sl_recommendation *sl_plan_recommendation(sl_plan *p, int number, const char *text)
{
    for (size_t i = 0; i < p->n_recommendations; i++) {
        sl_recommendation *r = &p->recommendations[i];
        if (r->number == number) {
            if (text && *text && !*r->text) {
                free(r->text);
                r->text = sl_strdup(text);
            }
            return r;
        }
    }
    p->recommendations = grow(p->recommendations, p->n_recommendations, sizeof *p->recommendations);
    sl_recommendation *r = &p->recommendations[p->n_recommendations++];
    r->number = number;
    r->text = sl_strdup(text ? text : "");
    return r;
}

size_t sl_split_list(const char *cell, char ***items, size_t n)
{
    const char *p = cell ? cell : "";
    while (*p) {
        const char *end = strchr(p, ';');
        if (!end)
            end = p + strlen(p);
        const char *s = p, *e = end;
        while (s < e && isspace((unsigned char)*s))
            s++;
        while (e > s && isspace((unsigned char)e[-1]))
            e--;
        if (e > s) {
            *items = grow(*items, n, sizeof **items);
            (*items)[n++] = sl_strndup(s, (size_t)(e - s));
        }
        p = *end ? end + 1 : end;
    }
    return n;
}

int64_t sl_money_pence(const char *text)
{
    const char *p = text ? strstr(text, "\xC2\xA3") : NULL; /* "£" in UTF-8 */
    if (!p)
        return -1;
    p += 2;
    if (!isdigit((unsigned char)*p))
        return -1;
    double value = 0;
    for (; isdigit((unsigned char)*p) || (*p == ',' && isdigit((unsigned char)p[1])); p++)
        if (*p != ',')
            value = value * 10 + (*p - '0');
    if (*p == '.' && isdigit((unsigned char)p[1])) {
        double scale = 0.1;
        for (p++; isdigit((unsigned char)*p); p++, scale /= 10)
            value += (*p - '0') * scale;
    }
    if (*p == 'k' || *p == 'K')
        value *= 1000;
    else if (*p == 'm' || *p == 'M')
        value *= 1000000;
    else if ((*p == 'b' || *p == 'B') && (p[1] == 'n' || p[1] == 'N'))
        value *= 1000000000;
    /* No plan spends a trillion pounds: a larger figure is not money but noise. */
    if (value > 1e12)
        return -1;
    return (int64_t)(value * 100 + 0.5);
}

int sl_is_person_label(const char *text)
{
    static const char *const placeholders[] = {"n/a", "na", "tbc", "tba", "none", "nil", "unknown", "-"};
    if (!text || strlen(text) >= 80)
        return 0;
    for (size_t i = 0; i < sizeof placeholders / sizeof placeholders[0]; i++)
        if (strcasecmp(text, placeholders[i]) == 0)
            return 0;
    for (const char *p = text; *p; p++)
        if (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80)
            return 1;
    return 0;
}

size_t sl_plan_drop_junk_people(sl_plan *plan)
{
    size_t dropped = 0;
    for (size_t i = 0; i < plan->n_actions; i++) {
        sl_action *a = &plan->actions[i];
        size_t kept = 0;
        for (size_t k = 0; k < a->n_leads; k++) {
            if (sl_is_person_label(a->leads[k])) {
                a->leads[kept++] = a->leads[k];
                continue;
            }
            sl_findings_add(&plan->findings, SL_LINT_WARNING, "not-a-person", a->ref, a->source_line,
                            "lead '%s' names nobody: not kept as a person", a->leads[k]);
            free(a->leads[k]);
            dropped++;
        }
        a->n_leads = kept;
        /* The SRO cell may name several people: only a short cell that names
         * nobody ("1", "N/A") is dropped, never a long list. */
        if (a->sro && *a->sro && strlen(a->sro) < 80 && !sl_is_person_label(a->sro)) {
            sl_findings_add(&plan->findings, SL_LINT_WARNING, "not-a-person", a->ref, a->source_line,
                            "SRO '%s' names nobody: not kept as a person", a->sro);
            a->sro[0] = '\0';
            dropped++;
        }
    }
    size_t kept = 0;
    for (size_t i = 0; i < plan->n_people; i++) {
        if (sl_is_person_label(plan->people[i].initials)) {
            plan->people[kept++] = plan->people[i];
            continue;
        }
        sl_findings_add(&plan->findings, SL_LINT_WARNING, "not-a-person", "", 0,
                        "'%s' names nobody: not kept as a person", plan->people[i].initials);
        free(plan->people[i].initials);
        free(plan->people[i].name);
        dropped++;
    }
    plan->n_people = kept;
    return dropped;
}
