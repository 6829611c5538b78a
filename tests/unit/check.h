/* check.h — the unit-test harness: CHECK counts a pass or prints a failure.
 * Each tests/unit/test_*.c file defines one `void test_NAME(void)` listed in
 * tests/unit/main.c; main prints the final "N passed, N failed" line. */
#ifndef SL_TEST_CHECK_H
#define SL_TEST_CHECK_H
#include <stdio.h>

extern int g_checks_passed;
extern int g_checks_failed;

/* CHECK(cond, fmt, ...): records one assertion; on failure prints where and why. */
#define CHECK(cond, ...)                                                   \
    do {                                                                   \
        if (cond) {                                                        \
            g_checks_passed++;                                             \
        } else {                                                           \
            g_checks_failed++;                                             \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);           \
            fprintf(stderr, __VA_ARGS__);                                  \
            fputc('\n', stderr);                                           \
        }                                                                  \
    } while (0)

#endif
