"""The hub's index of cached entities and the hierarchy operations on it
(moves, deletes, children, cached values that depend on the hierarchy)."""
from __future__ import annotations

import collections
from collections.abc import Iterator
from typing import Any, DefaultDict, Optional

from ._values import _NOT_SET, PROJECT_PARENT_ID, UNKNOWN_VALUE
from .entities import BaseEntity, FolderEntity

__all__ = ["HierarchyMixin"]


class HierarchyMixin:
    """Cached entities by id and by parent id.

    ``_entities_by_parent_id`` maps a parent id to the cached entities under
    it, in the order they were added: top folders under the project name,
    the project under ``PROJECT_PARENT_ID`` and deleted entities under None
    (until the commit). Real pipeline code reads it, so it keeps this shape.
    """

    _project_name: str
    _project_entity: Any
    _entities_by_id: dict[str, BaseEntity]
    _entities_by_parent_id: DefaultDict[Any, list[BaseEntity]]

    def _init_index(self) -> None:
        self._entities_by_id = {}
        self._entities_by_parent_id = collections.defaultdict(list)

    def _fetch_entity_children(self, entity: BaseEntity) -> None:
        raise NotImplementedError

    # -- lookups --
    def get_entity_by_id(self, entity_id: Any) -> Optional[BaseEntity]:
        """A cached entity (never fetched), or None."""
        try:
            return self._entities_by_id.get(entity_id)
        except TypeError:  # unhashable id
            return None

    @property
    def entities(self) -> Iterator[BaseEntity]:
        """All cached entities (project, fetched and created ones)."""
        yield from list(self._entities_by_id.values())

    def _iter_descendants(self, entity_id: Any) -> Iterator[BaseEntity]:
        """Cached entities below ``entity_id``, parents before children."""
        queue = collections.deque([entity_id])
        seen = {entity_id}
        while queue:
            for child in list(self._entities_by_parent_id.get(queue.popleft(),
                                                              ())):
                if child.id not in seen:
                    seen.add(child.id)
                    queue.append(child.id)
                    yield child

    # -- the index --
    def _index_remove(self, entity: BaseEntity, parent_id: Any) -> None:
        siblings = self._entities_by_parent_id.get(parent_id)
        if siblings:
            for position, sibling in enumerate(siblings):
                if sibling is entity:
                    del siblings[position]
                    break

    def _index_add(self, entity: BaseEntity, parent_id: Any) -> None:
        siblings = self._entities_by_parent_id[parent_id]
        if not any(sibling is entity for sibling in siblings):
            siblings.append(entity)

    def add_entity(self, entity: BaseEntity) -> None:
        """Put an entity into the hub (replacing a cached one with its id)."""
        existing = self._entities_by_id.get(entity.id)
        if existing is not None and existing is not entity:
            self._index_remove(existing, existing.parent_id)
        self._entities_by_id[entity.id] = entity
        if existing is None:  # cannot be listed yet: skip the search
            self._entities_by_parent_id[entity.parent_id].append(entity)
        else:
            self._index_add(entity, entity.parent_id)
        if entity.parent_id is PROJECT_PARENT_ID:
            return
        parent = self.get_entity_by_id(entity.parent_id)
        if parent is not None:
            parent._add_child_id(entity.id)
            self.reset_immutable_for_hierarchy_cache(parent.id)

    # -- moves and deletes --
    def _check_new_parent(self, entity: BaseEntity, parent_id: Any) -> None:
        """TypeError/ValueError when ``parent_id`` cannot be the parent."""
        if entity.entity_type == "project":
            raise ValueError("The project has no parent to change")
        allowed = entity.parent_entity_types
        if parent_id == self._project_name:
            if "project" not in allowed:
                raise TypeError(
                    f"A {entity.entity_type} cannot be placed directly under "
                    "the project")
            return
        parent = self.get_entity_by_id(parent_id)
        if parent is None:
            return
        if parent.entity_type not in allowed:
            raise TypeError(
                f"A {entity.entity_type} cannot be a child of a "
                f"{parent.entity_type} (allowed: {', '.join(allowed)})")
        ancestor: Optional[BaseEntity] = parent
        while ancestor is not None:
            if ancestor is entity:
                raise ValueError(
                    f"Cannot move {entity.entity_type} {entity.id} under its "
                    f"own descendant {parent_id}")
            ancestor = self.get_entity_by_id(ancestor.parent_id)

    def _move(self, entity: BaseEntity, old_parent_id: Any, parent_id: Any
              ) -> None:
        self._index_remove(entity, old_parent_id)
        if entity.parent_id != old_parent_id:
            self._index_remove(entity, entity.parent_id)
        self._index_add(entity, parent_id)
        old_parent = self.get_entity_by_id(old_parent_id)
        if old_parent is not None:
            old_parent._discard_child_id(entity.id)
        new_parent = self.get_entity_by_id(parent_id)
        if new_parent is not None:
            new_parent._add_child_id(entity.id)
        entity._set_parent_id_value(parent_id)
        self.reset_immutable_for_hierarchy_cache(old_parent_id)
        self.reset_immutable_for_hierarchy_cache(entity.id)

    def set_entity_parent(self, entity_id: str, parent_id: Optional[str],
                          orig_parent_id: Any = _NOT_SET) -> None:
        """Move a cached entity under ``parent_id`` (None deletes it).

        TypeError when the parent has a type the entity cannot live under,
        ValueError when the move would make a cycle.
        """
        entity = self.get_entity_by_id(entity_id)
        if entity is None:
            parent = self.get_entity_by_id(parent_id)
            if parent is not None:
                parent._discard_child_id(entity_id)
                self.reset_immutable_for_hierarchy_cache(parent.id)
            return
        old_parent_id = entity.parent_id
        if orig_parent_id is not _NOT_SET:
            old_parent_id = orig_parent_id
        elif old_parent_id == parent_id:
            return
        if parent_id is not None:
            self._check_new_parent(entity, parent_id)
        self._move(entity, old_parent_id, parent_id)

    def unset_entity_parent(self, entity_id: str, parent_id: str) -> None:
        """Unset the parent of a cached entity if it is ``parent_id``: the
        entity becomes removed (it is deleted by the commit)."""
        parent = self.get_entity_by_id(parent_id)
        if parent is not None:
            parent._discard_child_id(entity_id)
        entity = self.get_entity_by_id(entity_id)
        if entity is not None and entity.parent_id == parent_id:
            self._move(entity, parent_id, None)
        self.reset_immutable_for_hierarchy_cache(parent_id)

    def delete_entity(self, entity: BaseEntity) -> None:
        """Mark an entity deleted; the commit deletes it and its cached
        children on the server (new ones are just dropped)."""
        if entity.entity_type == "project":
            raise ValueError("The project cannot be deleted through the hub")
        parent_id = entity.parent_id
        if parent_id is None:
            return
        if self.get_entity_by_id(entity.id) is not entity:
            entity._set_parent_id_value(None)
            return
        self.unset_entity_parent(entity.id, parent_id)

    # -- children --
    def get_entity_children(self, entity: BaseEntity, allow_fetch: bool = True
                            ) -> Any:
        """Children of ``entity``; fetched from the server when not known
        yet (``allow_fetch``), else UNKNOWN_VALUE."""
        if entity.get_children_ids(allow_fetch=False) is UNKNOWN_VALUE:
            if not allow_fetch:
                return UNKNOWN_VALUE
            self._fetch_entity_children(entity)
        return entity.get_children(allow_fetch=False)

    # -- caches depending on the hierarchy --
    def reset_immutable_for_hierarchy_cache(self, entity_id: Optional[str],
                                            bottom_to_top: Any = True) -> None:
        """Forget ``immutable_for_hierarchy`` of ``entity_id`` and of its
        parents (``bottom_to_top``) or of its children (False)."""
        if bottom_to_top is None or entity_id is None:
            return
        entity = self.get_entity_by_id(entity_id)
        if entity is None:
            return
        if bottom_to_top:
            seen = set()
            while entity is not None and entity.id not in seen:
                seen.add(entity.id)
                entity.reset_immutable_for_hierarchy_cache(None)
                entity = self.get_entity_by_id(entity.parent_id)
            return
        entity.reset_immutable_for_hierarchy_cache(None)
        for child in self._iter_descendants(entity.id):
            child.reset_immutable_for_hierarchy_cache(None)

    def folder_path_reseted(self, folder_id: str) -> None:
        """Forget the cached paths below ``folder_id`` (called by a folder
        whose path changed)."""
        for child in self._iter_descendants(folder_id):
            if isinstance(child, FolderEntity):
                child._path = None
