#!/usr/bin/python3
"""Results do not depend on the locale: the bundled sample review (with buildings, links and
review.toml, so reason texts with figures, the FAR table and the configuration are all read and
written) gives byte-identical outputs under LC_ALL=C and LC_ALL=de_DE.UTF-8 (decimal comma).
run.json is compared without its clock times. Fails when the de_DE.UTF-8 locale is missing
(scripts/setup.sh test generates it).

usage: check_locale.py MUYIELD_BINARY REPO_DIR WORK_DIR
"""
import filecmp
import json
import os
import shutil
import subprocess
import sys

muyield, repo, work = sys.argv[1:4]
sample = os.path.join(repo, "data", "dexing")
GERMAN = "de_DE.UTF-8"

probe = subprocess.run(["/usr/bin/python3", "-c",
                        "import locale; locale.setlocale(locale.LC_ALL, ''); "
                        "print(locale.localeconv()['decimal_point'])"],
                       env={**os.environ, "LC_ALL": GERMAN}, capture_output=True, text=True)
if probe.returncode != 0 or probe.stdout.strip() != ",":
    sys.exit(f"the {GERMAN} locale is missing or has no decimal comma ({probe.stderr.strip()}): "
             "run scripts/setup.sh test (it generates the locale with localedef)")


def run(locale_name, out):
    shutil.rmtree(out, ignore_errors=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANG"}
    env.update({"LC_ALL": locale_name, "LANG": locale_name})
    p = subprocess.run([muyield, "analyze", "-q",
                        "--parcels", os.path.join(sample, "parcels.shp"),
                        "--enterprises", os.path.join(sample, "enterprises.xlsx"),
                        "--buildings", os.path.join(sample, "buildings.shp"),
                        "--links", os.path.join(sample, "links.csv"),
                        "--config", os.path.join(sample, "review.toml"),
                        "--out", out], env=env, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"muyield failed under {locale_name} ({p.returncode}): {p.stderr}")


def run_json(out):
    j = json.load(open(os.path.join(out, "run.json"), encoding="utf-8"))
    for clock in ["started", "finished", "timings_seconds", "command_line"]:
        j.pop(clock, None)
    return j


c_out, de_out = os.path.join(work, "C"), os.path.join(work, "de_DE")
run("C", c_out)
run(GERMAN, de_out)
failures = []
names = sorted(f for f in os.listdir(c_out) if f != "run.json")
if sorted(f for f in os.listdir(de_out) if f != "run.json") != names:
    failures.append(f"different files: {sorted(os.listdir(c_out))} vs {sorted(os.listdir(de_out))}")
for name in names:
    if not filecmp.cmp(os.path.join(c_out, name), os.path.join(de_out, name), shallow=False):
        failures.append(f"{name} differs between LC_ALL=C and LC_ALL={GERMAN}")
if run_json(c_out) != run_json(de_out):
    failures.append(f"run.json differs between LC_ALL=C and LC_ALL={GERMAN}")
if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"locale: {len(names) + 1} outputs identical under C and {GERMAN}")
