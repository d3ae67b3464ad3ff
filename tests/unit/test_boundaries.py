"""Province boundaries decoded from the package's map data put district centroids in the right province."""

from __future__ import annotations

import pytest

from domain.gazetteer import load_gazetteer
from domain.taxonomy import Province
from khabar.boundaries import decode_ring, load_boundaries, parse_map_script


def encode(points: list[tuple[int, int]], offset: tuple[int, int]) -> str:
    """ECharts' UTF8Encoding, the inverse of decode_ring (integer coordinates)."""
    out, (px, py) = [], offset
    for x, y in points:
        for delta in (x - px, y - py):
            out.append(chr(((delta << 1) ^ (delta >> 31)) + 64))
        px, py = x, y
    return "".join(out)


def test_decode_ring_inverts_the_encoding() -> None:
    points = [(75906, 35968), (75950, 35900), (75800, 36010), (75906, 35968)]
    ring = decode_ring(encode(points, (75906, 35968)), (75906, 35968), scale=1024)
    assert ring == [(x / 1024, y / 1024) for x, y in points]


def test_parse_map_script_reads_plain_geojson_and_rejects_unknown_names() -> None:
    script = (
        'echarts.registerMap("x", {"type":"FeatureCollection","features":[{"type":"Feature","properties":'
        '{"name":"Sindh"},"geometry":{"type":"Polygon","coordinates":[[[67,25],[68,25],[68,26],[67,25]]]}}]});'
    )
    assert parse_map_script(script) == {Province.SINDH: [[(67, 25), (68, 25), (68, 26), (67, 25)]]}
    with pytest.raises(ValueError, match="unknown province"):
        parse_map_script(script.replace("Sindh", "Atlantis"))


def inside(point: tuple[float, float], rings: list[list[tuple[float, float]]]) -> bool:
    """Even-odd rule over all rings (ray casting)."""
    x, y = point
    hit = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                hit = not hit
    return hit


@pytest.mark.parametrize(
    ("district", "province"),
    [
        ("Peshawar", Province.KHYBER_PAKHTUNKHWA),
        ("North Waziristan", Province.KHYBER_PAKHTUNKHWA),  # former FATA, folded into KP
        ("Quetta", Province.BALOCHISTAN),
        ("Kech", Province.BALOCHISTAN),
        ("Karachi South", Province.SINDH),
        ("Lahore", Province.PUNJAB),
        ("Islamabad", Province.ISLAMABAD),
        ("Gilgit", Province.GILGIT_BALTISTAN),
        ("Muzaffarabad", Province.AZAD_KASHMIR),
    ],
)
def test_district_centroids_fall_in_their_province(district: str, province: Province) -> None:
    boundaries = load_boundaries()
    if boundaries is None:
        pytest.fail("echarts-countries-pypkg is a runtime dependency: its map data must be installed")
    assert set(boundaries.provinces) == set(Province)
    found = load_gazetteer().by_name(district)
    assert found is not None and found.province is province
    point = (found.lon, found.lat)
    assert inside(point, boundaries.provinces[province])
    others = [p for p in Province if p is not province and inside(point, boundaries.provinces[p])]
    assert others == []
