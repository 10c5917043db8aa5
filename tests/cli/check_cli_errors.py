#!/usr/bin/python3
"""The command line's contract (DATA.md): exit 0 done, 1 done with rejects under --strict,
2 unusable input or arguments, with a message naming the file (and key/field) and what to do.

usage: check_cli_errors.py MUYIELD_BINARY REPO_DIR WORK_DIR
"""
import os
import subprocess
import sys

muyield, repo, work = sys.argv[1:4]
sample = os.path.join(repo, "data", "dexing")
os.makedirs(work, exist_ok=True)
failures = []


def run(*args):
    return subprocess.run([muyield, *args], capture_output=True, text=True)


def expect(p, status, *fragments, what=""):
    if p.returncode != status:
        failures.append(f"{what}: exit {p.returncode}, expected {status}; stderr: {p.stderr[-400:]}")
    text = p.stdout + p.stderr
    for frag in fragments:
        if frag not in text:
            failures.append(f"{what}: message lacks '{frag}': {text[-400:]}")


out = os.path.join(work, "cli")
parcels = os.path.join(sample, "parcels.shp")
enterprises = os.path.join(sample, "enterprises.xlsx")

expect(run("--version"), 0, "GDAL", "GEOS", "PROJ", what="--version")
expect(run("analyze", "--help"), 0, "--parcels", "--enterprises", "Example", what="analyze --help")
expect(run("analyze", "--parcels", "/nonexistent/宗地.shp", "--out", out), 2, "/nonexistent/宗地.shp",
       what="missing parcels file")
expect(run("analyze", "--out", out), 2, "--parcels", what="no --parcels")
expect(run("analyze", "--parcels", enterprises, "--out", out), 2, "enterprises.xlsx",
       what="a table given as parcels")

bad_toml = os.path.join(work, "bad.toml")
with open(bad_toml, "w", encoding="utf-8") as f:
    f.write("[rating]\nmin_land_muu = 3\n")
expect(run("analyze", "--parcels", parcels, "--config", bad_toml, "--out", out), 2,
       "bad.toml", "rating.min_land_muu", what="unknown key in review.toml")

# The sample plants four rejects: fine by default, status 1 under --strict.
common = ["analyze", "-q", "--parcels", parcels, "--enterprises", enterprises, "--year", "2024"]
expect(run(*common, "--out", out), 0, what="sample without --strict")
expect(run(*common, "--strict", "--out", out), 1, what="sample with --strict")
if not os.path.exists(os.path.join(out, "rejects.csv")):
    failures.append("no rejects.csv written")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("command line contract: all checks passed")
