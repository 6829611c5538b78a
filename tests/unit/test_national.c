/* test_national.c — the inspection map (report/map_svg.h) against the real
 * district boundaries and authority table, and the national picture
 * (report/national.h): directions, months, neighbours, plan deadlines, JSON
 * and the 80-column table. Run from the repository root. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "domain/authority.h"
#include "domain/calendar.h"
#include "report/map_svg.h"
#include "report/national.h"
#include "util/mem.h"

#define LOOKUP_PATH "data/la-lookup.csv"
#define BOUNDARIES_PATH "data/lad-2023-boundaries.geojson"

/* Returns a file's bytes NUL-terminated with their length in *len, or NULL;
 * the caller frees them. */
static char *read_whole_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    sl_buf b = SL_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sl_buf_add(&b, chunk, n);
    fclose(f);
    *len = b.len;
    sl_buf_putc(&b, '\0');
    return sl_buf_take(&b);
}

/* Returns milliseconds on a monotonic clock. */
static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* Returns the day of an ISO date written in a test. */
static sl_day day_of(const char *iso)
{
    sl_day d = SL_NO_DAY;
    sl_day_parse_iso(iso, &d);
    return d;
}

/* ------------------------------------------------------------------------ */
/* A tiny XML well-formedness checker                                       */
/* ------------------------------------------------------------------------ */

#define XML_MAX_DEPTH 32

/* Returns the length of an XML name at s (letters, digits, - _ : .), 0 when none. */
static size_t xml_name_length(const char *s)
{
    size_t n = 0;
    while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
           (s[n] >= '0' && s[n] <= '9' && n > 0) || s[n] == '-' || s[n] == '_' || s[n] == ':' ||
           s[n] == '.')
        n++;
    return n;
}

/* Returns the length of a character reference or predefined entity at s
 * (which starts with '&'), 0 when it is neither. */
