/* test_date.c — day arithmetic and the date parser (SPEC.md §4).
 *
 * The parser is tested by one table: every distinct date cell of the START
 * DATE / END DATE / Timescale / By when columns of the shared sample documents, the
 * forms listed in SPEC.md §4, impossible dates, leap years and junk. */
#include "check.h"
#include "domain/date.h"

#include <string.h>

/* Shorter names for the table columns. */
#define OK SL_DATE_OK
#define EMPTY SL_DATE_EMPTY
#define INVALID SL_DATE_INVALID
#define UNREADABLE SL_DATE_UNREADABLE
#define NONE SL_PREC_NONE
#define DAY SL_PREC_DAY
#define WEEK SL_PREC_WEEK
#define MONTH SL_PREC_MONTH
#define QUARTER SL_PREC_QUARTER
#define YEAR SL_PREC_YEAR
#define FYEAR SL_PREC_FINANCIAL_YEAR
#define R_NONE SL_RECUR_NONE
#define R_ONGOING SL_RECUR_ONGOING
#define R_WEEKLY SL_RECUR_WEEKLY
#define R_MONTHLY SL_RECUR_MONTHLY
#define R_QUARTERLY SL_RECUR_QUARTERLY
#define R_ANNUAL SL_RECUR_ANNUAL

/* Flags column: which of the value's flags must be set (the rest must not). */
enum { F_RANGE = 1, F_OPEN = 2, F_VAGUE = 4, F_INFERRED = 8 };

typedef struct {
    const char *text;
    int context_year;
    sl_date_status status;
    sl_precision precision;
    const char *earliest;  /* ISO, or NULL for SL_NO_DAY */
    const char *latest;    /* ISO, or NULL for SL_NO_DAY */
    int n_milestones;
    sl_recurrence recurrence;
    int flags;
    /* OK: milestone labels joined by '|' (NULL: not checked).
     * INVALID / UNREADABLE: text the reason must contain (NULL: not checked). */
    const char *detail;
} date_case;

