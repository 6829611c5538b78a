/* remind_daily.h — the daily reminder run inside `sightline serve`: a
 * thread that wakes every 30 seconds and, once the day's remind.time
 * (Europe/London, default 07:00) has passed, claims the day in the audit
 * log and runs the reminders (cli/remind.h). The claim is taken in one
 * transaction, so two servers on one database, or a server restarted, send
 * one day's reminders once. What it did goes to the server's log (stderr). */
#ifndef SL_CLI_REMIND_DAILY_H
#define SL_CLI_REMIND_DAILY_H

/* Starts the thread over the database at db_path (the string must outlive
 * it). Returns 0, or -1 when the thread cannot start (said on stderr). */
int sl_remind_daily_start(const char *db_path);
/* Stops the thread and waits for it (a run in progress finishes first). */
void sl_remind_daily_stop(void);

#endif
