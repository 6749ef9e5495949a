"""Project root paths for a platform, with a user's site overrides: what
``GET /api/projects/{p}/siteRoots`` returns and ``POST /api/resolve`` fills
into representation paths."""

from __future__ import annotations

import sys
from typing import Optional

from .store import ProjectRecord, Store


def current_platform() -> str:
    """The server's platform (the devserver keeps no site registry, so every
    site is taken to run on it)."""
    if sys.platform.startswith("win"):
        return "windows"
    return "darwin" if sys.platform == "darwin" else "linux"


def site_roots(
    store: Store,
    project: ProjectRecord,
    user_name: str,
    site_id: Optional[str] = None,
    platform: Optional[str] = None,
) -> dict[str, str]:
    """``{root name: path}`` of the project's roots on ``platform`` (default:
    the server's), with the user's overrides for ``site_id`` applied."""
    platform_name = platform or current_platform()
    roots = {
        name: str((values or {}).get(platform_name, ""))
        for name, values in (project.config.get("roots") or {}).items()
    }
    if site_id:
        roots.update(store.roots.overrides(project.name, user_name).get(site_id, {}))
    return roots
