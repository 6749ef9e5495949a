"""Connecting, authenticating and failing to connect, over real HTTP."""
from __future__ import annotations

import time
from typing import Any

import pytest

from ayon_api import ServerAPI
from ayon_api.exceptions import (
    AuthenticationError,
    ServerError,
    ServerNotReached,
    UnauthorizedError,
)
from tests.faults.proxy import FaultProxy

from .conftest import free_port


def test_connect_with_api_key(ayon_server: Any) -> None:
    con = ServerAPI(ayon_server.url, token=ayon_server.api_key)
    assert con.has_valid_token
    assert con.is_service_user()
    assert con.is_server_available
    assert con.get_base_url() == ayon_server.url
    assert con.get_rest_url() == f"{ayon_server.url}/api"
    assert con.get_user()["name"] == "service"
    info = con.get_info()
    assert info["version"] == con.get_server_version()
    version = con.get_server_version_tuple()
    assert len(version) == 5
    assert version[:2] >= (1, 16)
    assert con.server_version_tuple == version
    assert "service" in repr(con) or "ServerAPI" in repr(con)


def test_api_key_is_not_sent_as_bearer(proxy: FaultProxy, ayon_server: Any
                                       ) -> None:
    ServerAPI(proxy.url, token=ayon_server.api_key)
    for seen in proxy.seen:
        assert "authorization" not in seen.headers, seen.path
    probes = proxy.requests_to("GET", "/api/users/me")
    assert len(probes) == 1
    assert probes[0].headers["x-api-key"] == ayon_server.api_key
    # One availability check and one token probe: no wasted round trips.
    assert len(proxy.seen) == 2


def test_trailing_slash_and_verbs_with_leading_slash(ayon_server: Any) -> None:
    con = ServerAPI(ayon_server.url + "/", token=ayon_server.api_key)
    assert con.get_base_url() == ayon_server.url
    assert con.raw_get("/users/me").data["name"] == "service"
    assert con.get(f"{ayon_server.url}/api/users/me").status_code == 200


def test_bad_url_input_raises_before_any_request() -> None:
    for bad in ("", "   ", "not a url", "ftp://host"):
        with pytest.raises(ValueError, match="URL"):
            ServerAPI(bad, token="x")
    with pytest.raises(TypeError):
        ServerAPI(None, token="x")  # type: ignore[arg-type]


def test_nothing_listening_raises_server_not_reached_naming_url() -> None:
    url = f"http://127.0.0.1:{free_port()}"
    started = time.monotonic()
    with pytest.raises(ServerNotReached) as caught:
        ServerAPI(url, token="some-api-key-value", timeout=2)
    assert url in str(caught.value)
    assert "some-api-key-value" not in str(caught.value)
    assert isinstance(caught.value, ServerError)
    assert time.monotonic() - started < 15


def test_not_an_ayon_server(proxy: FaultProxy) -> None:
    proxy.add_fault("status", "GET", "/api/info", status=404)
    with pytest.raises(ServerNotReached, match="AYON server"):
        ServerAPI(proxy.url, token="x")


def test_server_goes_down(tmp_path: Any) -> None:
    from ayon_devserver.runner import DevServer

    server = DevServer(tmp_path / "data", api_key="k" * 32).start()
    con = ServerAPI(server.url, token=server.api_key, max_retries=2)
    assert con.get_info()["version"]
    server.stop()
    with pytest.raises(ServerNotReached) as caught:
        con.get_info()
    assert server.url in str(caught.value)


def test_wrong_api_key(ayon_server: Any) -> None:
    bad_key = "0123456789abcdef0123456789abcdef"
    con = ServerAPI(ayon_server.url, token=bad_key)
    assert not con.has_valid_token
    with pytest.raises(UnauthorizedError) as caught:
        con.get_user()
    assert caught.value.status_code == 401
    assert bad_key not in str(caught.value)
    assert bad_key not in repr(con)
    response = con.get("users/me")
    assert response.status_code == 401
    assert not response


def test_login_logout_and_wrong_password(ayon_server: Any, user_factory: Any
                                         ) -> None:
    name, password = user_factory(password="right-password-1")
    con = ServerAPI(ayon_server.url)
    with pytest.raises(AuthenticationError) as caught:
        con.login(name, "wrong-password-1")
    assert "wrong-password-1" not in str(caught.value)
    con.login(name, password)
    assert con.has_valid_token
    assert not con.is_service_user()
    assert con.get_user()["name"] == name
    token = con.access_token
    con.logout()
    assert con.access_token is None
    # The session token is dead on the server too.
    other = ServerAPI(ayon_server.url, token=token)
    assert not other.has_valid_token


def test_token_replaced_after_401(ayon_server: Any, user_factory: Any) -> None:
    name, password = user_factory()
    session = ServerAPI(ayon_server.url)
    session.login(name, password)
    con = ServerAPI(ayon_server.url, token=session.access_token)
    assert con.get_user()["name"] == name
    session.logout()  # the server ends the session: next call gets 401
    with pytest.raises(UnauthorizedError):
        con.get_user()
    assert not con.has_valid_token
    con.set_token(ayon_server.api_key)
    assert con.has_valid_token
    assert con.get_user()["name"] == "service"


def test_login_on_global_style_connection_without_token(ayon_server: Any,
                                                        user_factory: Any
                                                        ) -> None:
    name, password = user_factory()
    con = ServerAPI(ayon_server.url, create_session=False)
    assert not con.has_valid_token
    con.login(name, password)
    assert con.get_user()["name"] == name
