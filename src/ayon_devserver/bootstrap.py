"""First-start accounts: the ``admin`` user and the ``service`` user (API key).

Their secrets come from the caller (``--admin-password``/``--api-key``), else
from ``<data_dir>/credentials.json`` (written on first start, mode 0600),
else they are generated. A secret given explicitly is applied to the account
on every start; a stored one is only reported, so a password changed through
the API is not silently reset.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from .auth import api_key_data, hash_password, new_api_key, sha256_hex, verify_password
from .store import Store

CREDENTIALS_FILE = "credentials.json"
ADMIN_NAME = "admin"
SERVICE_NAME = "service"


@dataclass
class Credentials:
    """The bootstrap accounts' secrets. ``*_current`` is False when the
    account's secret was changed through the API after it was stored."""

    admin_name: str
    admin_password: str
    service_name: str
    api_key: str
    admin_password_current: bool = True
    api_key_current: bool = True

    def __repr__(self) -> str:  # never show the secrets
        return (
            f"Credentials(admin_name={self.admin_name!r}, "
            f"service_name={self.service_name!r})"
        )


def credentials_path(data_dir: Path) -> Path:
    return Path(data_dir) / CREDENTIALS_FILE


def load_credentials(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RuntimeError(f"cannot read {path}: {exc}") from exc
    if not isinstance(content, dict):
        raise RuntimeError(f"cannot read {path}: not a JSON object")
    return content


def save_credentials(path: Path, content: dict[str, Any]) -> None:
    """Write atomically, readable by the owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(content, fh, indent=2)
        fh.write("\n")
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def _pick(given: Optional[str], stored: Any, generate: Any) -> tuple[str, str]:
    if given:
        return given, "given"
    if isinstance(stored, str) and stored:
        return stored, "stored"
    return generate(), "generated"


def ensure_bootstrap_users(
    store: Store,
    data_dir: Path,
    api_key: Optional[str] = None,
    admin_password: Optional[str] = None,
) -> Credentials:
    path = credentials_path(data_dir)
    stored = load_credentials(path)
    password, password_source = _pick(
        admin_password, stored.get("adminPassword"), lambda: secrets.token_urlsafe(12)
    )
    key, key_source = _pick(api_key, stored.get("apiKey"), new_api_key)
    credentials = Credentials(ADMIN_NAME, password, SERVICE_NAME, key)

    with store.transaction():
        admin = store.users.get(ADMIN_NAME)
        if admin is None:
            store.users.create(
                ADMIN_NAME,
                attrib={"fullName": "Ayon admin"},
                data={
                    "isAdmin": True,
                    "accessGroups": {},
                    "defaultAccessGroups": [],
                    "password": hash_password(password),
                },
            )
        elif password_source != "stored":
            data = {**admin.data, "isAdmin": True, "password": hash_password(password)}
            store.users.update(ADMIN_NAME, active=True, data=data)
        elif not verify_password(password, admin.data.get("password")):
            credentials.admin_password_current = False

        service = store.users.get(SERVICE_NAME)
        if service is None:
            store.users.create(
                SERVICE_NAME,
                attrib={"fullName": "Service user"},
                data={
                    "isService": True,
                    "accessGroups": {},
                    "defaultAccessGroups": [],
                    **api_key_data(key),
                },
            )
        elif key_source != "stored":
            data = {**service.data, "isService": True, **api_key_data(key)}
            store.users.update(SERVICE_NAME, active=True, data=data)
        elif service.data.get("apiKey") != sha256_hex(key):
            credentials.api_key_current = False

    content = {
        "adminName": ADMIN_NAME,
        "adminPassword": password,
        "serviceName": SERVICE_NAME,
        "apiKey": key,
    }
    if content != {k: stored.get(k) for k in content} or not path.exists():
        save_credentials(path, content)
    return credentials
