/* text_savings.h — savings projects in a plan document: the project line
 * ("1\tReduce Early Help Project Manager: Iain Low\tMTFS Ref: CFE SAV 02"),
 * its project manager and its savings per financial year in £000s, written
 * "2021/22 295" or run together by PDF conversion
 * ("2021/222022/232023/241,0651,450385"). */
#ifndef SL_IMPORT_TEXT_SAVINGS_H
#define SL_IMPORT_TEXT_SAVINGS_H
#include "domain/plan.h"
#include "import/kind/plan/text_table.h"

/* Returns 1 when the row opens a savings project (it carries an MTFS ref). */
int sl_text_savings_line(const sl_text_row *row);
/* Adds the savings project a line opens as a SL_THEME_SAVINGS theme under
 * parent (-1 for none); returns its index. */
int sl_text_savings_add(sl_plan *plan, const sl_text_row *row, int parent);
/* Reads what a row inside a project's block adds to its theme: the project
 * manager, savings figures. Figures it cannot split are reported as a
 * finding at line, figures it split by rule as a doubtful finding. */
void sl_text_savings_detail(sl_plan *plan, int theme, const sl_text_row *row, long line);

#endif