static size_t xml_entity_length(const char *s)
{
    static const char *const named[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (strncmp(s, named[i], strlen(named[i])) == 0)
            return strlen(named[i]);
    if (s[1] != '#')
        return 0;
    int hex = s[2] == 'x';
    size_t n = hex ? 3 : 2, digits = strspn(s + n, hex ? "0123456789abcdefABCDEF" : "0123456789");
    return digits && s[n + digits] == ';' ? n + digits + 1 : 0;
}

/* Returns 1 when the character data from s up to stop (exclusive) is legal:
 * no '<', every '&' an entity, no control byte but tab, CR and LF. */
static int xml_text_ok(const char *s, const char *stop)
{
    for (const char *p = s; p < stop; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '<' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r'))
            return 0;
        if (c == '&') {
            size_t n = xml_entity_length(p);
            if (!n)
                return 0;
            p += n - 1;
        }
    }
    return 1;
}

/* Reads a start tag's attributes from *p (after the name) to its '>' or
 * "/>"; returns 1 when they are well-formed, setting *empty for "/>". */
static int xml_attributes(const char **p, int *empty)
{
    const char *s = *p;
    for (;;) {
        int spaced = 0;
        while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
            s++, spaced = 1;
        if (*s == '>' || (s[0] == '/' && s[1] == '>')) {
            *empty = *s == '/';
            *p = s + (*empty ? 2 : 1);
            return 1;
        }
        size_t name = xml_name_length(s);
        if (!spaced || !name || s[name] != '=' || (s[name + 1] != '"' && s[name + 1] != '\''))
            return 0;
        char quote = s[name + 1];
        const char *value = s + name + 2, *close = strchr(value, quote);
        if (!close || !xml_text_ok(value, close))
            return 0;
        s = close + 1;
    }
}

/* Returns 1 when doc is one well-formed XML element (with optional white
 * space and comments around it): tags balanced and properly nested,
 * attributes quoted, text escaped. */
static int xml_well_formed(const char *doc)
{
    const char *stack[XML_MAX_DEPTH];
    size_t lengths[XML_MAX_DEPTH];
    int depth = 0, roots = 0;
    const char *p = doc;
    while (*p) {
        const char *lt = strchr(p, '<');
        const char *text_end = lt ? lt : p + strlen(p);
        if (!xml_text_ok(p, text_end) || (depth == 0 && strspn(p, " \n\r\t") < (size_t)(text_end - p)))
            return 0;
        if (!lt)
            break;
        if (strncmp(lt, "<!--", 4) == 0) {
            const char *end = strstr(lt + 4, "-->");
            if (!end)
                return 0;
            p = end + 3;
            continue;
        }
        int closing = lt[1] == '/';
        const char *name = lt + 1 + closing;
        size_t n = xml_name_length(name);
        if (!n)
            return 0;
        p = name + n;
        if (closing) {
            if (depth == 0 || lengths[depth - 1] != n || strncmp(stack[depth - 1], name, n) != 0 ||
                *p != '>')
                return 0;
            depth--;
            p++;
            continue;
        }
        int empty = 0;
        if ((depth == 0 && roots++ > 0) || !xml_attributes(&p, &empty))
            return 0;
        if (!empty) {
            if (depth == XML_MAX_DEPTH)
                return 0;
            stack[depth] = name;
            lengths[depth++] = n;
        }
    }
    return depth == 0 && roots == 1;
}

static void test_xml_checker(void)
{
    CHECK(xml_well_formed("<a x=\"1\"><b>t &amp; u</b><c/></a>\n"), "a well-formed document");
    CHECK(!xml_well_formed("<a><b></a></b>"), "crossed tags");
    CHECK(!xml_well_formed("<a>x & y</a>"), "a bare ampersand");
    CHECK(!xml_well_formed("<a x=1></a>"), "an unquoted attribute");
    CHECK(!xml_well_formed("<a><b></b>"), "an unclosed element");
    CHECK(!xml_well_formed("<a></a><b></b>"), "two roots");
}

/* ------------------------------------------------------------------------ */
/* The map                                                                  */
/* ------------------------------------------------------------------------ */

/* Grades the map test gives by authority name. */
typedef struct {
    const char *name;
    sl_grade grade;
} named_grade;

static const named_grade map_grades[] = {
    {"Halton", SL_GRADE_INADEQUATE},
    {"Dorset", SL_GRADE_OUTSTANDING},
    {"Trafford", SL_GRADE_REQUIRES_IMPROVEMENT},
    {"Cambridgeshire", SL_GRADE_GOOD},
};

/* The map's grade callback: looks the authority up in map_grades. */
static sl_grade grade_by_name(void *ctx, const sl_authority *a)
{
    (void)ctx;
    for (size_t i = 0; i < sizeof map_grades / sizeof map_grades[0]; i++)
        if (strcmp(map_grades[i].name, a->name) == 0)
            return map_grades[i].grade;
    return SL_GRADE_NONE;
}

/* Returns the district of the map with this name, or NULL. */
static const sl_map_district *district_named(const sl_map *map, const char *name)
{
    for (size_t i = 0; i < map->n; i++)
        if (strcmp(map->districts[i].name, name) == 0)
            return &map->districts[i];
    return NULL;
}

/* Writes the fill of the <path> whose <title> starts with title into fill
 * (16 bytes); "" when there is no such path. */
static void fill_of(const char *svg, const char *title, char fill[16])
{
    fill[0] = '\0';
    sl_buf needle = SL_BUF_INIT;
    sl_buf_printf(&needle, "<title>%s", title);
    const char *at = strstr(svg, sl_buf_str(&needle));
    sl_buf_free(&needle);
    const char *path = at;
    while (path && path > svg && strncmp(path, "<path ", 6) != 0)
        path--;
    const char *attr = path ? strstr(path, " fill=\"") : NULL;
    if (!at || !attr || attr > at)
        return;
    attr += 7;
    size_t n = strcspn(attr, "\"");
    if (n < 16)
        snprintf(fill, 16, "%.*s", (int)n, attr);
}

/* Counts the <path> elements and those whose content starts with a <title>. */
static void count_paths(const char *svg, size_t *paths, size_t *titled)
{
    *paths = *titled = 0;
    for (const char *p = strstr(svg, "<path "); p; p = strstr(p + 1, "<path ")) {
        (*paths)++;
        const char *end = strchr(p, '>');
        if (end && end[-1] != '/' && strncmp(end + 1, "<title>", 7) == 0)
            (*titled)++;
    }
}

/* Checks which authority named districts belong to. */
static void check_joins(const sl_map *map, const sl_authority_table *table)
{
    static const struct {
        const char *district, *authority;
    } joins[] = {
        {"Halton", "Halton"},          {"Cambridge", "Cambridgeshire"},
        {"St Albans", "Hertfordshire"}, {"East Suffolk", "Suffolk"},
        {"Bedford", "Bedford Borough"}, {"County Durham", "Durham"},
        {"Tunbridge Wells", "Kent"},    {"Westmorland and Furness", "Westmorland and Furness"},
        {"City of London", "City of London"}, {"Worcester", "Worcestershire"},
    };
    for (size_t i = 0; i < sizeof joins / sizeof joins[0]; i++) {
        const sl_map_district *d = district_named(map, joins[i].district);
        const sl_authority *a = d ? sl_map_district_authority(d, table) : NULL;
        CHECK(a && strcmp(a->name, joins[i].authority) == 0, "%s belongs to %s, not %s",
              joins[i].district, joins[i].authority, a ? a->name : "(none)");
    }
    const sl_map_district *cardiff = district_named(map, "Cardiff");
    CHECK(cardiff && !sl_map_district_in_england(cardiff) &&
              !sl_map_district_authority(cardiff, table),
          "Cardiff is outside England");
}

/* Checks every English district joins an authority (naming any that does
 * not), and every authority but the abolished ones has a district. */
static void check_every_district_joined(const sl_map *map, const sl_authority_table *table)
{
    size_t english = 0, unjoined = 0;
    int *has_district = sl_calloc(table->n * sizeof *has_district);
    for (size_t i = 0; i < map->n; i++) {
        const sl_map_district *d = &map->districts[i];
        const sl_authority *a = sl_map_district_authority(d, table);
        english += sl_map_district_in_england(d);
        if (a)
            has_district[a - table->authorities] = 1;
        else if (sl_map_district_in_england(d)) {
            unjoined++;
            fprintf(stderr, "district %s %s has no children's services authority\n", d->code, d->name);
        }
    }
    CHECK(english == 296, "296 English districts, got %zu", english);
    CHECK(unjoined == 0, "every English district joins an authority; %zu do not", unjoined);
    /* Rows kept in the table for authorities abolished before 2023. */
    static const char *const abolished[] = {"Cumbria", "Northamptonshire", "Poole"};
    size_t without = 0;
    for (size_t k = 0; k < table->n; k++) {
        int gone = 0;
        for (size_t g = 0; g < sizeof abolished / sizeof abolished[0]; g++)
            gone |= strcmp(table->authorities[k].name, abolished[g]) == 0;
        if (!has_district[k] && !gone) {
            without++;
            fprintf(stderr, "authority %s has no district\n", table->authorities[k].name);
        }
    }
    CHECK(without == 0, "every current authority has a district; %zu have none", without);
    free(has_district);
}

/* Checks the drawn map: well-formed, one titled path per district, fills. */
static void check_map_svg(const sl_map *map, const sl_authority_table *table)
{
    sl_buf svg = SL_BUF_INIT;
    sl_map_svg(&svg, map, table, grade_by_name, NULL, "Inspections & <judgements>");
    const char *s = sl_buf_str(&svg);
    CHECK(xml_well_formed(s), "the map is well-formed XML");
    size_t paths, titled;
    count_paths(s, &paths, &titled);
    CHECK(paths == map->n && titled == map->n, "one titled path per district: %zu paths, %zu titled",
          paths, titled);
    CHECK(strstr(s, "role=\"img\"") && strstr(s, "aria-labelledby=\"sl-map-title sl-map-desc\""),
          "the map is an image named by its title and description");
    CHECK(strstr(s, "<title id=\"sl-map-title\">Inspections &amp; &lt;judgements&gt;</title>") != NULL,
          "the title is escaped");
    CHECK(strstr(s, "1 Outstanding, 1 Good, 1 Requires improvement, 1 Inadequate, ") != NULL,
          "the description counts authorities per grade");
    static const struct {
        const char *title, *fill;
    } fills[] = {
        {"Halton: Inadequate", "#d4351c"},
        {"Dorset: Outstanding", "#00703c"},
        {"Trafford: Requires improvement", "#f47738"},
        {"Cambridge (Cambridgeshire): Good", "#85994b"},
        {"Fenland (Cambridgeshire): Good", "#85994b"},
        {"Barnet: Not inspected", "#b1b4b6"},
        {"Cardiff: outside England", "#f3f2f1"},
    };
    for (size_t i = 0; i < sizeof fills / sizeof fills[0]; i++) {
        char fill[16];
        fill_of(s, fills[i].title, fill);
        CHECK(strcmp(fill, fills[i].fill) == 0, "%s is filled %s, not '%s'", fills[i].title,
              fills[i].fill, fill);
    }
    CHECK(strstr(s, ">Outside England (65)</text>") != NULL, "the legend counts districts outside England");
    CHECK(svg.len < 400000, "the map stays small: %zu bytes", svg.len);
    sl_buf_free(&svg);
}

/* Checks malformed GeoJSON is refused and that names are escaped. */
static void check_small_geojson(const sl_authority_table *table)
{
    sl_map map;
    sl_error err = {0};
    CHECK(sl_map_load("{\"type\":", 8, "x.geojson", &map, &err) == -1 && err.set && map.n == 0,
          "truncated JSON is refused");
    sl_error err2 = {0};
    const char *no_names = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                           "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]}}]}";
    CHECK(sl_map_load(no_names, strlen(no_names), "x.geojson", &map, &err2) == -1 &&
              strstr(err2.message, "feature 1") != NULL,
          "a feature without names is refused: %s", err2.message);
    const char *odd = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                      "\"properties\":{\"LAD23CD\":\"E99999999\",\"LAD23NM\":\"A & B <x>\\u0001\"},"
                      "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                      "[[[0,50],[1,50],[1,51],[0,51],[0,50]]]}}]}";
    sl_error err3 = {0};
    CHECK(sl_map_load(odd, strlen(odd), "x.geojson", &map, &err3) == 0 && map.n == 1,
          "one square district loads: %s", err3.message);
    if (map.n == 1) {
        CHECK(strncmp(map.districts[0].path, "M", 1) == 0 && strchr(map.districts[0].path, 'z'),
              "the square has a closed path: %s", map.districts[0].path);
        sl_buf svg = SL_BUF_INIT;
        sl_map_svg(&svg, &map, table, grade_by_name, NULL, NULL);
        CHECK(xml_well_formed(sl_buf_str(&svg)), "odd names still give well-formed XML");
        CHECK(strstr(sl_buf_str(&svg), "<title>A &amp; B &lt;x&gt;?: no children") != NULL,
              "a district's name is escaped and its control byte replaced");
        sl_buf_free(&svg);
    }
    sl_map_free(&map);
}

