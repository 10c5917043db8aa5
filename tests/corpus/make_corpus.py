#!/usr/bin/python3
"""Malformed-input corpus for `muyield analyze` (issue 8): writes tests/corpus/base/ (a small
valid review: 4 parcels, 4 enterprise rows, 1 link) and tests/corpus/cases/<case>/ (each case
one broken input, the rest taken from base/). The expected outcome of every case is in
cases.csv; run_corpus.py runs them. Files are small on purpose; the one large case (a polygon
with 10^6 vertices) is written at test time by write_generated().

usage: /usr/bin/python3 tests/corpus/make_corpus.py     (rewrites base/ and cases/)
"""
import array
import os
import shutil
import struct
import sys
from pathlib import Path

import openpyxl
from osgeo import ogr, osr

ogr.UseExceptions()
osr.UseExceptions()

HERE = Path(__file__).resolve().parent
BASE = HERE / "base"
CASES = HERE / "cases"

# --------------------------------------------------------------------------- helpers

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]


def uscc(first17):
    """A GB 32100 code with its check character."""
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return first17 + USCC_ALPHABET[(31 - total % 31) % 31]


E1, E2, E3, E4 = (uscc(f"9136118100000000{i}") for i in "1234")
X0, Y0 = 556000.0, 3203000.0  # CGCS2000 / 3-degree GK CM 117E (EPSG:4548), near 德兴


def square(i, size=100.0):
    x, y = X0 + 200 * i, Y0
    return [(x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)]


def wkt_polygon(ring):
    return "POLYGON((" + ",".join(f"{x!r} {y!r}" for x, y in ring) + "))"


PARCEL_FIELDS = [("ZDDM", ogr.OFTString), ("QLRDM", ogr.OFTString), ("QLRMC", ogr.OFTString),
                 ("YQMC", ogr.OFTString), ("GDZT", ogr.OFTString), ("YDKGRQ", ogr.OFTString),
                 ("ZDMJ", ogr.OFTReal)]
# parcel_id, holder code, holder name, park, status, agreed start, registered m²
PARCELS = [
    ("P001", E1, "甲公司", "东区", "已供", "2019-03-01", 10000.0),
    ("P002", E2, "乙公司", "东区", "已供", "2019-06-01", 10000.0),
    ("P003", "", "", "西区", "已供", "2020-01-01", 10000.0),
    ("P004", "", "", "西区", "批而未供", "", None),
]


def srs_of(epsg):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    return s


def write_layer(path, features, fields=PARCEL_FIELDS, epsg=4548, geom_type=ogr.wkbPolygon,
                driver=None, cpg="UTF-8"):
    """features: list of (values tuple, geometry WKT or ogr.Geometry or None)."""
    path = Path(path)
    driver = driver or {".shp": "ESRI Shapefile", ".geojson": "GeoJSON"}[path.suffix]
    if path.exists():
        ogr.GetDriverByName(driver).DeleteDataSource(str(path))
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    options = [f"ENCODING={cpg}"] if driver == "ESRI Shapefile" and cpg else []
    layer = ds.CreateLayer(path.stem, srs_of(epsg) if epsg else None, geom_type, options=options)
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    for values, geom in features:
        f = ogr.Feature(layer.GetLayerDefn())
        for (name, _), v in zip(fields, values):
            if v is not None and v != "":
                f.SetField(name, v)
        if geom is not None:
            f.SetGeometry(geom if isinstance(geom, ogr.Geometry) else ogr.CreateGeometryFromWkt(geom))
        layer.CreateFeature(f)
    ds = None


def base_parcels(path, rings=None, **kw):
    rings = rings or [square(i) for i in range(len(PARCELS))]
    write_layer(path, [(v, wkt_polygon(r)) for v, r in zip(PARCELS, rings)], **kw)


ENTERPRISE_HEADER = ["统一社会信用代码", "企业名称", "年度", "营业收入（万元）", "税收实际贡献（万元）",
                     "工业增加值（万元）", "综合能耗（吨标准煤）", "年平均职工人数", "是否规上"]
