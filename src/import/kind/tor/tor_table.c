/* tor_table.c — membership tables: cells set apart by tabs or runs of
 * spaces, header rows naming Name / Role / Organisation / Deputy columns,
 * rows read by those columns or by guessing them, and cells wrapped onto
 * the next row (see tor_members.h). */
#include <stdlib.h>
#include <string.h>

#include "import/kind/tor/tor_internal.h"
#include "import/kind/tor/tor_members.h"
#include "import/kind/tor/tor_rules.h"
#include "util/mem.h"

/* Adds the entry as a member (names vacant places NULL). The one place a
 * member joins the board, used by the line reader of tor_members.c too: it
 * lives here, in the lower of the two files, so they do not call each other. */
void tor_member_add(member_reader *r, tor_entry *e)
{
    size_t i = sl_board_add_member(r->board, e->vacant ? NULL : e->name, e->role,
                                   e->organisation ? e->organisation : "", e->substitute);
    r->board->members[i].chair = e->chair;
    r->board->members[i].vice_chair = e->vice_chair;
    r->last = (long)i;
    r->last_line = r->line;
}

/* Adds a cell of len bytes at text to the cells (trimmed; the last cell
 * takes the rest of the line when there are too many). */
static void add_cell(tor_cells *c, const char *text, size_t len, const char *line_end)
{
    if (c->n == MAX_CELLS)
        c->cell[MAX_CELLS - 1].len = (size_t)(line_end - c->cell[MAX_CELLS - 1].text);
    else
        c->cell[c->n++] = (sl_text_span){text, len};
}

/* Splits a line into cells: at tabs, else at runs of two or more spaces
 * that do not follow a full stop. */
void tor_split_cells(sl_text_span line, tor_cells *c)
{
    c->n = 0;
    c->tabbed = memchr(line.text, '\t', line.len) != NULL;
    const char *end = line.text + line.len;
    sl_text_span s = c->tabbed ? line : sl_text_trim(line);
    size_t start = 0;
    for (size_t i = 0; i <= s.len; i++) {
        int cut = i == s.len;
        size_t skip = 1;
        if (!cut && c->tabbed)
            cut = s.text[i] == '\t';
        else if (!cut && s.text[i] == ' ' && i + 1 < s.len && s.text[i + 1] == ' ' && i > 0 &&
                 s.text[i - 1] != '.') {
            cut = 1;
            while (i + skip < s.len && s.text[i + skip] == ' ')
                skip++;
        }
        if (!cut)
            continue;
        add_cell(c, s.text + start, i - start, end);
        start = i + skip;
        i += skip - 1;
    }
    for (size_t i = 0; i < c->n; i++)
        c->cell[i] = sl_text_trim(c->cell[i]);
}

/* Returns the column a header cell names, COL_SKIP when it is not a header word. */
static tor_col header_column(sl_text_span cell)
{
    static const char *const vocabulary[] = {
        "name", "names", "of", "member", "members", "role", "title", "job", "position", "post",
        "designation", "organisation", "organization", "agency", "representing", "body", "sector",
        "department", "service", "partner", "deputy", "deputies", "substitute", "substitutes",
        "named", "nominated", "board", "membership", "and", "or", "the", "attendee", "attendees",
        "core", "representative", "job", "email", "contact", NULL};
    sl_tor_words w;
    sl_tor_words_init(&w, cell.text, cell.len);
    tor_col col = w.n > 0 && w.n <= 4 ? COL_MEMBER : COL_SKIP;
    for (size_t i = 0; i < w.n && col != COL_SKIP; i++) {
        int known = 0;
        for (size_t k = 0; vocabulary[k] && !known; k++)
            known = strcmp(w.w[i], vocabulary[k]) == 0;
        if (!known)
            col = COL_SKIP;
    }
    static const struct { const char *word; tor_col col; } order[] = {
        {"deputy", COL_SUB}, {"deputies", COL_SUB}, {"substitute", COL_SUB}, {"substitutes", COL_SUB},
        {"role", COL_ROLE}, {"title", COL_ROLE}, {"position", COL_ROLE}, {"post", COL_ROLE},
        {"designation", COL_ROLE}, {"name", COL_NAME}, {"names", COL_NAME},
        {"organisation", COL_ORG}, {"organization", COL_ORG}, {"agency", COL_ORG},
        {"representing", COL_ORG}, {"body", COL_ORG}, {"sector", COL_ORG}, {"department", COL_ORG},
        {"service", COL_ORG}, {"partner", COL_ORG}, {"representative", COL_ORG},
        {"email", COL_IGNORE}, {"contact", COL_IGNORE},
    };
    for (size_t k = 0; col == COL_MEMBER && k < sizeof order / sizeof *order; k++)
        if (sl_tor_find_word(&w, (const char *const[]){order[k].word, NULL}) < w.n)
            col = order[k].col;
    sl_tor_words_free(&w);
    return col;
}

/* Reads a row as the membership table's header; returns 1 when every cell
 * is a column name (two or more). */
