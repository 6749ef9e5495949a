"""``/api/projects`` and the built-in anatomy preset."""

from __future__ import annotations

from ayon_devserver.runner import DevServer

from .helpers import Api, create_project, create_user, login, unique

PROJECT_KEYS = {
    "name",
    "code",
    "library",
    "active",
    "attrib",
    "ownAttrib",
    "data",
    "config",
    "folderTypes",
    "taskTypes",
    "statuses",
    "tags",
    "linkTypes",
    "createdAt",
    "updatedAt",
}


def test_create_get_patch_delete(admin: Api) -> None:
    name = unique("prj")
    response = admin.post("/api/projects", json={"name": name, "code": "p1"})
    assert response.status_code == 201

    project = admin.get(f"/api/projects/{name}").json()
    assert set(project) == PROJECT_KEYS
    assert project["code"] == "p1"
    assert project["attrib"]["fps"] == 25.0
    assert sorted(project["ownAttrib"]) == sorted(project["attrib"])
    assert {t["name"] for t in project["folderTypes"]} >= {"Folder", "Shot"}
    assert {t["name"] for t in project["taskTypes"]} >= {"Compositing"}
    assert project["statuses"][0]["name"] == "Not ready"
    assert project["linkTypes"][0]["name"] == "generative|version|version"
    assert set(project["config"]) >= {"roots", "templates", "productBaseTypes"}

    response = admin.patch(
        f"/api/projects/{name}",
        json={"library": False, "attrib": {"fps": 24.0}, "data": {"x": {"y": 1}}},
    )
    assert response.status_code == 204
    project = admin.get(f"/api/projects/{name}").json()
    assert project["attrib"]["fps"] == 24.0
    assert project["data"] == {"x": {"y": 1}}
    assert project["updatedAt"] >= project["createdAt"]

    assert admin.delete(f"/api/projects/{name}").status_code == 204
    response = admin.get(f"/api/projects/{name}")
    assert response.status_code == 404
    assert response.json() == {"code": 404, "detail": f"Project {name} not found"}


def test_create_twice_is_a_conflict(admin: Api) -> None:
    name = unique("prj")
    create_project(admin, name)
    response = admin.post("/api/projects", json={"name": name, "code": "x"})
    assert response.status_code == 409
    response = admin.post("/api/projects", json={"name": name.upper(), "code": "x"})
    assert response.status_code == 409


def test_create_with_put_and_list(admin: Api) -> None:
    name = unique("prj")
    response = admin.put(
        f"/api/projects/{name}", json={"code": "pp", "library": True, "tags": []}
    )
    assert response.status_code == 201
    project = admin.get(f"/api/projects/{name}").json()
    assert project["library"] is True
    assert project["tags"] == []
    assert project["folderTypes"]  # defaults for what was not given

    listing = admin.get("/api/projects", params={"library": "true"}).json()
    assert set(listing) == {"count", "detail", "projects"}
    names = [p["name"] for p in listing["projects"]]
    assert name in names
    item = listing["projects"][names.index(name)]
    assert set(item) == {
        "name",
        "code",
        "label",
        "color",
        "active",
        "library",
        "pinned",
        "projectFolder",
        "skeleton",
        "createdAt",
        "updatedAt",
    }
    listing = admin.get("/api/projects", params={"library": "false"}).json()
    assert name not in [p["name"] for p in listing["projects"]]


def test_deploy_with_anatomy_from_the_preset(admin: Api) -> None:
    assert admin.get("/api/anatomy/presets").json()["presets"] == []
    preset = admin.get("/api/anatomy/presets/__primary__").json()
    preset["attributes"]["fps"] = 50.0
    preset["folder_types"] = preset["folder_types"][:2]
    name = unique("prj")
    response = admin.post(
        "/api/projects", json={"name": name, "code": "an", "anatomy": preset}
    )
    assert response.status_code == 201
    project = admin.get(f"/api/projects/{name}").json()
    assert project["attrib"]["fps"] == 50.0
    assert [t["name"] for t in project["folderTypes"]] == ["Folder", "Library"]
    assert "original_name" not in project["folderTypes"][0]
    assert admin.get("/api/anatomy/presets/nope").status_code == 404
    body = {"name": unique("prj"), "code": "x", "anatomyPreset": "nope"}
    assert admin.post("/api/projects", json=body).status_code == 404


def test_non_managers_see_only_their_projects(server: DevServer, admin: Api) -> None:
    visible, hidden = unique("prj"), unique("prj")
    create_project(admin, hidden)
    name = unique("artist")
    create_user(admin, name, defaultAccessGroups=["artist"])
    create_project(admin, visible)  # assigns default access groups
    api = login(server, name, "pw-1234")

    names = [p["name"] for p in api.get("/api/projects").json()["projects"]]
    assert visible in names
    assert hidden not in names
    assert api.get(f"/api/projects/{visible}").status_code == 200
    assert api.get(f"/api/projects/{hidden}").status_code == 403
    access = admin.get(f"/api/users/{name}").json()["data"]["accessGroups"]
    assert access == {visible: ["artist"]}

    response = api.post("/api/projects", json={"name": unique("prj"), "code": "x"})
    assert response.status_code == 403
    assert api.patch(f"/api/projects/{visible}", json={}).status_code == 403
    assert api.delete(f"/api/projects/{visible}").status_code == 403

    assert admin.delete(f"/api/projects/{visible}").status_code == 204
    access = admin.get(f"/api/users/{name}").json()["data"]["accessGroups"]
    assert access == {}


def test_invalid_project_name(admin: Api) -> None:
    response = admin.post("/api/projects", json={"name": "bad name!", "code": "x"})
    assert response.status_code == 400
    assert response.json()["code"] == 400
