"""``GET /`` (a small HTML page) and ``GET /api/info``."""

from __future__ import annotations

import html
import time
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .. import SERVER_VERSION
from ..auth import optional_user
from .attributes import render_attributes
from .users import user_payload

router = APIRouter(tags=["System"])

_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>AYON devserver</title></head>
<body><h1>AYON devserver</h1><p>Version {version}.
API: <a href="/api/info">/api/info</a>, GraphQL: POST /graphql.</p></body></html>
"""


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def index() -> HTMLResponse:
    return HTMLResponse(_PAGE.format(version=html.escape(SERVER_VERSION)))


@router.get("/api/info")
def get_site_info(request: Request, full: bool = False) -> dict[str, Any]:
    """Server version and uptime; with valid credentials also the user, the
    attribute definitions and the frontend settings."""
    info: dict[str, Any] = {
        "version": SERVER_VERSION,
        "uptime": round(time.monotonic() - request.app.state.started, 3),
        "disableFeedback": True,
        "offlineMode": True,
    }
    user = optional_user(request)
    if user is None:
        return info
    store = request.app.state.store
    info.update(
        {
            "user": user_payload(user, user),
            "attributes": render_attributes(store, full=False),
            "sites": [],
            "ssoOptions": [],
            "extras": "",
            "frontendFlags": [],
            "disableChangelog": True,
        }
    )
    return info
