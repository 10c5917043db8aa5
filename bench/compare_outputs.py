#!/usr/bin/python3
"""Compares two review output folders (muyield's and a peer's) column by column.

    /usr/bin/python3 bench/compare_outputs.py MUYIELD_OUT PEER_OUT [--show N]

For parcels.csv (key parcel_id), enterprises.csv (key uscc) and parks.csv (key park): the rows only
in one side, and for every column both have: numeric columns the largest absolute and relative
difference (empty = empty counts as equal), text columns the number of differing rows and examples.
Reason texts (flag_reasons) and labels are worded differently by design and are skipped.
"""
import argparse
import numpy as np
import pandas as pd

KEYS = {"parcels.csv": "parcel_id", "enterprises.csv": "uscc", "parks.csv": "park"}
SKIP = {"flag_reasons", "reason"}


def compare(a_dir, b_dir, name, show):
    key = KEYS[name]
    a = pd.read_csv(f"{a_dir}/{name}", dtype=str, encoding="utf-8-sig", keep_default_na=False).set_index(key)
    b = pd.read_csv(f"{b_dir}/{name}", dtype=str, encoding="utf-8-sig", keep_default_na=False).set_index(key)
    print(f"== {name}: {len(a)} rows vs {len(b)}; only in first {len(a.index.difference(b.index))}, "
          f"only in second {len(b.index.difference(a.index))}")
    for k in list(a.index.difference(b.index))[:show] + list(b.index.difference(a.index))[:show]:
        print("   row only on one side:", k)
    idx = a.index.intersection(b.index)
    only = [c for c in a.columns if c not in b.columns]
    if only:
        print("   columns only in first:", ", ".join(only))
    for c in [c for c in a.columns if c in b.columns and c not in SKIP]:
        x, y = a.loc[idx, c], b.loc[idx, c]
        xn, yn = pd.to_numeric(x, errors="coerce"), pd.to_numeric(y, errors="coerce")
        numeric = (xn.notna() | (x == "")).all() and (yn.notna() | (y == "")).all() and (x != "").any()
        if numeric:
            both_empty = (x == "") & (y == "")
            one_empty = (x == "") != (y == "")
            d = (xn - yn).abs()
            rel = d / xn.abs().where(xn.abs() > 0)
            worst = d.idxmax() if d.notna().any() else None
            line = f"   {c:<22s} max|Δ| {d.max():.3g}  max rel {rel.max():.3g}"
            if one_empty.any():
                line += f"  empty on one side: {one_empty.sum()} (e.g. {list(idx[one_empty.to_numpy()][:show])})"
            if worst is not None and d.max() > 1e-6 * max(1.0, abs(xn[worst])):
                line += f"  worst {worst}: {x[worst]} vs {y[worst]}"
            print(line)
        else:
            diff = x != y
            if diff.any():
                ex = [f"{k}: {x[k]!r} vs {y[k]!r}" for k in idx[diff.to_numpy()][:show]]
                print(f"   {c:<22s} {diff.sum()} differ: " + "; ".join(ex))
            else:
                print(f"   {c:<22s} equal")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("first")
    ap.add_argument("second")
    ap.add_argument("--show", type=int, default=3)
    a = ap.parse_args()
    for name in KEYS:
        compare(a.first, a.second, name, a.show)


if __name__ == "__main__":
    main()
