"""``ProductEntity``: a published product of a folder (render, model...)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Optional

from .._values import UNKNOWN_VALUE
from .base import BaseEntity

if TYPE_CHECKING:
    from .._values import EntityType
    from ..hub import EntityHub

__all__ = ["ProductEntity"]


class ProductEntity(BaseEntity):
    """A product; its parent is a folder, its children are versions.
    ``product_base_type`` is sent only to servers that support it."""

    _supports_name = True
    _supports_tags = True
    _supports_status = True
    _parent_key = "folderId"
    _type_fields = (("product_type", "productType"),)

    entity_type: ClassVar[EntityType] = "product"
    parent_entity_types: ClassVar[list[EntityType]] = [
        "folder"]

    def __init__(
        self,
        name: str,
        product_type: str,
        product_base_type: Optional[str] = None,
        folder_id: Any = UNKNOWN_VALUE,
        tags: Optional[Iterable[str]] = None,
        attribs: Optional[dict[str, Any]] = None,
        data: Any = UNKNOWN_VALUE,
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
            tags=tags,
        )
        self._init_field("product_type", product_type)
        self._init_field("product_base_type", product_base_type)

    def get_folder_id(self) -> Any:
        return self._parent_id

    def set_folder_id(self, folder_id: str) -> None:
        self.set_parent_id(folder_id)

    folder_id = property(get_folder_id, set_folder_id)

    def get_product_type(self) -> str:
        return self._fields["product_type"]

    def set_product_type(self, product_type: str) -> None:
        self._fields["product_type"] = product_type

    product_type = property(get_product_type, set_product_type)

    def get_product_base_type(self) -> Optional[str]:
        return self._fields["product_base_type"]

    def set_product_base_type(self, product_base_type: str) -> None:
        self._fields["product_base_type"] = product_base_type

    product_base_type = property(get_product_base_type, set_product_base_type)

    def _tracked_fields(self) -> list[tuple[str, str]]:
        fields = super()._tracked_fields()
        if self._entity_hub.is_product_base_type_supported():
            fields.append(("product_base_type", "productBaseType"))
        return fields

    @classmethod
    def from_entity_data(cls, product: dict[str, Any],
                         entity_hub: EntityHub) -> ProductEntity:
        entity = cls(
            name=product["name"],
            product_type=product["productType"],
            product_base_type=product.get("productBaseType"),
            folder_id=product["folderId"],
            tags=product.get("tags"),
            attribs=product.get("attrib"),
            data=product.get("data", UNKNOWN_VALUE),
            active=product.get("active", UNKNOWN_VALUE),
            entity_id=product["id"],
            created=False,
            entity_hub=entity_hub,
        )
        entity._init_field("status", product.get("status", UNKNOWN_VALUE))
        return entity

    def to_create_body_data(self) -> dict[str, Any]:
        output: dict[str, Any] = {
            "name": self._fields["name"],
            "productType": self._fields["product_type"],
            "folderId": self._required_parent_id("folder_id"),
        }
        base_type = self._fields["product_base_type"]
        if base_type and self._entity_hub.is_product_base_type_supported():
            output["productBaseType"] = base_type
        return self._fill_create_body(output)
