/* cmd_init.c — `sightline init`: create the database, or bring its schema up to date. */
#include <stdio.h>
#include <stdlib.h>

#include "cli/run.h"

/* The store is open (created or migrated by the runner): says where it is. */
static int init_body(sl_run *run)
{
    char *name = sl_store_name(run->cli->db_path);
    sl_buf_printf(&run->out, "database ready: %s\n", name);
    free(name);
    return 0;
}

int sl_cmd_init(const sl_cli *cli, const sl_command *cmd, int argc, char **argv)
{
    static const sl_run_spec spec = {.store = SL_RUN_CREATE_STORE, .body = init_body};
    return sl_cli_run(cli, cmd, argc, argv, NULL, 0, &spec, NULL);
}
