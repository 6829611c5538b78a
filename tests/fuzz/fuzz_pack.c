/* fuzz_pack.c — libFuzzer target for the agenda-pack splitter and the
 * part-by-part reading of a pack: any bytes must split into parts that
 * follow each other and cover the text (or be no pack at all), workforce
 * tables must be blanked without moving a line end, and reading the bytes as
 * a document must give readings or an error naming the file; never a
 * crash, a hang or a leak. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import/document.h"
#include "import/kind/pack/agenda_pack.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Checks that the parts follow each other from byte 0 to the end. */
static void check_parts(const sl_pack *pack, size_t size)
{
    size_t at = 0;
    long line = 0;
    for (size_t i = 0; i < pack->n; i++) {
        const sl_pack_part *p = &pack->parts[i];
        /* Each part starts on a later line than the one before, but for an
         * empty front page (the text opens with a heading). */
        int later = p->line > line || (i == 1 && p->line == line && pack->parts[0].end == 0);
        if (p->start != at || p->end < p->start || p->head_end < p->start || p->head_end > p->end || !later ||
            *sl_part_kind_name(p->kind) == '\0')
            abort();
        at = p->end;
        line = p->line;
    }
    if (pack->n && at != size)
        abort();
}

/* Checks that blanking workforce tables keeps every line end where it was. */
static void check_blank(const char *text, size_t size)
{
    char *copy = malloc(size + 1);
    if (!copy)
        return;
    memcpy(copy, text, size + 1);
    size_t rows = 0, tables = sl_pack_blank_workforce(copy, size, &rows);
    for (size_t i = 0; i < size; i++)
        if ((copy[i] == '\n') != (text[i] == '\n') || (copy[i] != text[i] && copy[i] != ' '))
            abort();
    if (rows && !tables)
        abort();
    free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    sl_pack pack;
    if (sl_pack_split(text, size, &pack)) {
        check_parts(&pack, size);
        sl_pack_free(&pack);
    } else if (pack.n || pack.parts) {
        abort();
    }
    check_blank(text, size);
    sl_read_request req = {.options = {.format = SL_FORMAT_TEXT}};
    sl_readings r = {0};
    sl_error err = {0};
    if (sl_read_document_bytes("fuzz.txt", text, size, &req, &r, &err) < 0 &&
        (!err.set || strcmp(err.file, "fuzz.txt") != 0))
        abort();
    for (size_t i = 0; i < r.n_links; i++)
        if (r.links[i].plan >= r.plans.n_plans || r.links[i].report >= r.reports.n)
            abort();
    sl_readings_free(&r);
    free(text);
    return 0;
}
