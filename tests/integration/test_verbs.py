"""REST verbs: kwargs become params (get/delete) or JSON (post/put/patch);
raw verbs hand their kwargs to requests unchanged."""
from __future__ import annotations

from typing import Any

import pytest

from ayon_api import ServerAPI
from ayon_api.exceptions import HTTPRequestError, UnauthorizedError
from ayon_api.response import RestApiResponse
from tests.faults.proxy import FaultProxy

from .conftest import unique


@pytest.mark.parametrize("verb", ["get", "delete"])
def test_kwargs_become_query_params(proxied_connection: ServerAPI,
                                    proxy: FaultProxy, verb: str) -> None:
    response = getattr(proxied_connection, verb)(
        "users/nobody-here", limit=5, name="a b", flag=True)
    assert isinstance(response, RestApiResponse)
    seen = proxy.seen[-1]
    assert seen.method == verb.upper()
    assert seen.query == {"limit": "5", "name": "a b", "flag": "True"}
    assert seen.body == b""


@pytest.mark.parametrize("verb", ["post", "put", "patch"])
def test_kwargs_become_json_body(proxied_connection: ServerAPI,
                                 proxy: FaultProxy, verb: str) -> None:
    getattr(proxied_connection, verb)(
        "users/nobody-here", attrib={"fullName": "X"}, active=False)
    seen = proxy.seen[-1]
    assert seen.method == verb.upper()
    assert seen.query == {}
    assert seen.json() == {"attrib": {"fullName": "X"}, "active": False}
    assert seen.headers["content-type"] == "application/json"


@pytest.mark.parametrize("verb", ["get", "post", "put", "patch", "delete"])
def test_raw_verbs_pass_kwargs_to_requests(proxied_connection: ServerAPI,
                                           proxy: FaultProxy, verb: str) -> None:
    response = getattr(proxied_connection, f"raw_{verb}")(
        "/users/nobody-here",
        params={"p": "1"},
        headers={"X-Custom": "yes"},
        data=b"raw-bytes",
        timeout=5,
    )
    assert isinstance(response, RestApiResponse)
    seen = proxy.seen[-1]
    assert (seen.method, seen.path) == (verb.upper(), "/api/users/nobody-here")
    assert seen.query == {"p": "1"}
    assert seen.headers["x-custom"] == "yes"
    assert seen.body == b"raw-bytes"
    # The connection's own headers still go along.
    assert seen.headers["x-api-key"]
    assert seen.headers["x-ayon-platform"]


def test_raw_json_keyword(proxied_connection: ServerAPI, proxy: FaultProxy
                          ) -> None:
    proxied_connection.raw_post("users/nobody-here", json={"a": [1, 2]})
    assert proxy.seen[-1].json() == {"a": [1, 2]}


def test_response_object(ayon_connection: ServerAPI) -> None:
    ok = ayon_connection.get("users/me")
    assert ok and ok.ok and ok.status == ok.status_code == 200
    assert ok["name"] == "service" and "name" in ok
    assert ok.get("missing", 5) == 5
    assert ok.content_type.startswith("application/json")
    assert ok.headers["content-type"].startswith("application/json")
    assert b"service" in ok.content and "service" in ok.text
    assert ok.orig_response.status_code == 200
    ok.raise_for_status()
    with ok as same:
        assert same is ok

    missing = ayon_connection.get(f"users/{unique('ghost')}")
    assert not missing and missing.status_code == 404
    assert "not found" in missing.detail
    with pytest.raises(HTTPRequestError) as caught:
        missing.raise_for_status()
    assert caught.value.status_code == 404
    assert caught.value.detail == missing.detail
    assert missing.detail in str(caught.value)
    assert repr(missing) == "<RestApiResponse [404]>"


def test_unauthorized_response_raises_unauthorized(ayon_server: Any) -> None:
    con = ServerAPI(ayon_server.url, create_session=False)
    response = con.get("users/me")
    assert response.status_code == 401
    with pytest.raises(UnauthorizedError):
        response.raise_for_status()
    with pytest.raises(HTTPRequestError):
        response.raise_for_status()


def test_endpoint_on_another_server_is_refused(ayon_connection: ServerAPI
                                               ) -> None:
    with pytest.raises(ValueError, match="not on this server"):
        ayon_connection.get("http://elsewhere.example/api/info")
    with pytest.raises(TypeError):
        ayon_connection.get(None)  # type: ignore[arg-type]


def test_query_graphql(ayon_connection: ServerAPI) -> None:
    result = ayon_connection.query_graphql(
        "query Me($n: String!) { user(name: $n) { name isService } }",
        {"n": "service"})
    assert result and not result.errors
    assert result.data["data"]["user"] == {"name": "service", "isService": True}
    broken = ayon_connection.query_graphql("query { noSuchField }")
    assert not broken and broken.errors
    schema = ayon_connection.get_graphql_schema()
    assert "__schema" in schema
    with pytest.raises(ValueError):
        ayon_connection.query_graphql("   ")


def test_server_schemas(ayon_connection: ServerAPI) -> None:
    schema = ayon_connection.get_server_schema()
    assert schema is not None and "/api/info" in schema["paths"]
    assert isinstance(ayon_connection.get_schemas(), dict)
