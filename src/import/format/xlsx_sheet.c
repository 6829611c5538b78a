/* xlsx_sheet.c — the first worksheet of an xlsx workbook (see xlsx_sheet.h).
 * The archive is opened from memory with libzip; each XML part is unpacked
 * whole (at most SL_XLSX_MAX_ENTRY bytes) and parsed with expat, names
 * compared by their local part so any namespace prefix will do. */
#include "import/format/xlsx_sheet.h"

#include <expat.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "domain/date.h"
#include "import/format/xml_part.h"
#include "import/format/zip_api.h"
#include "import/format/zip_part.h"
#include "util/mem.h"

#define MAX_ROW 1048576
#define MAX_COL 16384

/* Unpacks the part and parses it through x's handlers; returns 1, 0 when
 * the part is absent, or -1 with err set. */
static int read_part(zip_t *zip, sl_xml_part *x)
{
    char *xml;
    size_t len;
    int found = sl_zip_read_part(zip, x->entry, x->file, &xml, &len, x->err);
    if (found <= 0)
        return found;
    int rc = sl_xml_parse(x, xml, len);
    free(xml);
    return rc < 0 ? -1 : 1;
}

/* Appends text with Excel's escapes undone: "_xHHHH_" stands for the
 * character U+HHHH ("_x000D_" a carriage return, "_x005F_" an underscore).
 * An escape of NUL or of half a surrogate pair is kept as written. */
static void add_unescaped(sl_buf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned code = 0;
        int escape = i + 7 <= n && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_';
        for (size_t k = 2; escape && k < 6; k++) {
            char c = s[i + k];
            int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                               : -1;
            escape = digit >= 0;
            code = code * 16 + (unsigned)(digit >= 0 ? digit : 0);
        }
        if (!escape || code == 0 || (code >= 0xD800 && code <= 0xDFFF)) {
            sl_buf_putc(out, s[i]);
            continue;
        }
        if (code < 0x80) {
            sl_buf_putc(out, (char)code);
        } else if (code < 0x800) {
            sl_buf_putc(out, (char)(0xC0 | (code >> 6)));
            sl_buf_putc(out, (char)(0x80 | (code & 0x3F)));
        } else {
            sl_buf_putc(out, (char)(0xE0 | (code >> 12)));
            sl_buf_putc(out, (char)(0x80 | ((code >> 6) & 0x3F)));
            sl_buf_putc(out, (char)(0x80 | (code & 0x3F)));
        }
        i += 6;
    }
}

/* ------------------------------------------------------------------------ */
/* xl/workbook.xml and relationships                                         */
/* ------------------------------------------------------------------------ */

/* A sheet the workbook lists, or a relationship of a part. */
typedef struct {
    char *a, *b, *c;            /* sheet: name, r:id, "hidden" or ""; relationship: Id, Type, Target */
} triple;

typedef struct {
    triple *items;
    size_t n;
    int date1904;
} triples;

/* Appends a triple of copies of the strings (NULL gives ""). */
static void add_triple(triples *t, const char *a, const char *b, const char *c)
{
    t->items = sl_realloc(t->items, (t->n + 1) * sizeof *t->items);
    t->items[t->n++] = (triple){sl_strdup(a ? a : ""), sl_strdup(b ? b : ""), sl_strdup(c ? c : "")};
}

/* Frees the triples and empties the list. */
static void free_triples(triples *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->items[i].a);
        free(t->items[i].b);
        free(t->items[i].c);
    }
    free(t->items);
    memset(t, 0, sizeof *t);
}

/* workbook.xml: each <sheet name r:id>, and <workbookPr date1904>. */
static void workbook_start(sl_xml_part *x, const char *name, const char **atts)
{
    triples *t = x->state;
    if (strcmp(name, "sheet") == 0) {
        const char *state = sl_xml_attribute(atts, "state", 0);
        add_triple(t, sl_xml_attribute(atts, "name", 0), sl_xml_attribute(atts, "id", 1),
                   state && strcmp(state, "visible") != 0 ? "hidden" : "");
    } else if (strcmp(name, "workbookPr") == 0) {
        const char *d = sl_xml_attribute(atts, "date1904", 0);
        t->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
    }
}

