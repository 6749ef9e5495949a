"""EntityHub over real HTTP against the devserver: what a commit changes
is what the plain getters read back, and a failed commit changes nothing."""
from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from ayon_api import ServerAPI
from ayon_api.entity_hub import EntityHub, FolderEntity, TaskEntity
from ayon_api.exceptions import FailedOperations
from tests.unit.test_entity_hub_commit import snapshot


@pytest.fixture
def project(ayon_connection: ServerAPI) -> Iterator[str]:
    name = f"hub_{uuid.uuid4().hex[:8]}"
    ayon_connection.create_project(name, name)
    yield name
    ayon_connection.delete_project(name)


def fresh_hub(con: ServerAPI, project: str) -> EntityHub:
    hub = EntityHub(project, connection=con)
    hub.fetch_hierarchy_entities()
    return hub


def named(hub: EntityHub, name: str) -> FolderEntity | TaskEntity:
    return next(e for e in hub.entities
                if isinstance(e, (FolderEntity, TaskEntity)) and e.name == name)


def test_fetch_includes_inactive_and_reactivates(ayon_connection, project
                                                 ) -> None:
    con = ayon_connection
    seq = con.create_folder(project, "sq010", folder_type="Sequence")
    shot = con.create_folder(project, "sh010", folder_type="Shot",
                             parent_id=seq, active=False,
                             attrib={"frameStart": 1001})
    task = con.create_task(project, "comp", "Compositing", shot, active=False)
    hub = fresh_hub(con, project)
    shot_entity = hub.get_folder_by_id(shot, allow_fetch=False)
    task_entity = hub.get_task_by_id(task, allow_fetch=False)
    assert shot_entity.active is False and task_entity.active is False
    assert shot_entity.path == "/sq010/sh010"
    assert shot_entity.attribs["frameStart"] == 1001
    assert hub.get_folder_by_id(seq).children_ids == {shot}
    assert hub._entities_by_parent_id[project] == [hub.get_entity_by_id(seq)]
    assert not any(e.changes for e in hub.entities)
    shot_entity.active = True
    task_entity.active = True
    hub.commit_changes()
    assert con.get_folder_by_id(project, shot)["active"] is True
    assert con.get_task_by_id(project, task)["active"] is True
    assert snapshot(hub) == snapshot(fresh_hub(con, project))


def test_create_rename_move_and_delete(ayon_connection, project) -> None:
    con = ayon_connection
    hub = fresh_hub(con, project)
    seq = hub.add_new_folder("sq010", "Sequence", label="Sequence 10")
    shot = hub.add_new_folder("sh010", "Shot", parent_id=seq.id,
                              attribs={"frameStart": 1001, "frameEnd": 1100},
                              data={"cut": {"in": 1}}, tags=["hero"])
    comp = hub.add_new_task("comp", "Compositing", folder_id=shot.id,
                            assignees=["admin"])
    anim = hub.add_new_task("anim", "Animation", folder_id=shot.id)
    hub.commit_changes()
    assert not any(e.created for e in hub.entities)
    folders = {f["name"]: f for f in con.get_folders(project)}
    assert folders["sh010"]["path"] == "/sq010/sh010"
    assert folders["sq010"]["label"] == "Sequence 10"
    assert folders["sh010"]["attrib"]["frameEnd"] == 1100
    assert folders["sh010"]["data"] == {"cut": {"in": 1}}
    assert folders["sh010"]["tags"] == ["hero"]
    assert con.get_task_by_id(project, comp.id)["assignees"] == ["admin"]

    seq2 = hub.add_new_folder("sq020", "Sequence")
    shot.parent = seq2
    shot.name = "sh100"
    anim.folder_id = seq.id
    hub.commit_changes()
    assert con.get_folder_by_id(project, shot.id)["path"] == "/sq020/sh100"
    assert con.get_task_by_id(project, anim.id)["folderId"] == seq.id
    assert con.get_task_by_id(project, comp.id)["folderId"] == shot.id
    assert shot.path == "/sq020/sh100"

    hub.delete_entity(seq2)
    hub.commit_changes()
    assert {f["name"] for f in con.get_folders(project)} == {"sq010"}
    assert con.get_task_by_id(project, comp.id) is None
    assert hub.get_entity_by_id(shot.id) is None
    assert snapshot(hub) == snapshot(fresh_hub(con, project))


def test_delete_with_unfetched_parent(ayon_connection, project) -> None:
    con = ayon_connection
    folder = con.create_folder(project, "sh010", folder_type="Shot")
    task = con.create_task(project, "comp", "Compositing", folder)
    hub = EntityHub(project, connection=con)
    task_entity = hub.get_task_by_id(task)
    assert hub.get_entity_by_id(folder) is None
    hub.delete_entity(task_entity)
    hub.commit_changes()
    assert con.get_task_by_id(project, task) is None
    assert con.get_folder_by_id(project, folder) is not None


