#!/usr/bin/python3
"""Generates the bundled sample review of 德兴高新区 (Dexing high-tech zone, Jiangxi) in data/dexing/.

Run from anywhere with Debian's Python (python3-gdal, python3-shapely, python3-pyproj,
python3-openpyxl):

    /usr/bin/python3 tools/make_dexing_sample.py            # writes data/dexing/
    /usr/bin/python3 tools/make_dexing_sample.py --out DIR  # somewhere else

The data are invented but shaped like a county's real inputs: a 自然资源局 parcel export and a
房屋 (building) layer as GBK shapefiles in CGCS2000 3-degree Gauss-Krüger zone 39 with the zone
prefix (EPSG:4527), a 统计局 enterprise workbook for 2023 and 2024 with units in the headers, and a
links table for one multi-tenant 标准厂房 parcel. Every underused-land flag of METHOD.md §8 and the
edge cases planners hit are in it; edge_cases.csv and README.md say which ids show what.

Besides the inputs the script writes expected_parcels.csv and expected_enterprises.csv: the
review recomputed independently here in Python (shapely/pyproj) from the files just written,
following METHOD.md with its defaults, as a cross-check for muyield's own output.

The output is deterministic: a fixed seed, sorted records, and the timestamps that GDAL and
openpyxl would take from the clock (the DBF header date, the XLSX zip entries and document
properties) are fixed, so two runs give byte-identical files.
"""

import argparse
import csv
import datetime as dt
import io
import math
import random
import re
import zipfile
from pathlib import Path

import openpyxl
import pyproj
from openpyxl.styles import Alignment, Font
from osgeo import gdal, ogr, osr
from shapely import wkb as shapely_wkb
from shapely.geometry import Point, Polygon
from shapely.ops import unary_union
from shapely.validation import make_valid

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

ROOT = Path(__file__).resolve().parent.parent
FAR_TABLE = ROOT / "data" / "industry_far_min.csv"

SEED = 20241231
EPSG = 4527  # CGCS2000 / 3-degree Gauss-Kruger zone 39 (x with the 39 prefix), CM 117°E
EXPORT_DATE = dt.date(2025, 3, 1)  # when the county "exported" the data: DBF and XLSX dates
REVIEW_YEAR = 2024
EVAL_DATE = dt.date(REVIEW_YEAR, 12, 31)

# METHOD.md defaults, used by the independent cross-check at the end.
MIN_COVERAGE = 0.30
IDLE_COVERAGE = MIN_COVERAGE / 3
LOW_YIELD_RATIO = 0.3
IDLE_YEARS, IDLE_RECOVERY_YEARS = 1, 2
ABOVE_REVENUE = 2000.0
MIN_LAND_MU = 3.0
RAMP_UP_YEARS = 2
EXEMPT_DIVISIONS = {"44", "45", "46"}
STOREY_HEIGHT, TALL_STOREY = 4.5, 8.0
WEIGHTS = {
    "above": {"tax_per_mu": 30, "va_per_mu": 20, "va_per_energy": 20, "va_per_emission": 10,
              "labor_productivity": 10, "rd_intensity": 10},
    "below": {"tax_per_mu": 50, "tax_per_kwh": 30, "revenue_per_mu": 20},
}
BONUS = {"high_tech": 5.0, "specialized": 3.0}
CAP = 2.0
SHARES = (0.20, 0.60, 0.95)

SUPPLIED = {"已供", "已供应", "已出让", "已划拨", "供应", "supplied"}
UNSUPPLIED = {"批而未供", "未供", "未供应", "unsupplied"}

# ------------------------------------------------------------------------------ code numbers

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100: no I, O, S, V, Z
USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]  # 1, 3, 9, 27, 19, 26, 16, …
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]  # GB 11714 organisation code


def uscc_check(first17):
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc_valid(code):
    code = code.strip().upper()
    return (len(code) == 18 and all(c in USCC_ALPHABET for c in code)
            and uscc_check(code[:17]) == code[17])


def org_check(body8):
    c = 11 - sum(int(ch, 36) * w for ch, w in zip(body8, ORG_WEIGHTS)) % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


assert uscc_check("91361181MA35R8Y92") == "4"  # the reader fixture's worked example


class Codes:
    """Unique, valid 统一社会信用代码: 9 1 (工商, 企业) + 行政区划 + 组织机构代码 + check digit."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def new(self, admin="361181"):
        rng = self.rng
        while True:
            if rng.random() < 0.6:  # issued since 2015: MA + province-coded serial
                body = "MA3" + rng.choice("589") + "".join(
                    rng.choice(USCC_ALPHABET[:10] + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(4))
            else:  # an old numeric organisation code carried over
                body = rng.choice("567") + "".join(rng.choice("0123456789") for _ in range(7))
            org = body + org_check(body)
            first17 = "91" + admin + org
            code = first17 + uscc_check(first17)
            if code not in self.used:
                self.used.add(code)
                return code


# ------------------------------------------------------------------------------ industries

# code, name word, weight per park (城东, 城西, 银山), tce per 万元 revenue, tax rate, revenue per mu
INDUSTRIES = [
    ("3251", "铜业", (3, 1, 4), 0.045, 0.030, 420),       # 铜压延加工
    ("3211", "冶炼", (0, 0, 3), 0.160, 0.025, 520),       # 铜冶炼
    ("3240", "合金材料", (1, 0, 2), 0.060, 0.035, 300),   # 有色金属合金制造
    ("3831", "电缆", (3, 1, 1), 0.012, 0.030, 380),       # 电线、电缆制造
    ("3340", "金属制品", (1, 1, 1), 0.030, 0.040, 220),   # 金属丝绳及其制品制造
    ("3360", "表面处理", (1, 1, 1), 0.050, 0.045, 160),   # 金属表面处理及热处理加工
    ("3511", "矿山机械", (0, 1, 3), 0.010, 0.050, 200),   # 矿山机械制造
    ("3484", "机械", (1, 2, 1), 0.010, 0.050, 180),       # 机械零部件加工
    ("3985", "电子材料", (3, 0, 0), 0.020, 0.045, 320),   # 电子专用材料制造
    ("3982", "电子", (2, 0, 0), 0.015, 0.040, 300),       # 电子电路制造
    ("3825", "光电", (2, 0, 0), 0.018, 0.035, 350),       # 光伏设备及元器件制造
    ("2614", "化工", (0, 3, 1), 0.120, 0.040, 260),       # 有机化学原料制造
    ("2661", "新材料", (0, 2, 1), 0.080, 0.050, 240),     # 化学试剂和助剂制造
    ("2710", "药业", (0, 2, 0), 0.050, 0.070, 260),       # 化学药品原料药制造
    ("2740", "中药", (0, 1, 0), 0.030, 0.060, 180),       # 中成药生产
    ("1392", "食品", (0, 2, 0), 0.030, 0.030, 160),       # 豆制品制造
    ("3021", "建材", (0, 2, 1), 0.250, 0.035, 150),       # 水泥制品制造
    ("2922", "塑业", (1, 1, 0), 0.030, 0.035, 170),       # 塑料板、管、型材制造
    ("4210", "再生资源", (0, 1, 2), 0.040, 0.020, 300),   # 金属废料和碎屑加工处理
    ("1810", "服饰", (1, 1, 0), 0.008, 0.030, 110),       # 机织服装制造
    ("2110", "家具", (0, 1, 0), 0.012, 0.030, 120),       # 木质家具制造
    ("3670", "汽车部件", (2, 0, 0), 0.015, 0.045, 260),   # 汽车零部件及配件制造
    ("4090", "仪器", (1, 0, 0), 0.008, 0.060, 200),       # 其他仪器仪表制造业
]
INDUSTRY = {row[0]: row for row in INDUSTRIES}

BRANDS = list("金铜华鑫瑞泰宏鼎恒晟源达锦邦诚润嘉凯赣银铭丰昌德兴旺盛裕隆顺祥和嘉宝利富永安康博")
PLACES = ["德兴市", "德兴市", "德兴市", "江西", "江西", "上饶市"]

# ------------------------------------------------------------------------------ layout

# name, short code for building ids, township code, anchor lon/lat, rotation (degrees),
# block columns x rows; blocks are 330 m x 270 m with 30 m roads between them.
PARKS = [
    ("德兴高新区城东园", "CD", "001", 117.602, 28.951, 12.0, 4, 3),
    ("德兴高新区城西园", "CX", "002", 117.541, 28.944, -6.0, 4, 3),
    ("德兴高新区银山园", "YS", "103", 117.556, 28.987, 24.0, 4, 3),
]
BLOCK_W, BLOCK_D, ROAD = 330.0, 270.0, 30.0
WIDTH_PATTERNS = [
    [110, 110, 110], [165, 165], [90, 120, 120], [80, 80, 170], [70, 100, 160],
    [60, 60, 90, 120], [330], [100, 230], [55, 55, 100, 120], [120, 210],
]

TO_LONLAT = pyproj.Transformer.from_crs(EPSG, 4490, always_xy=True)
GEOD = pyproj.Geod(ellps="GRS80")  # CGCS2000's ellipsoid


class Frame:
    """A parcel's local frame: a along the road, b from the road-facing front into the depth."""

    def __init__(self, x0, y0, angle, u0, v0, width, depth, faces_low):
        self.x0, self.y0 = x0, y0
        self.c, self.s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        self.u0, self.v0, self.w, self.d, self.faces_low = u0, v0, width, depth, faces_low

    def world(self, a, b):
        u = self.u0 + a
        v = self.v0 + b if self.faces_low else self.v0 + self.d - b
        return (round(self.x0 + u * self.c - v * self.s, 3), round(self.y0 + u * self.s + v * self.c, 3))

    def rect(self, a0, b0, a1, b1):
        pts = [self.world(a0, b0), self.world(a1, b0), self.world(a1, b1), self.world(a0, b1)]
        return Polygon(pts)

    def polygon(self, pts):
        return Polygon([self.world(a, b) for a, b in pts])


def fmt_date(d, style="iso"):
    if d is None:
        return ""
    if style == "compact":
        return d.strftime("%Y%m%d")
    if style == "slash":
        return d.strftime("%Y/%m/%d")
    return d.isoformat()


def plus_years(d, n):
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def round_half_away(x):
    return int(math.floor(x + 0.5 + 1e-9)) if x >= 0 else -int(math.floor(-x + 0.5 + 1e-9))


# ------------------------------------------------------------------------------ the generator