static const date_case date_cases[] = {
    /* croydon-transitional-action-plan-2017.txt: START DATE and END DATE cells */
    {"Jul 17", 2017, OK, MONTH, "2017-07-01", "2017-07-31", 1, R_NONE, 0, ""},
    {"Aug 17", 2017, OK, MONTH, "2017-08-01", "2017-08-31", 1, R_NONE, 0, NULL},
    {"Sept 17", 2017, OK, MONTH, "2017-09-01", "2017-09-30", 1, R_NONE, 0, NULL},
    {"Oct 17", 2017, OK, MONTH, "2017-10-01", "2017-10-31", 1, R_NONE, 0, NULL},
    {"11 Sept 17", 2017, OK, DAY, "2017-09-11", "2017-09-11", 1, R_NONE, 0, NULL},
    {"14 Aug 17", 2017, OK, DAY, "2017-08-14", "2017-08-14", 1, R_NONE, 0, NULL},
    {"15 Sept 17", 2017, OK, DAY, "2017-09-15", "2017-09-15", 1, R_NONE, 0, NULL},
    {"16 Aug 17", 2017, OK, DAY, "2017-08-16", "2017-08-16", 1, R_NONE, 0, NULL},
    {"18 Aug 17", 2017, OK, DAY, "2017-08-18", "2017-08-18", 1, R_NONE, 0, NULL},
    {"18 Sept 17", 2017, OK, DAY, "2017-09-18", "2017-09-18", 1, R_NONE, 0, NULL},
    {"20 Oct 17", 2017, OK, DAY, "2017-10-20", "2017-10-20", 1, R_NONE, 0, NULL},
    {"22 Aug", 2017, OK, DAY, "2017-08-22", "2017-08-22", 1, R_NONE, F_INFERRED, NULL},
    {"29 Sept 17", 2017, OK, DAY, "2017-09-29", "2017-09-29", 1, R_NONE, 0, NULL},
    {"30 Aug 17", 2017, OK, DAY, "2017-08-30", "2017-08-30", 1, R_NONE, 0, NULL},
    {"30 Oct 17", 2017, OK, DAY, "2017-10-30", "2017-10-30", 1, R_NONE, 0, NULL},
    {"30 Sept 17", 2017, OK, DAY, "2017-09-30", "2017-09-30", 1, R_NONE, 0, NULL},
    {"31 Aug 17", 2017, OK, DAY, "2017-08-31", "2017-08-31", 1, R_NONE, 0, NULL},
    {"31 Dec 17", 2017, OK, DAY, "2017-12-31", "2017-12-31", 1, R_NONE, 0, NULL},
    {"31 Jan 18", 2017, OK, DAY, "2018-01-31", "2018-01-31", 1, R_NONE, 0, NULL},
    {"31 July 17", 2017, OK, DAY, "2017-07-31", "2017-07-31", 1, R_NONE, 0, NULL},
    {"31 Mar 18", 2017, OK, DAY, "2018-03-31", "2018-03-31", 1, R_NONE, 0, NULL},
    {"31 March 18", 2017, OK, DAY, "2018-03-31", "2018-03-31", 1, R_NONE, 0, NULL},
    {"31 Oct 17", 2017, OK, DAY, "2017-10-31", "2017-10-31", 1, R_NONE, 0, NULL},
    {"31 st October 17", 2017, OK, DAY, "2017-10-31", "2017-10-31", 1, R_NONE, 0, NULL},
    {"4 Sept 17 phase 1 30 Nov 17 phase 2", 2017, OK, DAY, "2017-09-04", "2017-11-30", 2, R_NONE, 0,
     "phase 1|phase 2"},
    {"5 Sept", 2017, OK, DAY, "2017-09-05", "2017-09-05", 1, R_NONE, F_INFERRED, NULL},
    {"5 Sept 17", 2017, OK, DAY, "2017-09-05", "2017-09-05", 1, R_NONE, 0, NULL},
    {"6 Nov 17", 2017, OK, DAY, "2017-11-06", "2017-11-06", 1, R_NONE, 0, NULL},
    {"--", 2017, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, "not a date"},
    {"--------", 2017, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, NULL},
    /* … and dates written in its PROGRESS column */
    {"w/c 14 Aug 17", 2017, OK, WEEK, "2017-08-14", "2017-08-18", 1, R_NONE, 0, NULL},
    {"w/c 5 Sept 17", 2017, OK, WEEK, "2017-09-05", "2017-09-08", 1, R_NONE, 0, NULL},
    {"w/c 14/8", 2017, OK, WEEK, "2017-08-14", "2017-08-18", 1, R_NONE, F_INFERRED, NULL},
    {"29.8.17", 2017, OK, DAY, "2017-08-29", "2017-08-29", 1, R_NONE, 0, NULL},
    {"5.9.17", 2017, OK, DAY, "2017-09-05", "2017-09-05", 1, R_NONE, 0, NULL},
    {"By 31 st October.", 2017, OK, DAY, "2017-10-31", "2017-10-31", 1, R_NONE, F_INFERRED, ""},

    /* barking-dagenham-ofsted-action-plan-2014.txt: Timescale (By When) cells */
    {"Annual", 2014, OK, NONE, NULL, NULL, 0, R_ANNUAL, F_VAGUE, NULL},
    {"April 2015", 2014, OK, MONTH, "2015-04-01", "2015-04-30", 1, R_NONE, 0, NULL},
    {"Dec 2014", 2014, OK, MONTH, "2014-12-01", "2014-12-31", 1, R_NONE, 0, NULL},
    {"Dec 2014 Quarterly", 2014, OK, MONTH, "2014-12-01", "2014-12-31", 1, R_QUARTERLY, 0, ""},
    {"Feb 2015", 2014, OK, MONTH, "2015-02-01", "2015-02-28", 1, R_NONE, 0, NULL},
    {"From July 2014", 2014, OK, MONTH, "2014-07-01", NULL, 1, R_NONE, F_OPEN, NULL},
    {"In place", 2014, OK, NONE, NULL, NULL, 0, R_NONE, F_VAGUE, NULL},
    {"Impact Review April 2015", 2014, OK, MONTH, "2015-04-01", "2015-04-30", 1, R_NONE, 0, "Impact Review"},
    {"Jan 2015", 2014, OK, MONTH, "2015-01-01", "2015-01-31", 1, R_NONE, 0, NULL},
    {"July 2014", 2014, OK, MONTH, "2014-07-01", "2014-07-31", 1, R_NONE, 0, NULL},
    {"June 2014", 2014, OK, MONTH, "2014-06-01", "2014-06-30", 1, R_NONE, 0, NULL},
    {"March 2015", 2014, OK, MONTH, "2015-03-01", "2015-03-31", 1, R_NONE, 0, NULL},
    {"May 2014 to March 2016", 2014, OK, MONTH, "2014-05-01", "2016-03-31", 2, R_NONE, F_RANGE, "|"},
    {"Nov 2014", 2014, OK, MONTH, "2014-11-01", "2014-11-30", 1, R_NONE, 0, NULL},
    {"Nov 2014 Quarterly", 2014, OK, MONTH, "2014-11-01", "2014-11-30", 1, R_QUARTERLY, 0, NULL},
    {"Nov2014", 2014, OK, MONTH, "2014-11-01", "2014-11-30", 1, R_NONE, 0, NULL},
    {"Oct 2014", 2014, OK, MONTH, "2014-10-01", "2014-10-31", 1, R_NONE, 0, NULL},
    {"Oct 2014 Quarterly", 2014, OK, MONTH, "2014-10-01", "2014-10-31", 1, R_QUARTERLY, 0, NULL},
    {"Oct 2014 Reviewed monthly", 2014, OK, MONTH, "2014-10-01", "2014-10-31", 1, R_MONTHLY, 0, "Reviewed"},
    {"Ongoing", 2014, OK, NONE, NULL, NULL, 0, R_ONGOING, F_VAGUE, NULL},
    {"Quarterly (review March 2016)", 2014, OK, MONTH, "2016-03-01", "2016-03-31", 1, R_QUARTERLY, 0, "review"},
    {"Quarterly 2014/15", 2014, OK, FYEAR, "2014-04-01", "2015-03-31", 1, R_QUARTERLY, 0, NULL},
    {"Sep 2014 Quarterly", 2014, OK, MONTH, "2014-09-01", "2014-09-30", 1, R_QUARTERLY, 0, NULL},
    {"Sept 2014 Report Dec 2014", 2014, OK, MONTH, "2014-09-01", "2014-12-31", 2, R_NONE, 0, "|Report"},
    /* … and in its outcome text */
    {"Q1 2014/15", 2014, OK, QUARTER, "2014-04-01", "2014-06-30", 1, R_NONE, 0, NULL},
    {"Q4 2014/15", 2014, OK, QUARTER, "2015-01-01", "2015-03-31", 1, R_NONE, 0, NULL},

    /* croydon-continuous-improvement-plan-2021-24.txt: By when cells */
    {"01/01/2022", 2021, OK, DAY, "2022-01-01", "2022-01-01", 1, R_NONE, 0, NULL},
    {"01/04/2021", 2021, OK, DAY, "2021-04-01", "2021-04-01", 1, R_NONE, 0, NULL},
    {"01/04/2022", 2021, OK, DAY, "2022-04-01", "2022-04-01", 1, R_NONE, 0, NULL},
    {"01/04/21", 2021, OK, DAY, "2021-04-01", "2021-04-01", 1, R_NONE, 0, NULL},
    {"01/04/21 31/07/21 31/10/21", 2021, OK, DAY, "2021-04-01", "2021-10-31", 3, R_NONE, 0, "||"},
    {"01/04/22", 2021, OK, DAY, "2022-04-01", "2022-04-01", 1, R_NONE, 0, NULL},
    {"01/08/2021", 2021, OK, DAY, "2021-08-01", "2021-08-01", 1, R_NONE, 0, NULL},
    {"01/09/2021", 2021, OK, DAY, "2021-09-01", "2021-09-01", 1, R_NONE, 0, NULL},
    {"01/12/21", 2021, OK, DAY, "2021-12-01", "2021-12-01", 1, R_NONE, 0, NULL},
    {"04/06/21", 2021, OK, DAY, "2021-06-04", "2021-06-04", 1, R_NONE, 0, NULL},
    {"11/2020", 2021, OK, MONTH, "2020-11-01", "2020-11-30", 1, R_NONE, 0, NULL},
    {"19/07/21", 2021, OK, DAY, "2021-07-19", "2021-07-19", 1, R_NONE, 0, NULL},
    {"22/07/21", 2021, OK, DAY, "2021-07-22", "2021-07-22", 1, R_NONE, 0, NULL},
    {"30/09/2021 and 31/03/22", 2021, OK, DAY, "2021-09-30", "2022-03-31", 2, R_NONE, 0, "|"},
    {"30/09/21", 2021, OK, DAY, "2021-09-30", "2021-09-30", 1, R_NONE, 0, NULL},
    {"30/09/21 (TBC)", 2021, OK, DAY, "2021-09-30", "2021-09-30", 1, R_NONE, 0, ""},
    {"30/11/21", 2021, OK, DAY, "2021-11-30", "2021-11-30", 1, R_NONE, 0, NULL},
    {"31/01/22", 2021, OK, DAY, "2022-01-31", "2022-01-31", 1, R_NONE, 0, NULL},
    {"31/01/22 31/01/22", 2021, OK, DAY, "2022-01-31", "2022-01-31", 2, R_NONE, 0, NULL},
    {"31/03/21", 2021, OK, DAY, "2021-03-31", "2021-03-31", 1, R_NONE, 0, NULL},
    {"31/03/21 30/06/21 30/09/21", 2021, OK, DAY, "2021-03-31", "2021-09-30", 3, R_NONE, 0, "||"},
    {"31/03/22", 2021, OK, DAY, "2022-03-31", "2022-03-31", 1, R_NONE, 0, NULL},
    {"31/07/21", 2021, OK, DAY, "2021-07-31", "2021-07-31", 1, R_NONE, 0, NULL},
    {"31/08/21", 2021, OK, DAY, "2021-08-31", "2021-08-31", 1, R_NONE, 0, NULL},
    {"31/09/21", 2021, INVALID, NONE, NULL, NULL, 0, R_NONE, 0, "31/09/21: September has 30 days"},
    {"31/10/21", 2021, OK, DAY, "2021-10-31", "2021-10-31", 1, R_NONE, 0, NULL},
    {"31/12/21", 2021, OK, DAY, "2021-12-31", "2021-12-31", 1, R_NONE, 0, NULL},
    {"31/12/21 31/03/22", 2021, OK, DAY, "2021-12-31", "2022-03-31", 2, R_NONE, 0, NULL},
    {"April 21", 2021, OK, MONTH, "2021-04-01", "2021-04-30", 1, R_NONE, 0, NULL},
    {"April 21 and ongoing", 2021, OK, MONTH, "2021-04-01", "2021-04-30", 1, R_ONGOING, F_OPEN, ""},
    {"Dec 21", 2021, OK, MONTH, "2021-12-01", "2021-12-31", 1, R_NONE, 0, NULL},
    {"Initial meeting 05/08/21", 2021, OK, DAY, "2021-08-05", "2021-08-05", 1, R_NONE, 0, "Initial meeting"},
    {"July 2021", 2021, OK, MONTH, "2021-07-01", "2021-07-31", 1, R_NONE, 0, NULL},
    {"July 21", 2021, OK, MONTH, "2021-07-01", "2021-07-31", 1, R_NONE, 0, NULL},
    {"June 2021", 2021, OK, MONTH, "2021-06-01", "2021-06-30", 1, R_NONE, 0, NULL},
    {"June 2021 Ongoing (started March 2021) Process in place \xe2\x80\x93 Oct 2021", 2021, OK, MONTH,
     "2021-03-01", "2021-10-31", 3, R_ONGOING, F_OPEN, "|started|Process"},
    {"June 21", 2021, OK, MONTH, "2021-06-01", "2021-06-30", 1, R_NONE, 0, NULL},
    {"March 21", 2021, OK, MONTH, "2021-03-01", "2021-03-31", 1, R_NONE, 0, NULL},
    {"May 21", 2021, OK, MONTH, "2021-05-01", "2021-05-31", 1, R_NONE, 0, NULL},
    {"Ongoing Ongoing", 2021, OK, NONE, NULL, NULL, 0, R_ONGOING, F_VAGUE, NULL},
    {"Sept-Nov 2021", 2021, OK, MONTH, "2021-09-01", "2021-11-30", 2, R_NONE, F_RANGE, NULL},
    /* cells that land in the By when column when a table is scrambled */
    {"2022/23 0", 2021, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, "0: "},
    {"2022/23 560", 2021, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, "560"},
    {"SAV 0", 2021, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, NULL},
    {"\xc2\xa3" "000s", 2021, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, NULL},
    {"d \xc2\xa3" "000s", 2021, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, NULL},
    {"(i)", 2021, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, NULL},
    {"(i) (ii)", 2021, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, NULL},
    {"(iii)", 2021, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, NULL},
    {"ervices", 2021, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, NULL},
    {"expenditure on Ap", 2021, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, NULL},
    {"local CLA (CLA 3)", 2021, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, NULL},
    {"Service development and improvement", 2021, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, NULL},
    {"Ofsted Focused Visit- Early Help and the Front Door (June 2021)", 2021, UNREADABLE, NONE, NULL,
     NULL, 0, R_NONE, 0, "too many words"},
    /* … and in its text */
    {"20.09.21", 2021, OK, DAY, "2021-09-20", "2021-09-20", 1, R_NONE, 0, NULL},
    {"21.09.21-22.10.21", 2021, OK, DAY, "2021-09-21", "2021-10-22", 2, R_NONE, F_RANGE, NULL},
    {"2021/22", 2021, OK, FYEAR, "2021-04-01", "2022-03-31", 1, R_NONE, 0, NULL},

    /* SPEC.md §4 forms not already above */
    {"18 Sept 17", 0, OK, DAY, "2017-09-18", "2017-09-18", 1, R_NONE, 0, NULL},
    {"Q2 2014/15", 0, OK, QUARTER, "2014-07-01", "2014-09-30", 1, R_NONE, 0, NULL},
    {"Q3 14/15", 0, OK, QUARTER, "2014-10-01", "2014-12-31", 1, R_NONE, 0, NULL},
    {"TBC", 0, OK, NONE, NULL, NULL, 0, R_NONE, F_VAGUE, NULL},
    {"N/A", 0, OK, NONE, NULL, NULL, 0, R_NONE, F_VAGUE, NULL},
    {"Annually", 0, OK, NONE, NULL, NULL, 0, R_ANNUAL, F_VAGUE, NULL},
    {"Quarterly", 0, OK, NONE, NULL, NULL, 0, R_QUARTERLY, F_VAGUE, NULL},
    {"monthly", 0, OK, NONE, NULL, NULL, 0, R_MONTHLY, F_VAGUE, NULL},
    {"WEEKLY", 0, OK, NONE, NULL, NULL, 0, R_WEEKLY, F_VAGUE, NULL},
    {"Dec 2014", 0, OK, MONTH, "2014-12-01", "2014-12-31", 1, R_NONE, 0, NULL},
    {"22 Aug", 2018, OK, DAY, "2018-08-22", "2018-08-22", 1, R_NONE, F_INFERRED, NULL},

    /* other ways of writing the same days */
    {"2017-08-31", 0, OK, DAY, "2017-08-31", "2017-08-31", 1, R_NONE, 0, NULL},
    {"2017-08", 0, OK, MONTH, "2017-08-01", "2017-08-31", 1, R_NONE, 0, NULL},
    {"2021", 0, OK, YEAR, "2021-01-01", "2021-12-31", 1, R_NONE, 0, NULL},
    {"SEPT 17", 0, OK, MONTH, "2017-09-01", "2017-09-30", 1, R_NONE, 0, NULL},
    {"sept. 2017", 0, OK, MONTH, "2017-09-01", "2017-09-30", 1, R_NONE, 0, NULL},
    {"Mar-22", 0, OK, MONTH, "2022-03-01", "2022-03-31", 1, R_NONE, 0, NULL},
    {"14-Aug-17", 0, OK, DAY, "2017-08-14", "2017-08-14", 1, R_NONE, 0, NULL},
    {"31st of October 2017", 0, OK, DAY, "2017-10-31", "2017-10-31", 1, R_NONE, 0, NULL},
    {"September 1st", 2017, OK, DAY, "2017-09-01", "2017-09-01", 1, R_NONE, F_INFERRED, NULL},
    {"March 31, 2022", 0, OK, DAY, "2022-03-31", "2022-03-31", 1, R_NONE, 0, NULL},
    {"Due 31/03/22", 0, OK, DAY, "2022-03-31", "2022-03-31", 1, R_NONE, 0, ""},
    {"By end of March 2022", 0, OK, MONTH, "2022-03-01", "2022-03-31", 1, R_NONE, 0, ""},
    {"Sept 17 to March 18", 0, OK, MONTH, "2017-09-01", "2018-03-31", 2, R_NONE, F_RANGE, NULL},
    {"Nov-Feb 2022", 0, OK, MONTH, "2021-11-01", "2022-02-28", 2, R_NONE, F_RANGE, NULL},
    {"13\xe2\x80\x93" "24 May 2024", 0, OK, DAY, "2024-05-13", "2024-05-24", 2, R_NONE, F_RANGE, NULL},
    {"From July 2014 to March 2016", 0, OK, MONTH, "2014-07-01", "2016-03-31", 2, R_NONE, F_RANGE, NULL},
    {"July 2014 onwards", 0, OK, MONTH, "2014-07-01", NULL, 1, R_NONE, F_OPEN, NULL},
    {"w/c 16 Sep 2017", 0, OK, WEEK, "2017-09-16", "2017-09-22", 1, R_NONE, 0, NULL},
    {"week commencing 14 August 2017", 0, OK, WEEK, "2017-08-14", "2017-08-18", 1, R_NONE, 0, NULL},
    {"Monday 14 Aug 17", 0, OK, DAY, "2017-08-14", "2017-08-14", 1, R_NONE, 0, ""},
    {"  31/03/22  ", 0, OK, DAY, "2022-03-31", "2022-03-31", 1, R_NONE, 0, NULL},
    {"Phase 1 Sept 2017 Phase 2 Nov 2017", 0, OK, MONTH, "2017-09-01", "2017-11-30", 2, R_NONE, 0,
     "Phase 1|Phase 2"},

    /* leap years */
    {"29/02/2024", 0, OK, DAY, "2024-02-29", "2024-02-29", 1, R_NONE, 0, NULL},
    {"29/02/2000", 0, OK, DAY, "2000-02-29", "2000-02-29", 1, R_NONE, 0, NULL},
    {"Feb 2024", 0, OK, MONTH, "2024-02-01", "2024-02-29", 1, R_NONE, 0, NULL},
    {"29 Feb", 2024, OK, DAY, "2024-02-29", "2024-02-29", 1, R_NONE, F_INFERRED, NULL},
    {"29/02/2023", 0, INVALID, NONE, NULL, NULL, 0, R_NONE, 0, "29/02/2023: February 2023 has 28 days"},
    {"29/02/1900", 0, INVALID, NONE, NULL, NULL, 0, R_NONE, 0, "February 1900 has 28 days"},
    {"29 Feb", 2023, INVALID, NONE, NULL, NULL, 0, R_NONE, 0, "February 2023 has 28 days"},

    /* impossible dates: reported, never guessed */
    {"32 Jan 2020", 0, INVALID, NONE, NULL, NULL, 0, R_NONE, 0, "32 Jan 2020: January has 31 days"},
    {"31 April 2021", 0, INVALID, NONE, NULL, NULL, 0, R_NONE, 0, "April has 30 days"},
    {"13/13/2021", 0, INVALID, NONE, NULL, NULL, 0, R_NONE, 0, "month 13 does not exist"},
    {"13/2020", 0, INVALID, NONE, NULL, NULL, 0, R_NONE, 0, "13/2020: month 13"},
    {"00/01/21", 0, INVALID, NONE, NULL, NULL, 0, R_NONE, 0, "day 0 does not exist"},
    {"2017-02-30", 0, INVALID, NONE, NULL, NULL, 0, R_NONE, 0, "February 2017 has 28 days"},
    {"Q5 2014/15", 0, INVALID, NONE, NULL, NULL, 0, R_NONE, 0, "quarter 5"},
    {"2014/16", 0, INVALID, NONE, NULL, NULL, 0, R_NONE, 0, "consecutive"},
    {"May 2016 to March 2014", 0, INVALID, NONE, NULL, NULL, 0, R_NONE, 0, "ends before it starts"},
    {"Jan 1850", 0, INVALID, NONE, NULL, NULL, 0, R_NONE, 0, "year 1850"},
    {"30/09/21 31/09/21", 0, INVALID, NONE, NULL, NULL, 0, R_NONE, 0, "31/09/21: September"},

    /* blank and junk */
    {"", 2017, EMPTY, NONE, NULL, NULL, 0, R_NONE, 0, NULL},
    {" \t\r\n ", 2017, EMPTY, NONE, NULL, NULL, 0, R_NONE, 0, NULL},
    {"hello", 2017, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, NULL},
    {"Jul 1", 2017, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, "not part of a date"},
    {"Q2 2014", 2017, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, "financial year"},
    {"5 Sept", 0, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, "no year"},
    {"w/c Aug 17", 2017, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, "needs a day"},
    {"1/1/21 2/1/21 3/1/21 4/1/21 5/1/21 6/1/21 7/1/21 8/1/21 9/1/21", 0, UNREADABLE, NONE, NULL,
     NULL, 0, R_NONE, 0, "more dates"},
    {"85% by Sept 2015", 2014, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, NULL},
    {"by the end", 2014, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, NULL},
    {"\x01\xff\xfe", 2014, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, NULL},
    {"123 Jan 2020", 2014, UNREADABLE, NONE, NULL, NULL, 0, R_NONE, 0, NULL},
};

