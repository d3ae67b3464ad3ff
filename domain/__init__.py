"""Shared domain types of khabar: taxonomy, records, gazetteer and alias tables, settings.

This package imports nothing else of the project; every other package may import it.
"""
