/* fuzz_tor.c — libFuzzer target for the terms-of-reference reader: any
 * bytes must give a part inside the text (or none), and a board with a name
 * and members with roles, or an error with a file and line; never a crash,
 * a hang or a leak. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import/kind/tor/tor_text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Checks a board read without error: a name, and a role for every member. */
static void check_board(const sl_board *b)
{
    if (!b->name || !*b->name || !b->tor_text)
        abort();
    for (size_t i = 0; i < b->n_members; i++)
        if (!b->members[i].role || !b->members[i].organisation)
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    size_t start = 0, end = 0;
    if (sl_tor_detect(text, size, &start, &end) && (start >= end || end > size))
        abort();
    sl_board board;
    sl_findings findings = {0};
    sl_error err = {0};
    if (sl_tor_read(text, size, "fuzz.txt", &board, &findings, &err) == 0) {
        check_board(&board);
        sl_board_free(&board);
    } else if (!err.set || err.line < 1 || strcmp(err.file, "fuzz.txt") != 0) {
        abort();
    }
    sl_findings_free(&findings);
    free(text);
    return 0;
}
