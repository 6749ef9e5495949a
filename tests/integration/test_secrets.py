"""No token, API key or password in any log line, repr or error message."""
from __future__ import annotations

import logging
from typing import Any

import pytest

import ayon_api
from ayon_api import ServerAPI
from ayon_api.exceptions import AyonApiError
from tests.faults.proxy import FaultProxy

from .conftest import free_port


def test_whole_session_leaks_no_secret(
    ayon_server: Any, proxy: FaultProxy, user_factory: Any,
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch,
) -> None:
    caplog.set_level(logging.DEBUG)  # root: ayon_api, urllib3, everything
    password = "pw-never-logged-42"
    name, _ = user_factory(password=password)
    wrong_key = "f" * 32
    secrets = {ayon_server.api_key, password, wrong_key, "wrong-pw-never-42"}
    texts: list[str] = []

    def attempt(func: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AyonApiError as exc:
            texts.extend([str(exc), repr(exc)])
            return None

    con = ServerAPI(proxy.url, token=ayon_server.api_key)
    texts.append(repr(con))
    proxy.add_fault("status", "GET", "/api/info", status=503)
    con.get_info()
    attempt(lambda: con.get("users/ghost").raise_for_status())
    attempt(con.login, name, "wrong-pw-never-42")
    con.login(name, password)
    token = con.access_token
    secrets.add(token)
    texts.append(repr(con))
    with ayon_api.ServerAPI(ayon_server.url, token=ayon_server.api_key
                            ).as_username(name):
        pass
    bad = ServerAPI(ayon_server.url, token=wrong_key)
    texts.append(repr(bad))
    attempt(bad.get_user)
    attempt(ServerAPI, f"http://127.0.0.1:{free_port()}", token=wrong_key)
    monkeypatch.setenv("AYON_SERVER_URL", ayon_server.url)
    monkeypatch.setenv("AYON_API_KEY", ayon_server.api_key)
    ayon_api.close_connection()
    ayon_api.get_server_api_connection().get_user()
    ayon_api.close_connection()
    con.logout()

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "GET" in logged  # DEBUG request lines were captured
    everything = logged + "\n".join(texts)
    for secret in secrets:
        assert secret not in everything
