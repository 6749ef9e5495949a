"""Large batches and the batch machinery: 10 000 operations at once, the
batch seeing its own writes, all-or-nothing and canFail at scale, the
fall-back to one-by-one runs, background batches."""

from __future__ import annotations

import time
import uuid
from typing import Any

import pytest

from ayon_devserver.entities import context as batch_context

from .helpers import Api, create, get_entity, new_project

SIZE = 5000  # folders (each with one task): batches of 10 000 operations


def _op(
    kind: str, entity_type: str, entity_id: str = "", **data: Any
) -> dict[str, Any]:
    op: dict[str, Any] = {
        "id": uuid.uuid4().hex,
        "type": kind,
        "entityType": entity_type,
    }
    if entity_id:
        op["entityId"] = entity_id
    if data:
        op["data"] = data
    return op


def _send(admin: Api, project: str, operations: list[Any], **options: Any) -> Any:
    response = admin.post(
        f"/api/projects/{project}/operations",
        json={"operations": operations, **options},
        timeout=300,
    )
    assert response.status_code == 200, response.text
    return response.json()


def _counts(admin: Api, project: str) -> dict[str, int]:
    counts = admin.get(f"/api/projects/{project}/stats").json()["counts"]
    return {k: v for k, v in counts.items() if v}


def _folders_and_tasks(n: int) -> tuple[list[str], list[str], list[Any]]:
    folders = [uuid.uuid4().hex for _ in range(n)]
    tasks = [uuid.uuid4().hex for _ in range(n)]
    operations = []
    for i, (folder, task) in enumerate(zip(folders, tasks)):
        operations.append(
            _op("create", "folder", folder, name=f"f{i:05d}", folderType="Folder")
        )
        operations.append(
            _op(
                "create", "task", task, name="work", taskType="Generic", folderId=folder
            )
        )
    return folders, tasks, operations


def test_ten_thousand_operations(admin: Api) -> None:
    project = new_project(admin, "big")
    assert (
        admin.patch(
            f"/api/projects/{project}", json={"attrib": {"fps": 24}}
        ).status_code
        == 204
    )
    folders, tasks, operations = _folders_and_tasks(SIZE)

    result = _send(admin, project, operations)
    assert result["success"] is True
    assert len(result["operations"]) == 2 * SIZE
    assert [r["id"] for r in result["operations"]] == [o["id"] for o in operations]
    assert {r["status"] for r in result["operations"]} == {201}
    assert [r["entityId"] for r in result["operations"]] == [
        o["entityId"] for o in operations
    ]
    assert _counts(admin, project) == {"folders": SIZE, "tasks": SIZE}
    for i in (0, 1234, SIZE - 1):
        folder = get_entity(admin, project, "folder", folders[i])
        assert (folder["name"], folder["path"], folder["folderType"]) == (
            f"f{i:05d}",
            f"/f{i:05d}",
            "Folder",
        )
        assert (folder["status"], folder["createdBy"], folder["updatedBy"]) == (
            "Not ready",
            "service",
            "service",
        )
        assert folder["attrib"]["fps"] == 24.0 and folder["ownAttrib"] == []
        task = get_entity(admin, project, "task", tasks[i])
        assert (task["name"], task["folderId"], task["taskType"]) == (
            "work",
            folders[i],
            "Generic",
        )
    # in creation order (one after the other, as the batch went)
    first = get_entity(admin, project, "folder", folders[0])
    last = get_entity(admin, project, "folder", folders[-1])
    assert first["createdAt"] <= last["createdAt"]

    updates = []
    for i, (folder, task) in enumerate(zip(folders, tasks)):
        updates.append(
            _op("update", "folder", folder, label=f"F {i}", attrib={"fps": 25})
        )
        updates.append(_op("update", "task", task, label="Work", status="In progress"))
    result = _send(admin, project, updates)
    assert result["success"] is True
    assert {r["status"] for r in result["operations"]} == {204}
    folder = get_entity(admin, project, "folder", folders[777])
    assert (folder["label"], folder["attrib"]["fps"], folder["ownAttrib"]) == (
        "F 777",
        25.0,
        ["fps"],
    )
    task = get_entity(admin, project, "task", tasks[777])
    assert (task["label"], task["status"], task["attrib"]["fps"]) == (
        "Work",
        "In progress",
        25.0,
    )
    assert task["updatedAt"] >= task["createdAt"]

    # a folder with a task cannot go, unless its task went before it
    blocked = _send(admin, project, [_op("delete", "folder", folders[0])])
    assert blocked["operations"][0]["status"] == 409
    deletes = []
    for folder, task in zip(folders, tasks):
        deletes.append(_op("delete", "task", task))
        deletes.append(_op("delete", "folder", folder))
    result = _send(admin, project, deletes)
    assert result["success"] is True
    assert {r["status"] for r in result["operations"]} == {204}
    assert _counts(admin, project) == {}


def test_late_failure_leaves_nothing(admin: Api) -> None:
    project = new_project(admin, "bigfail")
    keep = create(admin, project, "folder", name="keep", attrib={"fps": 30})
    _folders, _tasks, operations = _folders_and_tasks(SIZE)
    operations.insert(10, _op("update", "folder", keep, label="changed"))
    operations.append(_op("create", "folder", name="f00042"))  # a duplicate
    operations.append(_op("create", "folder", name="never_reached"))

    result = _send(admin, project, operations)
    assert result["success"] is False
    statuses = [r["status"] for r in result["operations"]]
    assert len(statuses) == 2 * SIZE + 2  # up to the failure, not beyond
    assert set(statuses[:-1]) == {201, 204} and statuses[-1] == 409
    assert result["operations"][-1]["errorCode"] == "unique-violation"
    assert "f00042" in result["operations"][-1]["detail"]
    assert _counts(admin, project) == {"folders": 1}
    assert "label" not in get_entity(admin, project, "folder", keep)

    response = admin.post(
        f"/api/projects/{project}/operations",
        json={"operations": operations, "raiseOnError": True},
        timeout=300,
    )
    assert response.status_code == 409
    assert "f00042" in response.json()["detail"]
    assert _counts(admin, project) == {"folders": 1}


