"""A registry through which each app adds its part to a member's data export.

An app registers `register_export_section("connections", fn)` in its AppConfig.ready(); `fn(user)`
returns JSON-serialisable data.
"""

from collections.abc import Callable, Iterator
from typing import Any

_sections: dict[str, Callable[[Any], Any]] = {}


def register_export_section(name: str, fn: Callable[[Any], Any]) -> None:
    _sections[name] = fn


def export_sections(user) -> Iterator[tuple[str, Any]]:
    for name, fn in _sections.items():
        yield name, fn(user)
