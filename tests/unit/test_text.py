"""domain.text: page furniture stripped before any reader sees the story; shared tokens and sentences."""

from __future__ import annotations

import re

import pytest

from classifiers.casualties import extract_casualties
from domain.text import (
    background_start,
    clean_article,
    fold,
    name_key,
    opens_background,
    required_fragments,
    sentence_spans,
    split_sentences,
    tokenize,
)

TITLE = "Two policemen martyred in Bannu attack"


def test_furniture_lines_are_dropped_and_the_story_kept() -> None:
    page = "\n".join(
        [
            TITLE,
            "",
            "Web Desk",
            "10:05 AM | January 17, 2024",
            "Soldiers at the site of the attack. PHOTO: EXPRESS",
            "Soldiers at the site of the attack. PHOTO: EXPRESS",
            "",
            "BANNU: Two policemen were martyred when militants attacked a post in Domail on Friday night.",
            "",
            "Read more: Gold prices fall for the third day in a row",
            "The attackers fled, police said.",
            "Share this article",
            "لکی مروت میں پولیس اہلکاروں کی شہادت",
            "— Shehbaz Sharif (@CMShehbaz) March 30, 2023",
        ]
    )
    body = clean_article(TITLE, page)
    assert body.splitlines()[0].startswith("BANNU: Two policemen were martyred")
    assert "The attackers fled, police said." in body
    for gone in ("Web Desk", "PHOTO", "Gold prices", "Share this", "لکی", "@CMShehbaz", "10:05 AM"):
        assert gone not in body, gone


def test_machine_date_stamp_and_teaser_are_dropped() -> None:
    page = (
        " date 2024-11-10 KARACHI: A bomb went off...\nKARACHI: A bomb went off near a bus stop on Sunday, police said."
    )
    assert clean_article("Bomb blast", page) == "KARACHI: A bomb went off near a bus stop on Sunday, police said."


def test_a_headline_glued_to_the_opening_is_cut_off_it() -> None:
    title = "Hotel bombing toll rises to 41"
    page = (
        "Hotel bombing toll rises to 41Islamabad - Rescue workers recovered more bodies from the hotel on Sunday.\n"
        "Officials said the toll could rise further."
    )
    body = clean_article(title, page)
    assert body.splitlines()[0] == "Islamabad - Rescue workers recovered more bodies from the hotel on Sunday."
    # A first line that only repeats the headline's opening words keeps them.
    story = "Hotel bombing toll rises as rescuers reach the upper floors on Sunday.\nOfficials said it could rise."
    assert clean_article("Hotel bombing", story).splitlines()[0].startswith("Hotel bombing toll rises")


def test_a_pasted_tweet_is_dropped_however_long() -> None:
    page = (
        "QUETTA: Eleven people were killed in the blast on Friday, officials said.\n"
        "#Watch: Bombings in two cities of Pakistan today have left 30 dead and 45 wounded, and the count keeps "
        "rising as more reports come in from both places. pic.twitter.com/AbC123xyz — A Commentator (@commentator) "
        "September 29, 2023\n"
        "Police cordoned off the area."
    )
    body = clean_article("Blast in Quetta", page)
    assert "30 dead" not in body and body.startswith("QUETTA: Eleven people") and "cordoned" in body


def test_clean_copy_passes_unchanged() -> None:
    text = "QUETTA: Three people were killed in a blast.\n\nPolice said the bomb was planted on a motorcycle."
    assert clean_article("Blast in Quetta", text) == text
    one_line = "Blast kills three in Quetta"
    assert clean_article("", one_line) == one_line


def test_nothing_but_furniture_keeps_the_text() -> None:
    assert clean_article("x", "Web Desk\nShare this") == "Web Desk\nShare this"


def test_tokens_and_name_keys() -> None:
    assert [t.key for t in tokenize("D.I. Khan's Kulachi")] == ["d", "i", "khan", "s", "kulachi"]
    assert name_key("Fitna-al-Khawarij") == ("fitna", "al", "khawarij")


