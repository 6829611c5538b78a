/* map_svg.h — `sightline map`: England's local authority districts drawn as
 * one standalone SVG, each district filled by the inspection grade of the
 * children's services authority responsible for it.
 *
 * The boundaries come from shared/data/lad-2023-boundaries.geojson (ONS
 * districts of 2023, WGS84, properties LAD23CD and LAD23NM; the caller reads
 * the file). Loading projects every district once (equirectangular, scaled by
 * cos 53.5° so England keeps its shape), fits England into MAP 600×800 px,
 * rounds to 0.1 px and drops points closer than 0.5 px to the last one kept;
 * the result is each district's SVG path data, ready to draw many times.
 *
 * A district belongs to a children's services authority (authority.h) by its
 * code: unitary, metropolitan and London districts carry the authority's own
 * ONS code; the shire districts of 2023 belong to their county council by the
 * ONS district-to-upper-tier lookup (kept here as code ranges); a district
 * found by neither is matched by name. Districts in Scotland, Wales and
 * Northern Ireland have no authority: they are drawn pale as context. */
#ifndef SL_REPORT_MAP_SVG_H
#define SL_REPORT_MAP_SVG_H
#include <stddef.h>

#include "domain/authority.h"
#include "domain/inspection.h"
#include "util/buf.h"
#include "util/error.h"

#define SL_MAP_WIDTH 600
#define SL_MAP_HEIGHT 800

/* One district. Every string is owned by the map. */
typedef struct {
    char *code;     /* LAD23CD ("E06000006") */
    char *name;     /* LAD23NM ("Halton") */
    char *path;     /* SVG path data in map pixels ("M12.5 40l0.5-1.2 …z"), one
                       subpath per polygon ring that survives simplification */
} sl_map_district;

/* The districts of a boundary file, in the file's order. */
typedef struct {
    sl_map_district *districts;
    size_t n;
} sl_map;

/* Returns the grade to colour an authority by; ctx is the caller's. */
typedef sl_grade (*sl_map_grade_fn)(void *ctx, const sl_authority *authority);

/* Reads GeoJSON bytes (len bytes; file names them in errors) holding a
 * FeatureCollection of Polygon and MultiPolygon districts into *out.
 * Returns 0, or -1 with err set (not JSON, not a FeatureCollection, a feature
 * without LAD23CD/LAD23NM or with a malformed geometry); then *out is empty.
 * The caller frees *out with sl_map_free. */
int sl_map_load(const char *geojson, size_t len, const char *file, sl_map *out, sl_error *err);

/* Frees every district and the array, leaving the map empty. */
void sl_map_free(sl_map *map);

/* Returns 1 when the district is in England (its code starts with 'E'). */
int sl_map_district_in_england(const sl_map_district *district);

/* Returns the children's services authority responsible for a district, or
 * NULL (outside England, or an English district no authority claims). The
 * result points into the table. */
const sl_authority *sl_map_district_authority(const sl_map_district *district,
                                              const sl_authority_table *authorities);

/* Appends a complete SVG document (SL_MAP_WIDTH × SL_MAP_HEIGHT, no XML
 * declaration, so it can also be put inline in HTML) to out: role="img" with
 * <title> (title, or a default when NULL) and <desc> (counts of the shown
 * authorities per grade), one <path> per district with its own <title>
 * ("Cambridge (Cambridgeshire): Good"), filled by grade_of(ctx, authority),
 * and a legend with the four grades, "Not inspected" and, when any are shown,
 * "Outside England". Every piece of text is escaped. */
void sl_map_svg(sl_buf *out, const sl_map *map, const sl_authority_table *authorities,
                sl_map_grade_fn grade_of, void *ctx, const char *title);

#endif
