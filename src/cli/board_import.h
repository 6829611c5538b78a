/* board_import.h — storing and reporting the boards `import` read from
 * terms of reference (import/document.h puts them in sl_readings). */
#ifndef SL_CLI_BOARD_IMPORT_H
#define SL_CLI_BOARD_IMPORT_H
#include "cli/cli.h"
#include "import/document.h"
#include "util/buf.h"

/* Creates or updates each board read, by name, inside the caller's
 * transaction. Returns 0, or -1 with err set. */
int sl_cli_save_boards(sl_store *store, const sl_cli *cli, const sl_readings *r, sl_error *err);
/* Appends to out a line per board saying what was (or would be) stored,
 * and each line of the terms of reference that could not be read. */
void sl_cli_report_boards(sl_buf *out, const sl_readings *r, int dry);

#endif
