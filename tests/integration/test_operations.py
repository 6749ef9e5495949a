"""send_batch_operations & co. against the devserver over real HTTP."""
from __future__ import annotations

import datetime
import time
import uuid
from collections.abc import Iterator
from typing import Any, Optional

import pytest

from ayon_api import ServerAPI
from ayon_api.exceptions import (
    FailedOperations,
    HTTPRequestError,
    ServerNotReached,
)
from ayon_api.utils import NOT_SET, create_entity_id
from tests.faults.proxy import FaultProxy


@pytest.fixture(scope="module")
def con(ayon_server: Any) -> Iterator[ServerAPI]:
    connection = ServerAPI(ayon_server.url, token=ayon_server.api_key)
    yield connection
    connection.close_session()


@pytest.fixture(scope="module")
def project(con: ServerAPI) -> Iterator[str]:
    name = f"ops_{uuid.uuid4().hex[:8]}"
    con.create_project(name, f"o{uuid.uuid4().hex[:5]}")
    yield name
    con.delete_project(name)


def _create(entity_type: str, data: dict[str, Any],
            entity_id: Optional[str] = None) -> dict[str, Any]:
    entity_id = entity_id or create_entity_id()
    return {"type": "create", "entityType": entity_type, "entityId": entity_id,
            "data": {"id": entity_id, **data}}


def _folder(name: str, parent_id: Optional[str] = None) -> dict[str, Any]:
    data: dict[str, Any] = {"name": name, "folderType": "Folder"}
    if parent_id:
        data["parentId"] = parent_id
    return _create("folder", data)


def _exists(con: ServerAPI, project: str, entity_type: str, entity_id: str
            ) -> bool:
    return con.get_rest_entity_by_id(project, entity_type, entity_id
                                     ) is not None


def test_each_operation_for_each_entity_type(con: ServerAPI, project: str
                                             ) -> None:
    folder = _folder(f"f_{uuid.uuid4().hex[:6]}")
    fid = folder["entityId"]
    task = _create("task", {"name": "comp", "taskType": "Compositing",
                            "folderId": fid})
    product = _create("product", {"name": "renderMain",
                                  "productType": "render", "folderId": fid})
    version = _create("version", {"version": 1,
                                  "productId": product["entityId"],
                                  "taskId": task["entityId"]})
    repre = _create("representation", {"name": "exr", "files": [],
                                       "versionId": version["entityId"]})
    workfile = _create("workfile", {"path": "/w/a.ma",
                                    "taskId": task["entityId"]})
    created = [folder, task, product, version, repre, workfile]
    results = con.send_batch_operations(project, created)
    assert [r["entityId"] for r in results] == [
        op["entityId"] for op in created]
    assert all(r["success"] and r["type"] == "create" for r in results)
    for op in created:
        assert _exists(con, project, op["entityType"], op["entityId"])

    updates = [{"type": "update", "entityType": op["entityType"],
                "entityId": op["entityId"], "data": {"attrib": {
                    "description": f"new {op['entityType']}"}}}
               for op in created]
    results = con.send_batch_operations(project, updates)
    assert all(r["success"] and r["type"] == "update" for r in results)
    for op in created:
        entity = con.get_rest_entity_by_id(project, op["entityType"],
                                           op["entityId"])
        assert entity is not None
        assert entity["attrib"]["description"] == f"new {op['entityType']}"

    deletes = [{"type": "delete", "entityType": op["entityType"],
                "entityId": op["entityId"]} for op in reversed(created)]
    results = con.send_batch_operations(project, deletes)
    assert all(r["success"] and r["type"] == "delete" for r in results)
    for op in created:
        assert not _exists(con, project, op["entityType"], op["entityId"])


def test_earlier_folders_parent_later_ones(con: ServerAPI, project: str
                                          ) -> None:
    root = _folder(f"ep_{uuid.uuid4().hex[:6]}")
    seq = _folder("sq010", root["entityId"])
    shots = [_folder(f"sh{i:03d}", seq["entityId"]) for i in range(3)]
    con.send_batch_operations(project, [root, seq, *shots])
    folder = con.get_folder_by_id(project, shots[2]["entityId"])
    assert folder is not None
    assert folder["path"] == f"/{root['data']['name']}/sq010/sh002"


