/* prng.c — splitmix64 seeding and xorshift64* drawing (see prng.h). */
#include "util/prng.h"

/* The splitmix64 step (Steele, Lea, Flood 2014): advances *x, returns its mix. */
uint64_t sl_splitmix64(uint64_t *x)
{
    uint64_t z = (*x += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Seeds g from seed and stream through splitmix64; the state is never 0. */
void sl_prng_seed(sl_prng *g, uint64_t seed, uint64_t stream)
{
    uint64_t x = seed ^ (stream * UINT64_C(0xD1B54A32D192ED03));
    g->state = sl_splitmix64(&x);
    if (g->state == 0)
        g->state = UINT64_C(0x2545F4914F6CDD1D);
}

/* xorshift64* (Vigna): three shifts, then a multiply for the output. */
uint64_t sl_prng_next(sl_prng *g)
{
    uint64_t x = g->state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    g->state = x;
    return x * UINT64_C(0x2545F4914F6CDD1D);
}

/* A number in [lo, hi] from the high bits (the better ones of xorshift64*). */
int sl_prng_range(sl_prng *g, int lo, int hi)
{
    if (hi <= lo)
        return lo;
    uint64_t span = (uint64_t)((int64_t)hi - (int64_t)lo) + 1;
    return (int)((int64_t)lo + (int64_t)((sl_prng_next(g) >> 11) % span));
}

/* 1 with probability percent/100. */
int sl_prng_chance(sl_prng *g, int percent)
{
    return sl_prng_range(g, 0, 99) < percent;
}

/* A double in [0, 1) from 53 random bits. */
double sl_prng_unit(sl_prng *g)
{
    return (double)(sl_prng_next(g) >> 11) * (1.0 / 9007199254740992.0);
}
