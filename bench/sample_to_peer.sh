#!/usr/bin/env bash
# Converts the bundled 德兴高新区 sample (shapefiles + xlsx) to the peers' input schema
# (parcels.gpkg, buildings.gpkg, enterprises.csv; links.csv copied) so the peers can be checked
# against muyield on it:
#   bench/sample_to_peer.sh OUT_DIR
#   /usr/bin/python3 bench/peer_geopandas.py OUT_DIR PEER_OUT --year 2024 --links OUT_DIR/links.csv
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?OUT_DIR}
mkdir -p "$out"
rm -f "$out"/parcels.gpkg "$out"/buildings.gpkg
ogr2ogr -f GPKG "$out/parcels.gpkg" data/dexing/parcels.shp -nln parcels
ogr2ogr -f GPKG "$out/buildings.gpkg" data/dexing/buildings.shp -nln buildings
cp data/dexing/links.csv "$out/links.csv"
# the sheet has a title row and a 填报单位 row above the header (row 3); cells kept as text
/usr/bin/python3 - "$out/enterprises.csv" <<'PY'
import sys, pandas as pd
df = pd.read_excel("data/dexing/enterprises.xlsx", sheet_name=0, header=2, dtype=str)
df.to_csv(sys.argv[1], index=False, encoding="utf-8")
PY
