/* synth.c — the synthetic council of synth.h: word tables and a seeded
 * generator, nothing else. */
#include "domain/synth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/mem.h"
#include "util/prng.h"

static const char *const theme_titles[] = {
    "Leadership, management and governance", "Front door and early help",
    "Assessment and planning",               "Children in need and child protection",
    "Children in care",                      "Care leavers",
    "Workforce stability and caseloads",     "Quality assurance and audit",
    "Partnership working",                   "Voice of the child",
    "Performance and data",                  "Sufficiency and placements",
};
#define N_THEMES (sizeof theme_titles / sizeof theme_titles[0])

static const char *const verbs[] = {
    "Embed", "Review", "Implement", "Strengthen", "Develop", "Audit",
    "Launch", "Refresh", "Train staff in", "Report quarterly on", "Recruit to", "Evaluate",
};
static const char *const objects[] = {
    "the supervision policy",         "the MASH threshold document",  "the quality assurance framework",
    "the case audit programme",       "the recruitment and retention strategy", "the pre-proceedings process",
    "the sufficiency strategy",       "the care leavers' local offer", "the performance scorecard",
    "the practice model",             "the return home interview process", "the strategy meeting guidance",
    "the child protection conference model", "the pathway planning template", "the management oversight standard",
    "the participation strategy",
};
static const char *const recommendation_texts[] = {
    "Ensure that managers provide regular, reflective supervision that challenges drift.",
    "Improve the timeliness and quality of assessments.",
    "Strengthen the response to children at risk of exploitation.",
    "Ensure that plans for children are specific, measurable and timely.",
    "Improve the stability of the social work workforce and reduce caseloads.",
    "Ensure that care leavers receive the support they are entitled to.",
    "Strengthen management oversight at the front door.",
    "Improve the quality and impact of performance information.",
    "Ensure that children's views inform their plans.",
    "Improve the sufficiency of local placements.",
};
#define N_RECS (sizeof recommendation_texts / sizeof recommendation_texts[0])

static const char *const first_names[] = {
    "Alex", "Bernie", "Chris", "Dana", "Eddie", "Frances", "Gita", "Hamid",
    "Imogen", "Jo", "Kiran", "Lesley", "Morgan", "Nadia", "Owen", "Priya",
};
#define N_PEOPLE (sizeof first_names / sizeof first_names[0])
static const char *const last_names[] = {
    "Adams", "Bennett", "Clarke", "Dhillon", "Evans", "Fraser", "Greene", "Hughes",
    "Iqbal", "Jones", "Khan", "Lewis", "Morris", "Nolan", "Okafor", "Patel",
};

static const char *const notes[] = {
    "Weekly progress: caseloads reviewed, audit sample taken, board informed.",
    "Draft circulated to managers for comment.",
    "Task and finish group met; actions agreed.",
    "Training delivered to two teams; evaluation pending.",
    "Data reviewed at performance clinic.",
    "Awaiting partner sign-off.",
    "Staff briefings completed across all teams.",
    "Dip sample shows improvement; further audit planned.",
};
#define N_NOTES (sizeof notes / sizeof notes[0])

/* The last day of the history (synth.h). */
sl_day sl_synth_end(const sl_synth_spec *spec)
{
    return spec->start + (sl_day)(spec->years * 365) - 1;
}

/* Seeds g for the council's plan, or (action >= 0) for one action's history. */
static void seed_for(sl_prng *g, const sl_synth_spec *spec, long action)
{
    uint64_t x = spec->seed;
    uint64_t council = sl_splitmix64(&x) ^ (uint64_t)spec->index * UINT64_C(0x9E3779B97F4A7C15);
    sl_prng_seed(g, council, (uint64_t)(action + 1));
}

/* Fills a written date with a day in dd/mm/yyyy, parsed as an import would. */
static void written_day(sl_written_date *w, sl_day day)
{
    int y, m, d;
    sl_day_to_ymd(day, &y, &m, &d);
    sl_buf b = {0};
    sl_buf_cprintf(&b, "%02d/%02d/%04d", d, m, y);
    w->text = sl_buf_take(&b);
    w->parse = sl_date_parse(w->text, strlen(w->text), y, &w->value, NULL, 0);
}

