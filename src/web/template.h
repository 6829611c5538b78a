/* template.h — page markup kept as HTML files (web/templates/NAME.html),
 * compiled into the program at build time (scripts/embed_templates.py writes
 * build/gen/templates.c) and filled in by name with named slots:
 *   {{name}}    the slot's value escaped as HTML text / quoted attribute value
 *   {{{name}}}  the slot's value as is: markup our own code already built
 * web/templates/README.md describes the files and their syntax. */
#ifndef SL_WEB_TEMPLATE_H
#define SL_WEB_TEMPLATE_H
#include <stddef.h>

#include "util/buf.h"
#include "util/error.h"

/* One template as compiled into the program. */
typedef struct {
    const char *name;       /* the file name without ".html" */
    size_t len;
    const char *text;
} sl_template_file;

/* Every template, sorted by name (build/gen/templates.c). */
extern const sl_template_file sl_template_files[];
extern const size_t sl_template_file_count;

/* One slot's value; NULL fills it with nothing. */
typedef struct {
    const char *name;
    const char *value;
} sl_template_slot;

/* Returns the template called name, or NULL (the program keeps ownership). */
const sl_template_file *sl_template_find(const char *name);

/* Appends template name to out with its slots filled from slots[0..n).
 * Returns 0; or -1 with err set, appending nothing, when there is no such
 * template, a slot is malformed, the template has a slot that slots lack,
 * or slots hold one the template does not have (so a misspelt name fails). */
int sl_template_render(sl_buf *out, const char *name, const sl_template_slot *slots, size_t n,
                       sl_error *err);

/* Calls fn for each slot of template t in order (raw: 1 for {{{name}}}), the
 * name given as len bytes at slot. Returns 0, or -1 with err set at the first
 * malformed slot. */
int sl_template_each_slot(const sl_template_file *t,
                          int (*fn)(void *ctx, const char *slot, size_t len, int raw), void *ctx,
                          sl_error *err);

#endif