/* A .rels part: each <Relationship Id Type Target> that points inside the package. */
static void rels_start(sl_xml_part *x, const char *name, const char **atts)
{
    const char *mode = sl_xml_attribute(atts, "TargetMode", 0);
    if (strcmp(name, "Relationship") == 0 && !(mode && strcmp(mode, "External") == 0))
        add_triple(x->state, sl_xml_attribute(atts, "Id", 0), sl_xml_attribute(atts, "Type", 0),
                   sl_xml_attribute(atts, "Target", 0));
}

/* Returns 1 when s ends with suffix. */
static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Returns the archive path of a relationship target of a part in xl/
 * ("worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml", "/xl/a.xml" →
 * "xl/a.xml", ".." and "." resolved); the caller frees it. */
static char *resolve_target(const char *target)
{
    sl_buf joined = SL_BUF_INIT;
    if (target[0] == '/')
        sl_buf_puts(&joined, target + 1);
    else
        sl_buf_printf(&joined, "xl/%s", target);
    char *path = sl_buf_take(&joined);
    /* Rebuild the path segment by segment in place: out never passes the
     * segment being read, so each is moved down over what was dropped. */
    size_t out = 0;
    char *seg = path;
    for (int last = 0; !last;) {
        size_t n = strcspn(seg, "/");
        last = seg[n] == '\0';
        char *next = seg + n + !last;
        if (n == 2 && seg[0] == '.' && seg[1] == '.') {
            if (out > 0)
                out--;          /* the '/' after the segment dropped */
            while (out > 0 && path[out - 1] != '/')
                out--;
        } else if (n > 0 && !(n == 1 && seg[0] == '.')) {
            memmove(path + out, seg, n);
            out += n;
            path[out++] = '/';
        }
        seg = next;
    }
    if (out > 0)
        out--;              /* the last segment's '/' */
    path[out] = '\0';
    return path;
}

/* Returns the relationship target (archive path, caller frees) whose Type
 * ends with type and, when id is given, whose Id is id; NULL when none. */
