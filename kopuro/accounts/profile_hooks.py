"""What other apps add to a member's public profile page, without accounts knowing them.

- `register_profile_gate(fn)`: `fn(profile, viewer) -> bool`, asked for every viewer but the
  owner; the page answers 404 when any gate says no (Connect: a profile held by moderation, a
  block either way).
- `register_profile_actions(fn)`: `fn(request, profile) -> list[ProfileAction]`, links shown
  under the profile's heading to a viewer who is not the owner (Connect: connect or write,
  report). For signed-in viewers they are stored with the page's content, shared by every
  member who opens the profile: they may depend on the profile and on whether the viewer is
  signed in, never on who the viewer is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ProfileAction:
    label: str
    url: str
    primary: bool = False


_gates: list[Callable[[Any, Any], bool]] = []
_actions: list[Callable[[Any, Any], list[ProfileAction]]] = []


def register_profile_gate(fn: Callable[[Any, Any], bool]) -> None:
    if fn not in _gates:
        _gates.append(fn)


def register_profile_actions(fn: Callable[[Any, Any], list[ProfileAction]]) -> None:
    if fn not in _actions:
        _actions.append(fn)


def gates_allow(profile, viewer) -> bool:
    return all(gate(profile, viewer) for gate in _gates)


def actions_for(request, profile) -> list[ProfileAction]:
    return [action for fn in _actions for action in fn(request, profile)]
