/* test_limits.c — the field limits (domain/limits.h), cutting text for
 * display at a UTF-8 boundary (util/buf.h, util/error.c), the request arena
 * and the sign-in back-off (web/throttle.h). */
#include <string.h>

#include "check.h"
#include "domain/limits.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/error.h"
#include "web/throttle.h"

/* Limits count characters, not bytes, and refuse with the one message. */
static void field_limits(void)
{
    sl_error err = {0};
    sl_buf text = SL_BUF_INIT;
    for (int i = 0; i < 500; i++)
        sl_buf_puts(&text, "é");
    CHECK(sl_limit_check("the plan's title", sl_buf_str(&text), SL_LIMIT_TITLE, &err) == 0,
          "500 two-byte characters fit 500: %s", err.message);
    sl_buf_puts(&text, "x");
    CHECK(sl_limit_check("the plan's title", sl_buf_str(&text), SL_LIMIT_TITLE, &err) < 0 && err.code == SL_ERR_LIMIT &&
              strcmp(err.message, "the plan's title is 501 characters; at most 500 are accepted") == 0,
          "501 refused: %s", err.message);
    sl_buf_free(&text);
    sl_error none = {0};
    CHECK(sl_limit_update(NULL, NULL, NULL, NULL, &none) == 0, "nothing given is within every limit");
    sl_import_limits lim = sl_import_limits_or_default((sl_import_limits){.max_pages = 7});
    CHECK(lim.max_pages == 7 && lim.max_bytes == SL_IMPORT_MAX_BYTES && lim.max_rows == SL_IMPORT_MAX_ROWS,
          "unset import limits take their defaults");
}

/* Text is cut for display only between characters; errors mark the cut. */
static void utf8_cuts(void)
{
    const char *s = "aé€";      /* 1 + 2 + 3 bytes */
    CHECK(sl_utf8_cut(s, 6, 6) == 6, "whole when it fits");
    CHECK(sl_utf8_cut(s, 6, 5) == 3, "not inside the euro sign");
    CHECK(sl_utf8_cut(s, 6, 2) == 1, "not inside the e-acute");
    sl_buf long_text = SL_BUF_INIT;
    for (int i = 0; i < 400; i++)
        sl_buf_puts(&long_text, "é");
    sl_error err = {0};
    sl_fail(&err, "reason: %s", sl_buf_str(&long_text));
    size_t bad;
    size_t n = strlen(err.message);
    CHECK(sl_utf8_valid(err.message, n, &bad), "a cut error message is valid UTF-8 (bad at %zu)", bad);
    CHECK(n >= 3 && strcmp(err.message + n - 3, "\xE2\x80\xA6") == 0, "a cut error message ends with an ellipsis");
    sl_buf_free(&long_text);
}

/* An arena keeps whole copies until it is freed. */
static void arena(void)
{
    sl_arena a = SL_ARENA_INIT;
    sl_buf big = SL_BUF_INIT;
    for (int i = 0; i < 10000; i++)
        sl_buf_putc(&big, 'a' + i % 26);
    const char *copy = sl_arena_strdup(&a, sl_buf_str(&big));
    const char *empty = sl_arena_strdup(&a, NULL);
    CHECK(strcmp(copy, sl_buf_str(&big)) == 0 && strlen(copy) == 10000, "a 10,000-byte copy is whole");
    CHECK(*empty == '\0', "NULL copies as empty");
    sl_buf_free(&big);
    sl_arena_free(&a);
    CHECK(a.n == 0 && a.blocks == NULL, "freed and empty");
}

/* Back-off doubles after the free failures up to its cap; a pair, an address
 * and a login are throttled apart; a known address is not held back by others. */
static void throttle(void)
{
    CHECK(sl_throttle_backoff(3, 3, 900) == 0, "free failures cost nothing");
    CHECK(sl_throttle_backoff(4, 3, 900) == 1 && sl_throttle_backoff(6, 3, 900) == 4, "then 1, 2, 4 s");
    CHECK(sl_throttle_backoff(60, 3, 900) == 900, "capped");
    sl_throttle_reset();
    const char *why = "";
    int64_t now = 1000000;
    for (int i = 0; i < 4; i++)
        sl_throttle_failed("jo", "10.0.0.1", now);
    CHECK(sl_throttle_wait("jo", "10.0.0.1", now, &why) == 1, "the failing pair waits");
    CHECK(sl_throttle_wait("jo", "10.0.0.2", now, &why) == 0, "the login from elsewhere does not");
    CHECK(sl_throttle_wait("jo", "10.0.0.1", now + SL_THROTTLE_WINDOW + 1, &why) == 0, "failures are forgotten");
    sl_throttle_succeeded("al", "10.0.0.9", now);
    for (int i = 0; i < 30; i++)
        sl_throttle_failed("al", "10.0.1.1", now);
    CHECK(sl_throttle_wait("al", "10.0.0.3", now, &why) > 0, "a login failed from anywhere slows new addresses");
    CHECK(sl_throttle_wait("al", "10.0.0.9", now, &why) == 0, "but not the address it signed in from");
    CHECK(sl_throttle_wait("al", "10.0.0.3", now, &why) <= 60, "and never for more than a minute");
    sl_throttle_reset();
}

void test_limits(void)
{
    field_limits();
    utf8_cuts();
    arena();
    throttle();
}
