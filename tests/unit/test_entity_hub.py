"""EntityHub's building blocks without a server: markers, attributes,
data, assignees, project statuses and the entity classes."""
from __future__ import annotations

import copy
import pickle

import pytest

from ayon_api.entity_hub import (
    PROJECT_PARENT_ID,
    UNKNOWN_VALUE,
    Assignees,
    Attributes,
    AttributeValue,
    BaseEntity,
    EntityData,
    EntityHub,
    FolderEntity,
    ProductEntity,
    ProjectStatus,
    TaskEntity,
    VersionEntity,
)
from tests.unit.test_entity_hub_commit import PROJECT, STATUSES, FakeServer


@pytest.fixture
def hub() -> EntityHub:
    return EntityHub(PROJECT, connection=FakeServer())  # type: ignore[arg-type]


def test_markers_are_falsy_and_survive_copies() -> None:
    for marker in (UNKNOWN_VALUE, PROJECT_PARENT_ID):
        assert not marker
        assert copy.deepcopy(marker) is marker
        assert copy.copy({"x": marker})["x"] is marker
        assert pickle.loads(pickle.dumps(marker)) is marker
    assert repr(UNKNOWN_VALUE) == "<UNKNOWN_VALUE>"


def test_attributes_track_changes_of_known_keys() -> None:
    attribs = Attributes(["fps", "frameStart"], {"fps": 25.0, "other": 1})
    assert dict(attribs.items()) == {"fps": 25.0, "frameStart": None}
    assert "fps" in attribs and "other" not in attribs
    assert attribs.get("other", "x") == "x"
    with pytest.raises(KeyError, match="Unknown attribute 'other'"):
        attribs["other"] = 1
    attribs["fps"] = 24.0
    attribs.set("frameStart", 1001)
    assert attribs.changes == {"fps": 24.0, "frameStart": 1001}
    assert isinstance(attribs.get_attribute("fps"), AttributeValue)
    assert attribs.get_attribute("fps").changed
    attribs.lock()
    assert attribs.changes == {}
    attribs["fps"] = None
    assert attribs.changes == {"fps": None}
    assert attribs.to_dict() == {"frameStart": 1001}
    assert attribs.to_dict(ignore_none=False) == {"fps": None,
                                                  "frameStart": 1001}
    assert list(attribs) == list(attribs.keys()) == ["fps", "frameStart"]
    assert Attributes(["a"], UNKNOWN_VALUE).to_dict() == {}
    value = AttributeValue([1])
    value.value.append(2)
    assert value.changed and value.get_value() == [1, 2]


def test_entity_data_changes_include_removed_keys() -> None:
    data = EntityData({"keep": 1, "drop": 2, "nested": {"a": 1}})
    assert data.get_changes() == {}
    del data["drop"]
    data["nested"]["a"] = 2
    data["new"] = None
    assert data.get_changes() == {"drop": None, "nested": {"a": 2},
                                  "new": None}
    assert data.get_new_entity_value() == {"keep": 1, "nested": {"a": 2}}
    clone = copy.deepcopy(data)
    assert clone.get_changes() == data.get_changes()
    data.lock()
    assert data.get_changes() == {}
    assert isinstance(data, dict)


def test_assignees_is_a_set_with_append() -> None:
    assignees = Assignees(["a"])
    assignees.append("b")
    assignees.append("a")
    assert assignees == {"a", "b"}


def test_project_status_values_are_validated() -> None:
    status = ProjectStatus("In Review", short_name="RVW")
    assert status.state == ProjectStatus.default_state
    assert status.color == ProjectStatus.default_color
    assert status.scope == ProjectStatus.valid_scope
    assert status.slugified_name == "in_review"
    assert status["short_name"] == "RVW"
    status["color"] = "#AABBCC"
    assert status.color == "#aabbcc"
    with pytest.raises(ValueError, match="Invalid status color"):
        status.color = "red"
    with pytest.raises(ValueError, match="Invalid status state"):
        status.state = "paused"
    with pytest.raises(ValueError, match="Invalid status scope"):
        status.scope = ["shot"]
    with pytest.raises(TypeError):
        status.scope = "folder"
    with pytest.raises(KeyError):
        status["scope"]
    status.scope = ["task"]
    assert status.is_available_for_entity_type("task")
    assert not status.is_available_for_entity_type("folder")
    assert status.changed and status.index is None
    with pytest.raises(ValueError):
        status.index = 2
    assert str(status) == "<ProjectStatus In Review(RVW)>"