def test_sentences_respect_titles_and_initials() -> None:
    text = "Lt. Col. Ahmed said the post was attacked. Two soldiers were martyred.\n\nNo group claimed it."
    assert split_sentences(text) == [
        "Lt. Col. Ahmed said the post was attacked.",
        "Two soldiers were martyred.",
        "No group claimed it.",
    ]
    spans = sentence_spans(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)


def test_a_long_stock_photo_caption_is_dropped_by_its_credit() -> None:
    caption = (
        "Rangers stand guard outside the stock exchange in Karachi after gunmen attacked it on June 29, 2020. - "
        "At least six people were killed when gunmen stormed the building, with a guard among the dead after "
        "the attackers opened fire and threw a grenade at the gate, officials said. The attackers were shot "
        "dead within minutes, and the building was cleared by paramilitary troops and police who arrived on "
        "the scene. (Photo by A. Reporter / AFP) (Photo by A. REPORTER/AFP via Getty Images)"
    )
    story = "TURBAT: Ten soldiers were martyred when terrorists attacked a checkpost in Kech district, the ISPR said."
    cleaned = clean_article("", f"{caption}\n\n{story}")
    assert "Karachi" not in cleaned and cleaned.strip() == story


def test_a_caption_credited_to_a_photographer_of_an_agency_is_dropped() -> None:
    # The newspaper's credit "—Name / White Star" (or "/ AFP") ends the caption; a line crediting an account
    # ("— KP Police Twitter" with a name before it) is not taken for one.
    caption = "QUETTA: Mourners gather outside the hospital after the blast that killed four.—Ali Khan / White Star"
    story = "QUETTA: Nine people were injured when a bomb went off near a police van on Monday, police said."
    assert clean_article("", f"{caption}\n\n{story}").strip() == story
    for credit in (" (Reuters)", " - AFP Photo", " (AN photo)", " (AP Photo/A. Name)"):
        assert clean_article("", f"{caption.split('—')[0]}{credit}\n\n{story}").strip() == story
    kept = "Police said the two constables were martyred in Tank. — KP Police Twitter"
    assert kept in clean_article("", f"{kept}\n\n{story}")


def test_look_alike_dashes_read_as_dashes() -> None:
    """Pages that set dashes as box-drawing lines: the breakdown between them and the caption's credit read as such."""
    text = (
        "A view of the hotel on the hill in Gwadar. \u2500 AFP/File\n\nGWADAR: Five people were killed, while six"
        " others \u2500 two captains, two sailors and two cooks \u2500 were wounded."
    )
    cleaned = clean_article("Hotel attack leaves five dead", text)
    assert cleaned.startswith("GWADAR:") and "others \u2014 two captains" in cleaned
    assert extract_casualties("Hotel attack leaves five dead", cleaned).injured == 6


def test_background_starts_at_the_first_paragraph_about_an_earlier_event() -> None:
    text = "QUETTA: A blast in Mastung killed 3.\n\nPolice said.\n\nEarlier this month, a blast in Mir Ali killed 8."
    start = background_start(text)
    assert start is not None and text[start:].startswith("Earlier this month")
    for opening in ("A day earlier, police", "In December, troops", "On January 5, two", "In 2014, a bombing",
                    "In a separate incident, two", "This is the second attack", "Last week, a blast",
                    "Earlier on Sunday, militants", "Earlier the same day a teacher"):  # fmt: skip
        assert opens_background(opening), opening
    # The lede itself, and a paragraph that only mentions a time, are not background.
    assert background_start("Earlier this month, a blast killed eight.\n\nPolice said.") is None
    assert not opens_background("Police said the blast took place earlier this month.")