ENTERPRISES = [
    [E1, "甲公司", "2024", "12000", "600", "3000", "1500", "120", "是"],
    [E2, "乙公司", "2024", "800", "30", "200", "90", "25", "否"],
    [E3, "丙公司", "2024", "5000", "250", "1200", "400", "60", "是"],
    [E1, "甲公司", "2023", "11000", "550", "2800", "1400", "118", "是"],  # another year
]


def write_text(path, text, encoding="utf-8", bom=False):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


def csv_text(rows):
    def cell(c):
        c = str(c)
        return '"' + c.replace('"', '""') + '"' if any(ch in c for ch in ',"\n\r') else c
    return "".join(",".join(cell(c) for c in r) + "\r\n" for r in rows)


def enterprises_csv(path, rows=None, header=None, **kw):
    write_text(path, csv_text([header or ENTERPRISE_HEADER] + (rows if rows is not None else ENTERPRISES)), **kw)


def enterprises_xlsx(path, rows, header=None, title=None, merge=()):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "企业"
    if title:
        ws.append([title])
    ws.append(header or ENTERPRISE_HEADER)
    for r in rows:
        ws.append(r)
    for rng in merge:
        ws.merge_cells(rng)
    wb.save(path)


LINKS_HEADER = ["宗地代码", "统一社会信用代码", "份额"]
LINKS = [["P003", E3, "1"]]


def links_csv(path, rows, header=LINKS_HEADER):
    write_text(path, csv_text([header] + rows), bom=True)


def case_dir(name):
    d = CASES / name
    d.mkdir(parents=True, exist_ok=True)
    return d


def copy_base_shapefile(d, stem="parcels"):
    for ext in ("shp", "shx", "dbf", "prj", "cpg"):
        shutil.copy(BASE / f"parcels.{ext}", d / f"{stem}.{ext}")


def patch(path, offset, data):
    b = bytearray(Path(path).read_bytes())
    b[offset:offset + len(data)] = data
    Path(path).write_bytes(bytes(b))


def truncate(path, size):
    b = Path(path).read_bytes()
    Path(path).write_bytes(b[:size])


def geojson(path, features_json):
    write_text(path, '{"type":"FeatureCollection","features":[' + ",".join(features_json) + "]}")


def gj_feature(pid, geometry_json, park="东区"):
    return ('{"type":"Feature","properties":{"ZDDM":"' + pid + '","YQMC":"' + park +
            '","GDZT":"已供"},"geometry":' + geometry_json + "}")


def gj_polygon(ring):
    return '{"type":"Polygon","coordinates":[[' + ",".join(f"[{x!r},{y!r}]" for x, y in ring) + "]]}"


# Lon/lat of the base squares (EPSG:4490), for GeoJSON cases.
def lonlat_square(i, size=0.001):
    lon, lat = 117.58 + 0.002 * i, 28.95
    return [(lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size), (lon, lat)]


# --------------------------------------------------------------------------- the base review

def make_base():
    if BASE.exists():
        shutil.rmtree(BASE)
    BASE.mkdir()
    base_parcels(BASE / "parcels.shp")
    enterprises_csv(BASE / "enterprises.csv", bom=True)
    links_csv(BASE / "links.csv", LINKS)
    write_layer(BASE / "buildings.shp",
                [((3,), wkt_polygon(square(0, 40))), ((2,), wkt_polygon(square(1, 30)))],
                fields=[("CS", ogr.OFTInteger)])


# --------------------------------------------------------------------------- the cases

CASE_MAKERS = []


def case(fn):
    CASE_MAKERS.append(fn)
    return fn


# Shapefile structure ---------------------------------------------------------------------

@case
def shp_truncated():
    d = case_dir("shp_truncated")
    copy_base_shapefile(d)
    size = (d / "parcels.shp").stat().st_size
    truncate(d / "parcels.shp", size - 60)  # the last polygon loses its coordinates


