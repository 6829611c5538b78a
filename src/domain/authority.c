/* authority.c — the authorities reference table and name matching (see authority.h). */
#include "domain/authority.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/csv.h"
#include "util/buf.h"
#include "util/mem.h"

typedef enum {
    COL_URN, COL_DFE_CODE, COL_ONS_CODE, COL_NEIGHBOURS, COL_NAME, COL_ALIASES, COL_REGION,
    COL_REGION_CODE, COL_LOWER_TIER_NAME, COL_UPPER_TIER_NAME, COL_TYPE, COL_POPULATION,
    COL_COUNT
} column;

static const char *const column_names[COL_COUNT] = {
    "urn",       "la_code",  "la_code_new", "stat_neighbours", "local_authority_ons_name",
    "also_known_as", "region_name", "rgn22cd", "ltla23nm", "utla23nm", "ons_la_type",
    "ons_population_0-25",
};

/* Words around a name that do not tell authorities apart. */
static const char *const filler_words[] = {
    "the", "of", "city", "council", "borough", "metropolitan", "county", "district", "royal",
};

/* One read of the table: where each known column sits in the file (-1 when
 * absent), and the table the rows go into. */
typedef struct {
    int index[COL_COUNT];
    size_t n_columns;
    const char *file;
    sl_authority_table *out;
} header;

/* ---- name matching --------------------------------------------------- */

/* Appends name to flat lower-cased, with '&' as " and ", apostrophes (' and
 * U+2019) and full stops dropped, and other ASCII punctuation as spaces. */
static void flatten(sl_buf *flat, const char *name)
{
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if (*p == '\'' || *p == '.')
            continue;
        if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99) {
            p += 2;
            continue;
        }
        if (*p == '&')
            sl_buf_puts(flat, " and ");
        else if (*p >= 'A' && *p <= 'Z')
            sl_buf_putc(flat, (char)(*p - 'A' + 'a'));
        else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p >= 0x80)
            sl_buf_putc(flat, (char)*p);
        else
            sl_buf_putc(flat, ' ');
    }
}

static int is_filler(const char *word, size_t n)
{
    for (size_t i = 0; i < sizeof filler_words / sizeof filler_words[0]; i++)
        if (strlen(filler_words[i]) == n && memcmp(filler_words[i], word, n) == 0)
            return 1;
    return 0;
}

/* Returns the key a name matches by (caller frees): its words flattened, the
 * filler words and the "London" of "London Borough of" dropped, "saint" as
 * "st", one space between words. "" when no word is left. */
static char *match_key(const char *name)
{
    sl_buf flat = SL_BUF_INIT, key = SL_BUF_INIT;
    flatten(&flat, name);
    const char *p = sl_buf_str(&flat);
    while (*p) {
        while (*p == ' ')
            p++;
        const char *word = p;
        while (*p && *p != ' ')
            p++;
        size_t n = (size_t)(p - word);
        const char *next = p;
        while (*next == ' ')
            next++;
        int london_borough = n == 6 && memcmp(word, "london", 6) == 0 &&
                             strncmp(next, "borough", 7) == 0 && (next[7] == ' ' || !next[7]);
        if (n == 0 || is_filler(word, n) || london_borough)
            continue;
        if (key.len)
            sl_buf_putc(&key, ' ');
        if (n == 5 && memcmp(word, "saint", 5) == 0)
            sl_buf_puts(&key, "st");
        else
            sl_buf_add(&key, word, n);
    }
    sl_buf_free(&flat);
    return sl_buf_take(&key);
}

/* Returns 1 when the authority's name or an alias has the key. */
static int authority_has_key(const sl_authority *a, const char *key)
{
    char *own = match_key(a->name);
    int same = strcmp(own, key) == 0;
    free(own);
    for (size_t i = 0; i < a->n_aliases && !same; i++) {
        char *alias = match_key(a->aliases[i]);
        same = strcmp(alias, key) == 0;
        free(alias);
    }
    return same;
}

const sl_authority *sl_authority_match(const sl_authority_table *table, const char *name)
{
    if (!name)
        return NULL;
    char *key = match_key(name);
    const sl_authority *found = NULL;
    int ambiguous = 0;
    for (size_t i = 0; *key && i < table->n && !ambiguous; i++)
        if (authority_has_key(&table->authorities[i], key)) {
            ambiguous = found != NULL;
            found = &table->authorities[i];
        }
    free(key);
    return ambiguous ? NULL : found;
}

/* Returns 1 when key (flattened words) stands as whole words in the padded
 * flattened text " … ". */
static int has_words(const char *padded_text, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = strstr(padded_text, key); p; p = strstr(p + 1, key))
        if (p > padded_text && p[-1] == ' ' && p[n] == ' ')
            return 1;
    return 0;
}

/* Returns 1 when word (lower case ASCII) stands in text as a whole word that
 * starts with a capital letter. */
