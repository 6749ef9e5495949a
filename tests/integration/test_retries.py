"""The retry policy against real HTTP faults injected by a proxy."""
from __future__ import annotations

import logging
from typing import Any

import pytest

from ayon_api import ServerAPI
from ayon_api.exceptions import HTTPRequestError, ServerNotReached
from tests.faults.proxy import FaultProxy

from .conftest import free_port, unique


def test_503_then_success_returns_the_successful_response(
    proxied_connection: ServerAPI, proxy: FaultProxy,
    caplog: pytest.LogCaptureFixture,
) -> None:
    proxy.add_fault("status", "GET", "/api/info", status=503)
    before = len(proxy.requests_to("GET", "/api/info"))
    with caplog.at_level(logging.WARNING, logger="ayon_api"):
        response = proxied_connection.get("info")
    assert response.status_code == 200
    assert "version" in response.data
    assert len(proxy.requests_to("GET", "/api/info")) == before + 2
    assert any("503" in r.getMessage() for r in caplog.records)


def test_retries_end_with_the_last_answer(proxied_connection: ServerAPI,
                                          proxy: FaultProxy) -> None:
    proxied_connection.set_max_retries(2)
    for _ in range(2):
        proxy.add_fault("status", "GET", "/api/users/me", status=502)
    response = proxied_connection.get("users/me")
    assert response.status_code == 502
    assert response.detail == "injected fault"


def test_post_that_got_an_answer_is_never_repeated(
    proxied_connection: ServerAPI, proxy: FaultProxy
) -> None:
    proxy.add_fault("status", "POST", "/api/auth/login", status=503)
    response = proxied_connection.post("auth/login", name="x", password="y")
    assert response.status_code == 503
    assert len(proxy.requests_to("POST", "/api/auth/login")) == 1

    proxy.add_fault("status", "POST", "/graphql", status=503)
    with pytest.raises(HTTPRequestError) as caught:
        proxied_connection.query_graphql("mutation { nothing }")
    assert caught.value.status_code == 503
    assert len(proxy.requests_to("POST", "/graphql")) == 1


def test_post_dropped_after_processing_is_not_repeated(
    proxied_connection: ServerAPI, proxy: FaultProxy, ayon_connection: ServerAPI
) -> None:
    name = unique("dropped")
    proxy.add_fault("drop_after", "POST", "/api/auth/login")
    with pytest.raises(ServerNotReached):
        proxied_connection.post("auth/login", name=name, password="x")
    assert len(proxy.requests_to("POST", "/api/auth/login")) == 1


def test_get_dropped_connection_is_retried(proxied_connection: ServerAPI,
                                           proxy: FaultProxy) -> None:
    proxy.add_fault("drop", "GET", "/api/users/me")
    assert proxied_connection.get_user()["name"] == "service"
    assert len(proxy.requests_to("GET", "/api/users/me")) >= 2


def test_read_only_graphql_query_is_retried(proxied_connection: ServerAPI,
                                            proxy: FaultProxy) -> None:
    proxy.add_fault("status", "POST", "/graphql", status=503)
    result = proxied_connection.query_graphql("query { me { name } }")
    assert result.data["data"]["me"]["name"] == "service"
    assert len(proxy.requests_to("POST", "/graphql")) == 2


def test_429_with_retry_after_is_retried_even_for_post(
    proxied_connection: ServerAPI, proxy: FaultProxy
) -> None:
    proxy.add_fault("status", "POST", "/graphql", status=429,
                    headers={"Retry-After": "0"})
    result = proxied_connection.query_graphql("mutation { x }")
    assert result.errors  # the server's GraphQL answer, not the 429
    assert len(proxy.requests_to("POST", "/graphql")) == 2


def test_write_is_retried_when_connection_was_refused(ayon_server: Any) -> None:
    """Nothing was sent, so repeating a POST is safe."""
    port = free_port()
    started: list[FaultProxy] = []

    def start_proxy_instead_of_sleeping(_: float) -> None:
        if not started:
            started.append(FaultProxy(ayon_server.url, port=port).start())

    con = ServerAPI(f"http://127.0.0.1:{port}", token=ayon_server.api_key,
                    create_session=False)
    con._transport._sleep = start_proxy_instead_of_sleeping
    try:
        response = con.post("auth/login", name="nobody", password="nothing")
        assert response.status_code == 401
        assert len(started[0].requests_to("POST", "/api/auth/login")) == 1
    finally:
        for running in started:
            running.stop()


def test_max_retries_keyword_is_not_passed_to_requests(
    proxied_connection: ServerAPI, proxy: FaultProxy
) -> None:
    proxy.add_fault("status", "GET", "/api/info", status=503)
    response = proxied_connection.raw_get("info", max_retries=1)
    assert response.status_code == 503
