"""Containers of an entity with change tracking: custom data, assignees."""
from __future__ import annotations

import copy
from typing import Any

__all__ = ["Assignees", "EntityData"]


class EntityData(dict):
    """The free-form ``data`` of an entity: a dict that knows its changes.

    The server merges data updates key by key, so a change is sent per
    top-level key; a removed key is sent as ``None`` (which removes it on the
    server). To store a ``None`` value, nest it (``{"info": {"x": None}}``).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._orig_data = copy.deepcopy(dict(self))

    def get_changes(self) -> dict[str, Any]:
        """``{key: new value}`` since the lock; removed keys map to None."""
        changes = {
            key: value
            for key, value in self.items()
            if key not in self._orig_data or self._orig_data[key] != value
        }
        for key in self._orig_data:
            if key not in self:
                changes[key] = None
        return changes

    def get_new_entity_value(self) -> dict[str, Any]:
        """The data to create an entity with (keys with None left out)."""
        return {key: value for key, value in self.items() if value is not None}

    def lock(self) -> None:
        """Take the current content as the saved one."""
        self._orig_data = copy.deepcopy(dict(self))

    def __deepcopy__(self, memo: Any) -> EntityData:
        clone = EntityData(copy.deepcopy(dict(self), memo))
        clone._orig_data = copy.deepcopy(self._orig_data, memo)
        return clone


class Assignees(set):
    """User names assigned to a task: a set that also has ``append``
    (assignees used to be a list)."""

    def append(self, item: str) -> None:
        self.add(item)
