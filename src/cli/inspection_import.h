/* inspection_import.h — storing inspections, shared by `import` (one
 * report) and `inspections load` (a CSV of many). */
#ifndef SL_CLI_INSPECTION_IMPORT_H
#define SL_CLI_INSPECTION_IMPORT_H
#include "cli/cli.h"
#include "domain/authority.h"
#include "domain/inspection.h"

/* Reads the authorities reference table installed beside the binary. Returns 0 or -1. */
int sl_load_authorities(sl_authority_table *table, sl_error *err);
/* Stores every inspection of the list inside the caller's transaction,
 * each matched to an authority in table (by URN, else by name; an unknown
 * one fails with its file and line); one already stored (same authority and
 * start) is counted in *already and left as it is, a new one in *added.
 * ids, when not NULL, gets each inspection's stored id (list->n of them).
 * Returns 0 or -1. */
int sl_save_inspections(sl_store *store, const sl_cli *cli, const sl_authority_table *table,
                        sl_inspection_list *list, int64_t *ids, int *added, int *already, sl_error *err);
/* Stores every inspection of the list in one transaction, each matched to an
 * authority (by URN, else by name; an unknown one refuses the whole list with
 * its file and line). Inspections already stored (same authority and start)
 * are counted in *already and left as they are. Returns 0 or -1. */
int sl_store_inspections(sl_store *store, const sl_cli *cli, sl_inspection_list *list,
                         int *added, int *already, sl_error *err);

#endif