class Sample:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.codes = Codes(random.Random(SEED + 1))
        self.names = set()
        self.parcels = []      # dicts, see make_parcels
        self.buildings = []    # dicts: id, name, floors, height, geom, parcel
        self.enterprises = []  # dicts per enterprise (both years' figures inside)
        self.links = []        # (parcel_id, uscc, floor_area)
        self.far_min = {}
        with open(FAR_TABLE, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                self.far_min[row["division_2017"]] = float(row["far_min"])

    # -------------------------------------------------------------------- names and codes

    def company_name(self, word, place=None, kind=None):
        rng = self.rng
        for _ in range(1000):
            p = place or rng.choice(PLACES)
            brand = rng.choice(BRANDS) + rng.choice(BRANDS)
            if brand[0] == brand[1]:
                continue
            suffix = kind or ("股份有限公司" if rng.random() < 0.12 else "有限公司")
            name = f"{p}{brand}{word}{suffix}"
            if name not in self.names:
                self.names.add(name)
                return name
        raise RuntimeError("no unique name")

    # -------------------------------------------------------------------- parcels

    def make_parcels(self):
        rng = self.rng
        for park_index, (park, short, town, lon, lat, angle, ncol, nrow) in enumerate(PARKS):
            x0, y0 = pyproj.Transformer.from_crs(4490, EPSG, always_xy=True).transform(lon, lat)
            seq = 0
            for bc in range(ncol):
                for br in range(nrow):
                    village = f"{bc * nrow + br + 1:03d}"
                    bu = bc * (BLOCK_W + ROAD)
                    bv = br * (BLOCK_D + ROAD)
                    block = (park_index, bc, br)
                    if block == (0, 1, 1):
                        rows = [(0.0, BLOCK_D, True, [80, 110, 140])]  # full-depth: 标准厂房 block
                    elif block == (1, 2, 0):
                        # 小微企业园: small lots along the road, then ordinary lots behind them
                        rows = [(0.0, 62.0, True, [28, 30, 34, 238]), (62.0, 73.0, True, [110, 110, 110]),
                                (135.0, 135.0, False, rng.choice(WIDTH_PATTERNS))]
                    else:
                        rows = [(0.0, 135.0, True, rng.choice(WIDTH_PATTERNS)),
                                (135.0, 135.0, False, rng.choice(WIDTH_PATTERNS))]
                    for row_index, (v_off, depth, faces_low, widths) in enumerate(rows):
                        u = 0.0
                        for k, w in enumerate(widths):
                            seq += 1
                            frame = Frame(x0, y0, angle, bu + u, bv + v_off, float(w), depth, faces_low)
                            self.parcels.append({
                                "id": f"361181{town}{village}GB{seq:05d}", "park": park,
                                "short": short, "park_index": park_index, "block": block,
                                "row": row_index, "pos": k, "n_in_row": len(widths),
                                "frame": frame, "geom": frame.rect(0, 0, w, depth),
                                "role": None, "holder": None, "buildings": [],
                            })
                            u += w

    def parcel(self, **where):
        for p in self.parcels:
            if all(p[k] == v for k, v in where.items()):
                return p
        raise KeyError(where)

    def pick(self, predicate):
        candidates = [p for p in self.parcels if p["role"] is None and predicate(p)]
        return self.rng.choice(candidates)

    # -------------------------------------------------------------------- roles

    def assign_roles(self):
        rng = self.rng
        area = lambda p: p["geom"].area  # noqa: E731

        # 批而未供: the east end of 城东园 and one block of 银山园 are approved, not yet supplied.
        for p in self.parcels:
            if p["block"] in {(0, 3, 2), (2, 3, 2)}:
                p["role"] = "unsupplied"
                p["id"] = p["id"].replace("GB", "GW")  # use right not yet settled
        self.sp = self.parcel(block=(0, 1, 1), pos=0)
        self.sp["role"] = "standard_factory"
        small = [self.parcel(block=(1, 2, 0), row=0, pos=k) for k in range(3)]
        for p in small:
            p["role"] = "small_lot"

        def ordinary(p):
            return p["block"][0] in (0, 1, 2) and 6000 < area(p) < 30000

        # One enterprise with phase 1 built and phase 2 (next door, same row) left idle.
        while True:
            p1 = self.pick(lambda p: p["n_in_row"] >= 3 and p["pos"] < p["n_in_row"] - 1 and ordinary(p))
            p2 = self.parcel(block=p1["block"], row=p1["row"], pos=p1["pos"] + 1)
            if p2["role"] is None and area(p2) < 30000:
                break
        p1["role"], p2["role"] = "two_a_built", "two_a_idle"
        # One enterprise with two built parcels in different blocks of the same park.
        q1 = self.pick(lambda p: p["park_index"] == 1 and ordinary(p))
        q2 = self.pick(lambda p: p["park_index"] == 1 and p["block"] != q1["block"] and ordinary(p))
        q1["role"], q2["role"] = "two_b_1", "two_b_2"

        # A hall built over its rear line into the parcel behind, which must be built on too.
        cb = self.pick(lambda p: ordinary(p) and p["row"] == 0 and p["n_in_row"] >= 2
                       and p["block"] != (1, 2, 0))
        cb["role"] = "cross_back"
        for p in self.parcels:
            if (p["block"] == cb["block"] and p["row"] == 1 and p["role"] is None
                    and p["geom"].buffer(0.5).intersection(cb["geom"]).area > 100):
                p["role"] = "normal_good_neighbour"

        singles = [
            ("duplicate", lambda p: p["park_index"] == 1),
            ("bowtie", lambda p: p["park_index"] == 2 and p["n_in_row"] <= 3),
            ("deviation", lambda p: p["park_index"] == 0),
            ("spatial_pair", lambda p: p["park_index"] == 1),
            ("shed", lambda p: True),
            ("recovered", lambda p: True),
            ("closed_1", lambda p: p["park_index"] == 0),
            ("closed_2", lambda p: p["park_index"] == 2),
            ("new_no_revenue", lambda p: p["park_index"] == 0),
            ("ramp_up_date", lambda p: p["park_index"] == 0),
            ("ramp_up_year", lambda p: p["park_index"] == 1),
            ("ramp_up_boundary", lambda p: p["park_index"] == 2),
            ("exempt_sewage", lambda p: p["park_index"] == 1),
            ("exempt_heat", lambda p: p["park_index"] == 2),
            ("veto", lambda p: p["park_index"] == 1),
            ("bad_check", lambda p: p["park_index"] == 0),
            ("lowercase", lambda p: p["park_index"] == 2),
            ("negative_tax", lambda p: p["park_index"] == 0),
            ("text_number", lambda p: p["park_index"] == 1),
            ("missing_energy", lambda p: p["park_index"] == 2),
            ("bad_date", lambda p: p["park_index"] == 0),
            ("logistics", lambda p: p["park_index"] == 1),
            ("above_by_flag", lambda p: True),
            ("below_by_flag", lambda p: True),
            ("at_threshold", lambda p: True),
            ("under_threshold", lambda p: True),
            ("letter_code", lambda p: True),
            ("tall_hall", lambda p: True),
        ]
        for role, pred in singles:
            self.pick(lambda p: ordinary(p) and pred(p))["role"] = role

        # Idle land of holders that never built (the holder is not in the enterprise table).
        idle_starts = [dt.date(2019, 5, 20), dt.date(2021, 11, 30), dt.date(2022, 12, 31),
                       dt.date(2023, 6, 30), dt.date(2023, 12, 31), dt.date(2024, 1, 1),
                       dt.date(2024, 3, 15)]
        for k, start in enumerate(idle_starts):
            p = self.pick(lambda p: ordinary(p) and p["park_index"] == k % 3)
            p["role"] = "idle"
            p["idle_start"] = start

        # Everything else: ordinary occupied parcels with a mix of forms and yields.
        kinds = ["good"] * 68 + ["low_cov"] * 10 + ["low_far"] * 10 + ["low_yield"] * 7 + ["low_both"] * 5
        for p in self.parcels:
            if p["role"] is None:
                p["role"] = "normal_" + rng.choice(kinds)
            elif p["role"] == "normal_good_neighbour":
                p["role"] = "normal_good"

    # -------------------------------------------------------------------- geometry edits

    def edit_geometries(self):
        bow = next(p for p in self.parcels if p["role"] == "bowtie")
        f = bow["frame"]
        w, d, c = f.w, f.d, 10.0
        # The back corner is cut off (chamfer); when the outline was redrawn a vertex was put in
        # the wrong order, so the ring crosses itself: a small bow-tie at that corner.
        bow["intended"] = f.polygon([(0, 0), (w, 0), (w, d - c), (w - c, d), (0, d)])
        bow["geom"] = f.polygon([(0, 0), (w, 0), (w, d - 2 * c), (w - c, d), (w, d - c), (0, d)])
        assert not bow["geom"].is_valid

    # -------------------------------------------------------------------- attributes

    def parcel_attributes(self):
        rng = self.rng
        for p in self.parcels:
            role = p["role"]
            planar = (p.get("intended") or p["geom"]).area
            p["land_use"] = "工业用地"
            p["registered"] = round(planar * (1 + rng.uniform(-0.004, 0.004)), 2)
            p["status"] = rng.choice(["已供", "已供", "已供", "已出让"])
            if role == "unsupplied":
                p["status"] = "批而未供"
                p["supply_date"] = None
                p["agreed_start"] = None
                p["registered"] = None if rng.random() < 0.5 else round(planar, 2)
                continue
            # Supplied: when, and the start of construction agreed in the contract.
            if role.startswith("normal") or role in {"duplicate", "bowtie", "deviation", "spatial_pair",
                                                    "veto", "bad_check", "lowercase", "negative_tax",
                                                    "text_number", "missing_energy", "bad_date",
                                                    "logistics", "above_by_flag", "below_by_flag",
                                                    "at_threshold", "under_threshold", "letter_code",
                                                    "tall_hall", "cross_back", "exempt_sewage",
                                                    "exempt_heat", "two_b_1", "two_b_2",
                                                    "two_a_built", "closed_1", "closed_2",
                                                    "ramp_up_boundary", "small_lot",
                                                    "standard_factory"}:
                supply = dt.date(2009, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 11))
            elif role in {"ramp_up_date", "ramp_up_year", "new_no_revenue"}:
                supply = dt.date(2021, 3, 1) + dt.timedelta(days=rng.randrange(0, 300))
            elif role == "two_a_idle":
                supply = dt.date(2021, 9, 18)
            elif role == "shed":
                supply = dt.date(2019, 12, 10)
            elif role == "recovered":
                supply = dt.date(2014, 6, 5)
            elif role == "idle":
                supply = p["idle_start"] - dt.timedelta(days=rng.choice([120, 180, 270, 365]))
            else:
                raise AssertionError(role)
            start = supply + dt.timedelta(days=rng.choice([90, 120, 180, 182, 270, 365]))
            if role == "idle":
                start = p["idle_start"]
            elif role == "two_a_idle":
                start = dt.date(2022, 4, 30)
            elif role == "shed":
                start = dt.date(2020, 8, 1)
            p["supply_date"] = supply
            p["agreed_start"] = start
            p["start_style"] = "compact" if rng.random() < 0.25 else "iso"
            if role == "exempt_sewage":
                p["status"] = "已划拨"
                p["land_use"] = "公用设施用地"
            if role == "logistics":
                p["land_use"] = "仓储用地"
            if role == "recovered":
                p["status"] = "已收回"
            if role == "deviation":
                p["registered"] = round(planar * 1.085, 2)
            if role == "bowtie":
                p["registered"] = round(p["intended"].area, 2)

    # -------------------------------------------------------------------- buildings

    def add_building(self, p, name, rect, floors, representation=None, tall=False, tag=""):
        """representation: 'floors', 'height', 'both' or 'none' (decides which fields are filled)."""
        rng = self.rng
        rep = representation or rng.choice(["floors", "floors", "both", "height"])
        if rep == "none":
            f, h = None, None
        elif tall:  # a single-storey steel hall, 9–14 m to the eaves
            f, h = (1 if rep != "height" else None), round(rng.uniform(9.0, 14.0), 1)
        else:
            storey = rng.uniform(3.9, 4.4) if floors > 1 else rng.uniform(4.0, 7.5)
            h = round(floors * storey, 1)
            f = floors if rep in ("floors", "both") else None
            if rep == "floors":
                h = None
        self.buildings.append({"name": name, "floors": f, "height": h, "geom": rect, "parcel": p["id"],
                               "short": p["short"], "tag": tag})
        p["buildings"].append(self.buildings[-1])

    def layout(self, p, coverage, hall_floors, office_floors=4, tall=False, cross_front=False,
               cross_back=False, overlap=None):
        """Halls at the back, an office block (and dorm) at the front, setbacks from the lines."""
        rng = self.rng
        fr = p["frame"]
        w, d = fr.w, fr.d
        total = coverage * w * d
        side = max(2.0, min(8.0, 0.07 * w))
        front = max(4.0, min(14.0, 0.1 * d))
        back = max(3.0, min(8.0, 0.06 * d))
        has_dorm = w * d > 15000
        office_fp = total * (0.12 if has_dorm else 0.18)
        dorm_fp = total * 0.08 if has_dorm else 0.0
        hall_fp = total - office_fp - dorm_fp
        usable_w = w - 2 * side
        ow = min(0.45 * usable_w, max(14.0, office_fp / 16.0))
        od = office_fp / ow
        self.add_building(p, "综合楼" if has_dorm else "办公楼", fr.rect(side, front, side + ow, front + od),
                          office_floors)
        if has_dorm:
            dw = min(0.35 * usable_w, max(12.0, dorm_fp / 14.0))
            dd = dorm_fp / dw
            self.add_building(p, "宿舍楼", fr.rect(w - side - dw, front, w - side, front + dd),
                              rng.choice([4, 5, 6]))
        hall_b0 = front + max(od, dd if has_dorm else 0) + 10.0
        zone_d = d - back - hall_b0
        n = 1 if usable_w < 80 else 2 if usable_w < 150 else 3
        gap = 12.0
        hw = (usable_w - gap * (n - 1)) / n
        hd = min(zone_d, hall_fp / (n * hw))
        a = side
        for k in range(n):
            depth = hd * rng.uniform(0.9, 1.0)
            b1 = hall_b0 + depth
            if cross_back and k == 0:
                b1 = d + 7.0  # built over the rear line, into the parcel behind
            rect = fr.rect(a, hall_b0, a + hw, b1)
            self.add_building(p, f"{k + 1}#厂房", rect, hall_floors, tall=tall,
                              tag="cross_back" if cross_back and k == 0 else "")
            if overlap == "duplicate" and k == 0:
                # the same hall digitised twice (from two survey batches), 1.5 m apart
                self.add_building(p, f"{k + 1}#厂房", fr.rect(a + 1.5, hall_b0 + 1.5, a + hw + 1.5, b1 + 1.5),
                                  hall_floors, tall=tall, tag="duplicate_hall")
            a += hw + gap
        if overlap == "corridor":
            # a covered walkway from the office into hall 1, overlapping both footprints
            self.add_building(p, "连廊", fr.rect(side + 4, front + od - 3, side + 10, hall_b0 + 3), 2, "floors",
                              tag="corridor")
        if cross_front:
            # the gatehouse stands on the road's red line, partly outside the parcel
            self.add_building(p, "门卫室", fr.rect(w / 2 - 4, -3.0, w / 2 + 4, 5.0), 1, "none",
                              tag="cross_front")
        elif rng.random() < 0.15:
            self.add_building(p, "门卫室", fr.rect(w / 2 - 3, 1.0, w / 2 + 3, 6.0), 1,
                              rng.choice(["none", "floors"]))

    def make_buildings(self):
        rng = self.rng
        for p in self.parcels:
            role = p["role"]
            div = None
            if "industry" in p:
                div = p["industry"][:2]
            far_min = self.far_min.get(div, 0.7)
            if role in {"unsupplied", "idle", "two_a_idle", "recovered"}:
                continue
            if role == "shed":
                fr = p["frame"]
                self.add_building(p, "临时工棚", fr.rect(10, 10, 40, 10 + 0.03 * fr.w * fr.d / 30), 1, "floors")
                continue
            if role == "standard_factory":
                fr = p["frame"]
                for row, (b0, b1) in enumerate([(30, 90), (105, 165), (180, 240)]):
                    for col, (a0, a1) in enumerate([(8, 36), (44, 72)]):
                        self.add_building(p, f"{row * 2 + col + 1}#标准厂房", fr.rect(a0, b0, a1, b1),
                                          rng.choice([4, 5]), "both")
                self.add_building(p, "综合服务楼", fr.rect(8, 6, 40, 22), 5, "height")
                continue
            if role == "small_lot":
                fr = p["frame"]
                self.add_building(p, "厂房", fr.rect(3, 8, fr.w - 3, fr.d - 6), rng.choice([2, 3]), "floors")
                continue
            kind = role[len("normal_"):] if role.startswith("normal_") else "good"
            if role in {"two_b_2", "logistics"}:
                kind = "low_far"
            opts = {}
            if role == "cross_back":
                opts["cross_back"] = True
            if rng.random() < 0.15 and (p["block"] != (1, 2, 0) or p["row"] != 1):
                opts["cross_front"] = True  # (row 1 of the 小微 block faces the small lots)
            r = rng.random()
            if r < 0.06:
                opts["overlap"] = "duplicate"
            elif r < 0.14:
                opts["overlap"] = "corridor"
            if kind in ("good", "low_yield"):
                cov = rng.uniform(0.40, 0.58)
                target = far_min + rng.uniform(0.2, 0.9)
                floors = max(1, math.ceil((target - cov * 0.25 * 4) / (cov * 0.75)))
                self.layout(p, cov, min(floors, 6), tall=(role == "tall_hall"), **opts)
            elif kind == "low_cov":
                cov = rng.uniform(0.14, 0.26)
                self.layout(p, cov, rng.choice([2, 3]), **opts)
            elif kind == "low_far":
                cov = rng.uniform(0.36, 0.50)
                self.layout(p, cov, 1, office_floors=2, **opts)
                for b in p["buildings"]:  # low single-storey sheds, no tall-storey doubling
                    if b["height"] is not None and b["floors"] == 1:
                        b["height"] = round(rng.uniform(5.0, 7.6), 1)
                    elif b["height"] is not None and b["floors"] is None:
                        b["height"] = min(b["height"], 8.9)
            elif kind == "low_both":
                cov = rng.uniform(0.15, 0.27)
                self.layout(p, cov, 1, office_floors=3, **opts)
            if role == "tall_hall":
                for b in p["buildings"]:
                    if "厂房" in b["name"]:
                        b["floors"], b["height"] = 1, 12.6  # one storey of 12.6 m counts double
            p["layout_opts"] = opts
        # Some buildings have no attributes at all, as surveys leave them.
        order = sorted(self.parcels, key=lambda p: p["id"])
        counters = {}
        for p in order:
            for b in p["buildings"]:
                counters[b["short"]] = counters.get(b["short"], 0) + 1
                b["id"] = f"DX{b['short']}-{counters[b['short']]:05d}"

    # -------------------------------------------------------------------- enterprises

    def new_enterprise(self, industry, group, admin="361181", name=None):
        code = self.codes.new(admin)
        word = INDUSTRY[industry][1] if industry in INDUSTRY else None
        e = {"uscc": code, "name": name or self.company_name(word), "industry": industry,
             "group": group, "parcels": [], "above_flag": "是" if group == "above" else "否",
             "high_tech": False, "specialized": False, "veto": "", "location": None,
             "start": None, "start_style": "date", "years": [2023, 2024], "figures": {},
             "uscc_written": code, "notes": []}
        self.enterprises.append(e)
        return e

    def choose_industry(self, park_index):
        rng = self.rng
        weights = [row[2][park_index] for row in INDUSTRIES]
        return rng.choices([row[0] for row in INDUSTRIES], weights=weights)[0]

    def make_enterprises(self):
        rng = self.rng
        by_role = {}
        for p in self.parcels:
            by_role.setdefault(p["role"], []).append(p)

        def occupy(p, e, holder=True):
            e["parcels"].append(p["id"])
            p["holder"] = e if holder else None
            p["industry"] = e["industry"]

        for p in self.parcels:
            role = p["role"]
            if role in {"unsupplied", "recovered", "standard_factory", "two_a_idle", "two_b_2",
                        "spatial_pair"}:
                continue
            if role in {"idle", "shed", "closed_1", "closed_2"}:
                # a holder that bought the land but is not (or no longer) in the 2024 table
                industry = self.choose_industry(p["park_index"])
                e = self.new_enterprise(industry, "below")
                occupy(p, e)
                e["years"] = [2023] if role.startswith("closed") else []
                e["role"] = role
                continue
            area_mu = p["geom"].area * 0.0015
            if role == "small_lot":
                group = "below"
            else:
                group = "above" if rng.random() < (0.95 if area_mu > 24 else 0.8 if area_mu > 15 else 0.45) else "below"
            industry = self.choose_industry(p["park_index"])
            if role == "exempt_sewage":
                industry, group = "4620", "below"
            elif role == "exempt_heat":
                industry, group = "4430", "above"
            elif role == "logistics":
                industry = "5920"
            elif role in {"veto", "negative_tax", "missing_energy", "at_threshold", "text_number"}:
                group = "above"
            elif role == "under_threshold":
                group = "below"
            word = {"4620": "水务", "4430": "热力", "5920": "物流"}.get(industry)
            e = self.new_enterprise(industry, group,
                                    name=self.company_name(word) if word else None)
            e["role"] = role
            occupy(p, e)
            if role == "two_a_built":
                occupy(by_role["two_a_idle"][0], e)
            if role == "two_b_1":
                occupy(by_role["two_b_2"][0], e)

        # The 标准厂房 parcel: held by the zone's development company, leased to tenants.
        sp = self.sp
        dev_code = self.codes.new("361181")
        sp["holder_fixed"] = ("德兴高新区开发建设投资有限公司", dev_code)
        sp["industry"] = None
        self.tenants = []
        for k, floor_area in enumerate([6240.0, 4680.0, 3360.0, 1250.0, 2520.0, 1800.0]):
            industry = rng.choice(["3982", "3985", "1810", "3484", "2922", "4090"])
            group = "above" if floor_area > 4000 else "below"
            e = self.new_enterprise(industry, group)
            e["role"] = f"tenant_{k + 1}"
            e["floor_area"] = floor_area
            self.tenants.append(e)
            if k < 5:
                e["parcels"].append(sp["id"])
                self.links.append((sp["id"], e["uscc"], floor_area))
            else:  # the clerk typed the parcel id with two digits swapped
                typo = sp["id"][:-2] + sp["id"][-1] + sp["id"][-2]
                if typo == sp["id"]:
                    typo = sp["id"][:-1] + ("1" if sp["id"][-1] != "1" else "2")
                self.links.append((typo, e["uscc"], floor_area))
                e["link_typo"] = typo
        sp["industry"] = self.tenants[0]["industry"]

        # Two enterprises of one group on one parcel, linked by their location points.
        sp2 = by_role["spatial_pair"][0]
        sp2["holder_fixed"] = (None, "")
        for k in range(2):
            e = self.new_enterprise(self.choose_industry(1), "below" if k else "above")
            e["role"] = f"spatial_{k + 1}"
            e["parcels"].append(sp2["id"])
            if k == 0:
                sp2["industry"] = e["industry"]
                sp2["holder_fixed"] = (e["name"], "")  # name only: the code was never entered
        # An enterprise registered in the zone whose premises are outside the parcel layer.
        e = self.new_enterprise(self.choose_industry(0), "below")
        e["role"] = "no_land"

    def make_figures(self):
        rng = self.rng
        ents = self.enterprises
        parcel_by_id = {p["id"]: p for p in self.parcels}
        for e in ents:
            role = e.get("role", "")
            land_mu = sum(parcel_by_id[pid]["geom"].area * 0.0015 for pid in e["parcels"])
            if role.startswith("tenant_"):
                land_mu = e["floor_area"] / 19000.0 * parcel_by_id[self.sp["id"]]["geom"].area * 0.0015
            if land_mu == 0:
                land_mu = rng.uniform(4, 12)
            code = e["industry"]
            row = INDUSTRY.get(code, (code, "", (0, 0, 0), 0.03, 0.04, 200))
            _, _, _, intensity, tax_rate, rev_per_mu = row
            rev_per_mu *= 1.6
            parcel = parcel_by_id[e["parcels"][0]] if e["parcels"] else None
            kind = parcel["role"][7:] if parcel and parcel["role"].startswith("normal_") else "good"
            if e["group"] == "above":
                revenue = land_mu * rev_per_mu * rng.lognormvariate(0, 0.45)
                if revenue < 2000:
                    revenue = rng.uniform(2200, 5200)
            else:
                revenue = land_mu * rev_per_mu * 0.5 * rng.lognormvariate(0, 0.5)
                if revenue >= 1950:
                    revenue = rng.uniform(600, 1900)
            rate = tax_rate * rng.lognormvariate(0, 0.3) * (1.0 if e["group"] == "above" else 1.5)
            if kind in ("low_yield", "low_both"):
                rate *= rng.uniform(0.06, 0.18)
            tax = revenue * rate
            f = {
                "revenue": revenue,
                "output_value": revenue * rng.uniform(0.95, 1.12),
                "value_added": revenue * rng.uniform(0.17, 0.32),
                "tax": tax,
                "energy_tce": revenue * intensity * rng.uniform(0.6, 1.5),
                "employees": max(8, round(revenue / rng.uniform(60, 160))),
                "rd_expense": revenue * rng.uniform(0.004, 0.045),
                "emissions_t": None,
            }
            f["electricity_wan_kwh"] = f["energy_tce"] * rng.uniform(0.35, 0.85) / 1.229
            if e["group"] == "above":
                f["emissions_t"] = f["energy_tce"] * rng.uniform(0.002, 0.02)
                e["high_tech"] = rng.random() < 0.28
                e["specialized"] = rng.random() < 0.14
                if e["high_tech"]:
                    f["rd_expense"] = max(f["rd_expense"], revenue * rng.uniform(0.031, 0.05))
            else:
                e["high_tech"] = rng.random() < 0.05
                e["specialized"] = rng.random() < 0.05
                if rng.random() < 0.5:
                    f["rd_expense"] = None
            # Special cases.
            if role == "at_threshold":
                f["revenue"], e["above_flag"] = 2000.0, ""
            elif role == "under_threshold":
                f["revenue"], e["above_flag"] = 1999.99, ""
            elif role == "above_by_flag":
                e["group"], e["above_flag"] = "above", "是"
                f["revenue"] = 1836.4
                f["emissions_t"] = f["energy_tce"] * 0.01
            elif role == "below_by_flag":
                e["group"], e["above_flag"] = "below", "否"
                f["revenue"] = 2615.8
                f["emissions_t"] = None
            elif role == "negative_tax":
                f["tax"] = -186.35  # a large VAT credit refund (留抵退税) exceeded the tax paid
            elif role == "missing_energy":
                f["energy_tce"] = None
            elif role == "veto":
                e["veto"] = "2024年6月发生较大突发环境事件，被生态环境部门立案处罚"
                e["high_tech"] = True
            elif role == "new_no_revenue":
                for k in ("revenue", "output_value", "value_added", "tax"):
                    f[k] = 0.0
                f["employees"] = 26
                f["rd_expense"] = None
            elif role == "no_land":
                pass
            elif role.startswith("spatial_") and role.endswith("2"):
                f["revenue"] = min(f["revenue"], 1500.0)
            elif role == "tenant_4":
                f["revenue"] = 680.0
            if role in {"at_threshold", "under_threshold"}:
                f["output_value"] = f["revenue"] * 1.03
            # Production start: a few years after the land was supplied.
            if parcel is not None and parcel.get("supply_date"):
                start = parcel["supply_date"] + dt.timedelta(days=rng.randrange(420, 1100))
                e["start"] = min(start, dt.date(2022, 6, 30))
            else:
                e["start"] = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 12))
            if role == "ramp_up_date":
                e["start"] = dt.date(2023, 9, 15)
            elif role == "ramp_up_year":
                e["start"], e["start_style"] = 2023, "year"
            elif role == "ramp_up_boundary":
                e["start"] = dt.date(2022, 12, 31)
            elif role == "new_no_revenue":
                e["start"] = dt.date(2024, 11, 8)
                e["years"] = [2024]
            elif role == "tenant_2":
                e["start"], e["start_style"] = 2018, "year"
            if role in {"ramp_up_date", "ramp_up_year"}:
                e["years"] = [2023, 2024]
            e["figures"][2024] = f
            # The year before: a little lower on the whole.
            g = {}
            for k, v in f.items():
                if v is None:
                    g[k] = None
                elif k == "employees":
                    g[k] = max(8, round(v * rng.uniform(0.9, 1.05)))
                else:
                    g[k] = v * rng.uniform(0.82, 1.08)
            e["figures"][2023] = g
            if role in {"ramp_up_date", "ramp_up_year"}:
                for k in ("revenue", "output_value", "value_added", "tax", "rd_expense"):
                    if g[k] is not None:
                        g[k] *= 0.25
        for e in ents:
            # 是否规上 is left blank on some rows, where the revenue rule gives the same group.
            f = e["figures"][2024]
            if (e["above_flag"] in ("是", "否") and e.get("role", "").startswith(("normal", "tenant"))
                    and ((f["revenue"] or 0) >= ABOVE_REVENUE) == (e["group"] == "above")
                    and rng.random() < 0.12):
                e["above_flag"] = ""
            role = e.get("role", "")
            if role == "bad_check":
                # the enterprise's code was mistyped once and copied into both registers
                good = e["uscc"]
                bad = good[:17] + next(c for c in "0123456789" if c != good[17])
                e["uscc"] = e["uscc_written"] = bad
            if role == "lowercase":
                e["uscc_written"] = e["uscc"].lower()
            if role == "letter_code":
                e["industry_written"] = "C" + e["industry"]
        # Locations: a point inside the enterprise's (first) parcel, not on any line.
        for e in ents:
            role = e.get("role", "")
            if role in {"no_land"} or not e["parcels"] or role.startswith("tenant_6"):
                continue
            p = parcel_by_id[e["parcels"][0]]
            if e.get("role") in {"idle", "shed", "closed_1", "closed_2"}:
                continue
            fr = p["frame"]
            if role == "spatial_1":
                a, b = fr.w * 0.3, fr.d * 0.45
            elif role == "spatial_2":
                a, b = fr.w * 0.7, fr.d * 0.55
            elif role.startswith("tenant_"):
                a, b = 22 + 28 * (int(role[-1]) % 2), 50 + 30 * int(role[-1])
            else:
                if self.rng.random() < 0.12:
                    continue  # no coordinates reported
                a, b = fr.w * self.rng.uniform(0.3, 0.7), fr.d * self.rng.uniform(0.3, 0.7)
            x, y = fr.world(a, b)
            lon, lat = TO_LONLAT.transform(x, y)
            e["location"] = (round(lon, 6), round(lat, 6))

    # -------------------------------------------------------------------- writing

    def write_parcels(self, out):
        path = out / "parcels.shp"
        rows = []
        for p in self.parcels:
            holder_name, holder_code = "", ""
            if "holder_fixed" in p:
                holder_name, holder_code = p["holder_fixed"]
            elif p["holder"] is not None:
                holder_name, holder_code = p["holder"]["name"], p["holder"]["uscc"]
            start = fmt_date(p.get("agreed_start"), p.get("start_style", "iso"))
            if p["role"] == "bad_date":
                start = f"{p['agreed_start'].year}-02-30"  # a date that does not exist
                p["agreed_start"] = None
                self.bad_date_text = start
            rows.append((p["id"], 0, p["geom"], holder_name or "", holder_code or "", p["park"],
                         p["land_use"], p["status"], p.get("supply_date"), start, p["registered"]))
            if p["role"] == "duplicate":
                # The record before a 2021 boundary change was never retired: same 宗地代码, an
                # older outline (the front 20 m were later given to the road), older area.
                fr = p["frame"]
                old = fr.rect(0, -20, fr.w, fr.d)
                rows.append((p["id"], 1, old, holder_name, holder_code, p["park"], p["land_use"],
                             p["status"], p.get("supply_date"), start, round(old.area, 2)))
        rows.sort(key=lambda r: (r[0], r[1]))
        fields = [("宗地代码", ogr.OFTString, 19, 0), ("权利人", ogr.OFTString, 80, 0),
                  ("TYSHXYDM", ogr.OFTString, 18, 0), ("园区", ogr.OFTString, 40, 0),
                  ("土地用途", ogr.OFTString, 20, 0), ("供地状态", ogr.OFTString, 12, 0),
                  ("供地日期", ogr.OFTDate, 0, 0), ("YDKGRQ", ogr.OFTString, 10, 0),
                  ("登记面积", ogr.OFTReal, 16, 2)]
        values = [(r[2], [r[0], r[3], r[4], r[5], r[6], r[7],
                          r[8].strftime("%Y/%m/%d") if r[8] else None, r[9], r[10]]) for r in rows]
        write_shapefile(path, fields, values)
        self.parcel_rows = rows

    def write_buildings(self, out):
        path = out / "buildings.shp"
        bs = sorted(self.buildings, key=lambda b: b["id"])
        fields = [("建筑编号", ogr.OFTString, 16, 0), ("建筑名称", ogr.OFTString, 40, 0),
                  ("层数", ogr.OFTInteger, 4, 0), ("建筑高度", ogr.OFTReal, 8, 1)]
        write_shapefile(path, fields, [(b["geom"], [b["id"], b["name"], b["floors"], b["height"]])
                                       for b in bs])

    def write_enterprises(self, out):
        header = ["序号", "统一社会信用代码", "企业名称", "年份", "国民经济行业代码", "是否规上",
                  "营业收入（万元）", "工业总产值（万元）", "工业增加值（万元）", "实缴税金（万元）",
                  "综合能耗（吨标准煤）", "用电量（万千瓦时）", "年平均职工人数（人）", "R&D经费（万元）",
                  "主要污染物排放量（吨）", "高新技术企业", "专精特新", "投产日期", "一票否决", "园区",
                  "经度", "纬度"]
        self.xlsx_header = header
        rows = []
        park_of = {p["id"]: p["park"] for p in self.parcels}
        for e in self.enterprises:
            for year in sorted(e["years"]):
                f = e["figures"][year]
                r2 = lambda v: None if v is None else round(v, 2)  # noqa: E731
                start = e["start"]
                if year == 2023 and isinstance(start, dt.date) and start.year > 2023:
                    continue
                va = r2(f["value_added"])
                if e.get("role") == "text_number" and year == 2024:
                    va = "待核实"
                above = e["above_flag"]
                park = park_of[e["parcels"][0]] if e["parcels"] else "德兴高新区城东园"
                loc = e["location"] or (None, None)
                rows.append([
                    None, e["uscc_written"], e["name"], year, e.get("industry_written", e["industry"]),
                    above, r2(f["revenue"]), r2(f["output_value"]), va, r2(f["tax"]),
                    r2(f["energy_tce"]), r2(f["electricity_wan_kwh"]), f["employees"],
                    r2(f["rd_expense"]), None if f["emissions_t"] is None else round(f["emissions_t"], 3),
                    "是" if e["high_tech"] else "否", "是" if e["specialized"] else "否",
                    start, e["veto"] if year == 2024 else "", park, loc[0], loc[1]])
        rows.sort(key=lambda r: (r[3], r[1].upper()))
        for k, r in enumerate(rows):
            r[0] = k + 1
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "企业"
        ws.append(["德兴高新区2023—2024年度规模以上及规模以下工业企业亩均效益评价基础数据表"])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
        ws["A1"].font = Font(bold=True, size=14)
        ws["A1"].alignment = Alignment(horizontal="center")
        ws.append(["填报单位：德兴市统计局、国家税务总局德兴市税务局、德兴市供电公司（汇总：高新区管委会经济发展局）"])
        ws.append(header)
        for c in ws[3]:
            c.font = Font(bold=True)
            c.alignment = Alignment(wrap_text=True, horizontal="center")
        for r in rows:
            ws.append(r)
        for row in ws.iter_rows(min_row=4):
            for c in row:
                if isinstance(c.value, float):
                    c.number_format = "0.00" if header[c.column - 1] not in ("经度", "纬度") else "0.000000"
                if isinstance(c.value, dt.date):
                    c.number_format = "yyyy-mm-dd"
        widths = {"统一社会信用代码": 21, "企业名称": 34, "一票否决": 30, "园区": 18}
        for k, h in enumerate(header):
            ws.column_dimensions[openpyxl.utils.get_column_letter(k + 1)].width = widths.get(h, 11)
        ws.freeze_panes = "C4"
        stamp = dt.datetime(EXPORT_DATE.year, EXPORT_DATE.month, EXPORT_DATE.day, 9, 0, 0)
        wb.properties.creator = "德兴高新区管委会经济发展局"
        wb.properties.created = wb.properties.modified = stamp
        buf = io.BytesIO()
        wb.save(buf)
        write_fixed_zip(out / "enterprises.xlsx", buf.getvalue(), stamp)
        self.xlsx_rows = rows

    def write_links(self, out):
        with open(out / "links.csv", "w", encoding="utf-8-sig", newline="") as f:
            f.write("宗地代码,统一社会信用代码,租用建筑面积（平方米）\r\n")
            for pid, code, area in self.links:
                f.write(f"{pid},{code},{area:g}\r\n")

    def write_review_toml(self, out):
        (out / "review.toml").write_text(
            "# Review settings for the bundled 德兴高新区 sample (scripts/run-sample.sh).\n"
            "# Everything not set here is at its default (METHOD.md; see data/review.toml).\n"
            "\n[review]\nyear = 2024\nevaluation_date = \"2024-12-31\"\n"
            "\n[input]\npoints_crs = \"EPSG:4490\"  # 经度/纬度 of the enterprise table\n",
            encoding="utf-8")


