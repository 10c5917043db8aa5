#!/usr/bin/env bash
# The I/O floor peer: GDAL's ogr2ogr doing the reads and writes a muyield run does, and nothing else.
#   bench/peer_ogr2ogr.sh IN_DIR OUT_DIR
# IN_DIR holds parcels.gpkg (layer parcels), buildings.gpkg (layer buildings), enterprises.csv.
# Reads / writes:
#   parcels.gpkg  -> OUT/parcels.geojson  RFC7946=YES, COORDINATE_PRECISION=7, reprojected to EPSG:4326
#   parcels.gpkg  -> OUT/parcels.csv      attributes only (UTF-8 with BOM)
#   parcels.gpkg  -> OUT/muyield.gpkg     layer parcels copied (projected CRS as read)
#   buildings.gpkg -> Memory driver       a full read: every feature and geometry decoded into GDAL's
#                                         in-memory layer, then dropped (muyield keeps buildings in RAM too)
#   enterprises.csv -> OUT/enterprises.csv (UTF-8 with BOM)
# Not done (no computation at all): areas, links, overlay, scores, flags, parks.csv/rejects.csv/run.json
# (a few rows). Parcels are read three times (once per output), as three ogr2ogr runs do; the single
# read muyield does is therefore below this floor's read cost — see bench/PEERS.md.
set -euo pipefail
in=${1:?IN_DIR}
out=${2:?OUT_DIR}
mkdir -p "$out"
rm -f "$out/parcels.geojson" "$out/parcels.csv" "$out/muyield.gpkg" "$out/enterprises.csv"
ogr2ogr -f GeoJSON "$out/parcels.geojson" "$in/parcels.gpkg" parcels -t_srs EPSG:4326 \
  -lco RFC7946=YES -lco COORDINATE_PRECISION=7
ogr2ogr -f CSV "$out/parcels.csv" "$in/parcels.gpkg" parcels -lco WRITE_BOM=YES
ogr2ogr -f GPKG "$out/muyield.gpkg" "$in/parcels.gpkg" parcels -nln parcels
ogr2ogr -f Memory /vsimem/buildings "$in/buildings.gpkg" buildings
ogr2ogr -f CSV "$out/enterprises.csv" "$in/enterprises.csv" -lco WRITE_BOM=YES
