#!/usr/bin/python3
"""The two planner notebooks run headless (jupyter nbconvert --execute) on the sample batch's
2024 review and print what the review says: class counts and flag counts equal to those in
enterprises.csv and parcels.csv; the what-if notebook reproduces every class with the review's
own weights before it tries others.

usage: check_notebooks.py MUYIELD_BINARY REPO_DIR WORK_DIR REVIEW_OUTPUT_DIR
"""
import csv
import json
import os
import shutil
import subprocess
import sys
from collections import Counter

muyield, repo, work, review = map(os.path.abspath, sys.argv[1:5])
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
failures = []
env = dict(os.environ, MUYIELD_OUT=review, PYDEVD_DISABLE_FILE_VALIDATION="1", MPLBACKEND="Agg",
           JUPYTER_PLATFORM_DIRS="1", HOME=work)


def printed(name):
    """Runs notebooks/<name>.ipynb; returns its printed lines, or None when it failed."""
    target = os.path.join(work, name + ".out.ipynb")
    p = subprocess.run(["/usr/bin/python3", "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                        os.path.join(repo, "notebooks", name + ".ipynb"), "--output", target],
                       capture_output=True, text=True, env=env, cwd=work)
    if p.returncode != 0:
        failures.append(f"{name}: nbconvert exit {p.returncode}: {p.stderr[-1500:]}")
        return None
    with open(target, encoding="utf-8") as f:
        nb = json.load(f)
    lines = []
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error":
                failures.append(f"{name}: {o['ename']}: {o['evalue']}")
            if o.get("output_type") == "stream" and o["name"] == "stdout":
                lines += "".join(o["text"]).splitlines()
    return lines


def value(lines, key):
    for line in lines or []:
        if line.startswith(key + " "):
            return line[len(key) + 1:]
    failures.append(f"no line {key}")
    return None


with open(os.path.join(review, "enterprises.csv"), encoding="utf-8-sig", newline="") as f:
    ent = list(csv.DictReader(f))
with open(os.path.join(review, "parcels.csv"), encoding="utf-8-sig", newline="") as f:
    par = list(csv.DictReader(f))

lines = printed("explore_review")
if lines is not None:
    counts = {}
    for e in ent:
        counts.setdefault(e["group"], {c: 0 for c in ["A", "B", "C", "D", "unrated"]})[e["class"]] += 1
    shown = value(lines, "CLASS_COUNTS")
    if shown is not None and json.loads(shown) != counts:
        failures.append(f"explore: class counts {shown} != enterprises.csv {counts}")
    flags = Counter(f for p in par for f in p["flags"].split(",") if f)
    shown = value(lines, "FLAG_COUNTS")
    if shown is not None and json.loads(shown) != dict(flags):
        failures.append(f"explore: flag counts {shown} != parcels.csv {dict(flags)}")

lines = printed("what_if")
if lines is not None:
    shown = value(lines, "REPRODUCED")
    if shown is not None and not shown.startswith(f"{len(ent)} of {len(ent)} classes"):
        failures.append(f"what_if does not reproduce the review: {shown}")
    shown = value(lines, "MIGRATION")
    if shown is not None and not json.loads(shown):
        failures.append("what_if: the trial weights move nobody (expected some moves on the sample)")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("notebooks: all checks passed")
