"""Creating, updating and deleting projects and their entities."""
from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from ayon_api import ServerAPI
from ayon_api.exceptions import HTTPRequestError


@pytest.fixture
def project(ayon_connection: ServerAPI) -> Iterator[str]:
    name = f"wr_{uuid.uuid4().hex[:8]}"
    ayon_connection.create_project(name, f"w{uuid.uuid4().hex[:5]}")
    yield name
    ayon_connection.delete_project(name)


def test_project_lifecycle(ayon_connection: ServerAPI) -> None:
    con = ayon_connection
    name = f"life_{uuid.uuid4().hex[:8]}"
    created = con.create_project(name, "lf" + uuid.uuid4().hex[:4])
    assert created["name"] == name
    assert {"folderTypes", "taskTypes", "statuses", "attrib", "config"} <= set(
        created)
    assert all(status.get("scope") for status in created["statuses"])
    with pytest.raises(ValueError, match="already exists"):
        con.create_project(name, "lfdup")
    assert name in con.get_project_names()
    assert name in {p["name"] for p in con.get_rest_projects_list()}
    con.update_project(name, library=True, attrib={"fps": 30.0},
                       data={"key": "value"})
    project = con.get_project(name)
    assert project["library"] is True
    assert project["attrib"]["fps"] == 30.0
    assert project["data"]["key"] == "value"
    listed = {p["name"]: p for p in con.get_projects(fields={"name", "code"})}
    assert set(listed[name]) == {"name", "code"}
    graphql = con.get_project(name, fields={"name", "attrib.fps", "library"})
    assert graphql["attrib"]["fps"] == 30.0 and graphql["library"] is True
    full = next(p for p in con.get_projects(library=True) if p["name"] == name)
    assert full["code"] == project["code"]
    assert name not in {p["name"] for p in con.get_projects(library=False)}
    con.update_project(name, active=False)
    assert name not in con.get_project_names()
    assert name in con.get_project_names(active=None)
    con.delete_project(name)
    assert con.get_project(name) is None
    with pytest.raises(ValueError, match="not found"):
        con.delete_project(name)


def test_anatomy_presets(ayon_connection: ServerAPI) -> None:
    con = ayon_connection
    built_in = con.get_built_in_anatomy_preset()
    assert "folder_types" in built_in or "folderTypes" in built_in
    assert con.get_project_anatomy_preset() == con.get_project_anatomy_preset(
        con.get_default_anatomy_preset_name())
    assert isinstance(con.get_project_anatomy_presets(), list)


def test_folder_crud_paths_and_rules(ayon_connection: ServerAPI,
                                     project: str) -> None:
    con = ayon_connection
    seq = con.create_folder(project, "sq010", folder_type="Sequence")
    shot = con.create_folder(project, "sh010", folder_type="Shot",
                             parent_id=seq, label="Shot 10",
                             attrib={"frameStart": 1001})
    given = uuid.uuid4().hex
    assert con.create_folder(project, "sh020", folder_type="Shot",
                             parent_id=seq, folder_id=given) == given
    with pytest.raises(HTTPRequestError) as duplicate:
        con.create_folder(project, "sh010", folder_type="Shot", parent_id=seq)
    assert duplicate.value.status_code == 409

    con.update_folder(project, shot, name="sh011", label=None,
                      attrib={"frameStart": 1010}, tags=["a"])
    updated = con.get_folder_by_id(project, shot)
    assert updated["path"] == "/sq010/sh011"
    assert updated["label"] is None
    assert updated["attrib"]["frameStart"] == 1010
    assert updated["tags"] == ["a"]

    other = con.create_folder(project, "sq020", folder_type="Sequence")
    con.update_folder(project, seq, parent_id=other)
    assert con.get_folder_by_id(project, shot)["path"] == "/sq020/sq010/sh011"

    con.update_project(project, attrib={"fps": 50.0})
    assert con.get_folder_by_id(project, shot)["attrib"]["fps"] == 50.0

    con.create_task(project, "comp", "Compositing", shot)
    with pytest.raises(HTTPRequestError):
        con.delete_folder(project, shot)
    con.delete_folder(project, shot, force=True)
    assert con.get_folder_by_id(project, shot) is None
    con.delete_folder(project, given)
    with pytest.raises(HTTPRequestError) as missing:
        con.delete_folder(project, given)
    assert missing.value.status_code == 404


