/* test_heatmap.c — the risk heat map: 25 labelled cells, each risk's ref in
 * its cell (as text and in the cell's title), counts by band in the
 * description, and titles escaped. */
#include <string.h>

#include "check.h"
#include "report/risk_heatmap.h"

/* Returns how many times needle occurs in hay. */
static int count_of(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

void test_heatmap(void)
{
    sl_risk risks[3] = {sl_risk_empty(), sl_risk_empty(), sl_risk_empty()};
    char r1[] = "R1", r2[] = "R2", r3[] = "R3";
    risks[0].ref = r1, risks[0].likelihood = 4, risks[0].impact = 5;
    risks[1].ref = r2, risks[1].likelihood = 4, risks[1].impact = 5;
    risks[2].ref = r3, risks[2].likelihood = 1, risks[2].impact = 2;
    sl_buf out = SL_BUF_INIT;
    sl_risk_heatmap_svg(&out, risks, 3, "Risks <as of> 5 September 2017");
    const char *svg = sl_buf_str(&out);
    CHECK(count_of(svg, "<rect ") == 25, "25 cells");
    CHECK(count_of(svg, "<g><title>Likelihood ") == 25, "every cell has a title");
    CHECK(strstr(svg, "<title>Likelihood 4, impact 5: score 20, Very high; 2 risks: R1, R2</title>") != NULL,
          "the cell names its risks and band in words");
    CHECK(strstr(svg, "<title>Likelihood 1, impact 2: score 2, Low; 1 risk: R3</title>") != NULL,
          "a low cell with one risk");
    CHECK(strstr(svg, "<title>Likelihood 5, impact 5: score 25, Very high; 0 risks</title>") != NULL,
          "an empty cell still says what it is");
    CHECK(strstr(svg, ">R1, R2</text>") != NULL, "refs shown in the cell");
    CHECK(strstr(svg, "2 very high, 0 high, 0 medium, 1 low") != NULL, "counts by band in the description");
    CHECK(strstr(svg, "Risks &lt;as of&gt; 5 September 2017") != NULL && !strstr(svg, "<as of>"),
          "the title is escaped");
    CHECK(strstr(svg, "role=\"img\"") != NULL, "an image for assistive technology");
    sl_buf_free(&out);
}