/* Adds the plan's people: N_PEOPLE leads with distinct initials. */
static void add_people(sl_plan *p, sl_prng *g)
{
    p->people = sl_calloc(N_PEOPLE * sizeof *p->people);
    int shift = sl_prng_range(g, 0, (int)N_PEOPLE - 1);
    for (size_t i = 0; i < N_PEOPLE; i++) {
        const char *last = last_names[(i + (size_t)shift) % N_PEOPLE];
        sl_buf b = {0};
        sl_buf_cprintf(&b, "%c%c", first_names[i][0], last[0]);
        p->people[i].initials = sl_buf_take(&b);
        sl_buf_cprintf(&b, "%s %s", first_names[i], last);
        p->people[i].name = sl_buf_take(&b);
    }
    p->n_people = N_PEOPLE;
}

/* Adds n_themes themes (areas) and n_recs recommendations. */
static void add_themes(sl_plan *p, sl_prng *g, int n_themes, int n_recs)
{
    int offset = sl_prng_range(g, 0, (int)N_THEMES - 1);
    for (int t = 0; t < n_themes; t++) {
        char ref[16];
        snprintf(ref, sizeof ref, "%d", t + 1);
        sl_plan_add_theme(p, ref, theme_titles[(size_t)(t + offset) % N_THEMES]);
    }
    for (int r = 0; r < n_recs; r++)
        sl_plan_recommendation(p, r + 1, recommendation_texts[(size_t)(r + offset) % N_RECS]);
}

/* Fills the words of action k (ref "t.j") of theme t. */
static void action_words(sl_action *a, sl_prng *g, int t, int j)
{
    sl_buf b = {0};
    sl_buf_cprintf(&b, "%d.%d", t + 1, j + 1);
    a->ref = sl_buf_take(&b);
    const char *verb = verbs[sl_prng_range(g, 0, (int)(sizeof verbs / sizeof *verbs) - 1)];
    const char *object = objects[sl_prng_range(g, 0, (int)(sizeof objects / sizeof *objects) - 1)];
    sl_buf_cprintf(&b, "%s %s", verb, object);
    a->title = sl_buf_take(&b);
    sl_buf_cprintf(&b, "%s %s so that practice improves and the board can see the impact.", verb,
                   object);
    a->description = sl_buf_take(&b);
    a->theme = t;
}

/* Fills the rest of an action: dates, people, recommendation, status. */
static void action_fields(sl_plan *p, sl_action *a, sl_prng *g, const sl_synth_spec *spec)
{
    sl_day span = sl_synth_end(spec) - spec->start + 1;
    sl_day start = spec->start + (sl_day)sl_prng_range(g, 0, (int)(span / 2));
    sl_day due = start + (sl_day)sl_prng_range(g, 60, 540);
    written_day(&a->start, start);
    written_day(&a->due, due);
    a->sro = sl_strdup(p->people[sl_prng_range(g, 0, 3)].initials);
    a->n_leads = (size_t)sl_prng_range(g, 1, 2);
    a->leads = sl_calloc(a->n_leads * sizeof *a->leads);
    for (size_t l = 0; l < a->n_leads; l++)
        a->leads[l] = sl_strdup(p->people[sl_prng_range(g, 4, (int)N_PEOPLE - 1)].initials);
    a->resources = sl_strdup("");
    a->measure = sl_strdup("");
    a->impact = sl_strdup("");
    a->delivered_through = sl_strdup("");
    a->progress = sl_strdup("");
    a->status = SL_STATUS_NOT_STARTED;
    a->status_text = sl_strdup("Not started");
    a->n_recommendations = 1;
    a->recommendations = sl_calloc(sizeof *a->recommendations);
    a->recommendations[0] = sl_prng_range(g, 1, (int)p->n_recommendations);
}

/* Builds the council's plan: people, themes, recommendations, then actions
 * spread evenly over the themes (synth.h; caller frees with sl_plan_free). */
