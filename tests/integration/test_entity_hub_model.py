"""The entity model of EntityHub before any commit: the project entity and
its statuses as the server gives them, new entities and their create
bodies, changes of existing entities, paths, moves and hierarchy caches.

The hub reads the project and the attribute schemas from the devserver;
nothing here commits, so the tests of this module share one project."""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from ayon_api import ServerAPI
from ayon_api.entity_hub import (
    PROJECT_PARENT_ID,
    UNKNOWN_VALUE,
    Assignees,
    BaseEntity,
    EntityHub,
    FolderEntity,
    ProductEntity,
    TaskEntity,
    VersionEntity,
)


@pytest.fixture(scope="module")
def connection(ayon_server: Any) -> Iterator[ServerAPI]:
    con = ServerAPI(ayon_server.url, token=ayon_server.api_key)
    yield con
    con.close_session()


@pytest.fixture(scope="module")
def project(connection: ServerAPI) -> Iterator[str]:
    name = f"hubm_{uuid.uuid4().hex[:8]}"
    connection.create_project(name, name)
    yield name
    connection.delete_project(name)


@pytest.fixture
def hub(connection: ServerAPI, project: str) -> EntityHub:
    return EntityHub(project, connection=connection)


def test_project_statuses_come_from_the_server(connection: ServerAPI,
                                               hub: EntityHub) -> None:
    stored = connection.get_project(hub.project_name)["statuses"]
    statuses = hub.project_entity.statuses
    assert [s.name for s in statuses] == [s["name"] for s in stored]
    assert [s.index for s in statuses] == list(range(len(stored)))
    assert not statuses.changed
    assert statuses.get_status_by_slugified_name("in-progress").name == (
        "In progress")
    # The devserver is newer than 1.5: scopes are part of the statuses.
    assert [s["scope"] for s in statuses.to_data()] == [
        s["scope"] for s in stored]
    approved = statuses.get("Approved")
    approved.move_before(statuses.get("Not ready"))
    assert statuses.index(approved) == 0 and statuses.changed


def test_project_entity(connection: ServerAPI, hub: EntityHub) -> None:
    stored = connection.get_project(hub.project_name)
    project = hub.project_entity
    assert project.id == project.name == hub.project_name
    assert project.parent is None and project.parent_id is PROJECT_PARENT_ID
    assert project.entity_type == "project"
    with pytest.raises(ValueError):
        project.name = "other"
    with pytest.raises(ValueError):
        project.parent = None
    with pytest.raises(NotImplementedError):
        project.to_create_body_data()
    with pytest.raises(NotImplementedError):
        project.get_label()
    project.task_types = [*project.task_types, {"name": "Matte"}]
    assert project.task_types[-1]["icon"] == "task_alt"
    assert project.changes == {"taskTypes": project.task_types}
    assert project.get_orig_task_types() == stored["taskTypes"]
    assert project.get_orig_statuses() == stored["statuses"]
    assert project.get_statuses() is project.statuses
    assert project.get_status_by_slugified_name("APPROVED").name == (
        "Approved")


def test_new_folder_and_its_create_body(hub: EntityHub) -> None:
    folder = hub.add_new_folder("sh010", "Shot")
    assert folder.created and not folder.removed
    assert folder.parent_id == hub.project_name
    assert folder.parent is hub.project_entity
    assert folder.children == [] and folder.path == "/sh010"
    assert folder.to_create_body_data() == {
        "name": "sh010", "folderType": "Shot", "parentId": None}
    folder.label = "sh010"
    assert folder.to_create_body_data().get("label") is None
    folder.label = "Shot 10"
    folder.tags = ["hero"]
    folder.attribs["fps"] = 24.0
    folder.data["key"] = "value"
    folder.active = False
    folder.thumbnail_id = None
    folder.set_status("Approved")
    assert folder.to_create_body_data() == {
        "name": "sh010", "folderType": "Shot", "parentId": None,
        "label": "Shot 10", "tags": ["hero"], "attrib": {"fps": 24.0},
        "data": {"key": "value"}, "active": False, "status": "Approved"}
    assert folder["name"] == "sh010"
    folder["folder_type"] = "Folder"
    assert folder.get_folder_type() == "Folder"
    assert repr(folder) == f"<FolderEntity - {folder.id}>"


def test_entity_support_flags(hub: EntityHub) -> None:
    folder = hub.add_new_folder("f", "Folder")
    product = hub.add_new_product("renderMain", "render", "render",
                                  folder_id=folder.id)
    version = hub.add_new_version(1, product_id=product.id)
    with pytest.raises(NotImplementedError):
        product.thumbnail_id = "x"
    with pytest.raises(NotImplementedError):
        product.get_label()
    with pytest.raises(NotImplementedError):
        version.get_name()
    assert version.to_create_body_data() == {"version": 1,
                                             "productId": product.id}
    assert product.to_create_body_data() == {
        "name": "renderMain", "productType": "render",
        "productBaseType": "render", "folderId": folder.id}
    assert product.product_base_type == "render"
    assert [c.id for c in folder.children] == [product.id]
    assert product.children == [version]
    assert isinstance(product, BaseEntity)
    with pytest.raises(TypeError):
        folder.name = 1


