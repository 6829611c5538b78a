/* status.c — canonical statuses and the words that map onto them. */
#include "domain/status.h"

#include <ctype.h>
#include <string.h>

static const char *const status_names[SL_STATUS_COUNT] = {
    "not-started", "planned",   "in-progress",     "on-track",  "at-risk",
    "off-track",   "complete",  "signed-off",      "carried-forward", "withdrawn",
};

/* Words found in real plans, normalised (lower case, single spaces), and
 * whether they may be followed by more words ("due january 2015"). */
static const struct {
    const char *words;
    sl_status status;
    int prefix;
} status_words[] = {
    {"not started", SL_STATUS_NOT_STARTED, 0},
    {"not yet started", SL_STATUS_NOT_STARTED, 0},
    {"not due", SL_STATUS_NOT_STARTED, 0},
    {"planned", SL_STATUS_PLANNED, 0},
    {"scheduled", SL_STATUS_PLANNED, 0},
    {"due", SL_STATUS_PLANNED, 1},
    {"to start", SL_STATUS_PLANNED, 1},
    {"in progress", SL_STATUS_IN_PROGRESS, 0},
    {"progressing", SL_STATUS_IN_PROGRESS, 0},
    {"underway", SL_STATUS_IN_PROGRESS, 0},
    {"under way", SL_STATUS_IN_PROGRESS, 0},
    {"started", SL_STATUS_IN_PROGRESS, 0},
    {"ongoing", SL_STATUS_IN_PROGRESS, 0},
    {"in consultation", SL_STATUS_IN_PROGRESS, 0},
    {"in development", SL_STATUS_IN_PROGRESS, 0},
    {"returned", SL_STATUS_IN_PROGRESS, 0},     /* an SRO's return (web/action_forms.c): export re-imports */
    {"being developed", SL_STATUS_IN_PROGRESS, 0},
    {"on track", SL_STATUS_ON_TRACK, 0},
    {"on target", SL_STATUS_ON_TRACK, 0},
    {"at risk", SL_STATUS_AT_RISK, 0},
    {"delayed", SL_STATUS_AT_RISK, 0},
    {"slipped", SL_STATUS_AT_RISK, 0},
    {"off track", SL_STATUS_OFF_TRACK, 0},
    {"behind", SL_STATUS_OFF_TRACK, 0},
    {"complete", SL_STATUS_COMPLETE, 0},
    {"completed", SL_STATUS_COMPLETE, 0},
    {"done", SL_STATUS_COMPLETE, 0},
    {"achieved", SL_STATUS_COMPLETE, 0},
    {"in place", SL_STATUS_COMPLETE, 0},
    {"implemented", SL_STATUS_COMPLETE, 0},
    {"signed off", SL_STATUS_SIGNED_OFF, 0},
    {"carried forward", SL_STATUS_CARRIED_FORWARD, 0},
    {"withdrawn", SL_STATUS_WITHDRAWN, 0},
    {"cancelled", SL_STATUS_WITHDRAWN, 0},
    {"no longer required", SL_STATUS_WITHDRAWN, 0},
};

const char *sl_status_name(sl_status status)
{
    return (unsigned)status < SL_STATUS_COUNT ? status_names[status] : "unknown";
}

/* Writes text into out (size n) lower-cased, with hyphens and underscores as
 * spaces, runs of white space folded and trailing punctuation dropped. */
static void normalise(const char *text, char *out, size_t n)
{
    size_t o = 0;
    int pending_space = 0;
    for (const char *p = text; *p && o + 2 < n; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '-' || c == '_' || isspace(c)) {
            pending_space = o > 0;
            continue;
        }
        if (pending_space)
            out[o++] = ' ';
        pending_space = 0;
        out[o++] = (char)tolower(c);
    }
    while (o > 0 && strchr(".,;:!", out[o - 1]))
        o--;
    out[o] = '\0';
}

/* Finds the table entry whose words equal norm, or open norm when prefixes
 * are allowed (every entry may open a narrative); returns its index or -1. */
static int lookup(const char *norm, int narrative)
{
    int best = -1;
    size_t best_len = 0;
    for (size_t i = 0; i < sizeof status_words / sizeof status_words[0]; i++) {
        const char *w = status_words[i].words;
        size_t len = strlen(w);
        int whole = strcmp(norm, w) == 0;
        int opens = strncmp(norm, w, len) == 0 && norm[len] == ' ';
        if ((whole || (opens && (narrative || status_words[i].prefix))) && len > best_len) {
            best = (int)i;
            best_len = len;
        }
    }
    return best;
}

int sl_status_from_name(const char *name, sl_status *out)
{
    for (int s = 0; s < SL_STATUS_COUNT; s++) {
        if (strcmp(name, status_names[s]) == 0) {
            *out = (sl_status)s;
            return 0;
        }
    }
    return -1;
}

int sl_status_parse(const char *text, sl_status *out)
{
    char norm[128];
    if (!text)
        return -1;
    normalise(text, norm, sizeof norm);
    for (int s = 0; s < SL_STATUS_COUNT; s++) {
        char canon[32];
        normalise(status_names[s], canon, sizeof canon);
        if (strcmp(norm, canon) == 0) {
            *out = (sl_status)s;
            return 0;
        }
    }
    int i = lookup(norm, 0);
    if (i < 0)
        return -1;
    *out = status_words[i].status;
    return 0;
}

int sl_status_from_narrative(const char *text, sl_status *out)
{
    char norm[128];
    if (!text)
        return -1;
    normalise(text, norm, sizeof norm);
    /* A narrative's first sentence ends at a full stop: "On track. Easy …". */
    char *stop = strchr(norm, '.');
    if (stop)
        *stop = '\0';
    int i = lookup(norm, 1);
    if (i < 0)
        return -1;
    *out = status_words[i].status;
    return 0;
}

int sl_status_is_done(sl_status status)
{
    return status == SL_STATUS_COMPLETE || status == SL_STATUS_SIGNED_OFF;
}

int sl_status_is_closed(sl_status status)
{
    return status == SL_STATUS_CARRIED_FORWARD || status == SL_STATUS_WITHDRAWN;
}

int sl_status_is_open(sl_status status)
{
    return status >= SL_STATUS_NOT_STARTED && status <= SL_STATUS_OFF_TRACK;
}

/* Returns 1 for a status no move leaves: signed off, withdrawn, carried forward. */
static int is_final(sl_status status)
{
    return status == SL_STATUS_SIGNED_OFF || sl_status_is_closed(status);
}

sl_status_move sl_status_move_to(sl_status from, sl_status to)
{
    if ((unsigned)from >= SL_STATUS_COUNT || (unsigned)to >= SL_STATUS_COUNT)
        return SL_MOVE_NONE;
    if (from == to)
        return SL_MOVE_UPDATE;
    if (is_final(from))
        return SL_MOVE_NONE;
    if (to == SL_STATUS_WITHDRAWN)
        return SL_MOVE_WITHDRAW;
    if (to == SL_STATUS_CARRIED_FORWARD)
        return SL_MOVE_CARRY;
    if (to == SL_STATUS_SIGNED_OFF)
        return from == SL_STATUS_COMPLETE ? SL_MOVE_SIGN_OFF : SL_MOVE_NONE;
    return SL_MOVE_UPDATE;  /* open or complete, to open or complete */
}

int sl_status_update_allowed(sl_status from, sl_status to)
{
    return sl_status_move_to(from, to) == SL_MOVE_UPDATE;
}
