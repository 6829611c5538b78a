/* risk.c — risk scores, heat-map bands, checks, trends and the savings RAG. */
#include "domain/risk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

sl_risk sl_risk_empty(void)
{
    sl_risk r = {0};
    r.trend = SL_RISK_TREND_NEW;
    r.review = SL_NO_DAY;
    return r;
}

void sl_risk_free(sl_risk *r)
{
    free(r->authority);
    free(r->ref);
    free(r->title);
    free(r->cause);
    free(r->effect);
    free(r->owner);
    free(r->mitigations);
    free(r->action_ids);
    *r = sl_risk_empty();
}

void sl_risks_free(sl_risk *risks, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sl_risk_free(&risks[i]);
    free(risks);
}

void sl_risk_history_free(sl_risk_history *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(list[i].recorded_at);
        free(list[i].author);
        free(list[i].note);
    }
    free(list);
}

int sl_risk_score(int likelihood, int impact)
{
    return likelihood * impact;
}

/* The lowest score of each band, highest band first. */
static const struct {
    int from;
    sl_risk_band band;
} band_floor[] = {{15, SL_BAND_VERY_HIGH}, {10, SL_BAND_HIGH}, {5, SL_BAND_MEDIUM}, {0, SL_BAND_LOW}};

sl_risk_band sl_risk_band_of(int score)
{
    for (size_t i = 0; i < sizeof band_floor / sizeof *band_floor; i++)
        if (score >= band_floor[i].from)
            return band_floor[i].band;
    return SL_BAND_LOW;
}

const char *sl_risk_band_name(sl_risk_band band)
{
    static const char *const names[] = {"low", "medium", "high", "very-high"};
    return (unsigned)band < 4 ? names[band] : "low";
}

int sl_risk_check(int likelihood, int impact, int target_score, char *why, size_t why_len)
{
    if (likelihood < 1 || likelihood > 5) {
        snprintf(why, why_len, "likelihood %d is not 1 to 5", likelihood);
        return -1;
    }
    if (impact < 1 || impact > 5) {
        snprintf(why, why_len, "impact %d is not 1 to 5", impact);
        return -1;
    }
    if (target_score < 0 || target_score > 25) {
        snprintf(why, why_len, "target score %d is not 1 to 25", target_score);
        return -1;
    }
    return 0;
}

static const char *const trend_names[] = {"new", "up", "down", "steady"};

const char *sl_risk_trend_name(sl_risk_trend trend)
{
    return (unsigned)trend < 4 ? trend_names[trend] : "new";
}

int sl_risk_trend_parse(const char *text, sl_risk_trend *out)
{
    for (int i = 0; i < 4; i++)
        if (strcasecmp(text, trend_names[i]) == 0) {
            *out = (sl_risk_trend)i;
            return 0;
        }
    return -1;
}

sl_risk_trend sl_risk_trend_between(int old_score, int new_score)
{
    return new_score > old_score ? SL_RISK_TREND_UP : new_score < old_score ? SL_RISK_TREND_DOWN : SL_RISK_TREND_STEADY;
}

/* The share of target reached from which each RAG applies, best first. */
static const struct {
    double from;
    sl_rag rag;
} savings_floor[] = {{1.0, SL_RAG_GREEN}, {0.9, SL_RAG_AMBER}};

sl_rag sl_savings_rag(double target, double forecast, double delivered, double *variance)
{
    double amount = delivered >= 0 ? delivered : forecast;
    *variance = amount >= 0 ? amount - target : 0;
    if (target <= 0 || amount < 0)
        return SL_RAG_GREY;
    for (size_t i = 0; i < sizeof savings_floor / sizeof *savings_floor; i++)
        if (amount >= savings_floor[i].from * target - 1e-9)
            return savings_floor[i].rag;
    return SL_RAG_RED;
}
