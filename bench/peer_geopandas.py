#!/usr/bin/python3
"""The GeoPandas peer of muyield: METHOD.md as a capable planner would write it in GeoPandas.

    /usr/bin/python3 bench/peer_geopandas.py IN_DIR OUT_DIR --year 2024 [--links LINKS.csv]
        [--outputs csv,geojson,gpkg] [--far-min shared/spec/industry_far_min.csv]

Reads IN_DIR/parcels.gpkg (layer parcels), IN_DIR/buildings.gpkg (layer buildings) and
IN_DIR/enterprises.csv (UTF-8) with the DATA.md field aliases, and writes OUT_DIR/parcels.csv,
enterprises.csv, parks.csv (UTF-8 with BOM, DATA.md column names), rejects.csv and, by default,
parcels.geojson (RFC 7946, 7 decimals) and muyield.gpkg (parcels, enterprises, parks): the outputs of
`muyield analyze --formats geojson,gpkg,csv` (no rankings.xlsx, report.html, styles or run.json).

It is a benchmark peer, not a second implementation to maintain: it computes the METHOD.md figures with
its defaults (no review.toml), vectorised pandas/numpy, GeoPandas overlay/sjoin/dissolve with the
spatial index. Per-row Python remains only where no vectorised form exists in this stack:
the geodesic area (pyproj Geod.geometry_area_perimeter per polygon part; PROJ has no array form for
polygons), MakeValid of the invalid geometries, and formatting of the reason texts.
Stage times go to stderr.

Stack: Debian 12's python3-geopandas 0.12.2 + python3-shapely 1.8.5 + python3-rtree (spatial index;
`apt-get install python3-rtree`), pyproj 3.4.1, pandas 1.5.3, fiona 1.9 (GDAL 3.6). With shapely 1.8
and no pygeos, GeoPandas' "vectorised" geometry methods loop over shapely objects in Python inside
GeoPandas; that is what this stack gives a planner (see bench/PEERS.md).
"""
import argparse
import math
import os
import re
import sys
import time
import warnings

import numpy as np
import pandas as pd
import geopandas as gpd
from pyproj import Geod
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.polygon import orient
from shapely.validation import make_valid

warnings.filterwarnings("ignore", category=UserWarning)
warnings.filterwarnings("ignore", category=FutureWarning)

# ---- METHOD.md defaults ---------------------------------------------------------------------------
MU_PER_M2 = 0.0015
CFG = dict(
    min_land_mu=3.0, ramp_up_years=2, exempt_divisions={"44", "45", "46"}, cap=2.0, benchmark_factor=1.0,
    weights={"above": {"tax_per_mu": 30, "va_per_mu": 20, "va_per_energy": 20, "va_per_emission": 10,
                       "labor_productivity": 10, "rd_intensity": 10},
             "below": {"tax_per_mu": 50, "tax_per_kwh": 30, "revenue_per_mu": 20}},
    bonus={"high_tech": 5.0, "specialized": 3.0}, deduction={},
    shares=(0.20, 0.60, 0.95), labels={"A": "优先发展类", "B": "鼓励提升类", "C": "监管调控类", "D": "落后整治类",
                                       "unrated": "不参评"},
    storey_height_m=4.5, tall_storey_m=8.0, min_coverage=0.30, idle_coverage_factor=1 / 3, low_yield_ratio=0.3,
    above_revenue=2000.0, deviation_warn=0.05,
)
SUPPLIED = {"已供", "已供应", "已出让", "已划拨", "supplied"}
UNSUPPLIED = {"批而未供", "unsupplied"}
FLAGS = ["UNSUPPLIED", "IDLE", "IDLE_2Y", "VACANT", "LOW_DENSITY", "LOW_YIELD", "D_CLASS"]
FLAG_ZH = {"UNSUPPLIED": "批而未供", "IDLE": "闲置土地", "IDLE_2Y": "闲置满两年", "VACANT": "供而未用/建而未投",
           "LOW_DENSITY": "用而未尽", "LOW_YIELD": "投而未达", "D_CLASS": "落后整治"}