def test_project_status_from_unusual_server_data() -> None:
    status = ProjectStatus.from_data(
        {"name": "Odd", "short_name": "OD", "color": "rgb(1,2,3)",
         "state": "weird", "scope": ["folder"]}, index=0)
    assert status.color == "rgb(1,2,3)" and status.state == "weird"
    assert status.short_name == "OD"
    assert status.to_data()["scope"] == ["folder"]


def test_project_statuses_list_operations(hub: EntityHub) -> None:
    statuses = hub.project_entity.statuses
    assert [s.name for s in statuses] == [s["name"] for s in STATUSES]
    assert not statuses.changed
    done = statuses.get("Done")
    not_ready = statuses.get_status_by_name("Not ready")
    assert statuses.get_status_by_slugified_name("in-progress").name == (
        "In progress")
    assert statuses.index(done) == 2 and done.index == 2
    done.move_before(not_ready)
    assert [s.name for s in statuses] == ["Done", "Not ready", "In progress"]
    assert [s.index for s in statuses] == [0, 1, 2]
    done.move_after(statuses.get("In progress"))
    assert [s.name for s in statuses] == ["Not ready", "In progress", "Done"]
    assert not statuses.changed
    review = statuses.create("Review", scope=["version"])
    assert review.index == 3 and statuses.changed
    statuses.insert(0, {"name": "First"})
    assert [s.index for s in statuses] == [0, 1, 2, 3, 4]
    assert statuses.remove_by_name("First").project_statuses is None
    assert statuses.remove_by_name("nope", ignore_missing=True) is None
    with pytest.raises(ValueError):
        statuses.remove_by_name("nope")
    popped = statuses.pop(0)
    assert popped.name == "Not ready" and popped.index is None
    assert statuses.index(popped, None) is None
    with pytest.raises(ValueError):
        statuses.index(popped)
    review.delete()
    assert len(statuses) == 2
    data = statuses.to_data()
    assert "scope" in data[0]
    statuses.set_status_scope_supported(False)
    assert "scope" not in statuses.to_data()[0]
    statuses.lock()
    assert not statuses.changed
    statuses.set([{"name": "Only"}])
    assert statuses.changed and [s.name for s in statuses] == ["Only"]


def test_project_entity(hub: EntityHub) -> None:
    project = hub.project_entity
    assert project.id == project.name == PROJECT
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
    project.task_types = [*project.task_types, {"name": "Lighting"}]
    assert project.task_types[-1]["icon"] == "task_alt"
    assert project.changes == {"taskTypes": project.task_types}
    assert len(project.get_orig_task_types()) == 2
    assert project.get_orig_statuses() == STATUSES
    assert project.get_statuses() is project.statuses
    assert project.get_status_by_slugified_name("DONE").name == "Done"


def test_new_folder_and_its_create_body(hub: EntityHub) -> None:
    folder = hub.add_new_folder("sh010", "Shot")
    assert folder.created and not folder.removed
    assert folder.parent_id == PROJECT
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
    folder.set_status("Done")
    assert folder.to_create_body_data() == {
        "name": "sh010", "folderType": "Shot", "parentId": None,
        "label": "Shot 10", "tags": ["hero"], "attrib": {"fps": 24.0},
        "data": {"key": "value"}, "active": False, "status": "Done"}
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
    with pytest.raises(ValueError, match="entity_hub"):
        FolderEntity("f", "Folder")
    with pytest.raises(ValueError, match="Invalid entity id"):
        FolderEntity("f", "Folder", entity_id="nope", created=True,
                     entity_hub=hub)
    folder = FolderEntity("f", "Folder", entity_id="A" * 32,
                          parent_id=PROJECT, entity_hub=hub)
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


def test_missing_project_raises(hub: EntityHub) -> None:
    other = EntityHub("missing", connection=FakeServer())  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="was not found"):
        other.fill_project_from_server()
    assert repr(hub) == f"<EntityHub '{PROJECT}'>"
