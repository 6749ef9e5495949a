"""``ProjectEntity``: the project itself (root of the hierarchy), with its
folder types, task types and statuses."""
from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, ClassVar, Optional

from .._values import PROJECT_PARENT_ID, UNKNOWN_VALUE
from ..statuses import ProjectStatus, _ProjectStatuses
from ._server_data import own_attribs
from .base import BaseEntity

if TYPE_CHECKING:
    from .._values import EntityType
    from ..hub import EntityHub

__all__ = ["ProjectEntity"]


class ProjectEntity(BaseEntity):
    """The project of the hub. Its id is the project name; it cannot be
    renamed, moved, created or deleted through the hub. Changes are sent
    with ``update_project`` by the commit."""

    _supports_name = True
    _type_fields = (("folder_types", "folderTypes"),
                    ("task_types", "taskTypes"))

    entity_type: ClassVar[EntityType] = "project"
    parent_entity_types: ClassVar[list[EntityType]] = []
    default_folder_type_icon = "folder"
    default_task_type_icon = "task_alt"

    def __init__(
        self,
        name: str,
        project_code: str,
        library: bool,
        folder_types: list[dict[str, Any]],
        task_types: list[dict[str, Any]],
        statuses: list[dict[str, Any]],
        attribs: Optional[dict[str, Any]] = None,
        data: Any = UNKNOWN_VALUE,
        active: Any = UNKNOWN_VALUE,
        entity_hub: Optional[EntityHub] = None,
    ) -> None:
        super().__init__(
            entity_id=name,
            parent_id=PROJECT_PARENT_ID,
            attribs=attribs,
            data=data,
            active=active,
            created=False,
            entity_hub=entity_hub,
            name=name,
        )
        self._project_code = project_code
        self._library_project = library
        self._init_field("folder_types", list(folder_types or []))
        self._init_field("task_types", list(task_types or []))
        self._statuses_obj = _ProjectStatuses(statuses or [])
        self._orig_statuses = copy.deepcopy(list(statuses or []))
        self._children_ids = UNKNOWN_VALUE

    def _prepare_entity_id(self, entity_id: Any) -> str:
        if entity_id != self.project_name:
            raise ValueError(
                f"Unexpected project entity id {entity_id!r}; expected "
                f"the project name {self.project_name!r}")
        return str(entity_id)

    def set_name(self, name: str) -> None:
        if name != self._fields["name"]:
            raise ValueError("It is not allowed to change project name.")

    name = property(BaseEntity.get_name, set_name)

    def get_parent(self, allow_fetch: bool = True) -> None:
        return None

    def set_parent(self, parent: Any) -> None:
        raise ValueError(f"Parent of project cannot be set to {parent!r}")

    parent = property(get_parent, set_parent)

    def set_parent_id(self, parent_id: Optional[str]) -> None:
        if parent_id is not PROJECT_PARENT_ID:
            raise ValueError(
                f"Parent of project cannot be set to {parent_id!r}")

    parent_id = property(BaseEntity.get_parent_id, set_parent_id)

    def set_status_scope_supported(self, supported: bool) -> None:
        """Statuses carry a scope only on servers 1.5 and newer."""
        self._statuses_obj.set_status_scope_supported(supported)

    # -- folder and task types --
    @staticmethod
    def _with_icons(types: list[dict[str, Any]], icon: str
                    ) -> list[dict[str, Any]]:
        output = []
        for item in types:
            item = dict(item)
            item.setdefault("icon", icon)
            output.append(item)
        return output

    def get_orig_folder_types(self) -> list[dict[str, Any]]:
        return copy.deepcopy(self._orig_fields["folder_types"])

    def get_folder_types(self) -> list[dict[str, Any]]:
        return copy.deepcopy(self._fields["folder_types"])

    def set_folder_types(self, folder_types: list[dict[str, Any]]) -> None:
        """Replace the folder types (``[{"name": ..., "icon": ...}]``; a
        missing icon gets the default one)."""
        self._fields["folder_types"] = self._with_icons(
            folder_types, self.default_folder_type_icon)

    folder_types = property(get_folder_types, set_folder_types)

    def get_orig_task_types(self) -> list[dict[str, Any]]:
        return copy.deepcopy(self._orig_fields["task_types"])

    def get_task_types(self) -> list[dict[str, Any]]:
        return copy.deepcopy(self._fields["task_types"])

    def set_task_types(self, task_types: list[dict[str, Any]]) -> None:
        """Replace the task types (a missing icon gets the default one)."""
        self._fields["task_types"] = self._with_icons(
            task_types, self.default_task_type_icon)

    task_types = property(get_task_types, set_task_types)

    # -- statuses --
    def get_orig_statuses(self) -> list[dict[str, Any]]:
        return copy.deepcopy(self._orig_statuses)

    def get_statuses(self) -> _ProjectStatuses:
        return self._statuses_obj

    def set_statuses(self, statuses: list[dict[str, Any]]) -> None:
        self._statuses_obj.set(statuses)

    statuses = property(get_statuses, set_statuses)

    def get_status_by_slugified_name(self, name: str
                                     ) -> Optional[ProjectStatus]:
        """The project status matching ``name`` ignoring case/punctuation."""
        return self._statuses_obj.get_status_by_slugified_name(name)

    # -- changes --
    @property
    def changes(self) -> dict[str, Any]:
        changes = super().changes
        changes.pop("name", None)
        if self._statuses_obj.changed:
            changes["statuses"] = self._statuses_obj.to_data()
        return changes

    def lock(self) -> None:
        super().lock()
        self._orig_statuses = self._statuses_obj.to_data()
        self._statuses_obj.lock()

    @classmethod
    def from_entity_data(cls, project: dict[str, Any],
                         entity_hub: EntityHub) -> ProjectEntity:
        return cls(
            project["name"],
            project.get("code", ""),
            library=bool(project.get("library", False)),
            folder_types=project.get("folderTypes") or [],
            task_types=project.get("taskTypes") or [],
            statuses=project.get("statuses") or [],
            attribs=own_attribs(project),
            data=project.get("data", UNKNOWN_VALUE),
            active=project.get("active", UNKNOWN_VALUE),
            entity_hub=entity_hub,
        )

    def to_create_body_data(self) -> dict[str, Any]:
        raise NotImplementedError(
            "ProjectEntity does not support conversion to entity data")
