/* docx_styles.c — heading levels and list numbering of a Word document
 * (see docx_styles.h). */
#include <zip.h>

#include "import/format/docx_styles.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "import/format/xml_part.h"
#include "import/format/zip_part.h"
#include "util/mem.h"

/* Number formats (w:numFmt) the labels are written in. */
enum { FMT_DECIMAL = 0, FMT_BULLET, FMT_NONE, FMT_LOWER_LETTER, FMT_UPPER_LETTER, FMT_LOWER_ROMAN,
       FMT_UPPER_ROMAN, FMT_ZERO_DECIMAL };

/* Lists and instances past this many are not read (no document has so many). */
#define MAX_LISTS 4096

/* Returns a number attribute's value, or fallback when absent or not a number. */
static int int_attr(const char **atts, const char *name, int fallback)
{
    const char *v = sl_xml_attr(atts, name);
    char *end;
    long n = v ? strtol(v, &end, 10) : 0;
    return v && end != v && n > -1000000 && n < 1000000 ? (int)n : fallback;
}

/* Returns the format code of a w:numFmt value. */
static int format_code(const char *v)
{
    static const struct {
        const char *name;
        int code;
    } names[] = {{"bullet", FMT_BULLET},          {"none", FMT_NONE},
                 {"lowerLetter", FMT_LOWER_LETTER}, {"upperLetter", FMT_UPPER_LETTER},
                 {"lowerRoman", FMT_LOWER_ROMAN},   {"upperRoman", FMT_UPPER_ROMAN},
                 {"decimalZero", FMT_ZERO_DECIMAL}};
    for (size_t i = 0; v && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(v, names[i].name) == 0)
            return names[i].code;
    return FMT_DECIMAL;
}

/* ------------------------------------------------------------------------ */
/* styles.xml                                                                */
/* ------------------------------------------------------------------------ */

typedef struct {
    sl_docx_styles *s;
    sl_docx_style *cur;         /* the paragraph style being read, NULL outside one */
    int in_ppr;
} styles_reader;

/* Returns the heading level a style's name gives ("heading 2" → 2, "Title" → 1), -1 for none. */
static int level_from_name(const char *name)
{
    if (strncmp(name, "heading ", 8) == 0 || strncmp(name, "Heading ", 8) == 0) {
        int n = name[8] - '0';
        return n >= 1 && n <= 9 && name[9] == '\0' ? n : -1;
    }
    return strcmp(name, "Title") == 0 || strcmp(name, "title") == 0 ? 1 : -1;
}

/* Start of an element of styles.xml. */
static void styles_start(sl_xml_part *x, const char *name, const char **atts)
{
    styles_reader *r = x->state;
    sl_docx_styles *s = r->s;
    if (strcmp(name, "style") == 0) {
        const char *type = sl_xml_attr(atts, "type"), *id = sl_xml_attr(atts, "styleId");
        r->cur = NULL;
        if (!id || (type && strcmp(type, "paragraph") != 0) || s->n_styles >= MAX_LISTS)
            return;
        s->styles = sl_realloc(s->styles, (s->n_styles + 1) * sizeof *s->styles);
        r->cur = &s->styles[s->n_styles++];
        *r->cur = (sl_docx_style){sl_strdup(id), NULL, -1, -1, 0};
    } else if (!r->cur) {
        return;
    } else if (strcmp(name, "name") == 0 && sl_xml_attr(atts, "val") && r->cur->heading < 0) {
        r->cur->heading = level_from_name(sl_xml_attr(atts, "val"));
    } else if (strcmp(name, "basedOn") == 0 && sl_xml_attr(atts, "val") && !r->cur->based_on) {
        r->cur->based_on = sl_strdup(sl_xml_attr(atts, "val"));
    } else if (strcmp(name, "pPr") == 0) {
        r->in_ppr = 1;
    } else if (r->in_ppr && strcmp(name, "outlineLvl") == 0) {
        int lvl = int_attr(atts, "val", 9);
        r->cur->heading = lvl >= 0 && lvl < 9 ? lvl + 1 : 0;
    } else if (r->in_ppr && strcmp(name, "numId") == 0) {
        r->cur->num_id = int_attr(atts, "val", -1);
    } else if (r->in_ppr && strcmp(name, "ilvl") == 0) {
        r->cur->ilvl = int_attr(atts, "val", 0);
    }
}

/* End of an element of styles.xml. */
static void styles_end(sl_xml_part *x, const char *name)
{
    styles_reader *r = x->state;
    if (strcmp(name, "style") == 0)
        r->cur = NULL;
    else if (strcmp(name, "pPr") == 0)
        r->in_ppr = 0;
}

/* Returns the style with this id, or NULL. */
static const sl_docx_style *find_style(const sl_docx_styles *s, const char *id)
{
    for (size_t i = 0; id && i < s->n_styles; i++)
        if (strcmp(s->styles[i].id, id) == 0)
            return &s->styles[i];
    return NULL;
}

