"""HTTP helpers for the devserver tests (plain ``requests``)."""

from __future__ import annotations

import uuid
from typing import Any, Optional

import requests

from ayon_devserver.runner import DevServer


class Api:
    """``requests`` against one server with fixed headers (no proxies)."""

    def __init__(self, base_url: str, headers: Optional[dict[str, str]] = None):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.trust_env = False
        self.session.headers.update(headers or {})

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", 10)
        return self.session.request(method, self.base_url + path, **kwargs)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("PUT", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("PATCH", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("DELETE", path, **kwargs)

    def graphql(self, query: str, **variables: Any) -> dict[str, Any]:
        response = self.post("/graphql", json={"query": query, "variables": variables})
        assert response.status_code == 200, response.text
        return response.json()


def unique(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def login(server: DevServer, name: str, password: str) -> Api:
    response = Api(server.url).post(
        "/api/auth/login", json={"name": name, "password": password}
    )
    assert response.status_code == 200, response.text
    return Api(server.url, {"Authorization": f"Bearer {response.json()['token']}"})


def create_user(admin: Api, name: str, password: str = "pw-1234", **data: Any) -> None:
    body = {
        "attrib": {"fullName": name.title(), "email": f"{name}@example.com"},
        "password": password,
        "data": data,
    }
    response = admin.put(f"/api/users/{name}", json=body)
    assert response.status_code == 204, response.text


def create_project(admin: Api, name: str, **extra: Any) -> None:
    response = admin.post(
        "/api/projects", json={"name": name, "code": name[:8], **extra}
    )
    assert response.status_code == 201, response.text