def test_failing_operation_rolls_back_the_batch(
        con: ServerAPI, project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _folder(f"ok_{uuid.uuid4().hex[:6]}")
    child = _folder("child", good["entityId"])
    bad = _create("task", {"name": "t", "taskType": "Compositing",
                           "folderId": create_entity_id()})
    with pytest.raises(FailedOperations) as info:
        con.send_batch_operations(project, [good, child, bad])
    message = str(info.value)
    assert "rolled back" in message
    assert f"create task {bad['entityId']}" in message
    assert info.value.failed[0]["detail"] in message  # type: ignore[attr-defined]
    assert not _exists(con, project, "folder", good["entityId"])
    assert not _exists(con, project, "folder", child["entityId"])
    assert capsys.readouterr().out == ""

    results = con.send_batch_operations(project, [good, child, bad],
                                        raise_on_fail=False)
    assert results[-1]["success"] is False
    assert not _exists(con, project, "folder", good["entityId"])


def test_can_fail_keeps_the_successful_operations(con: ServerAPI,
                                                  project: str) -> None:
    first = _folder(f"cf_{uuid.uuid4().hex[:6]}")
    duplicate = {"type": "create", "entityType": "folder", "data": {
        "name": first["data"]["name"], "folderType": "Folder"}}
    last = _folder(f"cf_{uuid.uuid4().hex[:6]}")
    results = con.send_batch_operations(
        project, [first, duplicate, last], can_fail=True, raise_on_fail=False)
    assert [r["success"] for r in results] == [True, False, True]
    assert results[1]["detail"]
    assert _exists(con, project, "folder", first["entityId"])
    assert _exists(con, project, "folder", last["entityId"])

    again = [_folder(f"cf_{uuid.uuid4().hex[:6]}"), first]
    with pytest.raises(FailedOperations, match="the other 1 were saved"):
        con.send_batch_operations(project, again, can_fail=True)
    assert _exists(con, project, "folder", again[0]["entityId"])


def test_data_is_converted_to_json(con: ServerAPI, project: str) -> None:
    when = datetime.datetime(2024, 5, 6, 7, 8, 9,
                             tzinfo=datetime.timezone.utc)
    op = _folder(f"js_{uuid.uuid4().hex[:6]}")
    op["data"]["data"] = {"published": when, "frames": (1001, 1100)}
    con.send_batch_operations(project, [op])
    entity = con.get_rest_entity_by_id(project, "folder", op["entityId"])
    assert entity is not None
    assert entity["data"] == {"published": int(when.timestamp()),
                              "frames": [1001, 1100]}


def test_unknown_project_raises_http_error(con: ServerAPI) -> None:
    with pytest.raises(HTTPRequestError) as info:
        con.send_batch_operations(f"nope_{uuid.uuid4().hex[:6]}",
                                  [_folder("a")])
    assert info.value.status_code == 404


@pytest.mark.parametrize(("project_name", "operations", "error"), [
    ("", [{"type": "create", "entityType": "folder"}], ValueError),
    (None, [], ValueError),
    ("P", {"type": "create"}, TypeError),
    ("P", [{"type": "upsert", "entityType": "folder"}], ValueError),
    ("P", [{"type": "create", "entityType": "shot"}], ValueError),
    ("P", [{"type": "create", "entityType": "folder",
            "data": {"thumbnailId": NOT_SET}}], ValueError),
    ("P", [{"type": "create", "entityType": "folder",
            "data": {"tags": {"a"}}}], ValueError),
    ("P", [{"type": "delete", "entityType": "folder"}], ValueError),
])
def test_bad_input_sends_no_request(proxied_connection: ServerAPI,
                                    proxy: FaultProxy, project_name: Any,
                                    operations: Any, error: type) -> None:
    proxy.seen.clear()
    for method in (proxied_connection.send_batch_operations,
                   proxied_connection.send_background_batch_operations):
        with pytest.raises(error):
            method(project_name, operations)
    with pytest.raises((ValueError, TypeError)):
        proxied_connection.send_activities_batch_operations(
            project_name, [{"type": "x"}])
    with pytest.raises(ValueError):
        proxied_connection.get_background_operations_status("P", "")
    assert proxy.seen == []


def test_batch_post_is_never_repeated(proxied_connection: ServerAPI,
                                      proxy: FaultProxy, project: str,
                                      con: ServerAPI) -> None:
    op = _folder(f"once_{uuid.uuid4().hex[:6]}")
    path = f"/api/projects/{project}/operations"
    proxy.add_fault("drop_after", "POST", path)
    with pytest.raises(ServerNotReached):
        proxied_connection.send_batch_operations(project, [op])
    assert len(proxy.requests_to("POST", path)) == 1
    assert _exists(con, project, "folder", op["entityId"])


def test_wire_format(proxied_connection: ServerAPI, proxy: FaultProxy,
                     project: str) -> None:
    op = _folder(f"wire_{uuid.uuid4().hex[:6]}")
    proxied_connection.send_batch_operations(project, [op],
                                             wait_for_events=True)
    body = proxy.requests_to("POST", f"/api/projects/{project}/operations"
                             )[-1].json()
    assert body["canFail"] is False and body["waitForEvents"] is True
    assert len(body["operations"][0]["id"]) == 32
    assert {k: v for k, v in body["operations"][0].items() if k != "id"} == op


def test_background_without_wait_then_status(con: ServerAPI, project: str
                                             ) -> None:
    ops = [_folder(f"bg_{uuid.uuid4().hex[:6]}") for _ in range(3)]
    task = con.send_background_batch_operations(project, ops)
    assert task["id"] and task["status"] in ("pending", "in_progress",
                                             "completed")
    deadline = time.monotonic() + 30
    while task["status"] != "completed":
        assert time.monotonic() < deadline
        time.sleep(0.05)
        task = con.get_background_operations_status(project, task["id"])
    assert task["result"]["success"] is True
    assert [r["entityId"] for r in task["result"]["operations"]] == [
        op["entityId"] for op in ops]
    for op in ops:
        assert _exists(con, project, "folder", op["entityId"])


def test_background_with_wait(proxied_connection: ServerAPI,
                              proxy: FaultProxy, project: str) -> None:
    ops = [_folder(f"bw_{uuid.uuid4().hex[:6]}") for _ in range(20)]
    task = proxied_connection.send_background_batch_operations(
        project, ops, wait=True)
    assert task["status"] == "completed"
    assert len(task["result"]["operations"]) == 20
    posted = proxy.requests_to(
        "POST", f"/api/projects/{project}/operations/background")
    assert len(posted) == 1 and posted[0].json()["canFail"] is False
    polls = [s for s in proxy.seen if s.method == "GET" and s.path.startswith(
        f"/api/projects/{project}/operations/background/{task['id']}")]
    assert polls, "wait polls the status endpoint"


def test_background_failure(con: ServerAPI, project: str) -> None:
    good = _folder(f"bf_{uuid.uuid4().hex[:6]}")
    bad = _create("product", {"name": "p", "productType": "render",
                              "folderId": create_entity_id()})
    with pytest.raises(FailedOperations, match="rolled back") as info:
        con.send_background_batch_operations(project, [good, bad], wait=True)
    assert info.value.task["status"] == "completed"  # type: ignore[attr-defined]
    task = con.send_background_batch_operations(
        project, [good, bad], wait=True, raise_on_fail=False)
    assert task["result"]["success"] is False
    assert not _exists(con, project, "folder", good["entityId"])


def test_background_wait_timeout(con: ServerAPI, project: str) -> None:
    op = _folder(f"bt_{uuid.uuid4().hex[:6]}")
    with pytest.raises(FailedOperations, match="did not complete within"
                       ) as info:
        con.send_background_batch_operations(project, [op], wait=True,
                                             wait_timeout=0)
    task_id = info.value.task["id"]  # type: ignore[attr-defined]
    deadline = time.monotonic() + 30
    while con.get_background_operations_status(
            project, task_id)["status"] != "completed":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert _exists(con, project, "folder", op["entityId"])


def test_unknown_background_task(con: ServerAPI, project: str) -> None:
    with pytest.raises(HTTPRequestError) as info:
        con.get_background_operations_status(project, create_entity_id())
    assert info.value.status_code == 404


def test_activities_wire_format(proxied_connection: ServerAPI,
                                proxy: FaultProxy, project: str) -> None:
    operations = [{"type": "create", "data": {"body": "hello"}}]
    try:
        results = proxied_connection.send_activities_batch_operations(
            project, operations, can_fail=True)
    except HTTPRequestError as exc:  # not every server serves activities
        assert exc.status_code in (404, 405)
    else:
        assert len(results) == 1
    body = proxy.requests_to(
        "POST", f"/api/projects/{project}/operations/activities")[0].json()
    assert body["canFail"] is True and body["waitForEvents"] is False
    assert body["operations"][0]["data"] == {"body": "hello"}
    assert len(body["operations"][0]["id"]) == 32