static char *find_rel(const triples *rels, const char *type, const char *id)
{
    for (size_t i = 0; i < rels->n; i++)
        if (ends_with(rels->items[i].b, type) && (!id || strcmp(rels->items[i].a, id) == 0))
            return resolve_target(rels->items[i].c);
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* Shared strings and styles                                                 */
/* ------------------------------------------------------------------------ */

/* sharedStrings.xml: the text of each <si>, from its <t> elements directly
 * or in runs <r>, leaving out phonetic runs <rPh>. */
typedef struct {
    sl_xlsx_sheet *sheet;
    sl_buf raw;                 /* the current <si>'s text, escapes not yet undone */
    int in_si, in_t, in_phonetic;
} strings_reader;

/* Start of an element of sharedStrings.xml. */
static void strings_start(sl_xml_part *x, const char *name, const char **atts)
{
    strings_reader *r = x->state;
    (void)atts;
    if (strcmp(name, "si") == 0) {
        r->in_si = 1;
        sl_buf_reset(&r->raw);
    } else if (strcmp(name, "rPh") == 0) {
        r->in_phonetic++;
    } else if (strcmp(name, "t") == 0 && r->in_si) {
        r->in_t = 1;
    }
}

/* End of an element of sharedStrings.xml: a finished <si> becomes the next string. */
static void strings_end(sl_xml_part *x, const char *name)
{
    strings_reader *r = x->state;
    sl_xlsx_sheet *sheet = r->sheet;
    if (strcmp(name, "t") == 0) {
        r->in_t = 0;
    } else if (strcmp(name, "rPh") == 0 && r->in_phonetic) {
        r->in_phonetic--;
    } else if (strcmp(name, "si") == 0 && r->in_si) {
        r->in_si = 0;
        if (sheet->strings.len + r->raw.len >= SL_XLSX_MAX_ENTRY) {
            sl_xml_fail(x, 0, "%s holds more text than the %u MiB allowed", x->entry, SL_XLSX_MAX_ENTRY >> 20);
            return;
        }
        sheet->string_at = sl_realloc(sheet->string_at, (sheet->n_strings + 1) * sizeof *sheet->string_at);
        sheet->string_at[sheet->n_strings++] = (uint32_t)sheet->strings.len;
        add_unescaped(&sheet->strings, r->raw.data ? r->raw.data : "", r->raw.len);
        sl_buf_putc(&sheet->strings, '\0');
    }
}

/* Text in sharedStrings.xml. */
static void strings_text(sl_xml_part *x, const char *s, int len)
{
    strings_reader *r = x->state;
    if (r->in_si && r->in_t && !r->in_phonetic)
        sl_buf_add(&r->raw, s, (size_t)len);
}

/* styles.xml: which number format each cell style (<cellXfs><xf>) uses, and
 * which custom formats (<numFmt>) show dates. */
typedef struct {
    uint8_t *date_style;        /* per cell style: 1 when its number format is a date */
    uint32_t *style_fill;       /* per cell style: its fill (an sl_xlsx_cell fill) */
    size_t n_styles;
    int *date_formats;          /* custom format ids that are dates */
    size_t n_date_formats;
    uint32_t *fills;            /* per <fill> of <fills>: its solid colour, 0 for none */
    size_t n_fills;
    int in_cell_xfs, in_fills, in_solid;
} styles_reader;

/* The default palette of indexed colours 0–63, as 0xRRGGBB. */
static const uint32_t palette[64] = {
    0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF, 0x00FFFF,
    0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF, 0x00FFFF,
    0x800000, 0x008000, 0x000080, 0x808000, 0x800080, 0x008080, 0xC0C0C0, 0x808080,
    0x9999FF, 0x993366, 0xFFFFCC, 0xCCFFFF, 0x660066, 0xFF8080, 0x0066CC, 0xCCCCFF,
    0x000080, 0xFF00FF, 0xFFFF00, 0x00FFFF, 0x800080, 0x800000, 0x008080, 0x0000FF,
    0x00CCFF, 0xCCFFFF, 0xCCFFCC, 0xFFFF99, 0x99CCFF, 0xFF99CC, 0xCC99FF, 0xFFCC99,
    0x3366FF, 0x33CCCC, 0x99CC00, 0xFFCC00, 0xFF9900, 0xFF6600, 0x666699, 0x969696,
    0x003366, 0x339966, 0x003300, 0x333300, 0x993300, 0x993366, 0x333399, 0x333333,
};

/* The colours of the default Office theme, by theme index (lt1, dk1, lt2,
 * dk2, accent1–6): a workbook's own theme part is not read. */
static const uint32_t theme_colours[10] = {
    0xFFFFFF, 0x000000, 0xE7E6E6, 0x44546A, 0x4472C4,
    0xED7D31, 0xA5A5A5, 0xFFC000, 0x5B9BD5, 0x70AD47,
};

/* Returns the colour a <fgColor> names (rgb, indexed or theme), as a cell
 * fill, or 0 when it names none sightline knows (automatic, system). */
static uint32_t colour_of(const char **atts)
{
    const char *rgb = sl_xml_attribute(atts, "rgb", 0), *indexed = sl_xml_attribute(atts, "indexed", 0);
    const char *theme = sl_xml_attribute(atts, "theme", 0);
    if (rgb && strlen(rgb) >= 6)
        return SL_XLSX_FILLED | (uint32_t)(strtoul(rgb + strlen(rgb) - 6, NULL, 16) & 0xFFFFFF);
    long i = indexed ? strtol(indexed, NULL, 10) : theme ? strtol(theme, NULL, 10) : -1;
    if (indexed && i >= 0 && i < 64)
        return SL_XLSX_FILLED | palette[i];
    if (theme && i >= 0 && i < 10)
        return SL_XLSX_FILLED | theme_colours[i];
    return 0;
}

/* Returns 1 when a number format code shows a date: a d or y outside
 * quoted text, escapes and [brackets] (colours, locales, elapsed hours), or
 * an m (month) in a code with no h or s (where m would be minutes). */
static int format_is_date(const char *code)
{
    int day_or_year = 0, month = 0, time = 0;
    for (const char *p = code; *p; p++) {
        if (*p == '"') {
            while (p[1] && p[1] != '"')
                p++;
            if (p[1])
                p++;
        } else if (*p == '\\' || *p == '_' || *p == '*') {
            if (p[1])
                p++;
        } else if (*p == '[') {
            while (p[1] && p[1] != ']')
                p++;
        } else if (*p == ';') {
            break;          /* the first section decides */
        } else if (strchr("dDyY", *p)) {
            day_or_year = 1;
        } else if (*p == 'm' || *p == 'M') {
            month = 1;
        } else if (strchr("hHsS", *p)) {
            time = 1;
        }
    }
    return day_or_year || (month && !time);
}

/* Returns 1 when a built-in number format id shows a date (14–17, 22, and
 * the East Asian date formats), not a time of day alone (18–21, 45–47). */
static int builtin_is_date(long id)
{
    return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

/* Start of an element of styles.xml. */
static void styles_start(sl_xml_part *x, const char *name, const char **atts)
{
    styles_reader *r = x->state;
    if (strcmp(name, "numFmt") == 0) {
        const char *id = sl_xml_attribute(atts, "numFmtId", 0), *code = sl_xml_attribute(atts, "formatCode", 0);
        if (id && code && format_is_date(code)) {
            r->date_formats = sl_realloc(r->date_formats, (r->n_date_formats + 1) * sizeof *r->date_formats);
            r->date_formats[r->n_date_formats++] = (int)strtol(id, NULL, 10);
        }
    } else if (strcmp(name, "fills") == 0) {
        r->in_fills = 1;
    } else if (strcmp(name, "fill") == 0 && r->in_fills) {
        r->fills = sl_realloc(r->fills, (r->n_fills + 1) * sizeof *r->fills);
        r->fills[r->n_fills++] = 0;
        r->in_solid = 0;
    } else if (strcmp(name, "patternFill") == 0 && r->in_fills && r->n_fills) {
        const char *type = sl_xml_attribute(atts, "patternType", 0);
        r->in_solid = type && strcmp(type, "none") != 0 && strcmp(type, "gray125") != 0;
    } else if (strcmp(name, "fgColor") == 0 && r->in_fills && r->in_solid) {
        r->fills[r->n_fills - 1] = colour_of(atts);
    } else if (strcmp(name, "cellXfs") == 0) {
        r->in_cell_xfs = 1;
    } else if (strcmp(name, "xf") == 0 && r->in_cell_xfs) {
        const char *fill_text = sl_xml_attribute(atts, "fillId", 0);
        long fill = fill_text ? strtol(fill_text, NULL, 10) : 0;
        r->style_fill = sl_realloc(r->style_fill, (r->n_styles + 1) * sizeof *r->style_fill);
        r->style_fill[r->n_styles] = fill >= 0 && (size_t)fill < r->n_fills ? r->fills[fill] : 0;
        const char *id_text = sl_xml_attribute(atts, "numFmtId", 0);
        long id = id_text ? strtol(id_text, NULL, 10) : 0;
        int date = builtin_is_date(id);
        for (size_t i = 0; !date && i < r->n_date_formats; i++)
            date = r->date_formats[i] == id;
        r->date_style = sl_realloc(r->date_style, r->n_styles + 1);
        r->date_style[r->n_styles++] = (uint8_t)date;
    }
}

/* End of an element of styles.xml. */
static void styles_end(sl_xml_part *x, const char *name)
{
    styles_reader *r = x->state;
    if (strcmp(name, "cellXfs") == 0)
        r->in_cell_xfs = 0;
    else if (strcmp(name, "fills") == 0)
        r->in_fills = 0;
}

/* ------------------------------------------------------------------------ */
/* The worksheet                                                             */
/* ------------------------------------------------------------------------ */

typedef struct {
    sl_xlsx_sheet *sheet;
    const styles_reader *styles;
    sl_buf value;               /* the current cell's <v> or inline string text */
    size_t text_total;          /* bytes of text the cells hold so far */
    long row;                   /* the current row (1-based), 0 before the first */
    long col;                   /* the current cell's column (0-based), -1 at a row's start */
    char type[16];              /* the current cell's t attribute */
    long style;                 /* its s attribute */
    int in_cell, in_value, in_inline, in_t, in_phonetic, has_value;
} sheet_reader;

/* Reads a cell reference such as "C7" into a 0-based column and a row;
 * returns 0, or -1 when it is no reference within a sheet's bounds. */
static int parse_ref(const char *ref, long *col, long *row)
{
    long c = 0, r = 0;
    const char *p = ref;
    while (*p >= 'A' && *p <= 'Z' && c <= MAX_COL)
        c = c * 26 + (*p++ - 'A' + 1);
    if (p == ref || c > MAX_COL || p - ref > 3)
        return -1;
    const char *digits = p;
    while (*p >= '0' && *p <= '9' && r <= MAX_ROW)
        r = r * 10 + (*p++ - '0');
    if (p == digits || *p || r < 1 || r > MAX_ROW)
        return -1;
    *col = c - 1;
    *row = r;
    return 0;
}

/* Writes a cell's A1-style name into out. */
static void ref_name(long col, long row, char out[16])
{
    char letters[4];
    int n = 0;
    for (long c = col + 1; c > 0 && n < 3; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    int k = 0;
    while (n > 0)
        out[k++] = letters[--n];
    snprintf(out + k, (size_t)(16 - k), "%ld", row);
}

/* Adds a merged range ("A3:A7") to the sheet; a range that is no range of
 * a sheet is an error. */
static void add_merge(sl_xml_part *x, sl_xlsx_sheet *sheet, const char *ref)
{
    const char *colon = ref ? strchr(ref, ':') : NULL;
    long c1, r1, c2, r2;
    char first[16];
    if (colon && (size_t)(colon - ref) < sizeof first) {
        memcpy(first, ref, (size_t)(colon - ref));
        first[colon - ref] = '\0';
    }
    if (!colon || (size_t)(colon - ref) >= sizeof first || parse_ref(first, &c1, &r1) < 0 ||
        parse_ref(colon + 1, &c2, &r2) < 0 || c2 < c1 || r2 < r1) {
        sl_xml_fail(x, 0, "%s: merged range '%s' is not a range of a sheet", x->entry, ref ? ref : "");
        return;
    }
    sheet->merges = sl_realloc(sheet->merges, (sheet->n_merges + 1) * sizeof *sheet->merges);
    sheet->merges[sheet->n_merges++] =
        (sl_xlsx_merge){(int32_t)r1, (int32_t)r2, (uint16_t)c1, (uint16_t)c2};
}

/* Start of an element of the worksheet. */
static void sheet_start(sl_xml_part *x, const char *name, const char **atts)
{
    sheet_reader *r = x->state;
    if (strcmp(name, "row") == 0) {
        const char *at = sl_xml_attribute(atts, "r", 0);
        char *end = NULL;
        long row = at ? strtol(at, &end, 10) : r->row + 1;
        if ((at && (end == at || *end)) || row < 1 || row > MAX_ROW) {
            sl_xml_fail(x, 0, "%s: row number '%s' is not a row of a sheet", x->entry,
                     at ? at : "after the last");
            return;
        }
        r->row = row;
        r->col = -1;
    } else if (strcmp(name, "c") == 0) {
        if (r->row < 1) {
            sl_xml_fail(x, 0, "%s: a cell outside any row", x->entry);
            return;
        }
        const char *ref = sl_xml_attribute(atts, "r", 0), *type = sl_xml_attribute(atts, "t", 0);
        const char *style = sl_xml_attribute(atts, "s", 0);
        long col = r->col + 1, row = r->row;
        if (ref && parse_ref(ref, &col, &row) < 0) {
            sl_xml_fail(x, r->row, "'%s' is not a cell of a sheet (A1 to XFD1048576)", ref);
            return;
        }
        if (col >= MAX_COL) {
            sl_xml_fail(x, r->row, "the row has more than the %d columns of a sheet", MAX_COL);
            return;
        }
        r->col = col;
        snprintf(r->type, sizeof r->type, "%s", type ? type : "n");
        r->style = style ? strtol(style, NULL, 10) : 0;
        r->in_cell = 1;
        r->has_value = 0;
        sl_buf_reset(&r->value);
    } else if (strcmp(name, "mergeCell") == 0) {
        add_merge(x, r->sheet, sl_xml_attribute(atts, "ref", 0));
    } else if (r->in_cell && strcmp(name, "v") == 0) {
        r->in_value = 1;
        r->has_value = 1;
    } else if (r->in_cell && strcmp(name, "is") == 0) {
        r->in_inline = 1;
        r->has_value = 1;
    } else if (r->in_inline && strcmp(name, "rPh") == 0) {
        r->in_phonetic++;
    } else if (r->in_inline && strcmp(name, "t") == 0) {
        r->in_t = 1;
    }
}

/* Returns 1 when s (NUL-terminated) is a whole finite number; sets *value. */
static int is_number(const char *s, double *value)
{
    char *end;
    while (*s == ' ')
        s++;
    if (!*s)
        return 0;
    *value = strtod(s, &end);
    while (*end == ' ')
        end++;
    return !*end && isfinite(*value);
}

/* Adds the finished current cell to the sheet (nothing for a cell with no value). */
static void finish_cell(sl_xml_part *x, sheet_reader *r)
{
    sl_xlsx_sheet *sheet = r->sheet;
    uint32_t fill = r->style >= 0 && (size_t)r->style < r->styles->n_styles
                        ? r->styles->style_fill[r->style] : 0;
    if (!r->has_value && !fill)
        return;
    const char *value = r->has_value ? sl_buf_str(&r->value) : "";
    sl_xlsx_cell cell = {.row = (int32_t)r->row, .col = (uint16_t)r->col, .kind = SL_XLSX_TEXT,
                         .fill = fill};
    size_t size;
    double number;
    if (r->has_value && strcmp(r->type, "s") == 0) {
        char *end;
        unsigned long index = strtoul(value, &end, 10);
        char where[16];
        ref_name(r->col, r->row, where);
        if (end == value || *end || index >= sheet->n_strings) {
            sl_xml_fail(x, r->row, "cell %s names shared string '%s', and the workbook has %zu", where,
                     value, sheet->n_strings);
            return;
        }
        cell.shared = 1;
        cell.text = (uint32_t)index;
        size = strlen(sheet->strings.data + sheet->string_at[index]);
    } else {
        cell.text = (uint32_t)sheet->text.len;
        if (!r->has_value) {
            /* a filled cell with nothing in it: its colour alone */
        } else if (strcmp(r->type, "inlineStr") == 0 || strcmp(r->type, "str") == 0) {
            add_unescaped(&sheet->text, value, r->value.len);
        } else if (strcmp(r->type, "b") == 0) {
            sl_buf_puts(&sheet->text, strcmp(value, "1") == 0 ? "TRUE" : "FALSE");
        } else if (strcmp(r->type, "n") == 0 && is_number(value, &number)) {
            int date = r->style >= 0 && (size_t)r->style < r->styles->n_styles &&
                       r->styles->date_style[r->style];
            cell.kind = date ? SL_XLSX_DATE : SL_XLSX_NUMBER;
            sl_buf_puts(&sheet->text, value);
        } else {
            cell.kind = strcmp(r->type, "d") == 0 ? SL_XLSX_ISO_DATE : SL_XLSX_TEXT;
            sl_buf_puts(&sheet->text, value);
        }
        size = sheet->text.len - cell.text;
        sl_buf_putc(&sheet->text, '\0');
    }
    r->text_total += size;
    if (r->text_total > SL_XLSX_MAX_TEXT || sheet->text.len >= UINT32_MAX) {
        sl_xml_fail(x, r->row, "the cells of %s hold more than %u MiB of text", x->entry, SL_XLSX_MAX_TEXT >> 20);
        return;
    }
    sheet->cells = sl_realloc(sheet->cells, (sheet->n_cells + 1) * sizeof *sheet->cells);
    sheet->cells[sheet->n_cells++] = cell;
}

/* End of an element of the worksheet. */
static void sheet_end(sl_xml_part *x, const char *name)
{
    sheet_reader *r = x->state;
    if (strcmp(name, "v") == 0) {
        r->in_value = 0;
    } else if (strcmp(name, "t") == 0) {
        r->in_t = 0;
    } else if (strcmp(name, "rPh") == 0 && r->in_phonetic) {
        r->in_phonetic--;
    } else if (strcmp(name, "is") == 0) {
        r->in_inline = 0;
    } else if (strcmp(name, "c") == 0 && r->in_cell) {
        r->in_cell = 0;
        finish_cell(x, r);
    }
}

/* Text in the worksheet: a value, or an inline string's text. */
static void sheet_text(sl_xml_part *x, const char *s, int len)
{
    sheet_reader *r = x->state;
    if (r->in_cell && (r->in_value || (r->in_inline && r->in_t && !r->in_phonetic)))
        sl_buf_add(&r->value, s, (size_t)len);
}

/* Orders cells by row, then column. */
static int compare_cells(const void *a, const void *b)
{
    const sl_xlsx_cell *x = a, *y = b;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    return (x->col > y->col) - (x->col < y->col);
}

/* Puts the cells in order; returns 0, or -1 with err set when a cell is given twice. */
static int order_cells(sl_xlsx_sheet *sheet, const char *file, const char *entry, sl_error *err)
{
    int sorted = 1;
    for (size_t i = 1; sorted && i < sheet->n_cells; i++)
        sorted = compare_cells(&sheet->cells[i - 1], &sheet->cells[i]) < 0;
    if (sorted)
        return 0;
    qsort(sheet->cells, sheet->n_cells, sizeof *sheet->cells, compare_cells);
    for (size_t i = 1; i < sheet->n_cells; i++)
        if (compare_cells(&sheet->cells[i - 1], &sheet->cells[i]) == 0) {
            char where[16];
            ref_name(sheet->cells[i].col, sheet->cells[i].row, where);
            return sl_fail_at(err, file, sheet->cells[i].row, "cell %s is given twice in %s", where, entry);
        }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* The workbook                                                              */
/* ------------------------------------------------------------------------ */

/* Finds the first worksheet: its archive path (caller frees) and name
 * (into sheet->name). Returns 0, or -1 with err set. */
static int find_sheet(zip_t *zip, const char *file, sl_xlsx_sheet *sheet, triples *rels,
                      char **path, sl_error *err)
{
    triples book = {0};
    sl_xml_part x = {.file = file, .entry = "xl/workbook.xml", .err = err, .start = workbook_start,
                  .state = &book};
    int found = read_part(zip, &x);
    if (found == 0)
        sl_fail_at(err, file, 0, "a zip archive, but not an xlsx workbook: it has no xl/workbook.xml");
    sl_xml_part xr = {.file = file, .entry = "xl/_rels/workbook.xml.rels", .err = err,
                   .start = rels_start, .state = rels};
    if (found > 0)
        found = read_part(zip, &xr) < 0 ? -1 : 1;
    *path = NULL;
    for (size_t i = 0; found > 0 && i < book.n; i++) {
        if (*book.items[i].c) {
            sheet->hidden = sl_realloc(sheet->hidden, (sheet->n_hidden + 1) * sizeof *sheet->hidden);
            sheet->hidden[sheet->n_hidden++] = sl_strdup(book.items[i].a);
        } else if (!*path && (*path = find_rel(rels, "/worksheet", book.items[i].b))) {
            sheet->name = sl_strdup(book.items[i].a);
        }
    }
    if (found > 0 && !*path && book.n && sheet->n_hidden == book.n)
        found = sl_fail_at(err, file, 0, "every sheet of the workbook is hidden (%s%s): unhide"
                           " the plan's sheet in a spreadsheet and import it again",
                           book.items[0].a, book.n > 1 ? ", …" : "");
    if (found > 0 && !*path && sl_zip_has(zip, "xl/worksheets/sheet1.xml")) {
        *path = sl_strdup("xl/worksheets/sheet1.xml");
        sheet->name = sl_strdup(book.n ? book.items[0].a : "");
    }
    if (found > 0 && !*path)
        found = sl_fail_at(err, file, 0, "the workbook has no worksheet");
    sheet->date1904 = book.date1904;
    free_triples(&book);
    return found > 0 ? 0 : -1;
}

/* Reads the shared strings and the styles the sheet's cells refer to;
 * returns 0, or -1 with err set. */
static int read_strings_and_styles(zip_t *zip, const char *file, const triples *rels,
                                   sl_xlsx_sheet *sheet, styles_reader *styles, sl_error *err)
{
    char *path = find_rel(rels, "/sharedStrings", NULL);
    strings_reader sr = {.sheet = sheet};
    sl_xml_part xs = {.file = file, .entry = path ? path : "xl/sharedStrings.xml", .err = err,
                   .start = strings_start, .end = strings_end, .text = strings_text, .state = &sr};
    int rc = read_part(zip, &xs);
    sl_buf_free(&sr.raw);
    free(path);
    if (rc < 0)
        return -1;
    path = find_rel(rels, "/styles", NULL);
    sl_xml_part xt = {.file = file, .entry = path ? path : "xl/styles.xml", .err = err,
                   .start = styles_start, .end = styles_end, .state = styles};
    rc = read_part(zip, &xt);
    free(path);
    return rc < 0 ? -1 : 0;
}

int sl_xlsx_read(const char *data, size_t len, const char *file, sl_xlsx_sheet *sheet,
                 sl_error *err)
{
    memset(sheet, 0, sizeof *sheet);
    if (sl_zip_load(err) < 0)
        return -1;
    zip_t *zip = sl_zip_open(data, len, file, "xlsx workbook", err);
    if (!zip)
        return -1;
    triples rels = {0};
    styles_reader styles = {0};
    char *path = NULL;
    int rc = find_sheet(zip, file, sheet, &rels, &path, err);
    if (rc == 0)
        rc = read_strings_and_styles(zip, file, &rels, sheet, &styles, err);
    if (rc == 0) {
        sheet_reader sr = {.sheet = sheet, .styles = &styles};
        sl_xml_part xs = {.file = file, .entry = path, .err = err, .start = sheet_start,
                       .end = sheet_end, .text = sheet_text, .state = &sr};
        int found = read_part(zip, &xs);
        if (found == 0)
            sl_fail_at(err, file, 0, "the workbook names %s for sheet '%s', and the file has no such part",
                       path, sheet->name);
        sl_buf_free(&sr.value);
        rc = found > 0 ? order_cells(sheet, file, path, err) : -1;
    }
    zip_discard(zip);
    free(path);
    free_triples(&rels);
    free(styles.date_style);
    free(styles.style_fill);
    free(styles.fills);
    free(styles.date_formats);
    if (rc < 0)
        sl_xlsx_free(sheet);
    else if (!sheet->name)
        sheet->name = sl_strdup("");
    return rc;
}

char *sl_xlsx_text(const sl_xlsx_sheet *sheet, const sl_xlsx_cell *cell)
{
    return cell->shared ? sheet->strings.data + sheet->string_at[cell->text]
                        : sheet->text.data + cell->text;
}

const sl_xlsx_cell *sl_xlsx_cell_at(const sl_xlsx_sheet *sheet, int32_t row, uint16_t col)
{
    sl_xlsx_cell key = {.row = row, .col = col};
    return bsearch(&key, sheet->cells, sheet->n_cells, sizeof key, compare_cells);
}

void sl_xlsx_free(sl_xlsx_sheet *sheet)
{
    for (size_t i = 0; i < sheet->n_hidden; i++)
        free(sheet->hidden[i]);
    free(sheet->hidden);
    free(sheet->merges);
    free(sheet->name);
    free(sheet->cells);
    sl_buf_free(&sheet->text);
    sl_buf_free(&sheet->strings);
    free(sheet->string_at);
    memset(sheet, 0, sizeof *sheet);
}

int sl_xlsx_serial_date(double serial, int date1904, char out[11])
{
    if (!isfinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2958466)
        return -1;
    long days = (long)floor(serial);
    if (!date1904 && days == 60) {
        memcpy(out, "1900-02-29", 11);
        return 0;
    }
    sl_day day = date1904 ? sl_day_from_ymd(1904, 1, 1) + (sl_day)days
                 : days < 60 ? sl_day_from_ymd(1899, 12, 31) + (sl_day)days
                             : sl_day_from_ymd(1899, 12, 30) + (sl_day)days;
    int year;
    sl_day_to_ymd(day, &year, NULL, NULL);
    if (year > 9999)
        return -1;
    sl_day_format(day, out);
    return 0;
}

void sl_xlsx_number(double value, char out[32])
{
    if (value == 0)
        value = 0;          /* no "-0" */
    snprintf(out, 32, "%.15g", value);
}
