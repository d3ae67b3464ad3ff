"""Spider for sources whose index is an RSS or Atom feed."""

from __future__ import annotations

from scrapy.http import Response

from crawlers.discovery import Discovery, parse_feed
from crawlers.spiders.base import SourceSpider


class FeedSpider(SourceSpider):
    def read_index(self, response: Response) -> Discovery:
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1") or None
        return parse_feed(response.body, response.url, content_type)
