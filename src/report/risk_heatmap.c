/* risk_heatmap.c — the 5×5 risk heat map (see risk_heatmap.h). */
#include "report/risk_heatmap.h"

#include <string.h>

enum { CELL = 96, LEFT = 84, TOP = 44, GRID = 5 * CELL };

/* Fill and text colours of each band: the GOV.UK palette, text chosen for contrast. */
static const struct {
    const char *fill;
    const char *ink;
    const char *word;
} bands[] = {
    [SL_BAND_LOW] = {"#cce2d8", "#0b0c0c", "Low"},
    [SL_BAND_MEDIUM] = {"#fff7bf", "#0b0c0c", "Medium"},
    [SL_BAND_HIGH] = {"#fcd6c3", "#0b0c0c", "High"},
    [SL_BAND_VERY_HIGH] = {"#d4351c", "#ffffff", "Very high"},
};

/* Appends the refs of the risks with this likelihood and impact, joined by
 * ", ", to out; returns how many there are. */
static int cell_refs(sl_buf *out, const sl_risk *risks, size_t n, int likelihood, int impact)
{
    int count = 0;
    for (size_t i = 0; i < n; i++) {
        if (risks[i].likelihood != likelihood || risks[i].impact != impact)
            continue;
        if (count++)
            sl_buf_puts(out, ", ");
        sl_buf_puts(out, risks[i].ref ? risks[i].ref : "?");
    }
    return count;
}

/* Appends one cell: its square, its accessible title and its visible text. */
static void cell(sl_buf *out, const sl_risk *risks, size_t n, int likelihood, int impact)
{
    int score = sl_risk_score(likelihood, impact);
    sl_risk_band band = sl_risk_band_of(score);
    int x = LEFT + (likelihood - 1) * CELL, y = TOP + (5 - impact) * CELL;
    sl_buf refs = SL_BUF_INIT;
    int count = cell_refs(&refs, risks, n, likelihood, impact);
    sl_buf_printf(out, "<g><title>Likelihood %d, impact %d: score %d, %h; %d risk%h%h%h</title>\n",
                  likelihood, impact, score, bands[band].word, count, count == 1 ? "" : "s",
                  count ? ": " : "", sl_buf_str(&refs));
    sl_buf_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%a\" stroke=\"#0b0c0c\"/>\n",
                  x, y, CELL, CELL, bands[band].fill);
    sl_buf_printf(out, "<text x=\"%d\" y=\"%d\" fill=\"%a\" font-size=\"12\">%d %h</text>\n", x + 6,
                  y + 16, bands[band].ink, score, bands[band].word);
    if (count)
        sl_buf_printf(out, "<text x=\"%d\" y=\"%d\" fill=\"%a\" font-size=\"15\" font-weight=\"bold\">%h</text>\n",
                      x + 6, y + 52, bands[band].ink, sl_buf_str(&refs));
    sl_buf_puts(out, "</g>\n");
    sl_buf_free(&refs);
}

/* Appends the axes' labels. */
static void axes(sl_buf *out)
{
    for (int k = 1; k <= 5; k++) {
        sl_buf_printf(out, "<text x=\"%d\" y=\"%d\" font-size=\"14\" text-anchor=\"middle\">%d</text>\n",
                      LEFT + (k - 1) * CELL + CELL / 2, TOP + GRID + 20, k);
        sl_buf_printf(out, "<text x=\"%d\" y=\"%d\" font-size=\"14\" text-anchor=\"end\">%d</text>\n",
                      LEFT - 10, TOP + (5 - k) * CELL + CELL / 2 + 5, k);
    }
    sl_buf_printf(out, "<text x=\"%d\" y=\"%d\" font-size=\"14\" text-anchor=\"middle\">Likelihood</text>\n",
                  LEFT + GRID / 2, TOP + GRID + 42);
    sl_buf_printf(out, "<text x=\"20\" y=\"%d\" font-size=\"14\" text-anchor=\"middle\""
                       " transform=\"rotate(-90 20 %d)\">Impact</text>\n",
                  TOP + GRID / 2, TOP + GRID / 2);
}

void sl_risk_heatmap_svg(sl_buf *out, const sl_risk *risks, size_t n, const char *title)
{
    int by_band[4] = {0};
    for (size_t i = 0; i < n; i++)
        by_band[sl_risk_band_of(sl_risk_score(risks[i].likelihood, risks[i].impact))]++;
    int width = LEFT + GRID + 20, height = TOP + GRID + 56;
    sl_buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 %d %d\""
                       " width=\"%d\" height=\"%d\" aria-labelledby=\"heatmap-title heatmap-desc\""
                       " font-family=\"Arial, sans-serif\">\n",
                  width, height, width, height);
    sl_buf_printf(out, "<title id=\"heatmap-title\">%h</title>\n", title);
    sl_buf_printf(out, "<desc id=\"heatmap-desc\">%zu risk%h by likelihood (1 to 5, across) and impact"
                       " (1 to 5, up): %d very high, %d high, %d medium, %d low.</desc>\n",
                  n, n == 1 ? "" : "s", by_band[SL_BAND_VERY_HIGH], by_band[SL_BAND_HIGH],
                  by_band[SL_BAND_MEDIUM], by_band[SL_BAND_LOW]);
    sl_buf_printf(out, "<text x=\"%d\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%h</text>\n", LEFT, title);
    for (int impact = 5; impact >= 1; impact--)
        for (int likelihood = 1; likelihood <= 5; likelihood++)
            cell(out, risks, n, likelihood, impact);
    axes(out);
    sl_buf_puts(out, "</svg>\n");
}

const char *sl_risk_band_fill(sl_risk_band band)
{
    return bands[band <= SL_BAND_VERY_HIGH ? band : SL_BAND_VERY_HIGH].fill + 1;   /* past the '#' */
}
