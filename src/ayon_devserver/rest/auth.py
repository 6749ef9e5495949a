"""``/api/auth``: password login and logout of a session."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel

from .. import auth
from ..auth import CurrentUser
from ..errors import BadRequest
from .users import user_payload

router = APIRouter(prefix="/api/auth", tags=["Authentication"])


class LoginRequestModel(BaseModel):
    name: str
    password: str


@router.post("/login")
def login(body: LoginRequestModel, request: Request) -> dict[str, Any]:
    """Open a session; answers ``LoginResponseModel`` (token, user, detail)."""
    token, user = auth.login(request.app.state.store, body.name, body.password)
    return {
        "detail": f"Logged in as {user.name}",
        "token": token,
        "user": user_payload(user, user),
    }


@router.post("/logout")
def logout(user: CurrentUser, request: Request) -> dict[str, Any]:
    """End the session of the request's Bearer token."""
    info = request.state.auth
    if info.session_hash is None:
        raise BadRequest("Only a session (Bearer token) can be logged out")
    request.app.state.store.sessions.delete(info.session_hash)
    return {"detail": "Logged out"}