/* Returns the ISO text of a day, or "none" for SL_NO_DAY, in buf. */
static const char *day_text(sl_day day, char buf[11])
{
    if (day == SL_NO_DAY)
        return "none";
    sl_day_format(day, buf);
    return buf;
}

/* Returns 1 when got is SL_NO_DAY and want NULL, or got formats as want. */
static int day_matches(sl_day got, const char *want)
{
    char buf[11];
    return want ? strcmp(day_text(got, buf), want) == 0 : got == SL_NO_DAY;
}

/* Joins the milestone labels of v with '|' into out. */
static void join_labels(const sl_date_value *v, char *out, size_t size)
{
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < v->n_milestones; i++) {
        size_t n = strlen(v->milestones[i].label);
        if (i > 0 && len + 1 < size)
            out[len++] = '|';
        if (len + n < size) {
            memcpy(out + len, v->milestones[i].label, n);
            len += n;
        }
        out[len] = '\0';
    }
}

/* Returns the flags column value for v. */
static int flags_of(const sl_date_value *v)
{
    return (v->is_range ? F_RANGE : 0) | (v->open_ended ? F_OPEN : 0) | (v->vague ? F_VAGUE : 0) |
           (v->year_inferred ? F_INFERRED : 0);
}

/* Parses one table row and checks every column. */
static void check_date_case(const date_case *c)
{
    sl_date_value v;
    char why[160], e[11], l[11], labels[8 * 49];
    sl_date_status st = sl_date_parse(c->text, strlen(c->text), c->context_year, &v, why, sizeof why);
    CHECK(st == c->status, "\"%s\": status %d, want %d (%s)", c->text, st, c->status,
          st == OK ? "ok" : why);
    if (st != c->status)
        return;
    if (st != OK) {
        CHECK(v.earliest == SL_NO_DAY && v.latest == SL_NO_DAY && v.n_milestones == 0,
              "\"%s\": failed parse left a value", c->text);
        if (c->detail)
            CHECK(strstr(why, c->detail) != NULL, "\"%s\": reason \"%s\" lacks \"%s\"", c->text, why,
                  c->detail);
        return;
    }
    CHECK(v.precision == c->precision, "\"%s\": precision %d, want %d", c->text, v.precision, c->precision);
    CHECK(day_matches(v.earliest, c->earliest), "\"%s\": earliest %s, want %s", c->text,
          day_text(v.earliest, e), c->earliest ? c->earliest : "none");
    CHECK(day_matches(v.latest, c->latest), "\"%s\": latest %s, want %s", c->text, day_text(v.latest, l),
          c->latest ? c->latest : "none");
    CHECK(v.n_milestones == c->n_milestones, "\"%s\": %d milestones, want %d", c->text, v.n_milestones,
          c->n_milestones);
    CHECK(v.recurrence == c->recurrence, "\"%s\": recurrence %d, want %d", c->text, v.recurrence,
          c->recurrence);
    CHECK(flags_of(&v) == c->flags, "\"%s\": flags %d, want %d", c->text, flags_of(&v), c->flags);
    if (c->detail) {
        join_labels(&v, labels, sizeof labels);
        CHECK(strcmp(labels, c->detail) == 0, "\"%s\": labels \"%s\", want \"%s\"", c->text, labels,
              c->detail);
    }
}

