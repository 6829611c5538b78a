/* tor_sentences.c — the rules terms of reference state, read paragraph by
 * paragraph and sentence by sentence (lines joined, split at ". " before a
 * capital), each sentence given to the rule readers of tor_rules.h with the
 * section it stands in; a rule read under its own heading wins over one
 * read elsewhere. Sentences naming the chair set the members' flags. */
#include <ctype.h>
#include <string.h>

#include "import/kind/tor/tor_internal.h"
#include "import/kind/tor/tor_rules.h"
#include "import/kind/tor/tor_sections.h"
#include "util/buf.h"

/* The rules found so far; found_in[k] is 2 when rule k came from its own
 * section, 1 from elsewhere, 0 not yet. */
enum { RULE_MEETS, RULE_PAPERS, RULE_SUBSTITUTE, RULE_MINUTES, RULE_CHAIR, RULE_REVIEW, RULE_COUNT };

typedef struct {
    sl_board *board;
    sl_findings *findings;
    int found_in[RULE_COUNT];
} rule_reader;

/* Records a rule's value when it is the first found, or the first found in
 * its own section. */
static int take(rule_reader *r, int rule, int own_section, int value)
{
    int rank = own_section ? 2 : 1;
    if (value <= 0 || r->found_in[rule] >= rank)
        return 0;
    r->found_in[rule] = rank;
    return 1;
}

/* Reads the rules one sentence states; section is the section it stands in. */
static void rule_sentence(rule_reader *r, sl_text_span s, tor_section section, long line)
{
    sl_tor_words w;
    sl_tor_words_init(&w, s.text, s.len);
    sl_board_rules *rules = &r->board->rules;
    sl_schedule meets;
    int v;
    if (sl_tor_rule_meets(&w, section == TOR_SEC_MEETINGS, &meets) && take(r, RULE_MEETS, section == TOR_SEC_MEETINGS, 1))
        rules->meets = meets;
    if (take(r, RULE_PAPERS, section == TOR_SEC_PAPERS, v = sl_tor_rule_papers(&w, section == TOR_SEC_PAPERS)))
        rules->papers_days = v;
    if (take(r, RULE_SUBSTITUTE, section == TOR_SEC_SUBSTITUTES, v = sl_tor_rule_substitute_notice(&w, section == TOR_SEC_SUBSTITUTES)))
        rules->substitute_notice_days = v;
    if (take(r, RULE_MINUTES, section == TOR_SEC_MINUTES, v = sl_tor_rule_minutes(&w, section == TOR_SEC_MINUTES)))
        rules->minutes_days = v;
    if (take(r, RULE_CHAIR, section == TOR_SEC_ACCOUNTABILITY || section == TOR_SEC_CHAIR,
             v = sl_tor_rule_chair_report(&w)))
        rules->chair_report_every = v;
    if (take(r, RULE_REVIEW, section == TOR_SEC_REVIEW, v = sl_tor_rule_review(&w, section == TOR_SEC_REVIEW)))
        rules->review_months = v;
    sl_tor_words_free(&w);
    if (section != TOR_SEC_MEMBERSHIP)
        tor_chair_sentence(s, line, r->board, r->findings);
}

/* Reads the value of a "Label: value" heading: a chair named under a
 * "Chair:" label, else a sentence of the label's section. */
static void label_value(rule_reader *r, sl_text_span value, tor_section section, sl_text_span line, long number)
{
    if (section == TOR_SEC_CHAIR && value.len <= 120 && !memchr(value.text, '.', value.len)) {
        if (!isupper((unsigned char)value.text[0]))
            return;     /* "Chair: appointed by Council" names no one */
        sl_text_span item;
        int vice = tor_has_word(line.text, (size_t)(value.text - line.text), "vice") ||
                   tor_has_word(line.text, (size_t)(value.text - line.text), "deputy");
        tor_flag_chair(r->board, tor_list_item(value, &item) ? item : value, vice, number, r->findings);
        return;
    }
    if (section != TOR_SEC_MEMBERSHIP)
        rule_sentence(r, value, section, number);
}

/* Returns 1 when the byte at p ends a sentence: ". " or "; " before a
 * capital, a digit or the end. */
static int sentence_end(const char *p, const char *end)
{
    if ((*p != '.' && *p != ';' && *p != '?' && *p != '!') || (p + 1 < end && p[1] != ' '))
        return 0;
    const char *q = p + 1;
    while (q < end && *q == ' ')
        q++;
    return q >= end || isupper((unsigned char)*q) || isdigit((unsigned char)*q) || (unsigned char)*q >= 0x80;
}

/* Reads each sentence of a paragraph (lines joined by spaces). */
static void paragraph(rule_reader *r, sl_buf *text, tor_section section, long line)
{
    const char *p = sl_buf_str(text), *end = p + text->len, *start = p;
    for (; p < end; p++) {
        if (p + 1 < end && !sentence_end(p, end))
            continue;
        sl_text_span s = sl_text_trim((sl_text_span){start, (size_t)(p + 1 - start)});
        if (s.len > 0)
            rule_sentence(r, s, section, line);
        start = p + 1;
    }
    sl_buf_reset(text);
}

/* Returns 1 when line i starts a new paragraph: a list item, a numbered
 * line, or after a line ending in ":". */
static int starts_paragraph(const tor_lines *l, size_t i)
{
    sl_text_span item, prev = sl_text_trim(l->lines[i - 1].span);
    int number;
    tor_strip_number(l->lines[i].span, &number);
    return tor_list_item(l->lines[i].span, &item) || number > 0 || (prev.len > 0 && prev.text[prev.len - 1] == ':') ||
           memchr(l->lines[i].span.text, '\t', l->lines[i].span.len) != NULL;
}

void tor_read_rules(const tor_lines *l, size_t from, size_t to, sl_board *board, sl_findings *findings)
{
    rule_reader r = {.board = board, .findings = findings};
    tor_walk w = {0};
    sl_buf text = SL_BUF_INIT;
    long line = 0;
    tor_section section = TOR_SEC_NONE;
    for (size_t i = from; i < to; i++) {
        sl_text_span s = sl_text_trim(l->lines[i].span);
        int blank = s.len == 0;
        if (!blank)
            tor_walk_line(l, from, i, &w);
        if (blank || w.heading || (i > from && starts_paragraph(l, i))) {
            if (text.len)
                paragraph(&r, &text, section, line);
        }
        section = w.section;
        if (w.heading && w.value.len > 0 && !blank)
            label_value(&r, w.value, section, l->lines[i].span, l->lines[i].number);
        if (blank || w.heading)
            continue;
        if (text.len == 0)
            line = l->lines[i].number;
        else
            sl_buf_putc(&text, ' ');
        sl_text_span item;
        sl_buf_add(&text, tor_list_item(s, &item) ? item.text : s.text, tor_list_item(s, &item) ? item.len : s.len);
    }
    if (text.len)
        paragraph(&r, &text, section, line);
    sl_buf_free(&text);
}
