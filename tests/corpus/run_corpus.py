#!/usr/bin/python3
"""Runs every case of tests/corpus/cases.csv through `muyield analyze` and checks its outcome:
- no crash: the process ends by itself (no signal, no sanitizer report, no timeout) with the
  exit status the manifest expects (0 done, 1 rejects under --strict, 2 unusable input);
- the message fragment appears in what muyield says (terminal or rejects.csv);
- when the run completes: the number of rejects in rejects.csv, and for every input in run.json
  read = used + rejected + skipped_other_years; no temporary file is left in the output folder;
- when it stops (status 2): no output file and no temporary file is left behind.

usage: run_corpus.py MUYIELD_BINARY REPO_DIR WORK_DIR [--survey] [CASE ...]
  --survey prints what each case does now (status, rejects, message) instead of checking:
  the starting point for a new line of cases.csv.
"""
import csv
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

args = [a for a in sys.argv[1:] if not a.startswith("--")]
survey = "--survey" in sys.argv
muyield, repo, work = args[:3]
only = set(args[3:])
corpus = Path(repo) / "tests" / "corpus"
work = Path(work)
generated = work / "generated"
sys.path.insert(0, str(corpus))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import make_corpus  # noqa: E402  (write_generated: the cases too big to commit)

DEFAULTS = {"parcels": "base/parcels.shp", "enterprises": "base/enterprises.csv",
            "links": "base/links.csv", "buildings": "-", "config": "-"}
OUTPUTS = ["parcels.geojson", "parcels.csv", "enterprises.csv", "parks.csv", "rejects.csv", "run.json"]
SANITIZER_MARKS = ["ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:",
                   "AddressSanitizer:DEADLYSIGNAL"]
TIMEOUT = float(os.environ.get("MUYIELD_CORPUS_TIMEOUT", "300"))


def resolve(value):
    if value.startswith("{gen}"):
        make_corpus.write_generated(generated)
        return str(generated / value[len("{gen}/"):])
    return str(corpus / value)


def command(case, out):
    cmd = [muyield, "analyze", "-q"]
    for key in ["parcels", "enterprises", "links", "buildings", "config"]:
        value = case[key].strip() or DEFAULTS[key]
        if value != "-":
            cmd += [f"--{key}", resolve(value)]
    extra = shlex.split(case["extra"])
    if "--year" not in extra:
        extra += ["--year", "2024"]
    return cmd + extra + ["--out", str(out)]


def read_rejects(out):
    path = out / "rejects.csv"
    if not path.exists():
        return None, ""
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines(keepends=True)))
    return rows, text


def reject_constant(name):
    raise ValueError(f"{name} is no JSON number")


def run_case(case):
    out = work / case["case"]
    shutil.rmtree(out, ignore_errors=True)
    cmd = command(case, out)
    started = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, cmd, out, time.monotonic() - started
    return p, cmd, out, time.monotonic() - started