/* Every row of the table. */
static void test_date_table(void)
{
    for (size_t i = 0; i < sizeof date_cases / sizeof date_cases[0]; i++)
        check_date_case(&date_cases[i]);
    CHECK(sizeof date_cases / sizeof date_cases[0] >= 90, "the date table has %zu rows",
          sizeof date_cases / sizeof date_cases[0]);
}

/* Milestones of multi-date cells keep their own days and precisions. */
static void test_milestones(void)
{
    sl_date_value v;
    char buf[11];
    const char *text = "4 Sept 17 phase 1 30 Nov 17 phase 2";
    CHECK(sl_date_parse(text, strlen(text), 0, &v, NULL, 0) == OK, "phases parse");
    CHECK(strcmp(day_text(v.milestones[0].latest, buf), "2017-09-04") == 0, "phase 1 day");
    CHECK(strcmp(day_text(v.milestones[1].latest, buf), "2017-11-30") == 0, "phase 2 day");
    text = "From July 2014";
    CHECK(sl_date_parse(text, strlen(text), 0, &v, NULL, 0) == OK, "From parses");
    CHECK(strcmp(day_text(v.milestones[0].latest, buf), "2014-07-31") == 0, "From month keeps its last day");
    text = "Sept 2014 Report Dec 2014";
    CHECK(sl_date_parse(text, strlen(text), 0, &v, NULL, 0) == OK && v.milestones[0].precision == MONTH &&
              strcmp(day_text(v.milestones[1].earliest, buf), "2014-12-01") == 0,
          "Report milestone");
}

