"""Batch operations on project entities: one request creates, updates and
deletes many folders, tasks, products, versions, representations and
workfiles, in order and (unless ``can_fail``) as one transaction.

Operations are checked and turned into plain JSON before any request, so a
bad operation never reaches the server. Batches are POSTs and are never
repeated blindly (a repeated create could create twice).
"""
from __future__ import annotations

import datetime
import json
import logging
import math
import time
from collections.abc import Iterable
from typing import Any, Callable, Optional
from urllib.parse import quote

from .. import _json
from .._sentinels import NOT_SET, REMOVED_VALUE
from ..exceptions import FailedOperations
from ..utils import create_entity_id
from ._entities import ENTITY_TYPES, EntitiesAPI, check_entity_id, project_path

log = logging.getLogger("ayon_api")

OPERATION_TYPES = ("create", "update", "delete")
BACKGROUND_WAIT_TIMEOUT = 3600.0
POLL_FIRST_INTERVAL = 0.005
POLL_MAX_INTERVAL = 0.1
POLL_GROWTH = 1.3
_MAX_LISTED_FAILURES = 10


# -- input: operations to JSON ------------------------------------------------------
class _NotPlainJson(Exception):
    pass


def _plain_json_copy(value: Any) -> Any:
    """Copy of ``value`` when it holds only plain JSON values (the common
    case, checked fast); raises _NotPlainJson otherwise."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is dict:
        result = {}
        for key, item in value.items():
            if type(key) is not str:
                raise _NotPlainJson
            result[key] = _plain_json_copy(item)
        return result
    if kind is list:
        return [_plain_json_copy(item) for item in value]
    if kind is float and math.isfinite(value):
        return value
    raise _NotPlainJson


def _is_plain_json(value: Any) -> bool:
    """True when ``value`` holds only plain JSON values (checked without
    copying anything)."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return True
    if kind is dict:
        return all(type(key) is str and _is_plain_json(item)
                   for key, item in value.items())
    if kind is list:
        return all(_is_plain_json(item) for item in value)
    return kind is float and math.isfinite(value)


def to_json_value(value: Any, where: str) -> Any:
    """A JSON-ready copy of ``value``: datetimes become epoch seconds,
    ``REMOVED_VALUE`` becomes None; anything else that JSON cannot hold
    raises ValueError naming ``where`` and the value."""
    try:
        return _plain_json_copy(value)
    except _NotPlainJson:
        return _to_json_value(value, where)


def _to_json_value(value: Any, where: str) -> Any:
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{where} is {value!r}: JSON has no NaN/infinity")
        return value
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                raise ValueError(
                    f"{where} has a key {key!r} that is not a string")
            result[str(key)] = _to_json_value(item, f"{where}[{key!r}]")
        return result
    if isinstance(value, (list, tuple)):
        return [_to_json_value(item, f"{where}[{index}]")
                for index, item in enumerate(value)]
    if isinstance(value, datetime.datetime):
        return int(value.timestamp())
    if value is REMOVED_VALUE:
        return None
    if value is NOT_SET:
        raise ValueError(
            f"{where} is the NOT_SET sentinel: leave the key out instead")
    raise ValueError(
        f"{where} is not JSON serialisable: {value!r} "
        f"({type(value).__name__})")


def prepare_operations(operations: Any, *, activities: bool = False
                       ) -> list[dict[str, Any]]:
    """Check operations and return JSON-ready copies (missing ids filled).

    Entity operations need ``type`` (create/update/delete) and a known
    ``entityType``; updates and deletes an ``entityId``. Activity operations
    need ``type`` only. Raises TypeError/ValueError naming the bad value.
    """
    if isinstance(operations, (str, bytes, dict)) or not isinstance(
            operations, Iterable):
        raise TypeError(
            f"operations must be a list of dicts, got {operations!r}")
    prepared = []
    for index, operation in enumerate(operations):
        where = f"operations[{index}]"
        if not isinstance(operation, dict):
            raise TypeError(f"{where} must be a dict, got {operation!r}")
        op_type = operation.get("type")
        if op_type not in OPERATION_TYPES:
            raise ValueError(
                f"{where} has invalid type {op_type!r}: expected one of "
                f"{', '.join(OPERATION_TYPES)}")
        entity_id = None if activities else _check_entity_operation(
            operation, where, op_type)
        op_id = operation.get("id")
        if op_id is not None and not isinstance(op_id, str):
            raise TypeError(f"{where} has an id that is not a string: {op_id!r}")
        data = operation.get("data")
        if data is not None and not isinstance(data, dict):
            raise TypeError(f"{where}['data'] must be a dict, got {data!r}")
        # The common case, plain JSON, needs no deep copy: the request is
        # encoded at once and the caller's dicts are left untouched.
        item = (dict(operation) if _is_plain_json(operation)
                else to_json_value(operation, where))
        if entity_id is not None:
            item["entityId"] = entity_id
        if not op_id:
            item["id"] = create_entity_id()
        prepared.append(item)
    return prepared


