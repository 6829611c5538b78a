/* map_svg.c — districts from GeoJSON, their children's services authority,
 * and the inspection map as SVG (see map_svg.h). */
#include "report/map_svg.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

#define MAP_MARGIN 10.0
#define PI 3.14159265358979323846
/* Latitude whose parallel keeps its true length: the middle of England. */
#define STANDARD_PARALLEL 53.5
/* Points closer than this to the last point kept are dropped (tenths of a px). */
#define MIN_STEP_TENTHS 5
/* The smallest extent fitted to the map, in degrees (a file of one point). */
#define MIN_EXTENT 0.01

/* ------------------------------------------------------------------------ */
/* Which authority a district belongs to                                    */
/* ------------------------------------------------------------------------ */

/* The shire districts of 2023 and their county council, as ranges of the
 * number in the district's code (E07000008 is 8): the ONS lookup of local
 * authority districts to upper tier authorities, April 2023. Every other
 * English district of 2023 is its own children's services authority. */
static const struct {
    int first, last;
    const char *county;
} shire_districts[] = {
    {8, 12, "E10000003"},    /* Cambridgeshire */
    {32, 39, "E10000007"},   /* Derbyshire */
    {40, 47, "E10000008"},   /* Devon */
    {61, 65, "E10000011"},   /* East Sussex */
    {66, 77, "E10000012"},   /* Essex */
    {78, 83, "E10000013"},   /* Gloucestershire */
    {84, 94, "E10000014"},   /* Hampshire */
    {95, 103, "E10000015"},  /* Hertfordshire */
    {105, 116, "E10000016"}, /* Kent */
    {117, 128, "E10000017"}, /* Lancashire */
    {129, 135, "E10000018"}, /* Leicestershire */
    {136, 142, "E10000019"}, /* Lincolnshire */
    {143, 149, "E10000020"}, /* Norfolk */
    {170, 176, "E10000024"}, /* Nottinghamshire */
    {177, 181, "E10000025"}, /* Oxfordshire */
    {192, 199, "E10000028"}, /* Staffordshire */
    {200, 203, "E10000029"}, /* Suffolk */
    {207, 217, "E10000030"}, /* Surrey */
    {218, 222, "E10000031"}, /* Warwickshire */
    {223, 229, "E10000032"}, /* West Sussex */
    {234, 239, "E10000034"}, /* Worcestershire */
    {240, 243, "E10000015"}, /* Hertfordshire: St Albans, Welwyn Hatfield, East Herts, Stevenage */
    {244, 245, "E10000029"}, /* Suffolk: East Suffolk, West Suffolk */
};

/* Returns the ONS code of the county council of a shire district code
 * ("E07000008" gives "E10000003"), or NULL; static storage. */
static const char *county_of_shire_district(const char *code)
{
    if (strncmp(code, "E07", 3) != 0 || strlen(code) != 9 || strspn(code + 3, "0123456789") != 6)
        return NULL;
    long number = strtol(code + 3, NULL, 10); /* six digits, checked above */
    for (size_t i = 0; i < sizeof shire_districts / sizeof shire_districts[0]; i++)
        if (number >= shire_districts[i].first && number <= shire_districts[i].last)
            return shire_districts[i].county;
    return NULL;
}

int sl_map_district_in_england(const sl_map_district *district)
{
    return district->code[0] == 'E';
}

const sl_authority *sl_map_district_authority(const sl_map_district *district,
                                              const sl_authority_table *authorities)
{
    if (!sl_map_district_in_england(district))
        return NULL;
    const sl_authority *a = sl_authority_by_code(authorities, district->code);
    const char *county = a ? NULL : county_of_shire_district(district->code);
    if (county)
        a = sl_authority_by_code(authorities, county);
    return a ? a : sl_authority_match(authorities, district->name);
}

/* ------------------------------------------------------------------------ */
/* Reading the GeoJSON                                                      */
/* ------------------------------------------------------------------------ */

/* The linear rings of one feature's geometry (each a JSON array of points);
 * the pointers borrow from the parsed document. */
typedef struct {
    const json_t **rings;
    size_t n, cap;
} ring_list;

/* A feature while the file is read: its names and rings. */
typedef struct {
    const char *code;
    const char *name;
    ring_list rings;
} feature;

/* A box of longitudes and latitudes, in degrees. */
typedef struct {
    double west, east, south, north;
} bounds;

