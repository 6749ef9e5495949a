"""Fixtures: devservers on free ports with fresh data dirs, and HTTP helpers.

``server`` is shared by the whole session (tests create uniquely named users
and projects, so they can run in any order); ``fresh_server`` starts one per
test for what needs an empty database or a restart.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ayon_devserver.runner import DevServer

from .helpers import Api, create_user, login, unique


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevServer]:
    with DevServer(tmp_path_factory.mktemp("devserver")) as srv:
        yield srv


@pytest.fixture
def fresh_server(tmp_path: Path) -> Iterator[DevServer]:
    with DevServer(tmp_path / "data") as srv:
        yield srv


@pytest.fixture(scope="session")
def admin(server: DevServer) -> Api:
    """The service user's API key (acts as an administrator)."""
    assert server.api_key
    return Api(server.url, {"X-Api-Key": server.api_key})


@pytest.fixture(scope="session")
def anon(server: DevServer) -> Api:
    return Api(server.url)


@pytest.fixture(scope="session")
def server_url(server: DevServer) -> str:
    return server.url


@pytest.fixture
def artist(server: DevServer, admin: Api) -> tuple[str, Api]:
    """A new non-admin user, logged in (name, session api)."""
    name = unique("artist")
    create_user(admin, name, defaultAccessGroups=["artist"])
    return name, login(server, name, "pw-1234")
