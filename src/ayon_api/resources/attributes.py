"""Attribute schema: read (cached per connection) and configure."""
from __future__ import annotations

import time
from typing import Any, Optional

from .. import constants
from .._core import ServerAPICore

_DEFAULT_CACHE_TIMEOUT = 60.0

DEFAULT_FIELDS_BY_TYPE = constants._DEFAULT_FIELDS_BY_TYPE
WITH_ALL_ATTRIB = constants._TYPES_WITH_ALL_ATTRIB


class _SchemaCache:
    __slots__ = ("by_type", "schema", "stamp", "timeout")

    def __init__(self) -> None:
        self.schema: Optional[dict[str, Any]] = None
        self.stamp = 0.0
        self.timeout = _DEFAULT_CACHE_TIMEOUT
        self.by_type: dict[str, dict[str, Any]] = {}

    def valid(self) -> bool:
        return (
            self.schema is not None
            and time.monotonic() - self.stamp < self.timeout
        )

    def store(self, schema: dict[str, Any]) -> None:
        self.schema, self.stamp, self.by_type = schema, time.monotonic(), {}

    def clear(self) -> None:
        self.schema, self.by_type = None, {}


class AttributesAPI(ServerAPICore):
    """``/api/attributes``: the attributes every entity type can carry."""

    @property
    def _attributes_cache(self) -> _SchemaCache:
        cache = self.__dict__.get("_attr_schema_cache")
        if cache is None:
            cache = self.__dict__["_attr_schema_cache"] = _SchemaCache()
        return cache

    def get_attributes_schema(self, use_cache: bool = True) -> dict[str, Any]:
        """``{"attributes": [...]}`` as the server defines them."""
        cache = self._attributes_cache
        if use_cache and cache.valid():
            assert cache.schema is not None
            return cache.schema
        response = self.get("attributes")
        response.raise_for_status()
        cache.store(response.data)
        return response.data

    def reset_attributes_cache(self) -> None:
        self._attributes_cache.clear()

    def reset_attributes_schema(self) -> None:
        """Deprecated name of :meth:`reset_attributes_cache`."""
        self.reset_attributes_cache()

    def set_attributes_cache_timeout(self, timeout: float) -> None:
        self._attributes_cache.timeout = float(timeout)

    def get_attributes_for_type(self, entity_type: str) -> dict[str, Any]:
        """``{attribute name: attribute data}`` of one entity type."""
        if not isinstance(entity_type, str) or not entity_type:
            raise ValueError(f"Invalid entity type {entity_type!r}")
        cache = self._attributes_cache
        schema = self.get_attributes_schema()
        found = cache.by_type.get(entity_type)
        if found is None:
            found = {
                attr["name"]: attr["data"]
                for attr in schema.get("attributes", [])
                if entity_type in attr.get("scope", [])
            }
            cache.by_type[entity_type] = found
        return found

    def get_attributes_fields_for_type(self, entity_type: str) -> set[str]:
        """Deprecated: ``{"attrib.<name>", ...}`` of one entity type."""
        return {f"attrib.{name}" for name in self.get_attributes_for_type(entity_type)}

    def set_attribute_config(
        self,
        attribute_name: str,
        data: dict[str, Any],
        scope: list[str],
        position: Optional[int] = None,
        builtin: bool = False,
    ) -> None:
        """Create or replace an attribute definition."""
        if not isinstance(attribute_name, str) or not attribute_name:
            raise ValueError(f"Invalid attribute name {attribute_name!r}")
        if not isinstance(data, dict):
            raise TypeError(f"Attribute data must be a dict, got {data!r}")
        if isinstance(scope, str) or not all(isinstance(s, str) for s in scope):
            raise TypeError(f"Scope must be a list of entity types, got {scope!r}")
        if position is None:
            attributes = self.get_attributes_schema(use_cache=False)["attributes"]
            positions = {a["name"]: a.get("position", 0) for a in attributes}
            position = positions.get(
                attribute_name, max(positions.values(), default=-1) + 1
            )
        response = self.put(
            f"attributes/{attribute_name}",
            data=data, scope=list(scope), position=position, builtin=builtin,
        )
        response.raise_for_status()
        self.reset_attributes_cache()

    def delete_attribute_config(self, attribute_name: str) -> None:
        """Delete an attribute definition."""
        response = self.delete(f"attributes/{attribute_name}")
        response.raise_for_status()
        self.reset_attributes_cache()

    def remove_attribute_config(self, attribute_name: str) -> None:
        """Alias of :meth:`delete_attribute_config`."""
        self.delete_attribute_config(attribute_name)

    def _fill_attrib_defaults(self, entity: dict[str, Any], entity_type: str
                              ) -> None:
        """Give ``entity["attrib"]`` every attribute of its type."""
        attrib = entity.setdefault("attrib", {})
        if attrib is None:
            attrib = entity["attrib"] = {}
        for name, data in self.get_attributes_for_type(entity_type).items():
            attrib.setdefault(name, data.get("default"))

    def get_default_fields_for_type(self, entity_type: str) -> set[str]:
        """The fields getters select when ``fields`` is not given."""
        if entity_type not in DEFAULT_FIELDS_BY_TYPE:
            raise ValueError(
                f"Unknown entity type {entity_type!r}: expected one of "
                f"{', '.join(sorted(DEFAULT_FIELDS_BY_TYPE))}")
        fields = set(DEFAULT_FIELDS_BY_TYPE[entity_type])
        if entity_type == "project" and self._server_at_least(1, 10, 1):
            fields.add("productTypes")
        if entity_type == "product" and self.is_product_base_type_supported():
            fields.add("productBaseType")
        if entity_type == "representation" and (
                not self.graphql_allows_traits_in_representations):
            fields.discard("traits")
        if entity_type in WITH_ALL_ATTRIB:
            fields.add("allAttrib")
        return fields
