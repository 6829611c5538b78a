/* report_html.c — a report as one print-ready HTML5 document (see
 * report_doc.h): A4 pages with margins, a running header with the board and
 * the day, page numbers, table headings repeated on every page and rows kept
 * whole; RAG cells carry their word as well as their colour. No script, no
 * navigation, nothing fetched: the file is the paper. Every text goes
 * through sl_buf_html. */
#include "report/report_doc.h"

#include <stdio.h>

/* The stylesheet: static text, no data. Page numbers: "N of M" where the
 * printer knows the page count, else "Page N" (an engine that cannot read
 * counter(pages) drops that declaration and keeps the one before it). */
static const char STYLE[] =
    "@page { size: A4; margin: 22mm 16mm 20mm 16mm;\n"
    "  @top-left { content: string(running-head); font: 9pt Arial, sans-serif; color: #505a5f; }\n"
    "  @bottom-right { content: \"Page \" counter(page);\n"
    "                  content: \"Page \" counter(page) \" of \" counter(pages);\n"
    "                  font: 9pt Arial, sans-serif; color: #505a5f; } }\n"
    "html { font: 11pt/1.4 Arial, Helvetica, sans-serif; color: #0b0c0c; background: #fff; }\n"
    "body { margin: 0 auto; max-width: 60em; padding: 0 1em; }\n"
    ".running-head { string-set: running-head content(text); display: flex;"
    " justify-content: space-between; border-bottom: 1px solid #b1b4b6; padding: .3em 0;"
    " font-size: 9pt; color: #505a5f; }\n"
    "h1 { font-size: 20pt; margin: .6em 0 .4em; }\n"
    "h2 { font-size: 15pt; margin: 1.2em 0 .4em; break-after: avoid; page-break-after: avoid; }\n"
    "section { break-inside: auto; }\n"
    "p, li, td { white-space: pre-line; }\n"
    "table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: 9.5pt; }\n"
    "thead { display: table-header-group; }\n"
    "tr { break-inside: avoid; page-break-inside: avoid; }\n"
    "th, td { border: 1px solid #b1b4b6; padding: .25em .4em; text-align: left;"
    " vertical-align: top; }\n"
    "th { background: #f3f2f1; }\n"
    ".rag { font-weight: bold; white-space: nowrap; }\n"
    ".rag-red { background: #b10e1e; color: #fff; }\n"
    ".rag-amber { background: #ffbf47; color: #0b0c0c; }\n"
    ".rag-green { background: #00703c; color: #fff; }\n"
    ".rag-blue { background: #1d4e89; color: #fff; }\n"
    ".rag-grey { background: #d9dbdd; color: #0b0c0c; }\n"
    ".label { font-weight: bold; }\n"
    "@media print { html { font-size: 10pt; } body { max-width: none; padding: 0; }"
    " th, .rag { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }\n";

/* The figures' rules, only in a report that has one (static text). */
static const char FIGURE_STYLE[] =
    "figure { margin: .5em 0 1em; break-inside: avoid; page-break-inside: avoid; }\n"
    "figure svg { max-width: 100%; height: auto; }\n";

/* Returns 1 when a block of the report is a figure. */
static int has_figure(const sl_report *r)
{
    for (size_t i = 0; i < r->n_sections; i++)
        for (size_t k = 0; k < r->sections[i].n_blocks; k++)
            if (r->sections[i].blocks[k].kind == SL_BLOCK_FIGURE)
                return 1;
    return 0;
}

/* Writes a day as "5 September 2017" into out. */
static void long_day(sl_day day, char out[32])
{
    static const char *const months[] = {"January", "February", "March", "April", "May", "June",
                                         "July", "August", "September", "October", "November",
                                         "December"};
    int y, m, d;
    if (day == SL_NO_DAY) {
        snprintf(out, 32, "no date");
        return;
    }
    sl_day_to_ymd(day, &y, &m, &d);
    snprintf(out, 32, "%d %s %d", d, months[(m - 1) % 12], y);
}

