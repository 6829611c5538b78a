/* test_prng.c — the deterministic generator of util/prng.h and the synthetic
 * council of domain/synth.h: fixed outputs for fixed seeds. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "domain/synth.h"
#include "util/prng.h"

/* splitmix64 and xorshift64* give the same numbers on every platform. */
static void fixed_outputs(void)
{
    uint64_t x = 0;
    CHECK(sl_splitmix64(&x) == UINT64_C(0xe220a8397b1dcdaf), "splitmix64(0) first output");
    CHECK(sl_splitmix64(&x) == UINT64_C(0x6e789e6aa1b965f4), "splitmix64(0) second output");
    sl_prng g;
    sl_prng_seed(&g, 7, 0);
    static const uint64_t want[] = {UINT64_C(0x14eaa7d1f828843a), UINT64_C(0x421d9d8fff2d1844),
                                    UINT64_C(0x5aa548bbd8c601d5)};
    for (int i = 0; i < 3; i++)
        CHECK(sl_prng_next(&g) == want[i], "seed 7 draw %d", i);
    sl_prng_seed(&g, 42, 3);
    static const int dice[] = {4, 6, 5, 1, 6};
    for (int i = 0; i < 5; i++)
        CHECK(sl_prng_range(&g, 1, 6) == dice[i], "seed 42 stream 3 die %d", i);
}

/* Ranges stay in bounds, streams differ, and unit draws lie in [0, 1). */
static void bounds_and_streams(void)
{
    sl_prng a, b;
    sl_prng_seed(&a, 1, 1);
    sl_prng_seed(&b, 1, 2);
    CHECK(sl_prng_next(&a) != sl_prng_next(&b), "two streams of one seed differ");
    int in_range = 1, unit_ok = 1, hits = 0;
    for (int i = 0; i < 10000; i++) {
        int v = sl_prng_range(&a, -3, 3);
        in_range &= v >= -3 && v <= 3;
        double u = sl_prng_unit(&a);
        unit_ok &= u >= 0 && u < 1;
        hits += sl_prng_chance(&a, 25);
    }
    CHECK(in_range, "range draws stay in [-3, 3]");
    CHECK(unit_ok, "unit draws stay in [0, 1)");
    CHECK(hits > 2200 && hits < 2800, "25%% chance hit %d times in 10000", hits);
    CHECK(sl_prng_range(&a, 5, 5) == 5 && sl_prng_range(&a, 5, 2) == 5, "empty range gives lo");
}

/* The same spec gives the same plan and history. */
static void synth_is_deterministic(void)
{
    sl_synth_spec spec = {.authority = "Barnet", .seed = 7, .index = 1,
                          .start = sl_day_from_ymd(2021, 4, 1), .years = 1};
    sl_plan p1, p2;
    sl_synth_plan(&spec, &p1);
    sl_synth_plan(&spec, &p2);
    CHECK(p1.n_actions >= 300 && p1.n_actions <= 500, "%zu actions", p1.n_actions);
    CHECK(p1.n_actions == p2.n_actions, "same count");
    int same = 1;
    for (size_t i = 0; i < p1.n_actions && i < p2.n_actions; i++)
        same &= strcmp(p1.actions[i].title, p2.actions[i].title) == 0 &&
                strcmp(p1.actions[i].due.text, p2.actions[i].due.text) == 0;
    CHECK(same, "same actions");
    CHECK(strcmp(p1.title, "Barnet Improvement Plan") == 0, "title %s", p1.title);
    sl_synth_update *h = NULL;
    size_t cap = 0, n = sl_synth_history(&spec, &p1, 0, &h, &cap);
    CHECK(n > 0 && n <= 53, "%zu weekly updates in a year", n);
    int weekly = 1;
    for (size_t i = 1; i < n; i++)
        weekly &= h[i].day - h[i - 1].day == 7;
    CHECK(weekly, "updates a week apart");
    free(h);
    sl_plan_free(&p1);
    sl_plan_free(&p2);
}

void test_prng(void)
{
    fixed_outputs();
    bounds_and_streams();
    synth_is_deterministic();
}
