/* fuzz_form.c — libFuzzer target for what browsers send: urlencoded form
 * bodies, cookie headers and the route matcher. Any bytes must decode or be
 * refused, never crash or leak. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web/form.h"
#include "web/web.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sl_form form;
    if (sl_form_decode((const char *)data, size, &form) == 0) {
        for (int i = 0; i < form.n; i++)
            if (!form.names[i] || !form.values[i] || sl_form_get(&form, form.names[i]) == NULL)
                abort();
        sl_form_free(&form);
    }
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    char value[80];
    if (sl_cookie_get(text, "sl_session", value, sizeof value) && strlen(value) >= sizeof value)
        abort();
    int64_t ids[2];
    sl_route_find("GET", text, ids);
    sl_route_find("POST", text, ids);
    (void)sl_local_path(text);
    free(text);
    return 0;
}
