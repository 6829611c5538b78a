/* prng.h — a small deterministic pseudo-random generator for synthetic data:
 * splitmix64 turns a seed into state, xorshift64* draws from it. The same
 * seed gives the same sequence on every platform (no rand(), no globals). */
#ifndef SL_UTIL_PRNG_H
#define SL_UTIL_PRNG_H
#include <stdint.h>

typedef struct {
    uint64_t state;             /* never 0 */
} sl_prng;

/* Returns the splitmix64 step of *x (advancing it): used to derive seeds. */
uint64_t sl_splitmix64(uint64_t *x);
/* Seeds g from seed and a stream number (so one seed gives independent
 * streams, one per council). */
void sl_prng_seed(sl_prng *g, uint64_t seed, uint64_t stream);
/* Returns the next 64 random bits (xorshift64*). */
uint64_t sl_prng_next(sl_prng *g);
/* Returns a number in [lo, hi] (inclusive; lo when hi < lo), without modulo bias worth noting. */
int sl_prng_range(sl_prng *g, int lo, int hi);
/* Returns 1 with probability percent/100. */
int sl_prng_chance(sl_prng *g, int percent);
/* Returns a double in [0, 1). */
double sl_prng_unit(sl_prng *g);

#endif
