"""``GET /`` and ``GET /api/info`` (both shapes), and the version."""

from __future__ import annotations

import re

from .helpers import Api

SEMVER = re.compile(
    r"^(?P<major>0|[1-9]\d*)\.(?P<minor>0|[1-9]\d*)\.(?P<patch>0|[1-9]\d*)"
    r"(?:-[0-9A-Za-z.-]+)?(?:\+(?P<build>[0-9A-Za-z.-]+))?$"
)


def test_root_page_is_html(anon: Api) -> None:
    response = anon.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert b"AYON" in response.content


def test_info_without_credentials_is_small(anon: Api) -> None:
    response = anon.get("/api/info")
    assert response.status_code == 200
    info = response.json()
    assert set(info) == {"version", "uptime", "disableFeedback", "offlineMode"}
    match = SEMVER.match(info["version"])
    assert match, info["version"]
    assert (match["major"], match["minor"]) == ("1", "16")
    assert isinstance(info["uptime"], float)


def test_info_with_invalid_credentials_is_small(server_url: str) -> None:
    api = Api(server_url, {"Authorization": "Bearer nope"})
    info = api.get("/api/info").json()
    assert "user" not in info


def test_info_with_credentials_is_full(admin: Api) -> None:
    info = admin.get("/api/info").json()
    assert set(info) >= {
        "version",
        "uptime",
        "attributes",
        "user",
        "sites",
        "ssoOptions",
        "extras",
        "frontendFlags",
        "disableChangelog",
        "disableFeedback",
        "offlineMode",
    }
    assert info["user"]["name"] == "service"
    assert "uiExposureLevel" not in info["user"]
    fps = next(a for a in info["attributes"] if a["name"] == "fps")
    # compact form: unset keys are left out
    assert fps["data"] == {
        "default": 25,
        "description": "Frame rate",
        "example": 25,
        "gt": 0,
        "inherit": True,
        "title": "FPS",
        "type": "float",
    }


def test_unknown_route_has_the_error_shape(admin: Api) -> None:
    response = admin.get("/api/no-such-thing")
    assert response.status_code == 404
    assert set(response.json()) == {"code", "detail"}
