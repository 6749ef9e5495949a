"""Pure helpers of the connection core and of ayon_api.utils."""
from __future__ import annotations

import json
import uuid

import pytest
import requests

from ayon_api import SortOrder, TransferProgress, slugify_string
from ayon_api._core import normalize_base_url, parse_server_version
from ayon_api.exceptions import (
    AyonApiError,
    GraphQlQueryFailed,
    HTTPRequestError,
    ServerError,
    UnauthorizedError,
)
from ayon_api.response import RestApiResponse
from ayon_api.utils import (
    convert_entity_id,
    convert_or_create_entity_id,
    create_entity_id,
    prepare_entity_changes,
    prepare_list_filters,
    prepare_query_string,
)


def test_parse_server_version() -> None:
    assert parse_server_version("1.16.0+DEVELOP") == (1, 16, 0, "", "DEVELOP")
    assert parse_server_version("1.2.3-rc.1+b5") == (1, 2, 3, "rc.1", "b5")
    assert parse_server_version("1.16.0") == (1, 16, 0, "", "")
    with pytest.raises(ValueError):
        parse_server_version("banana")


def test_normalize_base_url() -> None:
    assert normalize_base_url(" http://a:5000/ ") == "http://a:5000"
    assert normalize_base_url("https://a.b/sub//") == "https://a.b/sub"
    for bad in ("", "a.b", "ftp://a", "http://"):
        with pytest.raises(ValueError):
            normalize_base_url(bad)
    with pytest.raises(TypeError):
        normalize_base_url(5)


def _response(status: int, body: object, ctype: str = "application/json"
              ) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps(body).encode() if body is not None else b""
    response.headers["Content-Type"] = ctype
    response.url = "http://user:pw@host/api/x?q=1"
    return response


def test_rest_api_response_shapes() -> None:
    ok = RestApiResponse(_response(200, [1, 2]))
    assert ok.data == [1, 2] and ok and 1 in ok and list(ok) == [1, 2]
    assert ok.get("x") is None
    empty = RestApiResponse(_response(204, None, ""))
    assert empty.data == {} and empty
    html = RestApiResponse(_response(200, None, "text/html"))
    assert html.data == {}
    err = RestApiResponse(_response(403, {"code": 403, "detail": "Nope"}))
    assert not err and err.detail == "Nope"
    with pytest.raises(HTTPRequestError) as caught:
        err.raise_for_status()
    assert "Nope" in str(caught.value) and "pw" not in str(caught.value)
    assert not isinstance(caught.value, ServerError)
    unauthorized = RestApiResponse(_response(401, {"detail": "no"}))
    with pytest.raises(UnauthorizedError) as caught_401:
        unauthorized.raise_for_status()
    assert isinstance(caught_401.value, ServerError)
    assert isinstance(caught_401.value, AyonApiError)
    assert caught_401.value.response.status_code == 401
    assert RestApiResponse(_response(404, {})).detail == "Not Found"


def test_graphql_failed_message() -> None:
    exc = GraphQlQueryFailed(
        [{"message": "Bad", "path": ["a", 0], "locations": [
            {"line": 1, "column": 2}]}], "query { a }", {})
    assert "Bad" in str(exc) and "a/0" in str(exc) and "line 1" in str(exc)


def test_entity_ids() -> None:
    new = create_entity_id()
    assert len(new) == 32 and int(new, 16) >= 0
    dashed = str(uuid.uuid4())
    assert convert_entity_id(dashed) == dashed.replace("-", "")
    assert convert_entity_id("nope") is None
    assert convert_entity_id(None) is None
    assert len(convert_or_create_entity_id()) == 32
    with pytest.raises(ValueError):
        convert_or_create_entity_id("nope")


def test_slugify_string() -> None:
    assert slugify_string("Héllo Wörld!") == "Hello_World"
    assert slugify_string("Héllo Wörld", lower=True) == "hello_world"
    assert slugify_string("a b cc", min_length=2) == "cc"
    assert slugify_string("x-y z", make_set=True) == {"x", "y", "z"}
    assert slugify_string("日本", separator="-") == "RiBen"


def test_misc_utils() -> None:
    assert prepare_query_string({"a": 1, "b": None}) == "?a=1"
    assert prepare_query_string({"b": None}) == ""
    out: dict = {}
    assert prepare_list_filters(out, ("ids", ["a", "a", "b"]), names=None)
    assert out == {"ids": ["a", "b"]}
    assert not prepare_list_filters({}, ids=[])
    changes = prepare_entity_changes(
        {"name": "a", "attrib": {"x": 1, "y": 2}, "gone": 1},
        {"name": "b", "attrib": {"x": 1, "y": 3}}, replace=True)
    assert changes == {"name": "b", "gone": None, "attrib": {"y": 3}}
    assert SortOrder.parse_value("desc") is SortOrder.descending
    assert SortOrder.parse_value("bogus", "d") == "d"


def test_transfer_progress() -> None:
    progress = TransferProgress()
    progress.set_content_size(200)
    with pytest.raises(ValueError):
        progress.set_content_size(10)
    with pytest.raises(ValueError):
        progress.set_transfer_done()
    progress.set_started()
    progress.add_transferred_chunk(50)
    assert progress.transfer_progress == 25.0 and progress.is_running
    progress.set_transfer_done()
    assert not progress.is_running
