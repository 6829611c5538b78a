/* main.c — sightline's entry point: global options, then the command named
 * in the command table (commands.c). */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/* Prints the program's usage and its commands. */
static void print_usage(FILE *out)
{
    fprintf(out,
            "usage: sightline [--db PATH] [--as LOGIN] COMMAND [ARGS]\n\n"
            "sightline tracks a council's children's services improvement plan: every\n"
            "inspection recommendation, the actions answering it, who owns them, and\n"
            "whether they are on track.\n\n"
            "The database is --db PATH, else $SIGHTLINE_DB, else ./sightline.db.\n"
            "The command line acts as the operator, over every authority; --as LOGIN acts\n"
            "as that account instead: only the authorities it is granted are seen or changed.\n\n"
            "Commands:\n");
    for (const sl_command *c = sl_commands; c->name; c++)
        fprintf(out, "  %-16s %s\n", c->name, c->summary);
    fprintf(out, "\nEvery command has --help. Exit status: 0 done, 1 refused or bad input,"
                 " 2 usage error.\n");
}

/* Returns who is making changes, for the audit log. */
static const char *actor_name(void)
{
    const char *who = getenv("SIGHTLINE_USER");
    if (!who || !*who)
        who = getenv("USER");
    return who && *who ? who : "cli";
}

int main(int argc, char **argv)
{
    sl_cli cli = {.db_path = getenv("SIGHTLINE_DB"), .actor = actor_name()};
    if (!cli.db_path || !*cli.db_path)
        cli.db_path = "sightline.db";
    if (sodium_init() < 0) {
        fprintf(stderr, "sightline: cannot initialise libsodium\n");
        return SL_EXIT_REFUSED;
    }
    int i = 1;
    for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            print_usage(stdout);
            return SL_EXIT_OK;
        } else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            cli.db_path = argv[++i];
        } else if (strncmp(argv[i], "--db=", 5) == 0) {
            cli.db_path = argv[i] + 5;
        } else if (strcmp(argv[i], "--as") == 0 && i + 1 < argc) {
            cli.as_login = cli.actor = argv[++i];
        } else {
            fprintf(stderr, "sightline: unknown option '%s'\n", argv[i]);
            print_usage(stderr);
            return SL_EXIT_USAGE;
        }
    }
    if (i == argc) {
        print_usage(stderr);
        return SL_EXIT_USAGE;
    }
    for (const sl_command *c = sl_commands; c->name; c++) {
        if (strcmp(c->name, argv[i]) != 0)
            continue;
        int allowed = sl_cli_as_allowed(&cli, c->name, i + 1 < argc ? argv[i + 1] : NULL);
        return allowed != SL_EXIT_OK ? allowed : c->run(&cli, c, argc - i, argv + i);
    }
    fprintf(stderr, "sightline: unknown command '%s'\n", argv[i]);
    print_usage(stderr);
    return SL_EXIT_USAGE;
}
