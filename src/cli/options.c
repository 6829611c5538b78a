/* options.c — option parsing and the small helpers every command uses. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "util/mem.h"

/* Prints a command's usage and help to out. */
static void print_help(const sl_command *cmd, FILE *out)
{
    fprintf(out, "usage: sightline [--db PATH] %s %s\n\n%s\n", cmd->name, cmd->synopsis,
            cmd->summary);
    if (cmd->help && *cmd->help)
        fprintf(out, "\n%s", cmd->help);
}

int sl_cli_usage(const sl_command *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "sightline %s: ", cmd->name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nusage: sightline %s %s\n", cmd->name, cmd->synopsis);
    return SL_EXIT_USAGE;
}

int sl_cli_refuse(const sl_error *err)
{
    sl_error_print(err, stderr);
    return SL_EXIT_REFUSED;
}

/* Records one value of an option. */
static void add_value(sl_opt *o, const char *value)
{
    o->values = sl_realloc(o->values, (size_t)(o->count + 1) * sizeof *o->values);
    o->values[o->count++] = value;
    o->value = value;
}

int sl_cli_parse(const sl_command *cmd, int argc, char **argv, sl_opt *opts, int n_opts,
                 const char **pos, int min_pos, int max_pos, int *n_pos)
{
    *n_pos = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            print_help(cmd, stdout);
            return -1;
        }
        if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0') {
            if (*n_pos >= max_pos)
                return sl_cli_usage(cmd, "unexpected argument '%s'", arg);
            pos[(*n_pos)++] = arg;
            continue;
        }
        const char *eq = strchr(arg, '=');
        size_t name_len = eq ? (size_t)(eq - arg) : strlen(arg);
        sl_opt *o = NULL;
        for (int k = 0; k < n_opts && !o; k++)
            if (strlen(opts[k].name) == name_len && strncmp(opts[k].name, arg, name_len) == 0)
                o = &opts[k];
        if (!o)
            return sl_cli_usage(cmd, "unknown option '%.*s'", (int)name_len, arg);
        if (!o->takes_value) {
            if (eq)
                return sl_cli_usage(cmd, "option %s takes no value", o->name);
            add_value(o, "");
        } else if (eq) {
            add_value(o, eq + 1);
        } else if (i + 1 < argc) {
            add_value(o, argv[++i]);
        } else {
            return sl_cli_usage(cmd, "option %s needs a value", o->name);
        }
    }
    if (*n_pos < min_pos)
        return sl_cli_usage(cmd, "missing argument");
    return 0;
}

void sl_cli_free_opts(sl_opt *opts, int n_opts)
{
    for (int i = 0; i < n_opts; i++) {
        free(opts[i].values);
        opts[i].values = NULL;
    }
}

sl_store *sl_cli_open_store(const sl_cli *cli, int create)
{
    sl_error err = {0};
    sl_store *store = sl_store_open(cli->db_path, create, &err);
    if (store && cli->as_login) {
        /* --as LOGIN: the store shows that account's authorities only. */
        sl_user user;
        int found = sl_store_user_find(store, cli->as_login, &user, &err);
        if (found == 0)
            sl_fail_code(&err, SL_ERR_NOT_FOUND, "--as: no such user '%s'", cli->as_login);
        if (found <= 0 || sl_store_set_scope(store, user.id, &err) < 0) {
            sl_store_close(store);
            store = NULL;
        }
    }
    if (!store)
        sl_error_print(&err, stderr);
    return store;
}

int sl_cli_as_of(const sl_command *cmd, const sl_opt *opt, sl_day *day)
{
    if (!opt->count) {
        *day = sl_today();
        return 0;
    }
    if (sl_day_parse_iso(opt->value, day) < 0)
        return sl_cli_usage(cmd, "--as-of '%s' is not a date written YYYY-MM-DD", opt->value);
    return 0;
}

int sl_cli_plan(sl_store *store, const sl_opt *opt, int64_t *plan_id)
{
    sl_error err = {0};
    *plan_id = 0;
    if (opt->count && sl_store_resolve_plan(store, opt->value, plan_id, &err) < 0)
        return sl_cli_refuse(&err);
    return 0;
}

int sl_cli_find_action(sl_store *store, int64_t plan_id, const char *ref, int64_t *action_id)
{
    sl_error err = {0};
    int64_t ids[2];
    int n = sl_store_find_actions(store, plan_id, ref, ids, 2, &err);
    if (n < 0)
        return sl_cli_refuse(&err);
    if (n == 0) {
        sl_fail(&err, "no action '%s'%s (see `sightline actions`)", ref,
                plan_id ? " in that plan" : "");
        return sl_cli_refuse(&err);
    }
    if (n > 1) {
        sl_fail(&err, "%d actions have ref '%s': name the plan with --plan, or fix the"
                      " duplicate (see `sightline lint`)", n, ref);
        return sl_cli_refuse(&err);
    }
    *action_id = ids[0];
    return 0;
}

void sl_cli_beside_binary(const char *name, char *out, size_t n)
{
    char dir[PATH_MAX] = ".";
    const char *home = getenv("SIGHTLINE_HOME");
    if (home && *home) {
        snprintf(dir, sizeof dir, "%s", home);
    } else {
        ssize_t len = readlink("/proc/self/exe", dir, sizeof dir - 1);
        dir[len > 0 ? len : 1] = '\0';
        char *slash = strrchr(dir, '/');
        if (len > 0 && slash)
            *slash = '\0';
        else
            snprintf(dir, sizeof dir, ".");
    }
    if (strlen(dir) + 1 + strlen(name) + 1 > n) {
        snprintf(out, n, "%s", name);
        return;
    }
    snprintf(out, n, "%s/%s", dir, name);
}

typedef struct {
    int64_t *ids;
    int n;
} id_list;

/* Store callback: collects a plan's id. */
static int collect_plan(void *ctx, const sl_plan_info *info)
{
    id_list *l = ctx;
    l->ids = sl_realloc(l->ids, (size_t)(l->n + 1) * sizeof *l->ids);
    l->ids[l->n++] = info->id;
    return 0;
}

int sl_cli_plan_ids(sl_store *store, int64_t plan_id, int64_t **ids, sl_error *err)
{
    id_list l = {NULL, 0};
    if (plan_id)
        collect_plan(&l, &(sl_plan_info){.id = plan_id});
    else if (sl_store_each_plan(store, 0, collect_plan, &l, err) < 0) {
        free(l.ids);
        *ids = NULL;
        return -1;
    }
    *ids = l.ids;
    return l.n;
}