# ------------------------------------------------------------------------------ file writers


def write_shapefile(path, fields, records):
    """A GBK shapefile in EPSG:4527 with a .cpg saying GBK and a fixed DBF header date."""
    path = Path(path)
    for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
        path.with_suffix(ext).unlink(missing_ok=True)
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    layer = ds.CreateLayer(path.stem, srs, ogr.wkbPolygon, options=["ENCODING=CP936"])
    for name, kind, width, precision in fields:
        fd = ogr.FieldDefn(name, kind)
        if width:
            fd.SetWidth(width)
        if precision:
            fd.SetPrecision(precision)
        layer.CreateField(fd)
    defn = layer.GetLayerDefn()
    for geom, values in records:
        f = ogr.Feature(defn)
        for k, v in enumerate(values):
            if v is None or v == "":
                f.SetFieldNull(k)
            else:
                f.SetField(k, v)
        f.SetGeometry(ogr.CreateGeometryFromWkb(geom.wkb))
        layer.CreateFeature(f)
    ds = None
    path.with_suffix(".cpg").write_bytes(b"GBK")
    with open(path.with_suffix(".dbf"), "r+b") as f:  # bytes 1–3: date of last update (YY MM DD)
        f.seek(1)
        f.write(bytes([EXPORT_DATE.year - 1900, EXPORT_DATE.month, EXPORT_DATE.day]))


