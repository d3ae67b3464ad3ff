"""`khabar demo`: the whole pipeline, offline, against the bundled sample news site on 127.0.0.1."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from crawlers.crawl import CrawlSettings
from domain.settings import get_settings
from khabar.demo_score import score_demo
from khabar.output import OutputFormat, render

# The sample site is ours and local: no politeness delay needed, short timeouts keep the demo snappy.
# The demo sites run on this machine, so the demo allows loopback addresses (production allows none).
DEMO_CRAWL = CrawlSettings(
    download_delay=0.0, autothrottle=False, per_host_concurrency=8, timeout_s=10.0, allow_networks=("127.0.0.0/8",)
)


def run_demo(db_url: str | None, echo: Callable[[str], None] = print) -> None:
    from khabar.cli import TREND_COLUMNS, print_run_report
    from khabar.demo.site import DemoSite
    from khabar.pipeline import incidents_since, run_once, trend_rows
    from khabar.webhook_sink import WebhookSink

    settings = get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    if db_url is None:
        demo_db = settings.data_dir / "demo.sqlite"
        demo_db.unlink(missing_ok=True)  # a fresh warehouse each time: the site's ports change per run
        db_url = f"sqlite:///{demo_db}"
    started = time.monotonic()
    with DemoSite.start() as site, WebhookSink() as sink:
        sources_file = site.write_sources(settings.data_dir / "demo-sources.yaml")
        echo(f"sample news site: {', '.join(sorted({p.base_url for p in site.publishers}))}")
        # Demo alerts go to the local sink only, never to a subscriber channel configured in the environment.
        alert_settings = settings.model_copy(update={"alert_webhook_url": sink.url, "smtp_host": None})
        report = run_once(sources_file, db_url, crawl_settings=DEMO_CRAWL, alert_settings=alert_settings, progress=echo)
        received = len(sink.received)
        stories = list(site.stories)
    echo("")
    print_run_report(report)
    echo("")
    echo(render(trend_rows(db_url, "province", "month", None), TREND_COLUMNS, OutputFormat.TABLE,
                title="attacks by province per month"))  # fmt: skip
    newest = [row.as_dict() for row in incidents_since(db_url, None)][:12]
    for row in newest:
        row["reports"] = len(row.get("sources") or [])
        row["type"] = row.get("attack_type") or str(row.get("event_type", "")).replace("_", " ")
    columns = ["id", "occurred_on", "province", "district", "type", "group", "claimed", "killed", "injured"]
    columns += ["militants_killed", "reports"]
    echo(render(newest, columns, OutputFormat.TABLE, title="newest incidents"))
    echo(f"alerts received by the local webhook: {received}")
    for line in score_demo(db_url, stories).lines():
        echo(line)
    echo(f"demo finished in {time.monotonic() - started:.1f} s; warehouse: {db_url}")
    echo(f"try: khabar incidents --db {db_url} --format json")
    if Path(sources_file).exists():
        echo(f"(sources file used: {sources_file})")
