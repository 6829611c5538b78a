/* measure_text.c — suggested measures from the prose of plans (see measure_text.h).
 *
 * A small tokenizer turns the cell into words, numbers and punctuation on
 * demand (token_at reads the token at a byte offset, so a recogniser can look
 * ahead and give up without undoing anything). The main loop walks the
 * tokens; at a keyword (Baseline, Milestone, Target, a change verb such as
 * "reduced", "maximum") it tries the matching recogniser, which returns the
 * offset after what it consumed, or 0 when the words there are not a measure. */
#include "import/kind/measure/measure_text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/buf.h"
#include "util/mem.h"

/* ------------------------------------------------------------------------ */
/* Tokens                                                                    */
/* ------------------------------------------------------------------------ */

typedef enum {
    TOK_END,
    TOK_WORD,       /* letters (accented Latin too), with inner ' or - ("re-referrals", "IRO's") */
    TOK_NUMBER,     /* 75, 2.5, 10,000 */
    TOK_PERCENT,
    TOK_DASH,       /* - – — : */
    TOK_STOP,       /* . ; ! ? */
    TOK_COMMA,
    TOK_OPEN,       /* ( [ */
    TOK_CLOSE,
    TOK_POUND,      /* £ */
    TOK_OTHER       /* any other character (a whole UTF-8 sequence), or one invalid byte */
} token_kind;

typedef struct {
    token_kind kind;
    size_t start;
    size_t end;
    double number;      /* TOK_NUMBER: the value (0 when unreadable) */
    int whole_digits;   /* TOK_NUMBER: digits before the point, commas not counted */
    int number_ok;      /* TOK_NUMBER: the value was read */
} token;

typedef struct {
    const char *text;
    size_t len;
    int context_year;
    sl_measure_suggestion *list;
    size_t n;
} parser;

/* Returns 1 for an ASCII letter. */
static int is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Returns 1 for an ASCII digit. */
static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Returns the byte at i, or 0 past the end. */
static unsigned char byte_at(const parser *p, size_t i)
{
    return i < p->len ? (unsigned char)p->text[i] : 0;
}

/* Returns how many bytes of white space start at i (ASCII space and
 * controls, or a UTF-8 no-break space), 0 when none. */
static size_t space_at(const parser *p, size_t i)
{
    unsigned char c = byte_at(p, i);
    if (i < p->len && (c == ' ' || (c >= '\t' && c <= '\r')))
        return 1;
    if (c == 0xC2 && byte_at(p, i + 1) == 0xA0)
        return 2;
    return 0;
}

/* Returns the length of the valid UTF-8 character at i (1 for ASCII), or 0
 * for a byte that does not start one. */
static size_t char_length(const parser *p, size_t i)
{
    unsigned char c = byte_at(p, i);
    size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    size_t bad;
    if (n == 0 || i + n > p->len || (n > 1 && !sl_utf8_valid(p->text + i, n, &bad)))
        return 0;
    return n;
}

/* Returns the length of the letter at i: an ASCII letter (1) or a Latin
 * letter with an accent, U+00C0-U+024F (2); 0 for anything else. */
static size_t letter_length(const parser *p, size_t i)
{
    unsigned char c = byte_at(p, i);
    if (i < p->len && is_letter(c))
        return 1;
    return c >= 0xC3 && c <= 0xC9 && char_length(p, i) == 2 ? 2 : 0;
}

/* Reads the number starting at t->start: digits, groups of three after a
 * comma ("10,000"), a fraction after a point. */
static void read_number(const parser *p, token *t)
{
    char digits[32];
    size_t n = 0, i = t->start;
    int whole = 1;
    t->whole_digits = 0;
    for (;;) {
        unsigned char c = byte_at(p, i);
        if (is_digit(c)) {
            if (n + 1 < sizeof digits)
                digits[n] = (char)c;
            n++;
            t->whole_digits += whole;
            i++;
        } else if (c == ',' && whole && is_digit(byte_at(p, i + 1)) && is_digit(byte_at(p, i + 2)) &&
                   is_digit(byte_at(p, i + 3)) && !is_digit(byte_at(p, i + 4))) {
            i++;
        } else if (c == '.' && whole && is_digit(byte_at(p, i + 1))) {
            if (n + 1 < sizeof digits)
                digits[n] = '.';
            n++;
            whole = 0;
            i++;
        } else {
            break;
        }
    }
    t->end = i;
    t->number = 0;
    t->number_ok = n < sizeof digits && sl_measure_parse_number(digits, n, &t->number) == 0;
}

