/* xml_part.c — expat over one part of a package (see xml_part.h). */
#include "import/format/xml_part.h"
#include "util/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Returns the local part of an expat name ("uri|local" or "local"). */
static const char *local_name(const char *name)
{
    const char *bar = strrchr(name, '|');
    return bar ? bar + 1 : name;
}

const char *sl_xml_attribute(const char **atts, const char *name, int namespaced)
{
    for (size_t i = 0; atts[i]; i += 2) {
        const char *bar = strrchr(atts[i], '|');
        if ((bar != NULL) == namespaced && strcmp(bar ? bar + 1 : atts[i], name) == 0)
            return atts[i + 1];
    }
    return NULL;
}

const char *sl_xml_attr(const char **atts, const char *name)
{
    const char *v = sl_xml_attribute(atts, name, 1);
    return v ? v : sl_xml_attribute(atts, name, 0);
}

int sl_xml_fail(sl_xml_part *x, long line, const char *fmt, ...)
{
    if (x->failed)
        return -1;
    sl_buf message = SL_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    sl_buf_vcprintf(&message, fmt, ap);
    va_end(ap);
    sl_fail_at(x->err, x->file, line, "%s", sl_buf_str(&message));
    sl_buf_free(&message);
    x->failed = 1;
    XML_StopParser(x->parser, XML_FALSE);
    return -1;
}

/* expat's start-element callback: passes the local name on. */
static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    sl_xml_part *x = ud;
    if (!x->failed && x->start)
        x->start(x, local_name(name), atts);
}

/* expat's end-element callback: passes the local name on. */
static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    sl_xml_part *x = ud;
    if (!x->failed && x->end)
        x->end(x, local_name(name));
}

/* expat's character-data callback. */
static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
    sl_xml_part *x = ud;
    if (!x->failed && x->text)
        x->text(x, s, len);
}

/* expat's DOCTYPE callback: no part of a package has a DTD, and a DTD is
 * how entity bombs are built, so one is refused. */
static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal)
{
    (void)name, (void)sysid, (void)pubid, (void)has_internal;
    sl_xml_fail(ud, 0, "%s declares a DTD, which no workbook or document part has",
                ((sl_xml_part *)ud)->entry);
}

int sl_xml_parse(sl_xml_part *x, const char *xml, size_t len)
{
    x->parser = XML_ParserCreateNS(NULL, '|');
    if (!x->parser)
        return sl_fail_at(x->err, x->file, 0, "out of memory parsing %s", x->entry);
    XML_SetUserData(x->parser, x);
    XML_SetElementHandler(x->parser, on_start, on_end);
    XML_SetCharacterDataHandler(x->parser, on_text);
    XML_SetDoctypeDeclHandler(x->parser, on_doctype, NULL);
    enum XML_Status status = XML_Parse(x->parser, xml, (int)len, 1);
    if (status != XML_STATUS_OK && !x->failed)
        sl_fail_at(x->err, x->file, 0, "%s is not well-formed XML (its line %lu: %s)", x->entry,
                   (unsigned long)XML_GetCurrentLineNumber(x->parser),
                   XML_ErrorString(XML_GetErrorCode(x->parser)));
    XML_ParserFree(x->parser);
    x->parser = NULL;
    return status == XML_STATUS_OK && !x->failed ? 0 : -1;
}
