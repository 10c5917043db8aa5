#!/usr/bin/python3
"""Writes the QGIS styles (.qml, QGIS 3.22) and SLD 1.1 files of this folder from one palette, so
that the six files cannot drift apart. Run from anywhere: /usr/bin/python3 styles/make_styles.py
The class colours must match src/report/palette.hpp (a test compares them).

parcels_tax_per_mu.* are templates: the quantile breaks depend on the review, so they hold the
tokens {{b0}} … {{b5}} (breaks) and {{l1}} … {{l5}} (legend labels), which muyield fills when it
embeds the style in muyield.gpkg."""
from pathlib import Path
from xml.sax.saxutils import quoteattr, escape

here = Path(__file__).resolve().parent

# value, fill colour, legend label (green → red; unrated grey; unoccupied / other white)
CLASSES = [
    ("A", "#1a9641", "A 优先发展类"),
    ("B", "#a6d96a", "B 鼓励提升类"),
    ("C", "#fdae61", "C 监管调控类"),
    ("D", "#d7191c", "D 落后整治类"),
    ("unrated", "#bdbdbd", "不参评"),
    ("", "#ffffff", "未使用（无企业）"),
]
# Drawn in this order, so the most serious flag lies on top where a parcel has several.
FLAGS = [
    ("LOW_YIELD", "#fee08b", "投而未达"),
    ("LOW_DENSITY", "#fdae61", "用而未尽"),
    ("D_CLASS", "#f46d43", "落后整治"),
    ("VACANT", "#9e9ac8", "供而未用/建而未投"),
    ("UNSUPPLIED", "#6baed6", "批而未供"),
    ("IDLE", "#d73027", "闲置土地"),
    ("IDLE_2Y", "#a50026", "闲置满两年"),
]
NO_FLAG = ("#f0f0f0", "无低效标记")
# Low tax per mu red, high green (the class scale's direction).
TAX_RAMP = ["#d7191c", "#fdae61", "#ffffbf", "#a6d96a", "#1a9641"]
OUTLINE = "#323232"


def rgba(hex_colour):
    h = hex_colour.lstrip("#")
    return ",".join(str(int(h[i:i + 2], 16)) for i in (0, 2, 4)) + ",255"


def qml_symbol(name, fill):
    options = [("color", rgba(fill)), ("outline_color", rgba(OUTLINE)), ("outline_style", "solid"),
               ("outline_width", "0.2"), ("outline_width_unit", "MM"), ("style", "solid"),
               ("joinstyle", "bevel")]
    opts = "\n".join(f'            <Option type="QString" name="{k}" value="{v}"/>' for k, v in options)
    return (f'      <symbol type="fill" name="{name}" alpha="1" force_rhr="0" clip_to_extent="1">\n'
            f'        <layer pass="0" enabled="1" class="SimpleFill" locked="0">\n'
            f'          <Option type="Map">\n{opts}\n          </Option>\n'
            f'        </layer>\n      </symbol>')


def qml(renderer_open, items, symbols, extra=""):
    return ("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
            '<qgis styleCategories="Symbology" version="3.22.16-Białowieża">\n'
            f"  {renderer_open}\n{items}\n    <symbols>\n" + "\n".join(symbols) +
            f"\n    </symbols>\n{extra}    <rotation/>\n    <sizescale/>\n  </renderer-v2>\n"
            "  <blendMode>0</blendMode>\n  <featureBlendMode>0</featureBlendMode>\n"
            "  <layerGeometryType>2</layerGeometryType>\n</qgis>\n")


def sld(name, rules):
    body = "\n".join(rules)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://www.opengis.net/sld '
            'http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd" '
            'xmlns:se="http://www.opengis.net/se" xmlns:ogc="http://www.opengis.net/ogc" '
            'version="1.1.0">\n'
            f"  <NamedLayer>\n    <se:Name>parcels</se:Name>\n    <UserStyle>\n"
            f"      <se:Name>{name}</se:Name>\n      <se:FeatureTypeStyle>\n{body}\n"
            "      </se:FeatureTypeStyle>\n    </UserStyle>\n  </NamedLayer>\n"
            "</StyledLayerDescriptor>\n")


def sld_rule(label, fill, filter_xml):
    f = f"          <ogc:Filter>\n{filter_xml}\n          </ogc:Filter>\n" if filter_xml else \
        "          <se:ElseFilter/>\n"
    return (f"        <se:Rule>\n          <se:Name>{escape(label)}</se:Name>\n"
            f"          <se:Description>\n            <se:Title>{escape(label)}</se:Title>\n"
            f"          </se:Description>\n{f}"
            f"          <se:PolygonSymbolizer>\n            <se:Fill>\n"
            f'              <se:SvgParameter name="fill">{fill}</se:SvgParameter>\n'
            f"            </se:Fill>\n            <se:Stroke>\n"
            f'              <se:SvgParameter name="stroke">{OUTLINE}</se:SvgParameter>\n'
            f'              <se:SvgParameter name="stroke-width">0.5</se:SvgParameter>\n'
            f"            </se:Stroke>\n          </se:PolygonSymbolizer>\n        </se:Rule>")


