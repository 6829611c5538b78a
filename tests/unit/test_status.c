/* test_status.c — the words real plans use, mapped onto canonical statuses. */
#include <string.h>

#include "check.h"
#include "domain/status.h"

void test_status(void)
{
    static const struct {
        const char *text;
        int ok;
        sl_status want;
    } cells[] = {
        {"Complete", 1, SL_STATUS_COMPLETE},       {"Completed", 1, SL_STATUS_COMPLETE},
        {"complete", 1, SL_STATUS_COMPLETE},       {"In place", 1, SL_STATUS_COMPLETE},
        {"Completed.", 1, SL_STATUS_COMPLETE},     {"On track", 1, SL_STATUS_ON_TRACK},
        {"On Track.", 1, SL_STATUS_ON_TRACK},      {"on-track", 1, SL_STATUS_ON_TRACK},
        {"Planned", 1, SL_STATUS_PLANNED},         {"Due January 2015", 1, SL_STATUS_PLANNED},
        {"Not started", 1, SL_STATUS_NOT_STARTED}, {"NOT STARTED", 1, SL_STATUS_NOT_STARTED},
        {"not-started", 1, SL_STATUS_NOT_STARTED}, {"In progress", 1, SL_STATUS_IN_PROGRESS},
        {"in_progress", 1, SL_STATUS_IN_PROGRESS}, {"In consultation", 1, SL_STATUS_IN_PROGRESS},
        {"Ongoing", 1, SL_STATUS_IN_PROGRESS},     {"At risk", 1, SL_STATUS_AT_RISK},
        {"Delayed", 1, SL_STATUS_AT_RISK},         {"Off track", 1, SL_STATUS_OFF_TRACK},
        {"Signed off", 1, SL_STATUS_SIGNED_OFF},   {"signed-off", 1, SL_STATUS_SIGNED_OFF},
        {"Carried forward", 1, SL_STATUS_CARRIED_FORWARD},
        {"Withdrawn", 1, SL_STATUS_WITHDRAWN},     {"Cancelled", 1, SL_STATUS_WITHDRAWN},
        {"Banana", 0, SL_STATUS_NOT_STARTED},      {"", 0, SL_STATUS_NOT_STARTED},
        {"Complete Achieving for Children proposal agreed", 0, SL_STATUS_NOT_STARTED},
    };
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
        sl_status got = SL_STATUS_COUNT;
        int ok = sl_status_parse(cells[i].text, &got) == 0;
        CHECK(ok == cells[i].ok, "status '%s': parse %s", cells[i].text, ok ? "accepted" : "refused");
        if (ok && cells[i].ok)
            CHECK(got == cells[i].want, "status '%s' → %s, want %s", cells[i].text,
                  sl_status_name(got), sl_status_name(cells[i].want));
    }
    static const struct {
        const char *text;
        int ok;
        sl_status want;
    } narratives[] = {
        {"Complete Achieving for Children (AfC) proposal agreed.", 1, SL_STATUS_COMPLETE},
        {"Complete Package of support agreed.", 1, SL_STATUS_COMPLETE},
        {"On track. Easy to use ICS screenshots have been re-circulated", 1, SL_STATUS_ON_TRACK},
        {"Completed. Police Protection and EPO numbers", 1, SL_STATUS_COMPLETE},
        {"Due January 2015.", 1, SL_STATUS_PLANNED},
        {"Development sessions taking place over the summer", 0, SL_STATUS_NOT_STARTED},
        {"Work to progress when new Operational Director is in post.", 0, SL_STATUS_NOT_STARTED},
    };
    for (size_t i = 0; i < sizeof narratives / sizeof narratives[0]; i++) {
        sl_status got = SL_STATUS_COUNT;
        int ok = sl_status_from_narrative(narratives[i].text, &got) == 0;
        CHECK(ok == narratives[i].ok && (!ok || got == narratives[i].want), "narrative '%s'",
              narratives[i].text);
    }
    for (int s = 0; s < SL_STATUS_COUNT; s++) {
        sl_status back;
        CHECK(sl_status_parse(sl_status_name((sl_status)s), &back) == 0 && back == (sl_status)s,
              "canonical name %s reads back", sl_status_name((sl_status)s));
    }
    /* Every move from every status to every status: U update, S sign-off, W withdraw,
     * C carry forward, . refused. Rows are from, columns to, in enum order:
     * not-started planned in-progress on-track at-risk off-track complete signed-off
     * carried-forward withdrawn. */
    static const char *const moves[SL_STATUS_COUNT] = {
        "UUUUUUU.CW", /* not-started */
        "UUUUUUU.CW", /* planned */
        "UUUUUUU.CW", /* in-progress */
        "UUUUUUU.CW", /* on-track */
        "UUUUUUU.CW", /* at-risk */
        "UUUUUUU.CW", /* off-track */
        "UUUUUUUSCW", /* complete: reopened, signed off, carried or withdrawn */
        ".......U..", /* signed-off: final */
        "........U.", /* carried-forward: final */
        ".........U", /* withdrawn: final */
    };
    static const char letter[] = {'.', 'U', 'S', 'W', 'C'};
    for (int from = 0; from < SL_STATUS_COUNT; from++) {
        for (int to = 0; to < SL_STATUS_COUNT; to++) {
            sl_status_move m = sl_status_move_to((sl_status)from, (sl_status)to);
            CHECK(letter[m] == moves[from][to], "move %s -> %s: got %c, want %c", sl_status_name((sl_status)from),
                  sl_status_name((sl_status)to), letter[m], moves[from][to]);
            CHECK(sl_status_update_allowed((sl_status)from, (sl_status)to) == (moves[from][to] == 'U'),
                  "update %s -> %s", sl_status_name((sl_status)from), sl_status_name((sl_status)to));
        }
    }
}