static int has_capitalised(const char *text, size_t len, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i + n <= len; i++) {
        if (strncasecmp(text + i, word, n) != 0 || text[i] < 'A' || text[i] > 'Z')
            continue;
        int before = i == 0 || !isalnum((unsigned char)text[i - 1]);
        int after = i + n == len || !isalnum((unsigned char)text[i + n]);
        if (before && after)
            return 1;
    }
    return 0;
}

/* Returns name flattened with one space between words and none at the
 * ends, nothing dropped (caller frees). */
static char *flat_words(const char *name)
{
    sl_buf flat = SL_BUF_INIT, words = SL_BUF_INIT;
    flatten(&flat, name);
    for (const char *p = sl_buf_str(&flat); *p; p++)
        if (*p != ' ' || (words.len && words.data[words.len - 1] != ' '))
            sl_buf_putc(&words, *p);
    while (words.len && words.data[words.len - 1] == ' ')
        words.len--;
    sl_buf_free(&flat);
    return sl_buf_take(&words);
}

/* Returns 1 when the text names authority a by its name or an alias. A key
 * that is also its region's name ("London", of the City of London) is not
 * enough: the whole name must be written. */
static int names_authority(const sl_authority *a, const char *padded, const char *text, size_t len)
{
    char *region = match_key(a->region ? a->region : "");
    int found = 0;
    for (size_t i = 0; i <= a->n_aliases && !found; i++) {
        const char *name = i == 0 ? a->name : a->aliases[i - 1];
        char *key = match_key(name);
        if (strcmp(key, region) == 0) {
            free(key);
            key = flat_words(name);
        }
        if (*key && has_words(padded, key))
            found = strchr(key, ' ') != NULL || has_capitalised(text, len, key);
        free(key);
    }
    free(region);
    return found;
}

const sl_authority *sl_authority_named_in(const sl_authority_table *table, const char *text,
                                          size_t len)
{
    /* The text's words with one space between them and one at each end, as
     * has_words looks for keys. */
    char *copy = sl_strndup(text, len);
    char *words = flat_words(copy);
    sl_buf padded = SL_BUF_INIT;
    sl_buf_printf(&padded, " %s ", words);
    free(words);
    free(copy);
    const sl_authority *found = NULL;
    int several = 0;
    for (size_t i = 0; i < table->n && !several; i++)
        if (names_authority(&table->authorities[i], sl_buf_str(&padded), text, len)) {
            several = found != NULL;
            found = &table->authorities[i];
        }
    sl_buf_free(&padded);
    return several ? NULL : found;
}

const sl_authority *sl_authority_by_code(const sl_authority_table *table, const char *code)
{
    for (size_t i = 0; code && *code && i < table->n; i++) {
        const sl_authority *a = &table->authorities[i];
        if (strcmp(a->urn, code) == 0 || strcmp(a->dfe_code, code) == 0 ||
            strcmp(a->ons_code, code) == 0)
            return a;
    }
    return NULL;
}

/* ---- reading the table ----------------------------------------------- */

/* Returns a copy of a column's cell without surrounding blanks (caller frees);
 * "" when the column is absent. */
static char *cell(const header *h, const sl_csv *csv, column c)
{
    const char *s = h->index[c] < 0 ? "" : csv->fields[h->index[c]];
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return sl_strndup(s, n);
}

static int is_digits(const char *s)
{
    return *s && strspn(s, "0123456789") == strlen(s);
}

/* Appends text to a string list unless it is empty or already there; takes text. */
static void add_unique(char ***list, size_t *n, char *text)
{
    for (size_t i = 0; i < *n && *text; i++)
        if (strcmp((*list)[i], text) == 0)
            *text = '\0';
    if (!*text) {
        free(text);
        return;
    }
    *list = sl_realloc(*list, (*n + 1) * sizeof **list);
    (*list)[(*n)++] = text;
}

/* Splits "a, b, c" (brackets around it dropped) into trimmed parts appended to the list. */
static void split_list(const char *text, char ***list, size_t *n)
{
    const char *p = text;
    while (*p == '[' || *p == ' ')
        p++;
    while (*p) {
        const char *end = p;
        while (*end && *end != ',' && *end != ']')
            end++;
        const char *last = end;
        while (last > p && last[-1] == ' ')
            last--;
        add_unique(list, n, sl_strndup(p, (size_t)(last - p)));
        p = *end ? end + 1 : end;
        while (*p == ' ' || *p == ']')
            p++;
    }
}

/* Reads the header row into the header ctx (an sl_csv_step); the code and
 * name columns are required. */
