"""Why one source's crawl failed, and whether trying it again within the same run can help.

A scheduler (Airflow's retries) should try a source again only when the failure may pass within minutes:
a timeout, a 5xx, a dropped connection. A missing page (404/410), a name that does not resolve, a port where
nothing listens (the crawler already retried it twice), robots.txt saying no, a URL the crawl policy
refuses, or a source that is not (or no longer) in the sources file will fail the same way in 30 seconds:
those are permanent for this run, and the next scheduled run (15 minutes later) tries again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from crawlers.crawl import CrawlStats

# Index (feed, sitemap, listing) failures that no retry within minutes can mend. HTTP: the client errors
# that mean "not here" or "not for you"; 408 and 429 (and every 5xx) are worth another try.
PERMANENT_REASONS = frozenset(
    {
        "http_400",
        "http_401",
        "http_403",
        "http_404",
        "http_405",
        "http_410",
        "http_451",
        "dns",
        "connection_refused",
        "robots",
        "private_address",
        "off_host",
        "bad_scheme",
        "bad_url",
        "not_configured",
        "bad_configuration",
    }
)

_INDEX_ERROR = re.compile(r"^index: (?P<reason>[a-z0-9_]+)")


@dataclass
class SourceFailure(RuntimeError):
    """A source's crawl failed as a whole: `reason` is a crawl outcome reason, `permanent` says retry is futile."""

    source: str
    reason: str
    detail: str
    permanent: bool
    stats: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        RuntimeError.__init__(self, self.message)

    @property
    def message(self) -> str:
        kind = "permanent" if self.permanent else "transient"
        return f"source {self.source}: {self.reason} ({kind}): {self.detail}"

    def as_dict(self) -> dict[str, Any]:
        """What the orchestrator keeps for the run's failure report (no secrets: reasons and counts only)."""
        return {
            "source": self.source,
            "reason": self.reason,
            "detail": self.detail,
            "permanent": self.permanent,
            "failed_reasons": dict(self.stats.get("failed_reasons") or {}),
            "skipped_reasons": dict(self.stats.get("skipped_reasons") or {}),
        }


def failure_reason(stats: CrawlStats) -> str:
    """The one reason a failed source is reported under: the index's, else the crawl's (timeout, lost)."""
    error = stats.error or ""
    match = _INDEX_ERROR.match(error)
    if match:
        return match.group("reason")
    if error.startswith("timeout"):
        return "source_timeout" if "time budget" in error else "timeout"
    if "crawl process" in error:
        return "crawl_lost"
    return "error"


def is_permanent(reason: str) -> bool:
    return reason in PERMANENT_REASONS


def source_failure(stats: CrawlStats) -> SourceFailure | None:
    """The failure of a crawl whose source failed as a whole (`stats.error` set), else None."""
    if not stats.error:
        return None
    reason = failure_reason(stats)
    return SourceFailure(stats.source, reason, stats.error, is_permanent(reason), stats.as_dict())


def configuration_failure(source: str, detail: str, *, missing: bool = False) -> SourceFailure:
    """The source cannot even be crawled: not in the sources file, or the file (or a setting) is invalid."""
    return SourceFailure(source, "not_configured" if missing else "bad_configuration", detail, permanent=True)
