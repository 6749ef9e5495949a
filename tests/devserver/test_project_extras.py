"""Roots, site roots, stats, tags, product types, URIs, rename, and project
folders."""

from __future__ import annotations

import pytest

from ayon_devserver.runner import DevServer

from .helpers import Api, build_shot, create, get_entity, new_project, unique


def test_roots_and_site_roots(admin: Api) -> None:
    project = new_project(admin, "roots")
    assert admin.get(f"/api/projects/{project}/roots").json() == {}
    assert admin.get(
        f"/api/projects/{project}/siteRoots", params={"platform": "windows"}
    ).json() == {"work": "C:/projects"}

    response = admin.put(
        f"/api/projects/{project}/roots/site1",
        json={"work": "/mnt/site1", "unknown": "/x"},
    )
    assert response.status_code == 204
    assert admin.get(f"/api/projects/{project}/roots").json() == {
        "site1": {"work": "/mnt/site1"}
    }
    by_query = admin.get(
        f"/api/projects/{project}/siteRoots",
        params={"platform": "linux", "site_id": "site1"},
    ).json()
    by_header = admin.get(
        f"/api/projects/{project}/siteRoots",
        params={"platform": "linux"},
        headers={"x-ayon-site-id": "site1"},
    ).json()
    assert by_query == by_header == {"work": "/mnt/site1"}
    admin.put(f"/api/projects/{project}/roots/site1", json={})
    assert admin.get(f"/api/projects/{project}/roots").json() == {}


def test_stats_tags_product_types_uris(admin: Api) -> None:
    project = new_project(admin, "extras")
    ids = build_shot(admin, project)
    admin.patch(
        f"/api/projects/{project}/versions/{ids['v1']}", json={"tags": ["best"]}
    )

    counts = admin.get(f"/api/projects/{project}/stats").json()["counts"]
    assert counts == {
        "folders": 2,
        "tasks": 1,
        "products": 1,
        "versions": 2,
        "representations": 1,
        "workfiles": 0,
    }
    tags = admin.get(f"/api/projects/{project}/tags").json()
    assert tags["versions"] == ["best"] and tags["folders"] == []
    product_types = admin.get(f"/api/projects/{project}/productTypes").json()
    assert product_types["default"]["icon"] == "deployed_code"
    assert product_types["productTypes"] == [
        {
            "name": "render",
            "baseType": "render",
            "color": "#cccccc",
            "icon": "photo_library",
        }
    ]

    def uri(entity_type: str, entity_id: str) -> str:
        response = admin.post(
            f"/api/projects/{project}/uris",
            json={"entityType": entity_type, "ids": [entity_id]},
        )
        return str(response.json()["uris"][0]["uri"])

    base = f"ayon+entity://{project}/sq010/sh010"
    assert uri("folder", ids["shot"]) == base
    assert uri("task", ids["task"]) == f"{base}?task=comp"
    assert uri("version", ids["v1"]) == f"{base}?product=renderMain&version=v001"
    assert uri("representation", ids["repre"]) == (
        f"{base}?product=renderMain&version=v001&representation=exr"
    )


def test_rename_project(admin: Api) -> None:
    project = new_project(admin, "before")
    folder = create(admin, project, "folder", name="sq010")
    renamed = unique("after")
    response = admin.post(f"/api/projects/{project}/rename", json={"name": renamed})
    assert response.status_code == 204
    assert admin.get(f"/api/projects/{project}").status_code == 404
    assert get_entity(admin, renamed, "folder", folder)["path"] == "/sq010"
    assert (
        admin.post(
            f"/api/projects/{renamed}/rename", json={"name": renamed}
        ).status_code
        == 204
    )


@pytest.fixture
def api(fresh_server: DevServer) -> Api:
    assert fresh_server.api_key
    return Api(fresh_server.url, {"X-Api-Key": fresh_server.api_key})


def test_project_folders(api: Api) -> None:
    top = api.post("/api/projectFolders", json={"label": "Features"}).json()["id"]
    child = api.post(
        "/api/projectFolders",
        json={"label": "2026", "parentId": top, "data": {"color": "#ff0000"}},
    ).json()["id"]
    folders = api.get("/api/projectFolders").json()["folders"]
    assert [(f["label"], f["parentId"]) for f in folders] == [
        ("Features", None),
        ("2026", top),
    ]
    assert folders[1]["data"] == {"color": "#ff0000"}

    assert (
        api.patch(f"/api/projectFolders/{child}", json={"label": "2027"}).status_code
        == 204
    )
    assert (
        api.post("/api/projectFolders/order", json={"order": [child, top]}).status_code
        == 204
    )
    assert [f["label"] for f in api.get("/api/projectFolders").json()["folders"]] == [
        "2027",
        "Features",
    ]

    name = new_project(api, "grouped")
    assert (
        api.post(
            "/api/projectFolders/assign",
            json={"folderId": child, "projectNames": [name]},
        ).status_code
        == 204
    )
    listed = {p["name"]: p for p in api.get("/api/projects").json()["projects"]}
    assert listed[name]["projectFolder"] == child

    assert api.delete(f"/api/projectFolders/{child}").status_code == 204
    listed = {p["name"]: p for p in api.get("/api/projects").json()["projects"]}
    assert listed[name]["projectFolder"] is None
    assert api.delete(f"/api/projectFolders/{child}").status_code == 404
