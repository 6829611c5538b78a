/* cmd_settings.c — `sightline settings [KEY [VALUE | --stdin]]`: the
 * installation's settings (the SMTP relay of reminders, the base URL of
 * links, the time of the daily run). With no key, lists them (a password
 * only as "(set)"); with a key alone, prints its value; with a value (or
 * --stdin, for a password), sets it; an empty value removes it. Every
 * change is in the audit log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/remind.h"
#include "cli/run.h"

/* Returns 1 for a setting whose value is never printed. */
static int secret(const char *key)
{
    return strcmp(key, "smtp.password") == 0;
}

/* Lists every setting with its value, or "(not set)", and what it is for. */
static int list_settings(sl_run *run)
{
    for (size_t i = 0; i < sl_n_setting_keys; i++) {
        char *value = NULL;
        int found = sl_store_setting_get(run->store, sl_setting_keys[i].key, &value, &run->err);
        if (found < 0)
            return -1;
        const char *shown = !found ? "(not set)" : secret(sl_setting_keys[i].key) ? "(set)" : value;
        sl_buf_cprintf(&run->out, "%-14s %s\n               %s\n", sl_setting_keys[i].key, shown,
                       sl_setting_keys[i].help);
        free(value);
    }
    return 0;
}

/* Reads the value from standard input (one line, without its newline);
 * returns it (caller frees) or NULL. */
static char *value_from_stdin(void)
{
    char *line = NULL;
    size_t cap = 0;
    if (getline(&line, &cap, stdin) < 0) {
        free(line);
        return NULL;
    }
    line[strcspn(line, "\r\n")] = '\0';
    return line;
}

/* Sets (or, with "", removes) one setting in a transaction. */
static int set_setting(sl_run *run, const char *key, const char *value)
{
    if (sl_setting_check(key, value, &run->err) < 0)
        return -1;
    if (sl_run_begin(run) < 0 ||
        sl_run_end(run, sl_store_setting_set(run->store, key, value, run->cli->actor, &run->err) < 0) < 0)
        return -1;
    sl_buf_cprintf(&run->out, *value ? "%s set\n" : "%s removed\n", key);
    return 0;
}

/* Lists, shows or sets, as the arguments say. */
static int settings_body(sl_run *run)
{
    if (run->n_pos == 0)
        return list_settings(run);
    const char *key = run->pos[0];
    if (run->n_pos == 2)
        return set_setting(run, key, run->pos[1]);
    if (sl_run_flag(run, "--stdin")) {
        char *value = value_from_stdin();
        int rc = value ? set_setting(run, key, value) : sl_fail(&run->err, "no value on standard input");
        free(value);
        return rc;
    }
    char *value = NULL;
    if (sl_setting_check(key, "", &run->err) < 0 || sl_store_setting_get(run->store, key, &value, &run->err) < 0)
        return -1;
    sl_buf_cprintf(&run->out, "%s\n", !value ? "(not set)" : secret(key) ? "(set)" : value);
    free(value);
    return 0;
}

int sl_cmd_settings(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    sl_opt opts[] = {SL_OPT("--stdin", 0)};
    static const sl_run_spec spec = {.min_pos = 0, .max_pos = 2, .store = SL_RUN_STORE, .body = settings_body};
    return SL_CLI_RUN(cli, cmd, argc, argv, opts, &spec, NULL);
}