/* Maps longitude and latitude to map pixels. */
typedef struct {
    double west, north;     /* the corner of the fitted bounds */
    double x_per_degree;    /* pixels per degree of longitude */
    double y_per_degree;    /* pixels per degree of latitude */
    double x0, y0;          /* pixels of the corner */
} projection;

/* Returns 1 when a point is an array starting with a longitude and a latitude. */
static int is_point(const json_t *point)
{
    const json_t *lon = json_array_get(point, 0), *lat = json_array_get(point, 1);
    return json_is_number(lon) && json_is_number(lat) && fabs(json_number_value(lon)) <= 180 &&
           fabs(json_number_value(lat)) <= 90;
}

/* Appends a polygon's rings (a JSON array of arrays of points) to list;
 * returns 0, or -1 when the polygon is malformed. */
static int add_polygon(ring_list *list, const json_t *polygon)
{
    if (!json_is_array(polygon))
        return -1;
    for (size_t r = 0; r < json_array_size(polygon); r++) {
        const json_t *ring = json_array_get(polygon, r);
        if (!json_is_array(ring))
            return -1;
        for (size_t p = 0; p < json_array_size(ring); p++)
            if (!is_point(json_array_get(ring, p)))
                return -1;
        if (list->n == list->cap) {
            list->cap = list->cap ? list->cap * 2 : 8;
            list->rings = sl_realloc(list->rings, list->cap * sizeof *list->rings);
        }
        list->rings[list->n++] = ring;
    }
    return 0;
}

/* Collects the rings of a Polygon or MultiPolygon geometry; returns 0, or -1
 * with a reason in *why (static storage). */
static int collect_rings(const json_t *geometry, ring_list *list, const char **why)
{
    const char *type = json_string_value(json_object_get(geometry, "type"));
    const json_t *coordinates = json_object_get(geometry, "coordinates");
    *why = "its geometry is not a Polygon or MultiPolygon of longitudes and latitudes";
    if (type && strcmp(type, "Polygon") == 0) {
        *why = "its Polygon coordinates are malformed or out of range";
        return add_polygon(list, coordinates);
    }
    if (!type || strcmp(type, "MultiPolygon") != 0)
        return -1;
    *why = "its MultiPolygon coordinates are malformed or out of range";
    if (!json_is_array(coordinates))
        return -1;
    for (size_t i = 0; i < json_array_size(coordinates); i++)
        if (add_polygon(list, json_array_get(coordinates, i)) < 0)
            return -1;
    return 0;
}

/* Reads feature number index (0-based) of the collection into *f; returns 0,
 * or -1 with err set. */
static int read_feature(const json_t *json, size_t index, const char *file, feature *f, sl_error *err)
{
    const json_t *properties = json_object_get(json, "properties");
    f->code = json_string_value(json_object_get(properties, "LAD23CD"));
    f->name = json_string_value(json_object_get(properties, "LAD23NM"));
    if (!f->code || !*f->code || !f->name || !*f->name)
        return sl_fail_at(err, file, 0, "feature %zu has no LAD23CD and LAD23NM properties",
                          index + 1);
    const char *why;
    if (collect_rings(json_object_get(json, "geometry"), &f->rings, &why) < 0)
        return sl_fail_at(err, file, 0, "feature %zu (%s %s): %s", index + 1, f->code, f->name,
                          why);
    return 0;
}

/* Widens b to hold every point of the feature's rings. */
static void include_feature(bounds *b, const feature *f)
{
    for (size_t r = 0; r < f->rings.n; r++)
        for (size_t p = 0; p < json_array_size(f->rings.rings[r]); p++) {
            const json_t *point = json_array_get(f->rings.rings[r], p);
            double lon = json_number_value(json_array_get(point, 0));
            double lat = json_number_value(json_array_get(point, 1));
            b->west = fmin(b->west, lon);
            b->east = fmax(b->east, lon);
            b->south = fmin(b->south, lat);
            b->north = fmax(b->north, lat);
        }
}

/* Returns the bounds of the English features, or of all of them when none is
 * English (a file of other districts is still drawn whole). */
static bounds frame_bounds(const feature *features, size_t n)
{
    bounds b = {INFINITY, -INFINITY, INFINITY, -INFINITY};
    for (size_t i = 0; i < n; i++)
        if (features[i].code[0] == 'E')
            include_feature(&b, &features[i]);
    for (size_t i = 0; i < n && !(b.west <= b.east); i++)
        include_feature(&b, &features[i]);
    if (!(b.west <= b.east))
        b = (bounds){0, 1, 0, 1};
    return b;
}

