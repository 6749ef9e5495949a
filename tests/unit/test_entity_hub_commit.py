"""EntityHub against an in-memory stand-in of the server: what it asks
for, the operations a commit sends, their order, and the hub's state after
a successful or a failed commit. (The same flows run over real HTTP in
tests/integration/test_entity_hub.py.)"""
from __future__ import annotations

import copy
import uuid
from typing import Any, Optional

import pytest

from ayon_api.entity_hub import (
    PROJECT_PARENT_ID,
    EntityHub,
    FolderEntity,
    TaskEntity,
)
from ayon_api.exceptions import FailedOperations

PROJECT = "demo"
ATTRIBUTES = {
    name: {"type": kind, "default": None}
    for name, kind in (("fps", "float"), ("frameStart", "integer"),
                       ("frameEnd", "integer"), ("description", "string"))
}
STATUSES = [
    {"name": "Not ready", "shortName": "NRD", "state": "not_started",
     "icon": "fiber_new", "color": "#3d444f",
     "scope": ["folder", "task", "product", "version"]},
    {"name": "In progress", "shortName": "PRG", "state": "in_progress",
     "icon": "play_arrow", "color": "#3498db", "scope": ["task"]},
    {"name": "Done", "shortName": "DNE", "state": "done", "icon": "done",
     "color": "#00f0b4", "scope": ["folder", "task", "version"]},
]
_PARENT_KEY = {"folder": "parentId", "task": "folderId",
               "product": "folderId", "version": "productId"}


def new_id() -> str:
    return uuid.uuid4().hex


