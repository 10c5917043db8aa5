#!/usr/bin/python3
"""--progress lines: `PROGRESS <percent> <stage>` lines on stderr (what the QGIS plugin reads),
also under -q, percents never decreasing, `PROGRESS 100 done` last and only once the outputs are
in place; --progress none and the default (stderr not a terminal) print none.

usage: check_progress.py MUYIELD_BINARY REPO_DIR WORK_DIR
"""
import os
import re
import shutil
import subprocess
import sys

muyield, repo, work = map(os.path.abspath, sys.argv[1:4])
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
sample = os.path.join(repo, "data", "dexing")
inputs = ["--parcels", f"{sample}/parcels.shp", "--enterprises", f"{sample}/enterprises.xlsx",
          "--buildings", f"{sample}/buildings.shp", "--links", f"{sample}/links.csv",
          "--config", f"{sample}/review.toml", "--year", "2024"]
failures = []


def analyze(out, *options):
    return subprocess.run([muyield, *options, "analyze", *inputs, "--out", out],
                          capture_output=True, text=True)


run = analyze(f"{work}/lines", "-q", "--progress", "lines")
lines = [line for line in run.stderr.splitlines() if line.startswith("PROGRESS")]
parsed = [re.fullmatch(r"PROGRESS (\d+) (.+)", line) for line in lines]
if run.returncode != 0:
    failures.append(f"exit {run.returncode}: {run.stderr}")
elif run.stdout:
    failures.append(f"-q printed a summary: {run.stdout[:200]}")
elif not lines or not all(parsed):
    failures.append(f"no or malformed PROGRESS lines: {run.stderr[:500]}")
else:
    percents = [int(m.group(1)) for m in parsed]
    stages = [m.group(2) for m in parsed]
    if percents != sorted(percents) or percents[-1] != 100 or percents.count(100) != 1:
        failures.append(f"percents: {percents}")
    if stages[-1] != "done" or stages[0] != "read inputs":
        failures.append(f"stages: {stages}")
    for stage in ("parcels: repair and area", "enterprises: class stability",
                  "enterprises: what it takes", "overlay: buildings on parcels", "write outputs"):
        if stage not in stages:
            failures.append(f"no stage {stage}: {sorted(set(stages))}")
    if not os.path.exists(f"{work}/lines/run.json"):
        failures.append("no run.json")

for options in (["--progress", "none"], []):
    run = analyze(f"{work}/quiet", *options)
    if run.returncode != 0 or "PROGRESS" in run.stderr:
        failures.append(f"{options}: exit {run.returncode}, stderr {run.stderr[:300]}")

run = subprocess.run([muyield, "--progress", "dots", "analyze", *inputs, "--out", work],
                     capture_output=True, text=True)
if run.returncode != 2 or "--progress" not in run.stderr:
    failures.append(f"--progress dots: exit {run.returncode}, {run.stderr[:200]}")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
