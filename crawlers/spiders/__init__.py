"""Scrapy spiders, one per source kind."""
