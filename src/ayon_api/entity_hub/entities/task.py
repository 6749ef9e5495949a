"""``TaskEntity``: a task of a folder (modeling, animation, compositing...)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Optional, Union

from .._values import UNKNOWN_VALUE
from ..data import Assignees
from ._server_data import own_attribs
from .base import BaseEntity

if TYPE_CHECKING:
    from .._values import EntityType
    from ..hub import EntityHub

__all__ = ["TaskEntity"]


class TaskEntity(BaseEntity):
    """A task; its parent is a folder and it has no children."""

    _supports_name = True
    _supports_label = True
    _supports_tags = True
    _supports_status = True
    _supports_thumbnail = True
    _parent_key = "folderId"
    _type_fields = (("task_type", "taskType"), ("assignees", "assignees"))

    entity_type: ClassVar[EntityType] = "task"
    parent_entity_types: ClassVar[list[EntityType]] = [
        "folder"]

    def __init__(
        self,
        name: str,
        task_type: str,
        folder_id: Any = UNKNOWN_VALUE,
        label: Optional[str] = None,
        status: Any = UNKNOWN_VALUE,
        tags: Optional[Iterable[str]] = None,
        attribs: Optional[dict[str, Any]] = None,
        data: Any = UNKNOWN_VALUE,
        assignees: Optional[Iterable[str]] = None,
        thumbnail_id: Any = UNKNOWN_VALUE,
        active: Any = UNKNOWN_VALUE,
        entity_id: Optional[str] = None,
        created: Optional[bool] = None,
        entity_hub: Optional[EntityHub] = None,
    ) -> None:
        super().__init__(
            entity_id=entity_id,
            parent_id=folder_id,
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
        self._init_field("task_type", task_type)
        self._init_field("assignees", Assignees(assignees or ()))
        self._children_ids = set()

    def get_folder_id(self) -> Any:
        return self._parent_id

    def set_folder_id(self, folder_id: str) -> None:
        self.set_parent_id(folder_id)

    folder_id = property(get_folder_id, set_folder_id)

    def get_task_type(self) -> str:
        return self._fields["task_type"]

    def set_task_type(self, task_type: str) -> None:
        self._fields["task_type"] = task_type

    task_type = property(get_task_type, set_task_type)

    def get_assignees(self) -> Assignees:
        """User names assigned to the task (change it in place or set it)."""
        return self._fields["assignees"]

    def set_assignees(self, assignees: Iterable[str]) -> None:
        if isinstance(assignees, str):
            raise TypeError(
                f"assignees must be an iterable of user names, got {assignees!r}")
        self._fields["assignees"] = Assignees(assignees)

    assignees = property(get_assignees, set_assignees)

    def add_child(self, child: Union[BaseEntity, str]) -> None:
        raise ValueError("Task does not support to add children")

    @classmethod
    def from_entity_data(cls, task: dict[str, Any],
                         entity_hub: EntityHub) -> TaskEntity:
        return cls(
            name=task["name"],
            task_type=task["taskType"],
            folder_id=task["folderId"],
            label=task.get("label"),
            status=task.get("status", UNKNOWN_VALUE),
            tags=task.get("tags"),
            attribs=own_attribs(task),
            data=task.get("data", UNKNOWN_VALUE),
            assignees=task.get("assignees"),
            thumbnail_id=task.get("thumbnailId", UNKNOWN_VALUE),
            active=task.get("active", UNKNOWN_VALUE),
            entity_id=task["id"],
            created=False,
            entity_hub=entity_hub,
        )

    def to_create_body_data(self) -> dict[str, Any]:
        output = self._fill_create_body({
            "name": self._fields["name"],
            "taskType": self._fields["task_type"],
            "folderId": self._required_parent_id("folder_id"),
        })
        if self._fields["assignees"]:
            output["assignees"] = sorted(self._fields["assignees"])
        return output
