#!/usr/bin/env bash
# Packages the QGIS plugin qgis_plugin/muyield as the zip QGIS installs
# (Plugins › Manage and Install Plugins › Install from ZIP). Same files → byte-identical zip.
#   scripts/package-plugin.sh [OUT_ZIP]     default: build/muyield-qgis-plugin.zip
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build/muyield-qgis-plugin.zip}
mkdir -p "$(dirname "$out")"
"${PYTHON:-python3}" - "$out" <<'PY'
import os
import sys
import zipfile

out = sys.argv[1]
entries = []
for folder, dirs, files in os.walk("qgis_plugin/muyield"):
    dirs[:] = sorted(d for d in dirs if d != "__pycache__")
    entries += [os.path.join(folder, f) for f in sorted(files) if not f.endswith((".pyc", "~"))]
# QGIS wants one top folder named as the plugin; the user guide travels inside it.
members = [(path, os.path.relpath(path, "qgis_plugin")) for path in entries]
members.append(("qgis_plugin/README.md", "muyield/README.md"))
tmp = out + ".tmp"
with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
    for path, name in members:
        info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))  # reproducible
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with open(path, "rb") as f:
            z.writestr(info, f.read())
os.replace(tmp, out)
PY
echo "$out"
