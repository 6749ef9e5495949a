"""TLS options (verify/cert) reach every request the connection sends.

A ``requests`` transport adapter stands in for the network and records the
options each request was sent with; everything above it is the real code.
"""
from __future__ import annotations

import json
from typing import Any

import pytest
import requests
from requests.adapters import BaseAdapter

from ayon_api import ServerAPI

ANSWERS = {
    "/api/info": {"version": "1.16.0+test"},
    "/api/users/me": {"name": "someone", "attrib": {}},
    "/api/auth/login": {"token": "a" * 64},
    "/api/auth/logout": {},
    "/api/attributes": {"attributes": []},
    "/graphql": {"data": {"users": {"edges": [], "pageInfo": {
        "hasNextPage": False, "endCursor": None}}}},
}


class RecordingAdapter(BaseAdapter):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[dict[str, Any]] = []

    def send(self, request: requests.PreparedRequest, **kwargs: Any
             ) -> requests.Response:
        path = request.path_url.split("?")[0]
        self.calls.append({"path": path, "verify": kwargs.get("verify"),
                           "cert": kwargs.get("cert"),
                           "timeout": kwargs.get("timeout")})
        response = requests.Response()
        response.status_code = 200
        response._content = json.dumps(ANSWERS.get(path, {})).encode()
        response.headers["Content-Type"] = "application/json"
        response.request = request
        response.url = request.url or ""
        return response

    def close(self) -> None:
        pass


def _exercise(con: ServerAPI) -> None:
    con.validate_server_availability()
    con.validate_token()
    con.create_session()
    con.get_info()
    con.get("projects", active=True)
    con.post("anything", a=1)
    con.raw_put("anything", json={})
    con.raw_patch("anything", data=b"x")
    con.delete("anything")
    con.query_graphql("query { me { name } }")
    list(con.get_users())
    con.get_user()
    con.login("someone", "password")
    con.logout()


@pytest.mark.parametrize("from_env", [False, True])
def test_verify_and_cert_on_every_request(monkeypatch: pytest.MonkeyPatch,
                                          from_env: bool) -> None:
    if from_env:
        monkeypatch.setenv("AYON_CA_FILE", "/etc/ca.pem")
        monkeypatch.setenv("AYON_CERT_FILE", "/etc/client.pem")
        con = ServerAPI("https://ayon.test", token="k" * 32,
                        create_session=False, timeout=7)
    else:
        con = ServerAPI("https://ayon.test", token="k" * 32,
                        ssl_verify="/etc/ca.pem", cert="/etc/client.pem",
                        create_session=False, timeout=7)
    adapter = RecordingAdapter()
    con._transport.mount("https://", adapter)
    _exercise(con)
    paths = {call["path"] for call in adapter.calls}
    assert {"/api/info", "/api/users/me", "/graphql", "/api/auth/login",
            "/api/auth/logout", "/api/anything"} <= paths
    for call in adapter.calls:
        assert call["verify"] == "/etc/ca.pem", call
        assert call["cert"] == "/etc/client.pem", call
        assert call["timeout"] == 7, call


def test_changing_tls_options_applies_to_later_requests() -> None:
    con = ServerAPI("https://ayon.test", token="k" * 32, create_session=False)
    adapter = RecordingAdapter()
    con._transport.mount("https://", adapter)
    con.get_info()
    con.set_ssl_verify(False)
    con.set_cert("/c.pem")
    con.get_info()
    assert adapter.calls[-1]["verify"] is False
    assert adapter.calls[-1]["cert"] == "/c.pem"
    assert con.ssl_verify is False and con.cert == "/c.pem"