def test_required_fragments_are_read_from_literals_outside_optional_parts() -> None:
    assert required_fragments(re.compile(r"\b(?:the )?deaths of\b", re.IGNORECASE)) == ("deaths of",)
    assert required_fragments(re.compile(r"\b(?:shot|gunned) (?:dead|down)\b")) == ("shot", "gunned")
    # Nothing literal is required: no gate.
    assert required_fragments(re.compile(r"\s+[–—]+\s+")) == ()
    assert required_fragments(re.compile(r"(?:killed)?\d+")) == ()
    # Non-ASCII literals are never trusted as gates.
    assert required_fragments(re.compile("شہید")) == ()


def test_a_gate_never_hides_a_match() -> None:
    """Wherever a pattern matches a text, one of its fragments is in the folded text (dotless ı included)."""
    patterns = [
        re.compile(r"\b(?:embraced|attained)\s+(?:shahadat|martyrdom)\b", re.IGNORECASE),
        re.compile(r"\b(\d+|one|two)\b([^.;]{1,80}?)\bas many (others|more)\b", re.IGNORECASE),
        re.compile(r"\blaid down (?:their|his|her) lives\b", re.IGNORECASE),
    ]
    texts = [
        "Two soldiers EMBRACED Shahadat in the raid.",
        "four were martyred and as many others wounded",
        "they laıd down theır lives",  # dotless ı: IGNORECASE reads it as i
        "nothing here",
    ]
    for pattern in patterns:
        fragments = required_fragments(pattern)
        assert fragments
        for text in texts:
            if pattern.search(text):
                assert any(f in fold(text) for f in fragments), (pattern.pattern, text)
    assert patterns[2].search(texts[2]) and fold(texts[2]).count("lives") == 1


@pytest.mark.parametrize(
    ("title", "text", "kept"),
    [
        pytest.param(
            "Market blast toll rises to 31",
            "Officials said the toll from the market bombing had risen to 31 overnight.\n"
            "ALSO READ\n"
            "Flood waters in Swat: the death toll climbs to 14 as the search for the missing continues\n"
            "Landslide in Indonesia: toll reaches 31, dozens more still missing\n"
            "Police have registered a case against unknown terrorists.",
            "Officials said the toll from the market bombing had risen to 31 overnight.\n"
            "Police have registered a case against unknown terrorists.",
            id="the-headlines-under-an-also-read-line-are-dropped-however-long",
        ),
        pytest.param(
            "Peshawar mosque blast kills 57",
            "• Islamic State group says it carried out the attack\n"
            "Kicker line\n"
            "PESHAWAR: A suicide bomber struck a mosque during Friday prayers, killing 57 people, police said.",
            "• Islamic State group says it carried out the attack\n"
            "PESHAWAR: A suicide bomber struck a mosque during Friday prayers, killing 57 people, police said.",
            id="a-bulleted-highlight-is-kept-however-short",
        ),
    ],
)
def test_link_lists_go_and_highlights_stay(title: str, text: str, kept: str) -> None:
    assert clean_article(title, text) == kept


def test_a_caption_ending_with_an_agency_and_its_photographer_in_capitals_is_dropped() -> None:
    caption = (
        "epa03512994 Rescue workers carry the body of a polio vaccinator to a morgue in Karachi, Pakistan, on 18"
        " December 2012. Unidentified gunmen killed four women who were taking part in a vaccination campaign in the"
        " city, where clerics and pro-Taliban groups have spoken against the drops. EPA/REHAN KHAN"
    )
    story = "Gunmen in Pakistan killed five members of a polio vaccination team on Tuesday, officials said."
    assert clean_article("Polio workers shot dead", caption + "\n\n" + story) == story


def test_a_sub_head_giving_a_groups_claim_is_kept() -> None:
    text = (
        "KARACHI: A well-known qawwal was shot dead in his car in Liaquatabad on Wednesday, police said.\n"
        "Faction of TTP says it carried out the killing\n"
        "Police said the attackers fled on a motorcycle."
    )
    assert clean_article("Qawwal shot dead in Karachi", text) == text
