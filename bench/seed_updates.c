/* seed_updates.c — benchmark helper: adds N progress updates, spread evenly
 * over every action of the current plans, through the storage interface in
 * one transaction, a round of one update per action a day apart (STEP days
 * apart when given: 7 for weekly updates). usage: seed_updates DB N [STEP] */
#include <stdio.h>
#include <stdlib.h>

#include "store/store.h"
#include "util/mem.h"

typedef struct {
    int64_t *ids;
    size_t n;
} id_list;

/* Store callback: remembers each action id. */
static int collect(void *ctx, const sl_action_row *row)
{
    id_list *l = ctx;
    l->ids = sl_realloc(l->ids, (l->n + 1) * sizeof *l->ids);
    l->ids[l->n++] = row->id;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4) {
        fprintf(stderr, "usage: seed_updates DB N [STEP]\n");
        return 2;
    }
    long n = strtol(argv[2], NULL, 10);
    long step = argc == 4 ? strtol(argv[3], NULL, 10) : 1;
    if (n < 0 || step < 1) {
        fprintf(stderr, "seed_updates: N must be 0 or more and STEP 1 or more\n");
        return 2;
    }
    sl_error err = {0};
    sl_store *store = sl_store_open(argv[1], 0, &err);
    if (!store) {
        sl_error_print(&err, stderr);
        return 1;
    }
    id_list l = {0};
    sl_action_query q = {.as_of = 20000, .due_before = SL_NO_DAY};
    int rc = sl_store_each_action(store, &q, collect, &l, &err);
    if (rc == 0 && l.n == 0)
        rc = sl_fail(&err, "no actions to update");
    if (rc == 0)
        rc = sl_store_begin(store, &err);
    static const sl_status cycle[] = {SL_STATUS_IN_PROGRESS, SL_STATUS_ON_TRACK, SL_STATUS_AT_RISK};
    for (long i = 0; rc == 0 && i < n; i++) {
        sl_update u = {
            .action_id = l.ids[(size_t)i % l.n],
            .day = (sl_day)(17400 + i / (long)l.n * step),
            .status = cycle[i % 3],
            .note = "Weekly progress: caseloads reviewed, audit sample taken, board informed.",
        };
        rc = sl_store_add_update(store, &u, "bench", &err);
    }
    if (rc == 0)
        rc = sl_store_commit(store, &err);
    if (rc < 0)
        sl_error_print(&err, stderr);
    free(l.ids);
    sl_store_close(store);
    return rc < 0;
}
