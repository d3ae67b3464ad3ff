"""The HTML report's content from a known warehouse (both databases): escaping, no outside references, numbers."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from html import unescape
from pathlib import Path

import pytest
from warehouse_fixture import HOSTILE_TITLE, HOSTILE_URL, fill_warehouse

from khabar import report
from warehouse.db import WarehouseError
from warehouse.filters import IncidentFilter

NOW = datetime(2026, 4, 10, 6, 0, tzinfo=UTC)


@pytest.fixture
def warehouse(db_url: str) -> str:
    fill_warehouse(db_url)
    return db_url


def build(db_url: str, tmp_path: Path, filters: IncidentFilter | None = None, **kwargs: object) -> str:
    written = report.build_report(db_url, tmp_path / "report.html", filters, now=NOW, **kwargs)  # type: ignore[arg-type]
    html = written.path.read_text(encoding="utf-8")
    assert written.bytes == len(html.encode("utf-8"))
    return html


def test_report_is_self_contained_and_escapes_article_text(warehouse: str, tmp_path: Path) -> None:
    html = build(warehouse, tmp_path)
    assert "<script" not in html.lower() and "@import" not in html and "url(" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Blast &amp; &#34;panic&#34; in Quetta" in html
    assert HOSTILE_TITLE not in html
    references = re.findall(r'\b(?:href|src)="([^"]*)"', html)
    assert references and all(ref.startswith(("https://", "data:")) for ref in references), references
    assert 'href="javascript' not in html and HOSTILE_URL in html  # shown as text, never a link
    assert "default-src 'none'" in html  # the browser refuses any load we might add by mistake


def test_report_has_charts_map_table_and_quality(warehouse: str, tmp_path: Path) -> None:
    html = build(warehouse, tmp_path)
    assert html.count('<svg class="chart"') == 3 * 3 + 2  # 3 dimensions x attacks/killed/injured, operations row
    assert html.count('class="province"') == 7
    assert html.count('class="incident"') == 5  # Peshawar, Quetta, Bannu, North Waziristan, Kech; Sindh has none
    assert 'class="partial"' in html  # April is under way on 10 April
    assert html.count('<tr id="incident-') == 6
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    assert "attacks with no known group 2 of 5 (40%)" in text
    assert "attacks with no death toll 1 of 5 (20%)" in text
    assert "incidents without a district 1" in text and "incidents with confidence < 0.5 1" in text
    assert "sources failing tribune" in text and "tribune: http_503 4" in text
    assert "2026-01-10 to 2026-04-10 (to date)" in text and "charts per week" in text  # 90 days: weeks
    assert "echarts-countries-pypkg" in text


def test_report_filters_and_period(warehouse: str, tmp_path: Path) -> None:
    html = build(warehouse, tmp_path, IncidentFilter(provinces=("Balochistan",), limit=1), period="week")
    assert "province Balochistan" in html and "charts per week" in html
    assert re.findall(r'<tr id="incident-(\d+)"', html) == ["45"]  # --limit: rows of the latest table
    assert "Showing 1 of 2 incident(s)" in html
    empty = build(warehouse, tmp_path, IncidentFilter(provinces=("Punjab",)))
    assert "No incidents match (province Punjab)" in empty and '<svg class="chart"' not in empty


def test_map_without_boundaries_is_a_plain_frame(
    warehouse: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report, "load_boundaries", lambda: None)
    html = build(warehouse, tmp_path)
    assert 'class="province"' not in html and 'class="frame"' in html and "plain" in html
    assert html.count('class="incident"') == 5


def test_write_report_for_the_daily_dag(warehouse: str, tmp_path: Path) -> None:
    path = report.write_report(
        warehouse, tmp_path / "daily" / "report-2026-03.html", date(2026, 3, 1), date(2026, 3, 31)
    )
    html = path.read_text(encoding="utf-8")
    assert path == tmp_path / "daily" / "report-2026-03.html"
    assert re.findall(r'<tr id="incident-(\d+)"', html) == ["44", "43", "42"]


def test_report_refuses_a_missing_sqlite_file(tmp_path: Path) -> None:
    with pytest.raises(WarehouseError, match="no warehouse at"):
        report.write_report(f"sqlite:///{tmp_path / 'missing.sqlite'}", tmp_path / "r.html")
    assert not (tmp_path / "missing.sqlite").exists() and not (tmp_path / "r.html").exists()
