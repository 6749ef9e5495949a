"""Batch operations (``POST /api/projects/{p}/operations[/background]``).

Operations run in order through the entity service, so a folder created
early in a batch can parent later ones. Without ``canFail`` the batch is
all-or-nothing: the first failure stops it and nothing of it remains; with
``canFail`` every operation stands alone.

A batch runs through a ``BatchContext`` (what the batch refers to loaded up
front, writes held back and run together). The service raises its errors
(``ApiError``) before it writes anything, so a failed operation leaves
nothing to undo and no savepoints are needed. Anything else going wrong
(a bug, a database error) rolls the whole batch back and runs it again the
plain way, one savepoint per operation, to report it as that would.
"""

from __future__ import annotations

import gc
import logging
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from ..errors import ApiError, BadRequest, Forbidden
from ..store import Store, UserRecord
from .context import BatchContext
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


_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_resume = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic garbage collection meanwhile (in any thread; nested
    and concurrent pauses end with the last one).

    A batch makes a lot of objects that live until its end and no cycles to
    speak of; the collector would walk them all again and again, at a cost
    that grows with the batch."""
    global _gc_pauses, _gc_resume
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_resume = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_resume:
                gc.enable()


class _BatchFailed(Exception):
    """Something other than an ``ApiError`` in a batch run."""


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
        self._context: Optional[BatchContext] = None

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
                self.store, self.project, user, self._context
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
        if self._context is not None:
            try:
                return self._apply(op), None
            except ApiError as exc:  # raised before anything was written
                return _result(op, op.entityId, exc.status, exc), exc
            except Exception as exc:
                raise _BatchFailed from exc
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
        _check(request.operations)
        with gc_paused():
            try:
                return self._run(request, progress, batch=True)
            except _BatchFailed as exc:
                log.warning(
                    "batch run failed (%r); running the operations one by one",
                    exc.__cause__,
                )
            return self._run(request, progress, batch=False)

    def _run(
        self,
        request: OperationsRequestModel,
        progress: Optional[Callable[[float], None]],
        batch: bool,
    ) -> dict[str, Any]:
        operations = request.operations
        self._services = {}
        self._context = context = (
            BatchContext(self.store, self.project.name) if batch else None
        )
        results: list[dict[str, Any]] = []
        failure: Optional[ApiError] = None
        total = len(operations)
        # progress in steps of 1% at most (and at the end)
        step = max(1, total // 100)
        try:
            with self.store.large_cache(), self.store.transaction():
                if context is not None:
                    try:
                        context.prefetch(
                            (op.type, op.entityType, op.entityId, op.data)
                            for op in operations
                        )
                    except Exception as exc:
                        raise _BatchFailed from exc
                for index, op in enumerate(operations):
                    result, error = self._attempt(op)
                    results.append(result)
                    done = index + 1
                    if progress is not None and (done % step == 0 or done == total):
                        progress(100.0 * done / total)
                    if error is not None and not request.canFail:
                        failure = error
                        raise _Rollback
                if context is not None:
                    try:
                        context.flush()
                    except Exception as exc:
                        raise _BatchFailed from exc
        except _Rollback:
            if context is not None:
                context.discard()
            if request.raiseOnError and failure is not None:
                raise failure from None
        finally:
            self._context = None
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