def test_field_changes_reach_the_server(ayon_connection, project) -> None:
    con = ayon_connection
    folder = con.create_folder(project, "sh010", folder_type="Shot",
                               data={"keep": 1, "drop": 2},
                               attrib={"fps": 50.0})
    task = con.create_task(project, "comp", "Compositing", folder)
    hub = fresh_hub(con, project)
    folder_entity = hub.get_folder_by_id(folder)
    task_entity = hub.get_task_by_id(task)
    del folder_entity.data["drop"]
    folder_entity.data["new"] = [1, 2]
    folder_entity.attribs["fps"] = None
    folder_entity.attribs["frameStart"] = 1001
    folder_entity.set_status("in progress")
    folder_entity.tags = ["a", "b"]
    folder_entity.label = "Shot 10"
    folder_entity.folder_type = "Asset"
    task_entity.assignees.append("admin")
    task_entity.set_status("Approved")
    task_entity.task_type = "Lighting"
    hub.commit_changes()
    stored = con.get_folder_by_id(project, folder, own_attributes=True)
    assert stored["data"] == {"keep": 1, "new": [1, 2]}
    assert stored["attrib"]["fps"] == con.get_project(project)["attrib"]["fps"]
    assert stored["attrib"]["frameStart"] == 1001
    assert stored["status"] == "In progress"
    assert stored["tags"] == ["a", "b"]
    assert stored["label"] == "Shot 10"
    assert stored["folderType"] == "Asset"
    stored_task = con.get_task_by_id(project, task)
    assert stored_task["assignees"] == ["admin"]
    assert stored_task["status"] == "Approved"
    assert stored_task["taskType"] == "Lighting"
    assert not any(e.changes for e in hub.entities)


def test_products_and_versions(ayon_connection, project) -> None:
    con = ayon_connection
    hub = fresh_hub(con, project)
    shot = hub.add_new_folder("sh010", "Shot")
    task = hub.add_new_task("comp", "Compositing", folder_id=shot.id)
    product = hub.add_new_product("renderMain", "render", folder_id=shot.id)
    version = hub.add_new_version(1, product_id=product.id, task_id=task.id,
                                  attribs={"frameStart": 1001})
    hub.commit_changes()
    assert version.status == "Pending review"
    stored = con.get_version_by_id(project, version.id)
    assert stored["productId"] == product.id and stored["taskId"] == task.id
    assert stored["status"] == "Pending review"
    assert con.get_product_by_id(project, product.id)["productType"] == (
        "render")

    other = EntityHub(project, connection=con)
    fetched = other.get_version_by_id(version.id)
    assert fetched.parent.id == product.id
    assert fetched.attribs["frameStart"] == 1001
    fetched.set_status("Approved")
    fetched.tags = ["final"]
    other.commit_changes()
    stored = con.get_version_by_id(project, version.id)
    assert stored["status"] == "Approved" and stored["tags"] == ["final"]
    assert other.get_folder_by_id(shot.id).has_published_content
    assert other.get_folder_by_id(shot.id).immutable_for_hierarchy


def test_project_types_and_statuses(ayon_connection, project) -> None:
    con = ayon_connection
    hub = fresh_hub(con, project)
    project_entity = hub.project_entity
    project_entity.folder_types = [*project_entity.folder_types,
                                   {"name": "Custom"}]
    folder = hub.add_new_folder("thing", "Custom")
    project_entity.statuses.create("Review", short_name="RVW",
                                   scope=["folder", "task"])
    project_entity.attribs["fps"] = 30.0
    hub.commit_changes()
    stored = con.get_project(project)
    assert "Custom" in [t["name"] for t in stored["folderTypes"]]
    assert stored["statuses"][-1]["name"] == "Review"
    assert stored["attrib"]["fps"] == 30.0
    assert con.get_folder_by_id(project, folder.id)["folderType"] == "Custom"

    # Drop the type while the folder still uses it: the folder changes
    # first, the type goes last.
    project_entity.folder_types = [t for t in project_entity.folder_types
                                   if t["name"] != "Custom"]
    folder.folder_type = "Folder"
    project_entity.statuses.get("Review").name = "In review"
    folder.set_status("In review")
    hub.commit_changes()
    stored = con.get_project(project)
    assert "Custom" not in [t["name"] for t in stored["folderTypes"]]
    assert "In review" in [s["name"] for s in stored["statuses"]]
    stored_folder = con.get_folder_by_id(project, folder.id)
    assert stored_folder["folderType"] == "Folder"
    assert stored_folder["status"] == "In review"
    assert hub.project_entity.changes == {}
    assert snapshot(hub) == snapshot(fresh_hub(con, project))


def test_failed_commit_leaves_hub_and_server_unchanged(ayon_connection,
                                                       project) -> None:
    con = ayon_connection
    folder = con.create_folder(project, "sh010", folder_type="Shot")
    hub = fresh_hub(con, project)
    folder_entity = hub.get_folder_by_id(folder)
    folder_entity.name = "sh100"
    new_folder = hub.add_new_folder("sh020", "Shot")
    bad_task = hub.add_new_task("comp", "NoSuchType",
                                folder_id=new_folder.id)
    before = {e.id: e.changes for e in hub.entities}
    with pytest.raises(FailedOperations) as info:
        hub.commit_changes()
    message = str(info.value)
    assert f"create task 'comp' ({bad_task.id})" in message
    assert "pending changes" in message
    assert {e.id: e.changes for e in hub.entities} == before
    assert new_folder.created and bad_task.created
    assert con.get_folder_by_id(project, folder)["name"] == "sh010"
    assert con.get_folder_by_id(project, new_folder.id) is None

    bad_task.task_type = "Compositing"
    hub.commit_changes()
    assert con.get_folder_by_id(project, folder)["name"] == "sh100"
    assert con.get_task_by_id(project, bad_task.id)["taskType"] == (
        "Compositing")
    assert snapshot(hub) == snapshot(fresh_hub(con, project))


def test_hub_uses_the_global_connection(global_env, ayon_connection,
                                        project) -> None:
    hub = EntityHub(project)
    folder = hub.add_new_folder("sh010", "Shot")
    hub.commit_changes()
    assert ayon_connection.get_folder_by_id(project, folder.id)["path"] == (
        "/sh010")