def write_fixed_zip(path, data, stamp):
    """Rewrites an openpyxl XLSX with fixed entry times and document dates."""
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    src = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = body.decode("utf-8")
                text = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rf"\g<1>{iso}\g<2>", text)
                body = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, body)


# ------------------------------------------------------------------------------ cross-check


def read_layer(path):
    ds = ogr.Open(str(path))
    layer = ds.GetLayer(0)
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    out = []
    for f in layer:
        rec = {n: (None if f.IsFieldNull(i) else f.GetField(i)) for i, n in enumerate(names)}
        g = f.GetGeometryRef()
        rec["geometry"] = shapely_wkb.loads(bytes(g.ExportToWkb())) if g else None
        out.append(rec)
    return names, out


def parse_date(text):
    if text is None or str(text).strip() == "":
        return None
    s = str(text).strip()
    for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"):
        try:
            return dt.datetime.strptime(s, fmt).date()
        except ValueError:
            pass
    return "invalid"


def polygonal(g):
    g = make_valid(g)
    if g.geom_type in ("Polygon", "MultiPolygon"):
        return g
    parts = [x for x in getattr(g, "geoms", []) if x.geom_type in ("Polygon", "MultiPolygon")]
    return unary_union(parts) if parts else Polygon()


def geodesic_area(g):
    def ring(coords):
        lon, lat = TO_LONLAT.transform(*zip(*coords))
        return Polygon(list(zip(lon, lat)))
    total = 0.0
    for part in (g.geoms if g.geom_type == "MultiPolygon" else [g]):
        lonlat = Polygon(ring(part.exterior.coords).exterior.coords,
                         [ring(h.coords).exterior.coords for h in part.interiors])
        total += abs(GEOD.geometry_area_perimeter(lonlat)[0])
    return total