int sl_docx_style_heading(const sl_docx_styles *s, const char *id)
{
    const sl_docx_style *st = find_style(s, id);
    for (int hops = 0; st && hops < 16; hops++) {
        if (st->heading >= 0)
            return st->heading;
        st = find_style(s, st->based_on);
    }
    return 0;
}

void sl_docx_style_numbering(const sl_docx_styles *s, const char *id, int *num_id, int *ilvl)
{
    const sl_docx_style *st = find_style(s, id);
    *num_id = -1;
    *ilvl = 0;
    for (int hops = 0; st && hops < 16; hops++) {
        if (st->num_id >= 0) {
            *num_id = st->num_id;
            *ilvl = st->ilvl;
            return;
        }
        st = find_style(s, st->based_on);
    }
}

/* ------------------------------------------------------------------------ */
/* numbering.xml                                                             */
/* ------------------------------------------------------------------------ */

typedef struct {
    sl_docx_styles *s;
    sl_docx_list *list;         /* the w:abstractNum being read */
    sl_docx_num *num;           /* the w:num being read */
    int level;                  /* the w:lvl (or w:lvlOverride) being read, -1 outside */
} numbering_reader;

/* Starts reading a w:abstractNum. */
static void open_list(numbering_reader *r, const char **atts)
{
    sl_docx_styles *s = r->s;
    r->list = NULL;
    if (s->n_lists >= MAX_LISTS)
        return;
    s->lists = sl_realloc(s->lists, (s->n_lists + 1) * sizeof *s->lists);
    r->list = &s->lists[s->n_lists++];
    memset(r->list, 0, sizeof *r->list);
    r->list->id = int_attr(atts, "abstractNumId", -1);
    for (int i = 0; i < SL_DOCX_LEVELS; i++)
        r->list->levels[i].start = 1;
}

/* Starts reading a w:num. */
static void open_num(numbering_reader *r, const char **atts)
{
    sl_docx_styles *s = r->s;
    r->num = NULL;
    if (s->n_nums >= MAX_LISTS)
        return;
    s->nums = sl_realloc(s->nums, (s->n_nums + 1) * sizeof *s->nums);
    r->num = &s->nums[s->n_nums++];
    memset(r->num, 0, sizeof *r->num);
    r->num->id = int_attr(atts, "numId", -1);
    r->num->list = -1;
    for (int i = 0; i < SL_DOCX_LEVELS; i++)
        r->num->start[i] = -1;
}

/* Reads a child of a w:lvl of the list being read. */
static void level_detail(numbering_reader *r, const char *name, const char **atts)
{
    sl_docx_level *l = &r->list->levels[r->level];
    const char *val = sl_xml_attr(atts, "val");
    if (strcmp(name, "start") == 0)
        l->start = int_attr(atts, "val", 1);
    else if (strcmp(name, "numFmt") == 0)
        l->format = format_code(val);
    else if (strcmp(name, "lvlText") == 0 && val) {
        free(l->text);
        l->text = sl_strdup(val);
    }
}

/* Start of an element of numbering.xml. */
static void numbering_start(sl_xml_part *x, const char *name, const char **atts)
{
    numbering_reader *r = x->state;
    if (strcmp(name, "abstractNum") == 0) {
        open_list(r, atts);
    } else if (strcmp(name, "num") == 0) {
        open_num(r, atts);
    } else if (strcmp(name, "lvl") == 0 || strcmp(name, "lvlOverride") == 0) {
        int lvl = int_attr(atts, "ilvl", -1);
        r->level = lvl >= 0 && lvl < SL_DOCX_LEVELS ? lvl : -1;
    } else if (r->num && strcmp(name, "abstractNumId") == 0) {
        r->num->list = int_attr(atts, "val", -1);
    } else if (r->num && r->level >= 0 && strcmp(name, "startOverride") == 0) {
        r->num->start[r->level] = int_attr(atts, "val", 1);
    } else if (r->list && r->level >= 0 && !r->num) {
        level_detail(r, name, atts);
    }
}

/* End of an element of numbering.xml. */
static void numbering_end(sl_xml_part *x, const char *name)
{
    numbering_reader *r = x->state;
    if (strcmp(name, "abstractNum") == 0)
        r->list = NULL;
    else if (strcmp(name, "num") == 0)
        r->num = NULL;
    else if (strcmp(name, "lvl") == 0 || strcmp(name, "lvlOverride") == 0)
        r->level = -1;
}

int sl_docx_styles_parse(const char *styles_xml, size_t styles_len, const char *numbering_xml,
                         size_t numbering_len, const char *file, sl_docx_styles *s, sl_error *err)
{
    memset(s, 0, sizeof *s);
    styles_reader sr = {.s = s};
    sl_xml_part xs = {.file = file, .entry = "word/styles.xml", .err = err, .start = styles_start,
                      .end = styles_end, .state = &sr};
    if (styles_xml && sl_xml_parse(&xs, styles_xml, styles_len) < 0)
        return -1;
    numbering_reader nr = {.s = s, .level = -1};
    sl_xml_part xn = {.file = file, .entry = "word/numbering.xml", .err = err,
                      .start = numbering_start, .end = numbering_end, .state = &nr};
    return numbering_xml ? sl_xml_parse(&xn, numbering_xml, numbering_len) : 0;
}