void sl_synth_plan(const sl_synth_spec *spec, sl_plan *out)
{
    memset(out, 0, sizeof *out);
    sl_prng g;
    seed_for(&g, spec, -1);
    sl_buf b = {0};
    sl_buf_cprintf(&b, "%s Improvement Plan", spec->authority);
    out->title = sl_buf_take(&b);
    out->authority = sl_strdup(spec->authority);
    out->kind = sl_strdup("improvement plan");
    out->version_label = sl_strdup("");
    out->source_file = sl_strdup("generated");
    out->rules = sl_rag_rules_default();
    int n_themes = sl_prng_range(&g, 6, 9);
    int n_actions = sl_prng_range(&g, 300, 500);
    add_people(out, &g);
    add_themes(out, &g, n_themes, sl_prng_range(&g, 6, (int)N_RECS));
    for (int k = 0; k < n_actions; k++) {
        int t = k * n_themes / n_actions;
        int first = (t * n_actions + n_themes - 1) / n_themes; /* first k of theme t */
        sl_action *a = sl_plan_add_action(out);
        action_words(a, &g, t, k - first);
        action_fields(out, a, &g, spec);
        a->source_line = k + 1;
    }
    out->context_year = sl_plan_context_year(out);
}

/* How one action's story goes: when it slips, finishes or falls silent. */
typedef struct {
    sl_day start, due, done;    /* done: the day it completes, SL_NO_DAY when never */
    sl_day silent;              /* no updates from this day on (SL_NO_DAY: updated to the end) */
    int slips;
} fate;

/* Draws an action's fate. */
static fate draw_fate(sl_prng *g, const sl_action *a, sl_day end)
{
    fate f = {.start = a->start.value.earliest, .due = a->due.value.latest, .silent = SL_NO_DAY};
    f.slips = sl_prng_chance(g, 35);
    f.done = f.due - (sl_day)sl_prng_range(g, 0, 30);
    if (f.slips)
        f.done = sl_prng_chance(g, 30) ? SL_NO_DAY : f.due + (sl_day)sl_prng_range(g, 7, 180);
    if (sl_prng_chance(g, 8))
        f.silent = f.start + (sl_day)sl_prng_range(g, 0, (int)(end - f.start));
    return f;
}

/* The status an action's fate gives on a day. */
static sl_status status_on(const fate *f, sl_day day)
{
    if (day < f->start)
        return SL_STATUS_PLANNED;
    if (f->done != SL_NO_DAY && day >= f->done)
        return SL_STATUS_COMPLETE;
    if (day > f->due)
        return SL_STATUS_OFF_TRACK;
    if (f->slips && day > f->due - 42)
        return SL_STATUS_AT_RISK;
    return day > f->start + 28 ? SL_STATUS_ON_TRACK : SL_STATUS_IN_PROGRESS;
}

/* Writes action i's weekly updates from the plan's start (offset by i % 5
 * days) to the end or until it falls silent (synth.h; caller frees *buf). */
size_t sl_synth_history(const sl_synth_spec *spec, const sl_plan *plan, size_t i,
                        sl_synth_update **buf, size_t *cap)
{
    sl_prng g;
    seed_for(&g, spec, (long)i);
    sl_day end = sl_synth_end(spec);
    fate f = draw_fate(&g, &plan->actions[i], end);
    size_t n = 0;
    for (sl_day day = spec->start + (sl_day)(i % 5); day <= end; day += 7) {
        if (f.silent != SL_NO_DAY && day >= f.silent)
            break;
        if (n == *cap) {
            *cap = *cap ? *cap * 2 : 64;
            *buf = sl_realloc(*buf, *cap * sizeof **buf);
        }
        sl_synth_update *u = &(*buf)[n++];
        u->day = day;
        u->status = status_on(&f, day);
        u->rag = SL_RAG_NONE;
        u->rag_reason = "";
        u->note = notes[sl_prng_range(&g, 0, (int)N_NOTES - 1)];
        if (u->status == SL_STATUS_AT_RISK && sl_prng_chance(&g, 10)) {
            u->rag = SL_RAG_RED;
            u->rag_reason = "Escalated by the lead: dependency on a partner";
        }
    }
    return n;
}

/* What a generated measure measures: its name, unit and which way is better. */
typedef struct {
    const char *name;
    sl_unit unit;
    sl_polarity polarity;
    double baseline, target;    /* England-like figures */
} measure_kind;

