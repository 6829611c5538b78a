#!/usr/bin/env python3
"""Checks the Ofsted letters imported from ../shared/samples/inspections/other
against its manifest.

usage: ofsted_letters.py DIR INSPECTIONS.json

Each manifest row (file, kind, authority, date, n_priority, n_improve) must
match one imported event: of the row's kind, naming the row's authority (and
dated as the row when the council has two), with
as many priority actions (an empty n_priority means none) and
recommendations (an empty n_improve means none) as the manifest counts, and
every text non-empty. Prints one line per difference and a summary; exits 1
when there is any difference.
"""
import csv
import json
import os
import sys


def main():
    folder, listing = sys.argv[1], sys.argv[2]
    events = json.load(open(listing))
    problems, matched = [], 0
    for row in csv.DictReader(open(os.path.join(folder, "manifest.csv"))):
        name = row["authority"].lower()
        found = [x for x in events if x["kind"] == row["kind"] and name in x["authority"].lower()]
        if len(found) > 1:  # two letters to one council: the letter's date tells them apart
            found = [x for x in found if x["published"] == row["date"]]
        if len(found) != 1:
            problems.append(f"{row['file']}: {len(found)} {row['kind']} events for {row['authority']}")
            continue
        x = found[0]
        want_p, want_i = int(row["n_priority"] or 0), int(row["n_improve"] or 0)
        got_p, got_i = len(x["priority_actions"]), len(x["recommendations"])
        if (got_p, got_i) != (want_p, want_i):
            problems.append(f"{row['file']}: {got_p} priority actions and {got_i} to improve,"
                            f" the manifest says {want_p} and {want_i}")
        elif not all(t.strip() for t in x["priority_actions"] + x["recommendations"]):
            problems.append(f"{row['file']}: an empty item")
        else:
            matched += 1
    for p in problems:
        print(p)
    print(f"{matched} letters as the manifest counts them, {len(problems)} differ")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
