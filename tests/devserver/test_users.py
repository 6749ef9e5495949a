"""``/api/users``: CRUD, conflicts, permissions, password, rename."""

from __future__ import annotations

from ayon_devserver.runner import DevServer

from .helpers import Api, create_project, create_user, login, unique


def _user_body(name: str) -> dict:
    return {
        "name": name,
        "attrib": {"fullName": "Wire User", "email": f"{name}@example.com"},
        "password": "ayon-wire-1",
        "data": {"defaultAccessGroups": ["artist"]},
    }


def test_create_conflict_get_and_missing(admin: Api) -> None:
    name = unique("user")
    response = admin.put(f"/api/users/{name}", json=_user_body(name))
    assert response.status_code == 204
    assert response.content == b""

    response = admin.put(f"/api/users/{name}", json=_user_body(name))
    assert response.status_code == 409
    assert response.json() == {"code": 409, "detail": "User already exists"}

    user = admin.get(f"/api/users/{name}").json()
    assert user["name"] == name
    assert user["active"] is True
    assert user["attrib"] == {
        "fullName": "Wire User",
        "email": f"{name}@example.com",
    }
    assert sorted(user["ownAttrib"]) == ["email", "fullName"]
    assert user["data"]["createdBy"] == "service"
    assert user["data"]["defaultAccessGroups"] == ["artist"]
    assert "ayon-wire-1" not in str(user)  # only a salted hash is stored
    assert set(user) >= {"createdAt", "updatedAt"}

    response = admin.get("/api/users/does-not-exist-0a1b2c")
    assert response.status_code == 404
    assert response.json() == {
        "code": 404,
        "detail": "User does-not-exist-0a1b2c not found",
    }


def test_new_user_can_log_in(server: DevServer, admin: Api) -> None:
    name = unique("user")
    admin.put(f"/api/users/{name}", json=_user_body(name))
    api = login(server, name, "ayon-wire-1")
    me = api.get("/api/users/me").json()
    assert me["name"] == name
    assert "password" not in me["data"]  # hashes are shown to admins only
    assert isinstance(me["uiExposureLevel"], int)


def test_patch_and_delete(admin: Api) -> None:
    name = unique("user")
    create_user(admin, name)
    response = admin.patch(
        f"/api/users/{name}",
        json={"attrib": {"fullName": "Renamed Person", "email": None}},
    )
    assert response.status_code == 204
    user = admin.get(f"/api/users/{name}").json()
    assert user["attrib"] == {"fullName": "Renamed Person"}

    response = admin.patch(f"/api/users/{name}", json={"data": {"isManager": True}})
    assert response.status_code == 204
    assert admin.get(f"/api/users/{name}").json()["data"]["isManager"] is True

    assert admin.delete(f"/api/users/{name}").status_code == 204
    assert admin.get(f"/api/users/{name}").status_code == 404
    assert admin.delete(f"/api/users/{name}").status_code == 404


def test_non_admin_cannot_manage_users(artist: tuple[str, Api], admin: Api) -> None:
    name, api = artist
    other = unique("other")
    response = api.put(f"/api/users/{other}", json=_user_body(other))
    assert response.status_code == 403
    assert set(response.json()) == {"code", "detail"}
    assert api.delete("/api/users/admin").status_code == 403
    assert api.patch("/api/users/admin", json={"attrib": {}}).status_code == 403
    # own attributes are fine, own roles are not
    assert (
        api.patch(f"/api/users/{name}", json={"attrib": {"fullName": "Me"}}).status_code
        == 204
    )
    response = api.patch(f"/api/users/{name}", json={"data": {"isAdmin": True}})
    assert response.status_code == 403
    assert admin.get(f"/api/users/{name}").json()["data"].get("isAdmin") is None


def test_non_admin_does_not_see_hashes(artist: tuple[str, Api]) -> None:
    _, api = artist
    service = api.get("/api/users/service").json()
    assert "apiKey" not in service["data"]
    assert service["data"]["apiKeyPreview"]


def test_change_password(server: DevServer, admin: Api) -> None:
    name = unique("user")
    create_user(admin, name, password="old-password")
    old_session = login(server, name, "old-password")
    response = old_session.patch(
        f"/api/users/{name}/password", json={"password": "new-password"}
    )
    assert response.status_code == 204
    assert old_session.get("/api/users/me").status_code == 200  # caller stays
    login(server, name, "new-password")
    response = Api(server.url).post(
        "/api/auth/login", json={"name": name, "password": "old-password"}
    )
    assert response.status_code == 401


def test_set_api_key_for_a_user(server: DevServer, admin: Api) -> None:
    name = unique("bot")
    create_user(admin, name, isService=True)
    key = "0123456789abcdef0123456789abcdef"
    response = admin.patch(f"/api/users/{name}/password", json={"apiKey": key})
    assert response.status_code == 204
    me = Api(server.url, {"X-Api-Key": key}).get("/api/users/me").json()
    assert me["name"] == name
    assert me["data"]["apiKeyPreview"] == "0123***cdef"
    assert key not in str(me)


def test_rename_keeps_sessions(server: DevServer, admin: Api) -> None:
    name, new_name = unique("user"), unique("renamed")
    create_user(admin, name)
    api = login(server, name, "pw-1234")
    response = admin.patch(f"/api/users/{name}/rename", json={"newName": new_name})
    assert response.status_code == 204
    assert admin.get(f"/api/users/{name}").status_code == 404
    assert api.get("/api/users/me").json()["name"] == new_name
    response = admin.post(f"/api/users/{new_name}/rename", json={"name": "admin"})
    assert response.status_code == 409


def test_access_groups(admin: Api) -> None:
    name, project = unique("user"), unique("prj")
    create_user(admin, name)
    create_project(admin, project)
    response = admin.patch(
        f"/api/users/{name}/accessGroups",
        json={"accessGroups": [{"project": project, "accessGroups": ["lead"]}]},
    )
    assert response.status_code == 204
    data = admin.get(f"/api/users/{name}").json()["data"]
    assert data["accessGroups"][project] == ["lead"]


def test_cannot_delete_yourself(server: DevServer) -> None:
    api = login(server, "admin", server.admin_password or "")
    assert api.delete("/api/users/admin").status_code == 400


def test_invalid_user_name_is_a_validation_error(admin: Api) -> None:
    response = admin.put("/api/users/-bad name-", json={"password": "secret-1"})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == 400
    assert isinstance(body["detail"], str)
    assert "secret-1" not in response.text
