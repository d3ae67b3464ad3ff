"""The crawl child's output: one JSON record a line on a private pipe, read by the parent as they come."""

from __future__ import annotations

import json
import os
from enum import StrEnum
from typing import Any

# Set in the child's Scrapy settings: the file descriptor records are written to (not stdout, which
# libraries may print on; the child points stdout at stderr).
RECORDS_FD_SETTING = "KHABAR_RECORDS_FD"


class RecordType(StrEnum):
    """What a record tells the parent (its `type`)."""

    INDEX = "index"  # a source's feed, sitemap or listing was read (or failed)
    LINK = "link"  # an article link was found: its `outcome`
    ARTICLE = "article"  # an article was fetched and extracted
    ARTICLE_FAILED = "article_failed"  # ... or failed for a `reason` that may pass (retried later)
    ARTICLE_SKIPPED = "article_skipped"  # ... or was not kept for a `reason` that will not pass
    DONE = "done"  # the source's spider closed


class LinkOutcome(StrEnum):
    """What became of a found link; any other outcome is a refusal reason (skipped, counted by name)."""

    NEW = "new"  # requested
    RETRY = "retry"  # requested again: its fetch failed on an earlier run
    KNOWN = "known"  # stored already
    QUEUED = "queued"  # requested already in this crawl (by this or another source of the site)
    CLAIMED = "claimed"  # being fetched by another crawl (warehouse URL claims)
    NOT_ARTICLE = "not_article"  # fails the source's link pattern


def write_record(fd: int, record: dict[str, Any]) -> None:
    """Write one record as a JSON line; the reactor is single-threaded, so lines never interleave."""
    data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    while data:
        written = os.write(fd, data)
        data = data[written:]
