"""The demo site's stories (enough of every kind, labels valid against the taxonomy) and its rendering."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from domain.errors import KhabarError
from domain.taxonomy import AttackType, EventType, Group, Province
from khabar.demo.render import (
    ATOM_PATH,
    FEED_PATH,
    HTML_TYPE,
    LISTING_PATH,
    OFFSITE_AD_URL,
    PRIVATE_PATH,
    SITEMAP_PATH,
    TEXT_TYPE,
    page_specs,
    render_publisher,
)
from khabar.demo.stories import (
    PUBLISHERS,
    DemoStory,
    StoryDataError,
    default_stories_path,
    load_stories,
)

PKT = timezone(timedelta(hours=5))
WINDOW_START = datetime(2026, 9, 1, tzinfo=PKT)
WINDOW_END = datetime(2026, 11, 21, tzinfo=PKT)
# "PESHAWAR: ..." for the dailies, "QUETTA, Oct 27 (IW): ..." for the wire.
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(, [A-Z][a-z]+\.? \d{1,2} \(IW\))?: ")
BASE = "http://127.0.0.1:8080"


@pytest.fixture(scope="module")
def stories() -> list[DemoStory]:
    return load_stories()


@pytest.fixture(scope="module")
def raw_stories() -> list[dict[str, object]]:
    doc = yaml.safe_load(default_stories_path().read_text(encoding="utf-8"))
    return list(doc["stories"])


def _by_incident(stories: list[DemoStory]) -> dict[str, list[DemoStory]]:
    groups: dict[str, list[DemoStory]] = defaultdict(list)
    for story in stories:
        if story.expected.incident:
            groups[story.expected.incident].append(story)
    return groups


def _attacks(stories: list[DemoStory]) -> list[DemoStory]:
    return [s for s in stories if s.expected.event_type is EventType.ATTACK]


# --- the story data -------------------------------------------------------------------------------


def test_at_least_48_stories_with_unique_ids_from_three_publishers(stories: list[DemoStory]) -> None:
    assert len(stories) >= 48
    assert len({s.id for s in stories}) == len(stories)
    counts = Counter(s.publisher for s in stories)
    assert set(counts) == set(PUBLISHERS)
    assert min(counts.values()) >= 10


def test_every_story_is_shaped_like_a_news_report(stories: list[DemoStory]) -> None:
    for story in stories:
        assert WINDOW_START <= story.published < WINDOW_END, story.id
        assert story.published.utcoffset() == timedelta(hours=5), story.id
        assert 3 <= len(story.paragraphs) <= 7, story.id
        assert 120 <= story.word_count <= 350, (story.id, story.word_count)
        assert story.title and story.title == story.title.strip(), story.id
        assert DATELINE.match(story.paragraphs[0]), story.id


def test_raw_labels_are_exact_taxonomy_strings(raw_stories: list[dict[str, object]]) -> None:
    enums = {"event_type": EventType, "attack_type": AttackType, "group": Group, "province": Province}
    for item in raw_stories:
        expected = item["expected"]
        assert isinstance(expected, dict)
        for key, enum in enums.items():
            value = expected[key]
            if value is not None:
                assert value in {e.value for e in enum}, (item["id"], key, value)
        assert isinstance(expected["claimed"], bool)
        for key in ("killed", "injured", "militants_killed"):
            value = expected[key]
            assert value is None or (type(value) is int and value >= 0), (item["id"], key)


def test_labels_are_consistent_with_the_event_type(stories: list[DemoStory]) -> None:
    for story in stories:
        labels = story.expected
        if labels.event_type is EventType.ATTACK:
            assert labels.attack_type is not None and labels.incident, story.id
            assert labels.province is not None and labels.district, story.id
        elif labels.event_type is EventType.SECURITY_OPERATION:
            assert labels.attack_type is None and labels.incident, story.id
            assert labels.province is not None and labels.district, story.id
        else:
            assert labels.attack_type is None and labels.incident is None, story.id
            assert labels.group is Group.UNKNOWN and not labels.claimed, story.id
            assert labels.province is None and labels.district is None, story.id
            assert (labels.killed, labels.injured, labels.militants_killed) == (None, None, None), story.id
        if labels.group is Group.UNKNOWN:
            assert not labels.claimed, story.id


def test_every_attack_type_has_at_least_two_distinct_incidents(stories: list[DemoStory]) -> None:
    incidents: dict[AttackType, set[str]] = defaultdict(set)
    for story in _attacks(stories):
        assert story.expected.attack_type is not None and story.expected.incident is not None
        incidents[story.expected.attack_type].add(story.expected.incident)
    assert set(incidents) == set(AttackType)
    assert all(len(keys) >= 2 for keys in incidents.values()), {k.value: len(v) for k, v in incidents.items()}


def test_follow_ups_come_from_another_publisher_within_a_day(stories: list[DemoStory]) -> None:
    pairs = 0
    for key, reports in _by_incident(stories).items():
        if len(reports) < 2:
            continue
        first, *later = sorted(reports, key=lambda s: s.published)
        assert len({s.publisher for s in reports}) == len(reports), key
        for follow_up in later:
            assert timedelta(0) < follow_up.published - first.published <= timedelta(days=1, hours=12), key
            assert follow_up.title != first.title and follow_up.paragraphs[0] != first.paragraphs[0], key
            # A follow-up says something new: a revised toll, a claim, or the attackers' losses.
            old, new = first.expected, follow_up.expected
            revised = (new.killed, new.injured, new.group, new.claimed, new.militants_killed) != (
                old.killed,
                old.injured,
                old.group,
                old.claimed,
                old.militants_killed,
            )
            assert revised, key
        pairs += 1
    assert pairs >= 6


def test_reports_of_one_incident_agree_on_what_and_where(stories: list[DemoStory]) -> None:
    for key, reports in _by_incident(stories).items():
        facts = {
            (s.expected.event_type, s.expected.attack_type, s.expected.province, s.expected.district) for s in reports
        }
        assert len(facts) == 1, key
        assert key.startswith("20"), key
        occurred = datetime.strptime(key[:10], "%Y-%m-%d").date()
        assert all(timedelta(0) <= s.published.date() - occurred <= timedelta(days=1) for s in reports), key


def test_enough_security_operations_and_other_stories(stories: list[DemoStory]) -> None:
    kinds = Counter(s.expected.event_type for s in stories)
    assert kinds[EventType.SECURITY_OPERATION] >= 6
    assert kinds[EventType.OTHER] >= 8
    operations = [s for s in stories if s.expected.event_type is EventType.SECURITY_OPERATION]
    assert sum(1 for s in operations if s.expected.militants_killed) >= 5


def test_attacks_cover_every_province_and_the_main_groups(stories: list[DemoStory]) -> None:
    attacks = _attacks(stories)
    provinces = {s.expected.province for s in attacks}
    assert provinces >= set(Province) - {Province.AZAD_KASHMIR}
    groups = {s.expected.group for s in attacks}
    wanted = {Group.TTP, Group.BLA, Group.ISKP, Group.JUA, Group.HGB, Group.LEJ, Group.BLF, Group.UNKNOWN}
    assert groups >= wanted
    districts = {s.expected.district for s in attacks}
    assert districts >= {"North Waziristan", "Bajaur", "Khyber", "Kurram", "Quetta", "Kech", "Mastung", "Kachhi"}
    assert any(s.expected.claimed for s in attacks) and any(not s.expected.claimed for s in attacks)


def test_group_aliases_appear_in_the_text(stories: list[DemoStory]) -> None:
    def texts(group: Group) -> str:
        return " ".join(s.text for s in stories if s.expected.group is group)

    assert "Fitna al Khawarij" in texts(Group.TTP)
    assert "Fitna al Hindustan" in texts(Group.BLA)
    assert "Majeed Brigade" in texts(Group.BLA)
    assert "Daesh" in texts(Group.ISKP)
    assert "Gul Bahadur" in texts(Group.HGB)
    assert "Jamaat-ul-Ahrar" in texts(Group.JUA)


def test_other_stories_include_the_tricky_kinds(stories: list[DemoStory]) -> None:
    others = [s for s in stories if s.expected.event_type is EventType.OTHER]
    titles = " ".join(s.title.lower() for s in others)
    for word in ("attack", "court", "ten years", "afghanistan", "analysis"):
        assert word in titles or any(word in s.text.lower() for s in others), word
    assert {s.section for s in others} >= {"Sport", "Politics", "World", "Courts", "Analysis"}


def test_served_paths_follow_each_publishers_scheme(stories: list[DemoStory]) -> None:
    schemes = {
        "frontier-herald": re.compile(r"^/news/\d+/[a-z0-9-]+$"),
        "quetta-times": re.compile(r"^/story/[a-z0-9-]+\.html$"),
        "indus-wire": re.compile(r"^/wire/\d{4}/\d{2}/[a-z0-9-]+$"),
    }
    for story in stories:
        assert schemes[story.publisher].match(story.path), story.path
        assert story.path.removesuffix(".html").endswith("/" + story.id)
        if story.publisher == "indus-wire":
            assert story.path.startswith(f"/wire/{story.published:%Y/%m}/")
    assert len({s.path for s in stories}) == len(stories)


def _one_story() -> dict[str, Any]:
    return {
        "id": "one-story",
        "publisher": "indus-wire",
        "published": "2026-09-14T19:40:00+05:00",
        "title": "A title",
        "paragraphs": ["One.", "Two.", "Three."],
        "expected": {
            "event_type": "attack",
            "attack_type": "bombing",
            "group": "unknown",
            "claimed": False,
            "province": "Sindh",
            "district": "Jacobabad",
            "killed": 0,
            "injured": 0,
            "militants_killed": None,
            "incident": "x",
        },
    }


def test_a_valid_story_loads_with_normalised_text(tmp_path: Path) -> None:
    story = _one_story()
    story["title"] = "  A title "
    story["paragraphs"][0] = "QUETTA: One\n  long   line."
    path = tmp_path / "stories.yaml"
    path.write_text(yaml.safe_dump({"stories": [story]}), encoding="utf-8")
    (loaded,) = load_stories(path)
    assert (loaded.id, loaded.title, loaded.paragraphs[0]) == ("one-story", "A title", "QUETTA: One long line.")
    assert loaded.path == "/wire/2026/09/one-story" and loaded.url == ""
    assert loaded.expected.attack_type is AttackType.BOMBING and loaded.expected.province is Province.SINDH
    assert loaded.published == datetime(2026, 9, 14, 19, 40, tzinfo=PKT)


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        (lambda s: s["expected"].update(group="Taliban"), "'expected.group'", "got 'Taliban'"),
        (lambda s: s["expected"].update(province="NWFP"), "'expected.province'", "'Sindh'"),
        (lambda s: s["expected"].update(attack_type=None), "'expected.attack_type'", "only for attacks"),
        (lambda s: s["expected"].update(incident=None), "'expected.incident'", "set otherwise"),
        (lambda s: s["expected"].update(killed=True), "'expected.killed'", "non-negative integer or null, got True"),
        (lambda s: s["expected"].update(claimed="yes"), "'expected.claimed'", "true or false"),
        (lambda s: s["expected"].update(town="Jacobabad"), "'expected.town'", "unknown key"),
        (lambda s: s["expected"].pop("incident"), "'expected.incident'", "is missing"),
        (lambda s: s.update(publisher="dawn"), "'publisher'", "got 'dawn'"),
        (lambda s: s.update(published="2026-09-14 19:40"), "'published'", "UTC offset"),
        (lambda s: s.update(published=1789000000), "'published'", "UTC offset"),
        (lambda s: s.update(paragraphs=["One.", " "]), "'paragraphs #2'", "non-empty string"),
        (lambda s: s.update(title=""), "'title'", "non-empty string"),
        # Where a story is served is worked out by the loader, never written in the file.
        (lambda s: s.update(url="http://example.invalid/x"), "'url'", "unknown key"),
        (lambda s: s.update(id="Mir Ali"), "'id'", "slug"),
    ],
)
def test_load_stories_names_the_file_story_and_field(
    tmp_path: Path, change: Callable[[dict[str, Any]], object], field: str, problem: str
) -> None:
    story = _one_story()
    change(story)
    path = tmp_path / "stories.yaml"
    path.write_text(yaml.safe_dump({"stories": [story]}), encoding="utf-8")
    with pytest.raises(StoryDataError) as raised:
        load_stories(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: story {story['id']!r}: "), message
    assert field in message and problem in message, message
    assert "\n" not in message
    assert isinstance(raised.value, KhabarError)


def test_load_stories_names_a_story_without_an_id_by_position(tmp_path: Path) -> None:
    path = tmp_path / "stories.yaml"
    path.write_text(yaml.safe_dump({"stories": [_one_story(), {**_one_story(), "id": 7}]}), encoding="utf-8")
    with pytest.raises(StoryDataError, match=r"stories\.yaml: story #2: 'id' must be a lower-case slug"):
        load_stories(path)


def test_load_stories_rejects_duplicate_ids(tmp_path: Path, raw_stories: list[dict[str, object]]) -> None:
    path = tmp_path / "stories.yaml"
    path.write_text(yaml.safe_dump({"stories": [raw_stories[0], raw_stories[0]]}), encoding="utf-8")
    with pytest.raises(StoryDataError, match=f"story '{raw_stories[0]['id']}': duplicate id"):
        load_stories(path)


@pytest.mark.parametrize(
    ("text", "problem"),
    [(None, "not found"), ("stories: [\n", "not valid YAML (line 2)"), ("- a list\n", "a 'stories' list")],
)
def test_load_stories_rejects_unreadable_files(tmp_path: Path, text: str | None, problem: str) -> None:
    path = tmp_path / "stories.yaml"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(StoryDataError, match=re.escape(problem)):
        load_stories(path)


# --- rendering (no server) ------------------------------------------------------------------------


def _first_of(stories: list[DemoStory], publisher: str) -> DemoStory:
    return next(s for s in stories if s.publisher == publisher)


def test_article_pages_escape_text_and_carry_metadata(stories: list[DemoStory]) -> None:
    for publisher in PUBLISHERS:
        story = _first_of(stories, publisher)
        tricky = story.model_copy(
            update={"title": 'Blast <b>"near"</b> Khar & Mamund', "paragraphs": (*story.paragraphs[:-1], "a < b")}
        )
        others = [s for s in stories if s.id != story.id]
        page = render_publisher(publisher, BASE, [tricky, *others])[story.path]
        html = page.body.decode("utf-8")
        assert page.content_type == "text/html; charset=utf-8"
        assert "Blast &lt;b&gt;&quot;near&quot;&lt;/b&gt; Khar &amp; Mamund" in html
        assert "<p>a &lt; b</p>" in html
        assert f'<link rel="canonical" href="{BASE}{story.path}">' in html
        if story.author:
            assert story.author in html
        if publisher in ("frontier-herald", "indus-wire"):
            blob = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
            data = json.loads(blob)
            assert data["@type"] == "NewsArticle"
            assert data["datePublished"] == story.published.isoformat()
            assert data["headline"] == tricky.title
        if publisher in ("quetta-times", "indus-wire"):
            assert f'<meta property="article:published_time" content="{story.published.isoformat()}">' in html
        # Boilerplate a generic extractor has to leave out.
        assert "cookie" in html.lower()
        assert any(box in html for box in ("Most Read", "Trending", "Top stories"))


def test_rss_feed_lists_every_herald_story_with_tracking_links(stories: list[DemoStory]) -> None:
    pages = render_publisher("frontier-herald", BASE, stories)
    root = ET.fromstring(pages[FEED_PATH].body)
    items = root.findall("./channel/item")
    own = [s for s in stories if s.publisher == "frontier-herald"]
    assert len(items) == len(own)
    links = [item.findtext("link") or "" for item in items]
    assert all(link.endswith("?utm_source=rss&utm_medium=feed") for link in links)
    assert sorted(link.split("?")[0] for link in links) == sorted(BASE + s.path for s in own)
    dates = [parsedate_to_datetime(item.findtext("pubDate") or "") for item in items]
    assert dates == sorted(dates, reverse=True)
    assert len({item.findtext("guid") for item in items}) == len(items)


def test_atom_feed_and_sitemap_list_their_publishers_stories(stories: list[DemoStory]) -> None:
    atom = ET.fromstring(render_publisher("quetta-times", BASE, stories)[ATOM_PATH].body)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    links = [e.find("a:link[@rel='alternate']", ns) for e in atom.findall("a:entry", ns)]
    hrefs = [link.get("href", "") if link is not None else "" for link in links]
    assert sorted(hrefs) == sorted(BASE + s.path for s in stories if s.publisher == "quetta-times")

    wire = render_publisher("indus-wire", BASE, stories)
    sitemap = ET.fromstring(wire[SITEMAP_PATH].body)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "n": "http://www.google.com/schemas/sitemap-news/0.9"}
    urls = sitemap.findall("s:url", ns)
    own = {BASE + s.path: s for s in stories if s.publisher == "indus-wire"}
    assert sorted(u.findtext("s:loc", namespaces=ns) or "" for u in urls) == sorted(own)
    for url in urls:
        story = own[url.findtext("s:loc", namespaces=ns) or ""]
        assert url.findtext("n:news/n:title", namespaces=ns) == story.title
        assert url.findtext("n:news/n:publication_date", namespaces=ns) == story.published.isoformat()

    listing = wire[LISTING_PATH].body.decode()
    assert f'href="{OFFSITE_AD_URL}"' in listing and f'href="{PRIVATE_PATH}"' in listing
    assert "Disallow: /private/" in wire["/robots.txt"].body.decode()


def test_pages_carry_validators(stories: list[DemoStory]) -> None:
    pages = render_publisher("indus-wire", BASE, stories)
    newest = max(s.published for s in stories if s.publisher == "indus-wire")
    assert pages[SITEMAP_PATH].last_modified == newest
    assert pages[SITEMAP_PATH].etag.startswith('"') and pages[SITEMAP_PATH].etag.endswith('"')
    again = render_publisher("indus-wire", BASE, stories)
    assert again[SITEMAP_PATH].etag == pages[SITEMAP_PATH].etag
    assert len({p.etag for p in pages.values()}) == len(pages)


# --- the templates --------------------------------------------------------------------------------

# Text a careless template would let through as markup, or that would break the XML of a feed.
TRICKY_TITLE = 'Blast <b>"near"</b> Khar & Mamund\'s'
TRICKY_AUTHOR = 'Ali & <Sons> "Jr"'
TRICKY_SECTION = "Courts & 'Law'"
TRICKY_PARAGRAPH = "a < b & c \"d\" 'e' </script> {{ not_a_variable }}"
_KINDS = {".html.j2": HTML_TYPE, ".xml.j2": None, ".txt.j2": TEXT_TYPE}


def _template_files(publisher: str) -> set[str]:
    folder = resources.files("khabar.demo").joinpath("templates", publisher)
    return {entry.name for entry in folder.iterdir() if entry.name.endswith(".j2")}


def _tricky(stories: list[DemoStory], publisher: str) -> tuple[DemoStory, list[DemoStory]]:
    story = _first_of(stories, publisher)
    tricky = story.model_copy(
        update={
            "title": TRICKY_TITLE,
            "author": TRICKY_AUTHOR,
            "section": TRICKY_SECTION,
            "paragraphs": (*story.paragraphs, TRICKY_PARAGRAPH),
        }
    )
    return tricky, [tricky, *(s for s in stories if s.id != story.id)]


class _TextOf(HTMLParser):
    """The text of one element kind, as a browser would decode it."""

    def __init__(self, tag: str) -> None:
        super().__init__()
        self.tag = tag
        self.inside = False
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == self.tag:
            self.inside = True
            self.found.append("")

    def handle_endtag(self, tag: str) -> None:
        self.inside = self.inside and tag != self.tag

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.found[-1] += data


def _text_of(tag: str, page: str) -> list[str]:
    parser = _TextOf(tag)
    parser.feed(page)
    return parser.found


@pytest.mark.parametrize("publisher", PUBLISHERS)
def test_every_template_renders_every_page_kind(stories: list[DemoStory], publisher: str) -> None:
    specs = page_specs(publisher, BASE, stories)
    # Every template file is a page kind the site serves (base.html.j2 is the chrome the others extend).
    assert {spec.template for spec in specs} | {"base.html.j2"} == _template_files(publisher)
    pages = render_publisher(publisher, BASE, stories)
    assert list(pages) == [spec.path for spec in specs]
    for spec in specs:
        page, text = pages[spec.path], pages[spec.path].body.decode("utf-8")
        kind = next(suffix for suffix in _KINDS if spec.template.endswith(suffix))
        assert page.content_type == (_KINDS[kind] or spec.content_type), spec.path
        assert text.endswith("\n") and not text.endswith("\n\n"), spec.path
        assert "{{" not in text and "{%" not in text and "{#" not in text, spec.path
        if kind == ".html.j2":
            assert text.lower().startswith("<!doctype html>\n<html lang="), spec.path
            assert '<meta charset="utf-8">' in text and "</html>" in text, spec.path
            assert text.count(f'<link rel="canonical" href="{BASE}{spec.path}">') == 1, spec.path
        elif kind == ".xml.j2":
            assert page.content_type.startswith(("application/rss+xml", "application/atom+xml", "application/xml"))
            assert text.startswith('<?xml version="1.0" encoding='), spec.path
            ET.fromstring(page.body)
        else:
            assert spec.path == "/robots.txt" and text.startswith(("User-agent: *", "# ")), spec.path


@pytest.mark.parametrize("publisher", PUBLISHERS)
def test_story_text_is_escaped_in_html_and_xml(stories: list[DemoStory], publisher: str) -> None:
    story, mixed = _tricky(stories, publisher)
    pages = render_publisher(publisher, BASE, mixed)
    for path, page in pages.items():
        text = page.body.decode("utf-8")
        # JSON-LD is script data, not markup: JSON escaping applies there, and "</" must not end the script early.
        markup = re.sub(r'<script type="application/ld\+json">.*?</script>', "", text, flags=re.S)
        for raw in ("<b>", "<Sons>", "a < b", "& c", "</script> {{"):
            assert raw not in markup, (path, raw)
    # The story's own page and the pages listing every story show the title, escaped.
    for path in {story.path, "/", LISTING_PATH} & set(pages):
        assert "Blast &lt;b&gt;&quot;near&quot;&lt;/b&gt; Khar &amp; Mamund&#x27;s" in pages[path].body.decode(), path
    article = pages[story.path].body.decode("utf-8")
    assert _text_of("h1", article)[-1] == TRICKY_TITLE
    assert TRICKY_PARAGRAPH in _text_of("p", article)
    assert "<p>a &lt; b &amp; c &quot;d&quot; &#x27;e&#x27; &lt;/script&gt; {{ not_a_variable }}</p>" in article
    assert "Ali &amp; &lt;Sons&gt; &quot;Jr&quot;" in article
    for blob in re.findall(r'<script type="application/ld\+json">\n(.*?)\n</script>', article, flags=re.S):
        assert "</" not in blob
        data = json.loads(blob)
        assert (data["headline"], data["author"]["name"], data["articleSection"]) == (
            TRICKY_TITLE,
            TRICKY_AUTHOR,
            TRICKY_SECTION,
        )
    # Feeds and the sitemap are XML: they parse, and give the text back exactly as written.
    for path in (FEED_PATH, ATOM_PATH, SITEMAP_PATH):
        if path in pages:
            root = ET.fromstring(pages[path].body)
            texts = {element.text for element in root.iter()}
            assert TRICKY_TITLE in texts, path
            terms = {element.get("term") for element in root.iter()}
            assert TRICKY_SECTION in texts | terms or path == SITEMAP_PATH, path
            if path != SITEMAP_PATH:
                assert TRICKY_AUTHOR in texts, path
