/* ics.h — an RFC 5545 iCalendar writer: all-day events into an sl_buf,
 * every line ended with CRLF, long lines folded at 75 octets without
 * splitting a UTF-8 character, TEXT values escaped. Pure formatting. */
#ifndef SL_REPORT_ICS_H
#define SL_REPORT_ICS_H
#include "domain/date.h"
#include "util/buf.h"

/* One all-day event. */
typedef struct {
    const char *uid_key;        /* what identifies the event across runs (hashed into its UID) */
    sl_day date;
    const char *summary;
    const char *description;    /* may be NULL */
    const char *categories;     /* may be NULL: "papers-due" */
} sl_ics_event;

/* Appends BEGIN:VCALENDAR and the calendar's properties; name may be NULL. */
void sl_ics_begin(sl_buf *b, const char *name);
/* Appends one VEVENT; dtstamp is "YYYYMMDDTHHMMSSZ". */
void sl_ics_event_write(sl_buf *b, const sl_ics_event *event, const char *dtstamp);
/* Appends END:VCALENDAR. */
void sl_ics_end(sl_buf *b);
/* Appends a content line "NAME:VALUE" (value already escaped), folded at
 * 75 octets and ended with CRLF. */
void sl_ics_line(sl_buf *b, const char *name, const char *value);
/* Appends text with TEXT escaping: backslash, ';', ',' and newline. */
void sl_ics_escape(sl_buf *b, const char *text);
/* Writes the stable UID of a key ("16 hex digits@sightline") into out (40 bytes). */
void sl_ics_uid(const char *key, char out[40]);
/* Writes a "YYYY-MM-DDTHH:MM:SSZ" timestamp as "YYYYMMDDTHHMMSSZ" into out (17 bytes). */
void sl_ics_stamp(const char *timestamp, char out[17]);

#endif
