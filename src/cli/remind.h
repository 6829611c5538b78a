/* remind.h — the daily reminder run, shared by `sightline remind` and the
 * timer of `sightline serve`: each user with a linked person, reminders on
 * and something to do gets one email (report/reminder.h) through the SMTP
 * relay of the settings (util/smtp.h). Each email sent is recorded in the
 * audit log (operation "remind" on the user, with the day), so a second run
 * on the same day sends nothing more, and a failed send records nothing. */
#ifndef SL_CLI_REMIND_H
#define SL_CLI_REMIND_H
#include "store/store.h"
#include "util/buf.h"

/* The settings `sightline settings` knows, in the order it lists them. */
typedef struct {
    const char *key;
    const char *help;
} sl_setting_key;
extern const sl_setting_key sl_setting_keys[];
extern const size_t sl_n_setting_keys;

/* Checks a setting's value for its key; returns 0, or -1 with err saying
 * what the key takes (unknown keys are refused too). "" (unset) always passes. */
int sl_setting_check(const char *key, const char *value, sl_error *err);

typedef struct {
    sl_day as_of;               /* the day reminded about, and the day the run is recorded under */
    int dry_run;                /* append the emails to out instead of sending them */
    const char *actor;          /* who the audit log says sent them */
} sl_remind_options;

/* Runs the reminders; appends each email (dry run) and a summary line to
 * out. Returns 0, or -1 with err set at the first email that could not be
 * sent (those sent before it stay recorded as sent). */
int sl_remind_run(sl_store *store, const sl_remind_options *o, sl_buf *out, sl_error *err);

/* Claims the daily run of as_of for the caller (one transaction: 1 when no
 * earlier claim exists and this one is recorded in the audit log, 0 when
 * another server or an earlier start already claimed it), or -1. */
int sl_remind_claim_day(sl_store *store, sl_day as_of, const char *actor, sl_error *err);

/* Reads the daily run's time of day (setting remind.time, default 07:00
 * Europe/London) as minutes after midnight; returns 0 or -1. */
int sl_remind_time(sl_store *store, int *minute, sl_error *err);

#endif
