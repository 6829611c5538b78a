/* date.c — day arithmetic and the parser for dates as councils write them
 * (SPEC.md §4, DOMAIN.md "Calendar conventions").
 *
 * The parser works in three steps, all on the stack:
 *   1. tokenise the text into words, numbers and punctuation (bounded array);
 *   2. walk the tokens, matching a date form at each place and gathering the
 *      words around the dates as milestone labels, recurrence words and
 *      connectors ("to", "-", "and ongoing", "From");
 *   3. resolve missing years, check every day against the calendar and fill
 *      the sl_date_value.
 * Nothing is allocated, nothing is read past len, and a pointer into the text
 * is never kept in the result. */
#include "domain/date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util/clock.h"

/* ------------------------------------------------------------------------ */
/* Day arithmetic                                                            */
/* ------------------------------------------------------------------------ */

#define DAYS_PER_400_YEARS 146097
#define DAYS_0000_03_01_TO_EPOCH 719468 /* days from 0000-03-01 to 1970-01-01 */

/* Returns a / b rounded towards minus infinity (b > 0). */
static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

/* Returns 1 when year is a Gregorian leap year. */
static int is_leap_year(int64_t year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Returns the length of a month, 0 for a month outside 1-12. */
int sl_days_in_month(int year, int month)
{
    static const unsigned char lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && is_leap_year(year))
        return 29;
    return lengths[month - 1];
}

/* Returns 1 for a real day of years 1..9999. */
int sl_ymd_valid(int year, int month, int day)
{
    if (year < 1 || year > 9999 || month < 1 || month > 12)
        return 0;
    return day >= 1 && day <= sl_days_in_month(year, month);
}

/* Returns the day number of y-m-d. Counting years from 1 March makes the
 * leap day the last day of a year, so the day of the year follows from the
 * month by one linear formula. */
sl_day sl_day_from_ymd(int year, int month, int day)
{
    int64_t y = (int64_t)year - (month <= 2 ? 1 : 0);
    int64_t era = floor_div(y, 400);
    int64_t year_of_era = y - era * 400;                    /* 0..399 */
    int64_t month_from_march = (month + 9) % 12;            /* March = 0 */
    int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return (sl_day)(era * DAYS_PER_400_YEARS + day_of_era - DAYS_0000_03_01_TO_EPOCH);
}

/* Splits a day number into year, month and day (the inverse of sl_day_from_ymd);
 * any output pointer may be NULL. */
void sl_day_to_ymd(sl_day day, int *year, int *month, int *mday)
{
    int64_t z = (int64_t)day + DAYS_0000_03_01_TO_EPOCH;
    int64_t era = floor_div(z, DAYS_PER_400_YEARS);
    int64_t day_of_era = z - era * DAYS_PER_400_YEARS;     /* 0..146096 */
    int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    int64_t month_from_march = (5 * day_of_year + 2) / 153;
    int64_t d = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    int64_t m = month_from_march < 10 ? month_from_march + 3 : month_from_march - 9;
    int64_t y = year_of_era + era * 400 + (m <= 2 ? 1 : 0);
    if (year)
        *year = (int)y;
    if (month)
        *month = (int)m;
    if (mday)
        *mday = (int)d;
}

/* Returns the ISO weekday, 1 Monday … 7 Sunday. */
int sl_day_weekday(sl_day day)
{
    /* 1970-01-01 was a Thursday (ISO weekday 4). */
    int64_t from_monday = ((int64_t)day + 3) % 7;
    if (from_monday < 0)
        from_monday += 7;
    return (int)from_monday + 1;
}

/* Writes value as exactly width decimal digits (value >= 0). */
static void put_digits(char *out, int value, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        out[i] = (char)('0' + value % 10);
        value /= 10;
    }
}

/* Writes "YYYY-MM-DD"; days outside years 0..9999 format as "0000-00-00". */
void sl_day_format(sl_day day, char out[11])
{
    int y, m, d;
    sl_day_to_ymd(day, &y, &m, &d);
    if (y < 0 || y > 9999)
        y = m = d = 0;
    put_digits(out, y, 4);
    out[4] = '-';
    put_digits(out + 5, m, 2);
    out[7] = '-';
    put_digits(out + 8, d, 2);
    out[10] = '\0';
}

/* Reads width ASCII digits at text into *value; returns 0, or -1 on a non-digit. */
static int read_digits(const char *text, int width, int *value)
{
    int v = 0;
    for (int i = 0; i < width; i++) {
        if (text[i] < '0' || text[i] > '9')
            return -1;
        v = v * 10 + (text[i] - '0');
    }
    *value = v;
    return 0;
}

/* Parses exactly "YYYY-MM-DD" naming a real day; returns 0, or -1. */
int sl_day_parse_iso(const char *text, sl_day *out)
{
    int y, m, d;
    if (!text || strlen(text) != 10 || text[4] != '-' || text[7] != '-')
        return -1;
    if (read_digits(text, 4, &y) || read_digits(text + 5, 2, &m) || read_digits(text + 8, 2, &d))
        return -1;
    if (!sl_ymd_valid(y, m, d))
        return -1;
    if (out)
        *out = sl_day_from_ymd(y, m, d);
    return 0;
}

sl_day sl_today(void)
{
    char stamp[32];
    sl_now_timestamp(stamp);
    stamp[10] = '\0';
    sl_day day;
    if (sl_day_parse_iso(stamp, &day) == 0)
        return day;
    return (sl_day)(time(NULL) / 86400);
}

/* Returns the last Sunday of a month as a day number. */
static sl_day last_sunday(int year, int month)
{
    sl_day last = sl_day_from_ymd(year, month, sl_days_in_month(year, month));
    return last - sl_day_weekday(last) % 7;
}

/* Returns 1 when a UTC time falls in British Summer Time: from 01:00 UTC on
 * the last Sunday of March to 01:00 UTC on the last Sunday of October. */
static int london_summer(int64_t utc_seconds)
{
    int year, month, mday;
    sl_day_to_ymd((sl_day)floor_div(utc_seconds, 86400), &year, &month, &mday);
    int64_t starts = (int64_t)last_sunday(year, 3) * 86400 + 3600;
    int64_t ends = (int64_t)last_sunday(year, 10) * 86400 + 3600;
    return utc_seconds >= starts && utc_seconds < ends;
}

void sl_london_time(int64_t utc_seconds, sl_day *day, int *minute)
{
    int64_t local = utc_seconds + (london_summer(utc_seconds) ? 3600 : 0);
    int64_t local_day = floor_div(local, 86400);
    *day = (sl_day)local_day;
    *minute = (int)((local - local_day * 86400) / 60);
}

