#!/usr/bin/env bash
# Sets up, builds and runs the bundled 德兴高新区 sample review (2024); results in out/dexing-2024/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
scripts/build.sh
out=${1:-out/dexing-2024}
build/muyield analyze \
  --parcels data/dexing/parcels.shp \
  --enterprises data/dexing/enterprises.xlsx \
  --buildings data/dexing/buildings.shp \
  --links data/dexing/links.csv \
  --config data/dexing/review.toml \
  --year 2024 --out "$out"
