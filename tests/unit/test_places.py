"""The place extractor: the scene of the event, not the dateline bureau or a place merely mentioned."""

from __future__ import annotations

import pytest

from classifiers.places import locate, split_dateline
from domain.taxonomy import Province

KP = Province.KHYBER_PAKHTUNKHWA
BAL = Province.BALOCHISTAN
SINDH = Province.SINDH
PUNJAB = Province.PUNJAB

PAKISTANI_CASES = [
    pytest.param(
        "Five soldiers martyred",
        "PESHAWAR: Five soldiers were martyred in an attack in North Waziristan on Tuesday, the ISPR said.",
        KP,
        "North Waziristan",
        id="dateline-trap-peshawar",
    ),
    pytest.param(
        "Three killed in blast",
        "QUETTA, March 3 (APP): Three people were killed and seven injured in a blast in Mastung district.",
        BAL,
        "Mastung",
        id="dateline-trap-quetta-app",
    ),
    pytest.param(
        "Militants attack police post in Bajaur",
        "Militants attacked a police post in Khar on Monday. Officials said the attackers had come from Afghanistan.",
        KP,
        "Bajaur",
        id="attackers-from-afghanistan-stay-pakistani",
    ),
    pytest.param(
        "Policeman shot dead",
        "A traffic policeman was shot dead in the Saddar area of Peshawar on Friday evening.",
        KP,
        "Peshawar",
        id="container-beats-homonym-locality",
    ),
    pytest.param(
        "Cracker blast in Karachi",
        "KARACHI: Two people were injured when a cracker exploded near a shop in Orangi Town.",
        SINDH,
        "Karachi West",
        id="karachi-locality",
    ),
    pytest.param(
        "Chinese nationals targeted",
        "Two Chinese engineers were killed when a vehicle-borne bomb exploded near Karachi airport late on Sunday.",
        SINDH,
        "Malir",
        id="karachi-airport",
    ),
    pytest.param(
        "Levies official killed",
        "A Levies official was gunned down in Tank district's Gul Imam area, police said.",
        KP,
        "Tank",
        id="tank-with-context",
    ),
    pytest.param(
        "Soldiers martyred in Makeen",
        "Two soldiers were martyred in an exchange of fire in the Makeen area of South Waziristan.",
        KP,
        "South Waziristan",
        id="town-and-district-agree",
    ),
    pytest.param(
        "Jaffar Express attacked",
        "Militants blew up the track and opened fire on the Jaffar Express near Mach in the Bolan area.",
        BAL,
        "Kachhi",
        id="mach-bolan",
    ),
    pytest.param(
        "IED kills two in Turbat",
        "Two people were killed when an improvised explosive device went off near a vehicle in Turbat.",
        BAL,
        "Kech",
        id="turbat",
    ),
    pytest.param(
        "Terrorists killed in IBO",
        "Security forces killed five terrorists during an operation in Khyber Pakhtunkhwa's Lakki Marwat "
        "district, the military said.",
        KP,
        "Lakki Marwat",
        id="province-possessive-district",
    ),
    pytest.param(
        "Two killed in roadside blast",
        "The injured were taken to Lady Reading Hospital in Peshawar after the blast in Bara.",
        KP,
        "Khyber",
        id="hospital-city-is-not-the-scene",
    ),
    pytest.param(
        "Checkpost stormed",
        "Militants stormed a police checkpost in Dera Ismail Khan's Kulachi tehsil before dawn.",
        KP,
        "Dera Ismail Khan",
        id="di-khan-tehsil",
    ),
    pytest.param(
        "Firing on police van",
        "Gunmen riding a motorcycle opened fire at a police van in D.I. Khan, injuring three constables.",
        KP,
        "Dera Ismail Khan",
        id="di-khan-abbreviation",
    ),
    pytest.param(
        "Blast near imambargah",
        "A blast near an imambargah in Hazara Town killed one person. The victims belonged to Pishin.",
        BAL,
        "Quetta",
        id="hometown-is-not-the-scene",
    ),
    pytest.param(
        "Cleric killed in bomb attack",
        "BAJOUR: A remote-controlled bomb killed a cleric and his guard in the Mamund tehsil on Friday.",
        KP,
        "Bajaur",
        id="dateline-agrees-with-locality",
    ),
    pytest.param(
        "Convoy ambushed in Kurram",
        "Gunmen ambushed a passenger convoy travelling from Parachinar to Peshawar near Bagan in Lower "
        "Kurram, killing 42 people.",
        KP,
        "Kurram",
        id="route-endpoints-are-not-the-scene",
    ),
    pytest.param(
        "Police mobile attacked",
        "A SWAT team cordoned off the area after gunmen attacked a police mobile in Lahore's Johar Town.",
        PUNJAB,
        "Lahore",
        id="swat-team-is-not-swat",
    ),
    pytest.param(
        "Blast in Fitna-hit district",
        "Militants of the Balochistan Liberation Army attacked a camp in Panjgoor late on Tuesday.",
        BAL,
        "Panjgur",
        id="group-name-is-not-a-place",
    ),
    pytest.param(
        "Dasu bus attack",
        "Nine Chinese workers were among 13 killed when their bus plunged into a ravine after a blast near "
        "Dasu in Kohistan.",
        KP,
        "Upper Kohistan",
        id="kohistan-umbrella",
    ),
    pytest.param(
        "Grenade attack",
        "A hand grenade was hurled at a house in Turbat, Kech district, late on Saturday.",
        BAL,
        "Kech",
        id="alias-and-district-agree",
    ),
]


@pytest.mark.parametrize(("title", "text", "province", "district"), PAKISTANI_CASES)
def test_locates_the_scene(title: str, text: str, province: Province, district: str) -> None:
    guess = locate(title, text)
    assert (guess.province, guess.district, guess.foreign_country) == (province, district, None)
    assert guess.district_confidence >= 0.5


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
    assert weak.district_confidence < 0.5 < strong.district_confidence


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
