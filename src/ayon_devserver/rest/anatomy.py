"""``/api/anatomy``: read-only built-in anatomy preset (enough for clients to
create projects; stored presets come later)."""

from __future__ import annotations

import copy
from typing import Any

from fastapi import APIRouter

from ..anatomy_defaults import DEFAULT_ANATOMY
from ..auth import CurrentUser
from ..errors import NotFound

router = APIRouter(prefix="/api/anatomy", tags=["Anatomy"])

ANATOMY_VERSION = "1.0.0"
# "__primary__": the primary preset; "_": the built-in one. Both are the
# built-in default until stored presets exist.
BUILTIN_PRESET_NAMES = ("__primary__", "_")


@router.get("/presets")
def get_anatomy_presets(user: CurrentUser) -> dict[str, Any]:
    return {"presets": [], "version": ANATOMY_VERSION}


@router.get("/presets/{preset_name}")
def get_anatomy_preset(preset_name: str, user: CurrentUser) -> dict[str, Any]:
    if preset_name not in BUILTIN_PRESET_NAMES:
        raise NotFound(f"Anatomy preset {preset_name} not found")
    return copy.deepcopy(DEFAULT_ANATOMY)