def test_can_fail_keeps_each_success(admin: Api) -> None:
    project = new_project(admin, "bigcanfail")
    folders, tasks, operations = _folders_and_tasks(1000)
    operations[2 * 10]["data"]["folderType"] = "NoSuchType"  # folder 10 fails
    operations[2 * 20 + 1]["data"]["name"] = "bad name!"  # task 20 fails
    operations.append(  # its folder is f00010, which failed
        _op("create", "task", name="x", taskType="Generic", folderId=folders[10])
    )
    operations.append(
        _op("create", "task", name="work", taskType="Generic", folderId=folders[30])
    )  # a duplicate name
    operations.append(_op("delete", "folder", folders[40]))  # it has a task
    operations.append(_op("delete", "task", tasks[50]))
    operations.append(_op("delete", "folder", folders[50]))  # now empty
    operations.append(_op("update", "folder", folders[60], name="f00061"))  # taken
    operations.append(_op("update", "folder", folders[70], name="renamed"))

    result = _send(admin, project, operations, canFail=True)
    assert result["success"] is False
    failed = {i for i, r in enumerate(result["operations"]) if not r["success"]}
    n = 2 * 1000
    assert failed == {20, 21, 41, n, n + 1, n + 2, n + 5}
    statuses = {i: result["operations"][i]["status"] for i in failed}
    assert set(statuses.values()) == {409, 400} and statuses[41] == 400
    assert _counts(admin, project) == {"folders": 998, "tasks": 997}
    assert get_entity(admin, project, "folder", folders[70])["path"] == "/renamed"
    gone = admin.get(f"/api/projects/{project}/folders/{folders[50]}")
    assert gone.status_code == 404


def test_batch_sees_its_own_writes(admin: Api) -> None:
    project = new_project(admin, "ownwrites")
    root = create(admin, project, "folder", name="root")
    child = create(admin, project, "folder", name="child", parentId=root)
    old_task = create(
        admin, project, "task", name="old", taskType="Generic", folderId=child
    )
    new_id, moved_task = uuid.uuid4().hex, uuid.uuid4().hex
    operations = [
        # rename a folder with a child: the child's path follows
        _op("update", "folder", root, name="top"),
        _op("create", "folder", new_id, name="grandchild", parentId=child),
        # the old task goes, its name is free again
        _op("delete", "task", old_task),
        _op(
            "create", "task", moved_task, name="old", taskType="Generic", folderId=child
        ),
        _op("update", "task", moved_task, name="new"),
        _op("create", "task", name="old", taskType="Generic", folderId=child),
        _op("create", "task", name="new", taskType="Generic", folderId=child),
    ]
    result = _send(admin, project, operations, canFail=True)
    assert [r["status"] for r in result["operations"]] == [
        204,
        201,
        204,
        201,
        204,
        201,
        409,
    ]
    assert get_entity(admin, project, "folder", new_id)["path"] == (
        "/top/child/grandchild"
    )
    assert get_entity(admin, project, "task", moved_task)["name"] == "new"

    # a subtree goes with force, and its names are free again
    operations = [
        {**_op("delete", "folder", root), "force": True},
        _op("create", "folder", name="top"),
        _op("create", "task", name="t", taskType="Generic", folderId=child),
    ]
    result = _send(admin, project, operations, canFail=True)
    assert [r["status"] for r in result["operations"]] == [204, 201, 409]
    assert _counts(admin, project) == {"folders": 1}


def test_failing_batch_run_falls_back(
    admin: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Something unexpected in a batch run (not an API error): the batch
    runs again one operation at a time, with the same outcome."""
    project = new_project(admin, "fallback")
    folders, _tasks, operations = _folders_and_tasks(50)

    def broken(self: Any) -> None:
        raise RuntimeError("broken")

    monkeypatch.setattr(batch_context.BatchContext, "flush", broken)
    result = _send(admin, project, operations)
    assert result["success"] is True
    assert {r["status"] for r in result["operations"]} == {201}
    assert _counts(admin, project) == {"folders": 50, "tasks": 50}
    assert get_entity(admin, project, "folder", folders[7])["path"] == "/f00007"


def test_background_batch(admin: Api) -> None:
    project = new_project(admin, "bigbg")
    _folders, _tasks, operations = _folders_and_tasks(SIZE)
    response = admin.post(
        f"/api/projects/{project}/operations/background",
        json={"operations": operations},
        timeout=300,
    )
    assert response.status_code == 200
    task = response.json()
    assert (task["status"], task["result"]) == ("pending", None)
    deadline = time.monotonic() + 300
    while True:
        status = admin.get(
            f"/api/projects/{project}/operations/background/{task['id']}"
        ).json()
        if status["status"] == "completed" or time.monotonic() > deadline:
            break
        assert status["status"] in ("pending", "in_progress")
        time.sleep(0.02)
    assert (status["status"], status["progress"]) == ("completed", 100.0)
    assert status["result"]["success"] is True
    assert len(status["result"]["operations"]) == 2 * SIZE
    assert _counts(admin, project) == {"folders": SIZE, "tasks": SIZE}