static void test_map(const sl_authority_table *table)
{
    size_t len;
    char *geojson = read_whole_file(BOUNDARIES_PATH, &len);
    CHECK(geojson != NULL, "read %s", BOUNDARIES_PATH);
    if (!geojson)
        return;
    sl_map map;
    sl_error err = {0};
    double start = now_ms();
    int rc = sl_map_load(geojson, len, BOUNDARIES_PATH, &map, &err);
    sl_buf svg = SL_BUF_INIT;
    if (rc == 0)
        sl_map_svg(&svg, &map, table, grade_by_name, NULL, NULL);
    double elapsed = now_ms() - start;
    sl_buf_free(&svg);
    free(geojson);
    CHECK(rc == 0, "the boundaries load: %s", err.message);
    if (rc != 0)
        return;
    /* The budget is 200 ms in an optimised build; sanitizers are slower. */
    CHECK(elapsed < 2000, "load and draw took %.0f ms", elapsed);
    CHECK(map.n == 361, "361 districts, got %zu", map.n);
    check_joins(&map, table);
    check_every_district_joined(&map, table);
    check_map_svg(&map, table);
    check_small_geojson(table);
    sl_map_free(&map);
}

/* ------------------------------------------------------------------------ */
/* The national picture                                                     */
/* ------------------------------------------------------------------------ */