def check_case(case, failures):
    name = case["case"]
    p, cmd, out, seconds = run_case(case)
    fail = lambda msg: failures.append(f"{name}: {msg}\n    command: {shlex.join(cmd)}")
    if p is None:
        fail(f"no answer within {TIMEOUT:.0f} s (hang?)")
        return
    said = p.stdout + p.stderr
    if p.returncode < 0:
        fail(f"killed by signal {-p.returncode}; stderr: {p.stderr[-600:]}")
        return
    for mark in SANITIZER_MARKS:
        if mark in said:
            fail(f"sanitizer report: {p.stderr[-1500:]}")
            return
    expected = int(case["exit"])
    if p.returncode != expected:
        fail(f"exit status {p.returncode}, expected {expected}; stderr: {p.stderr[-600:]}")
    rejects, rejects_text = read_rejects(out)
    fragment = case["fragment"]
    if fragment and fragment not in said and fragment not in rejects_text:
        fail(f"message lacks '{fragment}'; said: {said[-600:]!r}; rejects: {rejects_text[-600:]!r}")
    leftovers = [f.name for f in out.glob(".tmp-*")] if out.exists() else []
    if leftovers:
        fail(f"temporary files left in the output folder: {leftovers}")
    if p.returncode == 2:
        written = [n for n in OUTPUTS if (out / n).exists()]
        if written:
            fail(f"stopped with status 2 but wrote {written}")
        return
    if p.returncode not in (0, 1):
        return
    for n in OUTPUTS:
        if not (out / n).exists():
            fail(f"completed but {n} is missing")
    if rejects is None:
        return
    n_rejects = sum(r["severity"] == "reject" for r in rejects)
    if case["rejects"] != "" and n_rejects != int(case["rejects"]):
        fail(f"{n_rejects} rejects, expected {case['rejects']}: " +
             "; ".join(f"{r['row']}/{r['field']}: {r['reason'][:60]}" for r in rejects[:8]))
    for r in rejects:
        if not r["source"] or not r["reason"]:
            fail(f"a reject without source or reason: {r}")
    for name in ["parcels.csv", "enterprises.csv", "parks.csv"]:
        with open(out / name, encoding="utf-8-sig", newline="") as f:
            bad = {c for row in csv.reader(f) for c in row if c.lower().lstrip("-") in ("inf", "nan")}
        if bad:
            fail(f"{name} holds non-numbers {sorted(bad)} (an empty cell means missing)")
    for name in ["parcels.geojson", "run.json"]:
        try:
            json.loads((out / name).read_text(encoding="utf-8"), parse_constant=reject_constant)
        except ValueError as e:
            fail(f"{name} is not strict JSON: {e}")
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    counted = {rec["input"] for rec in record["records"]}
    for rec in record["records"]:
        if rec["read"] != rec["used"] + rec["rejected"] + rec["skipped_other_years"]:
            fail(f"records of {rec['input']} do not add up: {rec}")
    for given in ["parcels", "enterprises", "links", "buildings"]:
        if f"--{given}" in cmd and given not in counted and given != "links":
            fail(f"run.json has no record count for the {given} input")
    if case.get("output"):
        file, _, text = case["output"].partition(":")
        content = (out / file).read_text(encoding="utf-8-sig") if (out / file).exists() else ""
        if text not in content:
            fail(f"{file} lacks '{text}'")


def survey_case(case):
    p, cmd, out, seconds = run_case(case)
    if p is None:
        print(f"{case['case']}: TIMEOUT")
        return
    rejects, _ = read_rejects(out)
    n = "" if rejects is None else sum(r["severity"] == "reject" for r in rejects)
    print(f"== {case['case']}: exit {p.returncode}, rejects {n}, {seconds:.1f} s")
    for line in (p.stdout + p.stderr).strip().splitlines()[-4:]:
        print("   " + line[:300])
    for r in (rejects or [])[:12]:
        print(f"   [{r['severity']}] {r['source'].split('/')[-1]} row {r['row']} {r['field']}={r['value'][:30]!r}: {r['reason'][:110]}")


def snapshot(*folders):
    """Every file under the folders with its bytes' hash: muyield must never write its inputs
    (GDAL's SHAPE_RESTORE_SHX once rewrote the .shx beside every shapefile it read)."""
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in folders if folder.exists() for p in sorted(folder.rglob("*")) if p.is_file()}


def main():
    with open(corpus / "cases.csv", encoding="utf-8", newline="") as f:
        cases = [c for c in csv.DictReader(f) if not c["case"].startswith("#")]
    if only:
        cases = [c for c in cases if c["case"] in only]
    work.mkdir(parents=True, exist_ok=True)
    if survey:
        for c in cases:
            survey_case(c)
        return 0
    missing = sorted({p.name for p in (corpus / "cases").iterdir()} - {c["case"] for c in cases})
    failures = []
    make_corpus.write_generated(generated)
    inputs_before = snapshot(corpus / "cases", corpus / "base", generated)
    if missing and not only:
        failures.append(f"case folders without a line in cases.csv: {missing}")
    for c in cases:
        check_case(c, failures)
    inputs_after = snapshot(corpus / "cases", corpus / "base", generated)
    if inputs_after != inputs_before:
        changed = sorted(set(inputs_after.items()) ^ set(inputs_before.items()))
        failures.append(f"input files created, changed or removed by muyield: {sorted({p for p, _ in changed})}")
    if failures:
        print(f"{len(failures)} failure(s) in {len(cases)} corpus cases:")
        print("\n".join(failures))
        return 1
    print(f"corpus: all {len(cases)} cases behave as cases.csv expects")
    return 0


if __name__ == "__main__":
    sys.exit(main())
