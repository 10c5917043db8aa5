#!/usr/bin/python3
"""muyield batch on tests/cli/batch/batch.toml: 2 parks x 2 years, the second park's 2023
enterprise table is unusable. The other three reviews complete, the exit status is 2, the
summary, the table and index.html name the failure, folders stay inside the output folder
although the second park is called "../泗洲/园区\\0x".

usage: check_batch.py MUYIELD_BINARY REPO_DIR WORK_DIR
"""
import csv
import os
import re
import shutil
import subprocess
import sys

muyield, repo, work = map(os.path.abspath, sys.argv[1:4])
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
out = os.path.join(work, "out")
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


env = dict(os.environ, LANG="en_US.UTF-8", LC_ALL="", LC_MESSAGES="")
p = subprocess.run([muyield, "batch", os.path.join(repo, "tests/cli/batch/batch.toml"), "--out", out,
                    "--jobs", "2"], capture_output=True, text=True, env=env)
check(p.returncode == 2, f"exit status {p.returncode}, expected 2 (a review failed)")
check(re.search(r"泗洲/园区\\x00x \| 2023 \| FAILED \|.*enterprises_2023\.csv.*uscc", p.stdout),
      "the final table does not name the failed review, its file and the missing field:\n" + p.stdout)
check("3 of 4 reviews done" in p.stdout, "the table does not count 3 of 4 done:\n" + p.stdout)

with open(os.path.join(out, "batch_summary.csv"), encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))
check(len(rows) == 4, f"batch_summary.csv has {len(rows)} rows, expected 4")
status = {(r["park"], r["year"]): r for r in rows}
failed = [r for r in rows if r["status"] == "failed"]
check(len(failed) == 1 and failed[0]["year"] == "2023" and "enterprises_2023.csv" in failed[0]["error"],
      f"failed rows: {failed}")
check(all(r["parcels"] == "" for r in failed), "a failed review must not show counts (0 would lie)")
for r in rows:
    if r["status"] == "ok":
        check(r["parcels"] == "3", f"{r['park']} {r['year']}: parcels {r['parcels']}, expected 3")

# Every folder is inside the output folder; the hostile name became one component.
real_out = os.path.realpath(out)
for root, dirs, files in os.walk(out):
    for name in dirs + files:
        path = os.path.realpath(os.path.join(root, name))
        check(path.startswith(real_out + os.sep), f"{path} is outside the output folder")
check(sorted(os.listdir(out)) == ["_泗洲_园区_x", "batch_summary.csv", "index.html", "银城园区"],
      f"output folder holds {sorted(os.listdir(out))}")
for folder in ("银城园区/2023", "银城园区/2024", "_泗洲_园区_x/2024"):
    for name in ("enterprises.csv", "parcels.csv", "parks.csv", "rejects.csv", "run.json"):
        check(os.path.isfile(os.path.join(out, folder, name)), f"missing {folder}/{name}")
check(not os.listdir(os.path.join(out, "_泗洲_园区_x/2023")), "the failed review left files")

# Year over year for the park whose two reviews ran; none for the other.
cmp_dir = os.path.join(out, "银城园区", "compare_2023_2024")
for name in ("enterprise_changes.csv", "class_migration.csv", "parcel_flag_changes.csv"):
    check(os.path.isfile(os.path.join(cmp_dir, name)), f"missing compare_2023_2024/{name}")
check(not os.path.exists(os.path.join(out, "_泗洲_园区_x", "compare_2023_2024")),
      "a comparison was written although a review failed")

# The park-level inline settings reached the review (weights of group below: 60/40).
import json
with open(os.path.join(out, "_泗洲_园区_x/2024/run.json"), encoding="utf-8") as f:
    settings = json.load(f)["settings"]
check("60" in json.dumps(settings) and "0.25" in json.dumps(settings),
      "run.json settings lack the batch file's inline values")

# index.html links every file that exists, and only those.
with open(os.path.join(out, "index.html"), encoding="utf-8") as f:
    html = f.read()
links = re.findall(r'href="([^"]+)"', html)
from urllib.parse import unquote
for link in links:
    check(os.path.isfile(os.path.join(out, unquote(link))), f"index.html links a missing file {link}")
check(any(l.endswith("compare_2023_2024/class_migration.csv") for l in links),
      "index.html does not link the comparison")
check("enterprises_2023.csv" in html, "index.html does not give the failure's reason")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("batch: all checks passed")
