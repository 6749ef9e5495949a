"""Token state of a connection and the headers that carry it."""
from __future__ import annotations

import re
from typing import Optional

USER_TOKEN = "user"
API_KEY = "service"

# AYON session tokens are 64 hex characters (sha256 hex digests); API keys
# have other shapes. The guess only decides which header is tried first.
_SESSION_TOKEN_RE = re.compile(r"^[0-9a-f]{64}$")


def guess_token_kind(token: str) -> str:
    return USER_TOKEN if _SESSION_TOKEN_RE.match(token) else API_KEY


class AuthState:
    """The token of a connection, its kind and whether the server took it.

    ``valid`` is None until validated, then True/False; ``kind`` is
    ``"user"`` (sent as ``Authorization: Bearer``) or ``"service"`` (an API
    key, sent as ``X-Api-Key``).
    """

    __slots__ = ("kind", "token", "valid")

    def __init__(self, token: Optional[str] = None) -> None:
        self.token: Optional[str] = token or None
        self.kind: Optional[str] = None
        self.valid: Optional[bool] = None

    def set(self, token: Optional[str], kind: Optional[str] = None) -> None:
        self.token = token or None
        self.kind = kind
        self.valid = None

    @property
    def effective_kind(self) -> Optional[str]:
        if not self.token:
            return None
        return self.kind or guess_token_kind(self.token)

    def candidate_kinds(self) -> tuple[str, ...]:
        """Header kinds to try when validating, the likely one first."""
        first = self.effective_kind or API_KEY
        return (first, USER_TOKEN if first == API_KEY else API_KEY)

    def __repr__(self) -> str:
        state = {None: "unchecked", True: "valid", False: "invalid"}[self.valid]
        token = "set" if self.token else "none"
        return f"<AuthState token={token} kind={self.kind} {state}>"


def auth_headers(
    token: Optional[str], kind: Optional[str], as_user: Optional[str] = None
) -> dict[str, str]:
    """Headers that authenticate ``token`` of the given kind."""
    if not token:
        return {}
    if kind == API_KEY:
        headers = {"X-Api-Key": token}
        if as_user:
            headers["X-as-user"] = as_user
        return headers
    return {"Authorization": f"Bearer {token}"}


class AsUserStack:
    """Nested ``as_username`` contexts; ``username`` is the innermost one,
    or the default service username when no context is active."""

    def __init__(self) -> None:
        self._stack: list[Optional[str]] = []
        self.default_username: Optional[str] = None

    def push(self, username: Optional[str]) -> None:
        self._stack.append(username)

    def pop(self) -> Optional[str]:
        return self._stack.pop() if self._stack else None

    @property
    def is_active(self) -> bool:
        return bool(self._stack)

    @property
    def username(self) -> Optional[str]:
        if self._stack:
            return self._stack[-1]
        return self.default_username