@case
def shx_truncated():
    d = case_dir("shx_truncated")
    copy_base_shapefile(d)
    truncate(d / "parcels.shx", 100 + 8 * 2)  # index of 2 of the 4 shapes


@case
def dbf_truncated():
    d = case_dir("dbf_truncated")
    copy_base_shapefile(d)
    size = (d / "parcels.dbf").stat().st_size
    truncate(d / "parcels.dbf", size - 150)  # the last record cut short


@case
def dbf_count_too_high():
    d = case_dir("dbf_count_too_high")
    copy_base_shapefile(d)
    patch(d / "parcels.dbf", 4, struct.pack("<I", 9))  # says 9 records, holds 4


@case
def dbf_count_too_low():
    d = case_dir("dbf_count_too_low")
    copy_base_shapefile(d)
    patch(d / "parcels.dbf", 4, struct.pack("<I", 2))  # says 2 records, holds 4


@case
def shx_missing():
    d = case_dir("shx_missing")
    copy_base_shapefile(d)
    (d / "parcels.shx").unlink()


@case
def dbf_missing():
    d = case_dir("dbf_missing")
    copy_base_shapefile(d)
    (d / "parcels.dbf").unlink()
    (d / "parcels.cpg").unlink()


@case
def prj_missing():
    d = case_dir("prj_missing")
    copy_base_shapefile(d)
    (d / "parcels.prj").unlink()


@case
def prj_garbled():
    d = case_dir("prj_garbled")
    copy_base_shapefile(d)
    write_text(d / "parcels.prj", 'PROJCS["CGCS2000_3_Degree_GK_CM_117E",GEOGCS[garbage \x00 ]]')


@case
def prj_wrong_geographic():
    """A lon/lat .prj on Gauss-Krüger metres: coordinates far outside ±180/±90."""
    d = case_dir("prj_wrong_geographic")
    copy_base_shapefile(d)
    write_text(d / "parcels.prj", srs_of(4490).ExportToWkt())


@case
def shp_zero_bytes():
    d = case_dir("shp_zero_bytes")
    copy_base_shapefile(d)
    (d / "parcels.shp").write_bytes(b"")


@case
def shp_not_a_shapefile():
    d = case_dir("shp_not_a_shapefile")
    write_text(d / "parcels.shp", "宗地代码,面积\nP001,100\n")


@case
def no_parcel_id_field():
    d = case_dir("no_parcel_id_field")
    fields = [("NAME", ogr.OFTString)] + PARCEL_FIELDS[1:]
    write_layer(d / "parcels.shp", [(v, wkt_polygon(square(i))) for i, v in enumerate(PARCELS)],
                fields=fields)


@case
def gbk_no_cpg():
    """GBK attributes and no .cpg: the reader must detect GBK, not produce mojibake."""
    d = case_dir("gbk_no_cpg")
    base_parcels(d / "parcels.shp", cpg="GBK")
    (d / "parcels.cpg").unlink()
    patch(d / "parcels.dbf", 29, b"\x00")  # no code-page byte either


# Geometry -------------------------------------------------------------------------------

@case
def mixed_geometry_types():
    d = case_dir("mixed_geometry_types")
    feats = [gj_feature("P001", gj_polygon(lonlat_square(0))),
             gj_feature("P002", '{"type":"Point","coordinates":[117.59,28.95]}'),
             gj_feature("P003", '{"type":"LineString","coordinates":[[117.59,28.95],[117.6,28.96]]}'),
             gj_feature("P004", '{"type":"GeometryCollection","geometries":[' +
                        gj_polygon(lonlat_square(3)) + ',{"type":"Point","coordinates":[1,2]}]}')]
    geojson(d / "parcels.geojson", feats)


@case
def empty_layer():
    d = case_dir("empty_layer")
    write_layer(d / "parcels.shp", [])


@case
def bow_tie():
    d = case_dir("bow_tie")
    x, y = X0, Y0
    rings = [square(0), [(x + 200, y), (x + 300, y + 100), (x + 300, y), (x + 200, y + 100), (x + 200, y)],
             square(2), square(3)]
    base_parcels(d / "parcels.shp", rings)


