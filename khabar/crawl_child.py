"""The crawl child khabar runs (`python -m khabar.crawl_child`): the crawler's child with the warehouse's URL claims.

The crawler knows no warehouse; this entry point joins the two, so each article URL is claimed in the
warehouse before it is fetched (two sources on one host, in any process, fetch a story once).
"""

from __future__ import annotations

import sys
from datetime import timedelta
from typing import Any

from crawlers.crawl import ClaimStore, child_main


def claim_store(settings: dict[str, Any]) -> ClaimStore | None:
    """The warehouse's URL claims for this crawl, when the job names a warehouse and a run."""
    if not settings.get("claims_db_url") or not settings.get("claims_run_id"):
        return None
    from warehouse.claims import ClaimStore as WarehouseClaims

    ttl = timedelta(seconds=float(settings["claim_ttl_s"]))
    return WarehouseClaims(str(settings["claims_db_url"]), str(settings["claims_run_id"]), ttl)


if __name__ == "__main__":
    sys.exit(child_main(claim_store))