/* Returns an inspection of an authority published on a day (ending 30 days
 * earlier, starting 14 days before that) with overall and leaders grades;
 * the caller frees it with sl_inspection_free. */
static sl_inspection inspection(const char *authority, const char *framework, const char *published,
                                sl_grade overall, sl_grade leaders)
{
    sl_inspection insp;
    sl_inspection_init(&insp);
    insp.authority = sl_strdup(authority);
    insp.framework = sl_strdup(framework);
    insp.published = day_of(published);
    insp.end = insp.published - 30;
    insp.start = insp.end - 14;
    insp.judgements[SL_JUDGEMENT_OVERALL] = overall;
    insp.judgements[SL_JUDGEMENT_LEADERS] = leaders;
    return insp;
}

static void test_directions(void)
{
#define O SL_GRADE_OUTSTANDING
#define G SL_GRADE_GOOD
#define R SL_GRADE_REQUIRES_IMPROVEMENT
#define I SL_GRADE_INADEQUATE
#define N SL_GRADE_NONE
    static const struct {
        const char *what;
        int has_previous;
        sl_grade prev_overall, prev_leaders, overall, leaders;
        sl_direction expected;
    } cases[] = {
        {"RI to good", 1, R, R, G, G, SL_DIRECTION_IMPROVED},
        {"good to inadequate", 1, G, G, I, I, SL_DIRECTION_DECLINED},
        {"good to good", 1, G, O, G, R, SL_DIRECTION_SAME},
        {"first inspection", 0, N, N, G, G, SL_DIRECTION_FIRST},
        {"post-reform: leaders RI to good", 1, R, R, N, G, SL_DIRECTION_IMPROVED},
        {"post-reform: leaders good to inadequate", 1, G, G, N, I, SL_DIRECTION_DECLINED},
        {"post-reform: leaders the same", 1, N, O, N, O, SL_DIRECTION_SAME},
        {"nothing in common", 1, G, N, N, G, SL_DIRECTION_NOT_COMPARABLE},
    };
#undef O
#undef G
#undef R
#undef I
#undef N
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_inspection before = inspection("Halton", SL_FRAMEWORK_ILACS_STANDARD, "2021-05-01",
                                          cases[i].prev_overall, cases[i].prev_leaders);
        sl_inspection after = inspection("Halton", SL_FRAMEWORK_ILACS_STANDARD, "2025-05-01",
                                         cases[i].overall, cases[i].leaders);
        sl_direction got = sl_national_direction(&after, cases[i].has_previous ? &before : NULL);
        CHECK(got == cases[i].expected, "%s: %s, not %s", cases[i].what,
              sl_direction_name(cases[i].expected), sl_direction_name(got));
        sl_inspection_free(&before);
        sl_inspection_free(&after);
    }
    CHECK(sl_national_direction(NULL, NULL) == SL_DIRECTION_NONE, "no inspection, no direction");
}

