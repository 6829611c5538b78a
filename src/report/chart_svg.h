/* chart_svg.h — charts of measures as standalone SVG, drawn by sightline
 * itself (no scripts, no external fonts or styles):
 *   a measure's line chart: actuals as a line with points, the trajectory and
 *     a band of ± tolerance around it, the target as a diamond, comparator
 *     series (england, region, statistical neighbours, other authorities) as
 *     dashed lines, the latest point coloured by its trajectory RAG, axes
 *     labelled with ISO months;
 *   a scorecard: a grid of small multiples, one per measure, each with its
 *     code, latest value, RAG and a mini chart;
 *   a sparkline: a tiny inline chart for tables.
 * Every chart has role="img" with a <title> and <desc> (or aria-label for a
 * sparkline) saying in words what the picture shows. Values are placed at
 * their period's last day; only values whose period ended before as_of are
 * drawn. Every piece of text goes through sl_buf_html after control bytes
 * and invalid UTF-8 are replaced, so the output is well-formed XML; numbers
 * are written without the locale. */
#ifndef SL_REPORT_CHART_SVG_H
#define SL_REPORT_CHART_SVG_H
#include <stddef.h>

#include "domain/measure.h"
#include "domain/trajectory.h"
#include "util/buf.h"

/* One measure to draw: its definition and its values (any series, any order;
 * values of other codes are skipped). Nothing is owned. */
typedef struct {
    const sl_measure_def *def;
    const sl_measure_value *values;
    size_t n_values;
} sl_chart_measure;

/* Appends a measure's line chart (640×320) as a complete SVG document to out. */
void sl_chart_measure_svg(sl_buf *out, const sl_chart_measure *measure, sl_day as_of);
/* Appends a scorecard of n measures (up to six small charts a row) as a
 * complete SVG document to out; title may be NULL ("Scorecard"). */
void sl_chart_scorecard_svg(sl_buf *out, const sl_chart_measure *measures, size_t n, sl_day as_of,
                            const char *title);
/* Appends a sparkline (100×24) as an <svg> element to out, for inline use. */
void sl_chart_sparkline_svg(sl_buf *out, const sl_chart_measure *measure, sl_day as_of);

#endif
