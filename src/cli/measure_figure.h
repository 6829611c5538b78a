/* measure_figure.h — `measure set` and `measure history` (cmd_measure_figure.c),
 * run from `measure` (cmd_measure.c). */
#ifndef SL_CLI_MEASURE_FIGURE_H
#define SL_CLI_MEASURE_FIGURE_H
#include "cli/run.h"

/* `measure set CODE --period P --value V --source S [--note N] [--correct
 * --reason R [--version N]]`: enters or corrects one actual figure in one
 * transaction. Returns 0, -1 with run->err set, or an exit status. */
int sl_measure_set(sl_run *run, const char *code);
/* `measure history CODE`: the figure history, newest first. Returns 0 or -1. */
int sl_measure_history(sl_run *run, const char *code);

#endif
