"""Batch operations: input checks, JSON conversion, result interpretation
and the background polling loop (pure functions, no server)."""
from __future__ import annotations

import datetime
import re
from typing import Any

import pytest

from ayon_api.exceptions import FailedOperations
from ayon_api.resources.operations import (
    operations_failure,
    prepare_operations,
    to_json_value,
    wait_for_task,
)
from ayon_api.utils import NOT_SET, REMOVED_VALUE

FOLDER_ID = "a" * 32


def test_json_conversion() -> None:
    when = datetime.datetime(2024, 1, 2, 3, 4, 5,
                             tzinfo=datetime.timezone.utc)
    value = {"a": (1, 2.5, "x"), 3: None, "when": when, "gone": REMOVED_VALUE,
             "nested": [{"b": True}]}
    assert to_json_value(value, "data") == {
        "a": [1, 2.5, "x"], "3": None, "when": int(when.timestamp()),
        "gone": None, "nested": [{"b": True}]}


@pytest.mark.parametrize(("value", "fragment"), [
    ({"tags": {"a"}}, "data['tags']"),
    ({"x": NOT_SET}, "NOT_SET"),
    ({"x": float("nan")}, "NaN"),
    ({"x": [object()]}, "data['x'][0]"),
    ({(1, 2): 1}, "key (1, 2)"),
])
def test_json_conversion_names_the_bad_value(value: Any, fragment: str
                                             ) -> None:
    with pytest.raises(ValueError, match=re.escape(fragment)):
        to_json_value(value, "data")


def test_prepare_fills_ids_and_leaves_input_alone() -> None:
    operations = [
        {"type": "create", "entityType": "folder",
         "data": {"name": "a", "folderType": "Folder"}},
        {"id": "mine", "type": "delete", "entityType": "folder",
         "entityId": FOLDER_ID},
    ]
    prepared = prepare_operations(operations)
    assert re.fullmatch(r"[0-9a-f]{32}", prepared[0]["id"])
    assert prepared[1]["id"] == "mine"
    assert "id" not in operations[0]
    assert prepared[0]["data"] == operations[0]["data"]
    assert prepared[0] is not operations[0]  # plain data is shared, not copied
    dashed = "a" * 8 + "-" + "a" * 4 + "-" + "a" * 4 + "-" + "a" * 4 + "-" + "a" * 12
    assert prepare_operations([{"type": "delete", "entityType": "task",
                                "entityId": dashed.upper()}]
                              )[0]["entityId"] == FOLDER_ID
    ids = {prepare_operations(operations)[0]["id"] for _ in range(50)}
    assert len(ids) == 50


@pytest.mark.parametrize(("operations", "error", "fragment"), [
    ({"type": "create"}, TypeError, "list of dicts"),
    ("create", TypeError, "list of dicts"),
    ([["create"]], TypeError, "operations[0] must be a dict"),
    ([{"type": "upsert", "entityType": "folder"}], ValueError, "'upsert'"),
    ([{"type": "create", "entityType": "shot"}], ValueError, "'shot'"),
    ([{"type": "create"}], ValueError, "entityType None"),
    ([{"type": "update", "entityType": "task", "data": {}}], ValueError,
     "needs an entityId"),
    ([{"type": "delete", "entityType": "task", "entityId": "nope"}],
     ValueError, "'nope'"),
    ([{"type": "create", "entityType": "task", "data": "x"}], TypeError,
     "['data'] must be a dict"),
    ([{"type": "create", "entityType": "task", "id": 5}], TypeError, "5"),
    ([{"type": "create", "entityType": "task", "data": {"x": {1.5}}}],
     ValueError, "operations[0]['data']['x']"),
])
def test_prepare_rejects_bad_operations(operations: Any, error: type,
                                        fragment: str) -> None:
    with pytest.raises(error, match=re.escape(fragment)):
        prepare_operations(operations)


def test_activity_operations_need_no_entity_type() -> None:
    prepared = prepare_operations(
        [{"type": "create", "data": {"body": "hi"}}], activities=True)
    assert prepared[0]["data"] == {"body": "hi"}
    with pytest.raises(ValueError):
        prepare_operations([{"type": "x"}], activities=True)


def _result(op_id: str, success: bool, detail: Any = None) -> dict[str, Any]:
    return {"id": op_id, "type": "create", "entityType": "folder",
            "entityId": FOLDER_ID, "success": success, "status":
            201 if success else 409, "detail": detail}


def test_successful_result_is_not_a_failure() -> None:
    sent = [{"id": "1"}]
    result = {"success": True, "operations": [_result("1", True)]}
    assert operations_failure("P", sent, result, False) is None


def test_failure_names_the_failed_operation_and_rollback() -> None:
    sent = [{"id": "1", "data": {"name": "a"}}, {"id": "2",
                                                  "data": {"name": "b"}}]
    result = {"success": False, "operations": [
        _result("1", True), _result("2", False, "name exists")]}
    error = operations_failure("Show", sent, result, False)
    assert isinstance(error, FailedOperations)
    text = str(error)
    assert "1 of 2 operations failed in project 'Show'" in text
    assert "rolled back" in text
    assert f"create folder {FOLDER_ID} (operation 2): name exists" in text
    assert '"name": "b"' in text
    assert error.failed == [result["operations"][1]]  # type: ignore[attr-defined]
    assert error.results == result["operations"]  # type: ignore[attr-defined]
    partial = operations_failure("Show", sent, result, True)
    assert "the other 1 were saved" in str(partial)


def test_failure_without_results_uses_the_detail() -> None:
    error = operations_failure("P", [], {"detail": "Duplicate operation"},
                               False, "Batch 2 of 3: ")
    assert str(error).startswith("Batch 2 of 3: Operations in project 'P'")
    assert "Duplicate operation" in str(error)
    assert "without operation results" in str(
        operations_failure("P", [], None, False))


def test_many_failures_are_summarised() -> None:
    results = [_result(str(i), False, f"bad {i}") for i in range(25)]
    error = operations_failure("P", [], {"success": False,
                                         "operations": results}, True)
    assert "bad 9" in str(error) and "bad 10" not in str(error)
    assert "... and 15 more" in str(error)


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def __call__(self) -> float:
        return self.now


def test_polling_grows_from_5_ms_to_a_tenth_of_a_second() -> None:
    clock = _Clock()
    answers = iter([{"id": "t", "status": "in_progress"}] * 19
                   + [{"id": "t", "status": "completed", "result": {}}])
    task = wait_for_task({"id": "t", "status": "pending"},
                         lambda: next(answers), 60,
                         sleep=clock.sleep, clock=clock)
    assert task["status"] == "completed"
    assert clock.sleeps[0] == pytest.approx(0.005)
    assert clock.sleeps == sorted(clock.sleeps)
    assert max(clock.sleeps) == 0.1
    assert len(clock.sleeps) == 20


def test_polling_stops_at_the_timeout() -> None:
    clock = _Clock()
    with pytest.raises(FailedOperations, match="did not complete within 3 s"
                       ) as info:
        wait_for_task({"id": "t", "status": "pending"},
                      lambda: {"id": "t", "status": "in_progress"}, 3,
                      sleep=clock.sleep, clock=clock)
    assert clock.now == pytest.approx(3.0)
    assert info.value.task["id"] == "t"  # type: ignore[attr-defined]


def test_completed_task_is_not_polled() -> None:
    def fetch() -> dict[str, Any]:
        raise AssertionError("polled")

    task = {"id": "t", "status": "completed"}
    assert wait_for_task(task, fetch, 0) is task