/* Returns the projection that fits b into the map, centred, inside its margin. */
static projection fit_projection(bounds b)
{
    double x_scale = cos(STANDARD_PARALLEL * PI / 180.0);
    double width = fmax(b.east - b.west, MIN_EXTENT) * x_scale;
    double height = fmax(b.north - b.south, MIN_EXTENT);
    double room_x = SL_MAP_WIDTH - 2 * MAP_MARGIN, room_y = SL_MAP_HEIGHT - 2 * MAP_MARGIN;
    double scale = fmin(room_x / width, room_y / height);
    projection p = {b.west, b.north, x_scale * scale, scale, 0, 0};
    p.x0 = MAP_MARGIN + (room_x - width * scale) / 2;
    p.y0 = MAP_MARGIN + (room_y - height * scale) / 2;
    return p;
}

/* A projected point in tenths of a pixel. */
typedef struct {
    long long x, y;
} tenths_point;

/* Scratch space for one ring's simplified points, reused across rings. */
typedef struct {
    tenths_point *points;
    size_t n, cap;
} point_list;

/* Projects a ring into kept (emptied first), dropping the closing point and
 * every point closer than MIN_STEP_TENTHS to the last one kept. */
static void simplify_ring(const json_t *ring, const projection *proj, point_list *kept)
{
    size_t n = json_array_size(ring);
    kept->n = 0;
    if (kept->cap < n) {
        kept->cap = n;
        kept->points = sl_realloc(kept->points, n * sizeof *kept->points);
    }
    for (size_t i = 0; i < n; i++) {
        const json_t *point = json_array_get(ring, i);
        double lon = json_number_value(json_array_get(point, 0));
        double lat = json_number_value(json_array_get(point, 1));
        tenths_point t = {llround((proj->x0 + (lon - proj->west) * proj->x_per_degree) * 10),
                          llround((proj->y0 + (proj->north - lat) * proj->y_per_degree) * 10)};
        if (kept->n > 0) {
            tenths_point last = kept->points[kept->n - 1], first = kept->points[0];
            long long dx = t.x - last.x, dy = t.y - last.y;
            int closes = i == n - 1 && t.x == first.x && t.y == first.y;
            if (closes || dx * dx + dy * dy < MIN_STEP_TENTHS * MIN_STEP_TENTHS)
                continue;
        }
        kept->points[kept->n++] = t;
    }
}

/* Appends a number given in tenths ("12.5", "-0.5", "40"), preceded by a
 * space unless it starts a command or its minus sign separates it. */
static void put_tenths(sl_buf *path, long long value, int after_command)
{
    if (value < 0) {
        sl_buf_putc(path, '-');
        value = -value;
    } else if (!after_command) {
        sl_buf_putc(path, ' ');
    }
    sl_buf_int(path, value / 10);
    if (value % 10) {
        sl_buf_putc(path, '.');
        sl_buf_putc(path, (char)('0' + value % 10));
    }
}

/* Appends one closed subpath: an absolute move, then relative lines. */
static void put_subpath(sl_buf *path, const point_list *ring)
{
    sl_buf_putc(path, 'M');
    put_tenths(path, ring->points[0].x, 1);
    put_tenths(path, ring->points[0].y, 0);
    for (size_t i = 1; i < ring->n; i++) {
        if (i == 1)
            sl_buf_putc(path, 'l');
        put_tenths(path, ring->points[i].x - ring->points[i - 1].x, i == 1);
        put_tenths(path, ring->points[i].y - ring->points[i - 1].y, 0);
    }
    sl_buf_putc(path, 'z');
}

/* Returns a feature's SVG path data (caller frees): every ring that keeps at
 * least three points, or the first ring as it is when none does, so that a
 * district too small to see still has a path. */
static char *feature_path(const feature *f, const projection *proj, point_list *scratch)
{
    sl_buf path = SL_BUF_INIT;
    for (size_t r = 0; r < f->rings.n; r++) {
        simplify_ring(f->rings.rings[r], proj, scratch);
        if (scratch->n >= 3)
            put_subpath(&path, scratch);
    }
    if (path.len == 0 && f->rings.n > 0) {
        simplify_ring(f->rings.rings[0], proj, scratch);
        if (scratch->n > 0)
            put_subpath(&path, scratch);
    }
    if (path.len == 0)
        sl_buf_puts(&path, "M0 0z");
    return sl_buf_take(&path);
}

