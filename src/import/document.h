/* document.h — what a file is and which reader gets it, decided in one place
 * for the command line and the web: a PDF is turned into text first, a Word
 * document (.docx), OpenDocument text (.odt) or HTML page into the same lines
 * and cells (doc_text.h), whatever the file is called; an Ofsted letter
 * (focused or monitoring visit, JTAI, area SEND) goes to the letter reader,
 * an Ofsted report to the inspection reader; the terms of reference of a
 * board to the terms-of-reference reader; a committee's agenda pack (or a
 * report with its appendices) is split into its parts (kind/pack/) and each
 * part read on its own: an Ofsted report in it is an inspection linked to
 * the plan beside it, terms of reference a board, a plan part a plan (its
 * title and themes from that part alone), the agenda and minutes nothing,
 * workforce tables skipped with one note; anything else to the plan readers (canonical CSV, workbook, plan
 * document). The content decides,
 * never the file's name alone. Everything is read and checked in memory:
 * nothing here touches the database. */
#ifndef SL_IMPORT_DOCUMENT_H
#define SL_IMPORT_DOCUMENT_H
#include <stddef.h>

#include "domain/authority.h"
#include "domain/board.h"
#include "domain/finding.h"
#include "domain/inspection.h"
#include "import/import.h"

/* A plan and an inspection report read from one agenda pack: the report
 * is the inspection the plan answers. Indexes into sl_readings' plans and reports. */
typedef struct {
    size_t plan, report;
} sl_pack_link;

/* What one or more files held, read whole and checked. */
typedef struct {
    sl_plan_set plans;
    sl_inspection_list reports;
    sl_board *boards;           /* boards read from terms of reference */
    size_t n_boards;
    sl_findings board_findings; /* lines of terms of reference that could not be read */
    sl_pack_link *links;        /* plans and reports read from the same pack */
    size_t n_links;
    size_t n_pack_reports;      /* how many of the reports came from agenda packs */
    char **notes;               /* what was read past, once per pack ("2 workforce tables skipped") */
    size_t n_notes;
} sl_readings;

/* How to read: the plan readers' options, whether the user said the file is
 * an Ofsted report, and where the authority lookup comes from (called at most
 * once, when a plan document with no --authority needs it; NULL for none). */
typedef struct {
    sl_import_options options;
    int inspection;
    const sl_authority_table *(*authorities)(void *ctx);
    void *authorities_ctx;
} sl_read_request;

/* The kind of document some bytes hold. */
typedef enum { SL_DOC_PLAN = 0, SL_DOC_INSPECTION, SL_DOC_TERMS_OF_REFERENCE } sl_document_kind;

/* Returns what len bytes of text (or a workbook) hold under the request. */
sl_document_kind sl_document_kind_of(const char *data, size_t len, const sl_read_request *req);
/* Reads len bytes that came from path (a PDF's already turned into text)
 * and appends what they hold to out. Returns 0, or -1 with err naming the
 * file and line; out keeps what earlier files gave either way. */
int sl_read_document_bytes(const char *path, const char *data, size_t len, const sl_read_request *req,
                           sl_readings *out, sl_error *err);
/* Reads the file at path (through pdftotext when it is a PDF, the Word,
 * OpenDocument or HTML reader when it is one of those, unless --format says
 * it is CSV or a workbook) and appends what it holds to out. Returns 0, or
 * -1 with err saying why the file cannot be read and what to do (a PDF cut
 * short, scanned or encrypted; an empty file; a zip of something else; an
 * old binary Office file). */
int sl_read_document(const char *path, const sl_read_request *req, sl_readings *out, sl_error *err);
/* Frees everything the readings hold and leaves them empty. */
void sl_readings_free(sl_readings *r);

#endif
