"""OperationsSession committed to the devserver over real HTTP."""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

import ayon_api
from ayon_api import ServerAPI
from ayon_api.exceptions import FailedOperations
from ayon_api.operations import (
    CreateOperation,
    OperationsSession,
    UpdateOperation,
    new_folder_entity,
    new_version_entity,
    prepare_changes,
)
from ayon_api.utils import REMOVED_VALUE
from tests.faults.proxy import FaultProxy


def _new_project(con: ServerAPI, prefix: str = "opss") -> str:
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    con.create_project(name, f"s{uuid.uuid4().hex[:5]}")
    return name


@pytest.fixture(scope="module")
def con(ayon_server: Any) -> Iterator[ServerAPI]:
    connection = ServerAPI(ayon_server.url, token=ayon_server.api_key)
    yield connection
    connection.close_session()


@pytest.fixture(scope="module")
def project(con: ServerAPI) -> Iterator[str]:
    name = _new_project(con)
    yield name
    con.delete_project(name)


def _background_posts(proxy: FaultProxy, project: str) -> list[Any]:
    return proxy.requests_to(
        "POST", f"/api/projects/{project}/operations/background")


def _entity(con: ServerAPI, project: str, entity_type: str, entity_id: str
            ) -> Any:
    return con.get_rest_entity_by_id(project, entity_type, entity_id)


def test_typed_helpers_create_update_delete(con: ServerAPI, project: str
                                            ) -> None:
    session = OperationsSession(con)
    folder = session.create_folder(project, f"sh_{uuid.uuid4().hex[:6]}",
                                   folder_type="Shot",
                                   attrib={"frameStart": 1001})
    task = session.create_task(project, "comp", "Compositing",
                               folder.entity_id, assignees=["admin"])
    product = session.create_product(project, "renderMain", "render",
                                     folder.entity_id)
    version = session.create_version(project, 1, product.entity_id,
                                     task_id=task.entity_id)
    repre = session.create_representation(project, "exr", version.entity_id,
                                          files=[])
    workfile = session.create_workfile_entity(project, "/w/sh.ma",
                                              task.entity_id)
    created = [folder, task, product, version, repre, workfile]
    results = session.commit()
    assert len(session) == 0
    assert [r["entityId"] for r in results] == [op.entity_id for op in created]
    for op in created:
        assert _entity(con, project, op.entity_type, op.entity_id)

    updates = [
        session.update_folder(project, folder.entity_id, label="Shot"),
        session.update_task(project, task.entity_id, status="In progress"),
        session.update_product(project, product.entity_id,
                               attrib={"description": "beauty"}),
        session.update_version(project, version.entity_id, author="admin",
                               attrib={"comment": "c"}),
        session.update_representation(project, repre.entity_id,
                                      data={"k": 1}),
        session.update_workfile_entity(project, workfile.entity_id,
                                       attrib={"description": "wf"}),
    ]
    assert all(isinstance(op, UpdateOperation) for op in updates)
    session.commit()
    assert _entity(con, project, "folder", folder.entity_id)["label"] == "Shot"
    assert _entity(con, project, "task", task.entity_id
                   )["status"] == "In progress"
    assert _entity(con, project, "product", product.entity_id
                   )["attrib"]["description"] == "beauty"
    saved_version = _entity(con, project, "version", version.entity_id)
    assert saved_version["author"] == "admin"
    assert saved_version["attrib"]["comment"] == "c"
    assert _entity(con, project, "representation", repre.entity_id
                   )["data"] == {"k": 1}
    assert _entity(con, project, "workfile", workfile.entity_id
                   )["attrib"]["description"] == "wf"

    session.delete_workfile_entity(project, workfile.entity_id)
    session.delete_representation(project, repre.entity_id)
    session.delete_version(project, version.entity_id)
    session.delete_product(project, product.entity_id)
    session.delete_task(project, task.entity_id)
    session.delete_folder(project, folder.entity_id)
    session.commit()
    for op in created:
        assert _entity(con, project, op.entity_type, op.entity_id) is None


