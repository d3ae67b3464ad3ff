"""Discovery (feeds, sitemaps, listing pages), fetching with Scrapy, and article extraction."""