int tor_header_row(member_reader *r, const tor_cells *c)
{
    if (c->n < 2 || c->n > MAX_CELLS)
        return 0;
    tor_col cols[MAX_CELLS];
    for (size_t i = 0; i < c->n; i++)
        if (c->cell[i].len == 0 || (cols[i] = header_column(c->cell[i])) == COL_SKIP)
            return 0;
    memcpy(r->cols, cols, sizeof cols);
    r->n_cols = c->n;
    return 1;
}

/* Appends a table row's cells to the last member (a cell wrapped onto the next line). */
void tor_continuation_row(member_reader *r, const tor_cells *c)
{
    sl_board_member *m = &r->board->members[r->last];
    for (size_t i = 1; i < c->n; i++) {
        if (c->cell[i].len == 0)
            continue;
        tor_col col = i < r->n_cols ? r->cols[i] : i == 1 ? COL_ORG : COL_SKIP;
        char **field = col == COL_ROLE ? &m->role : col == COL_ORG ? &m->organisation : NULL;
        if (col == COL_NAME && m->name)
            field = &m->name;
        if (!field)
            continue;
        char *add = tor_copy(c->cell[i]);
        size_t n = strlen(*field);
        *field = sl_realloc(*field, n + strlen(add) + 2);
        if (n > 0)
            (*field)[n++] = ' ';
        memcpy(*field + n, add, strlen(add) + 1);
        free(add);
    }
}

/* Reads a row of cells without a header: the cell with a person's name is
 * the name, a "tbc" cell the vacancy; the others are role, organisation
 * and substitute in that order. */
static void guess_columns(const tor_cells *c, tor_col *cols)
{
    size_t other = 0;
    static const tor_col order[] = {COL_ROLE, COL_ORG, COL_SUB};
    int named = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (!named && tor_is_person(c->cell[i])) {
            cols[i] = COL_NAME;
            named = 1;
        } else if (tor_is_vacant(c->cell[i])) {
            cols[i] = COL_NAME;
        } else {
            cols[i] = other < 3 ? order[other++] : COL_SKIP;
        }
    }
}

/* Reads a Name cell: the name without its markers ("Jane Smith (Chair)"),
 * the cell whole when it reads as no name. */
static void name_cell(sl_text_span cell, tor_entry *e)
{
    tor_entry n;
    tor_entry_read(cell, &n);
    e->chair |= n.chair;
    e->vice_chair |= n.vice_chair;
    e->vacant |= n.vacant;
    if (n.name) {
        e->name = n.name;
        n.name = NULL;
    } else if (!n.vacant) {
        e->name = tor_copy(cell);
    }
    tor_entry_free(&n);
}

/* Reads a row of two or more cells as a member, by the header's columns
 * or by guessing them. */
void tor_table_row(member_reader *r, const tor_cells *c)
{
    tor_col guessed[MAX_CELLS];
    const tor_col *cols = r->cols;
    if (r->n_cols == 0) {
        guess_columns(c, guessed);
        cols = guessed;
    }
    tor_entry e = {0}, role = {0};
    for (size_t i = 0; i < c->n; i++) {
        tor_col col = i < r->n_cols || r->n_cols == 0 ? cols[i] : COL_SKIP;
        sl_text_span cell = c->cell[i];
        if (cell.len == 0 || col == COL_SKIP || col == COL_IGNORE)
            continue;
        if (col == COL_MEMBER)
            col = tor_is_person(cell) ? COL_NAME : COL_ROLE;
        if (col == COL_NAME && tor_is_vacant(cell))
            e.vacant = 1;
        else if (col == COL_NAME && !e.name)
            name_cell(cell, &e);
        else if (col == COL_ROLE && !role.role)
            tor_entry_read(cell, &role);
        else if (col == COL_ORG && !e.organisation)
            e.organisation = tor_copy(cell);
        else if (col == COL_SUB && !e.substitute && !tor_is_vacant(cell) &&
                 !tor_has_word(cell.text, cell.len, "none") && !tor_has_word(cell.text, cell.len, "n/a"))
            e.substitute = tor_copy(cell);
    }
    e.role = role.role ? role.role : sl_strdup("");
    role.role = NULL;
    e.chair = role.chair;
    e.vice_chair = role.vice_chair;
    e.vacant |= role.vacant;
    if (!e.name && !role.vacant && role.name) {
        e.name = role.name;
        role.name = NULL;
    }
    if (!e.substitute && role.substitute) {
        e.substitute = role.substitute;
        role.substitute = NULL;
    }
    if (!e.organisation && role.organisation) {
        e.organisation = role.organisation;
        role.organisation = NULL;
    }
    tor_entry_free(&role);
    if (*e.role || e.name)
        tor_member_add(r, &e);
    tor_entry_free(&e);
}

/* Removes empty cells (a layout with no header row: "Membership:<TAB>…"
 * then "<TAB>Chief Executive" lines). */
void tor_drop_empty(tor_cells *c)
{
    size_t kept = 0;
    for (size_t i = 0; i < c->n; i++)
        if (c->cell[i].len > 0)
            c->cell[kept++] = c->cell[i];
    c->n = kept;
}
