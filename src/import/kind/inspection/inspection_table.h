/* inspection_table.h — the judgement table of an Ofsted inspection report,
 * in every shape the reports have used: the ILACS "Judgement  Grade" table
 * (labels and grades wrapped over several lines), and the SIF table of
 * numbered rows ("1. Children who need help and protection") whose grade may
 * sit above, beside or below its label ("Requires" / "improvement to be" /
 * "good"), with the overall judgement written as a sentence above it. Not
 * for use outside the Ofsted readers of src/import/. */
#ifndef SL_IMPORT_INSPECTION_TABLE_H
#define SL_IMPORT_INSPECTION_TABLE_H
#include <stddef.h>

#include "domain/inspection.h"
#include "import/kind/inspection/ofsted_text.h"
#include "util/error.h"

/* Reads the judgement table after the title line (index title_line) and
 * before line until into out->judgements; sif says the report is a SIF one
 * (its overall judgement may be a sentence). Returns 0, or -1 with err
 * naming file and line when no row grades anything or a judgement is graded
 * twice. Allocates nothing that outlives the call. */
int ot_read_judgements(const ot_doc *doc, size_t title_line, size_t until, int sif, const char *file,
                       sl_inspection *out, sl_error *err);

#endif
