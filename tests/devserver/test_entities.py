"""REST CRUD of folders, tasks, products, versions, representations and
workfiles: shapes, defaults, validation, uniqueness."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from .helpers import Api, build_shot, create, get_entity, new_project


@pytest.fixture(scope="module")
def project(admin: Api) -> str:
    return new_project(admin, "crud")


def _bodies(admin: Api, project: str) -> dict[str, dict[str, Any]]:
    folder = create(admin, project, "folder", name=f"f_{uuid.uuid4().hex[:6]}")
    task = create(
        admin, project, "task", name="work", taskType="Generic", folderId=folder
    )
    product = create(
        admin,
        project,
        "product",
        name="modelMain",
        productType="model",
        folderId=folder,
    )
    version = create(admin, project, "version", version=1, productId=product)
    return {
        "folder": {"name": "child", "parentId": folder, "folderType": "Asset"},
        "task": {"name": "model", "taskType": "Modeling", "folderId": folder},
        "product": {"name": "lookMain", "productType": "look", "folderId": folder},
        "version": {"version": 7, "productId": product, "taskId": task},
        "representation": {"name": "abc", "versionId": version},
        "workfile": {"path": "/work/asset_model_v001.ma", "taskId": task},
    }


DEFAULT_STATUS = {
    "folder": "Not ready",
    "task": "Not ready",
    "product": "Not ready",
    "version": "Pending review",
    "representation": "Omitted",
    "workfile": "Not ready",
}


@pytest.mark.parametrize("entity_type", list(DEFAULT_STATUS))
def test_crud_cycle(admin: Api, project: str, entity_type: str) -> None:
    body = _bodies(admin, project)[entity_type]
    entity_id = uuid.uuid4().hex
    body.update(id=entity_id, data={"a": 1}, tags=["important"])
    assert create(admin, project, entity_type, **body) == entity_id

    entity = get_entity(admin, project, entity_type, entity_id)
    assert entity["id"] == entity_id
    assert entity["status"] == DEFAULT_STATUS[entity_type]
    assert entity["data"] == {"a": 1} and entity["tags"] == ["important"]
    assert entity["active"] is True
    assert {
        "createdAt",
        "updatedAt",
        "createdBy",
        "updatedBy",
        "attrib",
        "ownAttrib",
    } <= set(entity)
    assert "label" not in entity  # None values are left out, as on the real server

    url = f"/api/projects/{project}/{entity_type}s/{entity_id}"
    patch = {"data": {"b": 2, "a": None}, "active": False, "status": "Approved"}
    assert admin.patch(url, json=patch).status_code == 204
    entity = get_entity(admin, project, entity_type, entity_id)
    assert entity["data"] == {"b": 2}
    assert (entity["active"], entity["status"]) == (False, "Approved")

    assert admin.delete(url).status_code == 204
    missing = admin.get(url)
    assert missing.status_code == 404
    assert missing.json() == {"code": 404, "detail": f"Entity {entity_id} not found"}
    assert admin.patch(url, json={"active": True}).status_code == 404
    assert admin.delete(url).status_code == 404


def test_rest_shapes(admin: Api, project: str) -> None:
    ids = build_shot(admin, project)
    version = get_entity(admin, project, "version", ids["v1"])
    assert version["path"] == "/sq010/sh010/renderMain/v001"
    assert version["attrib"] == {"comment": "first"}
    assert version["ownAttrib"] == ["comment"]
    assert version["author"] == "service"
    product = get_entity(admin, project, "product", ids["product"])
    assert (product["productBaseType"], product["attrib"]) == ("render", {})
    repre = get_entity(admin, project, "representation", ids["repre"])
    assert repre["files"][0]["name"] == "sh010.1001.exr"
    assert repre["files"][0]["hashType"] == "md5"
    assert repre["path"] == "/sq010/sh010/renderMain/v001/exr"
    task = get_entity(admin, project, "task", ids["task"])
    assert task["path"] == "/sq010/sh010/comp"
    folder = get_entity(admin, project, "folder", ids["shot"])
    assert folder["hasVersions"] is True
    assert folder["ownAttrib"] == ["frameEnd", "frameStart"]
    assert folder["attrib"]["fps"] == 25.0  # inherited from the project


def test_generated_and_given_ids(admin: Api, project: str) -> None:
    generated = create(admin, project, "folder", name=f"gen_{uuid.uuid4().hex[:6]}")
    assert len(generated) == 32 and int(generated, 16) >= 0
    taken = admin.post(
        f"/api/projects/{project}/folders", json={"name": "other", "id": generated}
    )
    assert taken.status_code == 409


@pytest.mark.parametrize(
    "body",
    [
        {"name": "bad name!"},
        {"name": "-leading"},
        {"name": "ok", "label": "it's"},
        {"name": "ok", "id": "XYZ"},
        {"name": "ok", "attrib": {"frameStart": "soon"}},
        {"name": "ok", "attrib": {"priority": "whenever"}},
        {"label": "no name"},
    ],
)
def test_invalid_folder_data(admin: Api, project: str, body: dict[str, Any]) -> None:
    response = admin.post(f"/api/projects/{project}/folders", json=body)
    assert response.status_code == 400, response.text
    assert response.json()["detail"].startswith("Invalid data provided")


def test_unknown_types_statuses_and_parents(admin: Api, project: str) -> None:
    folders = f"/api/projects/{project}/folders"
    for body in (
        {"name": "x1", "folderType": "Planet"},
        {"name": "x2", "status": "Sleeping"},
        {"name": "x3", "parentId": uuid.uuid4().hex},
    ):
        response = admin.post(folders, json=body)
        assert response.status_code == 409, response.text
    folder = create(admin, project, "folder", name=f"p_{uuid.uuid4().hex[:6]}")
    response = admin.post(
        f"/api/projects/{project}/tasks",
        json={"name": "t", "taskType": "Juggling", "folderId": folder},
    )
    assert response.status_code == 409
    assert "Juggling" in response.json()["detail"]
    response = admin.post(
        f"/api/projects/{project}/versions",
        json={"version": 1, "productId": uuid.uuid4().hex},
    )
    assert response.status_code == 409
    assert (
        admin.post("/api/projects/nope_nope/folders", json={"name": "a"}).status_code
        == 404
    )


def test_default_folder_type_and_unknown_attributes(admin: Api, project: str) -> None:
    folder = create(
        admin,
        project,
        "folder",
        name=f"d_{uuid.uuid4().hex[:6]}",
        attrib={"notAnAttribute": 1, "fps": 30},
    )
    entity = get_entity(admin, project, "folder", folder)
    assert entity["folderType"] == "Folder"
    assert entity["ownAttrib"] == ["fps"] and entity["attrib"]["fps"] == 30.0


def test_uniqueness(admin: Api, project: str) -> None:
    parent = create(admin, project, "folder", name=f"u_{uuid.uuid4().hex[:6]}")
    create(admin, project, "folder", name="dup", parentId=parent)
    response = admin.post(
        f"/api/projects/{project}/folders", json={"name": "dup", "parentId": parent}
    )
    assert response.status_code == 409
    assert "dup" in response.json()["detail"]

    create(admin, project, "task", name="comp", taskType="Compositing", folderId=parent)
    response = admin.post(
        f"/api/projects/{project}/tasks",
        json={"name": "comp", "taskType": "Compositing", "folderId": parent},
    )
    assert response.status_code == 409 and "comp" in response.json()["detail"]

    product = create(
        admin,
        project,
        "product",
        name="renderMain",
        productType="render",
        folderId=parent,
    )
    response = admin.post(
        f"/api/projects/{project}/products",
        json={"name": "renderMain", "productType": "render", "folderId": parent},
    )
    assert response.status_code == 409 and "renderMain" in response.json()["detail"]

    version = create(admin, project, "version", version=3, productId=product)
    response = admin.post(
        f"/api/projects/{project}/versions", json={"version": 3, "productId": product}
    )
    assert response.status_code == 409 and "3" in response.json()["detail"]

    create(admin, project, "representation", name="exr", versionId=version)
    response = admin.post(
        f"/api/projects/{project}/representations",
        json={"name": "exr", "versionId": version},
    )
    assert response.status_code == 409 and "exr" in response.json()["detail"]

    # renaming onto a sibling is a conflict too
    other = create(admin, project, "folder", name="other", parentId=parent)
    response = admin.patch(
        f"/api/projects/{project}/folders/{other}", json={"name": "dup"}
    )
    assert response.status_code == 409


def test_workfile_and_version_defaults(admin: Api, project: str) -> None:
    folder = create(admin, project, "folder", name=f"w_{uuid.uuid4().hex[:6]}")
    task = create(
        admin, project, "task", name="comp", taskType="Compositing", folderId=folder
    )
    workfile = create(
        admin,
        project,
        "workfile",
        path="/w/shot_comp_v001.nk",
        taskId=task,
        attrib={"description": "first"},
    )
    entity = get_entity(admin, project, "workfile", workfile)
    assert entity["createdBy"] == entity["updatedBy"] == "service"
    assert entity["attrib"] == {"description": "first"}
    product = create(
        admin,
        project,
        "product",
        name="plateMain",
        productType="plate",
        folderId=folder,
    )
    hero = create(admin, project, "version", version=-1, productId=product)
    assert get_entity(admin, project, "version", hero)["path"].endswith("/HERO")


def test_cascading_deletes(admin: Api, project: str) -> None:
    folder = create(admin, project, "folder", name=f"c_{uuid.uuid4().hex[:6]}")
    task = create(
        admin, project, "task", name="comp", taskType="Compositing", folderId=folder
    )
    workfile = create(admin, project, "workfile", path="/w/a.nk", taskId=task)
    product = create(
        admin,
        project,
        "product",
        name="renderMain",
        productType="render",
        folderId=folder,
    )
    version = create(
        admin, project, "version", version=1, productId=product, taskId=task
    )
    repre = create(admin, project, "representation", name="exr", versionId=version)

    assert admin.delete(f"/api/projects/{project}/tasks/{task}").status_code == 204
    assert admin.get(f"/api/projects/{project}/workfiles/{workfile}").status_code == 404
    assert "taskId" not in get_entity(admin, project, "version", version)

    assert (
        admin.delete(f"/api/projects/{project}/products/{product}").status_code == 204
    )
    assert admin.get(f"/api/projects/{project}/versions/{version}").status_code == 404
    assert (
        admin.get(f"/api/projects/{project}/representations/{repre}").status_code == 404
    )
