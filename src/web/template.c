/* template.c — fills in the compiled page templates (see template.h). */
#include "web/template.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

/* Orders templates by name, for bsearch. */
static int by_name(const void *key, const void *element)
{
    return strcmp(key, ((const sl_template_file *)element)->name);
}

const sl_template_file *sl_template_find(const char *name)
{
    return bsearch(name, sl_template_files, sl_template_file_count, sizeof sl_template_files[0], by_name);
}

/* Returns 1 when c may be part of a slot name. */
static int name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/* Reads the slot opening at p ("{{" seen there): sets *name, *len and *raw
 * and returns the character after the slot, or NULL when it is malformed. */
static const char *read_slot(const char *p, const char **name, size_t *len, int *raw)
{
    *raw = p[2] == '{';
    const char *start = p + 2 + *raw, *q = start;
    while (name_char(*q))
        q++;
    const char *close = *raw ? "}}}" : "}}";
    size_t close_len = strlen(close);
    if (q == start || strncmp(q, close, close_len) != 0)
        return NULL;
    *name = start;
    *len = (size_t)(q - start);
    return q + close_len;
}

int sl_template_each_slot(const sl_template_file *t,
                          int (*fn)(void *ctx, const char *slot, size_t len, int raw), void *ctx,
                          sl_error *err)
{
    for (const char *p = strstr(t->text, "{{"); p; p = strstr(p, "{{")) {
        const char *name;
        size_t len;
        int raw;
        const char *next = read_slot(p, &name, &len, &raw);
        if (!next) {
            return sl_fail(err, "template %s: a malformed slot at byte %zu (write {{name}} or {{{name}}})",
                           t->name, (size_t)(p - t->text));
        }
        if (fn(ctx, name, len, raw) < 0)
            return -1;
        p = next;
    }
    return 0;
}

/* Returns the index in slots of the slot named by len bytes at name, or -1. */
static long slot_index(const sl_template_slot *slots, size_t n, const char *name, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(slots[i].name) == len && memcmp(slots[i].name, name, len) == 0)
            return (long)i;
    return -1;
}

typedef struct {
    const sl_template_file *t;
    const sl_template_slot *slots;
    size_t n;
    unsigned char *used;    /* one flag per slot */
    sl_error *err;
} slot_check;

/* each_slot callback: fails on a slot the caller did not give; marks the ones used. */
static int check_slot(void *ctx, const char *name, size_t len, int raw)
{
    (void)raw;
    slot_check *c = ctx;
    long i = slot_index(c->slots, c->n, name, len);
    if (i < 0)
        return sl_fail(c->err, "template %s: no value for slot '%.*s'", c->t->name, (int)len, name);
    c->used[i] = 1;
    return 0;
}

/* Checks that the slots given are exactly those template t has; returns 0 or -1 with err set. */
static int check_slots(const sl_template_file *t, const sl_template_slot *slots, size_t n, sl_error *err)
{
    slot_check c = {t, slots, n, sl_calloc(n + 1), err};
    int rc = sl_template_each_slot(t, check_slot, &c, err);
    for (size_t i = 0; rc == 0 && i < n; i++)
        if (!c.used[i])
            rc = sl_fail(err, "template %s has no slot '%s'", t->name, slots[i].name);
    free(c.used);
    return rc;
}

int sl_template_render(sl_buf *out, const char *name, const sl_template_slot *slots, size_t n,
                       sl_error *err)
{
    const sl_template_file *t = sl_template_find(name);
    if (!t)
        return sl_fail(err, "no template called '%s'", name);
    if (check_slots(t, slots, n, err) < 0)
        return -1;
    sl_buf_reserve(out, t->len);
    const char *p = t->text, *end = t->text + t->len;
    for (const char *open = strstr(p, "{{"); open; open = strstr(p, "{{")) {
        const char *slot;
        size_t len;
        int raw;
        const char *next = read_slot(open, &slot, &len, &raw);
        const char *value = slots[slot_index(slots, n, slot, len)].value;
        sl_buf_add(out, p, (size_t)(open - p));
        sl_buf_printf(out, raw ? "%R" : "%h", value);
        p = next;
    }
    sl_buf_add(out, p, (size_t)(end - p));
    return 0;
}