class FakeServer:
    """The few connection methods the hub uses, over dicts in memory.

    Operations batches are all-or-nothing and checked like the server does
    (existing parents, unique sibling names, no delete of a folder that
    still has children); ``fail_entity_ids`` makes operations on those
    entities fail.
    """

    def __init__(self) -> None:
        self.project: dict[str, Any] = {
            "name": PROJECT, "code": "dm", "library": False, "active": True,
            "folderTypes": [{"name": "Folder", "icon": "folder"},
                            {"name": "Shot", "icon": "movie"},
                            {"name": "Sequence", "icon": "theaters"}],
            "taskTypes": [{"name": "Compositing", "icon": "layers"},
                          {"name": "Animation", "icon": "directions_run"}],
            "statuses": copy.deepcopy(STATUSES),
            "attrib": {"fps": 25.0}, "ownAttrib": ["fps"], "data": {},
        }
        self.entities: dict[str, dict[str, dict[str, Any]]] = {
            "folder": {}, "task": {}, "product": {}, "version": {}}
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.batches: list[list[dict[str, Any]]] = []
        self.project_updates: list[dict[str, Any]] = []
        self.fail_entity_ids: set[str] = set()

    # -- seeding --
    def seed(self, entity_type: str, **values: Any) -> str:
        entity_id = values.pop("id", None) or new_id()
        entity = {"id": entity_id, "active": True, "attrib": {}, "data": {},
                  "tags": [], "status": "Not ready", "thumbnailId": None,
                  "label": None}
        entity.update(values)
        if entity_type == "task":
            entity.setdefault("assignees", [])
        self.entities[entity_type][entity_id] = entity
        return entity_id

    # -- reads --
    def get_server_version_tuple(self) -> tuple[int, int, int, str, str]:
        return (1, 16, 0, "", "")

    def is_product_base_type_supported(self) -> bool:
        return True

    def get_attributes_for_type(self, entity_type: str) -> dict[str, Any]:
        return copy.deepcopy(ATTRIBUTES)

    def get_default_fields_for_type(self, entity_type: str) -> set[str]:
        return {"id", "name", "active", "attrib"}

    def get_project(self, project_name: str, fields: Any = None,
                    own_attributes: bool = False) -> Optional[dict[str, Any]]:
        self.calls.append(("get_project", {"own_attributes": own_attributes}))
        if project_name != PROJECT:
            return None
        return copy.deepcopy(self.project)

    def _path(self, folder: dict[str, Any]) -> str:
        parent = self.entities["folder"].get(folder.get("parentId") or "")
        prefix = self._path(parent) if parent else ""
        return f"{prefix}/{folder['name']}"

    def _node(self, entity_type: str, entity: dict[str, Any],
              own_attributes: bool) -> dict[str, Any]:
        node = copy.deepcopy(entity)
        if entity_type == "folder":
            node["path"] = self._path(entity)
            node["hasProducts"] = any(
                p["folderId"] == entity["id"]
                for p in self.entities["product"].values())
        if own_attributes and entity_type in ("folder", "task"):
            node["ownAttrib"] = sorted(node["attrib"])
        return node

    def _list(self, method: str, entity_type: str, kwargs: dict[str, Any],
              filters: dict[str, Any]) -> list[dict[str, Any]]:
        self.calls.append((method, kwargs))
        active = kwargs.get("active", True)
        output = []
        for entity in self.entities[entity_type].values():
            if active is not None and entity["active"] is not active:
                continue
            if any(values is not None and entity.get(key) not in values
                   for key, values in filters.items()):
                continue
            output.append(self._node(entity_type, entity,
                                     kwargs.get("own_attributes", False)))
        return output

    def get_folders(self, project_name: str, folder_ids: Any = None,
                    parent_ids: Any = None, **kwargs: Any) -> Any:
        if parent_ids is not None:
            parent_ids = [None if p in (None, PROJECT) else p
                          for p in parent_ids]
        return iter(self._list("get_folders", "folder", kwargs, {
            "id": folder_ids, "parentId": parent_ids}))

    def get_tasks(self, project_name: str, task_ids: Any = None,
                  folder_ids: Any = None, **kwargs: Any) -> Any:
        return iter(self._list("get_tasks", "task", kwargs, {
            "id": task_ids, "folderId": folder_ids}))

    def _by_id(self, entity_type: str, entity_id: str, kwargs: dict[str, Any]
               ) -> Optional[dict[str, Any]]:
        found = self._list(f"get_{entity_type}_by_id", entity_type,
                           {**kwargs, "active": None}, {"id": [entity_id]})
        return found[0] if found else None

    def get_folder_by_id(self, project_name: str, folder_id: str,
                         **kwargs: Any) -> Any:
        return self._by_id("folder", folder_id, kwargs)

    def get_task_by_id(self, project_name: str, task_id: str,
                       **kwargs: Any) -> Any:
        return self._by_id("task", task_id, kwargs)

    def get_product_by_id(self, project_name: str, product_id: str,
                          **kwargs: Any) -> Any:
        return self._by_id("product", product_id, kwargs)

    def get_version_by_id(self, project_name: str, version_id: str,
                          **kwargs: Any) -> Any:
        return self._by_id("version", version_id, kwargs)

    # -- writes --
    def update_project(self, project_name: str, **changes: Any) -> None:
        self.project_updates.append(copy.deepcopy(changes))
        for key, value in changes.items():
            if key == "attrib":
                for name, item in value.items():
                    if item is None:
                        self.project["attrib"].pop(name, None)
                    else:
                        self.project["attrib"][name] = item
                self.project["ownAttrib"] = sorted(self.project["attrib"])
            elif key == "statuses":
                self.project["statuses"] = [
                    {k: v for k, v in s.items() if k != "original_name"}
                    for s in value]
            else:
                self.project[key] = copy.deepcopy(value)

    def _apply(self, entities: dict[str, Any], operation: dict[str, Any]
               ) -> Optional[str]:
        kind = operation["type"]
        entity_type = operation["entityType"]
        entity_id = operation["entityId"]
        table = entities[entity_type]
        if entity_id in self.fail_entity_ids:
            return "injected failure"
        if kind == "delete":
            if entity_id not in table:
                return "not found"
            children = [
                e for t, key in _PARENT_KEY.items()
                for e in entities[t].values() if e.get(key) == entity_id]
            if children:
                return "entity has children"
            del table[entity_id]
            return None
        data = operation["data"]
        if kind == "create":
            if entity_id in table:
                return "already exists"
            entity = {"id": entity_id, "active": True, "attrib": {},
                      "data": {}, "tags": [], "status": "Not ready",
                      "thumbnailId": None, "label": None}
            if entity_type == "task":
                entity["assignees"] = []
        else:
            if entity_id not in table:
                return "not found"
            entity = copy.deepcopy(table[entity_id])
        for key, value in data.items():
            if key in ("attrib", "data"):
                for name, item in value.items():
                    if item is None:
                        entity[key].pop(name, None)
                    else:
                        entity[key][name] = item
            else:
                entity[key] = value
        parent_key = _PARENT_KEY[entity_type]
        parent_id = entity.get(parent_key)
        parent_type = "product" if entity_type == "version" else "folder"
        if parent_id is not None and parent_id not in entities[parent_type]:
            return f"parent {parent_id} does not exist"
        if entity_type != "version":
            for other in table.values():
                if (other["id"] != entity_id and other["name"] == entity["name"]
                        and other.get(parent_key) == parent_id):
                    return f"name {entity['name']!r} is taken"
        table[entity_id] = entity
        return None

    def send_background_batch_operations(
        self, project_name: str, operations: list[dict[str, Any]], *,
        can_fail: bool = False, wait_for_events: bool = False,
        raise_on_fail: bool = True, wait: bool = False,
    ) -> dict[str, Any]:
        assert can_fail is False and wait is True
        self.batches.append(copy.deepcopy(operations))
        entities = copy.deepcopy(self.entities)
        results = []
        for operation in operations:
            detail = self._apply(entities, operation)
            results.append({"id": operation["id"], "success": detail is None,
                            "detail": detail, "type": operation["type"],
                            "entityId": operation["entityId"]})
            if detail is not None:
                break
        success = all(item["success"] for item in results)
        if success:
            self.entities = entities
        result = {"success": success, "operations": results}
        if not success and raise_on_fail:
            error = FailedOperations(f"batch failed: {results[-1]}")
            error.failed = [results[-1]]
            raise error
        return {"id": new_id(), "status": "completed", "result": result}