/* Reads every feature of the collection into features (n of them); returns 0
 * or -1 with err set. */
static int read_features(const json_t *list, const char *file, feature *features, sl_error *err)
{
    for (size_t i = 0; i < json_array_size(list); i++)
        if (read_feature(json_array_get(list, i), i, file, &features[i], err) < 0)
            return -1;
    return 0;
}

/* Fills out with the projected districts of the features. */
static void project_features(const feature *features, size_t n, sl_map *out)
{
    projection proj = fit_projection(frame_bounds(features, n));
    point_list scratch = {NULL, 0, 0};
    out->districts = sl_calloc((n ? n : 1) * sizeof *out->districts);
    for (size_t i = 0; i < n; i++) {
        out->districts[i].code = sl_strdup(features[i].code);
        out->districts[i].name = sl_strdup(features[i].name);
        out->districts[i].path = feature_path(&features[i], &proj, &scratch);
    }
    out->n = n;
    free(scratch.points);
}

int sl_map_load(const char *geojson, size_t len, const char *file, sl_map *out, sl_error *err)
{
    out->districts = NULL;
    out->n = 0;
    json_error_t jerr;
    json_t *root = json_loadb(geojson, len, 0, &jerr);
    if (!root)
        return sl_fail_at(err, file, jerr.line > 0 ? jerr.line : 0, "not JSON: %s", jerr.text);
    const json_t *list = json_object_get(root, "features");
    const char *type = json_string_value(json_object_get(root, "type"));
    if (!type || strcmp(type, "FeatureCollection") != 0 || !json_is_array(list)) {
        json_decref(root);
        return sl_fail_at(err, file, 0, "not a GeoJSON FeatureCollection of districts");
    }
    size_t n = json_array_size(list);
    feature *features = sl_calloc((n ? n : 1) * sizeof *features);
    int rc = read_features(list, file, features, err);
    if (rc == 0)
        project_features(features, n, out);
    for (size_t i = 0; i < n; i++)
        free(features[i].rings.rings);
    free(features);
    json_decref(root);
    return rc;
}

void sl_map_free(sl_map *map)
{
    if (!map)
        return;
    for (size_t i = 0; i < map->n; i++) {
        free(map->districts[i].code);
        free(map->districts[i].name);
        free(map->districts[i].path);
    }
    free(map->districts);
    map->districts = NULL;
    map->n = 0;
}

/* ------------------------------------------------------------------------ */
/* Drawing                                                                  */
/* ------------------------------------------------------------------------ */

#define OUTSIDE_FILL "#f3f2f1"
#define OUTSIDE_STROKE "#b1b4b6"
#define GRADE_COUNT (SL_GRADE_INADEQUATE + 1)

/* Words and fill for each grade, in legend order after "not inspected". */
static const struct {
    const char *label;
    const char *fill;
} grade_styles[GRADE_COUNT] = {
    [SL_GRADE_NONE] = {"Not inspected", "#b1b4b6"},
    [SL_GRADE_OUTSTANDING] = {"Outstanding", "#00703c"},
    [SL_GRADE_GOOD] = {"Good", "#85994b"},
    [SL_GRADE_REQUIRES_IMPROVEMENT] = {"Requires improvement", "#f47738"},
    [SL_GRADE_INADEQUATE] = {"Inadequate", "#d4351c"},
};

/* What the drawing knows of each district and authority. Arrays are owned. */
typedef struct {
    const sl_authority **authority_of;  /* per district: its authority or NULL */
    sl_grade *grade_of;                 /* per authority in the table */
    int *shown;                         /* per authority: 1 when a district is drawn for it */
    size_t count[GRADE_COUNT];          /* shown authorities per grade */
    size_t outside;                     /* districts outside England */
    size_t unclaimed;                   /* English districts no authority claims */
} map_facts;

/* Returns grade when it is a real sl_grade, else SL_GRADE_NONE. */
static sl_grade checked_grade(sl_grade grade)
{
    return grade >= SL_GRADE_NONE && grade <= SL_GRADE_INADEQUATE ? grade : SL_GRADE_NONE;
}

