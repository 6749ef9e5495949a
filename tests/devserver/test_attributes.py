"""``/api/attributes`` and custom attributes in GraphQL."""

from __future__ import annotations

from .helpers import Api, create_project, unique

FULL_DATA_KEYS = {
    "type",
    "title",
    "description",
    "example",
    "default",
    "gt",
    "ge",
    "lt",
    "le",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "regex",
    "enum",
    "enumResolver",
    "enumResolverSettings",
    "inherit",
    "widget",
    "widgetSettings",
}


def _custom_name() -> str:
    return "custom" + unique("x").split("_")[1]


def test_builtin_list(admin: Api) -> None:
    attributes = admin.get("/api/attributes").json()["attributes"]
    names = [a["name"] for a in attributes]
    assert names[:3] == ["priority", "fps", "resolutionWidth"]
    assert {"fullName", "email", "comment", "entityListCategory"} <= set(names)
    for attribute in attributes:
        assert set(attribute) == {"name", "position", "scope", "builtin", "data"}
        assert set(attribute["data"]) == FULL_DATA_KEYS
    priority = attributes[0]
    assert priority["builtin"] is True
    assert priority["data"]["enum"][0]["value"] == "urgent"
    assert priority["data"]["enum"][0]["disabledMessage"] is None


def test_custom_attribute_lifecycle(admin: Api) -> None:
    name = _custom_name()
    body = {
        "position": 100,
        "scope": ["project", "folder"],
        "data": {"type": "integer", "title": "Custom", "default": 7},
    }
    assert admin.put(f"/api/attributes/{name}", json=body).status_code == 204
    attribute = admin.get(f"/api/attributes/{name}").json()
    assert attribute["builtin"] is False
    assert attribute["data"]["default"] == 7
    assert attribute["scope"] == ["project", "folder"]

    # served by GraphQL at once, with its default
    project = unique("prj")
    create_project(admin, project)
    result = admin.graphql(
        "query($n: String!) { project(name: $n) { attrib { fps NAME } } }".replace(
            "NAME", name
        ),
        n=project,
    )
    assert result["data"]["project"]["attrib"] == {"fps": 25.0, name: 7}

    patch = {"data": {"title": "Renamed"}, "position": 101}
    assert admin.patch(f"/api/attributes/{name}", json=patch).status_code == 204
    attribute = admin.get(f"/api/attributes/{name}").json()
    assert attribute["data"]["title"] == "Renamed"
    assert attribute["data"]["type"] == "integer"
    assert attribute["position"] == 101

    assert admin.delete(f"/api/attributes/{name}").status_code == 204
    assert admin.get(f"/api/attributes/{name}").status_code == 404
    query = "{ projects { edges { node { attrib { NAME } } } } }"
    result = admin.graphql(query.replace("NAME", name))
    assert result["errors"]


def test_set_attribute_list(admin: Api) -> None:
    keep, drop = _custom_name(), _custom_name()
    for name in (keep, drop):
        body = {"position": 200, "scope": ["task"], "data": {"type": "string"}}
        assert admin.put(f"/api/attributes/{name}", json=body).status_code == 204
    attributes = admin.get("/api/attributes").json()["attributes"]
    attributes = [a for a in attributes if a["name"] != drop]
    response = admin.put(
        "/api/attributes", json={"attributes": attributes, "deleteMissing": True}
    )
    assert response.status_code == 204
    names = {a["name"] for a in admin.get("/api/attributes").json()["attributes"]}
    assert keep in names
    assert drop not in names
    assert "fps" in names


def test_builtins_cannot_be_deleted_or_retyped(admin: Api) -> None:
    assert admin.delete("/api/attributes/fps").status_code == 400
    body = {"position": 1, "scope": ["project"], "data": {"type": "string"}}
    assert admin.put("/api/attributes/fps", json=body).status_code == 400


def test_only_admins_change_attributes(artist: tuple[str, Api]) -> None:
    _, api = artist
    assert api.get("/api/attributes").status_code == 200
    body = {"position": 1, "scope": ["project"], "data": {"type": "string"}}
    assert api.put("/api/attributes/somethingNew", json=body).status_code == 403
    assert api.delete("/api/attributes/fps").status_code == 403