def effective_floors(floors, height):
    has_f = floors is not None and floors > 0
    has_h = height is not None and height > 0
    if has_f:
        return 2 * floors if has_h and height / floors > TALL_STOREY else floors
    if has_h:
        return math.ceil(height / STOREY_HEIGHT - 1e-9)
    return None


def cross_check(out, far_min_table):
    """METHOD.md recomputed from the written files, independently of muyield."""
    _, parcel_recs = read_layer(out / "parcels.shp")
    _, building_recs = read_layer(out / "buildings.shp")
    gdal.SetConfigOption("OGR_XLSX_HEADERS", "DISABLE")
    gdal.SetConfigOption("OGR_XLSX_FIELD_TYPES", "STRING")
    wb = openpyxl.load_workbook(out / "enterprises.xlsx")
    ws = wb["企业"]
    header = [c.value for c in ws[3]]
    ents = {}
    for row in ws.iter_rows(min_row=4, values_only=True):
        r = dict(zip(header, row))
        if r["年份"] != REVIEW_YEAR:
            continue
        code = str(r["统一社会信用代码"]).strip().upper()

        def num(k, scale=1.0):
            v = r[k]
            if v is None or v == "":
                return None
            try:
                return float(v) * scale
            except (TypeError, ValueError):
                return None
        start = r["投产日期"]
        if isinstance(start, dt.datetime):
            start = start.date()
        elif isinstance(start, int):
            start = dt.date(start, 1, 1)
        ents[code] = {
            "uscc": code, "name": r["企业名称"], "industry": str(r["国民经济行业代码"]),
            "above": {"是": True, "否": False}.get(r["是否规上"]),
            "revenue": num("营业收入（万元）"), "output_value": num("工业总产值（万元）"),
            "value_added": num("工业增加值（万元）"), "tax": num("实缴税金（万元）"),
            "energy_tce": num("综合能耗（吨标准煤）"), "electricity_kwh": num("用电量（万千瓦时）", 10000.0),
            "employees": num("年平均职工人数（人）"), "rd_expense": num("R&D经费（万元）"),
            "emissions_t": num("主要污染物排放量（吨）"), "high_tech": r["高新技术企业"] == "是",
            "specialized": r["专精特新"] == "是", "veto": (r["一票否决"] or "").strip(), "start": start,
            "location": (r["经度"], r["纬度"]) if r["经度"] is not None else None,
            "uscc_ok": uscc_valid(code),
        }
    # Parcels: first of a duplicated id kept; geometry repaired (GEOS MakeValid).
    parcels, seen = [], set()
    for rec in parcel_recs:
        pid = rec["宗地代码"]
        if pid in seen:
            continue
        seen.add(pid)
        g = polygonal(rec["geometry"])
        area_m2 = geodesic_area(g)
        status = (rec["供地状态"] or "").strip()
        agreed = parse_date(rec["YDKGRQ"])
        parcels.append({
            "id": pid, "park": rec["园区"], "holder": (rec["TYSHXYDM"] or "").strip().upper(),
            "status": status, "supplied": status in SUPPLIED, "unsupplied": status in UNSUPPLIED,
            "agreed": agreed if isinstance(agreed, dt.date) else None, "geom": g,
            "planar_m2": g.area, "area_m2": area_m2, "area_mu": area_m2 * 0.0015,
            "registered": rec["登记面积"], "repaired": not rec["geometry"].is_valid,
        })
    by_id = {p["id"]: p for p in parcels}
    # Links: the table, then the holder code, then location points.
    occ = {p["id"]: [] for p in parcels}
    source = {}
    rows_of = {}
    with open(out / "links.csv", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            pid, code = r["宗地代码"], r["统一社会信用代码"].strip().upper()
            if pid in by_id and code in ents:
                rows_of.setdefault(pid, []).append((code, float(r["租用建筑面积（平方米）"])))
    for pid, rows in rows_of.items():
        total = sum(a for _, a in rows)
        occ[pid] = [(c, a / total) for c, a in rows]
        source[pid] = "explicit"
    unlinked = []
    for p in parcels:
        if occ[p["id"]]:
            continue
        if p["holder"] in ents:
            occ[p["id"]] = [(p["holder"], 1.0)]
            source[p["id"]] = "holder"
        else:
            unlinked.append(p)
    to_gk = pyproj.Transformer.from_crs(4490, EPSG, always_xy=True)
    for p in unlinked:
        inside = [c for c, e in sorted(ents.items()) if e["location"]
                  and p["geom"].contains(Point(*to_gk.transform(*e["location"])))]
        if inside:
            occ[p["id"]] = [(c, 1.0 / len(inside)) for c in inside]
            source[p["id"]] = "spatial"
    land = {c: 0.0 for c in ents}
    for p in parcels:
        for c, s in occ[p["id"]]:
            land[c] += s * p["area_mu"]
    # Indicators, groups, who is rated.
    ratios = {"tax_per_mu": ("tax", "land"), "revenue_per_mu": ("revenue", "land"),
              "va_per_mu": ("value_added", "land"), "va_per_energy": ("value_added", "energy_tce"),
              "va_per_emission": ("value_added", "emissions_t"),
              "labor_productivity": ("value_added", "employees"), "rd_intensity": ("rd_expense", "revenue"),
              "tax_per_kwh": ("tax", "electricity_kwh")}
    for c, e in ents.items():
        e["land"] = land[c]
        e["ind"] = {}
        for key, (n, d) in ratios.items():
            num, den = e.get(n), e.get(d)
            if key == "tax_per_kwh" and num is not None:
                num = num * 10000
            e["ind"][key] = (num, den) if num is not None and den not in (None, 0) else None
        e["group"] = ("above" if e["above"] else "below") if e["above"] is not None else (
            "above" if (e["revenue"] or 0) >= ABOVE_REVENUE else "below")
        div = re.sub(r"^[A-Za-z]", "", e["industry"])[:2]
        e["division"] = div
        if e["land"] <= 0:
            e["unrated"] = "no_land"
        elif div in EXEMPT_DIVISIONS:
            e["unrated"] = "exempt_industry"
        elif e["start"] and e["start"] > dt.date(REVIEW_YEAR - RAMP_UP_YEARS, 12, 31):
            e["unrated"] = "ramp_up"
        elif e["group"] == "below" and e["land"] < MIN_LAND_MU:
            e["unrated"] = "small_land"
        else:
            e["unrated"] = ""
        e["vetoed"] = not e["unrated"] and bool(e["veto"])
    # Scores and classes per group.
    for group, weights in WEIGHTS.items():
        rated = [e for e in ents.values() if e["group"] == group and not e["unrated"]]
        s_of = {}
        for key, w in weights.items():
            have = [e for e in rated if e["ind"][key] is not None]
            num = sum(e["ind"][key][0] for e in have)
            den = sum(e["ind"][key][1] for e in have)
            bench = num / den if den else None
            for e in have:
                x = e["ind"][key][0] / e["ind"][key][1]
                s_of[(e["uscc"], key)] = w * min(max(x / bench, 0.0), CAP) if bench and bench > 0 else 0.0
            mean = sum(s_of[(e["uscc"], key)] for e in have) / len(have) if have else 0.0
            for e in rated:
                s_of.setdefault((e["uscc"], key), mean)
        for e in rated:
            e["total"] = sum(s_of[(e["uscc"], k)] for k in weights) + sum(
                v for k, v in BONUS.items() if e[k])
            tpm = e["ind"]["tax_per_mu"]
            e["tpm"] = tpm[0] / tpm[1] if tpm else None
        key = lambda e: (-e["total"], 0 if e["tpm"] is not None else 1, -(e["tpm"] or 0), e["uscc"])  # noqa
        ok = sorted((e for e in rated if not e["vetoed"]), key=key)
        n = len(ok)
        cuts = [round_half_away(q * n) for q in SHARES]
        for k, e in enumerate(ok, 1):
            e["rank"] = k
            e["class"] = "A" if k <= cuts[0] else "B" if k <= cuts[1] else "C" if k <= cuts[2] else "D"
        for k, e in enumerate(sorted((e for e in rated if e["vetoed"]), key=key), n + 1):
            e["rank"], e["class"] = k, "D"
    for e in ents.values():
        if e["unrated"]:
            e["class"], e["rank"], e["total"] = "unrated", None, None
    # Building form.
    buildings = []
    for rec in building_recs:
        g = polygonal(rec["geometry"])
        buildings.append((g, effective_floors(rec["层数"], rec["建筑高度"])))
    for p in parcels:
        pieces, floor_area, n = [], 0.0, 0
        x0, y0, x1, y1 = p["geom"].bounds
        for k, (g, _) in enumerate(buildings):
            bx0, by0, bx1, by1 = g.bounds
            if bx0 > x1 or bx1 < x0 or by0 > y1 or by1 < y0:
                continue
            piece = p["geom"].intersection(buildings[k][0])
            if piece.area <= 0:
                continue
            n += 1
            pieces.append(piece)
            if buildings[k][1]:
                floor_area += piece.area * buildings[k][1]
        p["n_buildings"] = n
        p["footprint"] = unary_union(pieces).area if pieces else 0.0
        p["floor_area"] = floor_area
        p["coverage"] = p["footprint"] / p["planar_m2"]
        p["far"] = floor_area / p["planar_m2"]
    # Spreading, main occupant, park aggregate, flags.
    worse = {"D": 0, "C": 1, "B": 2, "A": 3, "unrated": 4}
    for p in parcels:
        o = occ[p["id"]]
        p["occupied"] = bool(o)
        p["tax"] = None
        p["occupants"] = o
        for c, s in o:
            e = ents[c]
            if e["tax"] is not None and e["land"] > 0:
                p["tax"] = (p["tax"] or 0.0) + e["tax"] * s * p["area_mu"] / e["land"]
        p["tpm"] = p["tax"] / p["area_mu"] if p["tax"] is not None else None
        if not o:
            p["tax"], p["tpm"] = 0.0, 0.0
        main = min(o, key=lambda cs: (-cs[1], worse[ents[cs[0]]["class"]], cs[0]))[0] if o else None
        p["main"] = main
        p["class"] = ents[main]["class"] if main else ""
        p["division"] = ents[main]["division"] if main else ""
        p["far_min"] = far_min_table.get(p["division"]) if main else None
        p["source"] = source.get(p["id"], "")
    park_tpm = {}
    for park in sorted({p["park"] for p in parcels}):
        occd = [p for p in parcels if p["park"] == park and p["occupied"]]
        park_tpm[park] = sum(p["tax"] or 0.0 for p in occd) / sum(p["area_mu"] for p in occd)
    for p in parcels:
        flags = []
        if p["unsupplied"]:
            flags.append("UNSUPPLIED")
        if p["supplied"] and p["agreed"]:
            empty = p["n_buildings"] == 0 or p["coverage"] < IDLE_COVERAGE
            if empty and EVAL_DATE >= plus_years(p["agreed"], IDLE_YEARS):
                flags.append("IDLE")
                if EVAL_DATE >= plus_years(p["agreed"], IDLE_RECOVERY_YEARS):
                    flags.append("IDLE_2Y")
        if p["supplied"] and p["footprint"] > 0 and not any(
                (ents[c]["revenue"] or 0) > 0 for c, _ in p["occupants"]):
            flags.append("VACANT")
        if p["occupied"]:
            low_far = p["far_min"] is not None and p["far"] < p["far_min"]
            if low_far or p["coverage"] < MIN_COVERAGE:
                flags.append("LOW_DENSITY")
            if p["tpm"] is not None and p["tpm"] < LOW_YIELD_RATIO * park_tpm[p["park"]]:
                flags.append("LOW_YIELD")
        if p["main"] and p["class"] == "D":
            flags.append("D_CLASS")
        p["flags"] = flags
        p["deviation"] = p["area_m2"] / p["registered"] - 1 if p["registered"] else None
    return parcels, ents, park_tpm


def g17(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(round(v, 6))
    return str(v)


def write_expected(out, parcels, ents):
    with open(out / "expected_parcels.csv", "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["parcel_id", "park", "status", "area_m2", "area_mu", "planar_m2", "registered_m2",
                    "area_deviation", "link_source", "occupants", "main_uscc", "class", "tax",
                    "tax_per_mu", "n_buildings", "footprint_m2", "floor_area_m2", "coverage", "far",
                    "industry_division", "far_min", "flags"])
        for p in parcels:
            w.writerow([p["id"], p["park"], p["status"], g17(p["area_m2"]), g17(p["area_mu"]),
                        g17(p["planar_m2"]), g17(p["registered"]), g17(p["deviation"]), p["source"],
                        ";".join(f"{c}:{s:.6g}" for c, s in p["occupants"]), p["main"] or "",
                        p["class"], g17(p["tax"]), g17(p["tpm"]), p["n_buildings"],
                        g17(p["footprint"]), g17(p["floor_area"]), g17(p["coverage"]), g17(p["far"]),
                        p["division"], g17(p["far_min"]), ",".join(p["flags"])])
    with open(out / "expected_enterprises.csv", "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["uscc", "name", "group", "land_mu", "unrated_reason", "vetoed", "total", "rank",
                    "class", "uscc_check_ok"])
        for c in sorted(ents):
            e = ents[c]
            w.writerow([c, e["name"], e["group"], g17(e["land"]), e["unrated"], "1" if e["vetoed"] else "0",
                        g17(e["total"]), e["rank"] or "", e["class"], "1" if e["uscc_ok"] else "0"])


