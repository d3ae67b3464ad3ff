"""The shipped gazetteer: coverage, consistency, lookups and validation errors."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from domain.gazetteer import (
    LAT_RANGE,
    LON_RANGE,
    NameIndex,
    is_acronym,
    load_gazetteer,
    name_key,
    parse_gazetteer,
    read_gazetteer,
    tokenize,
)
from domain.taxonomy import Province

GAZETTEER_FILE = Path(__file__).resolve().parents[2] / "domain" / "data" / "gazetteer.yaml"
KP = Province.KHYBER_PAKHTUNKHWA


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(GAZETTEER_FILE.read_text(encoding="utf-8"))
    return document


def test_load_is_cached_and_large_enough() -> None:
    g = load_gazetteer()
    assert g is load_gazetteer()
    assert len(g.districts) >= 150


@pytest.mark.parametrize("province", list(Province))
def test_every_province_has_districts(province: Province) -> None:
    assert load_gazetteer().districts_in(province)


def test_district_names_are_unique() -> None:
    counts = Counter(d.name for d in load_gazetteer().districts)
    assert [n for n, c in counts.items() if c > 1] == []


def test_no_name_points_to_two_districts(raw: dict[str, Any]) -> None:
    # Checked on the raw file, independently of the loader's own check.
    owners: dict[tuple[str, ...], set[str]] = {}
    for entry in raw["districts"]:
        for name in [entry["district"], *entry.get("aliases", []), *entry.get("places", [])]:
            owners.setdefault(name_key(name), set()).add(entry["district"])
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert clashes == {}


def test_coordinates_lie_inside_pakistan() -> None:
    for d in load_gazetteer().districts:
        assert LAT_RANGE[0] <= d.lat <= LAT_RANGE[1], d.name
        assert LON_RANGE[0] <= d.lon <= LON_RANGE[1], d.name
        assert round(d.lat, 2) == d.lat and round(d.lon, 2) == d.lon, d.name


def test_provinces_sit_roughly_where_they_should() -> None:
    g = load_gazetteer()
    assert g.district("Gwadar").lon < g.district("Karachi South").lon < g.district("Lahore").lon
    assert g.district("Gilgit").lat > g.district("Peshawar").lat > g.district("Quetta").lat
    assert g.district("Hunza").lat > 36.0


def test_former_fata_flags_exactly_the_merged_tribal_districts() -> None:
    fata = {d.name for d in load_gazetteer().districts if d.former_fata}
    assert fata == {
        "Bajaur",
        "Mohmand",
        "Khyber",
        "Kurram",
        "Orakzai",
        "North Waziristan",
        "South Waziristan",
    }
    assert all(load_gazetteer().district(n).province is KP for n in fata)


@pytest.mark.parametrize(
    ("name", "district"),
    [
        ("Khar", "Bajaur"),
        ("Bajour Agency", "Bajaur"),
        ("Mir Ali", "North Waziristan"),
        ("Miranshah", "North Waziristan"),
        ("Datta Khel", "North Waziristan"),
        ("Mach", "Kachhi"),
        ("Bolan", "Kachhi"),
        ("Turbat", "Kech"),
        ("Parachinar", "Kurram"),
        ("Landi Kotal", "Khyber"),
        ("Tirah", "Khyber"),
        ("Wana", "South Waziristan"),
        ("Makeen", "South Waziristan"),
        ("Lower South Waziristan", "South Waziristan"),
        ("Booni", "Chitral"),
        ("Nushki", "Noshki"),
        ("D.I. Khan", "Dera Ismail Khan"),
        ("di khan", "Dera Ismail Khan"),
        ("DERA ISMAIL KHAN", "Dera Ismail Khan"),
        ("Panjgoor", "Panjgur"),
        ("Pasni", "Gwadar"),
        ("Hayatabad", "Peshawar"),
        ("Orangi Town", "Karachi West"),
        ("Lyari", "Karachi South"),
        ("Clifton", "Karachi South"),
        ("Korangi", "Korangi"),
        ("Besham", "Shangla"),
        ("Dasu", "Upper Kohistan"),
        ("Nawabshah", "Shaheed Benazirabad"),
        ("Rawalakot", "Poonch"),
    ],
)
def test_by_name_resolves_towns_and_aliases(name: str, district: str) -> None:
    found = load_gazetteer().by_name(name)
    assert found is not None and found.name == district


def test_umbrella_names_resolve_to_their_default_or_to_no_district() -> None:
    g = load_gazetteer()
    kohistan = g.by_name("Kohistan")
    assert kohistan is not None and kohistan.name == "Upper Kohistan"
    assert g.by_name("Karachi") is None
    assert g.province_for("Karachi") is Province.SINDH


@pytest.mark.parametrize(
    ("name", "province"),
    [
        ("NWFP", KP),
        ("North-West Frontier Province", KP),
        ("KPK", KP),
        ("Khyber-Pakhtunkhwa", KP),
        ("FATA", KP),
        ("ex-FATA", KP),
        ("tribal areas", KP),
        ("Federally Administered Tribal Areas", KP),
        ("ICT", Province.ISLAMABAD),
        ("federal capital", Province.ISLAMABAD),
        ("GB", Province.GILGIT_BALTISTAN),
        ("AJK", Province.AZAD_KASHMIR),
        ("AJ&K", Province.AZAD_KASHMIR),
        ("Azad Jammu and Kashmir", Province.AZAD_KASHMIR),
        ("Baluchistan", Province.BALOCHISTAN),
        ("Mastung", Province.BALOCHISTAN),
        ("Islamabad", Province.ISLAMABAD),
    ],
)
def test_province_for_names_and_aliases(name: str, province: Province) -> None:
    assert load_gazetteer().province_for(name) is province


def test_province_for_unknown_name_is_none() -> None:
    assert load_gazetteer().province_for("Atlantis") is None
    assert load_gazetteer().by_name("Atlantis") is None


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Kabul", "Afghanistan"),
        ("Nangarhar", "Afghanistan"),
        ("Paktika", "Afghanistan"),
        ("Zahedan", "Iran"),
        ("Sistan-Baluchestan", "Iran"),
        ("Pahalgam", "India"),
        ("Srinagar", "India"),
        ("New Delhi", "India"),
    ],
)
def test_foreign_places(name: str, country: str) -> None:
    assert load_gazetteer().foreign_country(name) == country


def test_pakistani_places_are_not_foreign() -> None:
    assert load_gazetteer().foreign_country("Quetta") is None
    assert load_gazetteer().foreign_country("Khyber Pakhtunkhwa") is None


def test_acronyms_match_only_as_written() -> None:
    assert is_acronym("KP") and is_acronym("AJ&K") and is_acronym("JuA") and not is_acronym("Hub")
    index = NameIndex([("BRAS", "group"), ("Khyber", "district"), ("Khyber Pakhtunkhwa", "province")])
    assert [m.value for m in index.find(tokenize("bras were found"))] == []
    assert [m.value for m in index.find(tokenize("BRAS claimed it"))] == ["group"]
    assert [m.value for m in index.find(tokenize("in Khyber-Pakhtunkhwa's Khyber district"))] == [
        "province",
        "district",
    ]


# ------------------------------------------------------------------ validation of bad files


def _minimal(**district: object) -> dict[str, Any]:
    entry = {"district": "Testabad", "province": "Punjab", "lat": 31.0, "lon": 73.0, "former_fata": False}
    entry.update(district)
    return {"districts": [entry]}


def test_minimal_document_parses() -> None:
    g = parse_gazetteer(_minimal(aliases=["Test Town"]))
    found = g.by_name("test town")
    assert found is not None and found.name == "Testabad"


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (_minimal(province="Punjaab"), "Testabad"),
        (_minimal(lat=51.5), "Testabad"),
        (_minimal(lon="east"), "Testabad"),
        (_minimal(former_fata="yes"), "Testabad"),
        (_minimal(aliases="Test Town"), "Testabad"),
        (_minimal(colour="green"), "Testabad"),
        ({"districts": [{"province": "Punjab"}]}, "districts[0]"),
        ({"no_districts": []}, "districts"),
    ],
)
def test_bad_entries_raise_value_error_naming_the_entry(document: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_gazetteer(document)


def test_name_used_by_two_districts_is_rejected() -> None:
    document = _minimal(places=["Shared Town"])
    document["districts"].append(
        {"district": "Otherabad", "province": "Sindh", "lat": 25.0, "lon": 68.0, "places": ["Shared-Town"]}
    )
    with pytest.raises(ValueError, match="Shared"):
        parse_gazetteer(document)


def test_read_gazetteer_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(yaml.safe_dump(_minimal(province="Balochistan")), encoding="utf-8")
    assert read_gazetteer(path).district("Testabad").province is Province.BALOCHISTAN


TOWNS = yaml.safe_load((Path(__file__).parent / "cases" / "towns.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "district"), [(t["name"], t["district"]) for t in TOWNS], ids=[t["name"] for t in TOWNS]
)
def test_real_report_towns_resolve_to_their_district(name: str, district: str) -> None:
    found = load_gazetteer().by_name(name)
    assert found is not None and found.name == district


def test_dir_alone_names_no_district() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.by_name("Dir district") is None
    assert gazetteer.province_for("Dir district") is Province.KHYBER_PAKHTUNKHWA