int sl_docx_styles_read(zip_t *zip, const char *file, sl_docx_styles *s, sl_error *err)
{
    char *styles = NULL, *numbering = NULL;
    size_t styles_len = 0, numbering_len = 0;
    int rc = -1;
    memset(s, 0, sizeof *s);
    if (sl_zip_read_part(zip, "word/styles.xml", file, &styles, &styles_len, err) >= 0 &&
        sl_zip_read_part(zip, "word/numbering.xml", file, &numbering, &numbering_len, err) >= 0)
        rc = sl_docx_styles_parse(styles, styles_len, numbering, numbering_len, file, s, err);
    free(styles);
    free(numbering);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Labels                                                                    */
/* ------------------------------------------------------------------------ */

/* Appends n (1 and more) as Roman numerals, in upper or lower case. */
static void add_roman(sl_buf *out, int n, int upper)
{
    static const struct {
        int value;
        const char *text;
    } digits[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
                  {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
    for (size_t i = 0; i < sizeof digits / sizeof digits[0] && n > 0 && n < 4000; i++)
        for (; n >= digits[i].value; n -= digits[i].value)
            for (const char *c = digits[i].text; *c; c++)
                sl_buf_putc(out, upper ? (char)toupper((unsigned char)*c) : *c);
}

/* Appends n in a level's format ("3", "c", "iii", "C", "III", "03"). */
static void add_number(sl_buf *out, int n, int format)
{
    if (format == FMT_LOWER_LETTER || format == FMT_UPPER_LETTER) {
        /* a … z, then aa … zz, as Word counts */
        int letter = n > 0 ? (n - 1) % 26 : 0, times = n > 0 ? (n - 1) / 26 + 1 : 1;
        for (int i = 0; i < times && i < 8; i++)
            sl_buf_putc(out, (char)((format == FMT_UPPER_LETTER ? 'A' : 'a') + letter));
    } else if (format == FMT_LOWER_ROMAN || format == FMT_UPPER_ROMAN) {
        add_roman(out, n, format == FMT_UPPER_ROMAN);
    } else {
        sl_buf_cprintf(out, format == FMT_ZERO_DECIMAL && n < 10 ? "0%d" : "%d", n);
    }
}

/* Returns the list definition with this id, or NULL. */
static sl_docx_list *find_list(sl_docx_styles *s, int id)
{
    for (size_t i = 0; i < s->n_lists; i++)
        if (s->lists[i].id == id)
            return &s->lists[i];
    return NULL;
}

/* Returns the list instance with this id, or NULL. */
static sl_docx_num *find_num(sl_docx_styles *s, int id)
{
    for (size_t i = 0; i < s->n_nums; i++)
        if (s->nums[i].id == id)
            return &s->nums[i];
    return NULL;
}

/* Appends a level's label text with each %k replaced by level k's count. */
static void add_label(sl_buf *out, const sl_docx_list *l, const char *text)
{
    for (const char *p = text; *p; p++) {
        int k = p[0] == '%' && p[1] >= '1' && p[1] <= '9' ? p[1] - '1' : -1;
        if (k < 0) {
            sl_buf_putc(out, *p);
            continue;
        }
        add_number(out, l->count[k] ? l->count[k] : l->levels[k].start, l->levels[k].format);
        p++;
    }
}

void sl_docx_number(sl_docx_styles *s, int num_id, int ilvl, sl_buf *out)
{
    sl_docx_num *num = num_id > 0 ? find_num(s, num_id) : NULL;
    sl_docx_list *l = num ? find_list(s, num->list) : NULL;
    if (!l || ilvl < 0 || ilvl >= SL_DOCX_LEVELS)
        return;
    if (!num->started) {
        num->started = 1;
        for (int i = 0; i < SL_DOCX_LEVELS; i++)
            if (num->start[i] >= 0)
                l->count[i] = num->start[i] - 1;
    }
    const sl_docx_level *lv = &l->levels[ilvl];
    l->count[ilvl] = l->count[ilvl] ? l->count[ilvl] + 1 : lv->start;
    for (int i = ilvl + 1; i < SL_DOCX_LEVELS; i++)
        l->count[i] = 0;
    if (lv->format == FMT_BULLET)
        sl_buf_puts(out, "\xE2\x80\xA2");
    else if (lv->format != FMT_NONE)
        add_label(out, l, lv->text ? lv->text : "%1.");
}

void sl_docx_styles_free(sl_docx_styles *s)
{
    for (size_t i = 0; i < s->n_styles; i++) {
        free(s->styles[i].id);
        free(s->styles[i].based_on);
    }
    for (size_t i = 0; i < s->n_lists; i++)
        for (int k = 0; k < SL_DOCX_LEVELS; k++)
            free(s->lists[i].levels[k].text);
    free(s->styles);
    free(s->lists);
    free(s->nums);
    memset(s, 0, sizeof *s);
}