/* Reads "YYYY-MM-DDTHH:MM[:SS]" (T or a space; seconds and a Z optional)
 * into seconds since 1970, UTC; returns 0, or -1 when it is not one. */
static int stamp_seconds(const char *stamp, int64_t *out)
{
    char day_text[11];
    int h, m, sec = 0;
    if (!stamp || strlen(stamp) < 16 || (stamp[10] != 'T' && stamp[10] != ' ') || stamp[13] != ':')
        return -1;
    memcpy(day_text, stamp, 10);
    day_text[10] = '\0';
    sl_day day;
    if (sl_day_parse_iso(day_text, &day) < 0 || read_digits(stamp + 11, 2, &h) < 0 ||
        read_digits(stamp + 14, 2, &m) < 0 || h > 23 || m > 59)
        return -1;
    if (stamp[16] == ':' && (read_digits(stamp + 17, 2, &sec) < 0 || sec > 60))
        return -1;
    *out = (int64_t)day * 86400 + h * 3600 + m * 60 + sec;
    return 0;
}

sl_day sl_today_london(void)
{
    char stamp[32];
    sl_now_timestamp(stamp);
    int64_t seconds;
    if (stamp_seconds(stamp, &seconds) < 0)
        seconds = (int64_t)time(NULL);
    sl_day day;
    int minute;
    sl_london_time(seconds, &day, &minute);
    return day;
}

static const char *const month_words[12] = {"January", "February", "March", "April", "May", "June", "July",
                                            "August", "September", "October", "November", "December"};

void sl_day_text(sl_day day, int long_month, char out[SL_DAY_TEXT_SIZE])
{
    out[0] = '\0';
    if (day == SL_NO_DAY)
        return;
    int y, m, d;
    sl_day_to_ymd(day, &y, &m, &d);
    if (m < 1 || m > 12)
        return;
    const char *name = month_words[m - 1];
    /* "Sept" is how councils write it, but GOV.UK style is three letters. */
    snprintf(out, SL_DAY_TEXT_SIZE, "%d %.*s %d", d, long_month ? (int)strlen(name) : 3, name, y);
}

void sl_day_uk(sl_day day, char out[SL_DAY_TEXT_SIZE])
{
    sl_day_text(day, 0, out);
}

void sl_time_text(const char *stamp, char out[SL_TIME_TEXT_SIZE])
{
    int64_t seconds;
    if (stamp_seconds(stamp, &seconds) < 0) {
        snprintf(out, SL_TIME_TEXT_SIZE, "%s", stamp ? stamp : "");
        return;
    }
    sl_day day;
    int minute;
    sl_london_time(seconds, &day, &minute);
    char day_text[SL_DAY_TEXT_SIZE];
    sl_day_text(day, 0, day_text);
    snprintf(out, SL_TIME_TEXT_SIZE, "%s, %02d:%02d %s", day_text, minute / 60, minute % 60,
             london_summer(seconds) ? "BST" : "GMT");
}

sl_day sl_stamp_london_day(const char *stamp)
{
    int64_t seconds;
    if (stamp_seconds(stamp, &seconds) < 0)
        return SL_NO_DAY;
    sl_day day;
    int minute;
    sl_london_time(seconds, &day, &minute);
    return day;
}

/* How a word of a code is written for people. */
enum { WORD_PLAIN = 0, WORD_CAPITALS, WORD_NAME };

/* Returns how the len bytes at word are written: an initialism in capitals
 * (SIF, ILACS…), a name with its capital (Ofsted), else plain. */
static int word_kind(const char *word, size_t len)
{
    static const struct {
        const char *word;
        int kind;
    } words[] = {{"sif", WORD_CAPITALS},  {"ilacs", WORD_CAPITALS}, {"jtai", WORD_CAPITALS},
                 {"send", WORD_CAPITALS}, {"sro", WORD_CAPITALS},   {"rag", WORD_CAPITALS},
                 {"dcs", WORD_CAPITALS},  {"ofsted", WORD_NAME}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i].word) == len && memcmp(words[i].word, word, len) == 0)
            return words[i].kind;
    return WORD_PLAIN;
}

void sl_code_words(const char *code, char *out, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; code && code[i] && o + 1 < n;) {
        size_t len = strcspn(code + i, "-_ ");
        int kind = word_kind(code + i, len);
        for (size_t k = 0; k < len && o + 1 < n; k++) {
            char c = code[i + k];
            int upper = kind == WORD_CAPITALS || ((o == 0 || kind == WORD_NAME) && k == 0);
            out[o++] = (char)(upper && c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        }
        i += len;
        if (code[i] && o + 1 < n) {
            out[o++] = ' ';
            i++;
        }
    }
    out[o] = '\0';
}

/* ------------------------------------------------------------------------ */
/* Tokens                                                                    */
/* ------------------------------------------------------------------------ */

typedef enum {
    TK_END = 0, /* past the last token */
    TK_WORD,    /* ASCII letters */
    TK_NUM,     /* ASCII digits */
    TK_SLASH,
    TK_DASH,    /* '-', en dash, em dash */
    TK_DOT,
    TK_COMMA,   /* ',' or ';' */
    TK_PAREN,   /* '(' or ')' or '[' or ']' */
    TK_COLON,
    TK_AMP,
    TK_OTHER    /* any other byte: not part of a date */
} token_kind;

typedef struct {
    token_kind kind;
    int ndigits;   /* TK_NUM: digits written (leading zeros count) */
    int value;     /* TK_NUM: value, capped at 99999999 */
    size_t start;  /* byte offset in the text */
    size_t len;    /* bytes */
} token;

#define MAX_TOKENS 64
#define NUM_CAP 99999999

typedef struct {
    const char *text;
    size_t len;
    int count;
    int truncated;      /* text remained when the array filled */
    size_t resume_at;   /* byte offset after the last token read */
    token tok[MAX_TOKENS];
} token_list;

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

/* Returns how many bytes at p (n available) are white space or quotes that
 * separate tokens: ASCII space, tab, line ends, apostrophes and quotes, the
 * UTF-8 no-break space and curly quotes. 0 when p starts something else. */
static size_t separator_bytes(const unsigned char *p, size_t n)
{
    if (n == 0)
        return 0;
    if (p[0] == ' ' || p[0] == '\t' || p[0] == '\r' || p[0] == '\n' || p[0] == '\v' ||
        p[0] == '\f' || p[0] == '\'' || p[0] == '"')
        return 1;
    if (n >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
        return 2;
    if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] >= 0x98 && p[2] <= 0x9D))
        return 3;
    return 0;
}

/* Returns how many bytes at p form a dash: '-', or a UTF-8 en/em dash; else 0. */
static size_t dash_bytes(const unsigned char *p, size_t n)
{
    if (n >= 1 && p[0] == '-')
        return 1;
    if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x93 || p[2] == 0x94))
        return 3;
    return 0;
}