static int read_header(void *ctx, const sl_csv *csv, sl_error *err)
{
    header *h = ctx;
    for (int c = 0; c < COL_COUNT; c++)
        h->index[c] = -1;
    h->n_columns = csv->n_fields;
    for (size_t i = 0; i < csv->n_fields; i++)
        for (int c = 0; c < COL_COUNT; c++)
            if (strcmp(csv->fields[i], column_names[c]) == 0)
                h->index[c] = (int)i;
    static const column required[] = {COL_URN, COL_DFE_CODE, COL_ONS_CODE, COL_NAME};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
        if (h->index[required[i]] < 0)
            return sl_fail_at(err, h->file, csv->record_line,
                              "not an authority lookup: the header row has no '%s' column",
                              column_names[required[i]]);
    return 0;
}

/* Frees what one authority owns. */
static void authority_free(sl_authority *a)
{
    for (size_t i = 0; i < a->n_aliases; i++)
        free(a->aliases[i]);
    for (size_t i = 0; i < a->n_neighbours; i++)
        free(a->neighbours[i]);
    free(a->aliases);
    free(a->neighbours);
    free(a->urn);
    free(a->dfe_code);
    free(a->ons_code);
    free(a->name);
    free(a->region);
    free(a->region_code);
    free(a->type);
}

/* Reads the neighbours and population cells; returns 0 or -1. */
static int read_figures(const header *h, const sl_csv *csv, sl_authority *a, sl_error *err)
{
    char *text = cell(h, csv, COL_NEIGHBOURS);
    split_list(text, &a->neighbours, &a->n_neighbours);
    free(text);
    for (size_t i = 0; i < a->n_neighbours; i++)
        if (!is_digits(a->neighbours[i]))
            return sl_fail_at(err, h->file, csv->record_line,
                              "stat_neighbours: '%s' is not a DfE LA code", a->neighbours[i]);
    char *population = cell(h, csv, COL_POPULATION);
    int ok = !*population || is_digits(population);
    a->population_0_25 = *population && ok ? strtol(population, NULL, 10) : -1;
    if (!ok)
        sl_fail_at(err, h->file, csv->record_line, "ons_population_0-25: '%s' is not a number",
                   population);
    free(population);
    return ok ? 0 : -1;
}

/* Reads one row into a (zeroed here); returns 0 or -1. */
static int read_row(const header *h, const sl_csv *csv, sl_authority *a, sl_error *err)
{
    memset(a, 0, sizeof *a);
    if (csv->n_fields != h->n_columns)
        return sl_fail_at(err, h->file, csv->record_line,
                          "the row has %zu fields; the header has %zu", csv->n_fields,
                          h->n_columns);
    a->urn = cell(h, csv, COL_URN);
    a->dfe_code = cell(h, csv, COL_DFE_CODE);
    a->ons_code = cell(h, csv, COL_ONS_CODE);
    a->name = cell(h, csv, COL_NAME);
    a->region = cell(h, csv, COL_REGION);
    a->region_code = cell(h, csv, COL_REGION_CODE);
    a->type = cell(h, csv, COL_TYPE);
    if (!is_digits(a->urn) || !is_digits(a->dfe_code))
        return sl_fail_at(err, h->file, csv->record_line,
                          "urn '%s' and la_code '%s' must both be digits", a->urn, a->dfe_code);
    if (!*a->ons_code || !*a->name)
        return sl_fail_at(err, h->file, csv->record_line,
                          "la_code_new and local_authority_ons_name must not be empty");
    char *aliases = cell(h, csv, COL_ALIASES);
    split_list(aliases, &a->aliases, &a->n_aliases);
    free(aliases);
    static const column tier_names[] = {COL_LOWER_TIER_NAME, COL_UPPER_TIER_NAME};
    for (size_t i = 0; i < sizeof tier_names / sizeof tier_names[0]; i++) {
        char *tier_name = cell(h, csv, tier_names[i]);
        if (strcmp(tier_name, a->name) == 0)
            *tier_name = '\0';
        add_unique(&a->aliases, &a->n_aliases, tier_name);
    }
    return read_figures(h, csv, a, err);
}

/* Reads one row onto the end of the header ctx's table (an sl_csv_step). */
static int add_row(void *ctx, const sl_csv *csv, sl_error *err)
{
    const header *h = ctx;
    sl_authority_table *out = h->out;
    out->authorities = sl_realloc(out->authorities, (out->n + 1) * sizeof *out->authorities);
    return read_row(h, csv, &out->authorities[out->n++], err);
}

int sl_authority_table_read(const char *data, size_t len, const char *file,
                            sl_authority_table *out, sl_error *err)
{
    out->authorities = NULL;
    out->n = 0;
    header h = {.file = file ? file : "", .out = out};
    if (sl_csv_read_all(data, len, h.file, "the file is empty: there is no authority lookup",
                        read_header, add_row, &h, err) < 0) {
        sl_authority_table_free(out);
        return -1;
    }
    return 0;
}

void sl_authority_table_free(sl_authority_table *table)
{
    if (!table)
        return;
    for (size_t i = 0; i < table->n; i++)
        authority_free(&table->authorities[i]);
    free(table->authorities);
    table->authorities = NULL;
    table->n = 0;
}
