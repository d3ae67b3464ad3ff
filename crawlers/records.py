"""The crawl child's output: one JSON record a line on a private pipe, read by the parent as they come."""

from __future__ import annotations

import json
import os
from typing import Any

# Set in the child's Scrapy settings: the file descriptor records are written to (not stdout, which
# libraries may print on; the child points stdout at stderr).
RECORDS_FD_SETTING = "KHABAR_RECORDS_FD"


def write_record(fd: int, record: dict[str, Any]) -> None:
    """Write one record as a JSON line; the reactor is single-threaded, so lines never interleave."""
    data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    while data:
        written = os.write(fd, data)
        data = data[written:]
