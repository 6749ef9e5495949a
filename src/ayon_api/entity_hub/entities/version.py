"""``VersionEntity``: a version of a product."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Optional

from .._values import UNKNOWN_VALUE
from .base import BaseEntity

if TYPE_CHECKING:
    from .._values import EntityType
    from ..hub import EntityHub

__all__ = ["VersionEntity"]


class VersionEntity(BaseEntity):
    """A version; its parent is a product. It has no name or label, but a
    ``version`` number and optionally the task it was made in."""

    _supports_tags = True
    _supports_status = True
    _supports_thumbnail = True
    _parent_key = "productId"
    _type_fields = (("version", "version"), ("task_id", "taskId"))

    entity_type: ClassVar[EntityType] = "version"
    parent_entity_types: ClassVar[list[EntityType]] = [
        "product"]

    def __init__(
        self,
        version: int,
        product_id: Any = UNKNOWN_VALUE,
        task_id: Any = UNKNOWN_VALUE,
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
            parent_id=product_id,
            attribs=attribs,
            data=data,
            active=active,
            created=created,
            entity_hub=entity_hub,
            status=status,
            tags=tags,
            thumbnail_id=thumbnail_id,
        )
        self._init_field("version", version)
        self._init_field("task_id", task_id)

    def get_version(self) -> int:
        return self._fields["version"]

    def set_version(self, version: int) -> None:
        self._fields["version"] = version

    version = property(get_version, set_version)

    def get_product_id(self) -> Any:
        return self._parent_id

    def set_product_id(self, product_id: str) -> None:
        self.set_parent_id(product_id)

    product_id = property(get_product_id, set_product_id)

    def get_task_id(self) -> Any:
        return self._fields["task_id"]

    def set_task_id(self, task_id: Optional[str]) -> None:
        self._fields["task_id"] = task_id

    task_id = property(get_task_id, set_task_id)

    @classmethod
    def from_entity_data(cls, version: dict[str, Any],
                         entity_hub: EntityHub) -> VersionEntity:
        return cls(
            version=version["version"],
            product_id=version["productId"],
            task_id=version.get("taskId"),
            status=version.get("status", UNKNOWN_VALUE),
            tags=version.get("tags"),
            attribs=version.get("attrib"),
            data=version.get("data", UNKNOWN_VALUE),
            thumbnail_id=version.get("thumbnailId", UNKNOWN_VALUE),
            active=version.get("active", UNKNOWN_VALUE),
            entity_id=version["id"],
            created=False,
            entity_hub=entity_hub,
        )

    def to_create_body_data(self) -> dict[str, Any]:
        output: dict[str, Any] = {
            "version": self._fields["version"],
            "productId": self._required_parent_id("product_id"),
        }
        task_id = self._fields["task_id"]
        if task_id and task_id is not UNKNOWN_VALUE:
            output["taskId"] = task_id
        return self._fill_create_body(output)
