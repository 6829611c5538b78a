/* report_kinds.c — the table of report kinds (see report_kinds.h). The
 * board pack and the chair's report join it once boards and meetings exist. */
#include "report/report_kinds.h"

#include <string.h>

const sl_report_kind sl_report_kinds[] = {
    {"highlight", "per theme: what's working well, how we know, worries, what happens next",
     sl_report_highlight},
    {"scrutiny", "the quarterly progress report: by recommendation, by theme, the quarter's changes",
     sl_report_scrutiny},
    {"recommendations", "each recommendation, its actions, their status, RAG and evidence",
     sl_report_recommendations},
    {NULL, NULL, NULL},
};

const sl_report_kind *sl_report_kind_find(const char *name)
{
    for (const sl_report_kind *k = sl_report_kinds; k->name; k++)
        if (strcmp(k->name, name) == 0)
            return k;
    return NULL;
}
