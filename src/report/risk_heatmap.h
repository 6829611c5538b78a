/* risk_heatmap.h — the risk log's 5×5 heat map as an accessible SVG:
 * likelihood across, impact up, every cell labelled with its likelihood,
 * impact, score, band and the refs of the risks in it (as text, and in the
 * cell's <title> for screen readers), so colour is never the only signal. */
#ifndef SL_REPORT_RISK_HEATMAP_H
#define SL_REPORT_RISK_HEATMAP_H
#include <stddef.h>

#include "domain/risk.h"
#include "util/buf.h"

/* Appends the heat map of n risks to out: an <svg> element with role="img",
 * a <title> and a <desc> summarising the counts by band. */
void sl_risk_heatmap_svg(sl_buf *out, const sl_risk *risks, size_t n, const char *title);

/* Returns the fill colour of a band on the heat map as "RRGGBB"; static storage. */
const char *sl_risk_band_fill(sl_risk_band band);

#endif
