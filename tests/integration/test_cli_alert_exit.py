"""`khabar run` exits with status 3 when an alert could not be delivered (and 0 once it was)."""

from __future__ import annotations

from pathlib import Path

import pytest
from httpfixture import FixtureServer, Route, news_page

from khabar.cli import EXIT_ALERTS_FAILED, main
from khabar.webhook_sink import WebhookSink

ATTACK = (
    "Four policemen martyred in attack on Bannu checkpoint",
    "BANNU: Four policemen were martyred and three others injured when militants attacked a police checkpoint "
    "in the Domel area of Bannu district late on Monday night, officials said. The attackers used heavy "
    "weapons and fled after an exchange of fire lasting an hour.",
)


@pytest.mark.slow
def test_run_exits_3_while_an_alert_cannot_be_delivered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with FixtureServer() as site, WebhookSink(status=503) as sink:
        site.routes["/feed.xml"] = Route(
            f"<rss version='2.0'><channel><title>t</title><item><title>{ATTACK[0]}</title>"
            f"<link>{site.base}/news/1</link></item></channel></rss>".encode(),
            content_type="application/rss+xml",
        )
        site.routes["/news/1"] = Route(news_page(*ATTACK, "2026-11-02T23:10:00+05:00"))
        sources = tmp_path / "sources.yaml"
        sources.write_text(f"sources:\n  - {{name: herald, kind: feed, url: '{site.base}/feed.xml'}}\n")
        for key, value in {
            "KHABAR_ALERT_WEBHOOK_URL": sink.url,
            "KHABAR_ALERT_MIN_CONFIDENCE": "0",
            "KHABAR_CRAWL_DELAY_S": "0",
            "KHABAR_DATA_DIR": str(tmp_path / "data"),
        }.items():
            monkeypatch.setenv(key, value)
        db = f"sqlite:///{tmp_path / 'w.sqlite'}"
        assert main(["run", "--sources", str(sources), "--db", db]) == EXIT_ALERTS_FAILED == 3
        assert "1 alert(s) could not be delivered" in capsys.readouterr().err
        sink.status = 200
        assert main(["run", "--sources", str(sources), "--db", db]) == 0
        assert len(sink.received) == 1