/* Returns the token at or after byte offset pos. */
static token token_at(const parser *p, size_t pos)
{
    token t;
    memset(&t, 0, sizeof t);
    size_t skip;
    while ((skip = space_at(p, pos)) > 0)
        pos += skip;
    t.start = t.end = pos;
    if (pos >= p->len) {
        t.kind = TOK_END;
        t.start = t.end = p->len;
        return t;
    }
    unsigned char c = byte_at(p, pos);
    size_t letter = letter_length(p, pos);
    if (letter) {
        size_t i = pos + letter;
        for (;;) {
            if ((letter = letter_length(p, i)) > 0)
                i += letter;
            else if ((byte_at(p, i) == '\'' || byte_at(p, i) == '-') && letter_length(p, i + 1))
                i++;
            else
                break;
        }
        t.kind = TOK_WORD;
        t.end = i;
    } else if (is_digit(c)) {
        t.kind = TOK_NUMBER;
        read_number(p, &t);
    } else if (c == 0xE2 && byte_at(p, pos + 1) == 0x80 &&
               (byte_at(p, pos + 2) == 0x93 || byte_at(p, pos + 2) == 0x94)) {
        t.kind = TOK_DASH;
        t.end = pos + 3;
    } else if (c == 0xC2 && byte_at(p, pos + 1) == 0xA3) {
        t.kind = TOK_POUND;
        t.end = pos + 2;
    } else {
        size_t n = char_length(p, pos);
        t.end = pos + (n ? n : 1);
        t.kind = c == '%' ? TOK_PERCENT
               : c == '-' || c == ':' ? TOK_DASH
               : c == '.' || c == ';' || c == '!' || c == '?' ? TOK_STOP
               : c == ',' ? TOK_COMMA
               : c == '(' || c == '[' ? TOK_OPEN
               : c == ')' || c == ']' ? TOK_CLOSE
                                      : TOK_OTHER;
    }
    return t;
}

/* Returns 1 when t is the word w (any case). */
static int word_is(const parser *p, token t, const char *w)
{
    size_t n = strlen(w);
    return t.kind == TOK_WORD && t.end - t.start == n && strncasecmp(p->text + t.start, w, n) == 0;
}

/* Returns 1 when t is one of the words of a NULL-terminated list. */
static int word_in(const parser *p, token t, const char *const words[])
{
    for (size_t i = 0; words[i]; i++)
        if (word_is(p, t, words[i]))
            return 1;
    return 0;
}

#define MAX_PHRASE_TOKENS 40     /* how far a description or subject is looked for */

static const char *const KEYWORDS[] = {"baseline", "baselines", "milestone", "milestones", "target", "targets", NULL};
static const char *const LOWER_VERBS[] = {"reduce", "reduced", "reducing", "reduction", "decrease", "decreased",
                                          "decreasing", "lower", "lowered", "lowering", "cut", "fall",
                                          "falling", "drop", NULL};
static const char *const HIGHER_VERBS[] = {"increase", "increased", "increasing", "rise", "rising", "raise",
                                           "raised", "improve", "improved", "improving", "grow", "growing", NULL};

/* Returns 1 when t names a month: a prefix of at least three letters of its
 * English name ("Sep", "Sept", "Septem"), as sl_date_parse understands. */
