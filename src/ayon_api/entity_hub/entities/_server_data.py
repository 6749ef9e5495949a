"""Reading server entity dicts (as the getters return them)."""
from __future__ import annotations

from typing import Any

__all__ = ["own_attribs"]


def own_attribs(entity: dict[str, Any]) -> dict[str, Any]:
    """The attribute values set on the entity itself (not inherited).

    Accepts what the getters give with ``own_attributes=True``: an
    ``own_attributes`` dict, ``ownAttrib`` as a dict of values, or
    ``ownAttrib`` as the list of own attribute names beside ``attrib``.
    Without any of them every ``attrib`` value is taken as own.
    """
    own = entity.get("own_attributes")
    if isinstance(own, dict):
        return dict(own)
    own = entity.get("ownAttrib")
    if isinstance(own, dict):
        return dict(own)
    attrib = entity.get("attrib") or {}
    if isinstance(own, (list, tuple, set, frozenset)):
        names = set(own)
        return {key: value for key, value in attrib.items() if key in names}
    return dict(attrib)
