/* date.h — days, and dates as councils write them (SPEC.md §4).
 *
 * A day is a count of days since 1970-01-01 in the proleptic Gregorian
 * calendar. A written date ("Sept 17", "31/03/21 30/06/21", "Q2 2014/15")
 * parses into an sl_date_value: its precision, the earliest and latest day it
 * can mean, its milestones (one per date in a multi-date cell), a recurrence
 * word and flags. The parser allocates nothing and keeps no pointer into the
 * text; the caller keeps the original text beside the value.
 * Pure domain code: no I/O, no database. */
#ifndef SL_DOMAIN_DATE_H
#define SL_DOMAIN_DATE_H
#include <stddef.h>
#include <stdint.h>

typedef int32_t sl_day;
#define SL_NO_DAY INT32_MIN

/* Returns the day number of y-m-d; the caller has checked sl_ymd_valid. */
sl_day sl_day_from_ymd(int year, int month, int day);
/* Returns 1 when y-m-d is a real calendar day (years 1..9999), else 0. */
int sl_ymd_valid(int year, int month, int day);
/* Splits a day number into year, month (1-12) and day of month. */
void sl_day_to_ymd(sl_day day, int *year, int *month, int *mday);
/* Returns the ISO weekday of a day: 1 Monday … 7 Sunday. */
int sl_day_weekday(sl_day day);
/* Returns the number of days in a month (leap years counted). */
int sl_days_in_month(int year, int month);
/* Writes "YYYY-MM-DD" and a NUL into out (11 bytes). */
void sl_day_format(sl_day day, char out[11]);
/* Parses exactly "YYYY-MM-DD" (a real day); returns 0 and sets *out, or -1. */
int sl_day_parse_iso(const char *text, sl_day *out);
/* Returns today's day: the day of util/clock.h's timestamp (UTC, or the day
 * of SIGHTLINE_NOW when tests fix the clock). */
sl_day sl_today(void);

/* Splits a UTC time (seconds since 1970) into the Europe/London day and
 * minute of that day (GMT in winter, BST from 01:00 UTC on the last Sunday of
 * March to 01:00 UTC on the last Sunday of October). */
void sl_london_time(int64_t utc_seconds, sl_day *day, int *minute);
/* Returns today's day in Europe/London, read from util/clock.h's clock
 * (SIGHTLINE_NOW when tests fix it). */
sl_day sl_today_london(void);

/* Room for a day written for people, NUL included: "30 September 2017". */
#define SL_DAY_TEXT_SIZE 24
/* Writes a day the UK way for people to read: "5 Sep 2017", or with
 * long_month "5 September 2017"; "" for SL_NO_DAY. The one formatter of a
 * day shown on a page (ISO "YYYY-MM-DD" only in machine formats). */
void sl_day_text(sl_day day, int long_month, char out[SL_DAY_TEXT_SIZE]);
/* sl_day_text with the short month: "5 Sep 2017". */
void sl_day_uk(sl_day day, char out[SL_DAY_TEXT_SIZE]);
/* Room for a time written for people, NUL included: "30 Sep 2017, 23:59 BST" (and room to spare). */
#define SL_TIME_TEXT_SIZE 48
/* Writes a stored UTC timestamp ("2017-09-05T09:00:00Z", or with a space
 * for the T) in Europe/London the UK way: "5 Sep 2017, 10:00 BST". Text that
 * is not such a timestamp is copied as it is (cut to fit). */
void sl_time_text(const char *stamp, char out[SL_TIME_TEXT_SIZE]);
/* Returns the Europe/London day of a stored UTC timestamp (as sl_time_text
 * reads it), or SL_NO_DAY when the text is not one. */
sl_day sl_stamp_london_day(const char *stamp);
/* Writes a code as words for people: "in-progress" → "In progress",
 * "focused-visit" → "Focused visit", "very_high" → "Very high"; the
 * initialisms sightline's codes hold (SIF, ILACS, JTAI, SEND, SRO, RAG, DCS)
 * in capitals. Cut to fit n bytes (n > 0). */
void sl_code_words(const char *code, char *out, size_t n);

typedef enum {
    SL_PREC_NONE = 0,     /* no date: "Ongoing", "TBC" */
    SL_PREC_DAY,          /* "18 Sept 17", "31/03/22" */
    SL_PREC_WEEK,         /* "w/c 14 Aug 17" */
    SL_PREC_MONTH,        /* "Jul 17", "June 2021", "11/2020" */
    SL_PREC_QUARTER,      /* "Q2 2014/15" */
    SL_PREC_YEAR,         /* "2021" (calendar year) */
    SL_PREC_FINANCIAL_YEAR /* "2021/22": 1 April 2021 – 31 March 2022 */
} sl_precision;

typedef enum {
    SL_RECUR_NONE = 0,
    SL_RECUR_ONGOING,     /* "Ongoing", "and ongoing" */
    SL_RECUR_WEEKLY,
    SL_RECUR_MONTHLY,
    SL_RECUR_QUARTERLY,   /* "Quarterly", "Oct 2014 Quarterly" */
    SL_RECUR_ANNUAL       /* "Annual", "Annually" */
} sl_recurrence;

/* One dated point in a cell: "30 Nov 17 phase 2" is {2017-11-30, day, "phase 2"}. */
typedef struct {
    sl_day earliest;        /* first day the text can mean */
    sl_day latest;          /* last day it can mean: the due day */
    sl_precision precision;
    char label[48];         /* words tied to the date ("phase 1", "Report", "review"), may be "" */
} sl_milestone;

#define SL_MAX_MILESTONES 8

typedef struct {
    sl_precision precision; /* of the last milestone; SL_PREC_NONE when no date */
    sl_day earliest;        /* earliest day of the first milestone or range start; SL_NO_DAY when none */
    sl_day latest;          /* latest day of the last milestone or range end; SL_NO_DAY when none */
    int n_milestones;       /* dated points in order of writing (a range "May 2014 to March 2016" is 2) */
    sl_milestone milestones[SL_MAX_MILESTONES];
    sl_recurrence recurrence;
    int is_range;           /* "Sept-Nov 2021", "May 2014 to March 2016" */
    int open_ended;         /* "From July 2014", "April 21 and ongoing": no end */
    int vague;              /* a timescale word, not a date: Ongoing, In place, TBC, Annual, Quarterly alone */
    int year_inferred;      /* some year came from context_year, not the text */
} sl_date_value;

typedef enum {
    SL_DATE_EMPTY = 0,      /* blank or only white space: *out zeroed, no day (the zero value, so
                               a zeroed cell reads as "no date", never as 1 January 1970) */
    SL_DATE_OK,             /* *out filled (may be vague with no day) */
    SL_DATE_INVALID,        /* an impossible date such as 31/09/21: why says which */
    SL_DATE_UNREADABLE      /* text that is not a date form sightline knows */
} sl_date_status;

/* Parses a written date of len bytes (need not be NUL-terminated). Years
 * missing from the text ("5 Sept", "22 Aug") come from context_year (0 when
 * unknown, which makes such text SL_DATE_UNREADABLE). Two-digit years are
 * 20xx. On SL_DATE_INVALID or SL_DATE_UNREADABLE a one-line reason is written
 * to why (why_len bytes, may be NULL). Never allocates. */
sl_date_status sl_date_parse(const char *text, size_t len, int context_year,
                             sl_date_value *out, char *why, size_t why_len);

/* Returns the first explicit year written in the text (four-digit, or a
 * two-digit year in a day/month/year or month-year form), or 0. Importers
 * use it to find a plan's context year. */
int sl_date_text_year(const char *text, size_t len);

#endif