/* Joins each district to its authority and grades the authorities shown;
 * the caller frees the facts with facts_free. */
static void gather_facts(map_facts *f, const sl_map *map, const sl_authority_table *table,
                         sl_map_grade_fn grade_of, void *ctx)
{
    memset(f, 0, sizeof *f);
    f->authority_of = sl_calloc((map->n ? map->n : 1) * sizeof *f->authority_of);
    f->grade_of = sl_calloc((table->n ? table->n : 1) * sizeof *f->grade_of);
    f->shown = sl_calloc((table->n ? table->n : 1) * sizeof *f->shown);
    for (size_t i = 0; i < map->n; i++) {
        const sl_authority *a = sl_map_district_authority(&map->districts[i], table);
        f->authority_of[i] = a;
        if (a)
            f->shown[a - table->authorities] = 1;
        else if (sl_map_district_in_england(&map->districts[i]))
            f->unclaimed++;
        else
            f->outside++;
    }
    for (size_t k = 0; k < table->n; k++) {
        if (!f->shown[k])
            continue;
        f->grade_of[k] = checked_grade(grade_of(ctx, &table->authorities[k]));
        f->count[f->grade_of[k]]++;
    }
}

/* Frees what gather_facts allocated. */
static void facts_free(map_facts *f)
{
    free(f->authority_of);
    free(f->grade_of);
    free(f->shown);
}

/* Appends text escaped for XML. Bytes XML cannot carry — control bytes other
 * than tab, CR and LF, U+FFFE, U+FFFF, and every non-ASCII byte of text that
 * is not valid UTF-8 — become '?'. */
static void put_text(sl_buf *out, const char *text)
{
    if (!text)
        return;
    size_t bad;
    int utf8 = sl_utf8_valid(text, strlen(text), &bad);
    unsigned char *safe = (unsigned char *)sl_strdup(text);
    for (unsigned char *p = safe; *p; p++) {
        if (utf8 && p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
            p[0] = p[1] = p[2] = '?';
        if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7F ||
            (*p >= 0x80 && !utf8))
            *p = '?';
    }
    sl_buf_html(out, (const char *)safe);
    free(safe);
}

/* Appends, as plain text (not escaped), how many authorities the map shows per grade. */
static void describe_counts(sl_buf *desc, const map_facts *f)
{
    size_t shown = 0;
    for (int g = 0; g < GRADE_COUNT; g++)
        shown += f->count[g];
    sl_buf_cprintf(desc,
                  "Map of England's local authority districts, each coloured by the latest "
                  "inspection judgement of its children's services authority. Of %zu authorities "
                  "shown: ",
                  shown);
    static const sl_grade order[] = {SL_GRADE_OUTSTANDING, SL_GRADE_GOOD,
                                     SL_GRADE_REQUIRES_IMPROVEMENT, SL_GRADE_INADEQUATE,
                                     SL_GRADE_NONE};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        sl_buf_cprintf(desc, "%s%zu %s", i ? ", " : "", f->count[order[i]],
                       grade_styles[order[i]].label);
    sl_buf_puts(desc, ".");
    if (f->unclaimed)
        sl_buf_cprintf(desc, " %zu English district%s with no authority in the reference table "
                             "%s grey.", f->unclaimed, f->unclaimed == 1 ? "" : "s",
                      f->unclaimed == 1 ? "is" : "are");
    if (f->outside)
        sl_buf_cprintf(desc, " %zu districts in Scotland, Wales and Northern Ireland are drawn "
                             "pale for context.", f->outside);
}

/* Appends the document's <title> and <desc>: counts of shown authorities per grade. */
static void put_description(sl_buf *out, const map_facts *f, const char *title)
{
    sl_buf_puts(out, "<title id=\"sl-map-title\">");
    put_text(out, title ? title : "Children's services inspection judgements in England");
    sl_buf_puts(out, "</title>\n<desc id=\"sl-map-desc\">");
    sl_buf desc = SL_BUF_INIT;
    describe_counts(&desc, f);
    put_text(out, sl_buf_str(&desc));
    sl_buf_free(&desc);
    sl_buf_puts(out, "</desc>\n");
}

