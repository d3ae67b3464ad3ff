"""The group alias table and the group extractor: claim versus blame, denials, generic labels."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from classifiers.features import facts_from
from classifiers.groups import GroupGuess, identify_group
from classifiers.places import locate
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


def test_taliban_alone_stands_for_the_ttp_only_in_a_claim() -> None:
    claim_only = [e for e in load_groups() if e.claim_only]
    assert [e.code for e in claim_only] == [Group.TTP, Group.AQIS]
    assert name_key("Taliban militants") in {name_key(a) for a in claim_only[0].aliases}
    assert name_key("al-Qaeda") in {name_key(a) for a in claim_only[1].aliases}
    assert all(e.generic for e in claim_only)


def test_al_qaeda_alone_is_context_unless_it_claims() -> None:
    title = "Suicide bomber kills 12 at mosque in Chakwal"
    context = (
        "CHAKWAL: A suicide bomber killed 12 worshippers at a mosque on Sunday, police said. Militants linked to the "
        "Taliban and al-Qaeda have carried out a bombing campaign across the country."
    )
    assert identify_group(title, context).group is Group.UNKNOWN
    claim = "CHAKWAL: A suicide bomber killed 12 worshippers at a mosque on Sunday. Al-Qaeda claimed responsibility."
    assert (identify_group(title, claim).group, identify_group(title, claim).claimed) == (Group.AQIS, True)


def test_a_taliban_named_in_passing_still_counts_as_a_group_named_for_the_event_heads() -> None:
    """The heads were trained with the Taliban named as a group named: the fact stays, the perpetrator goes."""
    title = "Polio worker shot dead in Swabi"
    text = "SWABI: Gunmen shot dead a polio worker, police said. Taliban militants have attacked polio teams before."
    guess = identify_group(title, text)
    assert (guess.group, guess.loosely_named) == (Group.UNKNOWN, True)
    assert facts_from(1, None, None, guess, locate(title, text)).group_named
    plain = identify_group("Polio worker shot dead in Swabi", "SWABI: Gunmen shot dead a polio worker, police said.")
    assert not plain.loosely_named


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

# Each case: a report, the perpetrator it must name (unknown when none) and whether that group claimed it.
CASES = [
    pytest.param(row["title"], row["text"], Group(row["expect"]["group"]), row["expect"]["claimed"], id=row["id"])
    for row in yaml.safe_load((Path(__file__).parent / "cases" / "groups.yaml").read_text(encoding="utf-8"))
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


def test_a_group_named_in_what_the_attack_came_after_is_context() -> None:
    title = "Bomb kills 14 soldiers in North Waziristan"
    text = (
        "MIR ALI: A roadside bomb tore through a military convoy on Sunday, killing 14 soldiers, officials said. "
        "The attack came only one day after TTP chief Hakimullah Mehsud told his fighters to stop attacking the army."
    )
    assert identify_group(title, text).group is Group.UNKNOWN
    follows = text.replace("The attack came only one day after", "It follows an announcement by")
    assert identify_group(title, follows).group is Group.UNKNOWN
    blamed = text + " Officials blamed the TTP for the bombing."
    assert identify_group(title, blamed).group is Group.TTP
