#!/usr/bin/env python3
"""Compares `sightline inspections --json` with the community ILACS scrape.

usage: ilacs_truth.py INSPECTIONS.json TRUTH.csv [FILE:SLOT:GRADE ...]

Each truth row is found among the inspections by its URN and publication
date (or its authority and a publication date within ten days). A slot the scrape graded must hold the same grade; a slot the scrape
says was not judged (inspection_pre_dates_judgement, not_reported_post_reform)
must be empty; "data_unreadable" and empty cells are not compared. Each
FILE:SLOT:GRADE argument is a known disagreement where the report's text
wins (the caller's comment says why): that slot must hold GRADE instead.
Prints "agree N, disagree M (all expected), unreadable U" and exits 0, or
lists every unexpected difference and exits 1.
"""
import csv
import datetime
import json
import sys

SLOTS = [("overall_effectiveness_grade", "overall"), ("impact_of_leaders_grade", "leaders"),
         ("help_and_protection_grade", "help_protection"), ("in_care_grade", "in_care"),
         ("care_leavers_grade", "care_leavers")]
NONE_WORDS = {"inspection_pre_dates_judgement", "not_reported_post_reform"}


def truth_grade(cell):
    """The scrape's cell as a sightline grade name, None for not judged, or
    "?" when the scrape could not read it."""
    cell = cell.strip().lower()
    if cell in ("", "data_unreadable"):
        return "?"
    if cell in NONE_WORDS:
        return None
    if "requires improvement" in cell:
        return "requires-improvement"
    return cell


def day(ddmmyy):
    d, m, y = ddmmyy.split("/")
    return f"20{y}-{m}-{d}"


def find(inspections, by_key, row):
    """The inspection read from the truth row's report: by URN and publication
    day, else (a report that gives its own publication day, a file name that
    carries no URN) by the authority's name and a publication day within
    ten days."""
    x = by_key.get((row["urn"], day(row["publication_date"])))
    if x is not None:
        return x
    want = datetime.date.fromisoformat(day(row["publication_date"]))
    name = row["local_authority"].lower()
    for x in inspections:
        if x["published"] and x["authority"].lower().startswith(name) and \
                abs((datetime.date.fromisoformat(x["published"]) - want).days) <= 10:
            return x
    return None


def main():
    inspections = json.load(open(sys.argv[1]))
    expected = {}
    for arg in sys.argv[3:]:
        f, slot, grade = arg.split(":")
        expected[(f, slot)] = None if grade == "none" else grade
    by_key = {(x["urn"], x["published"]): x for x in inspections}
    agree = disagree = unreadable = 0
    problems = []
    for row in csv.DictReader(open(sys.argv[2])):
        x = find(inspections, by_key, row)
        if x is None:
            problems.append(f"{row['file']}: not imported")
            continue
        for column, slot in SLOTS:
            want = truth_grade(row[column])
            got = x["judgements"][slot]
            known = (row["file"], slot) in expected
            if known:
                want = expected.pop((row["file"], slot))
            elif want == "?":
                unreadable += 1
                continue
            if got == want:
                disagree += known
                agree += not known
            else:
                problems.append(f"{row['file']}: {slot} is {got}, the truth says {want}")
    problems += [f"{f}: {slot}: expected disagreement not seen" for f, slot in expected]
    for p in problems:
        print(p)
    print(f"agree {agree}, disagree {disagree} (all expected), unreadable {unreadable}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
