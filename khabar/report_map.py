"""The report's map as inline SVG: province boundaries (when shipped) and incidents at district centroids."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from khabar.boundaries import Boundaries, Ring
from warehouse.queries import IncidentRow

# Pakistan with a margin (the gazetteer's own sanity box); used when no boundaries are shipped.
FRAME = (60.5, 23.5, 78.0, 37.3)
WIDTH = 640
MARGIN = 14
ATTACK_COLOUR, OPERATION_COLOUR = "#d62728", "#1f77b4"
PROVINCE_FILL = "#eef0f2"
LABELS = {  # (lon, lat) where each province's name reads well
    "Balochistan": (65.6, 28.3),
    "Sindh": (68.6, 26.2),
    "Punjab": (72.4, 30.6),
    "Khyber Pakhtunkhwa": (71.6, 35.2),
    "Gilgit-Baltistan": (75.0, 36.3),
    "Azad Kashmir": (75.3, 33.6),
    "Islamabad": (73.6, 33.35),
}


@dataclass(slots=True)
class Projection:
    """Equirectangular, x shrunk by cos(mid latitude) so shapes keep their proportions near Pakistan."""

    west: float
    south: float
    east: float
    north: float
    width: float = WIDTH
    height: float = field(init=False)
    scale: float = field(init=False)
    kx: float = field(init=False)

    def __post_init__(self) -> None:
        self.kx = math.cos(math.radians((self.south + self.north) / 2))
        self.scale = (self.width - 2 * MARGIN) / ((self.east - self.west) * self.kx)
        self.height = (self.north - self.south) * self.scale + 2 * MARGIN

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return MARGIN + (lon - self.west) * self.kx * self.scale, MARGIN + (self.north - lat) * self.scale


@dataclass(slots=True)
class _Place:
    district: str
    lat: float
    lon: float
    attacks: int = 0
    operations: int = 0
    killed: int = 0
    injured: int = 0
    headlines: list[str] = field(default_factory=list)


def _places(incidents: Sequence[IncidentRow]) -> list[_Place]:
    places: dict[str, _Place] = {}
    for row in incidents:
        if row.latitude is None or row.longitude is None or not row.district:
            continue
        place = places.setdefault(row.district, _Place(row.district, row.latitude, row.longitude))
        if row.event_type == "attack":
            place.attacks += 1
            place.killed += row.killed or 0
            place.injured += row.injured or 0
        else:
            place.operations += 1
        place.headlines.append(f"{row.occurred_on} {row.headline or row.attack_type or row.event_type}")
    return sorted(places.values(), key=lambda p: -(p.attacks + p.operations))


def _path(rings: Sequence[Ring], proj: Projection) -> str:
    out = []
    for ring in rings:
        points = [proj.xy(lon, lat) for lon, lat in ring]
        out.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
    return "".join(out)


def _outline(rings: Sequence[Ring], proj: Projection) -> str:
    """The province's outline without segments its own rings share (the old FATA line inside KP)."""

    def key(a: tuple[float, float], b: tuple[float, float]) -> tuple[tuple[float, float], ...]:
        return tuple(sorted((a, b)))

    seen: dict[tuple[tuple[float, float], ...], int] = defaultdict(int)
    for ring in rings:
        for a, b in zip(ring, [*ring[1:], ring[0]], strict=True):
            seen[key(a, b)] += 1
    out = []
    for ring in rings:
        pen_down = False
        for a, b in zip(ring, [*ring[1:], ring[0]], strict=True):
            if seen[key(a, b)] > 1 and len(rings) > 1:
                pen_down = False
                continue
            (ax, ay), (bx, by) = proj.xy(*a), proj.xy(*b)
            out.append(f"L{bx:.1f},{by:.1f}" if pen_down else f"M{ax:.1f},{ay:.1f}L{bx:.1f},{by:.1f}")
            pen_down = True
    return "".join(out)


def incident_map(incidents: Sequence[IncidentRow], boundaries: Boundaries | None) -> Markup:
    """The map: provinces (or a lon/lat frame), one circle per district sized by its attacks' deaths."""
    west, south, east, north = FRAME
    if boundaries is not None:
        w, s, e, n = boundaries.bounds()
        west, south, east, north = w - 0.4, s - 0.4, e + 0.4, n + 0.4
    proj = Projection(west, south, east, north)
    parts = [
        f'<svg class="map" role="img" viewBox="0 0 {proj.width:.0f} {proj.height:.0f}" '
        'xmlns="http://www.w3.org/2000/svg"><title>Incidents by district</title>'
    ]
    for lon in range(math.ceil(west), math.floor(east) + 1, 2):
        (x1, y1), (x2, y2) = proj.xy(lon, north), proj.xy(lon, south)
        parts.append(f'<line class="graticule" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>')
        parts.append(f'<text class="coord" x="{x1 + 2:.1f}" y="{y2 - 3:.1f}">{lon}°E</text>')
    for lat in range(math.ceil(south), math.floor(north) + 1, 2):
        (x1, y1), (x2, y2) = proj.xy(west, lat), proj.xy(east, lat)
        parts.append(f'<line class="graticule" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>')
        parts.append(f'<text class="coord" x="{x1 + 2:.1f}" y="{y1 - 2:.1f}">{lat}°N</text>')
    if boundaries is not None:
        for province, rings in boundaries.provinces.items():
            title = escape(province.value)
            parts.append(
                f'<path class="province" d="{_path(rings, proj)}" fill="{PROVINCE_FILL}"><title>{title}</title></path>'
            )
        for rings in boundaries.provinces.values():
            parts.append(f'<path class="border" d="{_outline(rings, proj)}"/>')
        for label, (label_lon, label_lat) in LABELS.items():
            lx, ly = proj.xy(label_lon, label_lat)
            parts.append(
                f'<text class="province-label" x="{lx:.1f}" y="{ly:.1f}" text-anchor="middle">{escape(label)}</text>'
            )
    else:
        parts.append(
            f'<rect class="frame" x="{MARGIN}" y="{MARGIN}" width="{proj.width - 2 * MARGIN:.1f}" '
            f'height="{proj.height - 2 * MARGIN:.1f}"/>'
        )
    for place in _places(incidents):
        x, y = proj.xy(place.lon, place.lat)
        radius = 3.5 + 2.2 * math.sqrt(place.killed + place.attacks + place.operations)
        colour = ATTACK_COLOUR if place.attacks else OPERATION_COLOUR
        tip = (
            f"{place.district}: {place.attacks} attack(s), {place.killed} killed, {place.injured} injured; "
            f"{place.operations} operation(s)\n" + "\n".join(place.headlines[:6])
        )
        parts.append(
            f'<circle class="incident" cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{colour}">'
            f"<title>{escape(tip)}</title></circle>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