static void test_months(void)
{
    static const struct {
        const char *from, *to;
        int months;
    } cases[] = {
        {"2024-01-15", "2024-02-14", 0}, {"2024-01-15", "2024-02-15", 1},
        {"2024-01-31", "2024-02-29", 1}, {"2024-01-31", "2024-02-28", 0},
        {"2023-06-30", "2025-03-01", 20}, {"2025-03-01", "2024-03-01", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int got = sl_months_between(day_of(cases[i].from), day_of(cases[i].to));
        CHECK(got == cases[i].months, "%s to %s is %d months, not %d", cases[i].from, cases[i].to,
              cases[i].months, got);
    }
}

/* Returns the row of the authority with this name, or NULL. */
static const sl_national_row *row_named(const sl_national *n, const char *name)
{
    for (size_t i = 0; i < n->n; i++)
        if (strcmp(n->rows[i].authority->name, name) == 0)
            return &n->rows[i];
    return NULL;
}

/* Returns 1 when every line of text is at most 80 display columns. */
static int fits_80_columns(const char *text)
{
    sl_buf line = SL_BUF_INIT;
    int ok = 1;
    for (const char *p = text; *p && ok;) {
        size_t n = strcspn(p, "\n");
        sl_buf_reset(&line);
        sl_buf_add(&line, p, n);
        ok = sl_utf8_width(sl_buf_str(&line)) <= 80;
        if (!ok)
            fprintf(stderr, "too wide: %s\n", sl_buf_str(&line));
        p += n + (p[n] == '\n');
    }
    sl_buf_free(&line);
    return ok;
}

/* Checks the JSON parses, has a row per authority and the stable keys. */
static void check_national_json(const sl_national *n)
{
    sl_buf out = SL_BUF_INIT;
    sl_national_json(&out, n);
    json_error_t jerr;
    json_t *doc = json_loadb(out.data, out.len, 0, &jerr);
    CHECK(json_is_array(doc) && json_array_size(doc) == n->n, "the JSON is an array of %zu rows: %s",
          n->n, jerr.text);
    static const char *const keys[] = {"authority", "ons_code", "region", "latest", "previous",
                                       "direction", "months_since", "neighbours", "plan_deadline",
                                       "days_left", "plan_summary"};
    size_t missing = 0;
    for (size_t i = 0; i < json_array_size(doc); i++)
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
            missing += json_object_get(json_array_get(doc, i), keys[k]) == NULL;
    CHECK(missing == 0, "every row has every key; %zu missing", missing);
    CHECK(strstr(out.data, "\"authority\":\"Halton\",\"ons_code\":\"E06000006\",\"region\":\"North West\","
                           "\"latest\":{\"start\":\"2024-10-26\",\"end\":\"2024-11-09\","
                           "\"published\":\"2024-12-09\",\"framework\":\"ILACS standard\","
                           "\"judgements\":{\"overall\":\"inadequate\",\"leaders\":\"inadequate\","
                           "\"help_protection\":null,\"in_care\":null,\"care_leavers\":null}},") != NULL,
          "Halton's latest inspection in JSON");
    CHECK(strstr(out.data, "\"direction\":\"declined\",\"months_since\":2,") != NULL,
          "Halton declined two months ago");
    CHECK(strstr(out.data, "\"plan_deadline\":\"2025-03-20\",\"days_left\":48,"
                           "\"plan_summary\":\"12 actions: 2 red, 3 amber\"}") != NULL,
          "Halton's deadline and plan summary in JSON");
    json_decref(doc);
    sl_buf_free(&out);
}

/* Checks the text table: 80 columns, region headings, the summary line. */
static void check_national_text(const sl_national *n)
{
    sl_buf out = SL_BUF_INIT;
    sl_national_text(&out, n);
    const char *s = sl_buf_str(&out);
    CHECK(fits_80_columns(s), "the table fits 80 columns");
    CHECK(strstr(s, "\nNorth West\n") != NULL, "rows are grouped by region");
    CHECK(strstr(s, "Halton               2024-12-09 Inad Good down     2 ") != NULL,
          "Halton's row is aligned");
    CHECK(strstr(s, "2025-03-20    48\n    12 actions: 2 red, 3 amber\n") != NULL,
          "the plan summary follows its row");
    sl_buf_free(&out);
}

/* Sets up inspections of Halton, its neighbours and others, and checks the rows. */
static void test_national_rows(const sl_authority_table *table)
{
    const sl_authority *halton = sl_authority_match(table, "Halton");
    CHECK(halton && halton->n_neighbours >= 4, "Halton has statistical neighbours");
    if (!halton || halton->n_neighbours < 4)
        return;
    enum { N_INSPECTIONS = 12 };
    sl_inspection list[N_INSPECTIONS];
    size_t n = 0;
    list[n++] = inspection("Halton", SL_FRAMEWORK_ILACS_STANDARD, "2019-02-01", SL_GRADE_GOOD, SL_GRADE_GOOD);
    list[n++] = inspection("Halton Borough Council", SL_FRAMEWORK_ILACS_STANDARD, "2024-12-09",
                           SL_GRADE_INADEQUATE, SL_GRADE_INADEQUATE);
    list[n++] = inspection("Halton", SL_FRAMEWORK_MONITORING_VISIT, "2025-01-20", SL_GRADE_NONE, SL_GRADE_NONE);
    /* Published after as_of: not yet known. */
    list[n++] = inspection("Halton", SL_FRAMEWORK_ILACS_STANDARD, "2025-06-01", SL_GRADE_GOOD, SL_GRADE_GOOD);
    static const sl_grade neighbour_grades[] = {SL_GRADE_OUTSTANDING, SL_GRADE_GOOD, SL_GRADE_GOOD,
                                                SL_GRADE_INADEQUATE};
    for (size_t k = 0; k < 4; k++) {
        const sl_authority *nb = sl_authority_by_code(table, halton->neighbours[k]);
        list[n] = inspection(nb ? nb->name : "?", SL_FRAMEWORK_ILACS_SHORT, "2023-03-01",
                             neighbour_grades[k], neighbour_grades[k]);
        free(list[n].authority);
        list[n].authority = NULL;
        list[n++].urn = sl_strdup(nb ? nb->urn : "0");
    }
    list[n++] = inspection("Trafford", SL_FRAMEWORK_ILACS_STANDARD, "2024-06-03",
                           SL_GRADE_REQUIRES_IMPROVEMENT, SL_GRADE_REQUIRES_IMPROVEMENT);
    list[n++] = inspection("Trafford", SL_FRAMEWORK_FOCUSED_VISIT, "2025-01-20", SL_GRADE_NONE, SL_GRADE_NONE);
    list[n++] = inspection("Dorset", SL_FRAMEWORK_ILACS_STANDARD, "2024-06-03", SL_GRADE_NONE, SL_GRADE_GOOD);
    list[n++] = inspection("Atlantis", SL_FRAMEWORK_ILACS_STANDARD, "2024-06-03", SL_GRADE_GOOD, SL_GRADE_GOOD);
    sl_day as_of = day_of("2025-01-31");
    double start = now_ms();
    sl_national national;
    sl_national_build(table, list, n, as_of, &national);
    double elapsed = now_ms() - start;
    CHECK(elapsed < 500, "the national picture took %.1f ms", elapsed);
    CHECK(national.n == table->n && national.unmatched == 1, "%zu rows, %zu unmatched", national.n,
          national.unmatched);
    const sl_national_row *h = row_named(&national, "Halton");
    if (h) {
        CHECK(h->latest == &list[1] && h->previous == &list[0], "Halton's latest and previous");
        CHECK(h->direction == SL_DIRECTION_DECLINED && h->months_since == 2,
              "Halton declined, %d months ago", h->months_since);
        CHECK(h->plan_deadline == day_of("2025-03-20") && h->days_left == 48,
              "70 working days after 9 December 2024, across Christmas, is 20 March 2025");
        CHECK(h->neighbours[SL_GRADE_OUTSTANDING] == 1 && h->neighbours[SL_GRADE_GOOD] == 2 &&
                  h->neighbours[SL_GRADE_REQUIRES_IMPROVEMENT] == 0 &&
                  h->neighbours[SL_GRADE_INADEQUATE] == 1 &&
                  h->neighbours[SL_GRADE_NONE] == (int)halton->n_neighbours - 4,
              "Halton's neighbours counted per grade");
        national.rows[h - national.rows].plan_summary = "12 actions: 2 red, 3 amber";
    }
    const sl_national_row *t = row_named(&national, "Trafford");
    CHECK(t && t->plan_trigger == &list[9] && t->plan_deadline == sl_add_working_days(day_of("2025-01-20"), 20) &&
              t->plan_deadline == day_of("2025-02-17"),
          "a focused visit sets a 20-working-day deadline");
    const sl_national_row *d = row_named(&national, "Dorset");
    CHECK(d && d->headline == SL_GRADE_GOOD && d->direction == SL_DIRECTION_FIRST &&
              d->plan_deadline == SL_NO_DAY,
          "Dorset: good on leaders after the reform, first inspection, no plan due");
    const sl_national_row *b = row_named(&national, "Barnet");
    CHECK(b && !b->latest && b->direction == SL_DIRECTION_NONE && b->months_since == -1,
          "Barnet has no inspection");
    check_national_json(&national);
    check_national_text(&national);
    sl_national_free(&national);
    for (size_t i = 0; i < n; i++)
        sl_inspection_free(&list[i]);
}

void test_national(void)
{
    test_xml_checker();
    test_directions();
    test_months();
    size_t len;
    char *csv = read_whole_file(LOOKUP_PATH, &len);
    CHECK(csv != NULL, "read %s", LOOKUP_PATH);
    if (!csv)
        return;
    sl_authority_table table;
    sl_error err = {0};
    int rc = sl_authority_table_read(csv, len, LOOKUP_PATH, &table, &err);
    free(csv);
    CHECK(rc == 0 && table.n == 156, "156 authorities: %s", err.message);
    if (rc != 0)
        return;
    test_map(&table);
    test_national_rows(&table);
    sl_authority_table_free(&table);
}
