#!/usr/bin/env python3
"""Plots the CSV files of io.tiercache.bench.ScaleRunner (scripts/scale-bench.sh) as PNGs.

Usage: plot-scale.py CSV_DIR PNG_DIR. Reads l1.csv and invalidation.csv; writes scale-l1-hit.png,
scale-l1-heap.png and scale-invalidation.png. Needs matplotlib.
"""
import csv
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def series(data, x, y, where):
    points = sorted((int(r[x]), float(r[y])) for r in data if where(r) and r[y] not in ("", "NaN"))
    return [p[0] for p in points], [p[1] for p in points]


def main(src, dst):
    dst.mkdir(parents=True, exist_ok=True)
    l1 = rows(src / "l1.csv")
    cases = sorted({(int(r["value_bytes"]), r["bound"]) for r in l1})
    label = {
        "count": "bound by count (OBJECT near cache)",
        "memory": "bound by memory (BINARY near cache)",
    }

    fig, ax = plt.subplots(figsize=(7, 4.5))
    for value, bound in cases:
        xs, ys = series(l1, "entries", "hit_ns",
                        lambda r: int(r["value_bytes"]) == value and r["bound"] == bound)
        ax.plot(xs, ys, marker="o", label=f"{value // 1024} KiB values, {label[bound]}")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("entries in L1")
    ax.set_ylabel("L1 hit, ns/op (JMH average)")
    ax.set_title("L1 hit latency against the number of entries")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(dst / "scale-l1-hit.png", dpi=110)

    fig, ax = plt.subplots(figsize=(7, 4.5))
    for value, bound in cases:
        where = lambda r, v=value, b=bound: int(r["value_bytes"]) == v and r["bound"] == b  # noqa: E731
        name = f"{value // 1024} KiB, {bound}"
        xs, ys = series(l1, "entries", "heap_map_bytes_per_entry", where)
        ax.plot(xs, [y / value for y in ys], marker="o", label=f"map, {name}")
        xs, ys = series(l1, "entries", "heap_near_cache_bytes_per_entry", where)
        ax.plot(xs, [y / value for y in ys], marker="s", linestyle="--", label=f"near cache, {name}")
    ax.set_xscale("log")
    ax.set_xlabel("entries in L1")
    ax.set_ylabel("heap per entry / value size")
    ax.set_title("Heap per entry (used heap after full GC, difference / entries)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(dst / "scale-l1-heap.png", dpi=110)

    inv = rows(src / "invalidation.csv")
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for op in dict.fromkeys(r["operation"] for r in inv):
        xs, ys = series(inv, "keys", "millis", lambda r, o=op: r["operation"] == o)
        dashed = op.startswith("SCAN")
        ax.plot(xs, ys, marker="o", linestyle="--" if dashed else "-", label=op)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("keys of the cache in Redis (1 KiB values)")
    ax.set_ylabel("wall time, ms (one shot)")
    ax.set_title("removeAll and invalidatePattern against Redis keys")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(dst / "scale-invalidation.png", dpi=110)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
