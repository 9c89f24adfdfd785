"""Registries through which each app takes part in a member's data rights.

- Export: an app registers `register_export_section("connections", fn)` in its
  AppConfig.ready(); `fn(user)` returns JSON-serialisable data for the archive.
- Deletion: an app that keeps personal data registers `register_erasure(fn)`; `fn(user)` runs
  inside `account_delete`'s transaction and erases (or anonymises) that app's data.
"""

from collections.abc import Callable, Iterator
from typing import Any

_sections: dict[str, Callable[[Any], Any]] = {}


def register_export_section(name: str, fn: Callable[[Any], Any]) -> None:
    _sections[name] = fn


def export_sections(user) -> Iterator[tuple[str, Any]]:
    for name, fn in _sections.items():
        yield name, fn(user)


_erasures: list[Callable[[Any], None]] = []


def register_erasure(fn: Callable[[Any], None]) -> None:
    if fn not in _erasures:
        _erasures.append(fn)


def run_erasures(user) -> None:
    for fn in _erasures:
        fn(user)
