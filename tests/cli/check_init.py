#!/usr/bin/python3
"""muyield init: writes the commented defaults (data/review.toml), refuses to overwrite without
--force, and the file it writes parses to the defaults: a review with --config <that file> has
the same settings in run.json as one without any configuration.

usage: check_init.py MUYIELD_BINARY REPO_DIR WORK_DIR
"""
import json
import os
import shutil
import subprocess
import sys

muyield, repo, work = map(os.path.abspath, sys.argv[1:4])
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
failures = []
path = os.path.join(work, "review.toml")


def run(*args):
    return subprocess.run([muyield, *args], capture_output=True, text=True, cwd=work)


p = run("init", path)
if p.returncode != 0:
    failures.append(f"init: exit {p.returncode}: {p.stderr}")
with open(path, "rb") as f, open(os.path.join(repo, "data/review.toml"), "rb") as g:
    if f.read() != g.read():
        failures.append("init did not write data/review.toml byte for byte")

with open(path, "a", encoding="utf-8") as f:
    f.write("# planner's note\n")
p = run("init", path)
if p.returncode != 2 or "--force" not in p.stderr:
    failures.append(f"init over an existing file: exit {p.returncode}, stderr {p.stderr!r}")
if "planner's note" not in open(path, encoding="utf-8").read():
    failures.append("init overwrote an existing file without --force")
p = run("init", path, "--force")
if p.returncode != 0 or "planner's note" in open(path, encoding="utf-8").read():
    failures.append(f"init --force did not replace the file (exit {p.returncode})")
here = os.path.join(work, "here")
os.makedirs(here)
p = subprocess.run([muyield, "init"], capture_output=True, text=True, cwd=here)
if p.returncode != 0 or not os.path.isfile(os.path.join(here, "review.toml")):
    failures.append("init without a path did not write ./review.toml")

fixtures = os.path.join(repo, "tests/fixtures/readers")
common = ["analyze", "-q", "--parcels", os.path.join(fixtures, "parcels.geojson"),
          "--enterprises", os.path.join(fixtures, "enterprises.csv"), "--year", "2024"]
settings = []
for name, extra in (("defaults", []), ("from_init", ["--config", path])):
    out = os.path.join(work, name)
    p = run(*common, *extra, "--out", out)
    if p.returncode != 0:
        failures.append(f"analyze ({name}): exit {p.returncode}: {p.stderr[-300:]}")
        continue
    with open(os.path.join(out, "run.json"), encoding="utf-8") as f:
        settings.append(json.load(f)["settings"])
if len(settings) == 2 and settings[0] != settings[1]:
    failures.append("the settings from the init file differ from the defaults")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("init: all checks passed")
