/* zip_part.h — a ZIP package (an xlsx workbook, a Word .docx, an
 * OpenDocument .odt) opened from memory with libzip, its parts unpacked one
 * at a time into memory with a size limit (no ZIP bomb unpacks past it),
 * and what kind of package it is, told from the parts it holds, never from
 * the file's name. Include after <zip.h>. */
#ifndef SL_IMPORT_ZIP_PART_H
#define SL_IMPORT_ZIP_PART_H
#include <stddef.h>
#include <zip.h>

#include "util/error.h"

/* The most one part may unpack to. */
#define SL_ZIP_MAX_PART (64u << 20)

typedef enum {
    SL_ZIP_OTHER = 0,           /* a ZIP of something sightline does not read */
    SL_ZIP_XLSX,                /* has xl/workbook.xml */
    SL_ZIP_DOCX,                /* has word/document.xml and [Content_Types].xml */
    SL_ZIP_ODT,                 /* an OpenDocument text: content.xml, mimetype …opendocument.text */
} sl_zip_kind;

/* Loads libzip and opens the archive in data (borrowed: it must outlive
 * the archive). what names the kind of file expected in the message of a
 * damaged archive ("xlsx workbook"). Returns the archive (close with
 * zip_discard), or NULL with err naming file and what to do. */
zip_t *sl_zip_open(const char *data, size_t len, const char *file, const char *what, sl_error *err);
/* Closes an archive sl_zip_open opened (NULL is fine). */
void sl_zip_close(zip_t *zip);
/* Returns 1 when the archive holds a part of that name (any case). */
int sl_zip_has(zip_t *zip, const char *name);
/* Unpacks the part called name into *out (NUL-terminated; caller frees)
 * and its length into *len, refusing one that would pass SL_ZIP_MAX_PART.
 * Returns 1, 0 when there is no such part, or -1 with err set. */
int sl_zip_read_part(zip_t *zip, const char *name, const char *file, char **out, size_t *len,
                     sl_error *err);
/* Returns what kind of package the archive is. */
sl_zip_kind sl_zip_kind_of(zip_t *zip);
/* Returns the kind of package in data, or SL_ZIP_OTHER when it is no
 * readable archive (or libzip cannot be loaded). */
sl_zip_kind sl_zip_kind_of_bytes(const char *data, size_t len);
/* Returns a short list of the archive's first part names ("a.txt, b.png, …")
 * for messages; the caller frees it. */
char *sl_zip_part_names(zip_t *zip);

#endif
