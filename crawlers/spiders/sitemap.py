"""Spider for sources whose index is a (Google News) sitemap or a sitemap index."""

from __future__ import annotations

from scrapy.http import Response

from crawlers.discovery import Discovery, parse_sitemap
from crawlers.spiders.base import SourceSpider


class SitemapSpider(SourceSpider):
    def read_index(self, response: Response) -> Discovery:
        return parse_sitemap(response.body, response.url)
