/* measure_data.h — every measure and its values, read for a page. */
#ifndef SL_WEB_MEASURE_DATA_H
#define SL_WEB_MEASURE_DATA_H
#include "domain/measure.h"
#include "web/web.h"

typedef struct {
    sl_measure_def *defs;
    int n;
    sl_measure_value *values;   /* grouped by code */
    int n_values;
} sl_web_measures;

/* Loads every measure and value into *m (free with sl_web_measures_free);
 * writes an error page and returns -1 on failure. */
int sl_web_measures_load(sl_request *req, sl_web_measures *m);
/* Frees what sl_web_measures_load read. */
void sl_web_measures_free(sl_web_measures *m);

#endif
