/* figure.h — one figure of a measure as a person enters or corrects it (the
 * web form, `measure set`) or a load file gives it: what the value text
 * means ("62%", "61.5", "1,234", "£46,000"; "N/A", "tbc", "-" mean no
 * figure), which period it is for ("2024-05", "May 2024", "05/2024"; never
 * a period that has not begun), and the checks of the whole entry, each
 * field's problem kept apart so that a form shows it beside its field.
 * The record of a change (entered, corrected, loaded, missing) is what the
 * store keeps for ever: a correction supersedes a figure, never erases it.
 * Pure domain code: no I/O, no database. */
#ifndef SL_DOMAIN_FIGURE_H
#define SL_DOMAIN_FIGURE_H
#include <stddef.h>
#include <stdint.h>

#include "domain/measure.h"
#include "util/error.h"

/* What a value text holds. */
typedef enum {
    SL_FIGURE_NUMBER = 0,       /* a number in the unit's range: *out set */
    SL_FIGURE_MISSING,          /* no figure: empty, "N/A", "tbc", "-", "..", "not available" */
    SL_FIGURE_BAD,              /* not a number: why says what is wrong */
    SL_FIGURE_OUT_OF_RANGE      /* a number the unit cannot hold (a percentage of 140): why says so */
} sl_figure_kind;

/* Reads len bytes of a value as written for a measure of unit: spaces
 * around it allowed, a thousands comma in its place ("1,234,567.5"), a
 * trailing "%" for a percentage, a leading "£" for pounds. A number out of
 * the unit's range is SL_FIGURE_OUT_OF_RANGE, a "%" on a count or a decimal
 * comma ("61,5") SL_FIGURE_BAD, each with a sentence in why (why_len bytes, may be NULL).
 * Never reads past len, never allocates. */
sl_figure_kind sl_figure_read(const char *text, size_t len, sl_unit unit, double *out, char *why, size_t why_len);

/* Reads the period a figure of a measure of frequency freq is for: a month
 * as "2024-05", "May 2024", "Sept 2024", "05/2024", or anything
 * sl_period_parse reads that fits the frequency exactly (a quarter for a
 * quarterly measure). A period that begins after today is refused: figures
 * are for periods that have begun. Returns 0 with *out set, or -1 with a
 * sentence in why. */
int sl_figure_period_read(const char *text, size_t len, sl_frequency freq, sl_day today, sl_period *out, char *why,
                          size_t why_len);

#define SL_FIGURE_WORDS 40  /* room for a period or a time in words and its NUL */

/* Writes a period for people: a month as "May 2024", a quarter as
 * "2024/25 Q1", anything else as sl_period_format writes it. */
void sl_figure_period_words(const sl_period *period, char out[SL_FIGURE_WORDS]);
/* Writes a stored UTC timestamp ("2024-06-15T10:00:00Z") as Europe/London
 * time the UK way: "15 Jun 2024, 11:00 BST" (GMT in winter); text that is
 * not such a timestamp is copied as it is (cut to fit). */
void sl_figure_when_words(const char *timestamp, char out[SL_FIGURE_WORDS]);

/* A figure as typed: every field as sent (NULL counts as empty). */
typedef struct {
    const char *period;
    const char *value;
    const char *source;         /* where it comes from: "Liquidlogic extract"; required */
    const char *note;           /* optional */
    const char *reason;         /* why a correction is made; required when correcting */
    int correcting;             /* 1: a correction of the figure already recorded */
} sl_figure_form;

/* A checked figure: the period and value read, and each field's problem
 * (an error whose set is 0 when the field is good). */
typedef struct {
    sl_period period;
    double value;
    sl_error period_error;
    sl_error value_error;
    sl_error source_error;
    sl_error note_error;
    sl_error reason_error;
} sl_figure_checked;

/* Checks every field of form for a figure of def as of today (limits from
 * domain/limits.h, the value by sl_figure_read, where a missing value is
 * refused: a person enters a number). Returns the number of fields in error
 * (0: out->period and out->value are good). */
int sl_figure_check(const sl_figure_form *form, const sl_measure_def *def, sl_day today, sl_figure_checked *out);
/* Returns the first field error of a check (period, value, source, note,
 * reason order), or NULL when there is none; it points into checked. */
const sl_error *sl_figure_first_error(const sl_figure_checked *checked);

/* A figure to store: entered (no figure yet for its period) or a
 * correction of the figure at version (the version shown when the
 * correction was made; a figure changed since is SL_ERR_STALE). The
 * strings are borrowed. */
typedef struct {
    sl_period period;
    double value;
    const char *source;
    const char *note;           /* may be NULL */
    const char *reason;         /* a correction's; NULL for an entry */
    int correcting;
    int version;                /* a correction's expected version; 0 to take the current one (the command line) */
} sl_figure_entry;

/* What a record in a figure's history says happened. */
typedef enum {
    SL_CHANGE_ENTERED = 0,      /* a first figure for the period */
    SL_CHANGE_CORRECTED,        /* a new value superseding the one before */
    SL_CHANGE_LOADED,           /* a load file changed a value already recorded */
    SL_CHANGE_MISSING           /* a load file gave no number ("N/A"): recorded as missing, nothing stored */
} sl_figure_change;

/* Returns "entered", "corrected", "loaded" or "missing"; static storage. */
const char *sl_figure_change_name(sl_figure_change change);
/* Parses one of those words; returns 0 and sets *out, or -1. */
int sl_figure_change_parse(const char *word, sl_figure_change *out);

/* One record of a measure's figure history. Strings owned (sl_figure_records_free). */
typedef struct {
    int64_t id;
    sl_figure_change change;
    char series[SL_SERIES_MAX];
    sl_period period;
    int has_value;              /* 0 for a missing figure */
    double value;
    int has_previous;           /* 1 when it superseded a value */
    double previous;
    char *source;
    char *note;
    char *reason;
    char *actor;
    char *recorded_at;          /* "2026-12-02T15:09:32Z" */
} sl_figure_record;

/* Frees n records and the array. */
void sl_figure_records_free(sl_figure_record *records, size_t n);

#endif
