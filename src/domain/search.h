/* search.h — what a search box's text means (issue 13 item 7): the user's
 * words, taken as terms (letters and digits; everything else separates
 * them), each quoted so that no query syntax of the database can be typed,
 * and matched as a prefix, all terms required. Pure domain code: the store
 * binds the texts built here (sl_search_fts5 for SQLite's FTS5,
 * sl_search_tsquery for PostgreSQL's to_tsquery); the pages and the command
 * line show a result's snippet through sl_search_snippet_pieces. */
#ifndef SL_DOMAIN_SEARCH_H
#define SL_DOMAIN_SEARCH_H
#include <stddef.h>

#include "util/buf.h"

#define SL_SEARCH_MAX_TERMS 8       /* words beyond the eighth are ignored */
#define SL_SEARCH_MAX_TERM 64       /* bytes of one term; a longer word is cut at a character */
#define SL_SEARCH_RANK_MAX 2000     /* more matches of one kind than this: listed newest first, unranked */

/* What a result is; the order results are grouped in. */
typedef enum {
    SL_SEARCH_PLAN = 1,
    SL_SEARCH_ACTION,
    SL_SEARCH_UPDATE,
    SL_SEARCH_RECOMMENDATION,
    SL_SEARCH_MEASURE,
    SL_SEARCH_PERSON,
    SL_SEARCH_N_KINDS = SL_SEARCH_PERSON
} sl_search_kind;

/* The snippet markers the store puts round matched words (never escaped
 * text: the pages escape the pieces between them, then mark them). */
#define SL_SEARCH_MARK_START '\x01'
#define SL_SEARCH_MARK_END '\x02'

/* A user's query as terms: lower-case ASCII, whole UTF-8 characters, each
 * non-empty and at most SL_SEARCH_MAX_TERM bytes. Owns its strings. */
typedef struct {
    int n;
    char *terms[SL_SEARCH_MAX_TERMS];
} sl_search_query;

/* Splits text (NULL reads as "") into q's terms: runs of ASCII letters and
 * digits and of non-ASCII letters; punctuation (ASCII, Latin-1 and general
 * Unicode punctuation), controls and invalid UTF-8 separate terms. Returns
 * the number of terms (0: nothing to search for). Free q with
 * sl_search_query_free. */
int sl_search_parse(const char *text, sl_search_query *q);
/* Frees q's terms and empties it. */
void sl_search_query_free(sl_search_query *q);
/* Returns the FTS5 MATCH text of q: each term a quoted prefix phrase,
 * "term"*, joined by spaces (all required); caller frees. "" for no terms. */
char *sl_search_fts5(const sl_search_query *q);
/* Returns the to_tsquery text of q: 'term':* joined by " & "; caller
 * frees. "" for no terms. */
char *sl_search_tsquery(const sl_search_query *q);
/* Returns the kind's word for machines ("recommendation") and its group
 * heading ("Recommendations"); static storage, "" for an unknown kind. */
const char *sl_search_kind_name(int kind);
const char *sl_search_kind_heading(int kind);

/* Returns text with the markers round each word (as sl_search_parse cuts
 * words) that starts with one of q's terms, ignoring ASCII case; when
 * max_words > 0, only a window of that many words from a little before the
 * first match, with "…" where text was left out. Caller frees. */
char *sl_search_mark(const sl_search_query *q, const char *text, int max_words);

/* Appends to b the path of the page a result of kind links to: its plan
 * (plans), its action (actions; an update's action, at its history), its
 * plan's recommendations at the number key, the measure coded key, the
 * people; link_id is the plan's or the action's id. */
void sl_search_path(sl_buf *b, int kind, long long link_id, const char *key);

/* Called for each piece of a snippet in order: n bytes of text, marked
 * when it lay between the markers. */
typedef void (*sl_search_piece_cb)(void *ctx, const char *text, size_t n, int marked);
/* Cuts snippet (NULL reads as "") at its markers and calls cb for every
 * non-empty piece; the markers themselves are never passed on, a start
 * inside a marked piece or an end outside one is dropped, so the marked
 * pieces never nest. */
void sl_search_snippet_pieces(const char *snippet, sl_search_piece_cb cb, void *ctx);

#endif
