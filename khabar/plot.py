"""`khabar trends --plot`: the selected trend as a PNG or SVG chart (matplotlib, no display needed)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from khabar.palette import OTHER, colours_for, top_keys
from warehouse.trends import TrendTable

if TYPE_CHECKING:  # matplotlib is imported only when a plot is drawn
    from matplotlib.axes import Axes
    from matplotlib.ticker import MaxNLocator

# Stacked bars per key; beyond this many keys the smallest are summed as OTHER.
MAX_KEYS = 8


def _panels(table: TrendTable) -> list[tuple[str, str]]:
    """(measure, label) pairs to draw: attacks and killed, and operations if any were selected."""
    panels = []
    if table.attacks:
        panels += [("attacks", "attacks"), ("killed", "killed in attacks")]
    if table.operations:
        panels += [("operations", "security operations"), ("militants_killed", "militants killed")]
    return panels or [("attacks", "attacks")]


def plot_trend(table: TrendTable, path: Path, title: str) -> Path:
    """Draw stacked bars per period (one colour per key), partial periods hatched; the format from the suffix."""
    from matplotlib import rc_context  # imported here: matplotlib is slow to import and only --plot needs it
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    suffix = path.suffix.lower().lstrip(".")
    if suffix not in ("png", "svg"):
        raise ValueError(f"plot file must end in .png or .svg, not {path.name!r}")
    labels = [b.label for b in table.buckets]
    partial = [b.partial for b in table.buckets]
    keys = top_keys(_key_weights(table), MAX_KEYS)
    colours = colours_for(keys)
    panels = _panels(table)
    fig = Figure(figsize=(max(7.0, min(16.0, 0.35 * len(labels) + 4)), 2.6 * len(panels) + 0.8), layout="constrained")
    axes = fig.subplots(len(panels), 1, sharex=True, squeeze=False)[:, 0]
    positions = list(range(len(labels)))
    for ax, (measure, label) in zip(axes, panels, strict=True):
        _draw_panel(ax, table, measure, label, keys, colours)
    step = max(1, len(labels) // 16)
    axes[-1].set_xticks(positions[::step], labels[::step], rotation=45 if len(labels) > 8 else 0, ha="right")
    handles = [Patch(color=colours[k], label=k) for k in keys]
    if any(partial):
        handles.append(Patch(facecolor="#f1f1f1", hatch="///", edgecolor="#999999", label="partial period"))
    fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 6), frameon=False, fontsize="small")
    fig.suptitle(title, fontsize="medium")
    path.parent.mkdir(parents=True, exist_ok=True)
    # SVG text stays text (searchable, small), not glyph outlines.
    with rc_context({"svg.fonttype": "none"}):
        fig.savefig(path, format=suffix, dpi=120, metadata={"Date": None} if suffix == "svg" else None)
    return path


def _key_weights(table: TrendTable) -> dict[str, int]:
    """Each key's attacks and operations over the whole table: the biggest keys get their own colour."""
    weights: dict[str, int] = {}
    for p in table.points:
        weights[p.key] = weights.get(p.key, 0) + p.attacks + p.operations
    return weights


def _stack_values(table: TrendTable, measure: str, key: str, keys: Sequence[str]) -> list[float]:
    """`measure` per period for one drawn key; keys not drawn are summed as OTHER."""
    labels = [b.label for b in table.buckets]
    values = [0.0] * len(labels)
    for p in table.points:
        if (p.key if p.key in keys else OTHER) == key:
            values[labels.index(p.bucket)] += getattr(p, measure)
    return values


def _draw_panel(
    ax: Axes, table: TrendTable, measure: str, label: str, keys: Sequence[str], colours: dict[str, str]
) -> None:
    """One measure's bars stacked per period, partial periods hatched and their slots shaded."""
    partial = [b.partial for b in table.buckets]
    positions = list(range(len(partial)))
    bottom = [0.0] * len(partial)
    for key in keys:
        values = _stack_values(table, measure, key, keys)
        bars = ax.bar(positions, values, bottom=bottom, color=colours[key], label=key, width=0.8, linewidth=0)
        for bar, is_partial in zip(bars, partial, strict=True):
            if is_partial:
                bar.set_hatch("///")
                bar.set_edgecolor("white")
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    for position, is_partial in zip(positions, partial, strict=True):
        if is_partial:  # shade the whole slot, so a partial period with no bars is marked too
            ax.axvspan(position - 0.45, position + 0.45, color="#f1f1f1", zorder=0, linewidth=0)
    ax.set_ylabel(label)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    # A linear axis's default locator (AutoLocator) is a MaxNLocator: integer ticks for counts.
    cast("MaxNLocator", ax.yaxis.get_major_locator()).set_params(integer=True)