def _check_entity_operation(operation: dict[str, Any], where: str,
                            op_type: str) -> Optional[str]:
    """The operation's entityId (normalised), checked with its types."""
    entity_type = operation.get("entityType")
    if entity_type not in ENTITY_TYPES:
        raise ValueError(
            f"{where} has invalid entityType {entity_type!r}: expected one "
            f"of {', '.join(ENTITY_TYPES)}")
    entity_id = operation.get("entityId")
    if entity_id is None and op_type != "create":
        raise ValueError(f"{where} ({op_type} {entity_type}) needs an entityId")
    if entity_id is None:
        return None
    return check_entity_id(entity_id, f"entityId of {where}")


# -- output: results to data or FailedOperations ---------------------------------
def _short(value: Any, limit: int = 200) -> str:
    text = json.dumps(value, default=repr, sort_keys=True)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _describe_failure(result: dict[str, Any],
                      sent: Optional[dict[str, Any]]) -> str:
    entity_type = result.get("entityType") or (sent or {}).get(
        "entityType", "activity")
    entity_id = (result.get("entityId") or result.get("activityId")
                 or (sent or {}).get("entityId"))
    detail = result.get("detail") or f"status {result.get('status')}"
    target = f"{entity_type} {entity_id}" if entity_id else f"new {entity_type}"
    text = (f"{result.get('type')} {target} (operation {result.get('id')}): "
            f"{detail}")
    if sent and sent.get("data"):
        text += f"; data {_short(sent['data'])}"
    return text


def operations_failure(project_name: str, sent: list[dict[str, Any]],
                       result: Any, can_fail: bool, prefix: str = ""
                       ) -> Optional[FailedOperations]:
    """The FailedOperations describing a failed batch result, or None when
    every operation succeeded. The error has ``results`` (per operation)
    and ``failed`` (the failed ones) attributes."""
    if not isinstance(result, dict) or not isinstance(
            result.get("operations"), list):
        detail = result.get("detail") if isinstance(result, dict) else None
        return _failure(
            f"{prefix}Operations in project '{project_name}' failed: "
            f"{detail or 'the server answered without operation results'}",
            [], [])
    results: list[dict[str, Any]] = result["operations"]
    failed = [item for item in results if not item.get("success")]
    success = result.get("success")
    if success is None:
        success = not failed
    if success and not failed:
        return None
    sent_by_id = {op.get("id"): op for op in sent}
    lines = [_describe_failure(item, sent_by_id.get(item.get("id")))
             for item in failed[:_MAX_LISTED_FAILURES]]
    if len(failed) > _MAX_LISTED_FAILURES:
        lines.append(f"... and {len(failed) - _MAX_LISTED_FAILURES} more")
    if not failed:
        lines.append(str(result.get("detail") or "no operation reported "
                                                  "the failure"))
    if can_fail:
        saved = len(results) - len(failed)
        outcome = f"the other {saved} were saved"
    else:
        outcome = "the batch was rolled back, none of it was saved"
    message = (
        f"{prefix}{len(failed)} of {len(sent)} operations failed in project "
        f"'{project_name}' ({outcome}):\n  " + "\n  ".join(lines))
    return _failure(message, results, failed)


def _failure(message: str, results: list[dict[str, Any]],
             failed: list[dict[str, Any]]) -> FailedOperations:
    error = FailedOperations(message)
    setattr(error, "results", results)  # noqa: B010
    setattr(error, "failed", failed)  # noqa: B010
    return error