static const measure_kind measure_kinds[] = {
    {"assessments completed within 45 working days", SL_UNIT_PERCENT, SL_POLARITY_HIGHER, 78, 88},
    {"re-referrals within 12 months", SL_UNIT_PERCENT, SL_POLARITY_LOWER, 24, 20},
    {"child protection plans reviewed on time", SL_UNIT_PERCENT, SL_POLARITY_HIGHER, 85, 95},
    {"children seen within timescale", SL_UNIT_PERCENT, SL_POLARITY_HIGHER, 80, 92},
    {"agency social workers", SL_UNIT_PERCENT, SL_POLARITY_LOWER, 22, 15},
    {"average caseload", SL_UNIT_COUNT, SL_POLARITY_LOWER, 21, 17},
    {"care leavers in education, employment or training", SL_UNIT_PERCENT, SL_POLARITY_HIGHER, 52, 60},
    {"days from entering care to placement", SL_UNIT_DAYS, SL_POLARITY_LOWER, 480, 420},
};
#define N_MEASURE_KINDS (sizeof measure_kinds / sizeof measure_kinds[0])

/* Appends one value of a series for a month. */
static void add_value(sl_measure_value **v, size_t *n, size_t *cap, const char *code,
                      const char *series, sl_period period, double value)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 256;
        *v = sl_realloc(*v, *cap * sizeof **v);
    }
    sl_measure_value *x = &(*v)[(*n)++];
    memset(x, 0, sizeof *x);
    snprintf(x->code, sizeof x->code, "%s", code);
    snprintf(x->series, sizeof x->series, "%s", series);
    x->period = period;
    x->value = (double)(long)(value * 10 + (value < 0 ? -0.5 : 0.5)) / 10;
}

/* Fills measure k's definition, drawing its kind and baseline. */
static const measure_kind *measure_def(const sl_synth_spec *spec, const char *code, int k,
                                       sl_prng *g, sl_measure_def *def)
{
    const measure_kind *mk = &measure_kinds[sl_prng_range(g, 0, (int)N_MEASURE_KINDS - 1)];
    sl_measure_def_init(def);
    snprintf(def->code, sizeof def->code, "%s_M%02d", code, k + 1);
    sl_buf b = {0};
    sl_buf_cprintf(&b, "%s (%d)", mk->name, k + 1);
    def->name = sl_buf_take(&b);
    def->unit = mk->unit;
    def->polarity = mk->polarity;
    def->frequency = SL_FREQ_MONTHLY;
    double drift = 1 + (sl_prng_unit(g) - 0.5) / 5;
    def->baseline = (sl_measure_point){1, mk->baseline * drift, spec->start};
    def->target = (sl_measure_point){1, mk->target, sl_synth_end(spec)};
    def->tolerance = (mk->baseline > mk->target ? mk->baseline - mk->target
                                                : mk->target - mk->baseline) / 10;
    def->owner = sl_strdup("Director of Children's Services");
    def->source = sl_strdup("generated");
    return mk;
}

/* Fills the council's measures and returns their monthly values with
 * comparators (synth.h; caller frees the defs' strings and the values). */
sl_measure_value *sl_synth_measures(const sl_synth_spec *spec, const char *code,
                                    sl_measure_def defs[SL_SYNTH_MEASURES], size_t *n_values)
{
    sl_prng g;
    seed_for(&g, spec, 1000000);
    sl_measure_value *v = NULL;
    size_t n = 0, cap = 0;
    sl_day end = sl_synth_end(spec);
    for (int k = 0; k < SL_SYNTH_MEASURES; k++) {
        const measure_kind *mk = measure_def(spec, code, k, &g, &defs[k]);
        double base = defs[k].baseline.value;
        double lag = sl_prng_chance(&g, 25) ? 0.3 + sl_prng_unit(&g) * 0.5 : 0;
        double good = mk->target >= base ? 1 : -1;
        for (sl_day d = spec->start; d <= end;) {
            sl_period p = sl_period_containing(d, SL_FREQ_MONTHLY);
            double t = (double)(p.last - spec->start) / (double)(end - spec->start + 1);
            double expected = base + (mk->target - base) * t;
            double noise = good * sl_prng_unit(&g) * defs[k].tolerance * 0.8;
            add_value(&v, &n, &cap, defs[k].code, "actual", p,
                      expected - (expected - base) * lag + noise);
            add_value(&v, &n, &cap, defs[k].code, "england", p, mk->baseline + (mk->target - mk->baseline) * t / 3);
            add_value(&v, &n, &cap, defs[k].code, "statistical-neighbours", p,
                      mk->baseline * (1 + (sl_prng_unit(&g) - 0.5) / 20));
            d = p.last + 1;
        }
    }
    *n_values = n;
    return v;
}

