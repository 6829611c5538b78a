/* zip_part.c — parts of a ZIP package in memory (see zip_part.h). */
#include <zip.h>

#include "import/format/zip_part.h"

#include <stdlib.h>
#include <string.h>

#include "import/format/zip_api.h"
#include "util/buf.h"
#include "util/mem.h"

zip_t *sl_zip_open(const char *data, size_t len, const char *file, const char *what, sl_error *err)
{
    if (sl_zip_load(err) < 0)
        return NULL;
    zip_error_t ze;
    zip_error_init(&ze);
    zip_t *zip = NULL;
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
    if (src && !(zip = zip_open_from_source(src, ZIP_RDONLY, &ze)))
        zip_source_free(src);
    if (!zip)
        sl_fail_at(err, file, 0,
                   "not a readable %s: the zip archive is damaged or cut short (%s); "
                   "save or download the file again",
                   what, zip_error_strerror(&ze));
    zip_error_fini(&ze);
    return zip;
}

void sl_zip_close(zip_t *zip)
{
    if (zip)
        zip_discard(zip);
}

int sl_zip_has(zip_t *zip, const char *name)
{
    return zip_name_locate(zip, name, ZIP_FL_NOCASE) >= 0;
}

/* Reads the open part f of want bytes into a new buffer; returns it, or
 * NULL with err set when it cannot be read or unpacks to another size. */
static char *unpack(zip_t *zip, zip_file_t *f, size_t want, const char *name, const char *file,
                    size_t *len, sl_error *err)
{
    (void)zip;
    size_t got = 0;
    char *data = sl_calloc(want + 2);
    zip_int64_t n = 0;
    /* Read one byte past the size the archive gives, to reach the end of the
     * part (where libzip checks its CRC) and to catch a part that lies. */
    while (got <= want && (n = zip_fread(f, data + got, want + 1 - got)) > 0)
        got += (size_t)n;
    if (n < 0)
        sl_fail_at(err, file, 0, "%s cannot be unpacked (damaged archive: %s); save or download the file again",
                   name, zip_file_strerror(f));
    else if (got != want)
        sl_fail_at(err, file, 0, "%s unpacks to %s bytes than the archive says (damaged archive); save or download the file again", name,
                   got > want ? "more" : "fewer");
    if (n < 0 || got != want) {
        free(data);
        return NULL;
    }
    data[got] = '\0';
    *len = got;
    return data;
}

int sl_zip_read_part(zip_t *zip, const char *name, const char *file, char **out, size_t *len,
                     sl_error *err)
{
    *out = NULL;
    *len = 0;
    zip_int64_t index = zip_name_locate(zip, name, ZIP_FL_NOCASE);
    if (index < 0)
        return 0;
    zip_stat_t st;
    if (zip_stat_index(zip, (zip_uint64_t)index, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE))
        return sl_fail_at(err, file, 0, "%s: the archive does not say how big it is", name);
    if (st.size > SL_ZIP_MAX_PART)
        return sl_fail_at(err, file, 0, "%s would unpack to %llu bytes: more than the %u MiB allowed",
                          name, (unsigned long long)st.size, SL_ZIP_MAX_PART >> 20);
    zip_file_t *f = zip_fopen_index(zip, (zip_uint64_t)index, 0);
    if (!f)
        return sl_fail_at(err, file, 0, "%s cannot be unpacked: %s", name, zip_strerror(zip));
    *out = unpack(zip, f, (size_t)st.size, name, file, len, err);
    zip_fclose(f);
    return *out ? 1 : -1;
}

/* Returns 1 when the package's mimetype part names an OpenDocument text. */
static int is_odt(zip_t *zip)
{
    static const char odt[] = "application/vnd.oasis.opendocument.text";
    char *mime;
    size_t len;
    sl_error ignored = {0};
    if (!sl_zip_has(zip, "content.xml") || sl_zip_read_part(zip, "mimetype", "", &mime, &len, &ignored) <= 0)
        return 0;
    int yes = len >= sizeof odt - 1 && memcmp(mime, odt, sizeof odt - 1) == 0 &&
              (len == sizeof odt - 1 || mime[sizeof odt - 1] == '\n' || mime[sizeof odt - 1] == '\r');
    free(mime);
    return yes;
}

sl_zip_kind sl_zip_kind_of(zip_t *zip)
{
    if (sl_zip_has(zip, "xl/workbook.xml"))
        return SL_ZIP_XLSX;
    if (sl_zip_has(zip, "word/document.xml") && sl_zip_has(zip, "[Content_Types].xml"))
        return SL_ZIP_DOCX;
    return is_odt(zip) ? SL_ZIP_ODT : SL_ZIP_OTHER;
}

sl_zip_kind sl_zip_kind_of_bytes(const char *data, size_t len)
{
    sl_error ignored = {0};
    zip_t *zip = sl_zip_open(data, len, "", "package", &ignored);
    if (!zip)
        return SL_ZIP_OTHER;
    sl_zip_kind kind = sl_zip_kind_of(zip);
    zip_discard(zip);
    return kind;
}

char *sl_zip_part_names(zip_t *zip)
{
    sl_buf out = SL_BUF_INIT;
    zip_int64_t n = zip_get_num_entries(zip, 0);
    for (zip_int64_t i = 0; i < n && i < 5; i++) {
        const char *name = zip_get_name(zip, (zip_uint64_t)i, 0);
        sl_buf_printf(&out, "%s%s", i ? ", " : "", name ? name : "?");
    }
    if (n > 5)
        sl_buf_puts(&out, ", \xE2\x80\xA6");
    if (n <= 0)
        sl_buf_puts(&out, "nothing");
    return sl_buf_take(&out);
}
