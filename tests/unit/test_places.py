"""The place extractor: the scene of the event, not the dateline bureau or a place merely mentioned."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from classifiers.places import locate, split_dateline, split_preamble
from domain.taxonomy import Province

KP = Province.KHYBER_PAKHTUNKHWA
BAL = Province.BALOCHISTAN
SINDH = Province.SINDH
PUNJAB = Province.PUNJAB

# Each case: a report and the scene it must be placed at.
PAKISTANI_CASES = [
    pytest.param(
        row["title"], row["text"], Province(row["expect"]["province"]), row["expect"]["district"], id=row["id"]
    )
    for row in yaml.safe_load((Path(__file__).parent / "cases" / "places.yaml").read_text(encoding="utf-8"))
]


@pytest.mark.parametrize(("title", "text", "province", "district"), PAKISTANI_CASES)
def test_locates_the_scene(title: str, text: str, province: Province, district: str | None) -> None:
    guess = locate(title, text)
    assert (guess.province, guess.district, guess.foreign_country) == (province, district, None)
    assert guess.district_confidence >= 0.5 or district is None


@pytest.mark.parametrize(
    ("title", "text", "country"),
    [
        pytest.param(
            "Suicide bomber kills 10 in Kabul",
            "KABUL: A suicide bomber killed at least 10 people outside a ministry building in Kabul on Monday.",
            "Afghanistan",
            id="kabul",
        ),
        pytest.param(
            "Pakistan condemns Kabul attack",
            "ISLAMABAD: Pakistan condemned the bombing in Kabul that killed 12 worshippers at a mosque.",
            "Afghanistan",
            id="islamabad-dateline-condemns-kabul",
        ),
        pytest.param(
            "Bomb in Hyderabad",
            "A bomb exploded in a market in the Indian city of Hyderabad, killing four people.",
            "India",
            id="indian-hyderabad",
        ),
        pytest.param(
            "Tourists attacked in Pahalgam",
            "Gunmen opened fire on tourists in Pahalgam in Indian-occupied Kashmir, killing 26.",
            "India",
            id="pahalgam",
        ),
        pytest.param(
            "Border guards killed in Sistan-Baluchestan",
            "Ten Iranian border guards were killed in an attack near Saravan in Sistan-Baluchestan province.",
            "Iran",
            id="iran",
        ),
        pytest.param(
            "Drone strike in Paktika",
            "Several people were killed in air strikes in Paktika province of Afghanistan, the Taliban said.",
            "Afghanistan",
            id="paktika",
        ),
    ],
)
def test_foreign_events(title: str, text: str, country: str) -> None:
    guess = locate(title, text)
    assert (guess.province, guess.district, guess.foreign_country) == (None, None, country)
    assert guess.province_confidence >= 0.5


def test_province_alone_when_no_district_is_named() -> None:
    guess = locate("Two policemen killed", "Two policemen were killed in an attack in Khyber Pakhtunkhwa.")
    assert (guess.province, guess.district) == (KP, None)
    assert guess.province_confidence > 0.5


@pytest.mark.parametrize(
    ("alias", "province"),
    [("NWFP", KP), ("the former FATA", KP), ("Baluchistan", BAL), ("AJK", Province.AZAD_KASHMIR)],
)
def test_province_aliases_in_text(alias: str, province: Province) -> None:
    assert locate("", f"A soldier was killed in an attack in {alias} on Monday.").province is province


def test_karachi_without_locality_gives_province_only() -> None:
    guess = locate("Shooting in Karachi", "A man was shot dead in Karachi on Sunday night.")
    assert (guess.province, guess.district) == (SINDH, None)


def test_dateline_is_a_weak_fallback() -> None:
    weak = locate("Policeman martyred", "PESHAWAR: A policeman was martyred in a gun attack on Monday.")
    strong = locate("Policeman martyred", "A policeman was martyred in a gun attack in Peshawar on Monday.")
    assert weak.district == strong.district == "Peshawar"
    assert weak.district_confidence < strong.district_confidence


def test_a_foreign_agencys_dateline_is_only_a_guess() -> None:
    """A foreign agency's dateline names its bureau's city, which incident matching takes for no district; a local
    outlet's dateline mostly names the scene."""
    from domain.incidents import MatchPolicy

    body = "Militants attacked a police station in Khyber Pakhtunkhwa province overnight, killing four policemen."
    wire = locate("Militants kill four police", f"BANNU (AP) - {body}")
    local = locate("Militants kill four police", f"BANNU: {body}")
    assert wire.district == local.district == "Bannu"
    floor = MatchPolicy().min_district_evidence
    assert wire.district_confidence < floor <= local.district_confidence


