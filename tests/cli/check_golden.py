#!/usr/bin/python3
"""Golden-file tests of the command line: what muyield prints (and its exit status) for help,
validate on inputs with unknown fields and bad rows, and unusable input, in English and Chinese,
compared byte for byte with tests/cli/golden/<name>.txt; and `muyield init` writes exactly the
commented settings file data/review.toml.

A deliberate change of wording: run with --update, review the diff of tests/cli/golden/, commit.

usage: check_golden.py MUYIELD_BINARY REPO_DIR WORK_DIR [--update]
"""
import os
import shutil
import subprocess
import sys

muyield, repo, work = map(os.path.abspath, sys.argv[1:4])
update = "--update" in sys.argv
golden = os.path.join(repo, "tests", "cli", "golden")
readers = os.path.join("tests", "fixtures", "readers")  # relative: the output names them so
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
env = dict(os.environ, LC_ALL="", LC_MESSAGES="", LANG="C.UTF-8", COLUMNS="100")

CASES = {
    "help_en": ["--lang", "en", "--help"],
    "help_zh": ["--lang", "zh", "--help"],
    "analyze_help_en": ["--lang", "en", "analyze", "--help"],
    "analyze_help_zh": ["--lang", "zh", "analyze", "--help"],
    "validate_help_en": ["--lang", "en", "validate", "--help"],
    # Unknown fields and rows that would be rejected: exit 1.
    "validate_rejects_en": ["--lang", "en", "validate",
                            "--parcels", os.path.join(readers, "parcels.geojson"),
                            "--enterprises", os.path.join(readers, "enterprises.csv"),
                            "--links", os.path.join(readers, "links.csv")],
    "validate_rejects_zh": ["--lang", "zh", "validate",
                            "--parcels", os.path.join(readers, "parcels.geojson"),
                            "--enterprises", os.path.join(readers, "enterprises.csv"),
                            "--links", os.path.join(readers, "links.csv")],
    # A column no alias knows (listed as not used), full-width digits, a number that is not one.
    "validate_unknown_fields_en": ["--lang", "en", "validate", "--parcels",
                                   os.path.join(work, "clean.geojson"), "--enterprises",
                                   os.path.join(work, "unknown_fields.csv")],
    # A clean input: exit 0.
    "validate_clean_en": ["--lang", "en", "validate", "--parcels", os.path.join(work, "clean.geojson")],
    # Unusable input: exit 2, the file named.
    "analyze_missing_en": ["--lang", "en", "-q", "analyze", "--parcels", "no/such/parcels.shp",
                           "--out", os.path.join(work, "never")],
    # A mistyped option is named (not "--parcels is required").
    "unknown_option_en": ["--lang", "en", "analyze", "--parcels", "p.shp", "--no-such-option"],
}

with open(os.path.join(work, "clean.geojson"), "w", encoding="utf-8") as f:
    f.write('{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4527"}},'
            '"features":[{"type":"Feature","properties":{"ZDDM":"P1","YQMC":"东园","登记面积(公顷)":1.5},'
            '"geometry":{"type":"Polygon","coordinates":[[[39556000,3203000],[39556100,3203000],'
            '[39556100,3203100],[39556000,3203000]]]}}]}')

with open(os.path.join(work, "unknown_fields.csv"), "w", encoding="utf-8") as f:
    f.write("统一社会信用代码,企业名称,年度,实缴税金（万元）,神秘列,营业收入（万元）\n"
            "91361181000000000C,甲,2024,12,abc,１２３\n91361181000000001F,乙,2024,abc,x,5\n")

failures = []
for name, args in CASES.items():
    p = subprocess.run([muyield, *args], capture_output=True, text=True, cwd=repo, env=env)
    text = f"$ muyield {' '.join(args)}\nexit {p.returncode}\n--- stdout\n{p.stdout}--- stderr\n{p.stderr}"
    text = text.replace(work, "WORK").replace(muyield, "muyield")  # where they are differs
    path = os.path.join(golden, name + ".txt")
    if update:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        continue
    if not os.path.exists(path):
        failures.append(f"{name}: no golden file {path} (run with --update)")
        continue
    with open(path, encoding="utf-8") as f:
        want = f.read()
    if text != want:
        import difflib
        diff = "".join(difflib.unified_diff(want.splitlines(True), text.splitlines(True),
                                            f"golden/{name}.txt", "now"))
        failures.append(f"{name}: output differs from the golden file:\n{diff}")

# init writes the commented settings, the same text as data/review.toml.
target = os.path.join(work, "review.toml")
p = subprocess.run([muyield, "init", target], capture_output=True, text=True, env=env)
if p.returncode != 0:
    failures.append(f"init: exit {p.returncode}: {p.stderr}")
else:
    with open(target, encoding="utf-8") as f, open(os.path.join(repo, "data", "review.toml"),
                                                     encoding="utf-8") as g:
        if f.read() != g.read():
            failures.append("init: the written review.toml differs from data/review.toml")
    again = subprocess.run([muyield, "init", target], capture_output=True, text=True, env=env)
    if again.returncode != 2:
        failures.append(f"init over an existing file without --force: exit {again.returncode}, expected 2")

expected_status = {"validate_rejects_en": 1, "validate_unknown_fields_en": 1, "validate_rejects_zh": 1, "validate_clean_en": 0,
                   "analyze_missing_en": 2, "unknown_option_en": 2, "help_en": 0}
for name, status in expected_status.items():
    with open(os.path.join(golden, name + ".txt"), encoding="utf-8") as f:
        f.readline()
        if f.readline().strip() != f"exit {status}":
            failures.append(f"{name}: the golden file does not record exit {status}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("updated" if update else f"golden: {len(CASES)} outputs as recorded; init writes data/review.toml")