# ---- DATA.md aliases ------------------------------------------------------------------------------
ALIASES = {
    "parcels": {
        "parcel_id": ["宗地代码", "宗地编码", "ZDDM", "ZDBM", "DKBH", "地块编号", "parcel_id"],
        "holder_uscc": ["权利人统一社会信用代码", "统一社会信用代码", "TYSHXYDM", "QLRDM", "holder_uscc"],
        "holder_name": ["权利人", "权利人名称", "QLR", "QLRMC", "holder_name"],
        "park": ["园区", "园区名称", "所属园区", "YQMC", "park"],
        "land_use": ["土地用途", "用途", "地类编码", "TDYT", "DLBM", "land_use"],
        "status": ["供地状态", "土地状态", "GDZT", "status"],
        "supply_date": ["供地日期", "出让日期", "GDRQ", "supply_date"],
        "agreed_start": ["约定开工日期", "约定动工日期", "YDKGRQ", "agreed_start"],
        "registered_m2": ["登记面积", "宗地面积", "用地面积", "ZDMJ", "DJMJ", "registered_m2"],
    },
    "buildings": {
        "floors": ["层数", "建筑层数", "CS", "JZCS", "floors"],
        "height_m": ["建筑高度", "高度", "GD", "height_m"],
    },
    "enterprises": {
        "uscc": ["统一社会信用代码", "信用代码", "TYSHXYDM", "uscc"],
        "name": ["企业名称", "单位名称", "QYMC", "name"],
        "year": ["年度", "年份", "ND", "year"],
        "industry_code": ["行业代码", "国民经济行业代码", "HYDM", "industry_code"],
        "above_scale": ["是否规上", "规上企业", "规模以上", "above_scale"],
        "revenue": ["营业收入", "主营业务收入", "销售收入", "revenue"],
        "output_value": ["工业总产值", "总产值", "output_value"],
        "value_added": ["工业增加值", "增加值", "value_added"],
        "tax": ["税收实际贡献", "实缴税金", "实缴税收", "税收", "tax"],
        "energy_tce": ["综合能耗", "能耗", "energy_tce"],
        "electricity_kwh": ["用电量", "总用电量", "electricity_kwh"],
        "employees": ["年平均职工人数", "从业人员", "职工人数", "employees"],
        "rd_expense": ["研发经费支出", "R&D经费", "研发投入", "rd_expense"],
        "emissions_t": ["主要污染物排放量", "排污量", "emissions_t"],
        "production_start": ["投产日期", "投产时间", "production_start"],
        "high_tech": ["高新技术企业", "high_tech"],
        "specialized": ["专精特新", "specialized"],
        "veto": ["一票否决", "否决事项", "veto"],
        "lon": ["经度", "lon", "x"],
        "lat": ["纬度", "lat", "y"],
    },
    "links": {
        "parcel_id": ["宗地代码", "宗地编码", "ZDDM", "parcel_id"],
        "uscc": ["统一社会信用代码", "信用代码", "TYSHXYDM", "uscc"],
        "share": ["份额", "share"],
        "floor_area_m2": ["租用建筑面积", "建筑面积", "floor_area_m2"],
    },
}
MONEY = ["revenue", "output_value", "value_added", "tax", "rd_expense"]
NUMERIC_E = MONEY + ["energy_tce", "electricity_kwh", "employees", "emissions_t"]
SPREAD = ["tax", "revenue", "output_value", "value_added", "energy_tce", "employees"]
INDICATORS = {  # key: (numerator, denominator, factor)
    "tax_per_mu": ("tax", "land_mu", 1.0), "revenue_per_mu": ("revenue", "land_mu", 1.0),
    "output_per_mu": ("output_value", "land_mu", 1.0), "va_per_mu": ("value_added", "land_mu", 1.0),
    "va_per_energy": ("value_added", "energy_tce", 1.0), "va_per_emission": ("value_added", "emissions_t", 1.0),
    "labor_productivity": ("value_added", "employees", 1.0), "rd_intensity": ("rd_expense", "revenue", 1.0),
    "tax_per_kwh": ("tax", "electricity_kwh", 1e4),
}
SEVERITY = {"unrated": 0, "A": 1, "B": 2, "C": 3, "D": 4}  # for "ties: the worse class"


class Rejects:
    def __init__(self):
        self.frames = []

    def add(self, source, rows, field, values, reason, severity="reject"):
        if len(rows):
            self.frames.append(pd.DataFrame({"source": source, "row": rows, "field": field, "value": values,
                                             "reason": reason, "severity": severity}))

    def frame(self):
        cols = ["source", "row", "field", "value", "reason", "severity"]
        return pd.concat(self.frames, ignore_index=True)[cols] if self.frames else pd.DataFrame(columns=cols)


def canonical(df, table):
    """Rename columns by the DATA.md aliases (case-insensitive, unit suffix ignored); return units."""
    lookup = {a.lower(): key for key, names in ALIASES[table].items() for a in names}
    rename, units = {}, {}
    for col in df.columns:
        if col == "geometry":
            continue
        m = re.match(r"^\s*(.*?)\s*[（(]\s*([^）)]*)\s*[）)]\s*$", str(col))
        name, unit = (m.group(1), m.group(2)) if m else (str(col).strip(), "")
        key = lookup.get(name.lower())
        if key and key not in rename.values():
            rename[col], units[key] = key, unit
    return df.rename(columns=rename), units


def parse_numbers(s, source, field, rejects):
    if pd.api.types.is_numeric_dtype(s):
        return s.astype(float)
    txt = s.astype("string").str.strip().replace("", pd.NA)
    num = pd.to_numeric(txt.str.replace(",", "", regex=False), errors="coerce")
    bad = txt.notna() & num.isna()
    rejects.add(source, s.index[bad] + 1, field, txt[bad].astype(str), "not a number; the field is left empty")
    return num.astype(float)


def parse_dates(s, source, field, rejects, bare_year=False):
    """YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD, Excel serial (and a bare year for production start)."""
    if pd.api.types.is_datetime64_any_dtype(s):
        return pd.to_datetime(s).dt.tz_localize(None) if getattr(s.dt, "tz", None) else s
    txt = s.astype("string").str.strip().str.replace(r"[T ]\d\d:\d\d(:\d\d(\.\d+)?)?.*$", "", regex=True)
    txt = txt.replace("", pd.NA)
    out = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns]")
    for fmt, pat in (("%Y-%m-%d", r"\d{4}-\d{1,2}-\d{1,2}"), ("%Y/%m/%d", r"\d{4}/\d{1,2}/\d{1,2}"),
                     ("%Y%m%d", r"\d{8}")):
        m = txt.str.fullmatch(pat).fillna(False).astype(bool)
        if m.any():
            out[m] = pd.to_datetime(txt[m], format=fmt, errors="coerce")
    serial = txt.str.fullmatch(r"\d{5}(\.0*)?").fillna(False).astype(bool)
    if serial.any():
        out[serial] = pd.to_datetime(txt[serial].astype(float), unit="D", origin="1899-12-30")
    if bare_year:
        y = txt.str.fullmatch(r"\d{4}(\.0*)?").fillna(False).astype(bool)
        if y.any():
            out[y] = pd.to_datetime(txt[y].astype(float).astype(int).astype(str) + "-01-01", format="%Y-%m-%d")
    bad = txt.notna() & out.isna()
    rejects.add(source, s.index[bad] + 1, field, txt[bad].astype(str), "impossible or unreadable date; the field is left empty")
    return out