/* The parser reads only len bytes, takes NULL why and out, and truncates why. */
static void test_parse_boundaries(void)
{
    sl_date_value v;
    char why[8];
    const char *text = "31/03/22 and junk";
    CHECK(sl_date_parse(text, 8, 0, &v, NULL, 0) == OK && v.n_milestones == 1, "len stops the parse");
    CHECK(sl_date_parse("31/09/21", 8, 0, &v, why, sizeof why) == INVALID && strlen(why) == 7,
          "why is truncated to why_len");
    CHECK(strcmp(why, "31/09/2") == 0, "why keeps its start: %s", why);
    CHECK(sl_date_parse("Jul 17", 6, 0, NULL, NULL, 0) == OK, "out may be NULL");
    CHECK(sl_date_parse(NULL, 0, 0, &v, NULL, 0) == EMPTY, "NULL text is empty");
    {
        char long_text[600];
        memset(long_text, 'a', sizeof long_text);
        for (size_t i = 1; i < sizeof long_text; i += 2)
            long_text[i] = ' ';
        CHECK(sl_date_parse(long_text, sizeof long_text, 2017, &v, why, sizeof why) == UNREADABLE,
              "long text is unreadable");
    }
}

/* sl_date_text_year finds the first written year, even far into long text. */
static void test_text_year(void)
{
    static const struct {
        const char *text;
        int year;
    } cases[] = {
        {"Transitional Action Plan v12 August 2017", 2017},
        {"Work to commence 14 Aug 17", 2017},
        {"As at 31/10/20 60 young people", 2020},
        {"Savings 2021/22 295 2022/23 560", 2021},
        {"Q2 2014/15", 2014},
        {"5 Sept", 0},
        {"1 Unit Manager & 6 Social Workers", 0},
        {"the 2020 inspection", 2020},
        {"", 0},
        {"Jan 1850 and Dec 2014", 2014},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int got = sl_date_text_year(cases[i].text, strlen(cases[i].text));
        CHECK(got == cases[i].year, "text year of \"%s\": %d, want %d", cases[i].text, got, cases[i].year);
    }
    {
        char text[2000];
        memset(text, ' ', sizeof text);
        for (size_t i = 0; i + 2 < 1900; i += 3)
            memcpy(text + i, "ab ", 3);
        memcpy(text + 1900, "Sept 2019", 9);
        CHECK(sl_date_text_year(text, sizeof text) == 2019, "text year far into long text");
        CHECK(sl_date_text_year(text, 1905) == 0, "text year stops at len");
    }
}

