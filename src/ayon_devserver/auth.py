"""Authentication and access checks.

Credentials, as the real server accepts them:

- ``Authorization: Bearer <session token>`` (from ``POST /api/auth/login``);
- ``X-Api-Key: <key>`` or ``Authorization: ApiKey <key>``;
- a service user may add ``X-as-user: <name>`` to act as another user.

Only hashes are stored: passwords with salted scrypt (PBKDF2 where OpenSSL
lacks scrypt), API keys and session tokens with SHA-256 (``data.apiKey`` holds
the key's hash, as on the real server). No function here logs or echoes a
secret.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Annotated, Optional

from fastapi import Depends, Request

from .errors import Forbidden, Unauthorized
from .store import Store, UserRecord

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
PBKDF2_ITERATIONS = 300_000


# -- secrets ---------------------------------------------------------------


def hash_password(password: str) -> str:
    """Salted, self-describing hash of a password."""
    salt = secrets.token_bytes(16)
    if hasattr(hashlib, "scrypt"):
        digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, PBKDF2_ITERATIONS)
    return f"pbkdf2_sha256${PBKDF2_ITERATIONS}${salt.hex()}${digest.hex()}"


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode(), salt=salt, n=n, r=r, p=p, dklen=32, maxmem=64 * 1024**2
    )


def verify_password(password: str, stored: Optional[str]) -> bool:
    """Whether ``password`` matches ``stored`` (a ``hash_password`` result)."""
    if not stored:
        return False
    try:
        scheme, *params = stored.split("$")
        if scheme == "scrypt":
            n, r, p, salt, expected = params
            digest = _scrypt(password, bytes.fromhex(salt), int(n), int(r), int(p))
        elif scheme == "pbkdf2_sha256":
            iterations, salt, expected = params
            digest = hashlib.pbkdf2_hmac(
                "sha256", password.encode(), bytes.fromhex(salt), int(iterations)
            )
        else:
            return False
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest.hex(), expected)


_DUMMY_HASH: list[str] = []


def burn_password_check(password: str) -> None:
    """Spend the time of a real check, so unknown names don't answer faster."""
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(hash_password(secrets.token_hex(8)))
    verify_password(password, _DUMMY_HASH[0])


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def new_api_key() -> str:
    """A new API key: 32 hex characters, like the real server's keys."""
    return secrets.token_hex(16)


def api_key_preview(key: str) -> str:
    """What the real server shows of a key, e.g. ``4260***2d71``."""
    return f"{key[:4]}***{key[-4:]}"


def api_key_data(key: str) -> dict[str, str]:
    """The ``data`` entries that store an API key."""
    return {"apiKey": sha256_hex(key), "apiKeyPreview": api_key_preview(key)}


def new_session_token() -> str:
    return secrets.token_hex(32)


# -- login -----------------------------------------------------------------


def login(store: Store, name: str, password: str) -> tuple[str, UserRecord]:
    """Check a password and open a session; returns (token, user)."""
    user = store.users.get(name)
    if user is None or not user.has_password:
        burn_password_check(password)
        raise Unauthorized("Invalid login or password")
    if not verify_password(password, user.data.get("password")):
        raise Unauthorized("Invalid login or password")
    if not user.active:
        raise Unauthorized("User is not active")
    token = new_session_token()
    store.sessions.create(sha256_hex(token), user.name)
    return token, user


# -- request -> user -------------------------------------------------------


@dataclass
class AuthInfo:
    """How the request authenticated (kept on ``request.state.auth``)."""

    method: str  # "session" or "api_key"
    session_hash: Optional[str] = None
    impersonator: Optional[str] = None


def authenticate(store: Store, request: Request) -> tuple[UserRecord, AuthInfo]:
    """Resolve the request's credentials; raises ``Unauthorized``/``Forbidden``."""
    headers = request.headers
    api_key = headers.get("x-api-key")
    session_token = None
    authorization = headers.get("authorization")
    if not api_key and authorization:
        scheme, _, value = authorization.strip().partition(" ")
        value = value.strip()
        if scheme.lower() == "bearer" and value:
            session_token = value
        elif scheme.lower() == "apikey" and value:
            api_key = value
        else:
            raise Unauthorized("Unsupported authorization header")

    if api_key:
        user = store.users.by_api_key_hash(sha256_hex(api_key))
        if user is None:
            raise Unauthorized("Invalid API key")
        info = AuthInfo("api_key")
    elif session_token:
        session_hash = sha256_hex(session_token)
        name = store.sessions.user_name(session_hash)
        user = store.users.get(name) if name else None
        if user is None:
            raise Unauthorized("Invalid session")
        info = AuthInfo("session", session_hash=session_hash)
    else:
        raise Unauthorized("Access token is missing")
    if not user.active:
        raise Unauthorized("User is not active")

    as_user = headers.get("x-as-user")
    if as_user:
        if not user.is_service:
            raise Forbidden("Only service users may act as another user (X-as-user)")
        target = store.users.get(as_user)
        if target is None or not target.active:
            raise Forbidden(f"Cannot act as user {as_user}: no such active user")
        info.impersonator = user.name
        user = target
    return user, info


def current_user(request: Request) -> UserRecord:
    """FastAPI dependency: the authenticated user, or 401/403."""
    user, info = authenticate(request.app.state.store, request)
    request.state.auth = info
    request.state.user = user
    return user


def optional_user(request: Request) -> Optional[UserRecord]:
    """The authenticated user, or ``None`` for missing/invalid credentials."""
    try:
        return current_user(request)
    except (Unauthorized, Forbidden):
        return None


CurrentUser = Annotated[UserRecord, Depends(current_user)]


# -- access checks ---------------------------------------------------------


def require_user_manager(user: UserRecord) -> None:
    if not user.can_manage_users:
        raise Forbidden("Only administrators can manage users")


def require_manager(user: UserRecord) -> None:
    if not user.has_manager_rights:
        raise Forbidden("Only managers and administrators can do this")


def require_admin(user: UserRecord) -> None:
    if not (user.is_admin or user.is_service):
        raise Forbidden("Only administrators can do this")


def require_project_access(user: UserRecord, project_name: str) -> None:
    if not user.can_access_project(project_name):
        raise Forbidden(f"You do not have access to project {project_name}")