def test_generic_entity_operations_and_helpers(con: ServerAPI, project: str
                                               ) -> None:
    session = OperationsSession(con)
    body = new_folder_entity(f"as_{uuid.uuid4().hex[:6]}", "Asset",
                             attribs={"fps": 25.0})
    folder = session.create_entity(project, "folder", body)
    product = session.create_product(project, "model", "model",
                                     folder.entity_id)
    hero = session.create_entity(project, "version", new_version_entity(
        -1, product.entity_id))
    session.commit()
    stored = _entity(con, project, "folder", folder.entity_id)
    assert stored["attrib"]["fps"] == 25.0
    assert _entity(con, project, "version", hero.entity_id)["version"] == -1

    changed = dict(stored, label="Hero asset")
    changes = prepare_changes(stored, changed, "folder")
    assert changes == {"label": "Hero asset"}
    session.update_entity(project, "folder", folder.entity_id, changes)
    session.commit()
    assert _entity(con, project, "folder", folder.entity_id
                   )["label"] == "Hero asset"
    session.update_entity(project, "folder", folder.entity_id,
                          {"label": REMOVED_VALUE})
    session.commit()
    assert _entity(con, project, "folder", folder.entity_id
                   ).get("label") is None


def test_nested_operations_commit_after_their_parent(con: ServerAPI,
                                                     project: str) -> None:
    session = OperationsSession(con)
    parent_body = new_folder_entity(f"np_{uuid.uuid4().hex[:6]}", "Folder")
    parent = CreateOperation(project, "folder", parent_body, session)
    child = session.create_entity(
        project, "folder",
        new_folder_entity("child", "Folder", parent_id=parent.entity_id),
        nested_id=parent.id)
    task = session.create_task(project, "t", "Compositing", child.entity_id)
    session.remove(task)
    session.create_entity(project, "task", dict(task.data),
                          nested_id=child.id)
    assert len(session) == 0
    session.add(parent)
    assert len(session) == 3
    results = session.commit()
    assert [r["entityId"] for r in results][:2] == [parent.entity_id,
                                                    child.entity_id]
    assert _entity(con, project, "task", task.entity_id)


def test_reference_defects_are_fixed(proxied_connection: ServerAPI,
                                     proxy: FaultProxy, con: ServerAPI,
                                     project: str) -> None:
    session = OperationsSession(proxied_connection)
    folder = session.create_folder(project, f"fx_{uuid.uuid4().hex[:6]}")
    task = session.create_task(project, "t", "Compositing", folder.entity_id)
    product = session.create_product(project, "p", "render",
                                     folder.entity_id)
    version = session.create_version(project, 1, product.entity_id)
    workfile = session.create_workfile_entity(project, "/a.ma",
                                              task.entity_id)
    session.commit()
    assert session.update_folder(project, folder.entity_id,
                                 label="L") is not None
    session.update_workfile_entity(project, workfile.entity_id,
                                   path="/b.ma")
    session.update_version(project, version.entity_id, author="admin")
    session.commit()
    body = _background_posts(proxy, project)[-1].json()
    assert "NOT_SET" not in str(body)
    assert "thumbnailId" not in body["operations"][1]["data"]
    assert _entity(con, project, "workfile", workfile.entity_id
                   )["path"] == "/b.ma"
    assert _entity(con, project, "version", version.entity_id
                   )["author"] == "admin"


def test_empty_updates_are_skipped(proxied_connection: ServerAPI,
                                   proxy: FaultProxy, project: str) -> None:
    session = OperationsSession(proxied_connection)
    session.update_folder(project, uuid.uuid4().hex)
    session.update_entity(project, "task", uuid.uuid4().hex, {})
    proxy.seen.clear()
    assert session.commit() == []
    assert proxy.seen == [] and len(session) == 0