@case
def spike():
    d = case_dir("spike")
    x, y = X0 + 200, Y0
    rings = [square(0), [(x, y), (x + 100, y), (x + 100, y + 50), (x + 500, y + 50), (x + 100, y + 50),
                         (x + 100, y + 100), (x, y + 100), (x, y)], square(2), square(3)]
    base_parcels(d / "parcels.shp", rings)


@case
def ring_not_closed():
    d = case_dir("ring_not_closed")
    ring = lonlat_square(0)[:-1]
    coords = ",".join(f"[{x!r},{y!r}]" for x, y in ring)
    geojson(d / "parcels.geojson", [gj_feature("P001", '{"type":"Polygon","coordinates":[[' + coords + "]]}"),
                                    gj_feature("P002", gj_polygon(lonlat_square(1)))])


@case
def degenerate_rings():
    d = case_dir("degenerate_rings")
    x, y = X0, Y0
    geojson_rings = [
        gj_feature("P001", gj_polygon(lonlat_square(0))),
        gj_feature("P002", '{"type":"Polygon","coordinates":[[[117.59,28.95],[117.591,28.95],[117.59,28.95]]]}'),
        gj_feature("P003", '{"type":"Polygon","coordinates":[]}'),
        gj_feature("P004", "null"),
    ]
    geojson(d / "parcels.geojson", geojson_rings)


@case
def hole_outside_shell():
    d = case_dir("hole_outside_shell")
    shell = lonlat_square(0)
    hole = [(lon + 0.01, lat) for lon, lat in lonlat_square(0, 0.0005)]
    coords = lambda r: "[" + ",".join(f"[{x!r},{y!r}]" for x, y in r) + "]"
    geojson(d / "parcels.geojson",
            [gj_feature("P001", '{"type":"Polygon","coordinates":[' + coords(shell) + "," + coords(hole) + "]}"),
             gj_feature("P002", gj_polygon(lonlat_square(1)))])


def shp_with_raw_coordinates(d, bad_point):
    """The base shapefile with one vertex of parcel P002 overwritten by raw doubles (NaN, inf, …),
    written byte by byte because OGR refuses to create such geometries."""
    copy_base_shapefile(d)
    shp = bytearray((d / "parcels.shp").read_bytes())
    # Records: 8-byte header, shape type, bbox (32), nParts, nPoints, parts, points.
    offset = 100
    for _ in range(1):  # skip P001
        length = struct.unpack(">i", shp[offset + 4:offset + 8])[0] * 2
        offset += 8 + length
    n_parts = struct.unpack("<i", shp[offset + 8 + 36:offset + 8 + 40])[0]
    points = offset + 8 + 44 + 4 * n_parts
    shp[points + 16:points + 32] = struct.pack("<2d", *bad_point)  # the second vertex
    (d / "parcels.shp").write_bytes(bytes(shp))


@case
def coord_nan():
    shp_with_raw_coordinates(case_dir("coord_nan"), (float("nan"), Y0))


@case
def coord_inf():
    shp_with_raw_coordinates(case_dir("coord_inf"), (float("inf"), float("-inf")))


@case
def coord_1e308():
    shp_with_raw_coordinates(case_dir("coord_1e308"), (1e308, -1e308))


@case
def lat_lon_swapped():
    """Degrees with latitude first: 'longitudes' of 28.9 and 'latitudes' of 117.6 (> 90)."""
    d = case_dir("lat_lon_swapped")
    rings = [[(lat, lon) for lon, lat in lonlat_square(i)] for i in range(len(PARCELS))]
    base_parcels(d / "parcels.shp", rings, epsg=4490)


@case
def duplicate_parcel_ids():
    d = case_dir("duplicate_parcel_ids")
    rows = [PARCELS[0], PARCELS[1], ("P001",) + PARCELS[2][1:], ("P002",) + PARCELS[3][1:]]
    write_layer(d / "parcels.shp", [(v, wkt_polygon(square(i))) for i, v in enumerate(rows)])