static int is_month(const parser *p, token t)
{
    static const char *const months[] = {"january", "february", "march",     "april",   "may",      "june",
                                         "july",    "august",   "september", "october", "november", "december"};
    size_t n = t.end - t.start;
    if (t.kind != TOK_WORD || n < 3)
        return 0;
    for (size_t i = 0; i < 12; i++)
        if (n <= strlen(months[i]) && strncasecmp(p->text + t.start, months[i], n) == 0)
            return 1;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Dates, quantities and names                                               */
/* ------------------------------------------------------------------------ */

typedef enum {
    WHEN_NONE = 0,      /* no date here */
    WHEN_UNRESOLVED,    /* a date phrase whose day is unknown (no year, impossible day) */
    WHEN_OK
} when_status;

/* Reads a date at pos: [the] [end of] [day [st|nd|rd|th]] month [year]. Its
 * extent is found here, its meaning by sl_date_parse. Sets *day (the last
 * day a month means) and *end on WHEN_OK or WHEN_UNRESOLVED. */
static when_status read_date(const parser *p, size_t pos, sl_day *day, size_t *end)
{
    token t = token_at(p, pos);
    if (word_is(p, t, "the"))
        t = token_at(p, t.end);
    if (word_is(p, t, "end")) {
        t = token_at(p, t.end);
        if (!word_is(p, t, "of"))
            return WHEN_NONE;
        t = token_at(p, t.end);
    }
    size_t start = t.start;
    if (t.kind == TOK_NUMBER && t.whole_digits <= 2 && t.number_ok && t.number >= 1 && t.number <= 31) {
        t = token_at(p, t.end);
        if (word_is(p, t, "st") || word_is(p, t, "nd") || word_is(p, t, "rd") || word_is(p, t, "th"))
            t = token_at(p, t.end);
    }
    if (!is_month(p, t))
        return WHEN_NONE;
    *end = t.end;
    token year = token_at(p, t.end);
    if (year.kind == TOK_NUMBER && year.number_ok && year.whole_digits == 4 && year.end - year.start == 4) {
        *end = year.end;
    } else if (year.kind == TOK_NUMBER && year.number_ok && year.whole_digits == 2 && year.end - year.start == 2) {
        token after = token_at(p, year.end);
        if (after.kind != TOK_PERCENT && !word_is(p, after, "by") && !word_is(p, after, "in"))
            *end = year.end;
    }
    sl_date_value value;
    if (sl_date_parse(p->text + start, *end - start, p->context_year, &value, NULL, 0) == SL_DATE_OK &&
        !value.vague && value.n_milestones == 1 && value.latest != SL_NO_DAY) {
        *day = value.latest;
        return WHEN_OK;
    }
    *day = SL_NO_DAY;
    return WHEN_UNRESOLVED;
}

/* Reads "PREP DATE" at pos where PREP is one of preps ("as at" counts as
 * "at"); sets *day and *end as read_date does. */
static when_status read_when(const parser *p, size_t pos, const char *const preps[], sl_day *day, size_t *end)
{
    token t = token_at(p, pos);
    if (word_is(p, t, "as")) {
        t = token_at(p, t.end);
        if (!word_is(p, t, "at") && !word_is(p, t, "of"))
            return WHEN_NONE;
        return read_date(p, t.end, day, end);
    }
    if (!word_in(p, t, preps))
        return WHEN_NONE;
    return read_date(p, t.end, day, end);
}

static const char *const BY[] = {"by", NULL};
static const char *const BY_OR_IN[] = {"by", "in", NULL};
static const char *const IN_OR_AT[] = {"in", "at", NULL};
static const char *const DATE_WORDS[] = {"by", "in", "at", NULL};

/* A number with its unit as written: "75%", "£46k" is not read, "33 days". */
typedef struct {
    double value;
    sl_unit unit;
    size_t start;
    size_t end;
} quantity;

/* Reads a quantity at pos; returns 1 and fills *q, or 0. */
static int read_quantity(const parser *p, size_t pos, quantity *q)
{
    token t = token_at(p, pos);
    q->start = t.start;
    q->unit = SL_UNIT_COUNT;
    if (t.kind == TOK_POUND) {
        q->unit = SL_UNIT_POUNDS;
        t = token_at(p, t.end);
    }
    if (t.kind != TOK_NUMBER || !t.number_ok)
        return 0;
    q->value = t.number;
    q->end = t.end;
    token unit = token_at(p, t.end);
    if (q->unit == SL_UNIT_POUNDS)
        return 1;
    if (unit.kind == TOK_PERCENT) {
        q->unit = SL_UNIT_PERCENT;
    } else if (word_is(p, unit, "days") || word_is(p, unit, "day")) {
        q->unit = SL_UNIT_DAYS;
    } else if (word_is(p, unit, "fte")) {
        q->unit = SL_UNIT_FTE;
    } else if (word_is(p, unit, "per")) {
        token base = token_at(p, unit.end);
        if (base.kind != TOK_NUMBER || base.number != 10000)
            return 1;
        q->unit = SL_UNIT_RATE_10K;
        unit = base;
    } else {
        return 1;
    }
    q->end = unit.end;
    return 1;
}

/* Returns 1 when the number token t is part of a date: a month beside it
 * (previous is the token before t). */
static int is_part_of_date(const parser *p, token previous, token t)
{
    return is_month(p, previous) || is_month(p, token_at(p, t.end));
}

/* Returns a cleaned copy of the bytes [start, end) as a name: spaces and
 * punctuation trimmed from both ends, control bytes and runs of white space
 * made one space, bytes that are not UTF-8 made '?', cut at a word (or, in
 * one long word, between characters) to SL_MEASURE_TEXT_NAME_MAX bytes.
 * Returns NULL when nothing is left; the caller frees the result. */
static char *name_between(const parser *p, size_t start, size_t end)
{
    static const char trim[] = " \t\r\n\v\f-:,;.(";
    while (start < end && (strchr(trim, p->text[start]) || (unsigned char)p->text[start] < 0x20))
        start++;
    while (end > start && (strchr(trim, p->text[end - 1]) || (unsigned char)p->text[end - 1] < 0x20))
        end--;
    char name[SL_MEASURE_TEXT_NAME_MAX + 1];
    size_t n = 0, last_space = 0;
    int cut = 0;
    for (size_t i = start, len; i < end; i += len ? len : 1) {
        unsigned char c = (unsigned char)p->text[i];
        len = i + char_length(p, i) <= end ? char_length(p, i) : 0;
        if (c <= ' ' || c == 0x7f) {
            if (n > 0 && name[n - 1] != ' ' && n < SL_MEASURE_TEXT_NAME_MAX) {
                last_space = n;
                name[n++] = ' ';
            }
        } else if (n + (len ? len : 1) > SL_MEASURE_TEXT_NAME_MAX) {
            cut = 1;
            break;
        } else if (len) {
            memcpy(name + n, p->text + i, len);
            n += len;
        } else {
            name[n++] = '?';
        }
    }
    if (cut && last_space > 0)
        n = last_space;                         /* cut at the last whole word */
    while (n > 0 && name[n - 1] == ' ')
        n--;
    return n ? sl_strndup(name, n) : NULL;
}

/* Returns the end of a description starting at pos: before the first full
 * stop, bracket, keyword, or date phrase ("in April 2014", "by Sept 2015"),
 * or before the word stop_word when given; at most MAX_PHRASE_TOKENS long. */
static size_t description_end(const parser *p, size_t pos, const char *stop_word)
{
    for (int steps = 0;; steps++) {
        token t = token_at(p, pos);
        sl_day day;
        size_t end;
        if (steps == MAX_PHRASE_TOKENS || t.kind == TOK_END || t.kind == TOK_STOP || t.kind == TOK_OPEN ||
            word_in(p, t, KEYWORDS) ||
            (stop_word && word_is(p, t, stop_word)) || read_when(p, t.start, DATE_WORDS, &day, &end) != WHEN_NONE)
            return t.start;
        pos = t.end;
    }
}

/* Returns the subject of the sentence starting at sentence_start and ending
 * before limit: its words up to the first linking word ("caseloads" in
 * "AYSE caseloads to be reduced to…"), looking at most MAX_PHRASE_TOKENS
 * tokens in. *start receives where it begins; returns where it ends. */
static size_t subject_end(const parser *p, size_t sentence_start, size_t limit, size_t *start)
{
    static const char *const linking[] = {"to", "be", "is", "are", "will", "should", "must", "need", "needs",
                                          "at", "a", "an", "of", "remain", "remains", NULL};
    size_t end = sentence_start;
    int have_words = 0, steps = 0;
    *start = sentence_start;
    for (token t = token_at(p, sentence_start); t.kind != TOK_END && t.start < limit && steps++ < MAX_PHRASE_TOKENS;
         t = token_at(p, t.end)) {
        int wordy = t.kind == TOK_WORD || t.kind == TOK_NUMBER || t.kind == TOK_DASH;
        if ((t.kind == TOK_WORD && word_in(p, t, linking)) || word_in(p, t, LOWER_VERBS) ||
            word_in(p, t, HIGHER_VERBS) || !wordy) {
            if (have_words)
                break;
            *start = end = t.end;
            continue;
        }
        if (!have_words)
            *start = t.start;
        have_words = 1;
        end = t.end;
    }
    return end;
}

/* ------------------------------------------------------------------------ */
/* Suggestions                                                               */
/* ------------------------------------------------------------------------ */

/* Starts a new suggestion at byte start; returns its index, or -1 when the
 * cell already holds the most suggestions allowed. */
static long new_suggestion(parser *p, size_t start)
{
    if (p->n >= SL_MEASURE_TEXT_MAX_SUGGESTIONS)
        return -1;
    p->list = sl_realloc(p->list, (p->n + 1) * sizeof *p->list);
    sl_measure_suggestion *s = &p->list[p->n];
    sl_measure_def_init(&s->def);
    s->start = s->end = start;
    return (long)p->n++;
}

/* Sets a suggestion's name from [start, end) unless it has one already. */
static void name_suggestion(parser *p, long index, size_t start, size_t end)
{
    sl_measure_def *def = &p->list[index].def;
    if (!def->name && end > start)
        def->name = name_between(p, start, end);
}

/* Records the unit of the first quantity read for a suggestion. */
static void note_unit(parser *p, long index, sl_unit unit)
{
    if (p->list[index].def.unit == SL_UNIT_UNSET)
        p->list[index].def.unit = unit;
}

/* Skips separators after a keyword: dashes, colons and the words given. */
static size_t skip_words(const parser *p, size_t pos, const char *const words[])
{
    for (;;) {
        token t = token_at(p, pos);
        if (t.kind != TOK_DASH && !word_in(p, t, words))
            return pos;
        pos = t.end;
    }
}

/* Finds the value that closes a description ("% of LAC aged 16-17 with an
 * up to date pathway plan 75%"): the first number with a unit (%, days, FTE,
 * £) in the sentence that is not part of a date, within MAX_PHRASE_TOKENS.
 * Sets *q and *name_start (after a leading "% of"); returns 1, or 0. */
static int find_trailing_value(const parser *p, size_t pos, quantity *q, size_t *name_start)
{
    token t = token_at(p, pos);
    if (t.kind == TOK_PERCENT)
        t = token_at(p, t.end);
    if (word_is(p, t, "of"))
        t = token_at(p, t.end);
    *name_start = t.start;
    token previous = t;
    for (int steps = 0; steps < MAX_PHRASE_TOKENS && t.kind != TOK_END && t.kind != TOK_STOP &&
                        !word_in(p, t, KEYWORDS);
         steps++) {
        if ((t.kind == TOK_NUMBER || t.kind == TOK_POUND) && !is_part_of_date(p, previous, t) &&
            read_quantity(p, t.start, q) && q->unit != SL_UNIT_COUNT)
            return 1;
        previous = t;
        t = token_at(p, t.end);
    }
    return 0;
}

/* Reads "Baseline …" after the keyword kw; returns the end or 0. */
static size_t parse_baseline(parser *p, token kw, long *current)
{
    static const char *const fillers[] = {"is", "was", "position", "figure", NULL};
    size_t pos = skip_words(p, kw.end, fillers);
    quantity q;
    size_t name_start = 0, name_end = 0;
    if (read_quantity(p, pos, &q)) {
        /* "75% of assessments completed within 45 days" / "7 in April 2014" */
        pos = q.end;
        token of = token_at(p, pos);
        if (word_is(p, of, "of")) {
            name_start = of.end;
            pos = name_end = description_end(p, of.end, NULL);
        }
    } else {
        /* "% of care leavers aged 18 plus 100%": the value ends the description */
        if (!find_trailing_value(p, pos, &q, &name_start))
            return 0;
        name_end = q.start;
        pos = q.end;
    }
    sl_day day = SL_NO_DAY;
    size_t end;
    if (read_when(p, pos, IN_OR_AT, &day, &end) != WHEN_NONE)
        pos = end;
    long index = new_suggestion(p, kw.start);
    if (index < 0)
        return 0;
    sl_measure_def *def = &p->list[index].def;
    def->baseline.set = 1;
    def->baseline.value = q.value;
    def->baseline.day = day;
    note_unit(p, index, q.unit);
    name_suggestion(p, index, name_start, name_end);
    p->list[index].end = pos;
    *current = index;
    return pos;
}

/* Reads "Milestone …" after the keyword kw: values each with an optional
 * "by DATE", joined by commas, "and" or nothing. Attaches them to the
 * current baseline's suggestion when it has no milestones yet. Returns the
 * end or 0. */
static size_t parse_milestones(parser *p, token kw, long *current)
{
    static const char *const fillers[] = {"maintain", "maintained", "is", "are", "of", NULL};
    static const char *const joiners[] = {"and", "then", NULL};
    quantity items[SL_MEASURE_MAX_MILESTONES];
    sl_day days[SL_MEASURE_MAX_MILESTONES];
    int dated[SL_MEASURE_MAX_MILESTONES];      /* a date phrase was written, resolved or not */
    int n = 0;
    size_t pos = skip_words(p, kw.end, fillers);
    while (n < SL_MEASURE_MAX_MILESTONES) {
        size_t at = n ? skip_words(p, pos, joiners) : pos;
        token sep = token_at(p, at);
        if (n && sep.kind == TOK_COMMA)
            at = skip_words(p, sep.end, joiners);
        quantity q;
        if (!read_quantity(p, at, &q))
            break;
        size_t end = q.end;
        sl_day day = SL_NO_DAY;
        when_status when = read_when(p, q.end, BY_OR_IN, &day, &end);
        if (n && when == WHEN_NONE && q.unit == SL_UNIT_COUNT)
            break;                              /* a bare number after the list is not a milestone */
        items[n] = q;
        dated[n] = when != WHEN_NONE;
        days[n++] = day;
        pos = end;
    }
    if (n == 0)
        return 0;
    long index = *current;
    if (index < 0 || p->list[index].def.n_milestones > 0 || p->list[index].def.target.set)
        index = new_suggestion(p, kw.start);
    if (index < 0)
        return 0;
    sl_measure_def *def = &p->list[index].def;
    for (int i = 0; i < n; i++) {
        if (!dated[i] && !def->target.set) {
            def->target.set = 1;                /* "Maintain 100%": a level to reach and keep */
            def->target.value = items[i].value;
        } else {
            sl_measure_def_add_milestone(def, items[i].value, days[i]);
        }
    }
    note_unit(p, index, items[0].unit);
    p->list[index].end = pos;
    *current = index;
    return pos;
}

/* Reads the target itself at pos: a value then either a relative change
 * ("20% reduction in PP numbers") or a description, then "by DATE".
 * relative_only refuses an absolute target; date_required refuses one with
 * no date phrase. Returns the end or 0. */
static size_t read_target_body(parser *p, size_t phrase_start, size_t pos, sl_polarity hint, int relative_only,
                               int date_required)
{
    quantity q;
    if (!read_quantity(p, pos, &q))
        return 0;
    token t = token_at(p, q.end);
    int relative = 0;
    if (word_in(p, t, LOWER_VERBS) || word_in(p, t, HIGHER_VERBS)) {
        relative = word_in(p, t, LOWER_VERBS) ? -1 : 1;
        hint = relative < 0 ? SL_POLARITY_LOWER : SL_POLARITY_HIGHER;
        t = token_at(p, t.end);
        if (word_is(p, t, "in") || word_is(p, t, "of"))
            t = token_at(p, t.end);
    } else if (relative_only) {
        return 0;
    }
    size_t name_start = t.start;
    size_t name_end = description_end(p, name_start, "by");
    sl_day day = SL_NO_DAY;
    size_t end = name_end;
    when_status when = read_when(p, name_end, BY, &day, &end);
    if (when == WHEN_NONE && date_required)
        return 0;
    long index = new_suggestion(p, phrase_start);
    if (index < 0)
        return 0;
    sl_measure_def *def = &p->list[index].def;
    def->target.set = 1;
    def->target.value = relative ? relative * q.value : q.value;
    def->target.day = day;
    def->target_relative = relative != 0;
    def->polarity = hint;
    note_unit(p, index, relative ? SL_UNIT_COUNT : q.unit);
    name_suggestion(p, index, name_start, name_end);
    p->list[index].end = end;
    return end;
}

/* Skips the words between "target" (or "to") and its value, noting the
 * direction they give: "at least", "minimum", "above", "more than" → higher;
 * "maximum", "below", "under", "less than", "no more than" → lower. Returns
 * where the value should start. */
static size_t skip_target_words(const parser *p, size_t pos, sl_polarity *hint)
{
    static const char *const fillers[] = {"is", "are", "was", "of", "a", "an", "to", "reach", "achieve", "be",
                                          "will", "set", "for", "our", "the", "get", "than", "at", NULL};
    static const char *const lower[] = {"maximum", "max", "below", "under", "less", "fewer", NULL};
    static const char *const higher[] = {"minimum", "min", "least", "above", "over", NULL};
    int negated = 0;                            /* "no more than" */
    for (int steps = 0; steps < 10; steps++) {
        token t = token_at(p, pos);
        if (word_in(p, t, lower))
            *hint = SL_POLARITY_LOWER;
        else if (word_in(p, t, higher))
            *hint = SL_POLARITY_HIGHER;
        else if (word_is(p, t, "more"))
            *hint = negated ? SL_POLARITY_LOWER : SL_POLARITY_HIGHER;
        else if (word_is(p, t, "no") || word_is(p, t, "not"))
            negated = 1;
        else if (t.kind != TOK_DASH && !word_in(p, t, fillers))
            return pos;
        pos = t.end;
    }
    return pos;
}

/* Reads "target is …" after the keyword kw; returns the end or 0. */
static size_t parse_target(parser *p, token kw)
{
    sl_polarity hint = SL_POLARITY_UNSET;
    size_t pos = skip_target_words(p, kw.end, &hint);
    return read_target_body(p, kw.start, pos, hint, 0, 0);
}

/* Adds a suggestion read from [phrase_start, end): a target of q by day,
 * with the polarity hint, named by [name_start, name_end). Returns end, or 0
 * when no suggestion can be added. */
static size_t add_target(parser *p, size_t phrase_start, size_t name_start, size_t name_end,
                         const quantity *q, sl_day day, sl_polarity hint, size_t end)
{
    long index = new_suggestion(p, phrase_start);
    if (index < 0)
        return 0;
    sl_measure_def *def = &p->list[index].def;
    def->target.set = 1;
    def->target.value = q->value;
    def->target.day = day;
    def->polarity = hint;
    note_unit(p, index, q->unit);
    name_suggestion(p, index, name_start, name_end);
    p->list[index].end = end;
    return end;
}

/* Reads "VERB [in DESC] to [a] [maximum of] VALUE by DATE" after a change
 * verb ("reduced to maximum of 15 by 31 st Aug", "reduction in inadequate
 * new plans to 0% by end of November 2014"); the name is the description
 * or else the sentence's subject. Returns the end or 0. */
static size_t parse_change(parser *p, token verb, size_t sentence_start)
{
    sl_polarity hint = word_in(p, verb, LOWER_VERBS) ? SL_POLARITY_LOWER : SL_POLARITY_HIGHER;
    size_t name_start, name_end, phrase_start;
    token t = token_at(p, verb.end);
    if (word_is(p, t, "in") || word_is(p, t, "of")) {
        name_start = t.end;
        name_end = description_end(p, t.end, "to");
        phrase_start = verb.start;
        t = token_at(p, name_end);
    } else {
        name_end = subject_end(p, sentence_start, verb.start, &name_start);
        phrase_start = name_end > name_start ? name_start : verb.start;
    }
    if (!word_is(p, t, "to"))
        return 0;
    size_t pos = skip_target_words(p, t.end, &hint);
    quantity q;
    if (!read_quantity(p, pos, &q))
        return 0;
    sl_day day = SL_NO_DAY;
    size_t end;
    if (read_when(p, q.end, BY, &day, &end) == WHEN_NONE)
        return 0;
    return add_target(p, phrase_start, name_start, name_end, &q, day, hint, end);
}

/* Reads "maximum of 15 by 31st Aug" (or minimum) at the keyword kw, named by
 * the sentence's subject. Returns the end or 0. */
static size_t parse_limit(parser *p, token kw, size_t sentence_start)
{
    sl_polarity hint = word_is(p, kw, "maximum") ? SL_POLARITY_LOWER : SL_POLARITY_HIGHER;
    token of = token_at(p, kw.end);
    quantity q;
    if (!word_is(p, of, "of") || !read_quantity(p, of.end, &q))
        return 0;
    sl_day day = SL_NO_DAY;
    size_t end;
    if (read_when(p, q.end, BY, &day, &end) == WHEN_NONE)
        return 0;
    size_t name_start;
    size_t name_end = subject_end(p, sentence_start, kw.start, &name_start);
    return add_target(p, name_end > name_start ? name_start : kw.start, name_start, name_end, &q, day,
                      hint, end);
}

static const char *const HOLD_VERBS[] = {"remain", "remains", "remaining", "stay", "stays", "staying",
                                         "kept", "keep", "keeps", "maintain", "maintains", "maintained", NULL};
static const char *const BELOW_WORDS[] = {"below", "under", NULL};
static const char *const ABOVE_WORDS[] = {"above", "over", NULL};

/* Finds "by DATE" between pos and the end of the sentence; returns 1 and
 * sets *day and *end, or 0. */
static int find_by_date(const parser *p, size_t pos, sl_day *day, size_t *end)
{
    for (int steps = 0; steps < MAX_PHRASE_TOKENS; steps++) {
        token t = token_at(p, pos);
        if (t.kind == TOK_END || t.kind == TOK_STOP)
            return 0;
        if (word_is(p, t, "by") && read_when(p, t.start, BY, day, end) != WHEN_NONE)
            return 1;
        pos = t.end;
    }
    return 0;
}

/* Reads "SUBJECT remains below 15% [and lower than benchmarks (25%)] by
 * April 2015" (or stays/is kept/maintained, below/under or above/over) at
 * the verb: a ceiling or floor to hold by a date, named by the subject.
 * Returns the end or 0. */
static size_t parse_hold(parser *p, token verb, size_t sentence_start)
{
    token side = token_at(p, verb.end);
    sl_polarity hint = word_in(p, side, BELOW_WORDS)   ? SL_POLARITY_LOWER
                     : word_in(p, side, ABOVE_WORDS) ? SL_POLARITY_HIGHER
                                                     : SL_POLARITY_UNSET;
    quantity q;
    if (hint == SL_POLARITY_UNSET || !read_quantity(p, side.end, &q))
        return 0;
    sl_day day = SL_NO_DAY;
    size_t end;
    if (!find_by_date(p, q.end, &day, &end))
        return 0;
    size_t name_start;
    size_t name_end = subject_end(p, sentence_start, verb.start, &name_start);
    return add_target(p, name_end > name_start ? name_start : verb.start, name_start, name_end, &q, day,
                      hint, end);
}

/* Guesses an unset polarity from the baseline and the last later value. */
static void infer_polarity(sl_measure_def *def)
{
    if (def->polarity != SL_POLARITY_UNSET || !def->baseline.set)
        return;
    const sl_measure_point *later = def->target.set && !def->target_relative ? &def->target
                                  : def->n_milestones > 0 ? &def->milestones[def->n_milestones - 1]
                                                          : NULL;
    if (later && later->value > def->baseline.value)
        def->polarity = SL_POLARITY_HIGHER;
    else if (later && later->value < def->baseline.value)
        def->polarity = SL_POLARITY_LOWER;
}

/* Tries the recogniser for token t; returns the end of what it read or 0. */
static size_t recognise(parser *p, token t, size_t sentence_start, long *current)
{
    if (word_is(p, t, "baseline") || word_is(p, t, "baselines"))
        return parse_baseline(p, t, current);
    if (word_is(p, t, "milestone") || word_is(p, t, "milestones"))
        return parse_milestones(p, t, current);
    if (word_is(p, t, "target") || word_is(p, t, "targets"))
        return parse_target(p, t);
    if (word_in(p, t, LOWER_VERBS) || word_in(p, t, HIGHER_VERBS))
        return parse_change(p, t, sentence_start);
    if (word_is(p, t, "maximum") || word_is(p, t, "minimum"))
        return parse_limit(p, t, sentence_start);
    if (word_in(p, t, HOLD_VERBS))
        return parse_hold(p, t, sentence_start);
    if (t.kind == TOK_NUMBER && token_at(p, t.end).kind == TOK_PERCENT)
        return read_target_body(p, t.start, t.start, SL_POLARITY_UNSET, 1, 1);
    return 0;
}

size_t sl_measure_text_suggest(const char *text, size_t len, int context_year, sl_measure_suggestion **out)
{
    parser p = {text, len, context_year, NULL, 0};
    size_t pos = 0, sentence_start = 0;
    long current = -1;
    for (token t = token_at(&p, 0); t.kind != TOK_END; t = token_at(&p, pos)) {
        size_t end = recognise(&p, t, sentence_start, &current);
        if (end > t.start) {
            pos = sentence_start = end;
            continue;
        }
        if (t.kind == TOK_STOP)
            sentence_start = t.end;
        pos = t.end;
    }
    for (size_t i = 0; i < p.n; i++) {
        sl_measure_suggestion *s = &p.list[i];
        infer_polarity(&s->def);
        sl_measure_def_set_text(&s->def.suggested_from, text + s->start, s->end - s->start);
    }
    *out = p.list;
    return p.n;
}

void sl_measure_suggestions_free(sl_measure_suggestion *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sl_measure_def_free(&list[i].def);
    free(list);
}
