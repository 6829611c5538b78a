/* form.h — decoding what a browser sends: application/x-www-form-urlencoded
 * bodies and query strings, and the Cookie header. Pure functions over
 * bytes; fuzzed (tests/fuzz/fuzz_form.c). */
#ifndef SL_WEB_FORM_H
#define SL_WEB_FORM_H
#include <stddef.h>

#define SL_FORM_MAX_FIELDS 64

typedef struct {
    char *names[SL_FORM_MAX_FIELDS];    /* decoded, NUL-terminated; owned by the form */
    char *values[SL_FORM_MAX_FIELDS];
    int n;
} sl_form;

/* Decodes len bytes of a urlencoded body into form (which the caller frees
 * with sl_form_free). Returns 0, or -1 for malformed input: a bad percent
 * escape, invalid UTF-8 after decoding, a NUL byte, or too many fields. */
int sl_form_decode(const char *body, size_t len, sl_form *form);
/* Returns the value of the first field with this name, or NULL; the form keeps ownership. */
const char *sl_form_get(const sl_form *form, const char *name);
/* Frees the decoded fields. */
void sl_form_free(sl_form *form);
/* Finds cookie `name` in a Cookie header and copies its value into out
 * (size n); returns 1 when found and it fits, else 0. */
int sl_cookie_get(const char *header, const char *name, char *out, size_t n);

#endif
