/* test_pack.c — the agenda-pack splitter (import/kind/pack/agenda_pack.h):
 * which lines start a part, in a table of packs with the parts expected,
 * and the workforce tables it blanks. */
#include <string.h>

#include "check.h"
#include "import/kind/pack/agenda_pack.h"

/* One text and the parts it should split into: their kinds as letters
 * (F front, G agenda, M minutes, I item, R report, A appendix) and the line
 * each starts on; "" for no pack. */
typedef struct {
    const char *why;
    const char *text;
    const char *kinds;
    long lines[8];
} split_case;

static const split_case cases[] = {
    {"agenda, minutes, item, appendix",
     "COMMITTEE\nAGENDA\n1. Minutes\nMinutes of the meeting held on 1 May\nText\nAgenda Item 4\nReport\n"
     "Appendix A\nPlan\n",
     "FGMIA", {1, 2, 4, 6, 8}},
    {"an agenda listing its appendices: the list is no part",
     "AGENDA\n5. Update\n   Appendix 1: Plan\n   Appendix 2: Report\nAgenda Item 5\nText\nAppendix 1\nPlan\n"
     "Appendix 2\nReport\n",
     "FGIAA", {1, 1, 5, 7, 9}},
    {"an item's label stamped on every page is one part",
     "AGENDA\nx\nAgenda Item 5\npage one\nAgenda Item 5\npage two\nAGENDA ITEM 6\nnext\n", "FGII", {1, 1, 3, 7}},
    {"the item's label on every page of its appendix too (a council's pack) starts no part",
     "Agenda Item 5\nReport\nAppendix 1\nPLAN page 1\nAgenda Item 5\nPLAN page 2\nAppendix 1\npage 3\n"
     "Agenda Item 6\nAppendix 1\nanother\n",
     "FIAIA", {1, 1, 3, 9, 10}},
    {"report cover sheet and appendix: a compound document",
     "REPORT TO: Cabinet 1 May 2020\nSUBJECT: Plan\nAppendix 1 – Improvement plan\nPLAN\n", "FRA", {1, 1, 3}},
    {"a plan with appendices alone is no pack", "PLAN\nAppendix 1\nx\nAppendix 2\ny\n", "", {0}},
    {"prose that begins with 'Appendix 1' is no heading",
     "AGENDA\nx\nAppendix 1 sets out the plan.\nItem 3\ny\n", "FGI", {1, 1, 4}},
    {"minutes in lower case inside a sentence are no heading",
     "AGENDA\nwe read the\nminutes of the meeting held on 3 May\nItem 2\n", "FGI", {1, 1, 4}},
    {"Annex and item numbers with letters", "Agenda item no. 3a\nx\nANNEX B: data\ny\n", "FIA", {1, 1, 3}},
    {"spaced capitals", "A G E N D A\n1. x\nAgenda Item 1\ny\n", "FGI", {1, 1, 3}},
    {"a table's rows are no headings", "REF\tACTION\nItem 1\tRecruit\nItem 2\tAudit\nAGENDA\n", "", {0}},
    {"a single heading is no pack", "AGENDA\n1. Apologies\n", "", {0}},
    {"empty", "", "", {0}},
};

/* Returns the letter of a part's kind. */
static char letter(sl_part_kind k)
{
    return "FGMIRA"[k];
}

static void test_split(void)
{
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const split_case *sc = &cases[c];
        sl_pack pack;
        int is = sl_pack_split(sc->text, strlen(sc->text), &pack);
        CHECK(is == (*sc->kinds != '\0'), "%s: pack %d", sc->why, is);
        char got[16] = "";
        for (size_t i = 0; i < pack.n && i < sizeof got - 1; i++)
            got[i] = letter(pack.parts[i].kind);
        CHECK(strcmp(got, sc->kinds) == 0, "%s: parts %s, want %s", sc->why, got, sc->kinds);
        for (size_t i = 0; i < pack.n && i < 8; i++)
            CHECK(pack.parts[i].line == sc->lines[i],
                  "%s: part %zu on line %ld, want %ld", sc->why, i, pack.parts[i].line, sc->lines[i]);
        for (size_t i = 0; i + 1 < pack.n; i++)
            CHECK(pack.parts[i].end == pack.parts[i + 1].start, "%s: parts %zu and %zu meet", sc->why, i, i + 1);
        sl_pack_free(&pack);
    }
}

static void test_stamp(void)
{
    CHECK(sl_pack_stamp("Agenda Item 5", 13), "a bare item label");
    CHECK(sl_pack_stamp("  Appendix A  ", 14), "a bare appendix label");
    CHECK(!sl_pack_stamp("Appendix A - Plan", 17), "a label with a title");
    CHECK(!sl_pack_stamp("Ref 5", 5), "no label");
}

static void test_workforce(void)
{
    char text[] = "PLAN\nREF\tACTION\tLEAD\n1.1\tRecruit permanent staff, reduce agency and locum use\tSM\n\n"
                  "Team\tBudgeted FTE\tVacant FTE\tAgency FTE\nAssessment\t42.0\t11.5\t9\nCare\t38\t9\t8%\n\n"
                  "After\n";
    const char *keep = "1.1\tRecruit permanent staff";
    size_t len = strlen(text), rows = 0;
    size_t tables = sl_pack_blank_workforce(text, len, &rows);
    CHECK(tables == 1 && rows == 2, "one table of two rows: %zu, %zu", tables, rows);
    CHECK(strstr(text, keep) != NULL, "a plan row naming workforce words is kept");
    CHECK(strstr(text, "REF\tACTION") != NULL, "the plan's header is kept");
    CHECK(strstr(text, "Assessment") == NULL && strstr(text, "Budgeted") == NULL, "the table is blanked");
    CHECK(strstr(text, "After") != NULL, "the text after the table is kept");
    CHECK(strlen(text) == len, "no byte moved");
    char names_only[] = "Service\tLocum\tSalaried\nNotes\tnone\tnone\n";
    rows = 0;
    CHECK(sl_pack_blank_workforce(names_only, strlen(names_only), &rows) == 0,
          "a header over words (not figures) is no workforce table");
}

void test_pack(void)
{
    test_split();
    test_stamp();
    test_workforce();
}
