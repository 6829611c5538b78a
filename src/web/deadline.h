/* deadline.h — time limits on a connection's request, which libmicrohttpd's
 * idle timeout does not give (a client sending a byte every few seconds is
 * never idle): the headers must arrive within header_seconds of the
 * connection opening (or of its previous answer), the body within
 * body_seconds of the headers. A thread checks a few times a second and
 * shuts down the socket of a request past its deadline. */
#ifndef SL_WEB_DEADLINE_H
#define SL_WEB_DEADLINE_H

typedef struct sl_deadline sl_deadline;

/* Starts the checking thread; returns 0 or -1. */
int sl_deadline_start(int header_seconds, int body_seconds);
/* Stops it (connections still open are left to the server). */
void sl_deadline_stop(void);
/* Starts watching a new connection's socket; returns its entry (owned here until sl_deadline_closed). */
sl_deadline *sl_deadline_opened(int fd);
/* The headers are in: the body's deadline starts. */
void sl_deadline_headers_done(sl_deadline *d);
/* The body is in: no deadline while the answer is made and sent. */
void sl_deadline_body_done(sl_deadline *d);
/* The answer is sent: the next request's header deadline starts. */
void sl_deadline_answered(sl_deadline *d);
/* The connection is closed: forgets and frees d. */
void sl_deadline_closed(sl_deadline *d);
/* How many requests were cut off at their deadline so far. */
long sl_deadline_cut_count(void);

#endif
