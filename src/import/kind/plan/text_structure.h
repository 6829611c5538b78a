/* text_structure.h — the lines of a plan document around its tables: the
 * plan's title, kind and version, area headings ("1. STRATEGIC ACTIONS"),
 * "Area for Improvement (n): …" headings, "KEY OUTCOMES" and "KEY
 * INDIVIDUALS" lists and their items, sub-headings ("WORKFORCE DEVELOPMENT"),
 * and the names of the areas a plan's introduction lists. Each reader looks
 * at one line (len bytes, no newline, no tabs that matter) and allocates only
 * where it says so. */
#ifndef SL_IMPORT_TEXT_STRUCTURE_H
#define SL_IMPORT_TEXT_STRUCTURE_H
#include <stddef.h>

#include "import/kind/plan/text_table.h"

/* Returns 1 for "Area for Improvement (n): text" (or "Recommendation n: text"),
 * setting *number (1–999) and *text (may be empty). */
int sl_text_recommendation_heading(sl_text_span line, int *number, sl_text_span *text);
/* Returns 1 for a numbered heading ("1. STRATEGIC ACTIONS", "2. Practice
 * priorities – …"), setting *number and *title. */
int sl_text_area_heading(sl_text_span line, int *number, sl_text_span *title);
/* Returns 1 for a line that opens a list of outcomes ("KEY OUTCOMES", "OUTCOMES"). */
int sl_text_outcomes_heading(sl_text_span line);
/* Returns 1 for a line that opens a list of people ("KEY INDIVIDUALS RESPONSIBLE …"). */
int sl_text_people_heading(sl_text_span line);
/* Returns 1 for a list item ("- text", "• text", "* text"), setting *item to its text. */
int sl_text_list_item(sl_text_span line, sl_text_span *item);
/* Returns 1 for a short line in capitals that names a group of actions
 * ("IMMEDIATE ACTIONS TO INCREASE CAPACITY"). */
int sl_text_subheading(sl_text_span line);
/* Returns 1 for a line that can be a plan's title: short, and naming a plan. */
int sl_text_title_line(sl_text_span line);
/* Returns 1 for a title that names no one plan: only generic words ("LA
 * ACTION PLAN", "Our improvement plan"). */
int sl_text_generic_title(const char *title);
/* Returns the title a longer sentence gives ("Barking and Dagenham's OFSTED
 * action plan in response to the Inspection of …" gives "Barking and
 * Dagenham's OFSTED action plan"): the words up to "plan" when they are
 * followed by "in response to", "following", "for" or "(", and the line
 * names a plan within its first 120 bytes; else NULL. The caller frees it. */
char *sl_text_title_from_sentence(sl_text_span line);
/* Returns the kind of plan a title names ("transitional action plan", …, or
 * ""); static storage. */
const char *sl_text_plan_kind(const char *title);
/* Returns the version a title carries ("v12"), or ""; the caller frees it. */
char *sl_text_version_label(const char *title);
/* Reads the names of the areas an introduction lists ("focused on four
 * areas; Strategic, Structural, Operational and Communications.") into
 * names (at most max, the caller frees each); returns how many, 0 when the
 * line lists none. */
size_t sl_text_area_names(sl_text_span line, char **names, size_t max);

#endif
