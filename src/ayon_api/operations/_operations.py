"""Operation objects queued by an :class:`OperationsSession`: one create,
update or delete of one entity, and its form on the wire."""
from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, Optional, Union

from .._sentinels import REMOVED_VALUE
from ..resources._entities import (
    ENTITY_TYPES,
    check_entity_id,
    check_project_name,
)
from ..utils import create_entity_id

if TYPE_CHECKING:
    from ..server_api import ServerAPI
    from ._session import OperationsSession


def check_entity_type(entity_type: Any) -> str:
    if entity_type not in ENTITY_TYPES:
        raise ValueError(
            f"Invalid entity type {entity_type!r}: expected one of "
            f"{', '.join(ENTITY_TYPES)}")
    return str(entity_type)


_IMMUTABLE = (str, int, float, bool, type(None))


def copy_data(value: Any) -> Any:
    """A deep copy of JSON-like data (fast for dicts, lists and scalars)."""
    if isinstance(value, _IMMUTABLE):
        return value
    if type(value) is dict:
        return {key: copy_data(item) for key, item in value.items()}
    if type(value) is list:
        return [copy_data(item) for item in value]
    return copy.deepcopy(value)


def _contains_removed(value: Any) -> bool:
    if value is REMOVED_VALUE:
        return True
    if type(value) is dict:
        return any(_contains_removed(item) for item in value.values())
    if type(value) is list:
        return any(_contains_removed(item) for item in value)
    return False


def server_value(value: Any) -> Any:
    """``value`` for the wire: itself when it holds no REMOVED_VALUE (it is
    sent at once), else a copy with those replaced by None."""
    return removed_to_none(value) if _contains_removed(value) else value


def removed_to_none(value: Any) -> Any:
    """A deep copy of ``value`` with every REMOVED_VALUE replaced by None."""
    if value is REMOVED_VALUE:
        return None
    if isinstance(value, _IMMUTABLE):
        return value
    if isinstance(value, dict):
        return {key: removed_to_none(item) for key, item in value.items()}
    if isinstance(value, list):
        return [removed_to_none(item) for item in value]
    return copy.deepcopy(value)


class AbstractOperation:
    """One change of one entity of a project, waiting in a session."""

    operation_name: str = ""

    def __init__(self, project_name: str, entity_type: str,
                 session: OperationsSession) -> None:
        self._project_name = check_project_name(project_name)
        self._entity_type = check_entity_type(entity_type)
        self._session = session
        self._id = create_entity_id()

    def __repr__(self) -> str:
        entity_id = getattr(self, "entity_id", None)
        return (f"<{self.__class__.__name__} {self._entity_type} {entity_id} "
                f"in '{self._project_name}'>")

    @property
    def project_name(self) -> str:
        return self._project_name

    @property
    def id(self) -> str:
        """Id of the operation (not of the entity)."""
        return self._id

    @property
    def entity_type(self) -> str:
        return self._entity_type

    @property
    def session(self) -> OperationsSession:
        return self._session

    @property
    def con(self) -> ServerAPI:
        """The connection of the session."""
        return self._session.con

    def to_data(self) -> dict[str, Any]:
        """A description of the operation (for logs and inspection)."""
        return {
            "id": self._id,
            "entity_type": self._entity_type,
            "project_name": self._project_name,
            "operation": self.operation_name,
        }

    def to_server_operation(self) -> Optional[dict[str, Any]]:
        """The operation as the server's batch endpoints expect it."""
        raise NotImplementedError


class CreateOperation(AbstractOperation):
    """Creation of an entity; ``data`` is its create body (``id`` is
    generated when missing) and can still be changed until commit."""

    operation_name = "create"

    def __init__(self, project_name: str, entity_type: str,
                 data: Optional[dict[str, Any]],
                 session: OperationsSession) -> None:
        super().__init__(project_name, entity_type, session)
        if data is not None and not isinstance(data, dict):
            raise TypeError(f"Create data must be a dict, got {data!r}")
        self._data: dict[str, Any] = copy_data(data) if data else {}
        if not self._data.get("id"):
            self._data["id"] = create_entity_id()
        else:
            self._data["id"] = check_entity_id(self._data["id"])

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.set_value(key, value)

    def set_value(self, key: str, value: Any) -> None:
        if key == "id":
            value = check_entity_id(value)
        self._data[key] = value

    def get(self, key: str, *args: Any, **kwargs: Any) -> Any:
        return self._data.get(key, *args, **kwargs)

    @property
    def entity_id(self) -> str:
        return str(self._data["id"])

    @property
    def data(self) -> dict[str, Any]:
        return self._data

    def to_data(self) -> dict[str, Any]:
        output = super().to_data()
        output["entity_id"] = self.entity_id
        output["data"] = copy.deepcopy(self._data)
        return output

    def to_server_operation(self) -> dict[str, Any]:
        return {
            "id": self._id,
            "type": "create",
            "entityType": self._entity_type,
            "entityId": self.entity_id,
            "data": server_value(self._data),
        }


class UpdateOperation(AbstractOperation):
    """Changes of an existing entity; ``REMOVED_VALUE`` values are sent as
    null (the value is cleared)."""

    operation_name = "update"

    def __init__(self, project_name: str, entity_type: str, entity_id: str,
                 update_data: Optional[dict[str, Any]],
                 session: OperationsSession) -> None:
        super().__init__(project_name, entity_type, session)
        if update_data is not None and not isinstance(update_data, dict):
            raise TypeError(
                f"Update data must be a dict, got {update_data!r}")
        self._entity_id = check_entity_id(entity_id, f"{entity_type} id")
        self._update_data: dict[str, Any] = (
            copy.deepcopy(update_data) if update_data else {})

    @property
    def entity_id(self) -> str:
        return self._entity_id

    @property
    def update_data(self) -> dict[str, Any]:
        return self._update_data

    def to_data(self) -> dict[str, Any]:
        output = super().to_data()
        output["entity_id"] = self._entity_id
        output["changes"] = removed_to_none(self._update_data)
        return output

    def to_server_operation(self) -> Optional[dict[str, Any]]:
        """The wire form, or None when there is nothing to change."""
        if not self._update_data:
            return None
        return {
            "id": self._id,
            "type": "update",
            "entityType": self._entity_type,
            "entityId": self._entity_id,
            "data": server_value(self._update_data),
        }


class DeleteOperation(AbstractOperation):
    """Deletion of an entity."""

    operation_name = "delete"

    def __init__(self, project_name: str, entity_type: str, entity_id: str,
                 session: OperationsSession) -> None:
        super().__init__(project_name, entity_type, session)
        self._entity_id = check_entity_id(entity_id, f"{entity_type} id")

    @property
    def entity_id(self) -> str:
        return self._entity_id

    def to_data(self) -> dict[str, Any]:
        output = super().to_data()
        output["entity_id"] = self._entity_id
        return output

    def to_server_operation(self) -> dict[str, Any]:
        return {
            "id": self._id,
            "type": "delete",
            "entityType": self._entity_type,
            "entityId": self._entity_id,
        }


AnyOperation = Union[CreateOperation, UpdateOperation, DeleteOperation]