/* Fills the inspection the plan answers (synth.h; caller frees). */
void sl_synth_inspection(const sl_synth_spec *spec, sl_inspection *out)
{
    sl_prng g;
    seed_for(&g, spec, 1000001);
    sl_inspection_init(out);
    out->authority = sl_strdup(spec->authority);
    out->start = spec->start - (sl_day)sl_prng_range(&g, 120, 200);
    out->end = out->start + 11;
    out->published = out->end + 40;
    out->framework = sl_strdup(SL_FRAMEWORK_ILACS_STANDARD);
    out->source_file = sl_strdup("generated");
    out->judgements[SL_JUDGEMENT_OVERALL] =
        sl_prng_chance(&g, 50) ? SL_GRADE_INADEQUATE : SL_GRADE_REQUIRES_IMPROVEMENT;
    for (int k = 0; k < 3; k++)
        sl_inspection_add_item(out, sl_strdup(recommendation_texts[sl_prng_range(&g, 0, (int)N_RECS - 1)]),
                               NULL, 0);
}

/* Fills the council's improvement board (synth.h; caller frees with sl_board_free). */
void sl_synth_board(const sl_synth_spec *spec, sl_board *out)
{
    static const char *const roles[] = {"Independent Chair", "Director of Children's Services",
                                        "Lead Member for Children", "Police"};
    memset(out, 0, sizeof *out);
    sl_buf b = {0};
    sl_buf_cprintf(&b, "%s Improvement Board", spec->authority);
    out->name = sl_buf_take(&b);
    out->kind = SL_BOARD_IMPROVEMENT;
    out->tor_text = sl_strdup("");
    out->tor_adopted = spec->start;
    out->rules = (sl_board_rules){.meets = {1, SL_EVERY_MONTH, 2, 1}, .papers_days = 5,
                                  .substitute_notice_days = 2, .minutes_days = 5,
                                  .chair_report_every = 3, .review_months = 12};
    out->n_members = sizeof roles / sizeof *roles;
    out->members = sl_calloc(out->n_members * sizeof *out->members);
    for (size_t i = 0; i < out->n_members; i++) {
        out->members[i].role = sl_strdup(roles[i]);
        out->members[i].organisation = sl_strdup(i == 3 ? "Police" : spec->authority);
        out->members[i].chair = i == 0;
    }
}

/* The first Tuesday of the m-th month from the plan's start. */
sl_day sl_synth_meeting_day(const sl_synth_spec *spec, int m)
{
    int y, mo, d;
    sl_day_to_ymd(spec->start, &y, &mo, &d);
    int month = mo - 1 + m;
    sl_day first = sl_day_from_ymd(y + month / 12, month % 12 + 1, 1);
    return first + (sl_day)((2 - sl_day_weekday(first) + 7) % 7); /* the first Tuesday */
}

/* Fills the council's risks (synth.h; caller frees each with sl_risk_free). */
int sl_synth_risks(const sl_synth_spec *spec, const int64_t *action_ids, size_t n_actions,
                   sl_risk risks[5])
{
    static const char *const titles[] = {
        "Social worker turnover", "Rising demand at the front door", "Placement sufficiency",
        "Partner engagement", "Budget pressure", "Data quality",
    };
    sl_prng g;
    seed_for(&g, spec, 1000002);
    int n = sl_prng_range(&g, 3, 5);
    for (int k = 0; k < n; k++) {
        sl_risk *r = &risks[k];
        *r = sl_risk_empty();
        r->title = sl_strdup(titles[sl_prng_range(&g, 0, 5)]);
        r->cause = sl_strdup("");
        r->effect = sl_strdup("");
        r->owner = sl_strdup("DCS");
        r->mitigations = sl_strdup("");
        r->likelihood = sl_prng_range(&g, 1, 5);
        r->impact = sl_prng_range(&g, 2, 5);
        r->review = spec->start + 90;
        if (n_actions) {
            r->n_actions = 1;
            r->action_ids = sl_calloc(sizeof *r->action_ids);
            r->action_ids[0] = action_ids[sl_prng_range(&g, 0, (int)n_actions - 1)];
        }
    }
    return n;
}
