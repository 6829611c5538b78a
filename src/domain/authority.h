/* authority.h — England's children's services authorities, from the reference
 * table shared/data/la-lookup.csv (one row per authority: Ofsted URN, DfE LA
 * code, ONS code, ten statistical neighbours, region, names and aliases), and
 * matching the names people write ("London Borough of Barking & Dagenham",
 * "Bury Council", "City of Bristol") to one of them.
 * The caller reads the file; this code only reads its bytes. */
#ifndef SL_DOMAIN_AUTHORITY_H
#define SL_DOMAIN_AUTHORITY_H
#include <stddef.h>

#include "util/error.h"

/* One authority. Every string is owned by the table. */
typedef struct {
    char *urn;                  /* Ofsted URN ("80492") */
    char *dfe_code;             /* DfE LA code ("306") */
    char *ons_code;             /* ONS code ("E09000008") */
    char *name;                 /* ONS name ("Croydon", "Bristol, City of") */
    char **aliases;             /* other names it goes by ("BCP", "Hull", "County Durham") */
    size_t n_aliases;
    char *region;               /* region name ("London") */
    char *region_code;          /* ONS region code ("E12000007") */
    char *type;                 /* "London Borough", "County", …; "" when not given */
    char **neighbours;          /* DfE codes of its statistical neighbours, closest first */
    size_t n_neighbours;
    long population_0_25;       /* people aged 0-25, -1 when not given */
} sl_authority;

typedef struct {
    sl_authority *authorities;
    size_t n;
} sl_authority_table;

/* Reads la-lookup.csv bytes (len bytes; file names them in errors) into *out.
 * Returns 0, or -1 with err naming file and line (a missing column, a row with
 * the wrong number of fields, a URN or DfE code that is not digits, no ONS
 * code or name); then *out is empty. The caller frees *out with
 * sl_authority_table_free. */
int sl_authority_table_read(const char *data, size_t len, const char *file,
                            sl_authority_table *out, sl_error *err);

/* Returns the authority a written name means, or NULL when none or more than
 * one does. Names and aliases match ignoring case, punctuation, "&" against
 * "and", "Saint" against "St", and the words around a name ("London Borough
 * of", "Royal Borough of", "City of", "Council", "Metropolitan", "Borough",
 * "County", "District", "the"). The result points into the table. */
const sl_authority *sl_authority_match(const sl_authority_table *table, const char *name);

/* Returns the one authority that text (len bytes: a plan's title and
 * opening lines) names, matched as sl_authority_match matches names but as
 * whole words anywhere in the text ("London Borough of Barking & Dagenham",
 * "CROYDON TRANSITIONAL ACTION PLAN"); a one-word name must be written with a
 * capital ("Reading", not "reading"). NULL when it names none, or several.
 * The result points into the table. */
const sl_authority *sl_authority_named_in(const sl_authority_table *table, const char *text,
                                          size_t len);

/* Returns the authority with this Ofsted URN, DfE code or ONS code (exact), or
 * NULL. The result points into the table. */
const sl_authority *sl_authority_by_code(const sl_authority_table *table, const char *code);

/* Frees every authority and the table's array, leaving it empty. */
void sl_authority_table_free(sl_authority_table *table);

#endif
