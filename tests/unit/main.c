/* main.c — runs every unit test and prints "N passed, N failed". */
#include <stdio.h>

#include "check.h"

int g_checks_passed;
int g_checks_failed;

void test_as_of(void);
void test_buf(void);
void test_calendar(void);
void test_csv(void);
void test_date(void);
void test_governance(void);
void test_governance_store(void);
void test_heatmap(void);
void test_inspection(void);
void test_lazy_lib(void);
void test_letter(void);
void test_limits(void);
void test_lint(void);
void test_measures(void);
void test_national(void);
void test_pack(void);
void test_permission(void);
void test_plan(void);
void test_prng(void);
void test_plan_merge(void);
void test_rag(void);
void test_reminder(void);
void test_report(void);
void test_status(void);
void test_store(void);
void test_template(void);
void test_text_import(void);
void test_tor(void);
void test_docx(void);
void test_xlsx(void);
void test_work_queue(void);

int main(void)
{
    static const struct {
        const char *name;
        void (*run)(void);
    } suites[] = {
        {"as of", test_as_of},
        {"buf", test_buf},
        {"calendar", test_calendar},
        {"csv", test_csv},
        {"date", test_date},
        {"governance", test_governance},
        {"governance store", test_governance_store},
        {"heatmap", test_heatmap},
        {"inspection", test_inspection},
        {"lazy lib", test_lazy_lib},
        {"letter", test_letter},
        {"limits", test_limits},
        {"lint", test_lint},
        {"measures", test_measures},
        {"national", test_national},
        {"pack", test_pack},
        {"permission", test_permission},
        {"plan", test_plan},
        {"prng", test_prng},
        {"plan merge", test_plan_merge},
        {"rag", test_rag},
        {"reminder", test_reminder},
        {"report", test_report},
        {"status", test_status},
        {"store", test_store},
        {"template", test_template},
        {"text import", test_text_import},
        {"tor", test_tor},
        {"docx", test_docx},
        {"xlsx", test_xlsx},
        {"work queue", test_work_queue},
    };
    for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++) {
        int before = g_checks_failed;
        suites[i].run();
        fprintf(stderr, "unit %-9s %s\n", suites[i].name, g_checks_failed == before ? "ok" : "FAILED");
    }
    printf("%d passed, %d failed\n", g_checks_passed, g_checks_failed);
    return g_checks_failed != 0;
}
