"""The group alias table and the group extractor: claim versus blame, denials, generic labels."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from classifiers.groups import GroupGuess, identify_group
from domain.gazetteer import name_key
from domain.groups import load_group_table, load_groups, parse_groups
from domain.taxonomy import Group

GROUPS_FILE = Path(__file__).resolve().parents[2] / "domain" / "data" / "groups.yaml"


def test_every_group_code_has_one_specific_entry() -> None:
    specific = [e.code for e in load_groups() if not e.generic]
    assert sorted(specific) == sorted(g for g in Group if g is not Group.UNKNOWN)


def _aliases(code: Group, generic: bool) -> set[tuple[str, ...]]:
    return {name_key(a) for e in load_groups() if e.code is code and e.generic is generic for a in e.aliases}


@pytest.mark.parametrize(
    ("code", "alias"),
    [
        (Group.TTP, "Tehrik-i-Taliban Pakistan"),
        (Group.TTP, "Pakistani Taliban"),
        (Group.JUA, "Jamat ul Ahrar"),
        (Group.HGB, "Hafiz Gul Bahadur group"),
        (Group.LEI, "Lashkar-e-Islam"),
        (Group.TJP, "Tehreek-e-Jihad Pakistan"),
        (Group.ISKP, "IS-K"),
        (Group.ISKP, "Daesh"),
        (Group.ISKP, "Islamic State Khorasan"),
        (Group.AQIS, "al-Qaeda in the Indian Subcontinent"),
        (Group.BLA, "Majeed Brigade"),
        (Group.BLF, "Balochistan Liberation Front"),
        (Group.BRAS, "Baloch Raji Aajoi Sangar"),
        (Group.LEJ, "Lashkar-e-Jhangvi"),
        (Group.SRA, "Sindhudesh Revolutionary Army"),
    ],
)
def test_group_aliases(code: Group, alias: str) -> None:
    assert name_key(alias) in _aliases(code, generic=False)


def test_official_umbrella_terms_are_generic() -> None:
    assert name_key("Fitna al Hindustan") in _aliases(Group.BLA, generic=True)
    for term in ("Fitna-al-Khawarij", "khawarij", "khwarij"):
        assert name_key(term) in _aliases(Group.TTP, generic=True)
    bla_generic = next(e for e in load_groups() if e.code is Group.BLA and e.generic)
    blf = next(e for e in load_groups() if e.code is Group.BLF)
    assert bla_generic.family == blf.family


def test_afghan_taliban_is_a_stop_phrase() -> None:
    assert "Afghan Taliban" in load_group_table().not_groups


def test_group_table_rejects_unknown_codes_and_missing_groups() -> None:
    document = yaml.safe_load(GROUPS_FILE.read_text(encoding="utf-8"))
    bad_code = {**document, "groups": [*document["groups"], {"code": "XYZ", "name": "X", "aliases": ["X"]}]}
    with pytest.raises(ValueError, match="XYZ"):
        parse_groups(bad_code)
    missing = {**document, "groups": [g for g in document["groups"] if g["code"] != "SRA"]}
    with pytest.raises(ValueError, match="SRA"):
        parse_groups(missing)


def test_group_table_rejects_an_alias_shared_by_two_groups() -> None:
    document = yaml.safe_load(GROUPS_FILE.read_text(encoding="utf-8"))
    groups = [dict(g) for g in document["groups"]]
    blf = next(g for g in groups if g["code"] == "BLF")
    blf["aliases"] = [*blf["aliases"], "Majeed Brigade"]
    with pytest.raises(ValueError, match="Majeed Brigade"):
        parse_groups({**document, "groups": groups})


# ------------------------------------------------------------------ identify_group on realistic reports

CASES = [
    pytest.param(
        "BLA claims responsibility for Quetta railway station blast",
        "QUETTA: The banned Balochistan Liberation Army claimed responsibility for the suicide blast at the "
        "railway station that killed 26 people.",
        Group.BLA,
        True,
        id="claim-in-title-and-lede",
    ),
    pytest.param(
        "Four soldiers martyred in North Waziristan",
        "Four soldiers were martyred when khawarij attacked a checkpost in Mir Ali, the ISPR said. The military "
        "said the terrorists belonged to Fitna al Khawarij.",
        Group.TTP,
        False,
        id="ispr-khawarij-is-blame",
    ),
    pytest.param(
        "Policeman shot dead in Bannu",
        "A police constable was shot dead by unidentified gunmen in Bannu. Police suspect the involvement of the "
        "Tehreek-e-Taliban Pakistan. No group has claimed responsibility so far.",
        Group.TTP,
        False,
        id="police-suspect-involvement",
    ),
    pytest.param(
        "Blast near police van",
        "No group claimed responsibility for the attack, but officials blamed the TTP.",
        Group.TTP,
        False,
        id="negated-claim-then-blame",
    ),
    pytest.param(
        "Mosque bombing toll rises to 100",
        "The TTP denied involvement in the bombing inside the police lines mosque. A commander of "
        "Jamaat-ul-Ahrar later claimed responsibility in a statement.",
        Group.JUA,
        True,
        id="denial-then-faction-claims",
    ),
    pytest.param(
        "Officials blame TTP for market blast",
        "Officials blamed the Pakistani Taliban for the blast, but the group denied any role in it.",
        Group.UNKNOWN,
        False,
        id="blamed-group-denies",
    ),
    pytest.param(
        "Jaffar Express attacked in Bolan",
        "The Majeed Brigade said in a statement it carried out the attack on the Jaffar Express near Mach.",
        Group.BLA,
        True,
        id="majeed-brigade-statement",
    ),
    pytest.param(
        "10 terrorists killed in Kech IBO",
        "Security forces killed 10 terrorists of the Indian-sponsored Fitna al Hindustan in an intelligence-based "
        "operation in Kech, the ISPR said.",
        Group.BLA,
        False,
        id="fitna-al-hindustan-defaults-to-bla",
    ),
    pytest.param(
        "Camp attacked in Panjgur",
        "Fitna al Hindustan terrorists attacked an FC camp in Panjgur, the ISPR said. The Balochistan Liberation "
        "Front claimed responsibility for the assault.",
        Group.BLF,
        True,
        id="named-baloch-group-beats-generic",
    ),
    pytest.param(
        "Fitna al Hindustan behind Turbat attack: ISPR",
        "The military said Fitna al Hindustan was behind the attack in Turbat. Officials said the Baloch "
        "Liberation Front was suspected of planning it.",
        Group.BLF,
        False,
        id="named-baloch-group-beats-generic-without-claim",
    ),
    pytest.param(
        "Bajaur rally bombing",
        "The Islamic State Khorasan Province claimed the bombing of the political rally in Bajaur through its "
        "Amaq news agency.",
        Group.ISKP,
        True,
        id="iskp-claim",
    ),
    pytest.param(
        "Daesh claims Mastung attack",
        "Daesh claimed responsibility for the suicide attack on a procession in Mastung district.",
        Group.ISKP,
        True,
        id="daesh",
    ),
    pytest.param(
        "Convoy ambushed",
        "IS-K said its fighters ambushed the convoy near the border.",
        Group.ISKP,
        True,
        id="is-k-its-fighters",
    ),
    pytest.param(
        "Checkpost attacked in Lakki Marwat",
        "TTP spokesman Mohammad Khurasani said the group's fighters had targeted the checkpost overnight.",
        Group.TTP,
        True,
        id="spokesman-says-fighters-attacked",
    ),
    pytest.param(
        "Two killed in Peshawar blast",
        "A bomb planted on a motorcycle went off in Peshawar, killing two passers-by. Police are investigating.",
        Group.UNKNOWN,
        False,
        id="no-group",
    ),
    pytest.param(
        "Kabul rejects Islamabad's allegations",
        "The Afghan Taliban government denied harbouring militants and said its soil was not used against anyone.",
        Group.UNKNOWN,
        False,
        id="afghan-taliban-is-not-ttp",
    ),
    pytest.param(
        "Soldiers martyred in Datta Khel",
        "The Hafiz Gul Bahadur group claimed the attack, which the military blamed on khawarij.",
        Group.HGB,
        True,
        id="hgb-claim-beats-generic-khawarij",
    ),
    pytest.param(
        "Hazara miners killed",
        "Lashkar-e-Jhangvi claimed responsibility for the killing of the Hazara coal miners in Mach.",
        Group.LEJ,
        True,
        id="lej",
    ),
    pytest.param(
        "Iranian border guards killed",
        "Jaish al-Adl claimed the attack on the border post, while Iranian officials blamed Baloch separatists.",
        Group.UNKNOWN,
        False,
        id="outside-group-claims",
    ),
    pytest.param(
        "Clothes found at blast site",
        "Police recovered bras, shoes and bags from the scene of the explosion.",
        Group.UNKNOWN,
        False,
        id="lowercase-bras-is-not-a-group",
    ),
    pytest.param(
        "Baloch alliance claims attack",
        "BRAS, an alliance of Baloch separatist outfits, claimed the attack on the gas pipeline in Dera Bugti.",
        Group.BRAS,
        True,
        id="bras-claim",
    ),
    pytest.param(
        "Cracker blast near Chinese-run plant",
        "The Sindhudesh Revolutionary Army claimed responsibility for the cracker blast in Sanghar.",
        Group.SRA,
        True,
        id="sra",
    ),
    pytest.param(
        "Bomb disposal squad attacked",
        "Police initially said the attack was carried out by the TTP, and Jamat ul Ahrar later claimed "
        "responsibility for it.",
        Group.JUA,
        True,
        id="claim-wording-belongs-to-the-later-group",
    ),
    pytest.param(
        "Mosque attacked in Peshawar",
        "The TTP condemned the attack on the mosque and distanced itself from it.",
        Group.UNKNOWN,
        False,
        id="group-condemns-so-not-perpetrator",
    ),
    pytest.param(
        "Lawyers' convoy ambushed",
        "Gunmen ambushed the convoy in Kurram. The attack was claimed by Tehreek-e-Jihad Pakistan.",
        Group.TJP,
        True,
        id="passive-claim",
    ),
    pytest.param(
        "Tribal elder shot dead in Tirah",
        "A tribal elder was shot dead in Tirah. The TTP, which has claimed several attacks in the past, was "
        "suspected by police.",
        Group.TTP,
        False,
        id="background-claim-is-not-a-claim",
    ),
    pytest.param(
        "Militants storm post",
        "Militants stormed the post, officials said. The group later claimed responsibility. Officials said the "
        "attackers belonged to Lashkar-e-Islam.",
        Group.LEI,
        False,
        id="claim-before-any-group-is-not-given-to-a-later-one",
    ),
    pytest.param(
        "Attack on FC camp",
        "Officials said the attackers belonged to the Baloch Liberation Army. The group later claimed "
        "responsibility in a statement sent to the media.",
        Group.BLA,
        True,
        id="anaphoric-claim",
    ),
    pytest.param(
        "Terrorists neutralised in Kachhi",
        "Troops conducted an operation in Dhadar against terrorists of Fitna al Hindustan. Own troops engaged "
        "the khawarij location and two khawarij were killed.",
        Group.BLA,
        False,
        id="loose-khawarij-noun-yields-to-named-label",
    ),
    pytest.param(
        "Tower blown up in Panjgur",
        "A telecommunication tower was destroyed with explosives. The Baloch Liberation Front later claimed it.",
        Group.BLF,
        True,
        id="claimed-it",
    ),
    pytest.param(
        "Levies post attacked",
        "The attack has not been claimed by any group, and police suspect the Tehreek-e-Taliban Pakistan.",
        Group.TTP,
        False,
        id="negated-passive-claim",
    ),
    pytest.param(
        "Barbers shot dead in Gwadar",
        "Gunmen shot seven barbers as they slept. Police blamed Baloch separatists for the killings.",
        Group.UNKNOWN,
        False,
        id="plain-description-is-not-a-group",
    ),
]


@pytest.mark.parametrize(("title", "text", "group", "claimed"), CASES)
def test_identify_group(title: str, text: str, group: Group, claimed: bool) -> None:
    guess = identify_group(title, text)
    assert (guess.group, guess.claimed) == (group, claimed)
    assert 0.0 <= guess.confidence <= 1.0


def test_claims_are_more_confident_than_generic_blame() -> None:
    claim = identify_group("", "The BLA claimed responsibility for the attack.")
    generic = identify_group("", "The ISPR said Fitna al Hindustan terrorists attacked the post.")
    assert claim.confidence > generic.confidence


def test_empty_input_is_unknown() -> None:
    assert identify_group("", "") == GroupGuess(Group.UNKNOWN, False, identify_group("", "").confidence)
    assert identify_group("", "").group is Group.UNKNOWN


def test_spelling_variants_and_hyphens_match() -> None:
    for text in (
        "Tehrik-i-Taliban Pakistan claimed the attack.",
        "Tehreek e Taliban Pakistan claimed the attack.",
        "The Fitna-al-Khawarij attacked the post.",
    ):
        assert identify_group("", text).group is Group.TTP, text
