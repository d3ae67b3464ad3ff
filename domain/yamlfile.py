"""Reading the project's YAML data files: `yaml.safe_load` on libyaml's parser where PyYAML has it.

The rules' vocabularies, the gazetteer and the group table are parsed at every process start; the pure-Python
parser took about 1.2 s of a `khabar classify` run's start-up for them, libyaml about 0.15 s. Both build the
same data from every data file in the repository (checked in tests/unit/test_yamlfile.py).
"""

from __future__ import annotations

from typing import IO, Any

import yaml

LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(stream: str | bytes | IO[str] | IO[bytes]) -> Any:
    """Like `yaml.safe_load`, with the fastest safe loader available."""
    return yaml.load(stream, Loader=LOADER)
