/* measure_data.c — reading measures for a page (see measure_data.h). */
#include "web/measure_data.h"

#include <stdlib.h>
#include <string.h>

int sl_web_measures_load(sl_request *req, sl_web_measures *m)
{
    sl_error err = {0};
    memset(m, 0, sizeof *m);
    m->n = sl_store_measures(req->store, &m->defs, NULL, &err);
    if (m->n >= 0)
        m->n_values = sl_store_measure_values(req->store, NULL, &m->values, &err);
    if (m->n < 0 || m->n_values < 0) {
        sl_error_page(req, 500, "Something went wrong", err.message);
        return -1;
    }
    return 0;
}

void sl_web_measures_free(sl_web_measures *m)
{
    for (int i = 0; i < m->n; i++)
        sl_measure_def_free(&m->defs[i]);
    free(m->defs);
    free(m->values);
    memset(m, 0, sizeof *m);
}
