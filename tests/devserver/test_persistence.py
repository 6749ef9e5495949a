"""Restarts: data, credentials and explicit secrets."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest

from ayon_devserver.runner import DevServer

from .helpers import Api, create_project, create_user, login


def test_data_survives_a_restart(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with DevServer(data_dir) as first:
        api = Api(first.url, {"X-Api-Key": first.api_key})
        create_user(api, "keeper", password="keep-me-1")
        create_project(api, "kept_project")
        body = {"position": 500, "scope": ["project"], "data": {"type": "string"}}
        assert api.put("/api/attributes/keptAttr", json=body).status_code == 204
        session = login(first, "keeper", "keep-me-1")
        key, password = first.api_key, first.admin_password
    assert not first.running

    with DevServer(data_dir) as second:
        assert (second.api_key, second.admin_password) == (key, password)
        api = Api(second.url, {"X-Api-Key": key})
        assert api.get("/api/users/keeper").status_code == 200
        assert api.get("/api/projects/kept_project").json()["code"] == "kept_pro"
        assert api.get("/api/attributes/keptAttr").status_code == 200
        login(second, "keeper", "keep-me-1")
        login(second, "admin", password or "")
        # sessions survive too
        session.base_url = second.url
        assert session.get("/api/users/me").json()["name"] == "keeper"


def test_credentials_file(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with DevServer(data_dir) as server:
        path = data_dir / "credentials.json"
        stored = json.loads(path.read_text())
        assert stored["apiKey"] == server.api_key
        assert stored["adminPassword"] == server.admin_password
        if sys.platform != "win32":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert server.api_key not in repr(server)


def test_explicit_secrets_replace_stored_ones(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with DevServer(data_dir) as first:
        old_key = first.api_key
    with DevServer(data_dir, api_key="brand-new-key-1", admin_password="pw-new-1") as s:
        assert s.api_key == "brand-new-key-1"
        assert (
            Api(s.url, {"X-Api-Key": old_key}).get("/api/users/me").status_code == 401
        )
        me = Api(s.url, {"X-Api-Key": "brand-new-key-1"}).get("/api/users/me")
        assert me.json()["name"] == "service"
        login(s, "admin", "pw-new-1")
    with DevServer(data_dir) as third:  # the new secrets are remembered
        assert third.api_key == "brand-new-key-1"
        assert third.admin_password == "pw-new-1"


def test_demo_data_is_idempotent(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    for _ in range(2):
        with DevServer(data_dir, demo=True) as server:
            api = Api(server.url, {"X-Api-Key": server.api_key})
            names = [p["name"] for p in api.get("/api/projects").json()["projects"]]
            assert names == ["demo_Big_Episodic", "demo_Commercial"]
            artist = api.get("/api/users/artist").json()
            assert set(artist["data"]["accessGroups"]) == set(names)


def test_stop_is_idempotent_and_restart_needs_a_new_object(tmp_path: Path) -> None:
    server = DevServer(tmp_path / "data").start()
    with pytest.raises(RuntimeError):
        server.start()
    server.stop()
    server.stop()