def parse_bool(s):
    t = s.astype("string").str.strip().str.lower()
    return t.map({"是": True, "y": True, "yes": True, "1": True, "true": True, "1.0": True,
                  "否": False, "n": False, "no": False, "0": False, "false": False, "0.0": False})


USCC_ALPH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = np.array([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])


def uscc_check_ok(s):
    """GB 32100 check digit, vectorised over the codes."""
    ok = s.str.fullmatch(f"[{USCC_ALPH}]{{18}}").fillna(False).astype(bool).to_numpy()
    res = np.zeros(len(s), bool)
    if ok.any():
        table = np.full(256, 0, np.int64)
        for i, c in enumerate(USCC_ALPH):
            table[ord(c)] = i
        b = np.frombuffer("".join(s[ok]).encode("ascii"), np.uint8).reshape(-1, 18)
        v = table[b]
        c = (31 - (v[:, :17] * USCC_W).sum(1) % 31) % 31
        res[ok] = c == v[:, 17]
    return res


def polygonal(g):
    """MakeValid (linework) and keep the polygonal parts only."""
    if g is None or g.is_empty:
        return None
    if not g.is_valid:
        g = make_valid(g)
    if isinstance(g, (Polygon, MultiPolygon)):
        return g
    parts = [p for p in getattr(g, "geoms", []) for p in (getattr(p, "geoms", [p]))
             if isinstance(p, Polygon) and not p.is_empty]
    return MultiPolygon(parts) if parts else None


def repair(gs, source, rejects):
    invalid = ~gs.is_valid | gs.is_empty | gs.isna()
    if invalid.any():
        fixed = gs[invalid].apply(polygonal)
        repaired = invalid & fixed.reindex(gs.index).notna()
        rejects.add(source, gs.index[repaired] + 1, "geometry", "", "invalid geometry repaired by MakeValid", "warning")
        gs = gs.copy()
        gs[invalid] = fixed
    return gs


GEOD = Geod(ellps="GRS80")  # CGCS2000 ellipsoid


def geodesic_area(g):
    return sum(GEOD.geometry_area_perimeter(orient(p, 1.0))[0] for p in getattr(g, "geoms", [g]))


def gk_zone_epsg(lon):
    """CGCS2000 3-degree GK zone with the nearest central meridian: EPSG:4513 (zone 25) … 4533 (zone 45)."""
    zone = np.floor(lon / 3.0 + 0.5).astype(int)
    return 4488 + zone


def round_half_away(x):
    return np.floor(np.asarray(x, float) + 0.5 + 1e-9).astype(int)


def fmt_num(s):
    """Floats as their shortest round-trip text, integers without '.0'."""
    return s.astype(str).str.replace(r"\.0$", "", regex=True)


class Timer:
    def __init__(self):
        self.t0 = self.t = time.perf_counter()

    def __call__(self, what):
        now = time.perf_counter()
        print(f"[peer] {what:<34s} {now - self.t:8.2f} s  (total {now - self.t0:8.2f} s)", file=sys.stderr, flush=True)
        self.t = now


