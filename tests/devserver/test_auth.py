"""Authentication: sessions, API keys, impersonation, 401 shapes."""

from __future__ import annotations

from ayon_devserver.runner import DevServer

from .helpers import Api, create_user, login, unique


def test_missing_credentials_answer_401_like_the_real_server(anon: Api) -> None:
    response = anon.get("/api/users/me")
    assert response.status_code == 401
    assert response.json() == {"code": 401, "detail": "Access token is missing"}


def test_api_key_in_x_api_key_header(server: DevServer) -> None:
    api = Api(server.url, {"X-Api-Key": server.api_key})
    me = api.get("/api/users/me").json()
    assert me["name"] == "service"
    assert me["data"]["isService"] is True


def test_api_key_in_authorization_header(server: DevServer) -> None:
    api = Api(server.url, {"Authorization": f"ApiKey {server.api_key}"})
    assert api.get("/api/users/me").json()["name"] == "service"


def test_invalid_api_key_is_401_and_not_echoed(server: DevServer) -> None:
    secret = "not-a-real-key-7c1f9e"
    for headers in ({"X-Api-Key": secret}, {"Authorization": f"ApiKey {secret}"}):
        response = Api(server.url, headers).get("/api/users/me")
        assert response.status_code == 401
        body = response.json()
        assert body == {"code": 401, "detail": "Invalid API key"}
        assert secret not in response.text


def test_api_key_is_not_a_bearer_token(server: DevServer) -> None:
    # the reference client probes "Bearer <api key>" first and needs a 401
    api = Api(server.url, {"Authorization": f"Bearer {server.api_key}"})
    response = api.get("/api/users/me")
    assert response.status_code == 401
    assert set(response.json()) == {"code", "detail"}
    assert server.api_key not in response.text


def test_unsupported_authorization_scheme(server: DevServer) -> None:
    response = Api(server.url, {"Authorization": "Basic Zm9vOmJhcg=="}).get(
        "/api/users/me"
    )
    assert response.status_code == 401


def test_login_returns_token_and_user(server: DevServer, anon: Api) -> None:
    response = anon.post(
        "/api/auth/login", json={"name": "admin", "password": server.admin_password}
    )
    assert response.status_code == 200
    body = response.json()
    assert set(body) >= {"token", "user", "detail"}
    assert body["user"]["name"] == "admin"
    api = Api(server.url, {"Authorization": f"Bearer {body['token']}"})
    me = api.get("/api/users/me").json()
    assert me["name"] == "admin"
    assert me["data"]["isAdmin"] is True


def test_wrong_password_is_401(anon: Api) -> None:
    for name in ("admin", "nobody-here"):
        response = anon.post(
            "/api/auth/login", json={"name": name, "password": "wrong-password"}
        )
        assert response.status_code == 401
        assert set(response.json()) == {"code", "detail"}
        assert "wrong-password" not in response.text


def test_service_user_cannot_log_in_with_a_password(anon: Api) -> None:
    response = anon.post("/api/auth/login", json={"name": "service", "password": ""})
    assert response.status_code == 401


def test_logout_invalidates_the_session(server: DevServer) -> None:
    api = login(server, "admin", server.admin_password or "")
    assert api.get("/api/users/me").status_code == 200
    response = api.post("/api/auth/logout")
    assert response.status_code == 200
    assert response.json()["detail"] == "Logged out"
    response = api.get("/api/users/me")
    assert response.status_code == 401
    assert response.json()["detail"] == "Invalid session"


def test_logout_with_api_key_is_rejected(admin: Api) -> None:
    assert admin.post("/api/auth/logout").status_code == 400
    assert admin.get("/api/users/me").status_code == 200


def test_inactive_user_cannot_log_in_or_use_sessions(
    server: DevServer, admin: Api
) -> None:
    name = unique("inactive")
    create_user(admin, name)
    api = login(server, name, "pw-1234")
    assert admin.patch(f"/api/users/{name}", json={"active": False}).status_code == 204
    assert api.get("/api/users/me").status_code == 401
    response = Api(server.url).post(
        "/api/auth/login", json={"name": name, "password": "pw-1234"}
    )
    assert response.status_code == 401


def test_service_user_acts_as_another_user(server: DevServer, admin: Api) -> None:
    name = unique("impersonated")
    create_user(admin, name)
    response = admin.get("/api/users/me", headers={"X-as-user": name})
    assert response.status_code == 200
    assert response.json()["name"] == name
    # acting as a non-admin user means having that user's rights
    response = admin.delete("/api/users/admin", headers={"X-as-user": name})
    assert response.status_code == 403


def test_x_as_user_unknown_user_is_forbidden(admin: Api) -> None:
    response = admin.get("/api/users/me", headers={"X-as-user": "no-such-user-x1"})
    assert response.status_code == 403


def test_only_service_users_may_use_x_as_user(
    artist: tuple[str, Api], server: DevServer
) -> None:
    _, api = artist
    response = api.get("/api/users/me", headers={"X-as-user": "admin"})
    assert response.status_code == 403
    admin_session = login(server, "admin", server.admin_password or "")
    response = admin_session.get("/api/users/me", headers={"X-as-user": "service"})
    assert response.status_code == 403


def test_every_api_endpoint_needs_credentials(anon: Api) -> None:
    for method, path in [
        ("GET", "/api/users/admin"),
        ("GET", "/api/projects"),
        ("POST", "/api/projects"),
        ("GET", "/api/attributes"),
        ("GET", "/api/anatomy/presets"),
        ("POST", "/graphql"),
        ("POST", "/api/auth/logout"),
    ]:
        response = anon.request(method, path, json={})
        assert response.status_code == 401, (method, path)
        assert response.json()["code"] == 401