# ------------------------------------------------------------------------------ main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(ROOT / "data" / "dexing"))
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    s = Sample()
    s.make_parcels()
    s.assign_roles()
    s.edit_geometries()
    s.parcel_attributes()
    s.make_enterprises()
    s.make_buildings()
    s.make_figures()
    s.write_parcels(out)
    s.write_buildings(out)
    s.write_enterprises(out)
    s.write_links(out)
    s.write_review_toml(out)
    parcels, ents, park_tpm = cross_check(out, s.far_min)
    write_expected(out, parcels, ents)
    s.results = (parcels, ents, park_tpm)
    write_docs(s, out)
    counts = {}
    for p in parcels:
        for fl in p["flags"]:
            counts[fl] = counts.get(fl, 0) + 1
    print(f"{len(s.parcel_rows)} parcel features, {len(s.buildings)} buildings, "
          f"{len(s.xlsx_rows)} enterprise rows, {len(s.links)} links -> {out}")
    print("flags:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


FLAG_TEXT = {
    "UNSUPPLIED": "批而未供: status 批而未供",
    "IDLE": "闲置土地: supplied, agreed start + 1 year <= 2024-12-31, no buildings or coverage < 0.10",
    "IDLE_2Y": "闲置满两年: as IDLE with agreed start + 2 years <= 2024-12-31",
    "VACANT": "供而未用/建而未投: supplied, buildings stand, no occupant with revenue > 0",
    "LOW_DENSITY": "用而未尽: occupied and FAR < industry minimum or coverage < 0.30",
    "LOW_YIELD": "投而未达: occupied and tax_per_mu < 0.3 x the park's aggregate",
    "D_CLASS": "落后整治: main occupant is class D",
}
FLAG_ORDER = list(FLAG_TEXT)


def write_docs(s, out):
    parcels, ents, park_tpm = s.results
    pid_of = {}
    for p in s.parcels:
        pid_of.setdefault(p["role"], []).append(p["id"])
    ent_of = {}
    for e in s.enterprises:
        ent_of.setdefault(e.get("role", ""), []).append(e)
    by_id = {p["id"]: p for p in parcels}
    one = lambda role: pid_of[role][0]  # noqa: E731
    code = lambda role: ent_of[role][0]["uscc"]  # noqa: E731
    tagged = lambda tag: sorted(b["id"] for b in s.buildings if b["tag"] == tag)  # noqa: E731
    no_attrs = sorted(b["id"] for b in s.buildings if b["floors"] is None and b["height"] is None)
    height_only = sorted(b["id"] for b in s.buildings if b["floors"] is None and b["height"] is not None)
    tall = sorted(b["id"] for b in s.buildings if b["floors"] and b["height"]
                  and b["height"] / b["floors"] > TALL_STOREY)

    def flags(pid):
        return ",".join(by_id[pid]["flags"]) or "none"

    def dev(pid):
        return f"{by_id[pid]['deviation'] * 100:+.1f} %"

    idle_rows = sorted((p for p in s.parcels if p["role"] == "idle"), key=lambda p: p["idle_start"])
    typo_tenant = next(e for e in s.tenants if "link_typo" in e)
    sp_shares = "; ".join(f"{c} {sh:.4f}" for c, sh in by_id[s.sp["id"]]["occupants"])
    bow = next(p for p in s.parcels if p["role"] == "bowtie")
    dup = one("duplicate")
    bad_date = next(p for p in s.parcels if p["role"] == "bad_date")
    small = pid_of["small_lot"]
    two_a = ent_of["two_a_built"][0]
    two_b = ent_of["two_b_1"][0]

    def mu(pid):
        return f"{by_id[pid]['area_mu']:.2f} 亩"

    def cls(role):
        e = ents[ent_of[role][0]["uscc"].upper()]
        return e["class"] + (f" ({e['unrated']})" if e["unrated"] else "")

    rows = [
        # case, input, ids, what it exercises, what the review should show
        ("duplicate_parcel_id", "parcels.shp", dup,
         "two features with the same 宗地代码 (the outline before a 2021 boundary change was never retired)",
         "the first in file order is kept; the second is a reject (duplicate parcel_id)"),
        ("invalid_geometry_bowtie", "parcels.shp", bow["id"],
         "self-intersecting ring (a vertex out of order at the chamfered corner)",
         f"repaired by GEOS MakeValid into a MultiPolygon (warning); area deviation {dev(bow['id'])} (under 5 %)"),
        ("area_deviation", "parcels.shp", one("deviation"),
         "登记面积 8.5 % larger than the outline (an old survey)",
         f"QA warning: area_deviation {dev(one('deviation'))}"),
        ("impossible_date", "parcels.shp", bad_date["id"],
         f"YDKGRQ = {bad_date['agreed_start'] if bad_date['agreed_start'] else ''}"
         f"{s.bad_date_text}", "reject of that field only; the parcel is kept (no agreed start, so no IDLE test)"),
        ("date_formats", "parcels.shp", "all",
         "供地日期 is a DBF date field; YDKGRQ is text, mostly YYYY-MM-DD, about a quarter YYYYMMDD",
         "both read"),
        ("unsupplied", "parcels.shp", ";".join(pid_of["unsupplied"]),
         "供地状态 批而未供 (宗地代码 with GW: use right not yet settled), no holder, no buildings",
         "UNSUPPLIED"),
    ]
    for p in idle_rows:
        rows.append(("idle_land", "parcels.shp", p["id"],
                     f"supplied, no buildings, holder not in the 2024 table; agreed start (YDKGRQ) {p['idle_start']}",
                     flags(p["id"])))
    rows += [
        ("idle_with_shed", "parcels.shp;buildings.shp", one("shed"),
         "a temporary shed only (coverage 0.03 < 0.10), agreed start 2020-08-01",
         flags(one("shed"))),
        ("status_other", "parcels.shp", one("recovered"),
         "供地状态 已收回 (neither supplied nor unsupplied), no buildings, old agreed start",
         f"{flags(one('recovered'))}: other statuses raise neither IDLE nor UNSUPPLIED"),
        ("two_parcels_idle_phase", "parcels.shp;enterprises.xlsx",
         f"{two_a['parcels'][0]};{two_a['parcels'][1]};{two_a['uscc']}",
         "one enterprise holds phase 1 (built) and phase 2 next door (never built)",
         f"land_mu = both parcels; phase 2: {flags(two_a['parcels'][1])}"),
        ("two_parcels_built", "parcels.shp;enterprises.xlsx",
         f"{two_b['parcels'][0]};{two_b['parcels'][1]};{two_b['uscc']}",
         "one enterprise holds two built parcels in different blocks",
         f"land_mu = {ents[two_b['uscc']]['land']:.2f} 亩; figures spread by area"),
        ("standard_factory_links", "links.csv;parcels.shp", s.sp["id"],
         "标准厂房 held by the zone's development company (not in the enterprise table), 5 tenants in links.csv "
         "by leased floor area", f"link_source explicit; shares {sp_shares}"),
        ("link_unknown_parcel", "links.csv", f"{typo_tenant['link_typo']};{typo_tenant['uscc']}",
         "a links row whose 宗地代码 has two digits swapped", "reject; that tenant has no land (no_land)"),
        ("no_land", "enterprises.xlsx", code("no_land"),
         "an enterprise in the table with no parcel, no link and no location", "unrated no_land"),
        ("spatial_link", "parcels.shp;enterprises.xlsx",
         f"{one('spatial_pair')};{code('spatial_1')};{code('spatial_2')}",
         "parcel with 权利人 but an empty TYSHXYDM; two enterprises' 经度/纬度 fall inside it",
         "link_source spatial, share 1/2 each"),
        ("bad_uscc_check_digit", "enterprises.xlsx;parcels.shp", f"{code('bad_check')};{one('bad_check')}",
         "credit code with a wrong GB 32100 check digit, the same in the enterprise table and the parcel",
         "warning only (uscc_check_ok false); still linked by holder code and rated"),
        ("lowercase_uscc", "enterprises.xlsx", f"{ent_of['lowercase'][0]['uscc'].lower()};{one('lowercase')}",
         "credit code typed in lower case in the enterprise table", "normalised; linked to the parcel"),
        ("veto", "enterprises.xlsx", f"{code('veto')};{one('veto')}",
         "一票否决 filled in (较大突发环境事件)", f"class {cls('veto')}; parcel {flags(one('veto'))}"),
        ("ramp_up_date", "enterprises.xlsx", f"{code('ramp_up_date')};{one('ramp_up_date')}",
         "投产日期 2023-09-15 (after 2022-12-31)", f"{cls('ramp_up_date')}"),
        ("ramp_up_bare_year", "enterprises.xlsx", f"{code('ramp_up_year')};{one('ramp_up_year')}",
         "投产日期 given as the bare year 2023 (= 2023-01-01)", f"{cls('ramp_up_year')}"),
        ("ramp_up_boundary", "enterprises.xlsx", f"{code('ramp_up_boundary')};{one('ramp_up_boundary')}",
         "投产日期 2022-12-31, exactly the last day that still counts", f"rated: class {cls('ramp_up_boundary')}"),
        ("built_not_producing", "enterprises.xlsx;parcels.shp", f"{code('new_no_revenue')};{one('new_no_revenue')}",
         "factory built, production started 2024-11-08, revenue 0 in 2024 (no 2023 row)",
         f"{cls('new_no_revenue')}; parcel {flags(one('new_no_revenue'))}"),
        ("closed_enterprise", "enterprises.xlsx;parcels.shp",
         ";".join(pid_of["closed_1"] + pid_of["closed_2"]),
         "holder has a 2023 row only (stopped production): the parcel has no occupant in 2024",
         f"unoccupied; holder-code warning; {flags(one('closed_1'))} / {flags(one('closed_2'))}"),
        ("exempt_industry", "enterprises.xlsx", f"{code('exempt_sewage')};{code('exempt_heat')}",
         "行业代码 4620 污水处理 (parcel 已划拨) and 4430 热力生产和供应", "unrated exempt_industry"),
        ("small_land", "parcels.shp;enterprises.xlsx", ";".join(small),
         f"小微企业园 lots of {mu(small[0])}, {mu(small[1])} and {mu(small[2])} held by 规下 enterprises",
         f"{cls('small_lot')} for the first two; the 3.2 亩 one is rated"),
        ("revenue_threshold", "enterprises.xlsx", f"{code('at_threshold')};{code('under_threshold')}",
         "是否规上 blank, 营业收入 2000.00 and 1999.99", "above (>= 2000) and below"),
        ("above_flag_decides", "enterprises.xlsx", f"{code('above_by_flag')};{code('below_by_flag')}",
         "是否规上 是 with revenue 1836.4; 否 with revenue 2615.8", "above and below: the flag wins"),
        ("negative_tax", "enterprises.xlsx", f"{code('negative_tax')};{one('negative_tax')}",
         "实缴税金 -186.35 (VAT credit refund larger than the tax paid)",
         f"s_tax_per_mu 0; parcel {flags(one('negative_tax'))}"),
        ("text_in_number", "enterprises.xlsx", code("text_number"),
         "工业增加值 = 待核实 in 2024", "reject of that field; value_added missing → mean s_i in its group"),
        ("missing_energy", "enterprises.xlsx", code("missing_energy"),
         "综合能耗 blank", "va_per_energy missing → mean s_i of its group"),
        ("industry_letter_prefix", "enterprises.xlsx", code("letter_code"),
         f"国民经济行业代码 written {ent_of['letter_code'][0]['industry_written']}", "division from the digits"),
        ("no_far_minimum", "enterprises.xlsx;parcels.shp", f"{code('logistics')};{one('logistics')}",
         "行业代码 5920 通用仓储 (division 59 is not in industry_far_min.csv), 土地用途 仓储用地",
         f"far_min empty: LOW_DENSITY judged on coverage alone (coverage "
         f"{by_id[one('logistics')]['coverage']:.2f}); flags {flags(one('logistics'))}"),
        ("tall_storey", "buildings.shp", ";".join(tall[:6]) + (";…" if len(tall) > 6 else ""),
         "层数 1 with 建筑高度 12.6 m and similar (height / floors > 8 m)", "counted as 2 floors"),
        ("height_only", "buildings.shp", ";".join(height_only[:6]) + ";…",
         f"{len(height_only)} buildings with 建筑高度 only", "floors = ceil(height / 4.5)"),
        ("no_floors_no_height", "buildings.shp", ";".join(no_attrs[:6]) + (";…" if len(no_attrs) > 6 else ""),
         f"{len(no_attrs)} buildings (门卫室 …) with neither 层数 nor 建筑高度",
         "in the footprint, not in floor area (warning)"),
        ("building_crosses_road_line", "buildings.shp", ";".join(tagged("cross_front")),
         "gatehouses standing 3 m over the parcel's front line", "clipped to the parcel"),
        ("building_crosses_into_neighbour", "buildings.shp", ";".join(tagged("cross_back")),
         f"a hall of {one('cross_back')} built 7 m over its rear line into the parcel behind",
         "each parcel counts its own clipped part"),
        ("overlapping_duplicate_hall", "buildings.shp", ";".join(tagged("duplicate_hall")),
         "a hall digitised twice, 1.5 m apart (two survey batches)",
         "footprint counts the union; floor area counts both (overlap warning)"),
        ("overlapping_corridor", "buildings.shp", ";".join(tagged("corridor")),
         "a covered walkway (连廊) overlapping the office and hall 1", "overlap warning"),
        ("holder_not_in_table", "parcels.shp", ";".join(p["id"] for p in idle_rows[:3]) + ";…",
         "TYSHXYDM of holders that are not in the 2024 enterprise table (idle land, closed firms); the "
         "标准厂房's holder is not either, but its links table comes first", "warning: the parcel counts as unoccupied"),
        ("unrecognised_columns", "enterprises.xlsx", "序号;园区",
         "columns a statistics sheet has but muyield does not map (an enterprise's park comes from its land)",
         "listed as unknown columns, ignored"),
        ("title_rows", "enterprises.xlsx", "rows 1-2",
         "a merged title row and a 填报单位 row above the header row", "header row found on row 3"),
        ("above_flag_blank", "enterprises.xlsx", "about 12 % of ordinary rows",
         "是否规上 left blank where the revenue rule gives the same group", "revenue rule used"),
    ]
    low = [p for p in parcels if "LOW_DENSITY" in p["flags"]]
    far_only = [p["id"] for p in low if p["coverage"] >= MIN_COVERAGE]
    cov_only = [p["id"] for p in low if p["far_min"] is None or p["far"] >= p["far_min"]]
    both = [p["id"] for p in low if p["id"] not in far_only and p["id"] not in cov_only]
    rows += [
        ("low_density_far_only", "parcels.shp;buildings.shp", ";".join(far_only),
         "coverage >= 0.30 but FAR below the industry minimum (single-storey sheds)", "LOW_DENSITY (FAR)"),
        ("low_density_coverage_only", "parcels.shp;buildings.shp", ";".join(cov_only),
         "FAR at or above the minimum (or none known) but coverage < 0.30", "LOW_DENSITY (coverage)"),
        ("low_density_both", "parcels.shp;buildings.shp", ";".join(both),
         "both FAR and coverage too low", "LOW_DENSITY (FAR and coverage)"),
    ]
    for flag in FLAG_ORDER:
        ids = [p["id"] for p in parcels if flag in p["flags"]]
        rows.append((f"flag_{flag}", "all", ";".join(ids), FLAG_TEXT[flag], f"{len(ids)} parcels"))
    with open(out / "edge_cases.csv", "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["case", "input", "ids", "what", "expected"])
        w.writerows(rows)

    # README
    n_parcel_features = len(s.parcel_rows)
    n_ents = len({e["uscc"] for e in s.enterprises if 2024 in e["years"]})
    years = {}
    for r in s.xlsx_rows:
        years[r[3]] = years.get(r[3], 0) + 1
    counts = {f: sum(1 for p in parcels if f in p["flags"]) for f in FLAG_ORDER}
    group_counts = {}
    for e in ents.values():
        group_counts.setdefault(e["group"], {}).setdefault(e["class"], 0)
        group_counts[e["group"]][e["class"]] += 1
    lines = []
    add = lines.append
    add("# 德兴高新区 sample review (2024)")
    add("")
    add("Invented data shaped like a county's real inputs for a 亩均论英雄 review of 德兴高新区 (Dexing "
        "high-tech zone, Jiangxi, around 117.58°E 28.95°N) in three parks: 德兴高新区城东园, "
        "德兴高新区城西园 and 德兴高新区银山园. Generated by `tools/make_dexing_sample.py` (fixed seed; "
        "running it again with the same GDAL, zlib, shapely and PROJ gives byte-identical files); do not edit these files by hand, change the script.")
    add("")
    add("```")
    add("/usr/bin/python3 tools/make_dexing_sample.py      # regenerate data/dexing/")
    add("build/muyield analyze --parcels data/dexing/parcels.shp --enterprises data/dexing/enterprises.xlsx \\")
    add("  --buildings data/dexing/buildings.shp --links data/dexing/links.csv --config data/dexing/review.toml \\")
    add("  --year 2024 --out out/dexing-2024")
    add("```")
    add("")
    add("## Files")
    add("")
    add("| file | what | fields |")
    add("|---|---|---|")
    add(f"| parcels.shp (.shx .dbf .prj .cpg) | {n_parcel_features} parcel polygons (宗地), EPSG:4527 (CGCS2000 "
        "3-degree GK zone 39, x with the 39 prefix), attributes in GBK (.cpg says GBK) | 宗地代码, 权利人, "
        "TYSHXYDM, 园区, 土地用途, 供地状态, 供地日期 (DBF date), YDKGRQ (text date), 登记面积 (m²) |")
    add(f"| buildings.shp (…) | {len(s.buildings)} building footprints, EPSG:4527, GBK | 建筑编号, 建筑名称, "
        "层数, 建筑高度 (m) |")
    add(f"| enterprises.xlsx | sheet 企业: a title row, a 填报单位 row, the header on row 3, then "
        f"{years.get(2023, 0)} rows for 2023 and {years.get(2024, 0)} for 2024 ({n_ents} enterprises in 2024) | "
        + ", ".join(s.xlsx_header) + " |")
    add(f"| links.csv | UTF-8 with BOM; {len(s.links)} rows for the 标准厂房 parcel {s.sp['id']} | "
        "宗地代码, 统一社会信用代码, 租用建筑面积（平方米） |")
    add("| review.toml | review year 2024, evaluation date 2024-12-31, points CRS EPSG:4490; "
        "everything else at the METHOD.md defaults | |")
    add("| edge_cases.csv | the cases below, with ids (UTF-8 with BOM) | case, input, ids, what, expected |")
    add("| expected_parcels.csv, expected_enterprises.csv | the review recomputed independently in Python "
        "(shapely/pyproj) from these files, by METHOD.md with its defaults: a cross-check for muyield, not "
        "its output format | |")
    add("")
    add("All headers are aliases of DATA.md that `src/io/fields.cpp` recognises, except 序号 and 园区 in "
        "enterprises.xlsx (kept as a real sheet has them; an enterprise's park comes from its land). Units "
        "are in the headers: 万元, 吨标准煤, 万千瓦时 (converted to kWh), 人, 吨, 平方米.")
    add("")
    add("## What the review should show (independent computation)")
    add("")
    add("Park aggregate tax per mu (Σ parcel tax / Σ occupied mu): " + "; ".join(
        f"{k} {v:.2f} 万元/亩" for k, v in park_tpm.items()) + ".")
    add("")
    add("Classes: " + "; ".join(
        f"{g}: " + ", ".join(f"{c} {n}" for c, n in sorted(v.items())) for g, v in sorted(group_counts.items())) + ".")
    add("")
    add("| flag | rule (defaults) | parcels | ids |")
    add("|---|---|---|---|")
    for flag in FLAG_ORDER:
        ids = [p["id"] for p in parcels if flag in p["flags"]]
        shown = ", ".join(ids[:8]) + (f", … ({len(ids) - 8} more)" if len(ids) > 8 else "")
        add(f"| {flag} | {FLAG_TEXT[flag]} | {counts[flag]} | {shown} |")
    add("")
    add("The full list is expected_parcels.csv (flags column) and the `flag_*` rows of edge_cases.csv.")
    add("")
    add("## Edge cases")
    add("")
    add("| case | input | ids | what | expected |")
    add("|---|---|---|---|---|")
    for r in rows:
        if r[0].startswith("flag_"):
            continue
        ids = r[2].split(";")
        shown = ", ".join(ids[:4]) + (", …" if len(ids) > 4 else "")
        add(f"| {r[0]} | {r[1]} | {shown} | {r[3]} | {r[4]} |")
    add("")
    add("Expected rejects (rejects.csv, severity reject): the second feature of the duplicated parcel id, the "
        "impossible YDKGRQ, the 待核实 value added, the links row with the unknown parcel id. Warnings: the "
        "repaired bow-tie, the area deviation(s) over 5 %, the bad check digit (enterprise rows and parcel), "
        "holder codes with no 2024 enterprise, buildings without floors or height, overlapping footprints.")
    (out / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