# ---- the review -----------------------------------------------------------------------------------
def run(args):
    T = Timer()
    rj = Rejects()
    year = args.year
    eval_date = pd.Timestamp(year, 12, 31)
    in_dir = args.in_dir
    p_src = os.path.join(in_dir, "parcels.gpkg")
    b_src = os.path.join(in_dir, "buildings.gpkg")
    e_src = os.path.join(in_dir, "enterprises.csv")

    # ---- §1 parcels: read, repair, areas
    P = gpd.read_file(p_src, layer="parcels")
    if P.crs is None:
        sys.exit(f"{p_src}: the layer has no CRS; give it one (e.g. EPSG:4527)")
    if P.crs.is_geographic:
        pass  # areas below are geodesic; planar areas use the GK zone, never degrees
    P, p_units = canonical(P, "parcels")
    if "parcel_id" not in P:
        sys.exit(f"{p_src}: no parcel_id field (宗地代码, ZDDM, …)")
    T("read parcels")
    P["parcel_id"] = P["parcel_id"].astype("string").str.strip()
    dup = P["parcel_id"].duplicated(keep="first") | P["parcel_id"].isna()
    rj.add(p_src, P.index[dup] + 1, "parcel_id", P.loc[dup, "parcel_id"].astype(str), "duplicate or empty parcel_id")
    P = P[~dup]
    P = P.set_geometry(repair(P.geometry, p_src, rj))
    empty = P.geometry.isna()
    rj.add(p_src, P.index[empty] + 1, "geometry", "", "empty or unusable geometry")
    P = P[~empty].reset_index(drop=True)
    for c in ["holder_uscc", "holder_name", "park", "land_use", "status"]:
        P[c] = P[c].astype("string").str.strip().replace("", pd.NA) if c in P else pd.Series(pd.NA, index=P.index, dtype="string")
    P["park"] = P["park"].fillna("all")
    P["holder_uscc"] = P["holder_uscc"].str.upper()
    for c in ["supply_date", "agreed_start"]:
        P[c] = parse_dates(P[c], p_src, c, rj) if c in P else pd.Series(pd.NaT, index=P.index)
    if "registered_m2" in P:
        reg = parse_numbers(P["registered_m2"], p_src, "registered_m2", rj)
        u = p_units.get("registered_m2", "")
        P["registered_m2"] = reg * (10000.0 if "公顷" in u or "ha" in u.lower() else 10000 / 15 if "亩" in u else 1.0)
    else:
        P["registered_m2"] = np.nan
    T("parse parcels")

    ll = P.geometry.to_crs(4490)  # CGCS2000 geographic (same datum: inverse projection only)
    P["area_m2"] = np.fromiter((geodesic_area(g) for g in ll), float, len(ll))
    P["area_mu"] = P["area_m2"] * MU_PER_M2
    P["area_deviation"] = P["area_m2"] / P["registered_m2"].where(P["registered_m2"] > 0) - 1
    dev = P["area_deviation"].abs() > CFG["deviation_warn"]
    rj.add(p_src, P.index[dev] + 1, "registered_m2", P.loc[dev, "registered_m2"].astype(str),
           "area deviates more than 5 % from the registered area", "warning")
    T("geodesic areas")
    cen = P.geometry.centroid.to_crs(4490)
    P["gk_epsg"] = gk_zone_epsg(cen.x.to_numpy())
    P["planar_m2"] = np.nan
    gk = {}  # zone EPSG -> parcels in that zone, projected
    for epsg, idx in P.groupby("gk_epsg").groups.items():
        g = P.loc[idx, ["parcel_id", "geometry"]]
        if P.crs.to_epsg() != epsg:
            g = g.to_crs(epsg)
        gk[epsg] = g
        P.loc[idx, "planar_m2"] = g.geometry.area
    T("planar (GK zone) areas")

    # ---- enterprises of the year
    E = pd.read_csv(e_src, dtype=str, encoding="utf-8-sig", keep_default_na=False, na_values=[""])
    E, e_units = canonical(E, "enterprises")
    E.index = E.index + 1  # rows as a spreadsheet counts them below the header
    yr = pd.to_numeric(E.get("year"), errors="coerce") if "year" in E else pd.Series(year, index=E.index)
    E = E[yr == year].copy()
    E["uscc"] = E["uscc"].str.strip().str.upper()
    dup = E["uscc"].duplicated(keep="first") | E["uscc"].isna()
    rj.add(e_src, E.index[dup], "uscc", E.loc[dup, "uscc"].astype(str), "duplicate or empty uscc in the year")
    E = E[~dup]
    for c in NUMERIC_E:
        if c not in E:
            E[c] = np.nan
            continue
        v = parse_numbers(E[c], e_src, c, rj)
        u = e_units.get(c, "")
        if c in MONEY:
            v = v * (1e4 if "亿" in u else 1.0 if ("万" in u or u == "") else 1e-4 if "元" in u else 1.0)
        if c == "electricity_kwh" and "万" in u:
            v = v * 1e4
        E[c] = v
    E["production_start"] = (parse_dates(E["production_start"], e_src, "production_start", rj, bare_year=True)
                             if "production_start" in E else pd.NaT)
    for c in ["high_tech", "specialized", "above_scale"]:
        E[c] = parse_bool(E[c]) if c in E else pd.Series(pd.NA, index=E.index, dtype="object")
    E["veto"] = E["veto"].str.strip().replace("", np.nan) if "veto" in E else np.nan
    E["industry_code"] = E["industry_code"].str.strip() if "industry_code" in E else pd.NA
    E["division"] = E["industry_code"].str.replace(r"\D", "", regex=True).str[:2]
    E["uscc_check_ok"] = uscc_check_ok(E["uscc"])
    rj.add(e_src, E.index[~E["uscc_check_ok"]], "uscc", E.loc[~E["uscc_check_ok"], "uscc"],
           "the credit code fails its GB 32100 check digit (still used)", "warning")
    E = E.reset_index(drop=True)
    T("read enterprises")

    # ---- §2 links: explicit > holder > spatial
    ent_ids = pd.Index(E["uscc"])
    links = []
    explicit_parcels = pd.Index([])
    if args.links:
        L = pd.read_csv(args.links, dtype=str, encoding="utf-8-sig", keep_default_na=False, na_values=[""])
        L, _ = canonical(L, "links")
        L.index = L.index + 1
        L["parcel_id"] = L["parcel_id"].str.strip()
        L["uscc"] = L["uscc"].str.strip().str.upper()
        bad = ~L["parcel_id"].isin(P["parcel_id"]) | ~L["uscc"].isin(ent_ids)
        rj.add(args.links, L.index[bad], "parcel_id/uscc", (L["parcel_id"] + "/" + L["uscc"])[bad],
               "links row names an unknown parcel or an enterprise not in the year's table")
        L = L[~bad]
        for c in ["share", "floor_area_m2"]:
            L[c] = parse_numbers(L[c], args.links, c, rj) if c in L else np.nan
        by_share = L.groupby("parcel_id")["share"].transform("count") > 0
        fa_share = L["floor_area_m2"] / L.groupby("parcel_id")["floor_area_m2"].transform("sum")
        L["share"] = L["share"].where(by_share, fa_share)
        L = L[L["share"] > 0].groupby(["parcel_id", "uscc"], as_index=False)["share"].sum()
        L["link_source"] = "explicit"
        explicit_parcels = pd.Index(L["parcel_id"].unique())
        links.append(L)
    H = P.loc[~P["parcel_id"].isin(explicit_parcels) & P["holder_uscc"].isin(ent_ids), ["parcel_id", "holder_uscc"]]
    H = H.rename(columns={"holder_uscc": "uscc"}).assign(share=1.0, link_source="holder")
    links.append(H)
    if "lon" in E and "lat" in E:
        lon = pd.to_numeric(E["lon"], errors="coerce")
        lat = pd.to_numeric(E["lat"], errors="coerce")
        has = lon.notna() & lat.notna()
        rest = P.loc[~P["parcel_id"].isin(explicit_parcels.union(pd.Index(H["parcel_id"]))), ["parcel_id", "geometry"]]
        if has.any() and len(rest):
            pts = gpd.GeoDataFrame({"uscc": E.loc[has, "uscc"]}, geometry=gpd.points_from_xy(lon[has], lat[has]),
                                   crs=args.points_crs).to_crs(P.crs)
            S = gpd.sjoin(pts, rest, predicate="within")[["parcel_id", "uscc"]]
            S["share"] = 1.0 / S.groupby("parcel_id")["uscc"].transform("size")
            links.append(S.assign(link_source="spatial"))
    L = pd.concat(links, ignore_index=True)
    tot = L.groupby("parcel_id")["share"].transform("sum")
    over = tot > 1 + 1e-9
    over_ids = L.loc[over, "parcel_id"].unique()
    rj.add("links", np.arange(len(over_ids)), "share", over_ids, "shares of the parcel sum to more than 1 (scaled to 1)", "error")
    L["share"] = L["share"].where(~over, L["share"] / tot)
    L = L.merge(P[["parcel_id", "area_mu", "park"]], on="parcel_id")
    L["land_mu"] = L["share"] * L["area_mu"]
    land = L.groupby("uscc").agg(land_mu=("land_mu", "sum"), n_parcels=("parcel_id", "nunique"))
    E = E.join(land, on="uscc")
    E["land_mu"] = E["land_mu"].fillna(0.0)
    E["n_parcels"] = E["n_parcels"].fillna(0).astype(int)
    pk = L.groupby(["uscc", "park"])["land_mu"].sum().reset_index().sort_values(
        ["uscc", "land_mu", "park"], ascending=[True, False, True])
    E = E.join(pk.drop_duplicates("uscc").set_index("uscc")["park"], on="uscc")
    T("links")

    # ---- §3 indicators, §4 groups and who is rated
    for key, (num, den, k) in INDICATORS.items():
        d = E[den].where(E[den] != 0)
        E[key] = E[num] * k / d
    E["group"] = np.where(E["above_scale"].notna(), E["above_scale"].fillna(False).astype(bool),
                          E["revenue"] >= CFG["above_revenue"])
    E["group"] = np.where(E["group"].astype(bool), "above", "below")
    ramp_limit = pd.Timestamp(year - CFG["ramp_up_years"], 12, 31)
    E["unrated_reason"] = np.select(
        [E["land_mu"] <= 0, E["division"].isin(CFG["exempt_divisions"]), E["production_start"] > ramp_limit,
         (E["group"] == "below") & (E["land_mu"] < CFG["min_land_mu"])],
        ["no_land", "exempt_industry", "ramp_up", "small_land"], default="")
    E["unrated_reason"] = E["unrated_reason"].replace("", np.nan)
    rated = E["unrated_reason"].isna()
    E["vetoed"] = E["veto"].notna() & rated

    # ---- §5 scores
    all_keys = list(dict.fromkeys(k for w in CFG["weights"].values() for k in w))
    for key in all_keys:
        E["s_" + key] = np.nan
    E["bonus"] = np.nan
    E["deduction"] = np.nan
    E["total"] = np.nan
    for grp, weights in CFG["weights"].items():
        m = rated & (E["group"] == grp)
        G = E.loc[m]
        total = pd.Series(0.0, index=G.index)
        for key, w in weights.items():
            num, den, k = INDICATORS[key]
            has = G[num].notna() & G[den].notna() & (G[den] != 0)
            b = k * G.loc[has, num].sum() / G.loc[has, den].sum() * CFG["benchmark_factor"] if has.any() else np.nan
            s = w * (G[key] / b).clip(0, CFG["cap"]) if b > 0 else pd.Series(0.0, index=G.index).where(has)
            mean = s[has].mean() if has.any() else 0.0
            s = s.where(has, mean)
            E.loc[m, "s_" + key] = s
            total += s
        bonus = sum(v * G[c].fillna(False).astype(bool) for c, v in CFG["bonus"].items())
        ded = sum(v * G[c].fillna(False).astype(bool) for c, v in CFG["deduction"].items()) if CFG["deduction"] else 0.0
        E.loc[m, "bonus"] = bonus
        E.loc[m, "deduction"] = ded
        E.loc[m, "total"] = total + bonus - ded

    # ---- §6 ranks and classes
    R = E.loc[rated, ["group", "vetoed", "total", "tax_per_mu", "uscc"]].sort_values(
        ["group", "vetoed", "total", "tax_per_mu", "uscc"], ascending=[True, True, False, False, True], na_position="last")
    R["rank"] = R.groupby("group").cumcount() + 1
    n_ok = R[~R["vetoed"]].groupby("group").size().reindex(R["group"]).to_numpy()
    qa, qb, qc = (round_half_away(q * n_ok) for q in CFG["shares"])
    k = R["rank"].to_numpy()
    R["class"] = np.where(R["vetoed"], "D", np.select([k <= qa, k <= qb, k <= qc], ["A", "B", "C"], "D"))
    E = E.join(R[["rank", "class"]])
    E["rank"] = E["rank"].astype("Int64")
    E["class"] = E["class"].fillna("unrated")
    E["class_label"] = E["class"].map(CFG["labels"])
    T("indicators, scores, classes")

    # ---- spread figures to parcels; main occupant
    L = L.merge(E[["uscc", "class", "division", "name"] + SPREAD], on="uscc", how="left")
    L = L.merge(E[["uscc", "land_mu"]].rename(columns={"land_mu": "e_land_mu"}), on="uscc")
    wgt = L["land_mu"] / L["e_land_mu"]
    # an occupant with a missing figure contributes nothing; no occupant with the figure -> missing
    Pfig = (L[SPREAD].mul(wgt, axis=0)).groupby(L["parcel_id"]).sum(min_count=1)
    L["severity"] = L["class"].map(SEVERITY)
    L = L.sort_values(["parcel_id", "share", "severity", "uscc"], ascending=[True, False, False, True])
    main = L.drop_duplicates("parcel_id").set_index("parcel_id")
    occ = L.assign(txt=L["uscc"] + ":" + fmt_num(L["share"]), rev_pos=L["revenue"] > 0).sort_values(
        ["parcel_id", "share", "uscc"], ascending=[True, False, True]).groupby("parcel_id").agg(
        n_occupants=("uscc", "size"), occupants=("txt", ";".join), any_revenue=("rev_pos", "max"))
    P = P.join(main[["uscc", "name", "class", "division", "link_source"]].rename(
        columns={"uscc": "main_uscc", "name": "main_name", "division": "industry_division"}), on="parcel_id")
    P = P.join(occ, on="parcel_id").join(Pfig, on="parcel_id")
    P["occupied"] = P["n_occupants"].notna()
    P["n_occupants"] = P["n_occupants"].fillna(0).astype(int)
    P["any_revenue"] = P["any_revenue"].fillna(False).astype(bool)
    P.loc[~P["occupied"], SPREAD] = 0.0  # unoccupied: 0; occupied with no occupant having the figure: missing
    for key in ["tax_per_mu", "revenue_per_mu", "output_per_mu", "va_per_mu"]:
        num = INDICATORS[key][0]
        P[key] = (P[num] / P["area_mu"]).where(P["occupied"], 0.0)
    o = P.loc[P["occupied"], ["parcel_id", "park", "tax_per_mu"]].sort_values(["tax_per_mu", "parcel_id"], ascending=[False, True])
    o["rank_all"] = np.arange(1, len(o) + 1)
    o["rank_park"] = o.groupby("park").cumcount() + 1
    P = P.join(o[["rank_park", "rank_all"]])
    P[["rank_park", "rank_all"]] = P[["rank_park", "rank_all"]].astype("Int64")
    far_min = pd.read_csv(args.far_min, dtype={"division_2017": str}).set_index("division_2017")["far_min"]
    P["far_min"] = P["industry_division"].map(far_min)
    T("spread to parcels, parcel ranks")

    # ---- §7 building form: overlay in the GK zone
    B = gpd.read_file(b_src, layer="buildings")
    B, _ = canonical(B, "buildings")
    T("read buildings")
    B = B.set_geometry(repair(B.geometry, b_src, rj))
    B = B[B.geometry.notna()]
    floors = parse_numbers(B["floors"], b_src, "floors", rj) if "floors" in B else pd.Series(np.nan, index=B.index)
    height = parse_numbers(B["height_m"], b_src, "height_m", rj) if "height_m" in B else pd.Series(np.nan, index=B.index)
    floors = floors.where(floors > 0)
    tall = floors.notna() & (height / floors > CFG["tall_storey_m"])
    B["floors_eff"] = np.where(floors.notna(), np.where(tall, 2 * floors, floors),
                               np.ceil(height.where(height > 0) / CFG["storey_height_m"]))
    B = B[["floors_eff", "geometry"]]
    pieces = []
    for epsg, PZ in gk.items():
        BZ = B if B.crs.to_epsg() == epsg else B.to_crs(epsg)
        pieces.append(gpd.overlay(BZ, PZ, how="intersection", keep_geom_type=True))
    X = pd.concat(pieces, ignore_index=True)
    X["a"] = X.geometry.area
    X = X[X["a"] > 0]
    T("overlay buildings x parcels")
    form = X.groupby("parcel_id").agg(n_buildings=("a", "size"))
    form["floor_area_m2"] = (X["a"] * X["floors_eff"]).groupby(X["parcel_id"]).sum()  # neither floors nor height: 0
    fp = X[["parcel_id", "geometry"]].dissolve(by="parcel_id")
    form["footprint_m2"] = fp.geometry.area
    T("dissolve footprints")
    P = P.join(form, on="parcel_id")
    P["n_buildings"] = P["n_buildings"].fillna(0).astype(int)
    P[["footprint_m2", "floor_area_m2"]] = P[["footprint_m2", "floor_area_m2"]].fillna(0.0)
    P["coverage"] = P["footprint_m2"] / P["planar_m2"]
    P["far"] = P["floor_area_m2"] / P["planar_m2"]

    # ---- §8 flags
    supplied = P["status"].isin(SUPPLIED)
    fl = pd.DataFrame(index=P.index)
    fl["UNSUPPLIED"] = P["status"].isin(UNSUPPLIED)
    idle_cov = CFG["min_coverage"] * CFG["idle_coverage_factor"]
    low_cov_idle = P["coverage"] < idle_cov
    ag = P["agreed_start"]
    fl["IDLE"] = supplied & ag.notna() & (ag + pd.DateOffset(years=1) <= eval_date) & low_cov_idle
    fl["IDLE_2Y"] = fl["IDLE"] & (ag + pd.DateOffset(years=2) <= eval_date)
    fl["VACANT"] = supplied & (P["footprint_m2"] > 0) & ~P["any_revenue"]
    low_far = P["far_min"].notna() & (P["far"] < P["far_min"])
    low_cov = P["coverage"] < CFG["min_coverage"]
    fl["LOW_DENSITY"] = P["occupied"] & (low_far | low_cov)
    occ_p = P[P["occupied"]].groupby("park")[["tax", "area_mu"]].sum()
    park_tpm = P["park"].map(occ_p["tax"] / occ_p["area_mu"])
    fl["LOW_YIELD"] = P["occupied"] & (P["tax_per_mu"] < CFG["low_yield_ratio"] * park_tpm)
    fl["D_CLASS"] = P["class"] == "D"
    flags = pd.Series("", index=P.index)
    for f in FLAGS:
        flags = flags + np.where(fl[f], "," + f, "")
    P["flags"] = flags.str.lstrip(",").replace("", np.nan)
    flagged = fl.any(axis=1)
    P["potential_floor_m2"] = ((P["far_min"] - P["far"]).clip(lower=0) * P["planar_m2"]).where(flagged)
    P["potential_tax"] = ((park_tpm - P["tax_per_mu"]).clip(lower=0) * P["area_mu"]).where(flagged)
    f2 = lambda s: s.map("{:.2f}".format)
    f3 = lambda s: s.map("{:.3f}".format)
    ag_s = ag.dt.strftime("%Y-%m-%d")
    reasons = {
        "UNSUPPLIED": "批而未供 UNSUPPLIED：供地状态为“" + P["status"].fillna("") + "” / approved, not supplied",
        "IDLE": "闲置土地 IDLE：约定开工日期 " + ag_s.fillna("") + " + 1 年 ≤ 评价日；建筑系数 " + f3(P["coverage"])
                + " < " + f"{idle_cov:.3f}" + " / coverage below 1/3 of the minimum",
        "IDLE_2Y": "闲置满两年 IDLE_2Y：约定开工日期 " + ag_s.fillna("") + " + 2 年 ≤ 评价日 / candidate for recovery",
        "VACANT": "供而未用/建而未投 VACANT：已建 " + P["footprint_m2"].map("{:.0f}".format)
                  + " m² 基底，无营业收入大于0的使用企业 / buildings stand but no occupant has revenue > 0",
        "LOW_DENSITY": "用而未尽 LOW_DENSITY：容积率 " + f2(P["far"]) + "（下限 " + P["far_min"].map("{:.2f}".format)
                       + "），建筑系数 " + f3(P["coverage"]) + "（下限 " + f"{CFG['min_coverage']:.2f}" + "）",
        "LOW_YIELD": "投而未达 LOW_YIELD：亩均税收 " + f2(P["tax_per_mu"]) + " < " + f"{CFG['low_yield_ratio']:.2f}"
                     + " × 园区 " + f2(park_tpm) + " 万元/亩",
        "D_CLASS": "落后整治 D_CLASS：主要使用企业 " + P["main_uscc"].fillna("") + " 为 D 类",
    }
    txt = pd.Series("", index=P.index)
    for f in FLAGS:
        txt = txt + np.where(fl[f], "；" + reasons[f], "")
    P["flag_reasons"] = txt.str.lstrip("；").replace("", np.nan)
    T("flags")

    # ---- §9 parks
    P["supplied_mu"] = P["area_mu"].where(supplied, 0.0)
    P["occupied_mu"] = P["area_mu"].where(P["occupied"], 0.0)
    P["idle_mu"] = P["area_mu"].where(fl["IDLE"], 0.0)
    P["flagged_mu"] = P["area_mu"].where(flagged, 0.0)
    P["_occ_tax"] = P["tax"].where(P["occupied"], 0.0)
    P["_occ_rev"] = P["revenue"].where(P["occupied"], 0.0)
    P["_occ_va"] = P["value_added"].where(P["occupied"], 0.0)
    for f in FLAGS:
        P["n_" + f] = fl[f].astype(int)
    P["_flagged"] = flagged.astype(int)
    sums = ["area_mu", "supplied_mu", "occupied_mu", "idle_mu", "footprint_m2", "floor_area_m2", "planar_m2",
            "_occ_tax", "_occ_rev", "_occ_va"] + ["n_" + f for f in FLAGS] + ["_flagged", "flagged_mu"]
    by_park = P.groupby("park")[sums].sum()
    by_park["parcel_count"] = P.groupby("park").size()
    allrow = P[sums].sum().to_frame("all").T
    allrow["parcel_count"] = len(P)
    K = pd.concat([by_park, allrow])
    K.index.name = "park"
    K = K.rename(columns={"area_mu": "total_mu", "_flagged": "flagged_count"})
    K["idle_rate"] = K["idle_mu"] / K["supplied_mu"].where(K["supplied_mu"] > 0)
    K["coverage"] = K["footprint_m2"] / K["planar_m2"]
    K["far"] = K["floor_area_m2"] / K["planar_m2"]
    om = K["occupied_mu"].where(K["occupied_mu"] > 0)
    K["tax_per_mu"], K["revenue_per_mu"], K["va_per_mu"] = K["_occ_tax"] / om, K["_occ_rev"] / om, K["_occ_va"] / om
    cls_cols = [f"{g}_{c}" for g in ("above", "below") for c in ("A", "B", "C", "D", "unrated")]
    E["_gc"] = E["group"] + "_" + E["class"]
    cc = pd.crosstab(E["park"], E["_gc"])
    cc.loc["all"] = E["_gc"].value_counts()
    K = K.join(cc.reindex(columns=cls_cols)).fillna({c: 0 for c in cls_cols})
    K[cls_cols] = K[cls_cols].astype(int)
    K = K.reset_index()
    T("park summary")

    # ---- outputs
    os.makedirs(args.out_dir, exist_ok=True)
    p_cols = ["parcel_id", "park", "holder_uscc", "holder_name", "status", "registered_m2", "area_m2", "area_mu",
              "area_deviation", "planar_m2", "occupied", "n_occupants", "link_source", "occupants", "main_uscc",
              "main_name", "class", "tax", "revenue", "output_value", "value_added", "energy_tce", "employees",
              "tax_per_mu", "revenue_per_mu", "output_per_mu", "va_per_mu", "rank_park", "rank_all", "n_buildings",
              "footprint_m2", "floor_area_m2", "coverage", "far", "industry_division", "far_min", "flags",
              "potential_floor_m2", "potential_tax", "flag_reasons"]
    P["occupied"] = P["occupied"].astype(int)
    e_cols = ["uscc", "name", "year", "group", "industry_code", "park", "land_mu", "n_parcels"] + NUMERIC_E + \
             list(INDICATORS) + ["s_" + k for k in all_keys] + \
             ["bonus", "deduction", "total", "rank", "class", "class_label", "vetoed", "veto", "unrated_reason",
              "high_tech", "specialized", "production_start", "uscc_check_ok"]
    E["year"] = year
    E["vetoed"] = E["vetoed"].astype(int)
    for c in ["high_tech", "specialized", "uscc_check_ok"]:
        E[c] = E[c].fillna(False).astype(bool).astype(int)
    E["production_start"] = E["production_start"].dt.strftime("%Y-%m-%d")
    k_cols = ["park", "parcel_count", "total_mu", "supplied_mu", "occupied_mu", "idle_mu", "idle_rate", "coverage",
              "far", "tax_per_mu", "revenue_per_mu", "va_per_mu"] + cls_cols + ["n_" + f for f in FLAGS] + \
             ["flagged_count", "flagged_mu"]
    outs = set(args.outputs.split(","))
    csv = dict(index=False, encoding="utf-8-sig", lineterminator="\n")
    P[p_cols].to_csv(os.path.join(args.out_dir, "parcels.csv"), **csv)
    E[e_cols].to_csv(os.path.join(args.out_dir, "enterprises.csv"), **csv)
    K[k_cols].to_csv(os.path.join(args.out_dir, "parks.csv"), **csv)
    rj.frame().to_csv(os.path.join(args.out_dir, "rejects.csv"), **csv)
    T("write csv")
    G = None
    if "geojson" in outs or "gpkg" in outs:
        G = gpd.GeoDataFrame(P[p_cols].astype({"rank_park": float, "rank_all": float}), geometry=P.geometry, crs=P.crs)
    if "geojson" in outs:
        path = os.path.join(args.out_dir, "parcels.geojson")
        if os.path.exists(path):
            os.remove(path)
        G.to_crs(4326).to_file(path, driver="GeoJSON", RFC7946="YES", COORDINATE_PRECISION=7, ID_FIELD="parcel_id")
        T("write geojson")
    if "gpkg" in outs:
        path = os.path.join(args.out_dir, "muyield.gpkg")
        if os.path.exists(path):
            os.remove(path)
        G.to_file(path, layer="parcels", driver="GPKG")
        # attribute tables: GeoPackage "attributes" tables via GDAL (fiona cannot write a table without geometry)
        from osgeo import gdal
        for name, df in (("enterprises", E[e_cols]), ("parks", K[k_cols])):
            tmp = os.path.join(args.out_dir, f".{name}.csv")
            df.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
            gdal.VectorTranslate(path, tmp, format="GPKG", accessMode="update", layerName=name,
                                 options=["-oo", "AUTODETECT_TYPE=YES"])
            os.remove(tmp)
        T("write gpkg")
    n_rej = (rj.frame()["severity"] == "reject").sum()
    print(f"[peer] {len(P)} parcels, {len(E)} enterprises, {len(B)} buildings; {n_rej} rejects", file=sys.stderr)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("in_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--year", type=int, required=True)
    ap.add_argument("--links", help="optional links table (parcel_id, uscc, share | floor_area_m2)")
    ap.add_argument("--points-crs", default="EPSG:4490", help="CRS of the enterprises' lon/lat (default EPSG:4490)")
    ap.add_argument("--far-min", default=os.path.join(here, "..", "..", "shared", "spec", "industry_far_min.csv"))
    ap.add_argument("--outputs", default="csv,geojson,gpkg",
                    help="csv always; geojson and/or gpkg as well (default all three: compare with muyield analyze "
                         "--formats geojson,gpkg,csv)")
    args = ap.parse_args()
    if not os.path.exists(args.far_min):
        args.far_min = "/work/shared/spec/industry_far_min.csv"
    run(args)


if __name__ == "__main__":
    main()