/* Returns the token kind of a one-byte punctuation mark. */
static token_kind punctuation_kind(unsigned char c)
{
    switch (c) {
    case '/': return TK_SLASH;
    case '.': return TK_DOT;
    case ',': case ';': return TK_COMMA;
    case '(': case ')': case '[': case ']': return TK_PAREN;
    case ':': return TK_COLON;
    case '&': return TK_AMP;
    default: return TK_OTHER;
    }
}

/* Reads one token starting at p (n bytes available, n > 0, not a separator)
 * into t; returns the bytes it covers. */
static size_t read_token(const unsigned char *p, size_t n, token *t)
{
    size_t i = 0;
    if (is_letter(p[0])) {
        while (i < n && is_letter(p[i]))
            i++;
        t->kind = TK_WORD;
    } else if (is_digit(p[0])) {
        int value = 0;
        while (i < n && is_digit(p[i])) {
            if (value <= NUM_CAP / 10)
                value = value * 10 + (p[i] - '0');
            else
                value = NUM_CAP;
            i++;
        }
        t->kind = TK_NUM;
        t->value = value > NUM_CAP ? NUM_CAP : value;
        t->ndigits = i > 99 ? 99 : (int)i;
    } else if ((i = dash_bytes(p, n)) > 0) {
        t->kind = TK_DASH;
    } else {
        t->kind = punctuation_kind(p[0]);
        i = 1;
    }
    return i;
}

/* Splits text[offset, len) into tokens; stops when MAX_TOKENS are read. */
static void tokenize(token_list *tl, const char *text, size_t len, size_t offset)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t at = offset;
    tl->text = text;
    tl->len = len;
    tl->count = 0;
    tl->truncated = 0;
    while (at < len) {
        size_t skip = separator_bytes(p + at, len - at);
        if (skip) {
            at += skip;
            continue;
        }
        if (tl->count == MAX_TOKENS) {
            tl->truncated = 1;
            break;
        }
        token *t = &tl->tok[tl->count++];
        memset(t, 0, sizeof *t);
        t->start = at;
        t->len = read_token(p + at, len - at, t);
        at += t->len;
    }
    tl->resume_at = at;
}

/* Returns token i, or an end token when i is outside the list. */
static const token *tk(const token_list *tl, int i)
{
    static const token end_token = {TK_END, 0, 0, 0, 0};
    return (i >= 0 && i < tl->count) ? &tl->tok[i] : &end_token;
}

/* Returns 1 when token i is a word equal to lower (lower case), ignoring case. */
static int word_is(const token_list *tl, int i, const char *lower)
{
    const token *t = tk(tl, i);
    size_t n = strlen(lower);
    if (t->kind != TK_WORD || t->len != n)
        return 0;
    for (size_t k = 0; k < n; k++) {
        char c = tl->text[t->start + k];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != lower[k])
            return 0;
    }
    return 1;
}

/* Returns 1 when token i is a word in the NULL-terminated list of lower-case words. */
static int word_in(const token_list *tl, int i, const char *const *words)
{
    for (; *words; words++)
        if (word_is(tl, i, *words))
            return 1;
    return 0;
}

/* Returns 1 when token i is a number of min..max digits. */
static int num_at(const token_list *tl, int i, int min_digits, int max_digits)
{
    const token *t = tk(tl, i);
    return t->kind == TK_NUM && t->ndigits >= min_digits && t->ndigits <= max_digits;
}

static const char *const month_names[12] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
};

/* Returns the month (1-12) named by token i, or 0. A name is the full month
 * or any beginning of it of three letters or more ("Sep", "Sept", "Febr"). */