def test_existing_entity_needs_a_parent(hub: EntityHub) -> None:
    with pytest.raises(ValueError, match="parent id"):
        TaskEntity("t", "Animation", entity_id="a" * 32, created=False,
                   entity_hub=hub)
    with pytest.raises(ValueError, match="Invalid entity id"):
        FolderEntity("f", "Folder", entity_id="nope", created=True,
                     entity_hub=hub)
    folder = FolderEntity("f", "Folder", entity_id="A" * 32,
                          parent_id=hub.project_name, entity_hub=hub)
    assert folder.id == "a" * 32 and not folder.created
    assert folder.data is UNKNOWN_VALUE and folder.active is UNKNOWN_VALUE
    task = TaskEntity("t", "Animation", entity_hub=hub)
    assert task.created and task.parent_id is UNKNOWN_VALUE
    assert task.data == {}


def test_existing_task_changes(hub: EntityHub) -> None:
    task = TaskEntity("comp", "Compositing", folder_id="f" * 32,
                      label="comp", status="Not ready", assignees=["a"],
                      data={"x": 1}, attribs={"fps": 25.0},
                      entity_id="b" * 32, created=False, entity_hub=hub)
    assert task.changes == {}
    task.name = "compositing"
    assert task.changes == {"name": "compositing", "label": "comp"}
    task.label = None
    task.assignees = ["b", "a"]
    task.task_type = "Animation"
    assert task.changes == {"name": "compositing", "assignees": ["a", "b"],
                            "taskType": "Animation"}
    task.lock()
    assert task.changes == {} and not task.created
    with pytest.raises(TypeError):
        task.assignees = "bob"


def test_paths_follow_renames_and_moves(hub: EntityHub) -> None:
    top = hub.add_new_folder("a", "Folder")
    mid = hub.add_new_folder("b", "Folder", parent_id=top.id)
    leaf = hub.add_new_folder("c", "Folder", parent_id=mid.id)
    assert leaf.path == "/a/b/c"
    top.name = "x"
    assert leaf.get_path(False) is None and leaf.path == "/x/b/c"
    other = hub.add_new_folder("o", "Folder")
    mid.parent = other
    assert leaf.path == "/o/b/c" and mid.path == "/o/b"
    assert [c.id for c in other.children] == [mid.id]
    assert top.children == []
    hub.delete_entity(mid)
    assert mid.removed and mid.parent is None
    assert hub._entities_by_parent_id[None] == [mid]
    mid.parent_id = top.id
    assert not mid.removed and leaf.path == "/x/b/c"


def test_immutable_for_hierarchy_follows_published_content(hub: EntityHub
                                                            ) -> None:
    top = hub.add_new_folder("a", "Folder")
    leaf = hub.add_new_folder("b", "Folder", parent_id=top.id)
    task = hub.add_new_task("t", "Animation", folder_id=leaf.id)
    assert not top.immutable_for_hierarchy and top.has_cached_immutable_hierarchy
    leaf.has_published_content = True
    assert not top.has_cached_immutable_hierarchy
    assert top.immutable_for_hierarchy and leaf.immutable_for_hierarchy
    assert not task.immutable_for_hierarchy
    leaf.set_has_published_content(False)
    assert not top.immutable_for_hierarchy
    top.reset_immutable_for_hierarchy_cache()
    hub.reset_immutable_for_hierarchy_cache(top.id, bottom_to_top=False)
    assert not leaf.has_cached_immutable_hierarchy


def test_deprecated_task_parent_argument(hub: EntityHub) -> None:
    folder = hub.add_new_folder("f", "Folder")
    with pytest.warns(DeprecationWarning):
        task = hub.add_new_task("t", "Animation", parent_id=folder.id)
    assert task.folder_id == folder.id
    assert isinstance(task.assignees, Assignees)
    assert isinstance(hub.add_new_version(1), VersionEntity)
    assert isinstance(hub.add_new_product("p", "render"), ProductEntity)


def test_missing_project_raises(connection: ServerAPI, hub: EntityHub
                                ) -> None:
    other = EntityHub(f"missing_{uuid.uuid4().hex[:8]}",
                      connection=connection)
    with pytest.raises(ValueError, match="was not found"):
        other.fill_project_from_server()
    assert repr(hub) == f"<EntityHub '{hub.project_name}'>"