@case
def empty_parcel_id():
    d = case_dir("empty_parcel_id")
    rows = [PARCELS[0], ("",) + PARCELS[1][1:], ("   ",) + PARCELS[2][1:], PARCELS[3]]
    write_layer(d / "parcels.shp", [(v, wkt_polygon(square(i))) for i, v in enumerate(rows)])


@case
def parcel_bad_values():
    """Impossible date, text in the area, absurd area, odd status."""
    d = case_dir("parcel_bad_values")
    fields = PARCEL_FIELDS[:-1] + [("ZDMJ", ogr.OFTString)]
    rows = [("P001", E1, "甲公司", "东区", "已供", "2023-02-30", "1e15"),
            ("P002", E2, "乙公司", "东区", "已供", "2019年13月1日", "一万"),
            ("P003", "", "", "西区", "已供", "20200101", "-5"),
            ("P004", "", "", "西区", "什么", "", "１０，０００")]
    write_layer(d / "parcels.shp", [(v, wkt_polygon(square(i))) for i, v in enumerate(rows)],
                fields=fields)


@case
def parcels_in_geojson_lonlat():
    """A fine GeoJSON (CRS84): not malformed, a control for the GeoJSON cases."""
    d = case_dir("parcels_in_geojson_lonlat")
    geojson(d / "parcels.geojson", [gj_feature(f"P00{i + 1}", gj_polygon(lonlat_square(i))) for i in range(4)])


# Enterprise tables ------------------------------------------------------------------------

@case
def csv_no_bom():
    enterprises_csv(case_dir("csv_no_bom") / "enterprises.csv", bom=False)


@case
def csv_gbk():
    enterprises_csv(case_dir("csv_gbk") / "enterprises.csv", encoding="gbk")


@case
def csv_mixed_gbk_utf8():
    """Header and first rows in UTF-8, later rows pasted from a GBK file."""
    d = case_dir("csv_mixed_gbk_utf8")
    head = csv_text([ENTERPRISE_HEADER] + ENTERPRISES[:2]).encode("utf-8")
    tail = csv_text([[E3, "丙公司德兴分厂", "2024", "5000", "250", "1200", "400", "60", "是"]]).encode("gbk")
    (d / "enterprises.csv").write_bytes(b"\xef\xbb\xbf" + head + tail)


@case
def csv_ragged_rows():
    d = case_dir("csv_ragged_rows")
    rows = [ENTERPRISES[0][:5], ENTERPRISES[1] + ["多余", "cells"], ENTERPRISES[2]]
    enterprises_csv(d / "enterprises.csv", rows, bom=True)


@case
def csv_title_line():
    """A title line of one cell above the header (GDAL takes the columns from the first line)."""
    d = case_dir("csv_title_line")
    write_text(d / "enterprises.csv", "2024年度企业亩均效益数据表\r\n" + csv_text([ENTERPRISE_HEADER] + ENTERPRISES),
               bom=True)


@case
def csv_quotes_newlines():
    d = case_dir("csv_quotes_newlines")
    rows = [[E1, '甲公司 "老厂"', "2024", "12000", "600", "3000", "1500", "120", "是"],
            [E2, "乙公司\n第二行,含逗号", "2024", "800", "30", "200", "90", "25", "否"],
            ENTERPRISES[2]]
    enterprises_csv(d / "enterprises.csv", rows, bom=True)


@case
def csv_unbalanced_quote():
    d = case_dir("csv_unbalanced_quote")
    text = csv_text([ENTERPRISE_HEADER, ENTERPRISES[0]]) + f'{E2},"乙公司,2024,800,30,200,90,25,否\r\n' + \
        csv_text([ENTERPRISES[2]])
    write_text(d / "enterprises.csv", text, bom=True)


@case
def csv_empty_file():
    write_text(case_dir("csv_empty_file") / "enterprises.csv", "")