def snapshot(hub: EntityHub) -> dict[str, Any]:
    """Comparable state of the folders and tasks of a hub."""
    state = {}
    for entity in hub.entities:
        if not isinstance(entity, (FolderEntity, TaskEntity)):
            continue
        item = {
            "type": entity.entity_type,
            "name": entity.name,
            "parent": entity.parent_id,
            "label": entity._get_label_value(),
            "active": entity.active,
            "status": entity.status,
            "tags": sorted(entity.tags),
            "attrib": entity.attribs.to_dict(),
            "data": dict(entity.data),
        }
        if isinstance(entity, FolderEntity):
            item["folder_type"] = entity.folder_type
        else:
            item["task_type"] = entity.task_type
            item["assignees"] = sorted(entity.assignees)
        state[entity.id] = item
    return state


@pytest.fixture
def server() -> FakeServer:
    server = FakeServer()
    seq = server.seed("folder", name="sq010", folderType="Sequence",
                      parentId=None)
    sh010 = server.seed("folder", name="sh010", folderType="Shot",
                        parentId=seq, attrib={"frameStart": 1001})
    server.seed("folder", name="sh020", folderType="Shot", parentId=seq,
                active=False)
    server.seed("task", name="comp", taskType="Compositing", folderId=sh010,
                data={"keep": 1, "drop": 2})
    return server


def fetched_hub(server: FakeServer) -> EntityHub:
    hub = EntityHub(PROJECT, connection=server)  # type: ignore[arg-type]
    hub.fetch_hierarchy_entities()
    return hub


def folder_named(hub: EntityHub, name: str) -> FolderEntity:
    return next(e for e in hub.entities
                if isinstance(e, FolderEntity) and e.name == name)


def task_named(hub: EntityHub, name: str) -> TaskEntity:
    return next(e for e in hub.entities
                if isinstance(e, TaskEntity) and e.name == name)


def kinds(batch: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(op["type"], op["entityType"]) for op in batch]


# -- fetching --
def test_fetch_reads_inactive_entities_with_own_attributes(server) -> None:
    hub = fetched_hub(server)
    folder_calls = [kw for name, kw in server.calls if name == "get_folders"]
    task_calls = [kw for name, kw in server.calls if name == "get_tasks"]
    assert folder_calls[0]["active"] is None
    assert folder_calls[0]["own_attributes"] is True
    assert "hasProducts" in folder_calls[0]["fields"]
    assert task_calls[0]["active"] is None
    assert task_calls[0]["own_attributes"] is True
    assert ("get_project", {"own_attributes": True}) in server.calls
    inactive = folder_named(hub, "sh020")
    assert inactive.active is False
    sequence = folder_named(hub, "sq010")
    assert sequence.children_ids == {folder_named(hub, "sh010").id,
                                     inactive.id}
    assert hub._entities_by_parent_id[PROJECT] == [sequence]
    assert hub._entities_by_parent_id[PROJECT_PARENT_ID] == [
        hub.project_entity]
    assert folder_named(hub, "sh010").attribs["frameStart"] == 1001
    assert folder_named(hub, "sh010").path == "/sq010/sh010"
    assert all(not e.created and not e.changes for e in hub.entities)


