"""``FolderEntity``: episodes, sequences, shots, assets..."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Optional

from .._values import UNKNOWN_VALUE
from ._server_data import own_attribs
from .base import BaseEntity

if TYPE_CHECKING:
    from .._values import EntityType
    from ..hub import EntityHub

__all__ = ["FolderEntity"]


class FolderEntity(BaseEntity):
    """A folder; its parent is another folder or the project (whose id is
    the project name). ``path`` follows renames and moves."""

    _supports_name = True
    _supports_label = True
    _supports_tags = True
    _supports_status = True
    _supports_thumbnail = True
    _parent_key = "parentId"
    _type_fields = (("folder_type", "folderType"),)

    entity_type: ClassVar[EntityType] = "folder"
    parent_entity_types: ClassVar[list[EntityType]] = [
        "folder", "project"]

    def __init__(
        self,
        name: str,
        folder_type: str,
        parent_id: Any = UNKNOWN_VALUE,
        label: Optional[str] = None,
        path: Optional[str] = None,
        status: Any = UNKNOWN_VALUE,
        tags: Optional[Iterable[str]] = None,
        attribs: Optional[dict[str, Any]] = None,
        data: Any = UNKNOWN_VALUE,
        thumbnail_id: Any = UNKNOWN_VALUE,
        active: Any = UNKNOWN_VALUE,
        entity_id: Optional[str] = None,
        created: Optional[bool] = None,
        entity_hub: Optional[EntityHub] = None,
    ) -> None:
        super().__init__(
            entity_id=entity_id,
            parent_id=parent_id,
            attribs=attribs,
            data=data,
            active=active,
            created=created,
            entity_hub=entity_hub,
            name=name,
            label=label,
            status=status,
            tags=tags,
            thumbnail_id=thumbnail_id,
        )
        # A new folder without a parent goes to the project root.
        if self._created and self._parent_id is UNKNOWN_VALUE:
            self._parent_id = self.project_name
        self._init_field("folder_type", folder_type)
        self._has_published_content = False
        self._path = path
        # Path on the server, used to delete children before parents.
        self._orig_path = path

    def get_folder_type(self) -> str:
        return self._fields["folder_type"]

    def set_folder_type(self, folder_type: str) -> None:
        self._fields["folder_type"] = folder_type

    folder_type = property(get_folder_type, set_folder_type)

    def set_name(self, name: str) -> None:
        renamed = name != self._fields["name"]
        super().set_name(name)
        if renamed:
            self.reset_path()

    name = property(BaseEntity.get_name, set_name)

    def get_path(self, dynamic_value: bool = True) -> Any:
        """``/parent/.../name``; computed from the parents (which may be
        fetched) unless ``dynamic_value`` is False (then only the cached
        value, possibly None)."""
        if not dynamic_value or self._path is not None:
            return self._path
        if self._parent_id == self.project_name:
            self._path = f"/{self._fields['name']}"
            return self._path
        parent = self.get_parent()
        if parent is None or parent is UNKNOWN_VALUE:
            return None
        if parent.entity_type == "project":
            self._path = f"/{self._fields['name']}"
        elif isinstance(parent, FolderEntity):
            parent_path = parent.get_path()
            if parent_path is None:
                return None
            self._path = f"{parent_path}/{self._fields['name']}"
        return self._path

    path = property(get_path)

    def reset_path(self) -> None:
        """Forget the cached path of the folder and of its children."""
        self._path = None
        self._entity_hub.folder_path_reseted(self.id)

    def _on_parent_changed(self) -> None:
        self.reset_path()

    def get_has_published_content(self) -> bool:
        return self._has_published_content

    def set_has_published_content(self, has_published_content: bool) -> None:
        """Whether the folder has products (then it cannot be renamed or
        moved, and neither can its parents)."""
        if self._has_published_content is has_published_content:
            return
        self._has_published_content = has_published_content
        self._entity_hub.reset_immutable_for_hierarchy_cache(self.id)

    has_published_content = property(
        get_has_published_content, set_has_published_content)

    @property
    def _immutable_for_hierarchy(self) -> Optional[bool]:
        return True if self._has_published_content else None

    def _parent_body_value(self, parent_id: Any) -> Any:
        return None if parent_id == self.project_name else parent_id

    def lock(self) -> None:
        super().lock()
        if self._path is not None:
            self._orig_path = self._path

    @classmethod
    def from_entity_data(cls, folder: dict[str, Any],
                         entity_hub: EntityHub) -> FolderEntity:
        parent_id = folder.get("parentId") or entity_hub.project_name
        entity = cls(
            name=folder["name"],
            folder_type=folder["folderType"],
            parent_id=parent_id,
            label=folder.get("label"),
            path=folder.get("path"),
            status=folder.get("status", UNKNOWN_VALUE),
            tags=folder.get("tags"),
            attribs=own_attribs(folder),
            data=folder.get("data", UNKNOWN_VALUE),
            thumbnail_id=folder.get("thumbnailId", UNKNOWN_VALUE),
            active=folder.get("active", UNKNOWN_VALUE),
            entity_id=folder["id"],
            created=False,
            entity_hub=entity_hub,
        )
        if "hasProducts" in folder:
            entity._has_published_content = bool(folder["hasProducts"])
        return entity

    def to_create_body_data(self) -> dict[str, Any]:
        parent_id = self._required_parent_id("parent_id")
        if not self._fields["name"]:
            raise ValueError(f"Folder {self.id} has no name")
        return self._fill_create_body({
            "name": self._fields["name"],
            "folderType": self._fields["folder_type"],
            "parentId": self._parent_body_value(parent_id),
        })
