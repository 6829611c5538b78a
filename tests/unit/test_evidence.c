/* test_evidence.c — what an evidence file may be (domain/evidence.h), table
 * by table: kinds by content, names that say the same, hostile names. */
#include <string.h>

#include "check.h"
#include "domain/evidence.h"

/* A stored (uncompressed) ZIP of the named empty parts, the first one
 * "mimetype" holding first_data when given; returns its length in out. */
static size_t zip_of(unsigned char *out, const char *const *names, int n, const char *first_data)
{
    size_t at = 0, cd_start;
    size_t offsets[8];
    for (int i = 0; i < n; i++) {
        size_t len = strlen(names[i]), data = i == 0 && first_data ? strlen(first_data) : 0;
        offsets[i] = at;
        memset(out + at, 0, 30);
        memcpy(out + at, "PK\3\4", 4);
        out[at + 18] = (unsigned char)data;
        out[at + 22] = (unsigned char)data;
        out[at + 26] = (unsigned char)len;
        memcpy(out + at + 30, names[i], len);
        if (data)
            memcpy(out + at + 30 + len, first_data, data);
        at += 30 + len + data;
    }
    cd_start = at;
    for (int i = 0; i < n; i++) {
        size_t len = strlen(names[i]);
        memset(out + at, 0, 46);
        memcpy(out + at, "PK\1\2", 4);
        out[at + 28] = (unsigned char)len;
        out[at + 42] = (unsigned char)offsets[i];
        memcpy(out + at + 46, names[i], len);
        at += 46 + len;
    }
    memset(out + at, 0, 22);
    memcpy(out + at, "PK\5\6", 4);
    out[at + 10] = (unsigned char)n;
    out[at + 16] = (unsigned char)cd_start;
    return at + 22;
}

static void kinds(void)
{
    static const struct {
        const char *bytes;
        size_t n;
        const char *type;       /* NULL: refused */
    } cases[] = {
        {"%PDF-1.7\n", 9, "application/pdf"},
        {"\x89PNG\r\n\x1a\n....", 12, "image/png"},
        {"\xff\xd8\xff\xe0", 4, "image/jpeg"},
        {"<html><script>", 14, NULL},
        {"MZ\x90", 3, NULL},
        {"%PD", 3, NULL},
        {"PK\3\4", 4, NULL},
        {"", 0, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const sl_evidence_kind *k = sl_evidence_kind_of((const unsigned char *)cases[i].bytes, cases[i].n);
        CHECK(cases[i].type ? k && strcmp(k->content_type, cases[i].type) == 0 : k == NULL, "case %zu", i);
    }
    unsigned char zip[2048];
    static const char *const docx[] = {"[Content_Types].xml", "word/document.xml"};
    static const char *const xlsx[] = {"[Content_Types].xml", "xl/workbook.xml"};
    static const char *const other[] = {"[Content_Types].xml", "ppt/presentation.xml"};
    static const char *const odt[] = {"mimetype", "content.xml"};
    size_t n = zip_of(zip, docx, 2, NULL);
    const sl_evidence_kind *k = sl_evidence_kind_of(zip, n);
    CHECK(k && strstr(k->content_type, "wordprocessingml"), "a docx by its parts");
    n = zip_of(zip, xlsx, 2, NULL);
    k = sl_evidence_kind_of(zip, n);
    CHECK(k && strstr(k->content_type, "spreadsheetml"), "an xlsx by its parts");
    n = zip_of(zip, other, 2, NULL);
    CHECK(sl_evidence_kind_of(zip, n) == NULL, "a presentation is not evidence");
    n = zip_of(zip, odt, 2, "application/vnd.oasis.opendocument.text");
    k = sl_evidence_kind_of(zip, n);
    CHECK(k && strcmp(k->content_type, "application/vnd.oasis.opendocument.text") == 0, "an odt by its mimetype");
    n = zip_of(zip, odt, 2, "application/x-evil");
    CHECK(sl_evidence_kind_of(zip, n) == NULL, "an unknown mimetype");
    CHECK(sl_evidence_kind_of(zip, n - 1) == NULL, "a cut ZIP is nothing");
}

static void names(void)
{
    static const struct {
        const char *name;
        int ok;
    } cases[] = {
        {"Board minutes.pdf", 1}, {"Café.PDF", 1}, {"photo.jpeg", 0}, {"photo.jpg", 0},
        {"../x.pdf", 0},          {"a/b.pdf", 0},  {"a\\b.pdf", 0},   {"a\x01.pdf", 0},
        {"a\x7f.pdf", 0},         {"..", 0},       {"", 0},           {"\xc3(.pdf", 0},
        {"x.png", 0},             {"x", 0},        {"x.pdf.exe", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sl_error err = {0};
        const sl_evidence_kind *k =
            sl_evidence_check(cases[i].name, (const unsigned char *)"%PDF-1.4", 8, &err);
        CHECK((k != NULL) == cases[i].ok && (k || err.code == SL_ERR_INVALID), "name %zu: %s", i, err.message);
    }
    char long_name[300];
    memset(long_name, 'a', 256);
    strcpy(long_name + 256, ".pdf");
    sl_error err = {0};
    CHECK(sl_evidence_name_check(long_name, &err) < 0 && strstr(err.message, "at most 255"), "%s", err.message);
}

void test_evidence(void)
{
    kinds();
    names();
}
