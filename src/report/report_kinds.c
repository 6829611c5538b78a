/* report_kinds.c — the table of report kinds (see report_kinds.h). The
 * board pack (board_pack.c) and the chair's report (chair_report.c) read a
 * board's meetings. */
#include "report/report_kinds.h"

#include <string.h>

const sl_report_kind sl_report_kinds[] = {
    {"highlight", "per theme: what's working well, how we know, worries, what happens next",
     sl_report_highlight},
    {"scrutiny", "the quarterly progress report: by recommendation, by theme, the quarter's changes",
     sl_report_scrutiny},
    {"recommendations", "each recommendation, its actions, their status, RAG and evidence",
     sl_report_recommendations},
    {"board", "the board pack for a meeting: agenda, highlight, exceptions, measures, risks, "
              "savings, actions arising, minutes", sl_report_board},
    {"chair", "the chair's written report after every Nth meeting: attendance, decisions, "
              "progress", sl_report_chair},
    {NULL, NULL, NULL},
};

const sl_report_kind *sl_report_kind_find(const char *name)
{
    for (const sl_report_kind *k = sl_report_kinds; k->name; k++)
        if (strcmp(k->name, name) == 0)
            return k;
    return NULL;
}
