/* rag_chart.c — the RAG bar chart as SVG (see rag_chart.h). */
#include "report/rag_chart.h"

void sl_rag_chart_svg(sl_buf *out, const int counts[6], const char *title)
{
    static const struct {
        sl_rag rag;
        const char *label;
        const char *colour;
    } bars[] = {
        {SL_RAG_RED, "Red", "#d4351c"},   {SL_RAG_AMBER, "Amber", "#f47738"},
        {SL_RAG_GREEN, "Green", "#00703c"}, {SL_RAG_BLUE, "Blue", "#1d70b8"},
        {SL_RAG_GREY, "Grey", "#505a5f"},
    };
    int most = 1, total = 0;
    for (size_t i = 0; i < 5; i++) {
        most = counts[bars[i].rag] > most ? counts[bars[i].rag] : most;
        total += counts[bars[i].rag];
    }
    const int width = 600, label_w = 70, bar_h = 28, gap = 10;
    const int height = (int)(5 * (bar_h + gap)) + gap;
    sl_buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sl-rag-chart\" role=\"img\" "
                       "aria-labelledby=\"rag-chart-title rag-chart-desc\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">",
                  width, height, width, height);
    sl_buf_printf(out, "<title id=\"rag-chart-title\">%h</title><desc id=\"rag-chart-desc\">", title);
    for (size_t i = 0; i < 5; i++)
        sl_buf_printf(out, "%h%h %d", i ? ", " : "", bars[i].label, counts[bars[i].rag]);
    sl_buf_printf(out, " of %d actions.</desc>", total);
    for (size_t i = 0; i < 5; i++) {
        int y = gap + (int)i * (bar_h + gap);
        int n = counts[bars[i].rag];
        int w = (width - label_w - 60) * n / most;
        sl_buf_printf(out,
                      "<text x=\"0\" y=\"%d\" font-family=\"sans-serif\" font-size=\"16\" fill=\"#0b0c0c\">%h</text>"
                      "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%a\"><title>%h: %d</title></rect>"
                      "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"16\" fill=\"#0b0c0c\">%d</text>",
                      y + bar_h - 8, bars[i].label, label_w, y, w, bar_h, bars[i].colour, bars[i].label, n,
                      label_w + w + 8, y + bar_h - 8, n);
    }
    sl_buf_puts(out, "</svg>");
}
