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


@dataclass(frozen=True, slots=True)
class _Frame:
    """A chart's geometry: the plot area, one slot per bucket, and the vertical scale up to `top`."""

    slot: float  # width per bucket
    bar_w: float
    top: int  # the value at the top of the axis

    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM

    @classmethod
    def of(cls, chart: Series) -> _Frame:
        slot = cls.plot_w / max(1, len(chart.buckets))
        totals = [sum(chart.values.get((b.label, k), 0) for k in chart.keys) for b in chart.buckets]
        return cls(slot=slot, bar_w=max(1.0, slot * 0.78), top=nice_max(max(totals, default=0)))

    def y(self, v: float) -> float:
        return TOP + self.plot_h - v / self.top * self.plot_h


def stacked_bars(chart: Series, colours: dict[str, str]) -> Markup:
    """One chart as an <svg>: stacked bars per period, partial periods shaded and labelled."""
    frame = _Frame.of(chart)
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" xmlns="http://www.w3.org/2000/svg" '
        f'data-measure="{escape(chart.measure)}"><title>{escape(chart.title)}</title>',
        *_partial_shades(chart, frame),
        *_grid(frame),
        *_bars(chart, colours, frame),
        *_x_labels(chart, frame),
        f'<line class="axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + frame.plot_h}" y2="{TOP + frame.plot_h}"/>',
        "</svg>",
    ]
    return Markup("".join(parts))


def _partial_shades(chart: Series, frame: _Frame) -> list[str]:
    """A shaded slot behind each partial period, labelled 'partial' where the slot is wide enough."""
    parts = []
    for i, b in enumerate(chart.buckets):
        if not b.partial:
            continue
        x = LEFT + i * frame.slot
        parts.append(
            f'<rect class="partial" x="{x:.1f}" y="{TOP}" width="{frame.slot:.1f}" height="{frame.plot_h}">'
            f"<title>{escape(b.label)}: partial period ({b.start} to {b.end} only partly covered)</title></rect>"
        )
        if frame.slot >= 9:
            lx, ly = x + frame.slot / 2 + 3, TOP + 4
            parts.append(
                f'<text class="partial-label" x="{lx:.1f}" y="{ly:.1f}" transform="rotate(90 {lx:.1f} {ly:.1f})">'
                "partial</text>"
            )
    return parts


def _grid(frame: _Frame) -> list[str]:
    """Horizontal grid lines with their values: quarters of the axis, whole numbers only."""
    parts = []
    for tick in range(5):
        value = frame.top * tick / 4
        if tick and value != int(value):
            continue
        ty = frame.y(value)
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}"/>')
        parts.append(f'<text class="tick" x="{LEFT - 4}" y="{ty + 3:.1f}" text-anchor="end">{int(value)}</text>')
    return parts


def _bars(chart: Series, colours: dict[str, str], frame: _Frame) -> list[str]:
    """Each bucket's keys stacked bottom to top, each bar with a tooltip; zero values draw nothing."""
    parts = []
    y = frame.y
    for i, b in enumerate(chart.buckets):
        x = LEFT + i * frame.slot + (frame.slot - frame.bar_w) / 2
        base = 0
        for key in chart.keys:
            value = chart.values.get((b.label, key), 0)
            if not value:
                continue
            tip = f"{b.label} · {key}: {value} {chart.measure}" + (" (partial period)" if b.partial else "")
            parts.append(
                f'<rect class="bar" x="{x:.1f}" y="{y(base + value):.1f}" width="{frame.bar_w:.1f}" '
                f'height="{y(base) - y(base + value):.1f}" fill="{colours[key]}"><title>{escape(tip)}</title></rect>'
            )
            base += value
    return parts


def _x_labels(chart: Series, frame: _Frame) -> list[str]:
    """Period labels under the axis (every n-th when crowded), a partial period's marked with '*'."""
    parts = []
    every = _label_every(max(1, len(chart.buckets)), frame.plot_w)
    for i, b in enumerate(chart.buckets):
        if i % every:
            continue
        x = LEFT + i * frame.slot + frame.slot / 2
        label = escape(b.label) + ("*" if b.partial else "")
        parts.append(
            f'<text class="xlabel" x="{x:.1f}" y="{HEIGHT - BOTTOM + 12}" text-anchor="end" '
            f'transform="rotate(-35 {x:.1f} {HEIGHT - BOTTOM + 12})">{label}</text>'
        )
    return parts
