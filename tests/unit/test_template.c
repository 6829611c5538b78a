/* test_template.c — the compiled page templates: every template renders
 * with all its slots, and a missing, unknown or malformed slot is an error. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "web/template.h"

/* Slots gathered from a template, each once, in order of first use. */
typedef struct {
    sl_template_slot slots[32];
    char names[32][40];
    size_t n;
} gathered;

/* each_slot callback: keeps a slot's name the first time it is seen. */
static int gather(void *ctx, const char *name, size_t len, int raw)
{
    (void)raw;
    gathered *g = ctx;
    for (size_t i = 0; i < g->n; i++)
        if (strlen(g->names[i]) == len && memcmp(g->names[i], name, len) == 0)
            return 0;
    if (g->n == 32 || len >= sizeof g->names[0])
        return -1;
    memcpy(g->names[g->n], name, len);
    g->names[g->n][len] = '\0';
    g->slots[g->n] = (sl_template_slot){g->names[g->n], "<x&\"'>"};
    g->n++;
    return 0;
}

/* Renders template t with all its slots, then with one left out and one too many. */
static void render_all_slots(const sl_template_file *t)
{
    gathered g = {.n = 0};
    sl_error err = {0};
    CHECK(sl_template_each_slot(t, gather, &g, &err) == 0, "template %s: %s", t->name, err.message);
    sl_buf out = SL_BUF_INIT;
    int rc = sl_template_render(&out, t->name, g.slots, g.n, &err);
    CHECK(rc == 0, "template %s renders with all its slots: %s", t->name, err.message);
    CHECK(!strstr(sl_buf_str(&out), "{{") && !strstr(sl_buf_str(&out), "}}"),
          "template %s: every slot is filled", t->name);
    CHECK(!strstr(t->text, "\\\n"), "template %s: line continuations are joined at build time", t->name);
    if (g.n > 0) {
        err = (sl_error){0};
        sl_buf_reset(&out);
        CHECK(sl_template_render(&out, t->name, g.slots + 1, g.n - 1, &err) < 0 && out.len == 0 &&
                  strstr(err.message, "no value for slot"),
              "template %s: a missing slot is an error (%s)", t->name, err.message);
    }
    g.slots[g.n] = (sl_template_slot){"no_such_slot", "x"};
    err = (sl_error){0};
    sl_buf_reset(&out);
    CHECK(sl_template_render(&out, t->name, g.slots, g.n + 1, &err) < 0 && out.len == 0 &&
              strstr(err.message, "no slot 'no_such_slot'"),
          "template %s: an unknown slot is an error (%s)", t->name, err.message);
    sl_buf_free(&out);
}

/* Ignores a slot (for the malformed-slot cases). */
static int ignore(void *ctx, const char *name, size_t len, int raw)
{
    (void)ctx, (void)name, (void)len, (void)raw;
    return 0;
}

void test_template(void)
{
    CHECK(sl_template_file_count >= 8, "the templates are compiled in: %zu", sl_template_file_count);
    for (size_t i = 0; i < sl_template_file_count; i++) {
        render_all_slots(&sl_template_files[i]);
        CHECK(sl_template_find(sl_template_files[i].name) == &sl_template_files[i], "find %s",
              sl_template_files[i].name);
        CHECK(strlen(sl_template_files[i].text) == sl_template_files[i].len, "length of %s",
              sl_template_files[i].name);
    }
    sl_error err = {0};
    sl_buf out = SL_BUF_INIT;
    CHECK(sl_template_render(&out, "no_such_template", NULL, 0, &err) < 0 && strstr(err.message, "no template"),
          "an unknown template is an error");

    /* {{name}} is escaped; {{{name}}} is not. */
    sl_template_slot message[] = {{"message", "<b>Tom & \"Jerry's\"</b>"}};
    CHECK(sl_template_render(&out, "sign_in_error", message, 1, &err) == 0 &&
              strstr(sl_buf_str(&out), "<p class=\"govuk-body\">&lt;b&gt;Tom &amp; &quot;Jerry&#39;s&quot;&lt;/b&gt;</p>"),
          "{{message}} is HTML-escaped: %s", sl_buf_str(&out));
    sl_buf_reset(&out);
    sl_template_slot head[] = {{"title", "A & B"}, {"service_navigation", "<nav>raw</nav>"}};
    CHECK(sl_template_render(&out, "layout_head", head, 2, &err) == 0 &&
              strstr(sl_buf_str(&out), "<title>A &amp; B – sightline</title>") &&
              strstr(sl_buf_str(&out), "</header>\n<nav>raw</nav><div class=\"govuk-width-container\">"),
          "{{title}} escaped, {{{service_navigation}}} raw: %s", sl_buf_str(&out));
    sl_template_slot null_value[] = {{"message", NULL}};
    sl_buf_reset(&out);
    CHECK(sl_template_render(&out, "sign_in_error", null_value, 1, &err) == 0 &&
              strstr(sl_buf_str(&out), "<p class=\"govuk-body\"></p>"),
          "a NULL value fills its slot with nothing");
    sl_buf_free(&out);

    static const char *const malformed[] = {"a {{ b }} c", "{{}}", "{{Name}}", "{{{raw}}", "{{x-y}}", "{{x"};
    for (size_t i = 0; i < sizeof malformed / sizeof malformed[0]; i++) {
        sl_template_file t = {"bad", strlen(malformed[i]), malformed[i]};
        err = (sl_error){0};
        CHECK(sl_template_each_slot(&t, ignore, NULL, &err) < 0 && strstr(err.message, "malformed slot"),
              "'%s' is a malformed slot", malformed[i]);
    }
}
