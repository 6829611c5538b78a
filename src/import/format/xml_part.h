/* xml_part.h — one XML part of a package (workbook, Word document,
 * OpenDocument) parsed with expat: element names handed on by their local
 * part (any namespace prefix will do), attributes found by local name, a
 * DTD refused (that is how entity bombs are built), an error naming the
 * file and part, never a crash. */
#ifndef SL_IMPORT_XML_PART_H
#define SL_IMPORT_XML_PART_H
#include <expat.h>
#include <stddef.h>

#include "util/error.h"

/* One XML part being parsed: the handlers' common state. */
typedef struct sl_xml_part {
    XML_Parser parser;
    const char *file;           /* the package, for messages */
    const char *entry;          /* the part's name in the archive */
    sl_error *err;
    int failed;                 /* a handler recorded an error and stopped the parser */
    void (*start)(struct sl_xml_part *x, const char *name, const char **atts);
    void (*end)(struct sl_xml_part *x, const char *name);
    void (*text)(struct sl_xml_part *x, const char *s, int len);
    void *state;                /* the part's own reader */
} sl_xml_part;

/* Returns the value of the attribute with this local name, namespaced (as
 * r:id and w:val are) or not, or NULL. */
const char *sl_xml_attribute(const char **atts, const char *name, int namespaced);
/* Returns the value of the attribute with this local name, with or without
 * a namespace, or NULL. */
const char *sl_xml_attr(const char **atts, const char *name);
/* Records an error (at line, 0 for none) and stops the parser; returns -1. */
__attribute__((format(printf, 3, 4))) int sl_xml_fail(sl_xml_part *x, long line, const char *fmt, ...);
/* Parses len bytes of XML through x's handlers; returns 0, or -1 with
 * x->err set. */
int sl_xml_parse(sl_xml_part *x, const char *xml, size_t len);

#endif
