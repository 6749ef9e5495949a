"""Batch operations (``POST /api/projects/{p}/operations[/background]``).

Operations run in order through the entity service, so a folder created
early in a batch can parent later ones. Without ``canFail`` the batch is
all-or-nothing: the first failure stops it and nothing of it remains; with
``canFail`` every operation stands alone (a savepoint each).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from ..errors import ApiError, BadRequest, Forbidden
from ..store import Store, UserRecord
from .service import EntityService

log = logging.getLogger(__name__)

EntityType = Literal[
    "folder", "product", "version", "representation", "task", "workfile"
]


class OperationModel(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str = Field(default_factory=lambda: uuid.uuid1().hex)
    type: Literal["create", "update", "delete"]
    entityType: EntityType
    entityId: Optional[str] = None
    data: Optional[dict[str, Any]] = None
    force: bool = False
    asUser: Optional[str] = None


class OperationsRequestModel(BaseModel):
    model_config = ConfigDict(extra="ignore")

    operations: list[OperationModel] = Field(default_factory=list)
    canFail: bool = False
    raiseOnError: bool = False
    waitForEvents: bool = False


class _Rollback(Exception):
    pass


def _result(
    op: OperationModel,
    entity_id: Optional[str],
    status: int,
    error: Optional[ApiError] = None,
) -> dict[str, Any]:
    return {
        "id": op.id,
        "type": op.type,
        "entityType": op.entityType,
        "entityId": entity_id,
        "status": status,
        "success": error is None,
        "detail": None if error is None else error.detail,
        "errorCode": None if error is None else error.code,
    }


def _check(operations: list[OperationModel]) -> None:
    seen: set[tuple[str, str]] = set()
    for op in operations:
        if op.type == "create":
            continue
        if not op.entityId:
            raise BadRequest("entity_id is required for update/delete")
        key = (op.entityType, op.entityId)
        if key in seen:
            raise BadRequest(f"Duplicate operation for {op.entityType} {op.entityId}")
        seen.add(key)


class OperationsRunner:
    def __init__(self, store: Store, project_name: str, user: UserRecord) -> None:
        self.store = store
        self.project = store.projects.require(project_name)
        self.user = user
        self._services: dict[str, EntityService] = {}

    def _service(self, op: OperationModel) -> EntityService:
        name = op.asUser or self.user.name
        service = self._services.get(name)
        if service is None:
            user = self.user
            if name != self.user.name:
                if not (self.user.is_service or self.user.is_admin):
                    raise Forbidden("Only service users and admins may act as others")
                user = self.store.users.require(name)
            service = self._services[name] = EntityService(
                self.store, self.project, user
            )
        return service

    def _apply(self, op: OperationModel) -> dict[str, Any]:
        service = self._service(op)
        if op.type == "create":
            entity_id = service.create(op.entityType, op.data or {}, op.entityId)
            return _result(op, entity_id, 201)
        assert op.entityId is not None
        if op.type == "update":
            service.update(op.entityType, op.entityId, op.data or {})
        else:
            service.delete(op.entityType, op.entityId, force=op.force)
        return _result(op, op.entityId, 204)

    def _attempt(self, op: OperationModel) -> tuple[dict[str, Any], Optional[ApiError]]:
        try:
            with self.store.savepoint():
                return self._apply(op), None
        except ApiError as exc:
            return _result(op, op.entityId, exc.status, exc), exc
        except Exception as exc:  # a bug: report it as the real server does
            log.exception("operation %s failed", op.id)
            error = ApiError(str(exc) or type(exc).__name__)
            return _result(op, op.entityId, 500, error), error

    def run(
        self,
        request: OperationsRequestModel,
        progress: Optional[Callable[[float], None]] = None,
    ) -> dict[str, Any]:
        operations = request.operations
        _check(operations)
        results: list[dict[str, Any]] = []
        failure: Optional[ApiError] = None
        try:
            with self.store.transaction():
                for index, op in enumerate(operations):
                    result, error = self._attempt(op)
                    results.append(result)
                    if progress is not None:
                        progress(100.0 * (index + 1) / len(operations))
                    if error is not None and not request.canFail:
                        failure = error
                        raise _Rollback
        except _Rollback:
            if request.raiseOnError and failure is not None:
                raise failure from None
        return {
            "operations": results,
            "success": all(r["success"] for r in results),
        }


class BackgroundOperations:
    """Operation batches run by a worker thread; their status is kept in
    memory (the most recent ``KEEP`` tasks)."""

    KEEP = 1000

    def __init__(self) -> None:
        self._tasks: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="ayon-ops"
        )

    def _set(self, task_id: str, **values: Any) -> None:
        with self._lock:
            self._tasks[task_id].update(values)

    def submit(
        self,
        project_name: str,
        work: Callable[[Callable[[float], None]], dict[str, Any]],
    ) -> dict[str, Any]:
        """Queue ``work(progress)``; returns the new task's status."""
        task_id = uuid.uuid1().hex
        task = {"id": task_id, "status": "pending", "progress": None, "result": None}
        with self._lock:
            self._tasks[task_id] = {**task, "project": project_name}
            while len(self._tasks) > self.KEEP:
                self._tasks.popitem(last=False)

        def run() -> None:
            self._set(task_id, status="in_progress", progress=0.0)
            try:
                result = work(
                    lambda value: self._set(task_id, progress=round(value, 2))
                )
            except ApiError as exc:
                result = {"operations": [], "success": False, "detail": exc.detail}
            except Exception as exc:
                log.exception("background operations %s failed", task_id)
                result = {"operations": [], "success": False, "detail": str(exc)}
            self._set(task_id, status="completed", progress=100.0, result=result)

        self._executor.submit(run)
        return task

    def get(self, project_name: str, task_id: str) -> Optional[dict[str, Any]]:
        with self._lock:
            task = self._tasks.get(task_id)
            if task is None or task["project"] != project_name:
                return None
            return {k: v for k, v in task.items() if k != "project"}

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True)
