"""Small pure helpers shared by the REST and GraphQL layers."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from typing import Any

NAME_PATTERN = r"^[a-zA-Z0-9][a-zA-Z0-9_\.\-]*[a-zA-Z0-9]$"  # user names
PROJECT_NAME_PATTERN = r"^[a-zA-Z0-9_]+$"
ATTRIBUTE_NAME_PATTERN = r"^[a-zA-Z0-9]{2,64}$"

_USER_NAME_RE = re.compile(NAME_PATTERN)


def is_valid_user_name(name: str) -> bool:
    return bool(_USER_NAME_RE.match(name))


_ENCODE = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


def json_string(value: Any) -> str:
    """Compact JSON, as the real server puts JSON into GraphQL string fields."""
    return _ENCODE(value)


def merge_patch(target: Mapping[str, Any], patch: Mapping[str, Any]) -> dict[str, Any]:
    """Shallow patch: keys of ``patch`` replace those of ``target``; ``None``
    removes a key."""
    result = dict(target)
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = copy.deepcopy(value)
    return result


def deep_merge_patch(
    target: Mapping[str, Any], patch: Mapping[str, Any]
) -> dict[str, Any]:
    """Recursive patch: nested dicts merge, ``None`` removes a key, other
    values (lists included) replace."""
    result = dict(target)
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        elif isinstance(value, Mapping) and isinstance(result.get(key), Mapping):
            result[key] = deep_merge_patch(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result