@case
def csv_header_only():
    enterprises_csv(case_dir("csv_header_only") / "enterprises.csv", rows=[], bom=True)


@case
def csv_binary_garbage():
    d = case_dir("csv_binary_garbage")
    (d / "enterprises.csv").write_bytes(bytes(range(256)) * 4)


@case
def no_uscc_column():
    d = case_dir("no_uscc_column")
    header = ["代码"] + ENTERPRISE_HEADER[1:]
    enterprises_csv(d / "enterprises.csv", header=header, bom=True)


@case
def excel_error_cells():
    d = case_dir("excel_error_cells")
    rows = [[E1, "甲公司", 2024, "#DIV/0!", 600, 3000, "#VALUE!", 120, "是"],
            [E2, "乙公司", 2024, 800, "#N/A", 200, 90, "#REF!", "#NAME?"],
            [E3, "丙公司", 2024, 5000, 250, 1200, 400, 60, "是"]]
    enterprises_xlsx(d / "enterprises.xlsx", rows)


@case
def excel_formulas():
    """Formulas without cached values (openpyxl writes none): GDAL sees no number."""
    d = case_dir("excel_formulas")
    rows = [[E1, "甲公司", 2024, "=1000*12", "=600", 3000, 1500, 120, "是"],
            [E2, "乙公司", 2024, 800, 30, "=B2/0", 90, 25, "否"],
            [E3, "丙公司", 2024, 5000, 250, 1200, 400, 60, "是"]]
    enterprises_xlsx(d / "enterprises.xlsx", rows)


@case
def excel_merged_title_and_header():
    d = case_dir("excel_merged_title_and_header")
    rows = [[r[0], r[1], int(r[2])] + [float(x) for x in r[3:8]] + [r[8]] for r in ENTERPRISES]
    enterprises_xlsx(d / "enterprises.xlsx", rows, title="2024年度德兴高新区亩均效益评价企业数据表",
                     merge=["A1:I1"])
    wb = openpyxl.load_workbook(d / "enterprises.xlsx")
    ws = wb.active
    # A merged two-cell header for the year: the second cell of a merge reads empty.
    ws.insert_cols(4)
    ws["C2"], ws["D2"] = "年度", None
    ws.merge_cells("C2:D2")
    wb.save(d / "enterprises.xlsx")


@case
def excel_dates_text_and_serial():
    d = case_dir("excel_dates_text_and_serial")
    header = ENTERPRISE_HEADER + ["投产日期"]
    rows = [[E1, "甲公司", 2024, 12000, 600, 3000, 1500, 120, "是", "2015-03-01"],
            [E2, "乙公司", 2024, 800, 30, 200, 90, 25, "否", 44197],        # serial = 2021-01-01
            [E3, "丙公司", 2024, 5000, 250, 1200, 400, 60, "是", "2023年2月30日"]]  # impossible
    enterprises_xlsx(d / "enterprises.xlsx", rows, header=header)


@case
def excel_corrupt_zip():
    d = case_dir("excel_corrupt_zip")
    enterprises_xlsx(d / "enterprises.xlsx", ENTERPRISES)
    truncate(d / "enterprises.xlsx", 700)


@case
def numbers_thousands_fullwidth():
    d = case_dir("numbers_thousands_fullwidth")
    rows = [[E1, "甲公司", "２０２４", "12,000", "６００", "3,000.0", "1 500", "１２０", "是"],
            [E2, "乙公司", "2024", "1,2", "30", "200", "90", "25", "否"],         # bad grouping
            [E3, "丙公司", "2024", "5000", "250万", "1200", "400", "60", "是"]]   # unit in cell
    enterprises_csv(d / "enterprises.csv", rows, bom=True)


@case
def negative_and_absurd_values():
    d = case_dir("negative_and_absurd_values")
    rows = [[E1, "甲公司", "2024", "12000", "1e15", "3000", "1500", "120", "是"],
            [E2, "乙公司", "2024", "800", "-30", "-200", "0", "-25", "否"],
            [E3, "丙公司", "2024", "1e308", "250", "1200", "400", "60", "是"]]
    enterprises_csv(d / "enterprises.csv", rows, bom=True)