static int month_at(const token_list *tl, int i)
{
    const token *t = tk(tl, i);
    char lower[10];
    if (t->kind != TK_WORD || t->len < 3 || t->len > 9)
        return 0;
    for (size_t k = 0; k < t->len; k++) {
        char c = tl->text[t->start + k];
        lower[k] = (char)((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
    }
    for (int m = 0; m < 12; m++)
        if (t->len <= strlen(month_names[m]) && memcmp(lower, month_names[m], t->len) == 0)
            return m + 1;
    return 0;
}

/* Returns 1 when token i is an ordinal suffix: st, nd, rd, th. */
static int ordinal_at(const token_list *tl, int i)
{
    static const char *const suffixes[] = {"st", "nd", "rd", "th", NULL};
    return word_in(tl, i, suffixes);
}

/* Returns the year written by a two-digit (20xx) or four-digit number. */
static int year_value(const token *t)
{
    return t->ndigits == 2 ? 2000 + t->value : t->value;
}

/* Returns 1 and sets *year when token i reads as the year of a date: two or
 * four digits, not the day of a following month ("Sept 30 Nov") and not the
 * start of a numeric date ("14/15"). */
static int year_at(const token_list *tl, int i, int *year)
{
    if (!num_at(tl, i, 2, 2) && !num_at(tl, i, 4, 4))
        return 0;
    if (month_at(tl, i + 1) || ordinal_at(tl, i + 1))
        return 0;
    if (tk(tl, i + 1)->kind == TK_SLASH && tk(tl, i + 2)->kind == TK_NUM)
        return 0;
    *year = year_value(tk(tl, i));
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Date forms                                                                */
/* ------------------------------------------------------------------------ */

typedef enum {
    RAW_DAY,      /* "18 Sept 17", "31/03/22", "2017-08-31" */
    RAW_BARE_DAY, /* the "13" of "13-24 May 2024": month and year from the range end */
    RAW_MONTH,    /* "Jul 17", "11/2020" */
    RAW_QUARTER,  /* "Q2 2014/15" */
    RAW_FYEAR,    /* "2021/22" */
    RAW_YEAR      /* "2021" */
} raw_kind;

#define YEAR_MISSING (-1)

/* A date form as written, before years are resolved and days checked. */
typedef struct {
    raw_kind kind;
    int year;     /* YEAR_MISSING when the text gave none */
    int year2;    /* RAW_FYEAR, RAW_QUARTER: the second year written */
    int month;
    int day;
    int quarter;
    int first;    /* tokens [first, next) */
    int next;
} raw_date;

/* Fills r with the given form over tokens [first, next). */
static void set_raw(raw_date *r, raw_kind kind, int year, int month, int day, int first, int next)
{
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->year = year;
    r->month = month;
    r->day = day;
    r->first = first;
    r->next = next;
}

/* Returns the full second year of a financial year written "2014/15". */
static int second_year(int first_year, const token *t)
{
    int y2;
    if (t->ndigits != 2)
        return t->value;
    y2 = first_year / 100 * 100 + t->value;
    return y2 < first_year ? y2 + 100 : y2;
}

/* Matches a financial year at i: "2014/15", "2014/2015", "2014-15" (second
 * part above 12, else it is an ISO month), or "14/15" when short is set. */
static int match_fyear_only(const token_list *tl, int i, int allow_short, int *y1, int *y2, int *next)
{
    token_kind sep = tk(tl, i + 1)->kind;
    if (num_at(tl, i, 4, 4) && sep == TK_SLASH && (num_at(tl, i + 2, 2, 2) || num_at(tl, i + 2, 4, 4))) {
        *y1 = tk(tl, i)->value;
    } else if (num_at(tl, i, 4, 4) && sep == TK_DASH && num_at(tl, i + 2, 2, 2) &&
               tk(tl, i + 2)->value > 12) {
        *y1 = tk(tl, i)->value;
    } else if (allow_short && num_at(tl, i, 2, 2) && sep == TK_SLASH && num_at(tl, i + 2, 2, 2)) {
        *y1 = 2000 + tk(tl, i)->value;
    } else {
        return 0;
    }
    *y2 = second_year(*y1, tk(tl, i + 2));
    *next = i + 3;
    return 1;
}

/* Matches "Q2 2014/15" or "Q2 14/15" at i. */
static int match_quarter(const token_list *tl, int i, raw_date *r)
{
    int y1, y2, next;
    if (!word_is(tl, i, "q") || !num_at(tl, i + 1, 1, 2))
        return 0;
    if (!match_fyear_only(tl, i + 2, 1, &y1, &y2, &next))
        return 0;
    set_raw(r, RAW_QUARTER, y1, 0, 0, i, next);
    r->year2 = y2;
    r->quarter = tk(tl, i + 1)->value;
    return 1;
}

/* Matches ISO "2017-08-31" or "2017-08", a financial year "2021/22", or a
 * bare four-digit year 1900-2199 at i. */
static int match_four_digit_start(const token_list *tl, int i, raw_date *r)
{
    int y1, y2, next;
    if (!num_at(tl, i, 4, 4))
        return 0;
    y1 = tk(tl, i)->value;
    if (tk(tl, i + 1)->kind == TK_DASH && num_at(tl, i + 2, 1, 2)) {
        if (tk(tl, i + 3)->kind == TK_DASH && num_at(tl, i + 4, 1, 2)) {
            set_raw(r, RAW_DAY, y1, tk(tl, i + 2)->value, tk(tl, i + 4)->value, i, i + 5);
            return 1;
        }
        if (tk(tl, i + 2)->value <= 12) {
            set_raw(r, RAW_MONTH, y1, tk(tl, i + 2)->value, 0, i, i + 3);
            return 1;
        }
    }
    if (match_fyear_only(tl, i, 0, &y1, &y2, &next)) {
        set_raw(r, RAW_FYEAR, y1, 0, 0, i, next);
        r->year2 = y2;
        return 1;
    }
    if (y1 >= 1900 && y1 <= 2199) {
        set_raw(r, RAW_YEAR, y1, 0, 0, i, i + 1);
        return 1;
    }
    return 0;
}

/* Matches numeric forms at i: "31/03/22", "01/04/2021", "29.8.17",
 * "31-03-2022" (day), "11/2020" (month), "14/8" (day, year from context). */
static int match_numeric(const token_list *tl, int i, raw_date *r)
{
    token_kind sep = tk(tl, i + 1)->kind;
    int a, b;
    if (!num_at(tl, i, 1, 2) || (sep != TK_SLASH && sep != TK_DOT && sep != TK_DASH))
        return 0;
    a = tk(tl, i)->value;
    if (num_at(tl, i + 2, 1, 2)) {
        b = tk(tl, i + 2)->value;
        if (tk(tl, i + 3)->kind == sep && (num_at(tl, i + 4, 2, 2) || num_at(tl, i + 4, 4, 4))) {
            set_raw(r, RAW_DAY, year_value(tk(tl, i + 4)), b, a, i, i + 5);
            return 1;
        }
        if (sep == TK_SLASH && b >= 1 && b <= 12 && tk(tl, i + 3)->kind != TK_SLASH) {
            set_raw(r, RAW_DAY, YEAR_MISSING, b, a, i, i + 3);
            return 1;
        }
        return 0;
    }
    if ((sep == TK_SLASH || sep == TK_DASH) && num_at(tl, i + 2, 4, 4)) {
        set_raw(r, RAW_MONTH, tk(tl, i + 2)->value, a, 0, i, i + 3);
        return 1;
    }
    return 0;
}

/* Matches a day before a month at i: "18 Sept 17", "31 st October 17",
 * "31st of Oct 2017", "14-Aug-17", "5 Sept" (no year). */
static int match_day_month(const token_list *tl, int i, raw_date *r)
{
    int j = i + 1, month, year = YEAR_MISSING;
    if (!num_at(tl, i, 1, 2))
        return 0;
    if (ordinal_at(tl, j))
        j++;
    if (word_is(tl, j, "of"))
        j++;
    if ((tk(tl, j)->kind == TK_DASH || tk(tl, j)->kind == TK_DOT) && month_at(tl, j + 1))
        j++;
    month = month_at(tl, j);
    if (!month)
        return 0;
    j++;
    if (tk(tl, j)->kind == TK_DOT && year_at(tl, j + 1, &year))
        j++;
    else if (tk(tl, j)->kind == TK_COMMA && num_at(tl, j + 1, 4, 4))
        j++;
    else if (tk(tl, j)->kind == TK_DASH && year_at(tl, j + 1, &year))
        j++;
    if (year_at(tl, j, &year))
        j++;
    else
        year = YEAR_MISSING;
    set_raw(r, RAW_DAY, year, month, tk(tl, i)->value, i, j);
    return 1;
}

/* Matches a month first at i: "Jul 17", "June 2021", "Nov2014", "Mar-22"
 * (month); "September 1st", "March 31, 2022" (day); "Aug" alone (month,
 * year from elsewhere). Always matches when token i names a month. */
static int match_month_first(const token_list *tl, int i, raw_date *r)
{
    int month = month_at(tl, i), j = i + 1, year = 0;
    if (!month)
        return 0;
    if (tk(tl, j)->kind == TK_DOT)
        j++;
    if (num_at(tl, j, 1, 2) && ordinal_at(tl, j + 1)) {
        int k = j + 2;
        if (tk(tl, k)->kind == TK_COMMA && num_at(tl, k + 1, 4, 4))
            k++;
        if (year_at(tl, k, &year))
            k++;
        else
            year = YEAR_MISSING;
        set_raw(r, RAW_DAY, year, month, tk(tl, j)->value, i, k);
        return 1;
    }
    if (num_at(tl, j, 1, 2) && tk(tl, j + 1)->kind == TK_COMMA && num_at(tl, j + 2, 4, 4)) {
        set_raw(r, RAW_DAY, tk(tl, j + 2)->value, month, tk(tl, j)->value, i, j + 3);
        return 1;
    }
    if (num_at(tl, j, 1, 2) && num_at(tl, j + 1, 4, 4)) {
        set_raw(r, RAW_DAY, tk(tl, j + 1)->value, month, tk(tl, j)->value, i, j + 2);
        return 1;
    }
    if (tk(tl, j)->kind == TK_DASH && year_at(tl, j + 1, &year)) {
        set_raw(r, RAW_MONTH, year, month, 0, i, j + 2);
        return 1;
    }
    if (year_at(tl, j, &year)) {
        set_raw(r, RAW_MONTH, year, month, 0, i, j + 1);
        return 1;
    }
    set_raw(r, RAW_MONTH, YEAR_MISSING, month, 0, i, i + 1);
    return 1;
}

/* Matches any date form starting at token i; returns 1 and fills r. */
static int match_date(const token_list *tl, int i, raw_date *r)
{
    return match_quarter(tl, i, r) || match_four_digit_start(tl, i, r) ||
           match_numeric(tl, i, r) || match_day_month(tl, i, r) || match_month_first(tl, i, r);
}

/* ------------------------------------------------------------------------ */
/* Bounded text for reasons and labels                                       */
/* ------------------------------------------------------------------------ */

typedef struct {
    char *out;
    size_t cap;   /* bytes available including the NUL; 0 writes nothing */
    size_t len;
} text_writer;

/* Starts a writer over out (cap bytes, out may be NULL) and writes "". */
static text_writer writer_start(char *out, size_t cap)
{
    text_writer w = {out, out ? cap : 0, 0};
    if (w.cap)
        w.out[0] = '\0';
    return w;
}

/* Appends n bytes, printable ASCII only (others become '?'), truncating. */
static void writer_bytes(text_writer *w, const char *bytes, size_t n)
{
    for (size_t k = 0; k < n && w->len + 1 < w->cap; k++) {
        unsigned char c = (unsigned char)bytes[k];
        w->out[w->len++] = (c >= 0x20 && c < 0x7F) ? (char)c : '?';
    }
    if (w->cap)
        w->out[w->len] = '\0';
}

/* Appends a NUL-terminated string. */
static void writer_str(text_writer *w, const char *s)
{
    writer_bytes(w, s, strlen(s));
}

/* Appends a decimal integer. */
static void writer_int(text_writer *w, int value)
{
    char digits[16];
    int n = 0;
    unsigned magnitude = value < 0 ? 0u - (unsigned)value : (unsigned)value;
    if (value < 0)
        writer_str(w, "-");
    do {
        digits[n++] = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude && n < 16);
    while (n > 0)
        writer_bytes(w, &digits[--n], 1);
}

/* ------------------------------------------------------------------------ */
/* Walking the tokens                                                        */
/* ------------------------------------------------------------------------ */

#define MAX_LABEL_WORDS 5
#define LABEL_SIZE 48

/* One date found in the text, with what was written around it. */
typedef struct {
    raw_date raw;
    int year_written;   /* the text gave the year */
    int week;           /* written after "w/c" */
    int range_start;    /* the next item ends a range this one starts */
    int from;           /* written after "From": no end */
    char label[LABEL_SIZE];
} date_item;

typedef struct {
    const token_list *tl;
    int context_year;
    date_item items[SL_MAX_MILESTONES];
    int n_items;
    char pending[LABEL_SIZE];  /* label words not yet tied to a date */
    int pending_words;
    int pending_has_number;    /* "phase 1": belongs to the date before it */
    int after_date;            /* the last meaningful token ended a date */
    int range_next;            /* a range connector followed the last date */
    int week_next;             /* "w/c" seen: the next date is a week */
    int from_next;             /* "From" seen: the next date has no end */
    int saw_vague;             /* a timescale word: Ongoing, TBC, Quarterly … */
    int is_range;
    int open_ended;
    int no_end;                /* open-ended with no last day ("From", "onwards") */
    int year_inferred;
    sl_recurrence recurrence;
    sl_date_status status;     /* SL_DATE_OK until something fails */
    text_writer why;
} parse_state;

/* Records a failure (the first one wins) and starts the reason with the
 * text of tokens [first, next). */
static void fail(parse_state *ps, sl_date_status status, int first, int next, const char *problem)
{
    const token_list *tl = ps->tl;
    if (ps->status != SL_DATE_OK)
        return;
    ps->status = status;
    if (first >= 0 && next > first && next <= tl->count) {
        size_t start = tl->tok[first].start;
        size_t end = tl->tok[next - 1].start + tl->tok[next - 1].len;
        writer_bytes(&ps->why, tl->text + start, end - start);
        writer_str(&ps->why, ": ");
    }
    writer_str(&ps->why, problem);
}

/* Appends the text of token i to the pending label. */
static void pending_add(parse_state *ps, int i)
{
    const token *t = tk(ps->tl, i);
    text_writer w = {ps->pending, sizeof ps->pending, strlen(ps->pending)};
    if (w.len > 0)
        writer_str(&w, " ");
    writer_bytes(&w, ps->tl->text + t->start, t->len);
    ps->pending_words++;
    if (ps->pending_words > MAX_LABEL_WORDS)
        fail(ps, SL_DATE_UNREADABLE, i, i + 1, "too many words for a date");
}

/* Copies the pending label into label (appending after a space when label
 * already has text) and empties it. */
static void pending_move_to(parse_state *ps, char *label)
{
    text_writer w = {label, LABEL_SIZE, strlen(label)};
    if (ps->pending[0] == '\0')
        return;
    if (w.len > 0)
        writer_str(&w, " ");
    writer_str(&w, ps->pending);
    ps->pending[0] = '\0';
    ps->pending_words = 0;
    ps->pending_has_number = 0;
}

/* Adds a matched date: ties pending words to it (or, for "phase 1" style
 * labels, to the date before), and closes a range when a connector came. */
static void add_date(parse_state *ps, const raw_date *raw)
{
    date_item *item, *prev = ps->n_items > 0 ? &ps->items[ps->n_items - 1] : NULL;
    if (ps->n_items == SL_MAX_MILESTONES) {
        fail(ps, SL_DATE_UNREADABLE, raw->first, raw->next, "more dates than a cell can hold");
        return;
    }
    if (ps->week_next && raw->kind != RAW_DAY) {
        fail(ps, SL_DATE_UNREADABLE, raw->first, raw->next, "a week commencing needs a day");
        return;
    }
    item = &ps->items[ps->n_items++];
    memset(item, 0, sizeof *item);
    item->raw = *raw;
    item->year_written = raw->year != YEAR_MISSING;
    item->week = ps->week_next;
    item->from = ps->from_next;
    if (ps->range_next && prev) {
        prev->range_start = 1;
        ps->is_range = 1;
    }
    if (ps->pending_has_number && prev && prev->label[0] == '\0')
        pending_move_to(ps, prev->label);
    else
        pending_move_to(ps, item->label);
    ps->week_next = ps->from_next = ps->range_next = 0;
    ps->after_date = 1;
}

/* Sets the recurrence a word names; a specific rhythm replaces "ongoing". */
static void set_recurrence(parse_state *ps, sl_recurrence r)
{
    if (ps->recurrence == SL_RECUR_NONE || ps->recurrence == SL_RECUR_ONGOING)
        ps->recurrence = r;
}

/* Handles a timescale word at i; returns tokens consumed, 0 if not one. */
static int take_timescale_word(parse_state *ps, int i)
{
    static const struct {
        const char *word;
        sl_recurrence recurrence;
    } rhythms[] = {
        {"ongoing", SL_RECUR_ONGOING},   {"weekly", SL_RECUR_WEEKLY},
        {"monthly", SL_RECUR_MONTHLY},   {"quarterly", SL_RECUR_QUARTERLY},
        {"annual", SL_RECUR_ANNUAL},     {"annually", SL_RECUR_ANNUAL},
        {"yearly", SL_RECUR_ANNUAL},
    };
    static const char *const undecided[] = {"tbc", "tba", "tbd", "na", NULL};
    const token_list *tl = ps->tl;
    for (size_t k = 0; k < sizeof rhythms / sizeof rhythms[0]; k++) {
        if (word_is(tl, i, rhythms[k].word)) {
            set_recurrence(ps, rhythms[k].recurrence);
            ps->saw_vague = 1;
            if (rhythms[k].recurrence == SL_RECUR_ONGOING && ps->n_items > 0)
                ps->open_ended = 1;
            return 1;
        }
    }
    if (word_in(tl, i, undecided)) {
        ps->saw_vague = 1;
        return 1;
    }
    if (word_is(tl, i, "n") && tk(tl, i + 1)->kind == TK_SLASH && word_is(tl, i + 2, "a")) {
        ps->saw_vague = 1;
        return 3;
    }
    if (word_is(tl, i, "in") && word_is(tl, i + 1, "place")) {
        ps->saw_vague = 1;
        return 2;
    }
    if ((word_is(tl, i, "onwards") || word_is(tl, i, "onward")) && ps->n_items > 0) {
        ps->open_ended = ps->no_end = 1;
        return 1;
    }
    return 0;
}

/* Handles "w/c", "w/b", "wc", "w.c." and "week commencing"; returns tokens consumed. */
static int take_week_marker(parse_state *ps, int i)
{
    const token_list *tl = ps->tl;
    static const char *const starts[] = {"commencing", "beginning", "starting", NULL};
    int consumed = 0;
    if (word_is(tl, i, "w") && (tk(tl, i + 1)->kind == TK_SLASH || tk(tl, i + 1)->kind == TK_DOT) &&
        (word_is(tl, i + 2, "c") || word_is(tl, i + 2, "b")))
        consumed = tk(tl, i + 3)->kind == TK_DOT ? 4 : 3;
    else if (word_is(tl, i, "wc") || word_is(tl, i, "wb"))
        consumed = 1;
    else if (word_is(tl, i, "week") && word_in(tl, i + 1, starts))
        consumed = 2;
    if (consumed)
        ps->week_next = 1;
    return consumed;
}

/* Handles a word that carries no date meaning of its own ("by", "due",
 * "end", weekday names) or a connector ("to", "from"); returns 1 if it was one. */
static int take_structural_word(parse_state *ps, int i)
{
    static const char *const skipped[] = {
        "and", "or", "by", "due", "end", "of", "the", "on", "before", "at", "in", "no",
        "later", "than", "deadline", "around", "approx", "approximately", "circa",
        "expected", "estimated", "target", "date", "mon", "monday", "tue", "tues",
        "tuesday", "wed", "weds", "wednesday", "thu", "thur", "thurs", "thursday", "fri",
        "friday", "sat", "saturday", "sun", "sunday", NULL,
    };
    static const char *const range_words[] = {"to", "until", "till", "til", "through", "thru", NULL};
    static const char *const from_words[] = {"from", "since", "starting", "commencing", NULL};
    const token_list *tl = ps->tl;
    if (word_in(tl, i, range_words)) {
        if (ps->after_date)
            ps->range_next = 1;
        ps->after_date = 0;
        return 1;
    }
    if (word_in(tl, i, from_words)) {
        ps->from_next = 1;
        return 1;
    }
    return word_in(tl, i, skipped);
}

/* Handles the word at i; returns tokens consumed (at least 1). */
static int take_word(parse_state *ps, int i)
{
    raw_date raw;
    int n;
    if ((n = take_week_marker(ps, i)) > 0 || (n = take_timescale_word(ps, i)) > 0)
        return n;
    if (match_quarter(ps->tl, i, &raw) || match_month_first(ps->tl, i, &raw)) {
        add_date(ps, &raw);
        return raw.next - i;
    }
    if (word_is(ps->tl, i, "q") && num_at(ps->tl, i + 1, 1, 2)) {
        fail(ps, SL_DATE_UNREADABLE, i, i + 2, "a quarter needs its financial year (Q2 2014/15)");
        return 2;
    }
    if (take_structural_word(ps, i))
        return 1;
    pending_add(ps, i);
    ps->after_date = ps->range_next = 0;
    return 1;
}

/* Handles the number at i; returns tokens consumed (at least 1). */
static int take_number(parse_state *ps, int i)
{
    static const char *const numbered[] = {"phase", "stage", "part", "step", "wave", "tranche", NULL};
    const token_list *tl = ps->tl;
    raw_date raw, end;
    /* "Phase 1 Sept 2017": the number belongs to the word, not to the month. */
    if (ps->pending_words > 0 && word_in(tl, i - 1, numbered) && num_at(tl, i, 1, 2)) {
        pending_add(ps, i);
        ps->pending_has_number = 1;
        return 1;
    }
    if (match_date(tl, i, &raw)) {
        add_date(ps, &raw);
        return raw.next - i;
    }
    /* "13-24 May 2024": a day that takes its month and year from the range end. */
    if (num_at(tl, i, 1, 2) && tk(tl, i + 1)->kind == TK_DASH && match_date(tl, i + 2, &end) &&
        end.kind == RAW_DAY) {
        set_raw(&raw, RAW_BARE_DAY, YEAR_MISSING, 0, tk(tl, i)->value, i, i + 1);
        add_date(ps, &raw);
        return 1;
    }
    if (ps->pending_words > 0 && num_at(tl, i, 1, 3)) {
        pending_add(ps, i);
        ps->pending_has_number = 1;
        ps->after_date = ps->range_next = 0;
        return 1;
    }
    fail(ps, SL_DATE_UNREADABLE, i, i + 1, "a number that is not part of a date");
    return 1;
}

/* Walks every token, filling ps with dates, labels and timescale words. */
static void walk_tokens(parse_state *ps)
{
    const token_list *tl = ps->tl;
    int i = 0;
    while (i < tl->count && ps->status == SL_DATE_OK) {
        switch (tl->tok[i].kind) {
        case TK_WORD:
            i += take_word(ps, i);
            break;
        case TK_NUM:
            i += take_number(ps, i);
            break;
        case TK_DASH:
        case TK_SLASH:
            if (ps->after_date && tl->tok[i].kind == TK_DASH)
                ps->range_next = 1;
            ps->after_date = 0;
            i++;
            break;
        case TK_AMP:
            ps->after_date = 0;
            i++;
            break;
        case TK_OTHER:
            fail(ps, SL_DATE_UNREADABLE, i, i + 1, "a character that is not part of a date");
            i++;
            break;
        default: /* '.', ',', ':', brackets: tolerated */
            i++;
            break;
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Resolving years and checking days                                         */
/* ------------------------------------------------------------------------ */

/* Returns 1 when an item has a month and may lend or borrow a year. */
static int has_month(const date_item *item)
{
    return item->raw.kind == RAW_DAY || item->raw.kind == RAW_MONTH;
}

/* Gives a year to an item that lacks one: from the nearest later date in the
 * cell with a written year (the year before when the month comes later, as
 * in "Nov-Feb 2022"), else from the nearest earlier one, else from the
 * context year. */
static void resolve_year(parse_state *ps, int at)
{
    date_item *item = &ps->items[at];
    for (int j = at + 1; j < ps->n_items; j++) {
        const date_item *later = &ps->items[j];
        if (later->year_written && has_month(later)) {
            item->raw.year = later->raw.year - (item->raw.month > later->raw.month ? 1 : 0);
            return;
        }
    }
    for (int j = at - 1; j >= 0; j--) {
        const date_item *earlier = &ps->items[j];
        if (earlier->year_written && has_month(earlier)) {
            item->raw.year = earlier->raw.year + (item->raw.month < earlier->raw.month ? 1 : 0);
            return;
        }
    }
    if (ps->context_year >= 1900 && ps->context_year <= 2199) {
        item->raw.year = ps->context_year;
        ps->year_inferred = 1;
        return;
    }
    fail(ps, SL_DATE_UNREADABLE, item->raw.first, item->raw.next, "no year written and none known");
}

/* Resolves every missing year and gives bare range-start days their month. */
static void resolve_years(parse_state *ps)
{
    for (int i = 0; i < ps->n_items && ps->status == SL_DATE_OK; i++)
        if (!ps->items[i].year_written && has_month(&ps->items[i]))
            resolve_year(ps, i);
    for (int i = 0; i < ps->n_items && ps->status == SL_DATE_OK; i++) {
        date_item *item = &ps->items[i];
        if (item->raw.kind != RAW_BARE_DAY)
            continue;
        if (i + 1 < ps->n_items && ps->items[i + 1].raw.kind == RAW_DAY) {
            item->raw.year = ps->items[i + 1].raw.year;
            item->raw.month = ps->items[i + 1].raw.month;
        } else {
            fail(ps, SL_DATE_UNREADABLE, item->raw.first, item->raw.next, "a day with no month");
        }
    }
}

/* Writes "<text of raw>: <problem…>" as the failure; the caller appends details. */
static text_writer *fail_invalid(parse_state *ps, const raw_date *raw, const char *problem)
{
    fail(ps, SL_DATE_INVALID, raw->first, raw->next, problem);
    return &ps->why;
}

/* Checks year and month of a raw date; returns 1 when both are real. */
static int check_year_month(parse_state *ps, const raw_date *raw)
{
    if (raw->year < 1900 || raw->year > 2199) {
        writer_int(fail_invalid(ps, raw, "year "), raw->year);
        writer_str(&ps->why, " is outside 1900-2199");
        return 0;
    }
    if (raw->kind != RAW_DAY && raw->kind != RAW_BARE_DAY && raw->kind != RAW_MONTH)
        return 1;
    if (raw->month < 1 || raw->month > 12) {
        writer_int(fail_invalid(ps, raw, "month "), raw->month);
        writer_str(&ps->why, " does not exist");
        return 0;
    }
    return 1;
}

/* Checks the day of a raw day; returns 1 when it is real. The reason names
 * the month's length: "31/09/21: September has 30 days". */
static int check_day(parse_state *ps, const raw_date *raw)
{
    int days = sl_days_in_month(raw->year, raw->month);
    text_writer *why;
    char month_name[10];
    if (raw->day >= 1 && raw->day <= days)
        return 1;
    if (raw->day < 1) {
        writer_int(fail_invalid(ps, raw, "day "), raw->day);
        writer_str(&ps->why, " does not exist");
        return 0;
    }
    memcpy(month_name, month_names[raw->month - 1], strlen(month_names[raw->month - 1]) + 1);
    month_name[0] = (char)(month_name[0] - 'a' + 'A');
    why = fail_invalid(ps, raw, month_name);
    if (raw->month == 2) {
        writer_str(why, " ");
        writer_int(why, raw->year);
    }
    writer_str(why, " has ");
    writer_int(why, days);
    writer_str(why, " days");
    return 0;
}

/* Checks a financial year's two years follow each other. */
static int check_financial_year(parse_state *ps, const raw_date *raw)
{
    if (raw->year2 == raw->year + 1)
        return 1;
    fail_invalid(ps, raw, "a financial year runs over two consecutive years");
    return 0;
}

/* Returns the number of days from day to the Friday of its working week (a
 * weekend day counts towards the week after). */
static int days_to_friday(sl_day day)
{
    return (5 - sl_day_weekday(day) + 7) % 7;
}

/* Turns a resolved item into a milestone; returns 1, or 0 after a failure. */
static int make_milestone(parse_state *ps, const date_item *item, sl_milestone *ms)
{
    const raw_date *raw = &item->raw;
    memset(ms, 0, sizeof *ms);
    memcpy(ms->label, item->label, sizeof ms->label);
    if (!check_year_month(ps, raw))
        return 0;
    switch (raw->kind) {
    case RAW_DAY:
    case RAW_BARE_DAY:
        if (!check_day(ps, raw))
            return 0;
        ms->earliest = ms->latest = sl_day_from_ymd(raw->year, raw->month, raw->day);
        ms->precision = SL_PREC_DAY;
        if (item->week) {
            ms->latest += days_to_friday(ms->earliest);
            ms->precision = SL_PREC_WEEK;
        }
        return 1;
    case RAW_MONTH:
        ms->earliest = sl_day_from_ymd(raw->year, raw->month, 1);
        ms->latest = sl_day_from_ymd(raw->year, raw->month, sl_days_in_month(raw->year, raw->month));
        ms->precision = SL_PREC_MONTH;
        return 1;
    case RAW_QUARTER:
        if (raw->quarter < 1 || raw->quarter > 4) {
            writer_int(fail_invalid(ps, raw, "quarter "), raw->quarter);
            writer_str(&ps->why, " does not exist");
            return 0;
        }
        if (!check_financial_year(ps, raw))
            return 0;
        {
            int first_month = 4 + 3 * (raw->quarter - 1); /* 4, 7, 10, 13 */
            int year = raw->year + (first_month > 12 ? 1 : 0);
            int month = first_month > 12 ? first_month - 12 : first_month;
            ms->earliest = sl_day_from_ymd(year, month, 1);
            ms->latest = sl_day_from_ymd(year, month + 2, sl_days_in_month(year, month + 2));
        }
        ms->precision = SL_PREC_QUARTER;
        return 1;
    case RAW_FYEAR:
        if (!check_financial_year(ps, raw))
            return 0;
        ms->earliest = sl_day_from_ymd(raw->year, 4, 1);
        ms->latest = sl_day_from_ymd(raw->year + 1, 3, 31);
        ms->precision = SL_PREC_FINANCIAL_YEAR;
        return 1;
    case RAW_YEAR:
        ms->earliest = sl_day_from_ymd(raw->year, 1, 1);
        ms->latest = sl_day_from_ymd(raw->year, 12, 31);
        ms->precision = SL_PREC_YEAR;
        return 1;
    }
    return 0;
}

/* Fills out from the checked items; fails when a range ends before it starts. */
static void fill_value(parse_state *ps, sl_date_value *out)
{
    for (int i = 0; i < ps->n_items; i++) {
        sl_milestone *ms = &out->milestones[i];
        if (!make_milestone(ps, &ps->items[i], ms))
            return;
        if (i > 0 && ps->items[i - 1].range_start && ms->latest < out->milestones[i - 1].earliest) {
            fail(ps, SL_DATE_INVALID, ps->items[i - 1].raw.first, ps->items[i].raw.next,
                 "the range ends before it starts");
            return;
        }
        if (ps->items[i].from && !ps->items[i].range_start)
            ps->open_ended = ps->no_end = 1;
        if (i == 0 || ms->earliest < out->earliest)
            out->earliest = ms->earliest;
        if (i == 0 || ms->latest > out->latest)
            out->latest = ms->latest;
        out->precision = ms->precision;
    }
    out->n_milestones = ps->n_items;
    out->recurrence = ps->recurrence;
    out->is_range = ps->is_range;
    out->open_ended = ps->open_ended;
    out->year_inferred = ps->year_inferred;
    if (ps->no_end)
        out->latest = SL_NO_DAY;
}

/* Empties a value: no day, no milestones, no flags. */
static void clear_value(sl_date_value *out)
{
    memset(out, 0, sizeof *out);
    out->precision = SL_PREC_NONE;
    out->earliest = out->latest = SL_NO_DAY;
}

/* Returns 1 when text has only separator bytes. */
static int is_blank(const char *text, size_t len)
{
    size_t at = 0;
    while (at < len) {
        size_t skip = separator_bytes((const unsigned char *)text + at, len - at);
        if (!skip)
            return 0;
        at += skip;
    }
    return 1;
}

/* Ties words left over after the last date to it; returns 0 when there was
 * no date to tie them to. */
static int attach_trailing_words(parse_state *ps)
{
    if (ps->n_items == 0)
        return 0;
    pending_move_to(ps, ps->items[ps->n_items - 1].label);
    return 1;
}

/* Parses a written date: tokenise, walk, resolve years, check days. Writes
 * only into *out and why; allocates nothing. */
sl_date_status sl_date_parse(const char *text, size_t len, int context_year,
                             sl_date_value *out, char *why, size_t why_len)
{
    token_list tl;
    parse_state ps;
    sl_date_value scratch;
    if (!out)
        out = &scratch;
    clear_value(out);
    memset(&ps, 0, sizeof ps);
    ps.why = writer_start(why, why_len);
    if (!text || is_blank(text, len))
        return SL_DATE_EMPTY;
    tokenize(&tl, text, len, 0);
    ps.tl = &tl;
    ps.context_year = context_year;
    ps.status = SL_DATE_OK;
    if (tl.truncated) {
        fail(&ps, SL_DATE_UNREADABLE, -1, -1, "too long to be a date");
        return ps.status;
    }
    walk_tokens(&ps);
    if (ps.status != SL_DATE_OK)
        return ps.status;
    if (!attach_trailing_words(&ps)) {
        if (!ps.saw_vague) {
            fail(&ps, SL_DATE_UNREADABLE, 0, tl.count, "not a date form sightline knows");
            return ps.status;
        }
        out->vague = 1;
        out->recurrence = ps.recurrence;
        return SL_DATE_OK;
    }
    resolve_years(&ps);
    if (ps.status == SL_DATE_OK)
        fill_value(&ps, out);
    if (ps.status != SL_DATE_OK)
        clear_value(out);
    return ps.status;
}

/* Returns the first year written by a date form in tl, at token indexes
 * below limit, or 0. */
static int first_year_in(const token_list *tl, int limit)
{
    raw_date raw;
    for (int i = 0; i < limit && i < tl->count; i++) {
        if (match_date(tl, i, &raw) && raw.year >= 1900 && raw.year <= 2199)
            return raw.year;
    }
    return 0;
}

/* Returns the first year a date form writes in the text, or 0. Long text is
 * read in windows of MAX_TOKENS tokens that overlap by enough tokens to hold
 * any date form, so a date is never cut in two. */
int sl_date_text_year(const char *text, size_t len)
{
    enum { OVERLAP = 12 };
    token_list tl;
    size_t offset = 0;
    if (!text)
        return 0;
    for (;;) {
        int year;
        tokenize(&tl, text, len, offset);
        if (!tl.truncated)
            return first_year_in(&tl, tl.count);
        year = first_year_in(&tl, MAX_TOKENS - OVERLAP);
        if (year)
            return year;
        offset = tl.tok[MAX_TOKENS - OVERLAP].start;
    }
}