# -- waiting for a background task ----------------------------------------------
def wait_for_task(
    task: dict[str, Any],
    fetch: Callable[[], dict[str, Any]],
    timeout: float,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> dict[str, Any]:
    """Poll ``fetch()`` until the task is ``completed``: first after 5 ms,
    then 1.3x longer each time up to 0.1 s. Raises FailedOperations when
    ``timeout`` seconds pass first (the task may still complete)."""
    deadline = clock() + timeout
    interval = POLL_FIRST_INTERVAL
    while task.get("status") != "completed":
        remaining = deadline - clock()
        if remaining <= 0:
            error = FailedOperations(
                f"Background operations task {task.get('id')} did not "
                f"complete within {timeout:g} s (status "
                f"{task.get('status')!r}, progress {task.get('progress')}); "
                "it may still complete on the server: check it with "
                "get_background_operations_status()")
            setattr(error, "task", task)  # noqa: B010
            raise error
        sleep(min(interval, remaining))
        interval = min(interval * POLL_GROWTH, POLL_MAX_INTERVAL)
        task = fetch()
    return task


class OperationsAPI(EntitiesAPI):
    """``/api/projects/{project}/operations`` (sync, background and
    activities)."""

    def _post_operations(self, project_name: str, suffix: str,
                         operations: list[dict[str, Any]], can_fail: bool,
                         wait_for_events: bool) -> Any:
        # The operations were checked to be plain JSON: encode them fast.
        body = _json.dumps_plain({
            "operations": operations, "canFail": bool(can_fail),
            "waitForEvents": bool(wait_for_events)})
        response = self._do_rest(
            "POST", self._endpoint_to_url(
                f"{project_path(project_name)}/operations{suffix}"),
            {"data": body, "headers": {"Content-Type": "application/json"},
             "fast": True})
        response.raise_for_status()
        return response.data

    def send_batch_operations(
        self,
        project_name: str,
        operations: list[dict[str, Any]],
        *,
        can_fail: bool = False,
        wait_for_events: bool = False,
        raise_on_fail: bool = True,
    ) -> list[dict[str, Any]]:
        """Run entity operations in one request; returns one result per
        operation (``id``, ``type``, ``entityId``, ``success``, ``detail``).

        Without ``can_fail`` the batch is all-or-nothing. A failed batch
        raises FailedOperations (unless ``raise_on_fail`` is False), an
        HTTP error HTTPRequestError; bad operations raise ValueError or
        TypeError before any request.
        """
        project_path(project_name)
        prepared = prepare_operations(operations)
        result = self._post_operations(project_name, "", prepared, can_fail,
                                       wait_for_events)
        return self._operations_results(project_name, prepared, result,
                                        can_fail, raise_on_fail)

    def send_activities_batch_operations(
        self,
        project_name: str,
        operations: list[dict[str, Any]],
        *,
        can_fail: bool = False,
        wait_for_events: bool = False,
        raise_on_fail: bool = True,
    ) -> list[dict[str, Any]]:
        """Create, update and delete activities (comments...) in one
        request; as :meth:`send_batch_operations`, with ``activityId``
        instead of ``entityType``/``entityId``."""
        project_path(project_name)
        prepared = prepare_operations(operations, activities=True)
        result = self._post_operations(project_name, "/activities", prepared,
                                       can_fail, wait_for_events)
        return self._operations_results(project_name, prepared, result,
                                        can_fail, raise_on_fail)

    @staticmethod
    def _operations_results(project_name: str, sent: list[dict[str, Any]],
                            result: Any, can_fail: bool, raise_on_fail: bool
                            ) -> list[dict[str, Any]]:
        error = operations_failure(project_name, sent, result, can_fail)
        has_results = isinstance(result, dict) and isinstance(
            result.get("operations"), list)
        if error is not None and (raise_on_fail or not has_results):
            raise error
        return list(result["operations"])

    def send_background_batch_operations(
        self,
        project_name: str,
        operations: list[dict[str, Any]],
        *,
        can_fail: bool = False,
        wait_for_events: bool = False,
        raise_on_fail: bool = True,
        wait: bool = False,
        wait_timeout: Optional[float] = None,
    ) -> dict[str, Any]:
        """Queue entity operations as a server task; returns the task
        (``id``, ``status``: pending/in_progress/completed, ``result``).

        With ``wait`` the task is polled (5 ms, growing to 0.1 s) until it
        completes, at most ``wait_timeout`` seconds (default one hour;
        FailedOperations when exceeded). A completed task whose batch failed
        raises FailedOperations unless ``raise_on_fail`` is False.
        """
        project_path(project_name)
        prepared = prepare_operations(operations)
        task = self._post_operations(project_name, "/background", prepared,
                                     can_fail, wait_for_events)
        if not isinstance(task, dict) or not task.get("id"):
            raise FailedOperations(
                f"Background operations in project '{project_name}' were "
                f"not accepted: unexpected answer {_short(task)}")
        if wait:
            task_id = task["id"]
            task = wait_for_task(
                task,
                lambda: self.get_background_operations_status(
                    project_name, task_id),
                BACKGROUND_WAIT_TIMEOUT if wait_timeout is None
                else float(wait_timeout),
            )
        if raise_on_fail and task.get("status") == "completed":
            error = operations_failure(project_name, prepared,
                                       task.get("result"), can_fail)
            if error is not None:
                setattr(error, "task", task)  # noqa: B010
                raise error
        return task

    def get_background_operations_status(self, project_name: str,
                                         task_id: str) -> dict[str, Any]:
        """The state of a background operations task: ``id``, ``status``
        (pending/in_progress/completed) and, once completed, ``result``."""
        if not isinstance(task_id, str) or not task_id.strip():
            raise ValueError(f"Invalid background task id {task_id!r}")
        response = self.get(
            f"{project_path(project_name)}/operations/background/"
            f"{quote(task_id, safe='')}")
        response.raise_for_status()
        return response.data
