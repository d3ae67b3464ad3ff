"""Stacked-bar time-series charts as inline SVG for the HTML report (small, no JavaScript, native tooltips)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from khabar.palette import OTHER
from warehouse.trends import Bucket, TrendPoint

WIDTH, HEIGHT = 360, 210
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 14, 44


@dataclass(frozen=True, slots=True)
class Series:
    """One chart: per bucket and key, the value of one measure."""

    measure: str  # a TrendPoint field: attacks, killed, injured, ...
    title: str
    buckets: Sequence[Bucket]
    keys: Sequence[str]  # drawn bottom to top; may end with OTHER
    values: dict[tuple[str, str], int]  # (bucket label, key) -> value


def series(
    measure: str, title: str, points: Sequence[TrendPoint], buckets: Sequence[Bucket], keys: Sequence[str]
) -> Series:
    """Sum `measure` per bucket and drawn key (keys not drawn go to OTHER)."""
    drawn = set(keys)
    values: dict[tuple[str, str], int] = {}
    for p in points:
        key = p.key if p.key in drawn else OTHER
        values[(p.bucket, key)] = values.get((p.bucket, key), 0) + int(getattr(p, measure))
    return Series(measure, title, buckets, keys, values)


def nice_max(value: float) -> int:
    """A round axis maximum ≥ value: 1, 2, 5, 10, 20, 50, ..."""
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return int(step * magnitude)
    return int(10 * magnitude)


def _label_every(count: int, room: float) -> int:
    """Show every n-th x label so labels ~44 px wide do not overlap."""
    return max(1, math.ceil(count * 44 / max(room, 1)))


def stacked_bars(chart: Series, colours: dict[str, str]) -> Markup:
    """One chart as an <svg>: stacked bars per period, partial periods shaded and labelled."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    count = max(1, len(chart.buckets))
    slot = plot_w / count
    bar_w = max(1.0, slot * 0.78)
    totals = [sum(chart.values.get((b.label, k), 0) for k in chart.keys) for b in chart.buckets]
    top = nice_max(max(totals, default=0))

    def y(v: float) -> float:  # the chart's vertical scale
        return TOP + plot_h - v / top * plot_h

    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" xmlns="http://www.w3.org/2000/svg" '
        f'data-measure="{escape(chart.measure)}"><title>{escape(chart.title)}</title>'
    ]
    for i, b in enumerate(chart.buckets):
        if b.partial:
            x = LEFT + i * slot
            parts.append(
                f'<rect class="partial" x="{x:.1f}" y="{TOP}" width="{slot:.1f}" height="{plot_h}">'
                f"<title>{escape(b.label)}: partial period ({b.start} to {b.end} only partly covered)</title></rect>"
            )
            if slot >= 9:
                lx, ly = x + slot / 2 + 3, TOP + 4
                parts.append(
                    f'<text class="partial-label" x="{lx:.1f}" y="{ly:.1f}" transform="rotate(90 {lx:.1f} {ly:.1f})">'
                    "partial</text>"
                )
    for tick in range(5):
        value = top * tick / 4
        if tick and value != int(value):
            continue
        ty = y(value)
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}"/>')
        parts.append(f'<text class="tick" x="{LEFT - 4}" y="{ty + 3:.1f}" text-anchor="end">{int(value)}</text>')
    for i, b in enumerate(chart.buckets):
        x = LEFT + i * slot + (slot - bar_w) / 2
        base = 0
        for key in chart.keys:
            value = chart.values.get((b.label, key), 0)
            if not value:
                continue
            tip = f"{b.label} · {key}: {value} {chart.measure}" + (" (partial period)" if b.partial else "")
            parts.append(
                f'<rect class="bar" x="{x:.1f}" y="{y(base + value):.1f}" width="{bar_w:.1f}" '
                f'height="{y(base) - y(base + value):.1f}" fill="{colours[key]}"><title>{escape(tip)}</title></rect>'
            )
            base += value
    every = _label_every(count, plot_w)
    for i, b in enumerate(chart.buckets):
        if i % every:
            continue
        x = LEFT + i * slot + slot / 2
        label = escape(b.label) + ("*" if b.partial else "")
        parts.append(
            f'<text class="xlabel" x="{x:.1f}" y="{HEIGHT - BOTTOM + 12}" text-anchor="end" '
            f'transform="rotate(-35 {x:.1f} {HEIGHT - BOTTOM + 12})">{label}</text>'
        )
    parts.append(f'<line class="axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))
