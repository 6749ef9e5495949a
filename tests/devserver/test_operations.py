"""Batch operations: order, all-or-nothing, canFail, background tasks."""

from __future__ import annotations

import time
import uuid
from typing import Any

from .helpers import Api, create, get_entity, new_project


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


def _folder_names(admin: Api, project: str) -> list[str]:
    folders = admin.get(f"/api/projects/{project}/folders").json()["folders"]
    return [f["name"] for f in folders]


def test_batch_in_order(admin: Api) -> None:
    project = new_project(admin, "ops")
    sq, sh, task = (uuid.uuid4().hex for _ in range(3))
    operations = [
        _op("create", "folder", sq, name="sq010", folderType="Sequence"),
        _op("create", "folder", sh, name="sh010", folderType="Shot", parentId=sq),
        _op("create", "task", task, name="comp", taskType="Compositing", folderId=sh),
        _op("update", "folder", sh, label="Shot 10", attrib={"fps": 50}),
        _op("create", "folder", name="nameless_id"),
    ]
    response = admin.post(
        f"/api/projects/{project}/operations", json={"operations": operations}
    )
    assert response.status_code == 200
    result = response.json()
    assert result["success"] is True
    assert [r["status"] for r in result["operations"]] == [201, 201, 201, 204, 201]
    assert [r["id"] for r in result["operations"]] == [o["id"] for o in operations]
    assert result["operations"][0] == {
        "id": operations[0]["id"],
        "type": "create",
        "entityType": "folder",
        "entityId": sq,
        "status": 201,
        "success": True,
        "detail": None,
        "errorCode": None,
    }
    assert len(result["operations"][4]["entityId"]) == 32
    shot = get_entity(admin, project, "folder", sh)
    assert (shot["path"], shot["label"], shot["attrib"]["fps"]) == (
        "/sq010/sh010",
        "Shot 10",
        50.0,
    )

    delete = [_op("delete", "task", task), _op("delete", "folder", sh)]
    result = admin.post(
        f"/api/projects/{project}/operations", json={"operations": delete}
    ).json()
    assert result["success"] is True
    assert _folder_names(admin, project) == ["sq010", "nameless_id"]


def test_failure_rolls_back_everything(admin: Api) -> None:
    project = new_project(admin, "rollback")
    existing = create(admin, project, "folder", name="keep")
    new_id = uuid.uuid4().hex
    operations = [
        _op("create", "folder", new_id, name="created_then_undone"),
        _op("update", "folder", existing, label="changed"),
        _op("create", "task", name="t", taskType="Compositing", folderId=new_id),
        _op("create", "folder", name="keep"),  # duplicate: fails
        _op("create", "folder", name="never_reached"),
    ]
    result = admin.post(
        f"/api/projects/{project}/operations", json={"operations": operations}
    ).json()
    assert result["success"] is False
    statuses = [(r["success"], r["status"]) for r in result["operations"]]
    assert statuses == [(True, 201), (True, 204), (True, 201), (False, 409)]
    assert result["operations"][3]["errorCode"] == "unique-violation"
    assert "keep" in result["operations"][3]["detail"]
    assert _folder_names(admin, project) == ["keep"]
    assert "label" not in get_entity(admin, project, "folder", existing)
    assert admin.get(f"/api/projects/{project}/stats").json()["counts"]["tasks"] == 0


def test_invalid_data_reported_per_operation(admin: Api) -> None:
    project = new_project(admin, "invalid")
    result = admin.post(
        f"/api/projects/{project}/operations",
        json={
            "operations": [
                {
                    "type": "create",
                    "entityType": "folder",
                    "data": {"name": "bad name!"},
                }
            ]
        },
    ).json()
    (op,) = result["operations"]
    assert result["success"] is False
    assert (op["status"], op["errorCode"], op["entityId"]) == (
        400,
        "invalid_data",
        None,
    )
    assert op["detail"].startswith("Invalid data provided")
    assert len(op["id"]) == 32


def test_can_fail_keeps_the_successes(admin: Api) -> None:
    project = new_project(admin, "canfail")
    operations = [
        _op("create", "folder", name="one"),
        _op("create", "folder", name="one"),
        _op("update", "folder", uuid.uuid4().hex, label="ghost"),
        _op("create", "folder", name="two"),
    ]
    result = admin.post(
        f"/api/projects/{project}/operations",
        json={"operations": operations, "canFail": True},
    ).json()
    assert result["success"] is False
    assert [r["status"] for r in result["operations"]] == [201, 409, 404, 201]
    assert _folder_names(admin, project) == ["one", "two"]


def test_duplicate_targets_rejected(admin: Api) -> None:
    project = new_project(admin, "dupes")
    folder = create(admin, project, "folder", name="x")
    response = admin.post(
        f"/api/projects/{project}/operations",
        json={
            "operations": [
                _op("update", "folder", folder, label="a"),
                _op("delete", "folder", folder),
            ]
        },
    )
    assert response.status_code == 400


def _wait(admin: Api, project: str, task_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + 10
    while True:
        status = admin.get(f"/api/projects/{project}/operations/background/{task_id}")
        assert status.status_code == 200
        body = status.json()
        if body["status"] == "completed" or time.monotonic() > deadline:
            return body
        time.sleep(0.02)


def test_background_operations(admin: Api) -> None:
    project = new_project(admin, "bg")
    folder_id = uuid.uuid4().hex
    response = admin.post(
        f"/api/projects/{project}/operations/background",
        json={
            "operations": [
                _op("create", "folder", folder_id, name="sq010"),
                _op(
                    "create",
                    "task",
                    name="comp",
                    taskType="Compositing",
                    folderId=folder_id,
                ),
            ],
            "canFail": False,
            "waitForEvents": False,
        },
    )
    assert response.status_code == 200
    started = response.json()
    assert set(started) == {"id", "status", "progress", "result"}
    assert started["status"] == "pending" and started["result"] is None

    done = _wait(admin, project, started["id"])
    assert (done["status"], done["progress"]) == ("completed", 100.0)
    assert done["result"]["success"] is True
    assert [r["status"] for r in done["result"]["operations"]] == [201, 201]

    failing = admin.post(
        f"/api/projects/{project}/operations/background",
        json={"operations": [_op("create", "folder", name="sq010")]},
    ).json()
    done = _wait(admin, project, failing["id"])
    assert done["result"]["success"] is False
    assert (
        admin.get(
            f"/api/projects/{project}/operations/background/{uuid.uuid4().hex}"
        ).status_code
        == 404
    )
