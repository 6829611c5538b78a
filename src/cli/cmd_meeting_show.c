/* cmd_meeting_show.c — `sightline meeting show --board B --date D [--json]`:
 * one meeting in full: attendance, the agenda with the open actions arising
 * of earlier meetings carried forward, minutes and their state, decisions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/governance.h"

/* Appends the meeting's attendance as a JSON array. */
static void attendance_json(sl_buf *b, const sl_meeting *m)
{
    sl_buf_puts(b, "[");
    for (size_t i = 0; i < m->n_attendance; i++) {
        sl_buf_puts(b, i ? ",{\"member\":" : "{\"member\":");
        sl_buf_json_str(b, m->attendance[i].member);
        sl_buf_printf(b, ",\"state\":\"%s\",\"substitute\":", sl_attend_state_name(m->attendance[i].state));
        sl_buf_json_str(b, m->attendance[i].substitute);
        sl_buf_putc(b, '}');
    }
    sl_buf_puts(b, "]");
}

/* Appends the meeting's agenda as a JSON array. */
static void agenda_json(sl_buf *b, const sl_meeting *m)
{
    sl_buf_puts(b, "[");
    for (size_t i = 0; i < m->n_agenda; i++) {
        sl_buf_puts(b, i ? ",{\"title\":" : "{\"title\":");
        sl_buf_json_str(b, m->agenda[i].title);
        sl_buf_printf(b, ",\"kind\":\"%s\",\"theme\":", sl_agenda_kind_name(m->agenda[i].kind));
        sl_buf_json_str(b, m->agenda[i].theme);
        sl_buf_printf(b, ",\"late\":%s}", m->agenda[i].late ? "true" : "false");
    }
    sl_buf_puts(b, "]");
}

/* Appends one action arising as JSON (governance.h). */
void sl_cli_arising_json(sl_buf *b, const sl_arising *a)
{
    char raised[11], due[11];
    sl_day_format(a->meeting, raised);
    sl_buf_printf(b, "{\"id\":%lld,\"board\":", (long long)a->id);
    sl_buf_json_str(b, a->board);
    sl_buf_printf(b, ",\"meeting\":\"%s\",\"text\":", raised);
    sl_buf_json_str(b, a->text);
    sl_buf_puts(b, ",\"owner\":");
    sl_buf_json_str(b, a->owner);
    if (a->due == SL_NO_DAY) {
        sl_buf_puts(b, ",\"due\":null");
    } else {
        sl_day_format(a->due, due);
        sl_buf_printf(b, ",\"due\":\"%s\"", due);
    }
    sl_buf_printf(b, ",\"status\":\"%s\"}", sl_status_name(a->status));
}

/* Appends the meeting as one JSON object; carried are the open actions
 * arising of earlier meetings (n of them). */
static void meeting_json(sl_buf *b, const sl_meeting *m, const sl_arising *carried, int n)
{
    char day[11], other[11];
    sl_day_format(m->day, day);
    sl_buf_puts(b, "{\"board\":");
    sl_buf_json_str(b, m->board);
    sl_buf_printf(b, ",\"date\":\"%s\",\"time\":", day);
    sl_buf_json_str(b, *m->time ? m->time : NULL);
    sl_buf_puts(b, ",\"venue\":");
    sl_buf_json_str(b, *m->venue ? m->venue : NULL);
    sl_day_format(m->papers_published, other);
    sl_buf_puts(b, ",\"papers_published\":");
    sl_buf_json_str(b, m->papers_published != SL_NO_DAY ? other : NULL);
    sl_buf_puts(b, ",\"attendance\":");
    attendance_json(b, m);
    sl_buf_puts(b, ",\"agenda\":");
    agenda_json(b, m);
    sl_buf_puts(b, ",\"arising\":[");
    for (int i = 0; i < n; i++) {
        sl_buf_puts(b, i ? "," : "");
        sl_cli_arising_json(b, &carried[i]);
    }
    sl_buf_puts(b, "],\"minutes\":");
    sl_buf_json_str(b, m->minutes);
    sl_buf_printf(b, ",\"minutes_state\":\"%s\",\"decisions\":[",
                  !m->minutes ? "none" : m->minutes_approved_at != SL_NO_DAY ? "approved" : "draft");
    for (size_t i = 0; i < m->n_decisions; i++) {
        sl_buf_puts(b, i ? "," : "");
        sl_buf_json_str(b, m->decisions[i]);
    }
    sl_buf_puts(b, "]}\n");
}

/* Appends the meeting as text. */
static void meeting_text(sl_buf *b, const sl_meeting *m, const sl_arising *carried, int n)
{
    char day[11], due[11];
    sl_day_format(m->day, day);
    sl_buf_printf(b, "%s — %s%s%s%s%s\n", m->board, day, *m->time ? " " : "", m->time, *m->venue ? ", " : "",
                  m->venue);
    sl_buf_printf(b, "Papers: %s\n", m->papers_published != SL_NO_DAY ? "published (pack frozen)" : "not yet published");
    sl_buf_puts(b, "Attendance:\n");
    for (size_t i = 0; i < m->n_attendance; i++)
        sl_buf_printf(b, "  %s: %s%s%s\n", m->attendance[i].member, sl_attend_state_name(m->attendance[i].state),
                      m->attendance[i].substitute ? " — " : "",
                      m->attendance[i].substitute ? m->attendance[i].substitute : "");
    sl_buf_puts(b, "Agenda:\n");
    for (size_t i = 0; i < m->n_agenda; i++)
        sl_buf_printf(b, "  %zu. %s (%s)%s\n", i + 1, m->agenda[i].title, sl_agenda_kind_name(m->agenda[i].kind),
                      m->agenda[i].late ? " [late paper]" : "");
    for (int i = 0; i < n; i++) {
        sl_day_format(carried[i].due, due);
        sl_buf_printf(b, "  Action arising %lld: %s — %s, due %s (%s)\n", (long long)carried[i].id,
                      carried[i].text, carried[i].owner, carried[i].due != SL_NO_DAY ? due : "-",
                      sl_status_name(carried[i].status));
    }
    sl_buf_printf(b, "Minutes (%s):\n  %s\n",
                  !m->minutes ? "none" : m->minutes_approved_at != SL_NO_DAY ? "approved" : "draft",
                  m->minutes ? m->minutes : "-");
    sl_buf_puts(b, "Decisions:\n");
    for (size_t i = 0; i < m->n_decisions; i++)
        sl_buf_printf(b, "  - %s\n", m->decisions[i]);
}

/* Keeps only the actions arising raised before day (open ones); returns how many. */
static int raised_before(sl_arising *list, int n, sl_day day)
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (list[i].meeting < day) {
            sl_arising tmp = list[k];
            list[k++] = list[i];
            list[i] = tmp;
        }
    }
    return k;
}

/* Appends the meeting m in full with the open actions arising of its
 * board's earlier meetings (the meeting op of sl_run_meeting_show). */
static int show(sl_run *run, const sl_board *b, const sl_meeting *m)
{
    (void)b;
    sl_arising *open = NULL;
    int n = sl_store_arisings(run->store, m->board_id, 1, &open, &run->err);
    if (n < 0)
        return -1;
    int k = raised_before(open, n, m->day);
    if (sl_run_flag(run, "--json"))
        meeting_json(&run->out, m, open, k);
    else
        meeting_text(&run->out, m, open, k);
    sl_arisings_free(open, (size_t)n);
    return 0;
}

int sl_run_meeting_show(sl_run *run)
{
    return sl_run_meeting_read(run, show);
}
