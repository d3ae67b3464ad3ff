"""Spider for sources whose index is an HTML section or listing page."""

from __future__ import annotations

from scrapy.http import Response

from crawlers.discovery import Discovery, parse_listing
from crawlers.spiders.base import SourceSpider


class ListingSpider(SourceSpider):
    def read_index(self, response: Response) -> Discovery:
        return parse_listing(response.body, response.url)
