"""``OperationsSession``: queue entity operations, then commit them."""
from __future__ import annotations

import copy
import logging
from typing import TYPE_CHECKING, Any, Optional

from ..resources.operations import operations_failure
from ._operations import (
    AnyOperation,
    CreateOperation,
    DeleteOperation,
    UpdateOperation,
)
from ._typed import TypedOperations

if TYPE_CHECKING:
    from ..server_api import ServerAPI

log = logging.getLogger("ayon_api")

MAX_BATCH_SIZE = 5000


class OperationsSession(TypedOperations):
    """A queue of entity operations sent to the server on :meth:`commit`.

    ``con`` is the connection to use (the global connection by default).
    Operations run in the order they were queued; ``nested_id`` queues an
    operation right after another one (by that operation's id) once that
    one is queued.
    """

    def __init__(self, con: Optional[ServerAPI] = None, *,
                 wait_for_events: bool = False) -> None:
        self._con = con
        self._wait_for_events = wait_for_events
        self._operations: list[AnyOperation] = []
        self._nested: dict[str, list[AnyOperation]] = {}
        self._projects: dict[str, Any] = {}
        self._max_batch_size = MAX_BATCH_SIZE

    def __len__(self) -> int:
        return len(self._operations)

    def __repr__(self) -> str:
        return f"<{self.__class__.__name__} {len(self)} operations>"

    @property
    def con(self) -> ServerAPI:
        if self._con is None:
            from .._global import get_server_api_connection

            self._con = get_server_api_connection()
        return self._con

    def get_project(self, project_name: str) -> Any:
        """The project entity (fetched once per session; a copy each time)."""
        if project_name not in self._projects:
            self._projects[project_name] = self.con.get_project(project_name)
        return copy.deepcopy(self._projects[project_name])

    # -- the queue ----------------------------------------------------------------
    def add(self, operation: AnyOperation) -> None:
        """Queue an operation (and the operations nested under it)."""
        if not isinstance(operation,
                          (CreateOperation, UpdateOperation, DeleteOperation)):
            raise TypeError(
                f"Expected a Create/Update/DeleteOperation, got {operation!r}")
        pending = [operation]
        while pending:
            current = pending.pop(0)
            self._operations.append(current)
            pending[0:0] = self._nested.pop(current.id, [])

    def append(self, operation: AnyOperation) -> None:
        self.add(operation)

    def extend(self, operations: Any) -> None:
        for operation in operations:
            self.add(operation)

    def remove(self, operation: AnyOperation) -> None:
        """Take a queued (or parked nested) operation out of the session."""
        if operation in self._operations:
            self._operations.remove(operation)
            return
        for parent_id, nested in list(self._nested.items()):
            if operation in nested:
                nested.remove(operation)
                if not nested:
                    del self._nested[parent_id]
                return
        raise ValueError(f"{operation!r} is not in the session")

    def clear(self) -> None:
        self._operations.clear()
        self._nested.clear()

    def to_data(self) -> list[dict[str, Any]]:
        return [operation.to_data() for operation in self._operations]

    def _queue(self, operation: AnyOperation, nested_id: Optional[str]
               ) -> None:
        if nested_id is None or any(
                queued.id == nested_id for queued in self._operations):
            self.add(operation)
        else:
            self._nested.setdefault(nested_id, []).append(operation)

    # -- generic operations ---------------------------------------------------
    def create_entity(self, project_name: str, entity_type: str,
                      data: dict[str, Any], nested_id: Optional[str] = None
                      ) -> CreateOperation:
        """Queue the creation of an entity from its create body."""
        operation = CreateOperation(project_name, entity_type, data, self)
        self._queue(operation, nested_id)
        return operation

    def update_entity(self, project_name: str, entity_type: str,
                      entity_id: str, update_data: dict[str, Any],
                      nested_id: Optional[str] = None) -> UpdateOperation:
        """Queue changes of an entity (REMOVED_VALUE values are cleared)."""
        operation = UpdateOperation(project_name, entity_type, entity_id,
                                    update_data, self)
        self._queue(operation, nested_id)
        return operation

    def delete_entity(self, project_name: str, entity_type: str,
                      entity_id: str, nested_id: Optional[str] = None
                      ) -> DeleteOperation:
        """Queue the deletion of an entity."""
        operation = DeleteOperation(project_name, entity_type, entity_id,
                                    self)
        self._queue(operation, nested_id)
        return operation

    # -- commit -------------------------------------------------------------------
    def commit(self, *, wait_for_events: Optional[bool] = None
               ) -> list[dict[str, Any]]:
        """Send the queued operations; returns one result per operation sent.

        Each project's operations go as one transaction, in queue order;
        more than 5000 are split into several transactions sent one after
        the other (an earlier batch is saved before a later one starts, so
        parents queued first exist for their children). On failure
        FailedOperations names what failed; the failed batch and everything
        after it stay queued, what was saved leaves the queue.
        """
        if wait_for_events is None:
            wait_for_events = self._wait_for_events
        if self._nested:
            log.warning(
                "%d operations wait for nested parents that were never "
                "queued; they are not committed",
                sum(len(ops) for ops in self._nested.values()))
        by_project: dict[str, list[AnyOperation]] = {}
        for operation in self._operations:
            by_project.setdefault(operation.project_name, []).append(operation)
        results: list[dict[str, Any]] = []
        done: set[int] = set()
        try:
            for project_name, operations in by_project.items():
                results.extend(self._commit_project(
                    project_name, operations, bool(wait_for_events), done))
        finally:
            self._operations = [operation for operation in self._operations
                                if id(operation) not in done]
        return results

    def _commit_project(self, project_name: str,
                        operations: list[AnyOperation], wait_for_events: bool,
                        done: set[int]) -> list[dict[str, Any]]:
        batches: list[list[tuple[AnyOperation, dict[str, Any]]]] = [[]]
        for operation in operations:
            body = operation.to_server_operation()
            if body is None:  # an update without changes
                done.add(id(operation))
                continue
            if len(batches[-1]) >= self._max_batch_size:
                batches.append([])
            batches[-1].append((operation, body))
        results: list[dict[str, Any]] = []
        saved = 0
        for number, batch in enumerate(batches, 1):
            if not batch:
                continue
            sent = [body for _, body in batch]
            task = self.con.send_background_batch_operations(
                project_name, sent, can_fail=False,
                wait_for_events=wait_for_events, raise_on_fail=False,
                wait=True)
            prefix = ""
            if len(batches) > 1:
                prefix = (f"Batch {number} of {len(batches)} "
                          f"({saved} operations of earlier batches were "
                          "saved): ")
            error = operations_failure(project_name, sent, task.get("result"),
                                       False, prefix)
            if error is not None:
                raise error
            results.extend(task["result"]["operations"])
            saved += len(batch)
            done.update(id(operation) for operation, _ in batch)
        return results