@case
def nan_inf_text():
    d = case_dir("nan_inf_text")
    rows = [[E1, "甲公司", "2024", "NaN", "inf", "3000", "1e999", "120", "是"]] + ENTERPRISES[1:3]
    enterprises_csv(d / "enterprises.csv", rows, bom=True)


@case
def enterprise_rows_unusable():
    """No code, a duplicate code, an unreadable year, a bad check digit, an unknown yes/no."""
    d = case_dir("enterprise_rows_unusable")
    bad_check = E3[:-1] + ("0" if E3[-1] != "0" else "1")
    rows = [["", "无代码公司", "2024", "100", "5", "20", "10", "5", "否"],
            ENTERPRISES[0],
            [E1, "甲公司重复", "2024", "1", "1", "1", "1", "1", "是"],
            [E2, "乙公司", "二〇二四", "800", "30", "200", "90", "25", "否"],
            [bad_check, "丙公司", "2024", "5000", "250", "1200", "400", "60", "也许"]]
    enterprises_csv(d / "enterprises.csv", rows, bom=True)


@case
def enterprise_without_parcel():
    d = case_dir("enterprise_without_parcel")
    rows = ENTERPRISES + [[E4, "丁公司", "2024", "3000", "100", "500", "200", "40", "是"]]
    enterprises_csv(d / "enterprises.csv", rows, bom=True)


@case
def enterprise_locations_bad():
    d = case_dir("enterprise_locations_bad")
    header = ENTERPRISE_HEADER + ["经度", "纬度"]
    rows = [ENTERPRISES[0] + ["117.58", "abc"], ENTERPRISES[1] + ["500", "95"],
            ENTERPRISES[2] + ["NaN", "28.95"]]
    enterprises_csv(d / "enterprises.csv", rows, header=header, bom=True)


@case
def formula_injection_names():
    """Names that spreadsheets would run as formulas: written with a leading apostrophe."""
    d = case_dir("formula_injection_names")
    rows = [[E1, '=HYPERLINK("http://evil.example/x","点我")', "2024", "12000", "600", "3000", "1500", "120", "是"],
            [E2, "+cmd|' /C calc'!A0", "2024", "800", "=1+2", "200", "90", "25", "否"],
            [E3, "@SUM(A1:A9)", "2024", "5000", "250", "1200", "400", "60", "是"]]
    enterprises_csv(d / "enterprises.csv", rows, bom=True)
    rows = [("P001", E1, "-2+3", "=HYPERLINK(\"http://evil.example\")", "已供", "2019-03-01", 10000.0)] + PARCELS[1:]
    write_layer(d / "parcels.shp", [(v, wkt_polygon(square(i))) for i, v in enumerate(rows)])


@case
def names_with_paths():
    """Parcel ids and parks that look like paths: no file may appear outside the output folder."""
    d = case_dir("names_with_paths")
    rows = [("../../escaped", E1, "甲公司", "../../../tmp/evil", "已供", "2019-03-01", 10000.0),
            ("/etc/passwd", E2, "乙公司", "..", "已供", "2019-06-01", 10000.0),
            ("P003\x00x", "", "", "a/b\\c", "已供", "2020-01-01", 10000.0),
            PARCELS[3]]
    write_layer(d / "parcels.shp", [(v, wkt_polygon(square(i))) for i, v in enumerate(rows)])


# Links ----------------------------------------------------------------------------------

@case
def links_unknown_ids():
    links_csv(case_dir("links_unknown_ids") / "links.csv",
              [["P003", E3, "1"], ["P999", E3, "0.5"], ["P002", uscc("91361181999999999"), "0.5"]])


@case
def links_bad_shares():
    links_csv(case_dir("links_bad_shares") / "links.csv",
              [["P003", E3, "0.8"], ["P003", E2, "0.7"], ["P001", E1, "abc"], ["P002", E2, "-0.5"]])


