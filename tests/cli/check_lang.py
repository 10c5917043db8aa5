#!/usr/bin/python3
"""The CLI's own texts follow LC_ALL, LC_MESSAGES, LANG (first set wins): Chinese for zh_CN*,
English otherwise; --lang overrides.

usage: check_lang.py MUYIELD_BINARY REPO_DIR WORK_DIR
"""
import os
import subprocess
import sys

muyield, repo, work = map(os.path.abspath, sys.argv[1:4])
failures = []
fixtures = os.path.join(repo, "tests/fixtures/readers")
base = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")}


def run(env, *args):
    return subprocess.run([muyield, *args], capture_output=True, text=True, env=dict(base, **env))


EN, ZH = "output-per-mu (亩均论英雄) review", "工业用地亩均效益综合评价"
cases = [
    ({"LANG": "en_US.UTF-8"}, [], EN),
    ({"LANG": "zh_CN.UTF-8"}, [], ZH),
    ({}, [], EN),
    ({"LANG": "C.UTF-8"}, [], EN),
    ({"LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"}, [], EN),
    ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.GB18030"}, [], ZH),
    ({"LANG": "zh_CN.UTF-8"}, ["--lang", "en"], EN),
    ({"LANG": "en_US.UTF-8"}, ["--lang=zh"], ZH),
]
for env, extra, expected in cases:
    p = run(env, *extra, "--help")
    if p.returncode != 0 or expected not in p.stdout:
        failures.append(f"{env} {extra}: expected {expected!r} in --help:\n{p.stdout[:200]}")

# Per-command help and the validate report differ too.
en = run({"LANG": "en_US.UTF-8"}, "validate", "--parcels", os.path.join(fixtures, "parcels.geojson"))
zh = run({"LANG": "zh_CN.UTF-8"}, "validate", "--parcels", os.path.join(fixtures, "parcels.geojson"))
if "recognised fields" not in en.stdout or "识别的字段" not in zh.stdout or en.stdout == zh.stdout:
    failures.append(f"validate report: en {en.stdout[:200]!r} zh {zh.stdout[:200]!r}")
h_en = run({"LANG": "en_US.UTF-8"}, "batch", "--help").stdout
h_zh = run({"LANG": "zh_CN.UTF-8"}, "batch", "--help").stdout
if "Example" not in h_en or "示例" not in h_zh:
    failures.append("batch --help is not localised")
p = run({}, "--lang", "fr", "--help")
if p.returncode != 2:
    failures.append(f"--lang fr: exit {p.returncode}, expected 2")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("languages: all checks passed")