/* Appends one district's <path> with its fill, data attributes and <title>. */
static void put_district(sl_buf *out, const sl_map_district *d, const sl_authority *a,
                         const map_facts *f, const sl_authority_table *table)
{
    int england = sl_map_district_in_england(d);
    sl_grade grade = a ? f->grade_of[a - table->authorities] : SL_GRADE_NONE;
    sl_buf_printf(out, "<path d=\"%a\" fill=\"%a", d->path, england ? grade_styles[grade].fill : OUTSIDE_FILL);
    if (!england)
        sl_buf_puts(out, "\" stroke=\"" OUTSIDE_STROKE);
    sl_buf_puts(out, "\" data-district=\"");
    put_text(out, d->code);
    if (a) {
        sl_buf_puts(out, "\" data-authority=\"");
        put_text(out, a->ons_code);
        sl_buf_puts(out, "\" data-grade=\"");
        put_text(out, sl_grade_name(grade));
    }
    sl_buf_puts(out, "\"><title>");
    put_text(out, d->name);
    if (a && strcmp(a->name, d->name) != 0) {
        put_text(out, " (");
        put_text(out, a->name);
        put_text(out, ")");
    }
    put_text(out, ": ");
    if (a)
        put_text(out, grade_styles[grade].label);
    else
        put_text(out, england ? "no children's services authority found"
                              : "outside England, not inspected by Ofsted");
    sl_buf_puts(out, "</title></path>\n");
}

/* Appends one legend row: a swatch and its words with a count. */
static void put_legend_row(sl_buf *out, int row, const char *fill, const char *label, size_t count)
{
    double y = 38 + row * 20;
    sl_buf_printf(out, "<rect x=\"432\" y=\"%.0f\" width=\"14\" height=\"14\" fill=\"%a\" "
                       "stroke=\"#0b0c0c\" stroke-width=\"0.5\"/>",
                  y, fill);
    sl_buf_printf(out, "<text x=\"452\" y=\"%.0f\">", y + 11);
    put_text(out, label);
    sl_buf_printf(out, " (%zu)</text>\n", count);
}

/* Appends the legend in the map's north-east corner (the North Sea). */
static void put_legend(sl_buf *out, const map_facts *f)
{
    int rows = GRADE_COUNT + (f->outside ? 1 : 0);
    sl_buf_printf(out, "<g font-size=\"11\"><rect x=\"424\" y=\"10\" width=\"170\" height=\"%d\" "
                       "fill=\"#ffffff\" fill-opacity=\"0.9\" stroke=\"#b1b4b6\"/>\n",
                  36 + rows * 20);
    sl_buf_puts(out, "<text x=\"432\" y=\"28\" font-weight=\"bold\">Latest judgement</text>\n");
    for (int g = SL_GRADE_OUTSTANDING; g <= SL_GRADE_INADEQUATE; g++)
        put_legend_row(out, g - 1, grade_styles[g].fill, grade_styles[g].label, f->count[g]);
    put_legend_row(out, GRADE_COUNT - 1, grade_styles[SL_GRADE_NONE].fill,
                   grade_styles[SL_GRADE_NONE].label, f->count[SL_GRADE_NONE]);
    if (f->outside)
        put_legend_row(out, GRADE_COUNT, OUTSIDE_FILL, "Outside England", f->outside);
    sl_buf_puts(out, "</g>\n");
}

void sl_map_svg(sl_buf *out, const sl_map *map, const sl_authority_table *authorities,
                sl_map_grade_fn grade_of, void *ctx, const char *title)
{
    map_facts facts;
    gather_facts(&facts, map, authorities, grade_of, ctx);
    size_t path_bytes = 0;
    for (size_t i = 0; i < map->n; i++)
        path_bytes += strlen(map->districts[i].path) + 200;
    sl_buf_reserve(out, path_bytes + 4096);
    sl_buf_printf(out,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                  "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"sl-map-title sl-map-desc\" "
                  "font-family=\"sans-serif\" font-size=\"12\">\n",
                  SL_MAP_WIDTH, SL_MAP_HEIGHT, SL_MAP_WIDTH, SL_MAP_HEIGHT);
    put_description(out, &facts, title);
    sl_buf_puts(out, "<g stroke=\"#ffffff\" stroke-width=\"0.3\" stroke-linejoin=\"round\">\n");
    for (size_t i = 0; i < map->n; i++)
        put_district(out, &map->districts[i], facts.authority_of[i], &facts, authorities);
    sl_buf_puts(out, "</g>\n");
    put_legend(out, &facts);
    sl_buf_puts(out, "</svg>\n");
    facts_free(&facts);
}
