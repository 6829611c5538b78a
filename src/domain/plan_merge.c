/* plan_merge.c — matching the actions of two versions of a plan. */
#include "domain/plan_merge.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/mem.h"

/* Appends text to out lower-cased, white space runs as one space, with no
 * leading or trailing spaces or full stops. */
static void normalise(const char *text, sl_buf *out)
{
    sl_buf_reset(out);
    int space = 0;
    for (const char *p = text ? text : ""; *p; p++) {
        if (isspace((unsigned char)*p)) {
            space = out->len > 0;
            continue;
        }
        if (space)
            sl_buf_putc(out, ' ');
        space = 0;
        sl_buf_putc(out, (char)tolower((unsigned char)*p));
    }
    while (out->len && (out->data[out->len - 1] == '.' || out->data[out->len - 1] == ' '))
        out->data[--out->len] = '\0';
}

/* Returns 1 when two titles are the same words (see normalise); an empty title matches nothing. */
static int same_title(const char *a, const char *b, sl_buf *na, sl_buf *nb)
{
    normalise(a, na);
    normalise(b, nb);
    return na->len > 0 && strcmp(sl_buf_str(na), sl_buf_str(nb)) == 0;
}

void sl_match_actions(const sl_action_key *old_keys, size_t n_old, const sl_action_key *new_keys, size_t n_new,
                      int *old_for_new)
{
    char *used = sl_calloc(n_old + 1);
    for (size_t i = 0; i < n_new; i++) {
        old_for_new[i] = -1;
        const char *ref = new_keys[i].ref;
        for (size_t j = 0; ref && *ref && j < n_old && old_for_new[i] < 0; j++)
            if (!used[j] && old_keys[j].ref && strcmp(old_keys[j].ref, ref) == 0) {
                old_for_new[i] = (int)j;
                used[j] = 1;
            }
    }
    sl_buf na = SL_BUF_INIT, nb = SL_BUF_INIT;
    for (size_t i = 0; i < n_new; i++)
        for (size_t j = 0; old_for_new[i] < 0 && j < n_old; j++)
            if (!used[j] && same_title(old_keys[j].title, new_keys[i].title, &na, &nb)) {
                old_for_new[i] = (int)j;
                used[j] = 1;
            }
    sl_buf_free(&na);
    sl_buf_free(&nb);
    free(used);
}
