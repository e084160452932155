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


def finish(fig, ax, xlabel, ylabel, title, path, legend_size):
    """Labels, grid and legend of one log-x plot, saved as PNG."""
    ax.set_xscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=legend_size)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


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
    ax.set_yscale("log")
    finish(fig, ax, "entries in L1", "L1 hit, ns/op (JMH average)", "L1 hit latency against the number of entries",
           dst / "scale-l1-hit.png", 8)

    fig, ax = plt.subplots(figsize=(7, 4.5))
    for value, bound in cases:
        where = lambda r, v=value, b=bound: int(r["value_bytes"]) == v and r["bound"] == b  # noqa: E731
        name = f"{value // 1024} KiB, {bound}"
        xs, ys = series(l1, "entries", "heap_map_bytes_per_entry", where)
        ax.plot(xs, [y / value for y in ys], marker="o", label=f"map, {name}")
        xs, ys = series(l1, "entries", "heap_near_cache_bytes_per_entry", where)
        ax.plot(xs, [y / value for y in ys], marker="s", linestyle="--", label=f"near cache, {name}")
    finish(fig, ax, "entries in L1", "heap per entry / value size",
           "Heap per entry (used heap after full GC, difference / entries)", dst / "scale-l1-heap.png", 7)

    inv = rows(src / "invalidation.csv")
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for op in dict.fromkeys(r["operation"] for r in inv):
        xs, ys = series(inv, "keys", "millis", lambda r, o=op: r["operation"] == o)
        dashed = op.startswith("SCAN")
        ax.plot(xs, ys, marker="o", linestyle="--" if dashed else "-", label=op)
    ax.set_yscale("log")
    finish(fig, ax, "keys of the cache in Redis (1 KiB values)", "wall time, ms (one shot)",
           "removeAll and invalidatePattern against Redis keys", dst / "scale-invalidation.png", 8)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