def test_children_are_fetched_lazily(server) -> None:
    hub = EntityHub(PROJECT, connection=server)
    top = hub.project_entity.children
    assert [child.name for child in top] == ["sq010"]
    shots = top[0].children
    assert sorted(child.name for child in shots) == ["sh010", "sh020"]
    sh010 = folder_named(hub, "sh010")
    assert [t.name for t in sh010.children] == ["comp"]
    assert all(kw["active"] is None for name, kw in server.calls
               if name in ("get_folders", "get_tasks"))


def test_get_or_fetch_by_id_tries_types_in_order(server) -> None:
    task_id = next(iter(server.entities["task"]))
    hub = EntityHub(PROJECT, connection=server)
    task = hub.get_or_fetch_entity_by_id(task_id, ["folder", "task"])
    assert isinstance(task, TaskEntity)
    assert hub.get_task_by_id(task_id) is task
    assert hub.get_folder_by_id(task_id) is None
    assert hub.get_entity_by_id("0" * 32) is None
    assert hub.get_or_fetch_entity_by_id("0" * 32, ["folder"]) is None
    assert hub.get_or_fetch_entity_by_id(PROJECT, ["project"]) is (
        hub.project_entity)
    with pytest.raises(ValueError, match="Unknown entity type"):
        hub.get_or_fetch_entity_by_id("1" * 32, ["shot"])
    with pytest.warns(DeprecationWarning):
        assert hub.get_or_query_entity_by_id(task_id, ["task"]) is task


# -- commits --
def test_new_hierarchy_is_created_parents_first(server) -> None:
    hub = fetched_hub(server)
    sequence = folder_named(hub, "sq010")
    shot = hub.add_new_folder("sh030", "Shot", parent_id=sequence.id)
    sub = hub.add_new_folder("fx", "Folder", parent_id=shot.id)
    task = hub.add_new_task("comp", "Compositing", folder_id=sub.id,
                            assignees=["bob"])
    hub.commit_changes()
    (batch,) = server.batches
    assert [op["entityId"] for op in batch] == [shot.id, sub.id, task.id]
    assert batch[0]["data"] == {"name": "sh030", "folderType": "Shot",
                                "parentId": sequence.id}
    assert batch[2]["data"]["assignees"] == ["bob"]
    assert all(len(op["id"]) == 32 for op in batch)
    assert not any(e.created for e in hub.entities)
    assert shot.path == "/sq010/sh030"
    hub.commit_changes()
    assert len(server.batches) == 1, "a second commit has nothing to send"


def test_update_into_new_parent_creates_it_first(server) -> None:
    hub = fetched_hub(server)
    sh010 = folder_named(hub, "sh010")
    new_sequence = hub.add_new_folder("sq020", "Sequence")
    sh010.set_parent(new_sequence)
    sh010.name = "sh100"
    hub.commit_changes()
    (batch,) = server.batches
    assert kinds(batch) == [("create", "folder"), ("update", "folder")]
    assert batch[0]["data"]["parentId"] is None
    assert batch[1]["data"] == {"parentId": new_sequence.id, "name": "sh100"}
    assert server.entities["folder"][sh010.id]["parentId"] == new_sequence.id
    assert sh010.path == "/sq020/sh100"
    assert task_named(hub, "comp").get_parent() is sh010


def test_delete_sends_children_first_and_drops_entities(server) -> None:
    hub = fetched_hub(server)
    sequence = folder_named(hub, "sq010")
    doomed_new = hub.add_new_task("new", "Animation",
                                  folder_id=folder_named(hub, "sh010").id)
    hub.delete_entity(sequence)
    assert sequence.removed
    hub.commit_changes()
    (batch,) = server.batches
    assert kinds(batch) == [("delete", "task"), ("delete", "folder"),
                            ("delete", "folder"), ("delete", "folder")]
    assert batch[-1]["entityId"] == sequence.id
    assert "data" not in batch[0]
    assert all(e.entity_type == "project" for e in hub.entities)
    assert hub.get_entity_by_id(doomed_new.id) is None
    assert None not in hub._entities_by_parent_id
    assert not any(server.entities[t] for t in ("folder", "task"))


