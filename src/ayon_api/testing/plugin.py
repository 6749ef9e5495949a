"""Pytest fixtures ``ayon_server`` and ``ayon_connection`` (see package doc)."""
from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Any

import pytest

from ..server_api import ServerAPI


@pytest.fixture(scope="session")
def ayon_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A running devserver (fresh data dir, free port) for the session."""
    try:
        from ayon_devserver.runner import DevServer
    except ImportError as exc:  # pragma: no cover - depends on extras
        pytest.skip(f"ayon_devserver is not installed ({exc}); "
                    "install the 'server' extra")
    server = DevServer(
        tmp_path_factory.mktemp("ayon-devserver"),
        api_key=secrets.token_hex(16),
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def ayon_connection(ayon_server: Any) -> Iterator[ServerAPI]:
    """A ``ServerAPI`` authenticated with the devserver's service API key."""
    connection = ServerAPI(ayon_server.url, token=ayon_server.api_key)
    try:
        yield connection
    finally:
        connection.close_session()
