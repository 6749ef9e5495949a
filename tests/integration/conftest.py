"""Fixtures of the integration tests: the devserver comes from the
``ayon_server`` fixture of the ``ayon_api.testing`` plugin."""
from __future__ import annotations

import logging
import socket
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

import ayon_api
from ayon_api import ServerAPI
from tests.faults.proxy import FaultProxy


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def unique(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


@pytest.fixture
def proxy(ayon_server: Any) -> Iterator[FaultProxy]:
    """A fault-injecting proxy in front of the session's devserver."""
    with FaultProxy(ayon_server.url) as running:
        yield running


@pytest.fixture
def proxied_connection(proxy: FaultProxy, ayon_server: Any
                       ) -> Iterator[ServerAPI]:
    con = ServerAPI(proxy.url, token=ayon_server.api_key)
    yield con
    con.close_session()


@pytest.fixture
def global_env(monkeypatch: pytest.MonkeyPatch, ayon_server: Any
               ) -> Iterator[Any]:
    """Environment of the global connection pointing at the devserver."""
    ayon_api.close_connection()
    monkeypatch.setenv("AYON_SERVER_URL", ayon_server.url)
    monkeypatch.setenv("AYON_API_KEY", ayon_server.api_key)
    for name in ("AYON_SITE_ID", "AYON_CA_FILE", "AYON_CERT_FILE",
                 "AYON_SERVER_TIMEOUT", "AYON_SERVER_RETRIES"):
        monkeypatch.delenv(name, raising=False)
    yield ayon_server
    ayon_api.close_connection()


@pytest.fixture
def user_factory(ayon_connection: ServerAPI) -> Iterator[Any]:
    """Creates users (name, password) and deletes them afterwards."""
    created: list[str] = []

    def make(password: str = "secret-pw-1", **attrib: Any) -> tuple[str, str]:
        name = unique("user")
        ayon_connection.create_user(
            name, password=password,
            attrib=attrib or {"fullName": "Test User"},
        )
        created.append(name)
        return name, password

    yield make
    for name in created:
        ayon_connection.delete(f"users/{name}")


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog
