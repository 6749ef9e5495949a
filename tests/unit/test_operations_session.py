"""OperationsSession queue, operation objects and entity helpers (no
server: nothing here commits)."""
from __future__ import annotations

import inspect
import json
from typing import Any

import pytest

import ayon_api
from ayon_api import operations
from ayon_api.operations import (
    CreateOperation,
    DeleteOperation,
    OperationsSession,
    UpdateOperation,
    new_folder_entity,
    new_hero_version_entity,
    new_product_entity,
    new_representation_entity,
    new_task_entity,
    new_version_entity,
    new_workfile_entity,
    new_workfile_info,
    prepare_changes,
)
from ayon_api.utils import NOT_SET, REMOVED_VALUE

P = "Show"
IDS = [f"{i:032x}" for i in range(1, 10)]


@pytest.fixture
def session() -> OperationsSession:
    return OperationsSession()


def test_session_does_not_connect_until_needed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def fail() -> None:
        raise AssertionError("connected")

    monkeypatch.setattr("ayon_api._global.get_server_api_connection", fail)
    session = OperationsSession()
    session.create_folder(P, "sq010", folder_type="Sequence")
    assert len(session) == 1


def test_create_operation(session: OperationsSession) -> None:
    data = {"name": "sh010", "folderType": "Shot", "attrib": {"fps": 25}}
    op = session.create_entity(P, "folder", data)
    assert isinstance(op, CreateOperation) and op.operation_name == "create"
    assert op.session is session and op.project_name == P
    assert op.entity_type == "folder" and op.data["id"] == op.entity_id
    data["attrib"]["fps"] = 30
    assert op["attrib"] == {"fps": 25}, "data must be copied"
    op["label"] = "Shot"
    op.set_value("status", "Done")
    assert op.get("label") == "Shot" and op.get("missing", 1) == 1
    wire = op.to_server_operation()
    assert wire == {"id": op.id, "type": "create", "entityType": "folder",
                    "entityId": op.entity_id, "data": op.data}
    assert op.to_data()["operation"] == "create"
    assert session.to_data() == [op.to_data()]
    assert op.id != op.entity_id


def test_update_and_delete_operations(session: OperationsSession) -> None:
    update = session.update_entity(P, "task", IDS[0], {
        "label": REMOVED_VALUE, "attrib": {"fps": REMOVED_VALUE, "x": 1}})
    assert isinstance(update, UpdateOperation)
    assert update.to_server_operation() == {
        "id": update.id, "type": "update", "entityType": "task",
        "entityId": IDS[0], "data": {"label": None,
                                     "attrib": {"fps": None, "x": 1}}}
    assert update.update_data["label"] is REMOVED_VALUE
    assert session.update_entity(P, "task", IDS[0], {}
                                 ).to_server_operation() is None
    delete = session.delete_entity(P, "version", IDS[1])
    assert isinstance(delete, DeleteOperation)
    assert delete.to_server_operation() == {
        "id": delete.id, "type": "delete", "entityType": "version",
        "entityId": IDS[1]}


@pytest.mark.parametrize(("call", "error"), [
    (lambda s: s.create_entity(P, "shot", {}), ValueError),
    (lambda s: s.create_entity("", "folder", {}), ValueError),
    (lambda s: s.create_entity(P, "folder", {"id": "x"}), ValueError),
    (lambda s: s.create_entity(P, "folder", ["x"]), TypeError),
    (lambda s: s.update_entity(P, "folder", "bad", {}), ValueError),
    (lambda s: s.delete_entity(P, "folder", None), ValueError),
    (lambda s: s.create_folder(P, ""), ValueError),
    (lambda s: s.create_task(P, "comp", "Comp", "nope"), ValueError),
    (lambda s: s.create_version(P, "1", IDS[0]), TypeError),
    (lambda s: s.update_version(P, IDS[0], version=1.5), TypeError),
    (lambda s: s.create_folder(P, "a", tags="hero"), TypeError),
    (lambda s: s.update_folder(P, IDS[0], parent_id="nope"), ValueError),
    (lambda s: s.add({"type": "create"}), TypeError),
])
def test_bad_input_is_rejected_when_queued(session: OperationsSession,
                                           call: Any, error: type) -> None:
    with pytest.raises(error):
        call(session)
    assert len(session) == 0


def test_queue_management(session: OperationsSession) -> None:
    first = session.create_folder(P, "a")
    second = session.delete_folder(P, IDS[0])
    assert len(session) == 2
    session.remove(first)
    assert session.to_data() == [second.to_data()]
    with pytest.raises(ValueError):
        session.remove(first)
    session.append(first)
    session.extend([CreateOperation(P, "folder", None, session)])
    assert len(session) == 3
    session.clear()
    assert len(session) == 0


def test_nested_operations_follow_their_parent(session: OperationsSession
                                               ) -> None:
    parent = CreateOperation(P, "folder", {"name": "sq"}, session)
    child = session.create_entity(P, "folder", {"name": "sh"},
                                  nested_id=parent.id)
    grandchild = session.create_entity(P, "task", {"name": "t"},
                                       nested_id=child.id)
    sibling = session.create_entity(P, "folder", {"name": "sh2"},
                                    nested_id=parent.id)
    other = session.create_folder(P, "other")
    assert len(session) == 1
    session.add(parent)
    order = [op.id for op in session._operations]
    assert order == [other.id, parent.id, child.id, grandchild.id,
                     sibling.id]
    late = session.update_entity(P, "folder", parent.entity_id,
                                 {"label": "x"}, nested_id=parent.id)
    assert session._operations[-1] is late
    parked = session.create_entity(P, "folder", {"name": "p"},
                                   nested_id="never")
    session.remove(parked)
    assert not session._nested


def test_typed_helpers_use_rest_body_keys(session: OperationsSession) -> None:
    folder = session.create_folder(
        P, "sh010", folder_type="Shot", parent_id=IDS[0], label="Shot 10",
        attrib={"fps": 24}, data={"k": 1}, tags=["a"], status="Done",
        active=False, thumbnail_id=IDS[1], folder_id=IDS[2])
    assert folder.data == {
        "id": IDS[2], "name": "sh010", "folderType": "Shot",
        "parentId": IDS[0], "label": "Shot 10", "attrib": {"fps": 24},
        "data": {"k": 1}, "tags": ["a"], "status": "Done", "active": False,
        "thumbnailId": IDS[1]}
    task = session.create_task(P, "comp", "Compositing", IDS[2],
                               assignees=["admin"])
    assert task.data == {"id": task.entity_id, "name": "comp",
                         "taskType": "Compositing", "folderId": IDS[2],
                         "assignees": ["admin"]}
    product = session.create_product(P, "renderMain", "render", IDS[2],
                                     product_base_type="render")
    assert product.data["productBaseType"] == "render"
    assert product.data["folderId"] == IDS[2]
    version = session.create_version(P, 3, IDS[3], task_id=IDS[4],
                                     author="admin")
    assert {k: version.data[k] for k in ("version", "productId", "taskId",
                                         "author")} == {
        "version": 3, "productId": IDS[3], "taskId": IDS[4],
        "author": "admin"}
    repre = session.create_representation(P, "exr", IDS[5], files=[],
                                          traits={"t": {}})
    assert repre.data["versionId"] == IDS[5] and repre.data["files"] == []
    workfile = session.create_workfile_entity(P, "/w/a.ma", IDS[4],
                                              workfile_id=IDS[6])
    assert workfile.data == {"id": IDS[6], "path": "/w/a.ma",
                             "taskId": IDS[4]}


def test_typed_updates(session: OperationsSession) -> None:
    folder = session.update_folder(P, IDS[0], name="b", parent_id=None,
                                   label=None, thumbnail_id=None)
    assert isinstance(folder, UpdateOperation), "update_folder returns it"
    assert folder.update_data == {"name": "b", "parentId": None,
                                  "label": None, "thumbnailId": None}
    assert session.update_folder(P, IDS[0]).update_data == {}
    task = session.update_task(P, IDS[1], folder_id=IDS[2], label="T")
    assert task.update_data == {"folderId": IDS[2], "label": "T"}
    product = session.update_product(P, IDS[1], product_type="plate")
    assert product.update_data == {"productType": "plate"}
    version = session.update_version(P, IDS[1], task_id=None, author="joe")
    assert version.update_data == {"taskId": None, "author": "joe"}
    repre = session.update_representation(P, IDS[1], files=[{"id": "f"}])
    assert repre.update_data == {"files": [{"id": "f"}]}
    workfile = session.update_workfile_entity(P, IDS[1], path="/b.ma",
                                              updated_by="joe")
    assert workfile.update_data == {"path": "/b.ma", "updatedBy": "joe"}
    json.dumps([op.to_server_operation() for op in session._operations
                if op.to_server_operation()])
    deletes = [session.delete_folder(P, IDS[0]), session.delete_task(P, IDS[1]),
               session.delete_product(P, IDS[2]),
               session.delete_version(P, IDS[3]),
               session.delete_representation(P, IDS[4]),
               session.delete_workfile_entity(P, IDS[5])]
    assert [op.entity_type for op in deletes] == [
        "folder", "task", "product", "version", "representation", "workfile"]


def test_update_signatures_keep_reference_order() -> None:
    params = list(inspect.signature(OperationsSession.update_version
                                    ).parameters)
    assert params[-1] == "author" and params[-2] == "thumbnail_id"
    workfile = inspect.signature(OperationsSession.update_workfile_entity)
    assert workfile.parameters["thumbnail_id"].default is NOT_SET
    assert all(p.kind is p.POSITIONAL_OR_KEYWORD
               for p in workfile.parameters.values())


def test_new_entity_helpers() -> None:
    folder = new_folder_entity("sh010", "Shot", parent_id=IDS[0],
                               attribs={"fps": 24}, entity_id=IDS[1])
    assert folder == {"id": IDS[1], "name": "sh010", "folderType": "Shot",
                      "parentId": IDS[0], "attrib": {"fps": 24}, "data": {}}
    task = new_task_entity("comp", "Compositing", IDS[1], label="Comp",
                           assignees=("a",))
    assert task["folderId"] == IDS[1] and task["assignees"] == ["a"]
    assert task["label"] == "Comp" and len(task["id"]) == 32
    product = new_product_entity("renderMain", "render", IDS[1], tags=["x"])
    assert product["productType"] == "render" and product["tags"] == ["x"]
    version = new_version_entity(3, IDS[2], task_id=IDS[3], author="me")
    assert (version["version"], version["taskId"], version["author"]) == (
        3, IDS[3], "me")
    assert new_hero_version_entity(3, IDS[2])["version"] == -3
    assert new_hero_version_entity(-3, IDS[2])["version"] == -3
    repre = new_representation_entity("exr", IDS[4], [{"id": "f"}],
                                      traits={"a": 1})
    assert repre["files"] == [{"id": "f"}] and repre["traits"] == {"a": 1}
    workfile = new_workfile_entity("C:\\work\\v1.2\\shot.v003.ma", IDS[3],
                                   description="first")
    assert workfile["attrib"] == {"extension": ".ma", "description": "first"}
    assert workfile["path"] == "C:\\work\\v1.2\\shot.v003.ma"
    assert new_workfile_info("/a/b.nk", IDS[3])["attrib"] == {
        "extension": ".nk"}
    with pytest.raises(TypeError):
        new_version_entity("1", IDS[2])  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        new_folder_entity("a", "Folder", parent_id="nope")


def test_prepare_changes() -> None:
    old = {"id": IDS[0], "name": "a", "label": "A", "attrib": {
        "fps": 24, "frameStart": 1}, "tags": []}
    new = {"id": IDS[0], "name": "b", "attrib": {"fps": 25, "x": 1},
           "tags": []}
    changes = prepare_changes(old, new, "folder")
    assert changes == {"name": "b", "label": REMOVED_VALUE, "attrib": {
        "fps": 25, "x": 1, "frameStart": REMOVED_VALUE}}
    assert prepare_changes(old, dict(old), "folder") == {}


def test_module_exports_match_reference_names() -> None:
    assert set(operations.__all__) >= {
        "OperationsSession", "AbstractOperation", "CreateOperation",
        "UpdateOperation", "DeleteOperation", "prepare_changes"}
    for name in ("send_batch_operations", "send_background_batch_operations",
                 "get_background_operations_status",
                 "send_activities_batch_operations"):
        assert callable(getattr(ayon_api, name))
