"""khabar: news monitoring for militant attacks in Pakistan (CLI and the one-run pipeline)."""

__version__ = "0.1.0"