/* Appends the head: charset, title and the stylesheet. */
static void put_head(sl_buf *out, const sl_report *r, const char *day)
{
    sl_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<title>");
    sl_buf_html(out, r->title);
    sl_buf_puts(out, " — as at ");
    sl_buf_html(out, day);
    sl_buf_puts(out, "</title>\n<style>\n");
    sl_buf_puts(out, STYLE);
    if (has_figure(r))
        sl_buf_puts(out, FIGURE_STYLE);
    sl_buf_puts(out, "</style>\n</head>\n");
}

/* Appends one table: a repeated heading row, then rows; RAG cells coloured. */
static void put_table(sl_buf *out, const sl_report_table *t)
{
    sl_buf_puts(out, "<table>\n<thead><tr>");
    for (size_t c = 0; c < t->n_cols; c++) {
        sl_buf_puts(out, "<th scope=\"col\">");
        sl_buf_html(out, t->headers[c]);
        sl_buf_puts(out, "</th>");
    }
    sl_buf_puts(out, "</tr></thead>\n<tbody>\n");
    for (size_t row = 0; row < t->n_rows; row++) {
        sl_buf_puts(out, "<tr>");
        for (size_t c = 0; c < t->n_cols; c++) {
            const sl_report_cell *cell = sl_report_cell_at(t, row, c);
            if (cell->rag != SL_RAG_NONE)
                sl_buf_printf(out, "<td class=\"rag rag-%a\">", sl_rag_name(cell->rag));
            else if (cell->fill[0])
                sl_buf_printf(out, "<td class=\"fill\" style=\"background-color: #%a; color: #%a;"
                                   " -webkit-print-color-adjust: exact; print-color-adjust: exact\">",
                              cell->fill, sl_report_fill_dark(cell->fill) ? "ffffff" : "0b0c0c");
            else
                sl_buf_puts(out, "<td>");
            sl_buf_html(out, sl_report_cell_text(cell));
            sl_buf_puts(out, "</td>");
        }
        sl_buf_puts(out, "</tr>\n");
    }
    sl_buf_puts(out, "</tbody>\n</table>\n");
}

/* Appends one block of a section. */
static void put_block(sl_buf *out, const sl_report_block *b)
{
    if (b->kind == SL_BLOCK_TABLE) {
        put_table(out, &b->table);
    } else if (b->kind == SL_BLOCK_FIGURE) {
        sl_buf_printf(out, "<figure>%R</figure>\n", b->text);
    } else if (b->kind == SL_BLOCK_BULLETS) {
        sl_buf_puts(out, "<ul>\n");
        for (size_t i = 0; i < b->n_items; i++) {
            sl_buf_puts(out, "<li>");
            sl_buf_html(out, b->items[i]);
            sl_buf_puts(out, "</li>\n");
        }
        sl_buf_puts(out, "</ul>\n");
    } else {
        sl_buf_puts(out, "<p>");
        if (b->label && *b->label) {
            sl_buf_puts(out, "<span class=\"label\">");
            sl_buf_html(out, b->label);
            sl_buf_puts(out, ":</span> ");
        }
        sl_buf_html(out, b->text);
        sl_buf_puts(out, "</p>\n");
    }
}

void sl_report_html(sl_buf *out, const sl_report *r)
{
    char day[32];
    long_day(r->as_of, day);
    put_head(out, r, day);
    sl_buf_puts(out, "<body>\n<header class=\"running-head\"><span>");
    sl_buf_html(out, *r->board ? r->board : r->title);
    sl_buf_puts(out, "</span> <span>As at ");
    sl_buf_html(out, day);
    sl_buf_puts(out, "</span></header>\n<main>\n<h1>");
    sl_buf_html(out, r->title);
    sl_buf_puts(out, "</h1>\n");
    for (size_t i = 0; i < r->n_sections; i++) {
        const sl_report_section *s = &r->sections[i];
        sl_buf_puts(out, "<section>\n<h2>");
        sl_buf_html(out, s->heading);
        sl_buf_puts(out, "</h2>\n");
        for (size_t k = 0; k < s->n_blocks; k++)
            put_block(out, &s->blocks[k]);
        sl_buf_puts(out, "</section>\n");
    }
    sl_buf_puts(out, "</main>\n</body>\n</html>\n");
}