@case
def links_no_share_column():
    links_csv(case_dir("links_no_share_column") / "links.csv", [["P003", E3]],
              header=["宗地代码", "统一社会信用代码"])


# Buildings ------------------------------------------------------------------------------

@case
def buildings_bad_values():
    d = case_dir("buildings_bad_values")
    write_layer(d / "buildings.shp",
                [(("三层", "12"), wkt_polygon(square(0, 40))), (("2", "-5"), wkt_polygon(square(1, 30))),
                 (("1e6", ""), wkt_polygon(square(2, 20))), (("", ""), None)],
                fields=[("CS", ogr.OFTString), ("GD", ogr.OFTString)])


@case
def buildings_no_prj():
    d = case_dir("buildings_no_prj")
    write_layer(d / "buildings.shp", [((3,), wkt_polygon(square(0, 40)))], fields=[("CS", ogr.OFTInteger)],
                epsg=None)


# review.toml ----------------------------------------------------------------------------

TOML_CASES = {
    "toml_unknown_key": "[rating]\nmin_land_muu = 3\n",
    "toml_unknown_section": "[ratings]\nmin_land_mu = 3\n",
    "toml_wrong_type": '[review]\nyear = "2024"\n',
    "toml_out_of_range": "[classes]\nshare_a = 2.5\n",
    "toml_not_toml": "[review\nyear = 2024\n",
    "toml_unknown_indicator": "[scoring.above.weights]\ntax_per_muu = 30\n",
    "toml_bonus_unmapped": "[scoring.bonus]\ngreen_factory = 2\n",
    "toml_far_table_missing": '[building]\nfar_table = "no_such_table.csv"\n',
    "toml_far_table_folder": '[building]\nfar_table = "."\n',
    "toml_far_table_dev_zero": '[building]\nfar_table = "/dev/zero"\n',
    "toml_bom_and_crlf": "\ufeff[review]\r\nyear = 2024\r\n",
    "toml_empty": "",
    "toml_binary": "\x00\x01\x02\xff\xfe",
    "toml_huge_number": "[rating]\nmin_land_mu = 1e999\n",
}


def make_toml_cases():
    for name, text in TOML_CASES.items():
        d = case_dir(name)
        path = d / "review.toml"
        if name == "toml_binary":
            path.write_bytes(text.encode("latin-1"))
        else:
            path.write_bytes(text.encode("utf-8"))


# --------------------------------------------------------------------------- generated at test time

def write_generated(folder):
    """Cases too big to commit, written into `folder` by run_corpus.py: one parcel of 10^6
    vertices (a fine circle-like ring, ~16 MB as a shapefile) next to the base parcels."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "million_vertices.shp"
    if path.exists():
        return
    import math
    n = 1_000_000
    cx, cy, r = X0 + 1000, Y0 + 500, 80.0
    coords = array.array("d")
    for k in range(n):
        a = 2 * math.pi * k / n
        # A wavy edge. (Not a zigzag of alternating radii: GEOS's validity check takes minutes
        # on 10^6 near-parallel spikes — in shapely too — which is no reader matter.)
        rr = r + 3.0 * math.sin(40 * a)
        coords.extend((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    coords.extend((coords[0], coords[1]))
    wkb = struct.pack("<BIII", 1, 3, 1, n + 1) + coords.tobytes()
    big = ogr.CreateGeometryFromWkb(wkb)
    feats = [(v, wkt_polygon(square(i))) for i, v in enumerate(PARCELS)]
    feats.append((("P005", "", "", "东区", "已供", "2019-03-01", None), big))
    write_layer(path, feats)


def main():
    make_base()
    if CASES.exists():
        shutil.rmtree(CASES)
    CASES.mkdir()
    for make in CASE_MAKERS:
        make()
    make_toml_cases()
    n = len(CASE_MAKERS) + len(TOML_CASES)
    print(f"corpus: base and {n} case folders in {CASES}")


if __name__ == "__main__":
    sys.exit(main())
