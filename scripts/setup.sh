#!/usr/bin/env bash
# Installs the Debian 12 packages muyield needs, only those missing (quick when all are there).
#   scripts/setup.sh build   compilers and libraries: enough to build and run muyield
#   scripts/setup.sh test    build + what the tests drive (Python tools, QGIS, Chromium, PostGIS, …)
set -euo pipefail
what=${1:-build}

build=(build-essential cmake ninja-build pkg-config
       libgdal-dev gdal-bin libgeos-dev libproj-dev proj-data proj-bin libboost-dev
       catch2 libcli11-dev libtomlplusplus-dev nlohmann-json3-dev libspdlog-dev libfmt-dev
       libxlsxwriter-dev libssl-dev)
test=(python3 python3-gdal python3-geopandas python3-shapely python3-pyproj python3-openpyxl
      python3-matplotlib python3-nbformat python3-nbconvert python3-ipykernel jupyter-nbconvert
      geographiclib-tools qgis python3-qgis qgis-providers fonts-noto-cjk chromium poppler-utils
      postgresql-15 postgresql-15-postgis-3 postgis python3-psycopg2 clang libclang-rt-14-dev locales)

packages=("${build[@]}")
[ "$what" = test ] && packages+=("${test[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
else
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The locale test (tests/cli/check_locale.py) runs muyield under a decimal-comma locale.
if [ "$what" = test ] && ! locale -a 2>/dev/null | grep -qix 'de_DE.utf-\?8'; then
  echo "setup: generating the de_DE.UTF-8 locale"
  "${sudo_cmd[@]}" localedef -i de_DE -f UTF-8 de_DE.UTF-8
fi
