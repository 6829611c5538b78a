/* form.c — urlencoded forms and cookies (see form.h). */
#include "web/form.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/mem.h"

/* Returns the value of a hex digit, or -1. */
static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes one urlencoded component of n bytes ('+' is a space); returns a
 * new string (caller frees) or NULL when malformed. */
static char *decode_component(const char *s, size_t n)
{
    char *out = sl_calloc(n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '+') {
            out[o++] = ' ';
        } else if (s[i] == '%') {
            int hi = i + 1 < n ? hex_value(s[i + 1]) : -1;
            int lo = i + 2 < n ? hex_value(s[i + 2]) : -1;
            if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
                free(out);
                return NULL;
            }
            out[o++] = (char)(hi * 16 + lo);
            i += 2;
        } else if (s[i] == '\0') {
            free(out);
            return NULL;
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = '\0';
    if (!sl_utf8_valid(out, o, NULL)) {
        free(out);
        return NULL;
    }
    return out;
}

int sl_form_decode(const char *body, size_t len, sl_form *form)
{
    memset(form, 0, sizeof *form);
    size_t i = 0;
    while (i < len) {
        size_t end = i;
        while (end < len && body[end] != '&')
            end++;
        if (end > i) {
            if (form->n == SL_FORM_MAX_FIELDS)
                goto bad;
            const char *eq = memchr(body + i, '=', end - i);
            size_t name_len = eq ? (size_t)(eq - (body + i)) : end - i;
            char *name = decode_component(body + i, name_len);
            char *value = eq ? decode_component(eq + 1, (size_t)(body + end - eq - 1))
                             : sl_strdup("");
            if (!name || !value) {
                free(name);
                free(value);
                goto bad;
            }
            form->names[form->n] = name;
            form->values[form->n++] = value;
        }
        i = end + 1;
    }
    return 0;
bad:
    sl_form_free(form);
    return -1;
}

const char *sl_form_get(const sl_form *form, const char *name)
{
    for (int i = 0; i < form->n; i++)
        if (strcmp(form->names[i], name) == 0)
            return form->values[i];
    return NULL;
}

void sl_form_free(sl_form *form)
{
    for (int i = 0; i < form->n; i++) {
        free(form->names[i]);
        free(form->values[i]);
    }
    form->n = 0;
}

int sl_cookie_get(const char *header, const char *name, char *out, size_t n)
{
    size_t name_len = strlen(name);
    const char *p = header;
    while (p && *p) {
        while (*p == ' ' || *p == ';')
            p++;
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > name_len && strncmp(p, name, name_len) == 0 && p[name_len] == '=') {
            size_t value_len = len - name_len - 1;
            if (value_len + 1 > n)
                return 0;
            memcpy(out, p + name_len + 1, value_len);
            out[value_len] = '\0';
            return 1;
        }
        p = end;
    }
    return 0;
}