def test_wait_for_events_and_projects(proxied_connection: ServerAPI,
                                      proxy: FaultProxy, con: ServerAPI,
                                      project: str) -> None:
    other = _new_project(con)
    try:
        session = OperationsSession(proxied_connection, wait_for_events=True)
        first = session.create_folder(project, f"a_{uuid.uuid4().hex[:6]}")
        second = session.create_folder(other, "b")
        third = session.create_folder(project, f"c_{uuid.uuid4().hex[:6]}")
        results = session.commit()
        assert [r["entityId"] for r in results] == [
            first.entity_id, third.entity_id, second.entity_id]
        assert _background_posts(proxy, project)[-1].json()["waitForEvents"]
        assert len(_background_posts(proxy, other)) == 1
        session.create_folder(other, "c")
        session.commit(wait_for_events=False)
        assert not _background_posts(proxy, other)[-1].json()["waitForEvents"]
        assert session.get_project(other)["name"] == other
        session.get_project(other)["name"] = "changed"
        assert session.get_project(other)["name"] == other
        assert len(proxy.requests_to("GET", f"/api/projects/{other}")) == 1
    finally:
        con.delete_project(other)


def test_failed_commit_keeps_what_was_not_saved(
        proxied_connection: ServerAPI, proxy: FaultProxy, con: ServerAPI,
        project: str) -> None:
    session = OperationsSession(proxied_connection)
    session._max_batch_size = 3
    prefix = f"fb_{uuid.uuid4().hex[:6]}"
    saved = [session.create_folder(project, f"{prefix}_{i}") for i in range(3)]
    good = session.create_folder(project, f"{prefix}_3")
    bad = session.create_folder(project, f"{prefix}_0")  # name taken
    after = [session.create_folder(project, f"{prefix}_{i}")
             for i in (5, 6)]
    with pytest.raises(FailedOperations) as info:
        session.commit()
    message = str(info.value)
    assert message.startswith(
        "Batch 2 of 3 (3 operations of earlier batches were saved)")
    assert f"create folder {bad.entity_id}" in message
    assert len(_background_posts(proxy, project)) == 2
    for op in saved:
        assert _entity(con, project, "folder", op.entity_id)
    for op in (good, bad, *after):
        assert _entity(con, project, "folder", op.entity_id) is None
    assert [op["id"] for op in session.to_data()] == [
        op.id for op in (good, bad, *after)]
    session.remove(bad)
    assert len(session.commit()) == 3
    assert len(session) == 0
    for op in (good, *after):
        assert _entity(con, project, "folder", op.entity_id)


def test_large_session_is_split_into_batches(proxied_connection: ServerAPI,
                                            proxy: FaultProxy,
                                            con: ServerAPI) -> None:
    project = _new_project(con, "big")
    try:
        session = OperationsSession(proxied_connection)
        for group in range(61):
            parent = session.create_folder(project, f"sq{group:03d}",
                                           folder_type="Sequence")
            for shot in range(99):
                session.create_folder(project, f"sh{shot:03d}",
                                      folder_type="Shot",
                                      parent_id=parent.entity_id)
        assert len(session) == 6100
        results = session.commit()
        assert len(results) == 6100 and all(r["success"] for r in results)
        posts = _background_posts(proxy, project)
        assert [len(p.json()["operations"]) for p in posts] == [5000, 1100]
        folders = list(con.get_folders(project, fields={"id", "path"}))
        assert len(folders) == 6100
        assert "/sq060/sh098" in {f["path"] for f in folders}
        assert len(session) == 0
    finally:
        con.delete_project(project)


def test_default_connection_is_the_global_one(global_env: Any,
                                              con: ServerAPI,
                                              project: str) -> None:
    session = OperationsSession()
    folder = session.create_folder(project, f"gl_{uuid.uuid4().hex[:6]}")
    session.commit()
    assert _entity(con, project, "folder", folder.entity_id)
    assert session.con is ayon_api.get_server_api_connection()
