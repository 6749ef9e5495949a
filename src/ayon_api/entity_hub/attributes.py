"""Attribute values of an entity, with change tracking."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Optional

from ._values import UNKNOWN_VALUE, copy_value

if TYPE_CHECKING:
    from ._values import AttributeValueType

__all__ = ["AttributeValue", "Attributes"]


class AttributeValue:
    """One attribute value and the value it had when last locked."""

    def __init__(self, value: AttributeValueType) -> None:
        self._value = value
        self._origin_value = copy_value(value)

    def get_value(self) -> AttributeValueType:
        return self._value

    def set_value(self, value: AttributeValueType) -> None:
        self._value = value

    value = property(get_value, set_value)

    @property
    def changed(self) -> bool:
        """The value differs from the locked one."""
        return bool(self._value != self._origin_value)

    def lock(self) -> None:
        """Take the current value as the saved one."""
        self._origin_value = copy_value(self._value)

    def __repr__(self) -> str:
        return f"<AttributeValue {self._value!r}>"


class Attributes:
    """The attributes of an entity, used like a mapping.

    Only the attributes of the entity's type (``attrib_keys``) exist: reading
    or writing another key raises ``KeyError``. ``None`` means "no own value"
    (folders and tasks then inherit the value from their parent).
    """

    def __init__(
        self,
        attrib_keys: Iterable[str],
        values: Optional[dict[str, Any]] = None,
    ) -> None:
        if values is None or values is UNKNOWN_VALUE:
            values = {}
        self._attributes = {
            key: AttributeValue(values.get(key)) for key in attrib_keys
        }

    def __contains__(self, key: object) -> bool:
        return key in self._attributes

    def __getitem__(self, key: str) -> AttributeValueType:
        return self._attributes[key].value

    def __setitem__(self, key: str, value: AttributeValueType) -> None:
        attribute = self._attributes.get(key)
        if attribute is None:
            raise KeyError(
                f"Unknown attribute {key!r}; known attributes: "
                f"{', '.join(sorted(self._attributes))}"
            )
        attribute.set_value(value)

    def __iter__(self) -> Iterator[str]:
        return iter(self._attributes)

    def __repr__(self) -> str:
        return f"<Attributes {self.to_dict()!r}>"

    def keys(self) -> Iterable[str]:
        return self._attributes.keys()

    def values(self) -> Iterator[AttributeValueType]:
        for attribute in self._attributes.values():
            yield attribute.value

    def items(self) -> Iterator[tuple[str, AttributeValueType]]:
        for key, attribute in self._attributes.items():
            yield key, attribute.value

    def get(self, key: str, default: Any = None) -> Any:
        """Value of an attribute, ``default`` for an unknown attribute."""
        attribute = self._attributes.get(key)
        if attribute is None:
            return default
        return attribute.value

    def set(self, key: str, value: AttributeValueType) -> None:
        """Change an attribute; KeyError for an unknown attribute."""
        self[key] = value

    def get_attribute(self, key: str) -> AttributeValue:
        """The ``AttributeValue`` of ``key``; KeyError when unknown."""
        return self._attributes[key]

    def lock(self) -> None:
        """Take the current values as the saved ones."""
        for attribute in self._attributes.values():
            attribute.lock()

    @property
    def changes(self) -> dict[str, AttributeValueType]:
        """``{name: new value}`` of the attributes changed since the lock."""
        return {
            key: attribute.value
            for key, attribute in self._attributes.items()
            if attribute.changed
        }

    def to_dict(self, ignore_none: bool = True) -> dict[str, Any]:
        """Plain dict of the values (without None ones by default)."""
        return {
            key: value
            for key, value in self.items()
            if value is not UNKNOWN_VALUE
            and not (ignore_none and value is None)
        }