def test_dateline_refers_back_via_provincial_capital() -> None:
    guess = locate("Blast", "QUETTA: A blast in the provincial capital killed three people.")
    assert guess.district == "Quetta"
    assert guess.district_confidence > locate("Blast", "QUETTA: A blast killed three people.").district_confidence


def test_ambiguous_word_without_place_framing_is_ignored() -> None:
    guess = locate("Fire", "A fuel tank caught fire at a hub for transporters, officials said.")
    assert (guess.province, guess.district, guess.foreign_country) == (None, None, None)


def test_khyber_pakhtunkhwa_is_not_khyber_district() -> None:
    guess = locate("", "Gunmen killed a teacher in Khyber Pakhtunkhwa's Swabi district.")
    assert guess.district == "Swabi"


def test_operation_against_a_hideout_is_placed_there() -> None:
    text = (
        "LASBELA: Security forces raided a terrorist hideout in the Lasbela district of Balochistan. "
        "In 2022, a bombing in Mastung had claimed 13 lives."
    )
    assert locate("15 terrorists neutralised in Balochistan", text).district == "Lasbela"


def test_militant_sanctuaries_abroad_do_not_make_the_event_foreign() -> None:
    text = (
        "Two soldiers were martyred in Zhob. Officials said the attackers operated from sanctuaries in "
        "Afghanistan and had crossed over from Paktika."
    )
    guess = locate("Infiltration bid foiled", text)
    assert (guess.district, guess.foreign_country) == ("Zhob", None)


def test_nothing_found() -> None:
    guess = locate("Analysis: the year in security", "Attacks rose sharply, according to a think-tank report.")
    assert guess.province is None and guess.district is None and guess.foreign_country is None
    assert guess.district_confidence == 0.0


@pytest.mark.parametrize(
    ("text", "place", "rest"),
    [
        ("PESHAWAR: Five soldiers", "PESHAWAR", "Five soldiers"),
        ("QUETTA, March 3 (APP): Three people", "QUETTA", "Three people"),
        ("ISLAMABAD (Reuters) - Pakistan said", "ISLAMABAD", "Pakistan said"),
        ("Peshawar: A blast", "Peshawar", "A blast"),
        ("Officials said: nothing", None, "Officials said: nothing"),
    ],
)
def test_split_dateline(text: str, place: str | None, rest: str) -> None:
    assert split_dateline(text) == (place, rest)


@pytest.mark.parametrize(
    ("text", "preamble"),
    [
        ("• Highlight one\n• Highlight two\nQUETTA: Five soldiers", "• Highlight one\n• Highlight two\n"),
        ("ADVERTISEMENT\n\nPESHAWAR, Pakistan (AP) — Gunmen", "ADVERTISEMENT\n\n"),
        ("QUETTA: Five soldiers\nPESHAWAR: later", ""),  # the report opens with its dateline
        ("Intro line\nPeshawar: a mixed-case line is no dateline here", ""),
        ("One\n2\n3\n4\n5\n6\n7\n8\n9\nQUETTA: too far down", ""),
    ],
)
def test_split_preamble(text: str, preamble: str) -> None:
    before, rest = split_preamble(text)
    assert (before, before + rest) == (preamble, text)


def test_a_province_heading_an_office_is_not_the_scene() -> None:
    """ "the murdered Punjab governor", "the Punjab government": whose office, not where the event was; the dateline
    city, which the report calls "the federal capital", is."""
    guess = locate(
        "Minister shot dead in the capital",
        "ISLAMABAD: Gunmen shot dead the minorities minister in the federal capital on Wednesday morning. He had said"
        " after the murder of the Punjab governor in January that he was next; the Punjab government had offered him"
        " guards.",
    )
    assert (guess.province, guess.district) == (Province.ISLAMABAD, "Islamabad")


@pytest.mark.parametrize(
    "reference",
    ["some 50 km northeast of Peshawar", "about 30 kilometres from Peshawar", "to the north of Peshawar"],
)
def test_a_reference_point_is_no_rival_to_the_scene(reference: str) -> None:
    """ "At a university in Charsadda, some 50 km northeast of Peshawar": Peshawar says where Charsadda is."""
    title = "Gunmen storm university in northwest Pakistan"
    text = (
        "CHARSADDA: Heavy gunfire was heard on Wednesday at a university in Charsadda, {}, after armed men climbed "
        "over a wall at the back of the campus, police said.\n\nA senior police officer said it was not clear how many "
        "attackers had got in."
    )
    plain = locate(title, text.format("the police said"))
    placed = locate(title, text.format(reference))
    assert placed.district == "Charsadda"
    assert placed.district_confidence >= plain.district_confidence - 0.1, (placed, plain)