def test_delete_of_entity_with_unfetched_parent_is_sent(server) -> None:
    task_id = next(iter(server.entities["task"]))
    hub = EntityHub(PROJECT, connection=server)
    task = hub.get_task_by_id(task_id)
    assert hub.get_entity_by_id(task.folder_id) is None
    hub.delete_entity(task)
    hub.commit_changes()
    assert kinds(server.batches[0]) == [("delete", "task")]
    assert task_id not in server.entities["task"]


def test_new_entity_deleted_before_commit_sends_nothing(server) -> None:
    hub = fetched_hub(server)
    folder = hub.add_new_folder("tmp", "Folder")
    hub.add_new_task("t", "Animation", folder_id=folder.id)
    hub.delete_entity(folder)
    hub.commit_changes()
    assert server.batches == []


def test_field_changes_are_sent_once(server) -> None:
    hub = fetched_hub(server)
    task = task_named(hub, "comp")
    shot = folder_named(hub, "sh020")
    shot.active = True
    task.data["new"] = {"x": None}
    del task.data["drop"]
    task.attribs["fps"] = 24.0
    task.set_status("in-progress")
    task.tags = ["hero"]
    task.assignees.append("alice")
    task.label = "Comp"
    hub.commit_changes()
    (batch,) = server.batches
    by_id = {op["entityId"]: op["data"] for op in batch}
    assert by_id[shot.id] == {"active": True}
    assert by_id[task.id] == {
        "data": {"new": {"x": None}, "drop": None}, "attrib": {"fps": 24.0},
        "status": "In progress", "tags": ["hero"], "assignees": ["alice"],
        "label": "Comp"}
    stored = server.entities["task"][task.id]
    assert stored["data"] == {"keep": 1, "new": {"x": None}}
    assert stored["status"] == "In progress"
    hub.commit_changes()
    assert len(server.batches) == 1
    assert fetched_hub(server) and snapshot(hub) == snapshot(
        fetched_hub(server))


def test_failed_commit_leaves_the_hub_unchanged(server) -> None:
    hub = fetched_hub(server)
    sh010 = folder_named(hub, "sh010")
    sh020 = folder_named(hub, "sh020")
    task = task_named(hub, "comp")
    new_folder = hub.add_new_folder("sh030", "Shot",
                                    parent_id=folder_named(hub, "sq010").id)
    sh010.attribs["fps"] = 30.0
    hub.delete_entity(sh020)
    task.name = "compositing"
    server.fail_entity_ids.add(task.id)
    before = (snapshot(hub), {e.id: e.changes for e in hub.entities})
    stored_before = copy.deepcopy(server.entities)
    with pytest.raises(FailedOperations) as info:
        hub.commit_changes()
    assert f"update task 'compositing' ({task.id})" in str(info.value)
    assert "injected failure" in str(info.value)
    assert "pending changes" in str(info.value)
    assert (snapshot(hub), {e.id: e.changes for e in hub.entities}) == before
    assert new_folder.created and sh020.removed
    assert hub.get_entity_by_id(sh020.id) is sh020
    assert server.entities == stored_before
    server.fail_entity_ids.clear()
    hub.commit_changes()
    assert not new_folder.created
    assert hub.get_entity_by_id(sh020.id) is None
    assert snapshot(hub) == snapshot(fetched_hub(server))


def test_failure_reported_in_result_is_raised(server) -> None:
    hub = fetched_hub(server)
    task = task_named(hub, "comp")
    task.name = "x"
    server.fail_entity_ids.add(task.id)
    original = server.send_background_batch_operations

    def no_raise(*args: Any, **kwargs: Any) -> Any:
        return original(*args, **{**kwargs, "raise_on_fail": False})

    server.send_background_batch_operations = no_raise
    with pytest.raises(FailedOperations, match="update task 'x'"):
        hub.commit_changes()
    assert task.changes == {"name": "x"}


def test_removed_project_types_are_dropped_after_the_batch(server) -> None:
    hub = fetched_hub(server)
    project = hub.project_entity
    project.folder_types = [t for t in project.folder_types
                            if t["name"] != "Sequence"] + [{"name": "Asset"}]
    sequence = folder_named(hub, "sq010")
    sequence.folder_type = "Folder"
    hub.commit_changes()
    first, last = server.project_updates
    assert [t["name"] for t in first["folderTypes"]] == [
        "Folder", "Shot", "Asset", "Sequence"]
    assert [t["name"] for t in last["folderTypes"]] == [
        "Folder", "Shot", "Asset"]
    assert last["folderTypes"][-1]["icon"] == "folder"
    assert project.changes == {}
    assert server.batches[0][0]["data"] == {"folderType": "Folder"}


