"""Anatomy presets, the anatomy schema, project anatomy, and creating
projects from presets."""

from __future__ import annotations

import pytest

from ayon_devserver.runner import DevServer

from .helpers import Api, new_project, unique


@pytest.fixture
def api(fresh_server: DevServer) -> Api:
    """Presets are global: a server of its own keeps the tests independent."""
    assert fresh_server.api_key
    return Api(fresh_server.url, {"X-Api-Key": fresh_server.api_key})


def test_builtin_and_primary(api: Api) -> None:
    assert api.get("/api/anatomy/presets").json() == {"presets": [], "version": "1.0.0"}
    builtin = api.get("/api/anatomy/presets/__builtin__").json()
    assert api.get("/api/anatomy/presets/_").json() == builtin
    assert api.get("/api/anatomy/presets/__primary__").json() == builtin
    assert {s["name"] for s in builtin["statuses"]} >= {"Not ready", "Omitted"}
    assert api.get("/api/anatomy/presets/nothing").status_code == 404


def test_preset_lifecycle(api: Api) -> None:
    anatomy = api.get("/api/anatomy/presets/__builtin__").json()
    anatomy["folder_types"].append({"name": "Planet", "icon": "public"})
    anatomy["attributes"]["fps"] = 50.0
    assert api.put("/api/anatomy/presets/space", json=anatomy).status_code == 204
    stored = api.get("/api/anatomy/presets/space").json()
    assert stored["folder_types"][-1]["name"] == "Planet"
    assert stored["folder_types"][-1]["color"] == "#cccccc"  # defaults filled in
    assert api.get("/api/anatomy/presets").json()["presets"] == [
        {"name": "space", "primary": False, "version": "1.0.0"}
    ]

    assert api.post("/api/anatomy/presets/space/primary").status_code == 204
    assert api.get("/api/anatomy/presets").json()["presets"][0]["primary"] is True
    assert api.get("/api/anatomy/presets/__primary__").json() == stored

    # a project deployed without an anatomy uses the primary preset
    name = unique("space")
    response = api.post("/api/projects", json={"name": name, "code": name[:8]})
    assert response.status_code == 201
    project = api.get(f"/api/projects/{name}").json()
    assert project["folderTypes"][-1]["name"] == "Planet"
    assert project["attrib"]["fps"] == 50.0
    from_preset = unique("named")
    api.post(
        "/api/projects",
        json={"name": from_preset, "code": "np", "anatomyPreset": "space"},
    )
    assert api.get(f"/api/projects/{from_preset}").json()["attrib"]["fps"] == 50.0

    assert (
        api.post(
            "/api/anatomy/presets/space/rename", json={"name": "cosmos"}
        ).status_code
        == 204
    )
    assert api.get("/api/anatomy/presets/space").status_code == 404
    assert api.get("/api/anatomy/presets").json()["presets"][0] == {
        "name": "cosmos",
        "primary": True,
        "version": "1.0.0",
    }
    assert api.delete("/api/anatomy/presets/cosmos/primary").status_code == 204
    assert api.get("/api/anatomy/presets").json()["presets"][0]["primary"] is False
    assert api.delete("/api/anatomy/presets/cosmos").status_code == 204
    assert api.get("/api/anatomy/presets").json()["presets"] == []
    assert api.delete("/api/anatomy/presets/cosmos").status_code == 404


def test_invalid_presets(api: Api) -> None:
    bad = {"statuses": [{"name": "x", "state": "sleeping"}]}
    assert api.put("/api/anatomy/presets/bad", json=bad).status_code == 400
    assert api.put("/api/anatomy/presets/__builtin__", json={}).status_code == 400


def test_schema(api: Api) -> None:
    schema = api.get("/api/anatomy/schema").json()
    assert schema["title"] == "Anatomy"
    assert {
        "roots",
        "templates",
        "attributes",
        "folder_types",
        "task_types",
        "statuses",
        "tags",
        "link_types",
    } <= set(schema["properties"])


def test_project_anatomy_round_trip(admin: Api) -> None:
    project = new_project(admin, "anat")
    anatomy = admin.get(f"/api/projects/{project}/anatomy").json()
    assert anatomy["roots"][0]["name"] == "work"
    assert anatomy["attributes"]["fps"] == 25.0
    assert anatomy["link_types"][0]["link_type"] == "generative"
    anatomy["task_types"] = anatomy["task_types"][:2]
    anatomy["attributes"]["fps"] = 12.0
    response = admin.post(f"/api/projects/{project}/anatomy", json=anatomy)
    assert response.status_code == 204
    entity = admin.get(f"/api/projects/{project}").json()
    assert [t["name"] for t in entity["taskTypes"]] == ["Generic", "Art"]
    assert entity["attrib"]["fps"] == 12.0
    assert entity["config"]["roots"]["work"]["linux"] == "/mnt/share/projects"
