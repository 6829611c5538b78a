/* rag_chart.h — an inline SVG bar chart of actions by RAG, drawn by
 * sightline itself, with a title and description for screen readers. */
#ifndef SL_REPORT_RAG_CHART_H
#define SL_REPORT_RAG_CHART_H
#include "domain/rag.h"
#include "util/buf.h"

/* Appends an <svg> with one bar per rating (red, amber, green, blue, grey),
 * counts indexed by sl_rag; title is escaped. */
void sl_rag_chart_svg(sl_buf *out, const int counts[6], const char *title);

#endif