def test_task_product_version_representation_crud(ayon_connection: ServerAPI,
                                                  project: str) -> None:
    con = ayon_connection
    shot = con.create_folder(project, "sh010", folder_type="Shot")
    task = con.create_task(project, "comp", "Compositing", shot,
                           assignees=["admin"], label="Comp")
    with pytest.raises(HTTPRequestError):
        con.create_task(project, "comp", "Compositing", shot)
    con.update_task(project, task, label=None, assignees=[],
                    status="In progress")
    task_entity = con.get_task_by_id(project, task)
    assert task_entity["label"] is None and task_entity["assignees"] == []
    assert task_entity["status"] == "In progress"

    product = con.create_product(project, "renderMain", "render", shot)
    con.update_product(project, product, product_type="review")
    assert con.get_product_by_id(project, product)["productType"] == "review"

    version = con.create_version(project, 1, product, task_id=task,
                                 author="admin", attrib={"comment": "x"})
    with pytest.raises(HTTPRequestError):
        con.create_version(project, 1, product)
    con.update_version(project, version, task_id=None,
                       attrib={"comment": "y"})
    version_entity = con.get_version_by_id(project, version)
    assert version_entity["taskId"] is None
    assert version_entity["attrib"]["comment"] == "y"

    repre = con.create_representation(project, "exr", version, files=[])
    con.update_representation(project, repre, name="png",
                              data={"colorspace": "srgb"})
    repre_entity = con.get_representation_by_id(project, repre)
    assert repre_entity["name"] == "png"
    assert repre_entity["data"] == {"colorspace": "srgb"}

    con.delete_representation(project, repre)
    assert con.get_representation_by_id(project, repre) is None
    con.delete_version(project, version)
    assert con.get_version_by_id(project, version) is None
    con.delete_product(project, product)
    assert con.get_product_by_id(project, product) is None
    con.delete_task(project, task)
    assert con.get_task_by_id(project, task) is None


def test_workfiles(ayon_connection: ServerAPI, project: str) -> None:
    con = ayon_connection
    shot = con.create_folder(project, "sh010", folder_type="Shot")
    task = con.create_task(project, "comp", "Compositing", shot)
    path = "{root[work]}/sh010/comp/sh010_comp_v001.nk"
    workfile = con.create_workfile_entity(project, path, task,
                                          attrib={"description": "first"})
    found = con.get_workfile_entity(project, task, path)
    assert found["id"] == workfile
    assert found["path"] == path
    assert con.get_workfile_entity_by_id(project, workfile)["taskId"] == task
    assert [w["id"] for w in con.get_workfile_entities(
        project, path_regex="v001")] == [workfile]
    assert con.get_workfile_info(project, task, path)["id"] == workfile
    assert con.get_workfile_info_by_id(project, workfile)["id"] == workfile
    assert [w["id"] for w in con.get_workfiles_info(
        project, task_ids=[task])] == [workfile]
    con.update_workfile_entity(project, workfile, data={"k": 1})
    assert con.get_workfile_entity_by_id(project, workfile)["data"] == {"k": 1}
    con.update_workfile_info(project, workfile, tags=["t"])
    assert con.get_workfile_entity_by_id(project, workfile)["tags"] == ["t"]
    con.delete_workfile_info(project, workfile)
    assert con.get_workfile_entity_by_id(project, workfile) is None


def test_default_fields_for_type(ayon_connection: ServerAPI) -> None:
    fields = ayon_connection.get_default_fields_for_type("folder")
    assert {"id", "path", "allAttrib"} <= fields
    assert "allAttrib" not in ayon_connection.get_default_fields_for_type(
        "event")
    with pytest.raises(ValueError):
        ayon_connection.get_default_fields_for_type("shoe")
