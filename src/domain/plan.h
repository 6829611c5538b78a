/* plan.h — a plan as read from a document or CSV, before it is stored:
 * themes, recommendations, people and actions with every field SPEC.md §2
 * names. All strings are owned by the plan and freed by sl_plan_free. */
#ifndef SL_DOMAIN_PLAN_H
#define SL_DOMAIN_PLAN_H
#include <stddef.h>
#include <stdint.h>

#include "domain/date.h"
#include "domain/finding.h"
#include "domain/rag.h"
#include "domain/status.h"

/* A date cell: its text as written, what the date engine made of it. */
typedef struct {
    char *text;                 /* as written, "" when blank */
    sl_date_status parse;       /* SL_DATE_OK, EMPTY, INVALID or UNREADABLE */
    sl_date_value value;
} sl_written_date;

typedef struct {
    char *name;
    char *value;
} sl_custom_field;

typedef struct {
    char *ref;                  /* "1.4", "2.15"; may repeat in a damaged plan */
    int theme;                  /* index into the plan's themes, -1 when none */
    char *title;
    char *description;
    sl_written_date start;
    sl_written_date due;
    char *sro;                  /* senior responsible officer as written ("BP and JH-B") */
    char **leads;               /* operational leads, initials or names */
    size_t n_leads;
    char *resources;            /* as written: "£46k", "TBC" */
    int64_t resources_pence;    /* money read from resources, -1 when none */
    char *measure;
    char *impact;
    char *delivered_through;
    sl_status status;
    char *status_text;          /* the words the plan used */
    sl_rag rag_manual;          /* a RAG written in the plan: a manual rating */
    char *rag_reason;           /* why that rating, NULL when written as a word ("spreadsheet colour") */
    char *progress;
    int *recommendations;       /* numbers of the recommendations it answers */
    size_t n_recommendations;
    sl_custom_field *custom;    /* unknown CSV columns, kept */
    size_t n_custom;
    long source_line;           /* line of the source file where it was read */
} sl_action;

typedef enum {
    SL_THEME_AREA = 0,          /* an area or workstream ("1. STRATEGIC ACTIONS") */
    SL_THEME_RECOMMENDATION,    /* "Area for Improvement (n)": answers recommendation n */
    SL_THEME_SAVINGS,           /* a savings project with an MTFS ref */
    SL_THEME_PRIORITY,          /* a practice priority ("Delivered through") */
    SL_THEME_SUBHEADING         /* a sub-heading inside a table */
} sl_theme_kind;

/* A saving planned for one financial year, in thousands of pounds. */
typedef struct {
    int fy_start_year;          /* 2021 for 2021/22 */
    double thousands;
} sl_saving;

typedef struct {
    char *ref;                  /* "1", "2", or "" */
    char *title;
    char **outcomes;            /* intended outcomes ("KEY OUTCOMES") */
    size_t n_outcomes;
    sl_theme_kind kind;
    int parent;                 /* index of the enclosing theme, -1 when top level */
    int recommendation;         /* number of the recommendation it answers, 0 when none */
    char *mtfs_ref;             /* savings projects: "CFE SAV 05", else NULL */
    char *manager;              /* savings projects: the project manager, else NULL */
    sl_saving *savings;         /* savings projects: per financial year */
    size_t n_savings;
} sl_theme;

typedef struct {
    int number;
    char *text;                 /* "" when only the number is known */
} sl_recommendation;

typedef struct {
    char *initials;
    char *name;
} sl_person;

typedef struct {
    char *title;
    char *authority;            /* "" when not given */
    char *kind;                 /* "improvement plan", "transitional action plan", … */
    char *version_label;        /* "v12" as written, "" when none */
    char *source_file;
    char source_sha256[65];     /* hex digest of the source bytes (of an xlsx workbook: of its cells) */
    int context_year;           /* the year most dates in the plan are written in */
    sl_rag_rules rules;
    sl_theme *themes;
    size_t n_themes;
    sl_action *actions;
    size_t n_actions;
    sl_recommendation *recommendations;
    size_t n_recommendations;
    sl_person *people;
    size_t n_people;
    sl_findings findings;       /* what the importer could not read cleanly */
} sl_plan;

/* Frees everything a plan owns (not the sl_plan itself) and zeroes it. */
void sl_plan_free(sl_plan *plan);
/* Frees the strings and arrays one action owns. */
void sl_action_free(sl_action *action);
/* Returns the year most often written in the plan's start and due dates
 * (the year "5 Sept" means in a plan whose other dates are 2017), or 0. */
int sl_plan_context_year(const sl_plan *plan);
/* Appends a zeroed action and returns it; the plan owns it. */
sl_action *sl_plan_add_action(sl_plan *plan);
/* Returns the theme with this ref and title (a blank title matches any
 * title: a row that names only the theme's ref), adding it when new; two
 * themes may share a ref, as in plans that number savings projects and
 * priorities alike. The plan owns it. */
sl_theme *sl_plan_theme(sl_plan *plan, const char *ref, const char *title);
/* Appends a new theme (ref and title copied) even when one has the same ref; the plan owns it. */
sl_theme *sl_plan_add_theme(sl_plan *plan, const char *ref, const char *title);
/* Adds recommendation number (text may be NULL) unless already there; returns it. */
sl_recommendation *sl_plan_recommendation(sl_plan *plan, int number, const char *text);
/* Splits a list cell on ';' into trimmed non-empty items appended to *items;
 * returns the new count. The caller owns the array and strings. */
size_t sl_split_list(const char *cell, char ***items, size_t n);
/* Returns 1 when text can name a person (initials or a name): it holds a
 * letter, is under 80 bytes and is not a placeholder (N/A, TBC, None). A
 * cell reading "1" or "-" names nobody. */
int sl_is_person_label(const char *text);
/* Drops the leads and named people of a plan that name nobody (see
 * sl_is_person_label), and an SRO cell that does, each noted as a
 * "not-a-person" finding; returns how many were dropped. */
size_t sl_plan_drop_junk_people(sl_plan *plan);
/* Reads money from resources text ("£46k", "£1,500", "£1.2m", "£1bn"); returns pence,
 * or -1 when there is none (or it is over a trillion pounds: not a budget). */
int64_t sl_money_pence(const char *text);

#endif
