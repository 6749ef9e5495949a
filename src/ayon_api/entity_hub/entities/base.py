"""``BaseEntity``: what every entity of the hub has — identity, its place
in the hierarchy, attributes, data and the tracked simple fields."""
from __future__ import annotations

import copy
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Optional, Union

from ...utils import convert_entity_id, create_entity_id
from .._values import PROJECT_PARENT_ID, UNKNOWN_VALUE, copy_value
from ..attributes import Attributes
from ..data import EntityData

if TYPE_CHECKING:
    from .._values import EntityType
    from ..hub import EntityHub

__all__ = ["BaseEntity"]

_HEX_ID = re.compile(r"[0-9a-f]{32}")
# Simple fields every entity type may track: field name -> key in the body.
_COMMON_FIELDS = (
    ("name", "name", "_supports_name"),
    ("label", "label", "_supports_label"),
    ("status", "status", "_supports_status"),
    ("tags", "tags", "_supports_tags"),
    ("thumbnail_id", "thumbnailId", "_supports_thumbnail"),
)


class BaseEntity(ABC):
    """An entity of the hub: server values plus local, uncommitted changes.

    Values given at construction are taken as the server's (the baseline of
    ``changes``) unless the entity is ``created`` (new, not yet on the
    server). ``lock()`` makes the current values the baseline. Changes of
    the parent go through the hub, which keeps the hierarchy index.
    """

    _supports_name = False
    _supports_label = False
    _supports_status = False
    _supports_tags = False
    _supports_thumbnail = False
    #: Key of the parent id in an update body (None: the type has no parent).
    _parent_key: ClassVar[Optional[str]] = None
    #: Type specific tracked fields: field name -> key in the body.
    _type_fields: ClassVar[tuple[tuple[str, str], ...]] = ()

    def __init__(
        self,
        entity_id: Optional[str] = None,
        parent_id: Any = UNKNOWN_VALUE,
        attribs: Optional[dict[str, Any]] = None,
        data: Any = UNKNOWN_VALUE,
        active: Any = UNKNOWN_VALUE,
        created: Optional[bool] = None,
        entity_hub: Optional[EntityHub] = None,
        name: Optional[str] = None,
        label: Optional[str] = None,
        status: Any = UNKNOWN_VALUE,
        tags: Optional[Iterable[str]] = None,
        thumbnail_id: Any = UNKNOWN_VALUE,
    ) -> None:
        if entity_hub is None:
            raise ValueError("Missing required argument 'entity_hub'")
        self._entity_hub: EntityHub = entity_hub
        if created is None:
            created = entity_id is None
        if not created and parent_id is UNKNOWN_VALUE:
            raise ValueError(
                f"An existing {self.entity_type} needs its parent id")
        self._entity_id = self._prepare_entity_id(entity_id)
        self._created = bool(created)
        self._parent_id = parent_id
        self._orig_parent_id = parent_id
        self._children_ids: Any = set() if created else UNKNOWN_VALUE
        if data is None or (data is UNKNOWN_VALUE and created):
            data = EntityData()
        elif data is not UNKNOWN_VALUE:
            data = EntityData(data)
        self._data: Any = data
        self._attribs = Attributes(
            self._get_attributes_for_type(self.entity_type), attribs)
        self._fields: dict[str, Any] = {}
        self._orig_fields: dict[str, Any] = {}
        self._init_field("active", active)
        self._init_field("name", name)
        self._init_field("label", label)
        self._init_field("status", status)
        self._init_field("tags", list(tags) if tags is not None else [])
        self._init_field("thumbnail_id", thumbnail_id)
        self._immutable_for_hierarchy_cache: Optional[bool] = None

    def _init_field(self, field: str, value: Any) -> None:
        self._fields[field] = value
        self._orig_fields[field] = copy_value(value)

    def _prepare_entity_id(self, entity_id: Any) -> str:
        if entity_id is None:
            return create_entity_id()
        if isinstance(entity_id, str) and _HEX_ID.fullmatch(entity_id):
            return entity_id
        converted = convert_entity_id(entity_id)
        if converted is None:
            raise ValueError(
                f"Invalid entity id {entity_id!r}: expected 32 hex characters")
        return converted

    def __repr__(self) -> str:
        return f"<{self.__class__.__name__} - {self.id}>"

    def __getitem__(self, item: str) -> Any:
        return getattr(self, item)

    def __setitem__(self, item: str, value: Any) -> None:
        setattr(self, item, value)

    # -- identity --
    @property
    def id(self) -> str:
        """Id of the entity on the server."""
        return self._entity_id

    @property
    @abstractmethod
    def entity_type(self) -> EntityType:
        """"project", "folder", "task", "product" or "version"."""

    @property
    @abstractmethod
    def parent_entity_types(self) -> list[EntityType]:
        """Entity types the parent may have."""

    @property
    def project_name(self) -> str:
        return self._entity_hub.project_name

    @property
    def created(self) -> bool:
        """The entity is new: it is created on the server by the commit."""
        return self._created

    @property
    def removed(self) -> bool:
        """The entity is deleted (its parent was unset)."""
        return self._parent_id is None

    def get_active(self) -> Any:
        return self._fields["active"]

    def set_active(self, active: bool) -> None:
        self._fields["active"] = active

    active = property(get_active, set_active)

    @property
    def attribs(self) -> Attributes:
        """Attribute values (a mapping; None means "no own value")."""
        return self._attribs

    @property
    def data(self) -> Any:
        """Custom data (``EntityData``), UNKNOWN_VALUE when not fetched."""
        return self._data

    def _get_attributes_for_type(self, entity_type: str) -> dict[str, Any]:
        return self._entity_hub.get_attributes_for_type(entity_type)

    # -- hierarchy --
    @property
    def orig_parent_id(self) -> Any:
        """Parent id on the server (as of the last lock)."""
        return self._orig_parent_id

    def get_parent_id(self) -> Any:
        """Parent id; None when removed, UNKNOWN_VALUE when not known."""
        return self._parent_id

    def set_parent_id(self, parent_id: Optional[str]) -> None:
        """Move the entity under ``parent_id`` (None deletes it)."""
        if parent_id == self._parent_id:
            return
        if self._entity_hub.get_entity_by_id(self.id) is self:
            self._entity_hub.set_entity_parent(self.id, parent_id)
        else:
            self._set_parent_id_value(parent_id)

    parent_id = property(get_parent_id, set_parent_id)

    def _set_parent_id_value(self, parent_id: Any) -> None:
        """Record a new parent (the hub keeps its index itself)."""
        self._parent_id = parent_id
        self._on_parent_changed()

    def _on_parent_changed(self) -> None:  # noqa: B027
        """Hook of subclasses whose values depend on the parent."""

    def get_parent(self, allow_fetch: bool = True) -> Any:
        """Parent entity; fetched when not in the hub (``allow_fetch``).

        None when removed or not available, UNKNOWN_VALUE when the parent id
        is not known.
        """
        parent_id = self._parent_id
        if parent_id is UNKNOWN_VALUE:
            return UNKNOWN_VALUE
        if parent_id is None or parent_id is PROJECT_PARENT_ID:
            return None
        hub = self._entity_hub
        parent = hub.get_entity_by_id(parent_id)
        if parent is not None or not allow_fetch:
            return parent
        return hub.get_or_fetch_entity_by_id(
            parent_id, list(self.parent_entity_types))

    def set_parent(self, parent: Optional[BaseEntity]) -> None:
        """Move the entity under ``parent`` (None deletes it)."""
        self.set_parent_id(None if parent is None else parent.id)

    parent = property(get_parent, set_parent)

    def get_children_ids(self, allow_fetch: bool = True) -> Any:
        """Ids of the children; fetched when not known yet (``allow_fetch``),
        else UNKNOWN_VALUE."""
        if self._children_ids is UNKNOWN_VALUE:
            if not allow_fetch:
                return UNKNOWN_VALUE
            self._entity_hub.get_entity_children(self, True)
            if self._children_ids is UNKNOWN_VALUE:
                return UNKNOWN_VALUE
        return set(self._children_ids)

    children_ids = property(get_children_ids)

    def get_children(self, allow_fetch: bool = True) -> Any:
        """Child entities; UNKNOWN_VALUE when unknown and not fetched."""
        children_ids = self.get_children_ids(allow_fetch)
        if children_ids is UNKNOWN_VALUE:
            return UNKNOWN_VALUE
        hub = self._entity_hub
        # In the order they were added to the hub.
        children = [child for child in hub._entities_by_parent_id.get(self.id, ())
                    if child.id in children_ids]
        for child_id in children_ids - {child.id for child in children}:
            child = hub.get_entity_by_id(child_id)
            if child is not None:
                children.append(child)
        return children

    children = property(get_children)

    def add_child(self, child: Union[BaseEntity, str]) -> None:
        """Move ``child`` (entity or id) under this entity."""
        child_id = child.id if isinstance(child, BaseEntity) else child
        self._add_child_id(child_id)
        self._entity_hub.set_entity_parent(child_id, self.id)

    def remove_child(self, child: Union[BaseEntity, str]) -> None:
        """Unset the parent of ``child`` (it is deleted by the commit)."""
        child_id = child.id if isinstance(child, BaseEntity) else child
        self._discard_child_id(child_id)
        self._entity_hub.unset_entity_parent(child_id, self.id)

    def fill_children_ids(self, children_ids: Iterable[str]) -> None:
        """Set the known children (used by the hub after a fetch)."""
        self._children_ids = set(children_ids)

    def _add_child_id(self, child_id: str) -> None:
        if self._children_ids is not UNKNOWN_VALUE:
            self._children_ids.add(child_id)

    def _discard_child_id(self, child_id: str) -> None:
        if self._children_ids is not UNKNOWN_VALUE:
            self._children_ids.discard(child_id)

    @property
    def immutable_for_hierarchy(self) -> bool:
        """Renaming or moving the entity is not allowed: it or one of its
        children has published content. Children may be fetched."""
        cached = self._immutable_for_hierarchy_cache
        if cached is not None:
            return cached
        value = self._immutable_for_hierarchy
        if value is None:
            children = self._entity_hub.get_entity_children(self)
            value = children is not UNKNOWN_VALUE and any(
                child.immutable_for_hierarchy for child in children)
        self._immutable_for_hierarchy_cache = bool(value)
        return bool(value)

    @property
    def _immutable_for_hierarchy(self) -> Optional[bool]:
        """True when the entity itself is immutable, None to ask children."""
        return None

    @property
    def has_cached_immutable_hierarchy(self) -> bool:
        return self._immutable_for_hierarchy_cache is not None

    def reset_immutable_for_hierarchy_cache(self, bottom_to_top: Any = True
                                            ) -> None:
        """Forget ``immutable_for_hierarchy`` here and up the hierarchy
        (``bottom_to_top``) or down it (False); None resets only here."""
        self._immutable_for_hierarchy_cache = None
        if bottom_to_top is not None:
            self._entity_hub.reset_immutable_for_hierarchy_cache(
                self.id, bottom_to_top)

    # -- simple fields --
    def _require(self, flag: bool, what: str) -> None:
        if not flag:
            raise NotImplementedError(
                f"{what} is not supported for '{self.entity_type}'.")

    def get_name(self) -> Optional[str]:
        self._require(self._supports_name, "Name")
        return self._fields["name"]

    def set_name(self, name: str) -> None:
        self._require(self._supports_name, "Name")
        if not isinstance(name, str):
            raise TypeError(f"Name must be a string, got {name!r}")
        self._fields["name"] = name

    name = property(get_name, set_name)

    def get_label(self) -> Optional[str]:
        self._require(self._supports_label, "Label")
        return self._fields["label"]

    def set_label(self, label: Optional[str]) -> None:
        self._require(self._supports_label, "Label")
        self._fields["label"] = label

    label = property(get_label, set_label)

    def get_status(self) -> Any:
        """Status name, UNKNOWN_VALUE when not known."""
        self._require(self._supports_status, "Status")
        return self._fields["status"]

    def set_status(self, status_name: str) -> None:
        """Set a status of the project (matched ignoring case and
        punctuation); ValueError when the project has no such status or it
        does not apply to this entity type."""
        self._require(self._supports_status, "Status")
        project_entity = self._entity_hub.project_entity
        status = project_entity.get_status_by_slugified_name(status_name)
        if status is None:
            raise ValueError(
                f"Status '{status_name}' is not available on project "
                f"'{self.project_name}'.")
        if not status.is_available_for_entity_type(self.entity_type):
            raise ValueError(
                f"Status '{status_name}' is not available for "
                f"{self.entity_type} entities.")
        self._fields["status"] = status.name

    status = property(get_status, set_status)

    def get_tags(self) -> list[str]:
        self._require(self._supports_tags, "Tags")
        return self._fields["tags"]

    def set_tags(self, tags: Iterable[str]) -> None:
        self._require(self._supports_tags, "Tags")
        self._fields["tags"] = list(tags)

    tags = property(get_tags, set_tags)

    def get_thumbnail_id(self) -> Any:
        self._require(self._supports_thumbnail, "Thumbnail")
        return self._fields["thumbnail_id"]

    def set_thumbnail_id(self, thumbnail_id: Optional[str]) -> None:
        self._require(self._supports_thumbnail, "Thumbnail")
        self._fields["thumbnail_id"] = thumbnail_id

    thumbnail_id = property(get_thumbnail_id, set_thumbnail_id)

    # -- changes --
    def _tracked_fields(self) -> list[tuple[str, str]]:
        """(field, body key) pairs compared by ``changes``."""
        fields = [("active", "active")]
        fields.extend(
            (field, key) for field, key, flag in _COMMON_FIELDS
            if getattr(self, flag))
        fields.extend(self._type_fields)
        return fields

    @staticmethod
    def _label_value(label: Any, name: Any) -> Optional[str]:
        """The label as stored: None when empty or equal to the name."""
        if not label or label == name:
            return None
        return str(label)

    def _get_label_value(self) -> Optional[str]:
        return self._label_value(self._fields["label"], self._fields["name"])

    def _body_value(self, field: str, fields: dict[str, Any]) -> Any:
        """A field's value as sent to the server."""
        if field == "label":
            return self._label_value(fields["label"], fields["name"])
        value = fields[field]
        if isinstance(value, (set, frozenset)):
            return sorted(value)
        return value

    def _parent_body_value(self, parent_id: Any) -> Any:
        return parent_id

    @property
    def changes(self) -> dict[str, Any]:
        """``{body key: new value}`` of everything changed since the lock."""
        changes: dict[str, Any] = {}
        if isinstance(self._data, EntityData):
            data_changes = self._data.get_changes()
            if data_changes:
                changes["data"] = data_changes
        attrib_changes = self._attribs.changes
        if attrib_changes:
            changes["attrib"] = attrib_changes
        for field, key in self._tracked_fields():
            value = self._body_value(field, self._fields)
            if value is UNKNOWN_VALUE:
                continue
            if value != self._body_value(field, self._orig_fields):
                changes[key] = copy.deepcopy(value)
        if self._parent_key and self._parent_id != self._orig_parent_id:
            changes[self._parent_key] = self._parent_body_value(self._parent_id)
        return changes

    def _apply_server_defaults(self, default_status: Optional[str]) -> None:
        """After its creation, take the values the server gave a new entity
        for what was left unknown."""
        if self._fields["active"] is UNKNOWN_VALUE:
            self._fields["active"] = True
        if self._fields["thumbnail_id"] is UNKNOWN_VALUE:
            self._fields["thumbnail_id"] = None
        if self._fields["status"] is UNKNOWN_VALUE and default_status:
            self._fields["status"] = default_status

    def lock(self) -> None:
        """Take the current values as the server's (after a commit)."""
        self._orig_parent_id = self._parent_id
        self._orig_fields = {
            field: copy_value(value) for field, value in self._fields.items()}
        if isinstance(self._data, EntityData):
            self._data.lock()
        self._attribs.lock()
        self._immutable_for_hierarchy_cache = None
        self._created = False

    # -- conversion --
    @classmethod
    @abstractmethod
    def from_entity_data(cls, entity_data: dict[str, Any],
                         entity_hub: EntityHub) -> BaseEntity:
        """Entity from a server dict (as the getters return it)."""

    @abstractmethod
    def to_create_body_data(self) -> dict[str, Any]:
        """Body of the operation creating the entity on the server."""

    def _required_parent_id(self, what: str) -> Any:
        if self._parent_id is UNKNOWN_VALUE or self._parent_id is None:
            raise ValueError(
                f"{self.entity_type.capitalize()} {self.id} has no "
                f"'{what}' set")
        return self._parent_id

    def _fill_create_body(self, output: dict[str, Any]) -> dict[str, Any]:
        """Add the optional common values that are known and not empty."""
        if self._supports_label:
            label = self._get_label_value()
            if label:
                output["label"] = label
        attrib = self._attribs.to_dict()
        if attrib:
            output["attrib"] = attrib
        if self._supports_tags and self._fields["tags"]:
            output["tags"] = list(self._fields["tags"])
        status = self._fields["status"]
        if self._supports_status and status and status is not UNKNOWN_VALUE:
            output["status"] = status
        if self._fields["active"] is not UNKNOWN_VALUE:
            output["active"] = self._fields["active"]
        thumbnail_id = self._fields["thumbnail_id"]
        if (self._supports_thumbnail and thumbnail_id is not None
                and thumbnail_id is not UNKNOWN_VALUE):
            output["thumbnailId"] = thumbnail_id
        if isinstance(self._data, EntityData):
            data = self._data.get_new_entity_value()
            if data:
                output["data"] = data
        return output