def compare(op, prop, literal):
    return (f"            <ogc:{op}>\n              <ogc:PropertyName>{prop}</ogc:PropertyName>\n"
            f"              <ogc:Literal>{literal}</ogc:Literal>\n            </ogc:{op}>")


def class_style():
    cats = "\n".join(f'      <category render="true" value={quoteattr(v)} symbol="{i}" label={quoteattr(l)}/>'
                     for i, (v, _, l) in enumerate(CLASSES))
    q = qml('<renderer-v2 type="categorizedSymbol" attr="class" forceraster="0" enableorderby="0" '
            'symbollevels="0" referencescale="-1">', f"    <categories>\n{cats}\n    </categories>",
            [qml_symbol(str(i), c) for i, (_, c, _) in enumerate(CLASSES)])
    rules = [sld_rule(l, c, compare("PropertyIsEqualTo", "class", v) if v else None)
             for v, c, l in CLASSES]
    return q, sld("亩均效益分类", rules)


def flag_style():
    no_flag = "\"flags\" IS NULL OR \"flags\" = ''"
    items = [f'      <rule key="no_flag" symbol="0" label={quoteattr(NO_FLAG[1])} filter={quoteattr(no_flag)}/>']
    symbols = [qml_symbol("0", NO_FLAG[0])]
    rules = [sld_rule(NO_FLAG[1], NO_FLAG[0],
                      "            <ogc:Or>\n              <ogc:PropertyIsNull><ogc:PropertyName>flags"
                      "</ogc:PropertyName></ogc:PropertyIsNull>\n" +
                      compare("PropertyIsEqualTo", "flags", "").replace("            ", "              ", 1) +
                      "\n            </ogc:Or>")]
    for i, (key, colour, label) in enumerate(FLAGS, start=1):
        rule_filter = '"flag_' + key + '" = 1'
        items.append(f'      <rule key="{key}" symbol="{i}" label={quoteattr(label)} '
                     f'filter={quoteattr(rule_filter)}/>')
        symbols.append(qml_symbol(str(i), colour))
        rules.append(sld_rule(label, colour, compare("PropertyIsEqualTo", f"flag_{key}", "1")))
    q = qml('<renderer-v2 type="RuleRenderer" forceraster="0" enableorderby="0" symbollevels="0" '
            'referencescale="-1">', '    <rules key="root">\n' + "\n".join(items) + "\n    </rules>",
            symbols)
    return q, sld("低效用地标记", rules)


def tax_style():
    n = len(TAX_RAMP)
    ranges = "\n".join(f'      <range render="true" lower="{{{{b{i}}}}}" upper="{{{{b{i + 1}}}}}" '
                       f'symbol="{i}" label="{{{{l{i + 1}}}}}"/>' for i in range(n))
    method = ('    <classificationMethod id="Quantile">\n'
              '      <symmetricMode enabled="0" astride="0" symmetrypoint="0"/>\n'
              '      <labelFormat labelprecision="2" format="%1 - %2" trimtrailingzeroes="0"/>\n'
              '      <parameters>\n        <Option/>\n      </parameters>\n'
              '      <extraInformation/>\n    </classificationMethod>\n')
    q = qml('<renderer-v2 type="graduatedSymbol" attr="tax_per_mu" graduatedMethod="GraduatedColor" '
            'forceraster="0" enableorderby="0" symbollevels="0" referencescale="-1">',
            f"    <ranges>\n{ranges}\n    </ranges>",
            [qml_symbol(str(i), c) for i, c in enumerate(TAX_RAMP)], method)
    rules = []
    for i, colour in enumerate(TAX_RAMP):
        rules.append(sld_rule(f"{{{{l{i + 1}}}}}", colour,
                              "            <ogc:And>\n" +
                              compare("PropertyIsGreaterThanOrEqualTo", "tax_per_mu", f"{{{{b{i}}}}}") +
                              "\n" + compare("PropertyIsLessThanOrEqualTo", "tax_per_mu",
                                             f"{{{{b{i + 1}}}}}") + "\n            </ogc:And>"))
    return q, sld("亩均税收（万元/亩）", rules)


for name, (q, s) in {"parcels_class": class_style(), "parcels_flags": flag_style(),
                     "parcels_tax_per_mu": tax_style()}.items():
    (here / f"{name}.qml").write_text(q, encoding="utf-8")
    (here / f"{name}.sld").write_text(s, encoding="utf-8")
