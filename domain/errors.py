"""The root of khabar's own errors: expected failures whose message is one line, safe to show the user."""

from __future__ import annotations


class KhabarError(Exception):
    """An expected failure (bad input, an unusable warehouse, a crawl that could not run), told in one line.

    The command line prints it as `khabar: <label>: <message>` and exits with `exit_code`; tracebacks are for
    everything else.
    """

    exit_code = 2
    label = "error"
