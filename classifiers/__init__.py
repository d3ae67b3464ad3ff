"""Labelling of articles: event and attack type, group, place, casualties."""
