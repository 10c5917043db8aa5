#!/usr/bin/env bash
# Times muyield and its peers side by side on one synthetic county, one run at a time:
#   bench/time_peers.sh N [WORK_DIR]       (WORK_DIR default /tmp/muyield-peers)
# 1. builds make_county and muyield (Release, build-bench/) and writes a county of N parcels (seed 42);
# 2. runs, each under /usr/bin/time -v and nice, one after the other:
#      muyield analyze --formats geojson,gpkg,csv      (the outputs the peers also write)
#      the same with bench/method_only.toml            (METHOD.md only: the peer's work)
#      /usr/bin/python3 bench/peer_geopandas.py        (GeoPandas; needs python3-geopandas, python3-rtree)
#      bench/peer_ogr2ogr.sh                           (the I/O floor)
# 3. prints wall time and max RSS of each, and compares muyield's figures with the GeoPandas peer's
#    (bench/compare_outputs.py). Set SKIP_GEOPANDAS=1 to leave the slow peer out (e.g. at 1M),
#    MUYIELD=/path/to/muyield to time a binary already built.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?N parcels}
work=${2:-/tmp/muyield-peers}
dpkg-query -W -f='${Status}' python3-rtree 2>/dev/null | grep -q "install ok installed" ||
  { sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo); "${sudo_cmd[@]}" apt-get install -y -qq python3-geopandas python3-rtree; }
county="$work/county-$n"   # an existing county there is reused
muyield=${MUYIELD:-build-bench/muyield}  # MUYIELD=path uses that binary as it is
targets=()
[ -n "${MUYIELD:-}" ] || targets+=(muyield)
[ -f "$county/enterprises.csv" ] || targets+=(make_county)
if [ ${#targets[@]} -gt 0 ]; then
  cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DMUYIELD_BENCH=ON -DMUYIELD_TESTS=OFF >/dev/null
  ninja -C build-bench -j"$(nproc)" "${targets[@]}" >/dev/null
fi
if [ ! -f "$county/enterprises.csv" ]; then
  build-bench/bench/make_county --parcels "$n" --seed 42 --out "$county"
fi
timed() {  # name, command...
  local name=$1; shift
  rm -rf "$work/out-$name-$n"
  nice /usr/bin/time -v -o "$work/time-$name-$n.txt" "$@" >"$work/log-$name-$n.txt" 2>&1 || {
    echo "$name failed: see $work/log-$name-$n.txt"; return 1; }
  local wall rss cpu
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time-$name-$n.txt")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time-$name-$n.txt")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$work/time-$name-$n.txt")
  printf '%-12s N=%-8s wall %-10s cpu %8s s  max RSS %6d MB\n' "$name" "$n" "$wall" "$cpu" $((rss / 1024))
}
timed muyield "$muyield" analyze --parcels "$county/parcels.gpkg" --buildings "$county/buildings.gpkg" \
  --enterprises "$county/enterprises.csv" --year 2024 --formats geojson,gpkg,csv --out "$work/out-muyield-$n"
# The same work as the peer: METHOD.md only, without class stability and what-it-takes.
timed muyield-method "$muyield" analyze --parcels "$county/parcels.gpkg" \
  --buildings "$county/buildings.gpkg" --enterprises "$county/enterprises.csv" --year 2024 \
  --config bench/method_only.toml --formats geojson,gpkg,csv --out "$work/out-muyield-method-$n"
if [ -z "${SKIP_GEOPANDAS:-}" ]; then
  timed geopandas /usr/bin/python3 bench/peer_geopandas.py "$county" "$work/out-geopandas-$n" --year 2024
fi
timed ogr2ogr bench/peer_ogr2ogr.sh "$county" "$work/out-ogr2ogr-$n"
if [ -z "${SKIP_GEOPANDAS:-}" ]; then
  /usr/bin/python3 bench/compare_outputs.py "$work/out-muyield-$n" "$work/out-geopandas-$n" \
    >"$work/compare-$n.txt"
  echo "figures compared: $work/compare-$n.txt"
  grep -E '==|differ|empty on one side|only in|worst' "$work/compare-$n.txt" || true
fi