def test_project_statuses_and_attributes(server) -> None:
    hub = fetched_hub(server)
    project = hub.project_entity
    assert project.attribs["fps"] == 25.0
    assert project.attribs["frameStart"] is None
    project.attribs["fps"] = 30.0
    project.statuses.create("Review", short_name="RVW", state="in_progress")
    project.statuses.get("Done").name = "Finished"
    hub.commit_changes()
    (update,) = server.project_updates
    assert update["attrib"] == {"fps": 30.0}
    names = [s["name"] for s in update["statuses"]]
    assert names == ["Not ready", "In progress", "Finished", "Review"]
    assert update["statuses"][2]["original_name"] == "Done"
    assert server.batches == []
    assert project.changes == {}
    folder_named(hub, "sh010").set_status("finished")
    assert folder_named(hub, "sh010").status == "Finished"
    with pytest.raises(ValueError, match="not available for folder"):
        folder_named(hub, "sh010").set_status("In progress")


def test_versions_and_products(server) -> None:
    sh010 = next(f["id"] for f in server.entities["folder"].values()
                 if f["name"] == "sh010")
    product_id = server.seed("product", name="renderMain",
                             productType="render", folderId=sh010)
    version_id = server.seed("version", version=1, productId=product_id,
                             taskId=None)
    hub = fetched_hub(server)
    version = hub.get_version_by_id(version_id)
    product = version.parent
    assert product.id == product_id and product.folder_id == sh010
    task = hub.add_new_task("lighting", "Animation", folder_id=sh010)
    new_version = hub.add_new_version(2, product_id=product.id,
                                      task_id=task.id, status="Done")
    version.set_status("Done")
    version.version = 3
    hub.commit_changes()
    (batch,) = server.batches
    assert kinds(batch) == [("update", "version"), ("create", "task"),
                            ("create", "version")]
    assert batch[0]["data"] == {"status": "Done", "version": 3}
    assert batch[2]["data"] == {"version": 2, "productId": product_id,
                                "taskId": task.id, "status": "Done"}
    assert server.entities["version"][new_version.id]["taskId"] == task.id
    assert folder_named(hub, "sh010").has_published_content
    assert folder_named(hub, "sh010").immutable_for_hierarchy
    assert folder_named(hub, "sq010").immutable_for_hierarchy
    assert not folder_named(hub, "sh020").immutable_for_hierarchy


def test_move_validation(server) -> None:
    hub = fetched_hub(server)
    sequence = folder_named(hub, "sq010")
    shot = folder_named(hub, "sh010")
    task = task_named(hub, "comp")
    other_task = hub.add_new_task("other", "Animation", folder_id=shot.id)
    with pytest.raises(TypeError, match="cannot be a child of a task"):
        task.parent_id = other_task.id
    with pytest.raises(TypeError):
        task.folder_id = PROJECT
    with pytest.raises(ValueError, match="descendant"):
        sequence.set_parent(shot)
    with pytest.raises(ValueError):
        hub.delete_entity(hub.project_entity)
    with pytest.raises(ValueError):
        task.add_child(shot)
    shot.parent_id = PROJECT
    assert shot.path == "/sh010"
    assert hub._entities_by_parent_id[PROJECT] == [sequence, shot]
    assert shot.changes == {"parentId": None}
    shot.parent_id = sequence.id
    assert shot.changes == {}
    assert shot.id in sequence.children_ids


def test_reactivated_entity_is_sent_once(server) -> None:
    hub = fetched_hub(server)
    shot = folder_named(hub, "sh020")
    shot.active = True
    hub.commit_changes()
    shot.active = False
    hub.commit_changes()
    assert [op["data"] for batch in server.batches for op in batch] == [
        {"active": True}, {"active": False}]
    hub.commit_changes()
    assert len(server.batches) == 2


def test_incomplete_new_entity_fails_before_any_request(server) -> None:
    hub = fetched_hub(server)
    hub.add_new_task("orphan", "Animation")
    with pytest.raises(ValueError, match="folder_id"):
        hub.commit_changes()
    assert server.batches == [] and server.project_updates == []
