/* ics.c — the RFC 5545 iCalendar writer (see ics.h). */
#include "report/ics.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

void sl_ics_line(sl_buf *b, const char *name, const char *value)
{
    sl_buf line = SL_BUF_INIT;
    sl_buf_puts(&line, name);
    sl_buf_putc(&line, ':');
    sl_buf_puts(&line, value);
    size_t pos = 0, width = 75;
    while (line.len - pos > width) {
        size_t cut = pos + width;
        while (cut > pos && ((unsigned char)line.data[cut] & 0xC0) == 0x80)
            cut--;
        sl_buf_add(b, line.data + pos, cut - pos);
        sl_buf_puts(b, "\r\n ");
        pos = cut;
        width = 74;             /* a continuation line starts with one space */
    }
    sl_buf_add(b, line.data + pos, line.len - pos);
    sl_buf_puts(b, "\r\n");
    sl_buf_free(&line);
}

void sl_ics_escape(sl_buf *b, const char *text)
{
    for (const char *p = text; *p; p++) {
        switch (*p) {
        case '\\': sl_buf_puts(b, "\\\\"); break;
        case ';': sl_buf_puts(b, "\\;"); break;
        case ',': sl_buf_puts(b, "\\,"); break;
        case '\n': sl_buf_puts(b, "\\n"); break;
        case '\r': break;
        default: sl_buf_putc(b, *p);
        }
    }
}

void sl_ics_uid(const char *key, char out[40])
{
    uint64_t h = 14695981039346656037ULL;       /* FNV-1a, 64 bits */
    for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
        h ^= *p;
        h *= 1099511628211ULL;
    }
    snprintf(out, 40, "%016" PRIx64 "@sightline", h);
}

void sl_ics_stamp(const char *t, char out[17])
{
    size_t j = 0;
    for (size_t i = 0; t[i] && j < 16; i++)
        if (t[i] != '-' && t[i] != ':')
            out[j++] = t[i];
    out[j] = '\0';
}

void sl_ics_begin(sl_buf *b, const char *name)
{
    sl_ics_line(b, "BEGIN", "VCALENDAR");
    sl_ics_line(b, "VERSION", "2.0");
    sl_ics_line(b, "PRODID", "-//sightline//governance calendar//EN");
    sl_ics_line(b, "CALSCALE", "GREGORIAN");
    if (name) {
        sl_buf v = SL_BUF_INIT;
        sl_ics_escape(&v, name);
        sl_ics_line(b, "X-WR-CALNAME", v.len ? v.data : "");
        sl_buf_free(&v);
    }
}

/* Appends a TEXT property, escaping its value. */
static void text_line(sl_buf *b, const char *name, const char *text)
{
    sl_buf v = SL_BUF_INIT;
    sl_ics_escape(&v, text);
    sl_ics_line(b, name, v.len ? v.data : "");
    sl_buf_free(&v);
}

void sl_ics_event_write(sl_buf *b, const sl_ics_event *e, const char *dtstamp)
{
    char uid[40], start[9], end[9];
    int y, m, d;
    sl_ics_uid(e->uid_key, uid);
    sl_day_to_ymd(e->date, &y, &m, &d);
    snprintf(start, sizeof start, "%04d%02d%02d", y, m, d);
    sl_day_to_ymd(e->date + 1, &y, &m, &d);
    snprintf(end, sizeof end, "%04d%02d%02d", y, m, d);
    sl_ics_line(b, "BEGIN", "VEVENT");
    sl_ics_line(b, "UID", uid);
    sl_ics_line(b, "DTSTAMP", dtstamp);
    sl_ics_line(b, "DTSTART;VALUE=DATE", start);
    sl_ics_line(b, "DTEND;VALUE=DATE", end);
    text_line(b, "SUMMARY", e->summary);
    if (e->description && *e->description)
        text_line(b, "DESCRIPTION", e->description);
    if (e->categories && *e->categories)
        text_line(b, "CATEGORIES", e->categories);
    sl_ics_line(b, "TRANSP", "TRANSPARENT");
    sl_ics_line(b, "END", "VEVENT");
}

void sl_ics_end(sl_buf *b)
{
    sl_ics_line(b, "END", "VCALENDAR");
}
