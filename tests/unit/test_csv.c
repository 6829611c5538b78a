/* test_csv.c — the RFC 4180 reader and the canonical-CSV plan reader: inputs → records or errors. */
#include <string.h>

#include "check.h"
#include "util/csv.h"
#include "import/import.h"

/* Reads all records of text; returns the record count or -1, joining fields
 * as "a|b;c|d" into out, and the error line into *err_line. */
static int read_all(const char *text, size_t len, char *out, size_t n, long *err_line)
{
    sl_csv csv;
    sl_error err = {0};
    sl_csv_open(&csv, text, len, "t.csv");
    int records = 0, rc;
    out[0] = '\0';
    while ((rc = sl_csv_next(&csv, &err)) > 0) {
        if (records++)
            strncat(out, ";", n - strlen(out) - 1);
        for (size_t i = 0; i < csv.n_fields; i++) {
            if (i)
                strncat(out, "|", n - strlen(out) - 1);
            strncat(out, csv.fields[i], n - strlen(out) - 1);
        }
    }
    *err_line = err.set ? err.line : 0;
    sl_csv_close(&csv);
    return rc < 0 ? -1 : records;
}

void test_csv(void)
{
    static const struct {
        const char *text;
        int records;        /* -1: error */
        const char *fields;
        long err_line;
    } cases[] = {
        {"a,b,c\n", 1, "a|b|c", 0},
        {"a,b\r\nc,d\r\n", 2, "a|b;c|d", 0},
        {"a,b\nc,d", 2, "a|b;c|d", 0},
        {"\xEF\xBB\xBFref,title\n", 1, "ref|title", 0},
        {"\"a,b\",c\n", 1, "a,b|c", 0},
        {"\"say \"\"hi\"\"\",x\n", 1, "say \"hi\"|x", 0},
        {"\"two\nlines\",x\ny,z\n", 2, "two\nlines|x;y|z", 0},
        {",,\n", 1, "||", 0},
        {"a,\"\"\n", 1, "a|", 0},
        {"£46k,TBC\n", 1, "£46k|TBC", 0},
        {"a,b\n\"never closed\n", -1, "", 2},
        {"a,b\nc,d\n\"x\"y,z\n", -1, "", 3},
        {"a,b\nc\"d,e\n", -1, "", 2},
        {"a,b\nok,\xFF\xFE\n", -1, "", 2},
        {"a,\"multi\nline \xC3\x28\"\n", -1, "", 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char got[256];
        long line;
        int n = read_all(cases[i].text, strlen(cases[i].text), got, sizeof got, &line);
        CHECK(n == cases[i].records, "csv case %zu: %d records, want %d", i, n, cases[i].records);
        if (n >= 0 && cases[i].records >= 0)
            CHECK(strcmp(got, cases[i].fields) == 0, "csv case %zu: '%s', want '%s'", i, got,
                  cases[i].fields);
        if (cases[i].records < 0)
            CHECK(line == cases[i].err_line, "csv case %zu: error on line %ld, want %ld", i, line,
                  cases[i].err_line);
    }
    char nul[] = "a,b\nc,d\0e\n";
    char got[64];
    long line;
    CHECK(read_all(nul, sizeof nul - 1, got, sizeof got, &line) < 0 && line == 2,
          "a NUL byte is an error on its line");

    /* The plan reader: each bad file names its line. */
    static const struct {
        const char *text;
        long err_line;      /* 0: must succeed */
    } plans[] = {
        {"ref,title,due\n1.1,A,Jul 17\n", 0},
        {"ref,title,due\n1.1,A,31/09/21\n", 2},
        {"ref,title,due\n1.1,A,Jul 17\n1.2,B,whenever it suits\n", 3},
        {"ref,title,status\n1.1,A,Banana\n", 2},
        {"ref,title,rag\n1.1,A,purple\n", 2},
        {"ref,title,recommendations\n1.1,A,one\n", 2},
        {"ref,title\n1.1,A,extra\n", 2},
        {"title,due\nA,Jul 17\n", 1},
        {"ref,title,ref\n1,A,1\n", 1},
        {"ref,title\n", 1},
        {"ref,title\n,A\n", 2},
        {"ref,title\n1.1,\n", 2},
    };
    for (size_t i = 0; i < sizeof plans / sizeof plans[0]; i++) {
        sl_import_options opts = {0};
        sl_plan_set set;
        sl_error err = {0};
        int rc = sl_import_csv(plans[i].text, strlen(plans[i].text), "p.csv", &opts, &set, &err);
        if (plans[i].err_line == 0) {
            CHECK(rc == 0, "plan case %zu should import: %s", i, err.message);
            if (rc == 0)
                sl_plan_set_free(&set);
        } else {
            CHECK(rc < 0 && err.line == plans[i].err_line && strcmp(err.file, "p.csv") == 0,
                  "plan case %zu: error at %s:%ld (%s), want line %ld", i, err.file, err.line,
                  err.message, plans[i].err_line);
        }
    }

    /* Context year: "5 Sept" in a plan whose other dates are 2017. */
    const char *ctx = "ref,title,start,due\n1.1,A,Jul 17,5 Sept\n1.2,B,Aug 17,22 Aug\n";
    sl_import_options opts = {0};
    sl_plan_set set;
    sl_error err = {0};
    CHECK(sl_import_csv(ctx, strlen(ctx), "ctx.csv", &opts, &set, &err) == 0, "context plan reads");
    if (!err.set) {
        char iso[11];
        sl_day_format(set.plans[0].actions[0].due.value.latest, iso);
        CHECK(strcmp(iso, "2017-09-05") == 0, "5 Sept takes the plan's year: %s", iso);
        CHECK(strcmp(set.plans[0].title, "ctx") == 0, "no plan column: title from the file name");
        sl_plan_set_free(&set);
    }
}
