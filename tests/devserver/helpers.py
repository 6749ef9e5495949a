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


def new_project(admin: Api, prefix: str = "prj", **extra: Any) -> str:
    """A new project with a unique name (default anatomy)."""
    name = unique(prefix)
    create_project(admin, name, **extra)
    return name


def create(admin: Api, project: str, entity_type: str, **body: Any) -> str:
    """Create an entity over REST; returns its id."""
    response = admin.post(f"/api/projects/{project}/{entity_type}s", json=body)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def get_entity(admin: Api, project: str, entity_type: str, entity_id: str) -> Any:
    response = admin.get(f"/api/projects/{project}/{entity_type}s/{entity_id}")
    assert response.status_code == 200, response.text
    return response.json()


def build_shot(admin: Api, project: str) -> dict[str, str]:
    """/sq010/sh010 with a task, a product, two versions and a
    representation; returns their ids by kind."""
    ids = {
        "sequence": create(
            admin, project, "folder", name="sq010", folderType="Sequence"
        )
    }
    ids["shot"] = create(
        admin,
        project,
        "folder",
        name="sh010",
        folderType="Shot",
        parentId=ids["sequence"],
        attrib={"frameStart": 1001, "frameEnd": 1100},
    )
    ids["task"] = create(
        admin,
        project,
        "task",
        name="comp",
        taskType="Compositing",
        folderId=ids["shot"],
    )
    ids["product"] = create(
        admin,
        project,
        "product",
        name="renderMain",
        productType="render",
        folderId=ids["shot"],
    )
    ids["v1"] = create(
        admin,
        project,
        "version",
        version=1,
        productId=ids["product"],
        taskId=ids["task"],
        attrib={"comment": "first"},
    )
    ids["v2"] = create(admin, project, "version", version=2, productId=ids["product"])
    ids["repre"] = create(
        admin,
        project,
        "representation",
        name="exr",
        versionId=ids["v1"],
        files=[
            {"id": uuid.uuid4().hex, "path": "/renders/sh010.1001.exr", "size": 1024}
        ],
    )
    return ids
