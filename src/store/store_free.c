/* store_free.c — freeing what the store's operations hand to callers
 * (store.h). Apart from store.c, which calls into the backends, because the
 * backends use these too. */
#include <stdlib.h>

#include "store/store.h"

void sl_savings_rows_free(sl_savings_row *rows, int n)
{
    for (int i = 0; i < n; i++) {
        free(rows[i].ref);
        free(rows[i].title);
    }
    free(rows);
}

void sl_calendar_tokens_free(sl_calendar_token *tokens, int n)
{
    for (int i = 0; i < n; i++)
        free(tokens[i].login);
    free(tokens);
}