/* Round trips between days and y-m-d over 1600-2400, with weekdays advancing. */
static void test_day_round_trip(void)
{
    sl_day first = sl_day_from_ymd(1600, 1, 1), last = sl_day_from_ymd(2400, 12, 31);
    int bad = 0, y, m, d, prev_wd = sl_day_weekday(first - 1);
    for (sl_day day = first; day <= last; day++) {
        int wd = sl_day_weekday(day);
        sl_day_to_ymd(day, &y, &m, &d);
        if (!sl_ymd_valid(y, m, d) || sl_day_from_ymd(y, m, d) != day || wd != prev_wd % 7 + 1)
            bad++;
        prev_wd = wd;
    }
    CHECK(bad == 0, "%d days fail the round trip", bad);
    CHECK(last - first + 1 == 801 * 365 + 195, "days in 1600-2400: %d", (int)(last - first + 1));
}

/* Fixed points: the epoch, leap days, weekdays, month lengths, formatting. */
static void test_day_fixed_points(void)
{
    static const struct {
        int y, m, d;
        sl_day day;
        int weekday;
    } cases[] = {
        {1970, 1, 1, 0, 4},         {1969, 12, 31, -1, 3},     {2000, 3, 1, 11017, 3},
        {2000, 2, 29, 11016, 2},    {2017, 8, 14, 17392, 1},   {2021, 12, 25, 18986, 6},
        {1, 1, 1, -719162, 1},      {9999, 12, 31, 2932896, 5}, {2038, 1, 19, 24855, 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK(sl_day_from_ymd(cases[i].y, cases[i].m, cases[i].d) == cases[i].day, "day of %04d-%02d-%02d",
              cases[i].y, cases[i].m, cases[i].d);
        CHECK(sl_day_weekday(cases[i].day) == cases[i].weekday, "weekday of %04d-%02d-%02d", cases[i].y,
              cases[i].m, cases[i].d);
    }
    CHECK(sl_days_in_month(2024, 2) == 29 && sl_days_in_month(2023, 2) == 28 &&
              sl_days_in_month(1900, 2) == 28 && sl_days_in_month(2000, 2) == 29 &&
              sl_days_in_month(2021, 9) == 30 && sl_days_in_month(2021, 13) == 0,
          "month lengths");
    CHECK(!sl_ymd_valid(2021, 9, 31) && !sl_ymd_valid(2021, 0, 1) && !sl_ymd_valid(0, 1, 1) &&
              !sl_ymd_valid(10000, 1, 1) && sl_ymd_valid(9999, 12, 31),
          "ymd validity");
    {
        char buf[11];
        sl_day_format(sl_day_from_ymd(2017, 8, 31), buf);
        CHECK(strcmp(buf, "2017-08-31") == 0, "format: %s", buf);
        sl_day_format(SL_NO_DAY, buf);
        CHECK(strcmp(buf, "0000-00-00") == 0, "format of a day out of range: %s", buf);
        CHECK(sl_day_weekday(SL_NO_DAY) >= 1 && sl_day_weekday(INT32_MAX) <= 7, "weekday at the extremes");
    }
}

/* sl_day_parse_iso accepts exactly YYYY-MM-DD naming a real day. */
static void test_parse_iso(void)
{
    static const char *const rejected[] = {
        "", "2017-8-31", "2017-08-31 ", " 2017-08-31", "2017/08/31", "2017-02-29", "2017-13-01",
        "2017-00-10", "2017-01-00", "0000-01-01", "20170831", "2017-08-3x", "31/08/2017", "+017-08-31",
    };
    sl_day day = 0;
    CHECK(sl_day_parse_iso("2017-08-31", &day) == 0 && day == sl_day_from_ymd(2017, 8, 31), "ISO accepted");
    CHECK(sl_day_parse_iso("2024-02-29", &day) == 0, "leap day accepted");
    CHECK(sl_day_parse_iso(NULL, &day) == -1, "NULL rejected");
    for (size_t i = 0; i < sizeof rejected / sizeof rejected[0]; i++)
        CHECK(sl_day_parse_iso(rejected[i], &day) == -1, "\"%s\" should be rejected", rejected[i]);
}

void test_date(void)
{
    test_date_table();
    test_milestones();
    test_parse_boundaries();
    test_text_year();
    test_day_round_trip();
    test_day_fixed_points();
    test_parse_iso();
}
