/* plan_read.h — the plan readers (canonical CSV, workbook, plan document):
 * their options, the set of plans they return and the record shape that the
 * CSV and workbook readers share. The entry that chooses among them is
 * import/import.h; the readers never include it. */
#ifndef SL_IMPORT_KIND_PLAN_PLAN_READ_H
#define SL_IMPORT_KIND_PLAN_PLAN_READ_H
#include <stddef.h>
#include <stdint.h>

#include "domain/authority.h"
#include "domain/limits.h"
#include "domain/plan.h"
#include "util/error.h"

typedef enum { SL_FORMAT_AUTO = 0, SL_FORMAT_CSV, SL_FORMAT_TEXT, SL_FORMAT_XLSX } sl_format;

typedef struct {
    const char *authority;      /* --authority, NULL when not given */
    sl_format format;
    /* When no authority is given, a plan document whose title and opening
     * lines name one of these authorities is that authority's plan; NULL to
     * leave such plans without one. Borrowed. */
    const sl_authority_table *authorities;
    sl_import_limits limits;    /* zero fields: the defaults (domain/limits.h) */
} sl_import_options;

/* A set of plans read from one file (a CSV may hold several). */
typedef struct {
    sl_plan *plans;
    size_t n_plans;
} sl_plan_set;

/* Returns 1 when the first line of the bytes (after a byte-order mark) is
 * a canonical CSV header: comma-separated, no tab, and at least two of its
 * cells name columns of SPEC.md §6 ("ref", "title", "due", …). */
int sl_csv_header_like(const char *data, size_t len);
/* Reads canonical CSV bytes (SPEC.md §6) into plans; file names the input in
 * errors and gives the default plan title. Returns 0 or -1. */
int sl_import_csv(const char *data, size_t len, const char *file, const sl_import_options *opts,
                  sl_plan_set *out, sl_error *err);
/* One record of a table in canonical-CSV shape: its cells (borrowed) and
 * the line of the file, or the row of the sheet, it starts on. */
typedef struct {
    char *const *fields;
    size_t n_fields;
    long line;
    /* Per field, the RAG a cell's fill colour shows (an sl_rag, SL_RAG_NONE
     * for none); NULL when the source has no colours (CSV). */
    const uint8_t *colours;
} sl_record;
#define SL_IMPORT_MAX_PREAMBLE 50

/* A source of records: fills rec with the next record that is not blank
 * (valid until the next call) and returns 1; returns 0 at the end, or -1
 * with err set. */
typedef int (*sl_record_source)(void *source, sl_record *rec, sl_error *err);
/* Returns 1 when a record is a plan's header row: canonical names including
 * 'ref' or 'title' (one missing is then refused, naming the row), or an
 * action column and two more named in the words plans use
 * ("No. / What? / Who? / When?", "Action / By whom / By when / RAG": the
 * vocabulary of text_table.h). When it is, and date_columns is not NULL,
 * sets date_columns[i] (n_fields bytes) to 1 for start and due columns. */
int sl_import_is_header(const sl_record *rec, uint8_t *date_columns);
/* Returns 1 for the name of a column an xlsx export adds from the plan's
 * history ("rag_on_export", "latest_update", "latest_update_date"): not
 * read back, and not part of what makes a workbook a new version. */
int sl_import_derived_column(const char *name);
/* Reads records into plans with every check of the canonical CSV; messages
 * name file and the record's line. The header row is the first record that
 * is one (sl_import_is_header), within the first SL_IMPORT_MAX_PREAMBLE;
 * the first text above it, when any, is the plan's title. A header in a
 * council's words (not the canonical names) is read leniently: refs
 * numbered when there is none, a theme carried down to the rows below it,
 * a date or status it cannot read kept as written (a finding, not a
 * refusal). A cell's fill colour gives a manual RAG ("spreadsheet colour")
 * when there is no RAG column. Returns 0 or -1. */
int sl_import_records(sl_record_source next, void *source, const char *file,
                      const sl_import_options *opts, sl_plan_set *out, sl_error *err);
/* Reads an xlsx workbook's bytes: the first worksheet, laid out as the
 * canonical CSV, read by sl_import_records (messages name file and sheet
 * row). Sets each plan's source_sha256 to a digest of the cells read, so a
 * workbook saved again with the same cells is the same plan file. Returns 0
 * or -1 with err set. */
int sl_import_xlsx(const char *data, size_t len, const char *file, const sl_import_options *opts,
                   sl_plan_set *out, sl_error *err);
/* Reads the text of a plan document as councils publish it (tables as
 * tab-separated rows, continuation rows, repeated headers, stray HTML: see
 * shared/samples/README.md) into one plan. Rows it cannot read, and doubtful
 * cells, become findings in plan->findings with their line: never dropped.
 * Impossible dates are findings too (the cell keeps SL_DATE_INVALID).
 * Returns 0, or -1 with err when the text holds no plan table at all. */
int sl_import_text(const char *data, size_t len, const char *file, const sl_import_options *opts,
                   sl_plan_set *out, sl_error *err);
/* Frees every plan in the set and the set's array. */
void sl_plan_set_free(sl_plan_set *set);

#endif
