/* docx_styles.h — what a Word document's styles.xml and numbering.xml say
 * about its paragraphs: the heading level of each paragraph style (its
 * outline level, or a "heading N" name, through the styles it is based on),
 * the list a style numbers its paragraphs with, and the list labels
 * ("1.", "2.3", "a)", "•") that numbering gives each numbered paragraph in
 * document order: counters per list, deeper levels restarting, a start
 * value overridden by a list instance. */
#ifndef SL_IMPORT_DOCX_STYLES_H
#define SL_IMPORT_DOCX_STYLES_H
#include <stddef.h>
#include <zip.h>

#include "util/buf.h"
#include "util/error.h"

/* A paragraph style. */
typedef struct {
    char *id;                   /* w:styleId; owned */
    char *based_on;             /* w:basedOn, NULL when none; owned */
    int heading;                /* 1–9 from its own outline level or name; 0 none; -1 not given */
    int num_id;                 /* numbering it gives, -1 when none */
    int ilvl;                   /* the level of that numbering */
} sl_docx_style;

#define SL_DOCX_LEVELS 9

/* One level of a list definition. */
typedef struct {
    int start;
    int format;                 /* an internal format code: see docx_styles.c */
    char *text;                 /* w:lvlText ("%1.%2."); owned */
} sl_docx_level;

/* An abstract list definition and its counters. */
typedef struct {
    int id;
    sl_docx_level levels[SL_DOCX_LEVELS];
    int count[SL_DOCX_LEVELS];  /* the last number given at each level, 0 before the first */
} sl_docx_list;

/* A list instance (w:num): the definition it uses, and start overrides. */
typedef struct {
    int id;
    int list;                   /* abstractNumId */
    int start[SL_DOCX_LEVELS];  /* startOverride, -1 when none */
    int started;                /* the overrides have been applied */
} sl_docx_num;

typedef struct {
    sl_docx_style *styles;
    size_t n_styles;
    sl_docx_list *lists;
    size_t n_lists;
    sl_docx_num *nums;
    size_t n_nums;
} sl_docx_styles;

/* Reads word/styles.xml and word/numbering.xml from the archive (either may
 * be absent). Returns 0, or -1 with err naming file and part. */
int sl_docx_styles_read(zip_t *zip, const char *file, sl_docx_styles *s, sl_error *err);
/* Reads the two parts from XML in memory (NULL for an absent one); the same. */
int sl_docx_styles_parse(const char *styles_xml, size_t styles_len, const char *numbering_xml,
                         size_t numbering_len, const char *file, sl_docx_styles *s, sl_error *err);
/* Returns the heading level (1–9) style id gives, 0 for none. */
int sl_docx_style_heading(const sl_docx_styles *s, const char *id);
/* Fills the numbering a style gives (*num_id -1 when none). */
void sl_docx_style_numbering(const sl_docx_styles *s, const char *id, int *num_id, int *ilvl);
/* Counts the next paragraph of list instance num_id at level ilvl and
 * appends its label to out (nothing for none). */
void sl_docx_number(sl_docx_styles *s, int num_id, int ilvl, sl_buf *out);
/* Frees what the styles hold. */
void sl_docx_styles_free(sl_docx_styles *s);

#endif
