/* tor_entry.h — one entry of a board's membership list, read from its text:
 * the person (when named), the role, the body they come from, a named
 * substitute, the chair / vice-chair markers and empty places ("(tbc)",
 * "vacant"). Internal to the terms-of-reference reader. */
#ifndef SL_IMPORT_TOR_ENTRY_H
#define SL_IMPORT_TOR_ENTRY_H
#include "import/kind/plan/text_table.h"

/* A membership entry; every string is owned (tor_entry_free). */
typedef struct {
    char *name;             /* NULL when none is given or the place is vacant */
    char *role;             /* never NULL after tor_entry_read ("" when none) */
    char *organisation;     /* NULL when none */
    char *substitute;       /* NULL when none */
    int chair, vice_chair, vacant;
} tor_entry;

/* Reads one entry's text (a list item without its mark, or a table cell)
 * into *e, which the caller frees with tor_entry_free. */
void tor_entry_read(sl_text_span text, tor_entry *e);
/* Frees the entry's strings and zeroes it. */
void tor_entry_free(tor_entry *e);
/* Returns 1 when the text is only a chair mark ("Chair", "Co-Chair",
 * "Independent Chair"; vice 0) or a vice-chair mark ("Vice-Chair", "Deputy
 * Chair"; vice 1). */
int tor_entry_marks(sl_text_span text, int vice);
/* Returns 1 for a line naming a substitute ("Deputy: Jane Doe", "•
 * Substitute – Head of Service"), setting *who to the text after the label. */
int tor_substitute_line(sl_text_span line, sl_text_span *who);

#endif
