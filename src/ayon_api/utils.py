"""Helpers of the public ``ayon_api.utils`` module."""
from __future__ import annotations

import datetime
import enum
import platform
import secrets
import string
import threading
import time
import uuid
from collections import namedtuple
from typing import Any, Optional, Union
from urllib.parse import urlencode

from anyascii import anyascii

from ._env import (
    get_default_settings_variant,
    get_default_site_id,
    get_default_timeout,
    get_machine_name,
)
from ._mime import (
    get_media_mime_type,
    get_media_mime_type_for_content,
    get_media_mime_type_for_stream,
)
from ._sentinels import NOT_SET, REMOVED_VALUE
from ._server_utils import (
    UserInfo,
    abort_web_action_event,
    get_user_by_token,
    get_user_info_by_token,
    is_token_valid,
    login_to_server,
    logout_from_server,
    take_web_action_event,
    validate_url,
)
from .response import RestApiResponse
from .transfer import TransferProgress

__all__ = [
    "NOT_SET",
    "REMOVED_VALUE",
    "RepresentationHierarchy",
    "RepresentationParents",
    "RequestType",
    "RequestTypes",
    "RestApiResponse",
    "SortOrder",
    "ThumbnailContent",
    "TransferProgress",
    "UserInfo",
    "abort_web_action_event",
    "convert_entity_id",
    "convert_or_create_entity_id",
    "create_dependency_package_basename",
    "create_entity_id",
    "entity_data_json_default",
    "failed_json_default",
    "fill_own_attribs",
    "get_default_settings_variant",
    "get_default_site_id",
    "get_default_timeout",
    "get_machine_name",
    "get_media_mime_type",
    "get_media_mime_type_for_content",
    "get_media_mime_type_for_stream",
    "get_user_by_token",
    "get_user_info_by_token",
    "is_token_valid",
    "login_to_server",
    "logout_from_server",
    "prepare_attribute_changes",
    "prepare_entity_changes",
    "prepare_list_filters",
    "prepare_query_string",
    "slugify_string",
    "take_web_action_event",
    "validate_url",
]

SLUGIFY_WHITELIST = string.ascii_letters + string.digits
SLUGIFY_SEP_WHITELIST = " ,./\\;:!|*^#@~+-_="

RepresentationParents = namedtuple(
    "RepresentationParents", ("version", "product", "folder", "project")
)
RepresentationHierarchy = namedtuple(
    "RepresentationHierarchy",
    ("project", "folder", "task", "product", "version", "representation"),
)


class RequestType:
    """An HTTP method, used as ``request_type=`` of uploads."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __hash__(self) -> int:
        return hash(self.name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RequestType) and other.name == self.name

    def __repr__(self) -> str:
        return f"RequestType({self.name!r})"


class RequestTypes:
    get = RequestType("GET")
    post = RequestType("POST")
    put = RequestType("PUT")
    patch = RequestType("PATCH")
    delete = RequestType("DELETE")


class SortOrder(enum.IntEnum):
    """Sort order of listings."""

    ascending = 0
    descending = 1

    @classmethod
    def parse_value(cls, value: Any, default: Any = None) -> Any:
        """Enum member from a member, 0/1, or "asc(ending)"/"desc(ending)"."""
        if isinstance(value, cls):
            return value
        if isinstance(value, int) and value in (0, 1):
            return cls(value)
        if isinstance(value, str):
            lowered = value.lower()
            if lowered in ("ascending", "asc"):
                return cls.ascending
            if lowered in ("descending", "desc"):
                return cls.descending
        return default


class ThumbnailContent:
    """Thumbnail bytes of an entity; ``is_valid`` when there are any."""

    def __init__(self, project_name: str, thumbnail_id: Optional[str],
                 content: Optional[bytes], content_type: Optional[str]) -> None:
        self.project_name = project_name
        self._id = thumbnail_id
        self.content = content or b""
        self.content_type = content_type

    @property
    def id(self) -> str:
        return self._id or "NONE"

    @property
    def is_valid(self) -> bool:
        return bool(self._id and self.content and self.content_type)


class _TimeOrderedIds:
    """Version 1 UUIDs (time-ordered, as AYON ids are) with a random node,
    generated without the system call of ``uuid.uuid1``."""

    _EPOCH_OFFSET = 0x01B21DD213814000  # 1582-10-15 in 100 ns steps

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last = 0
        self._node = secrets.randbits(48) | (1 << 40)  # multicast: not a MAC
        self._clock = secrets.randbits(14) | 0x8000  # RFC 4122 variant
        self._suffix = f"{self._clock:04x}{self._node:012x}"

    def next(self) -> str:
        with self._lock:
            stamp = time.time_ns() // 100 + self._EPOCH_OFFSET
            if stamp <= self._last:
                stamp = self._last + 1
            self._last = stamp
        # 60-bit timestamp as 15 hex digits: low 8, mid 4, version 1 + high 3.
        digits = format(stamp, "015x")
        return f"{digits[7:]}{digits[3:7]}1{digits[:3]}{self._suffix}"


_IDS = _TimeOrderedIds()


def create_entity_id() -> str:
    """A new entity id: 32 lower-case hex characters (a time-ordered UUID)."""
    return _IDS.next()


def convert_entity_id(entity_id: Any) -> Optional[str]:
    """32-hex form of a UUID, a dashed UUID or a hex string; None if invalid."""
    if not entity_id:
        return None
    if isinstance(entity_id, uuid.UUID):
        return entity_id.hex
    try:
        return uuid.UUID(str(entity_id)).hex
    except (ValueError, TypeError, AttributeError):
        return None


def convert_or_create_entity_id(entity_id: Any = None) -> str:
    """Normalised id, or a new one when None; ValueError when invalid."""
    if entity_id is None:
        return create_entity_id()
    converted = convert_entity_id(entity_id)
    if converted is None:
        raise ValueError(f"Invalid entity id {entity_id!r}")
    return converted


def create_dependency_package_basename(platform_name: Optional[str] = None
                                       ) -> str:
    """``ayon_<yymmddHHMM>_<platform>``."""
    if platform_name is None:
        platform_name = platform.system().lower()
    stamp = datetime.datetime.now().strftime("%y%m%d%H%M")
    return f"ayon_{stamp}_{platform_name}"


def entity_data_json_default(value: Any) -> Any:
    """``json.dumps`` default for entity data: datetimes as epoch seconds."""
    if isinstance(value, datetime.datetime):
        return int(value.timestamp())
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def failed_json_default(value: Any) -> str:
    """``json.dumps`` default that never fails (for logging payloads)."""
    return f"< Failed value {value!r} >"


def prepare_query_string(key_values: dict[str, Any], skip_none: bool = True
                         ) -> str:
    """``{"a": 1}`` -> ``"?a=1"``; empty string when nothing remains."""
    items = {
        key: value for key, value in key_values.items()
        if not (skip_none and value is None)
    }
    return f"?{urlencode(items)}" if items else ""


def prepare_list_filters(output: dict[str, Any], *args: Any, **kwargs: Any
                         ) -> bool:
    """Copy list filters into ``output`` (deduplicated lists).

    Arguments are ``(key, value)`` pairs or keyword arguments; None means
    "no filter". Returns False when a filter is empty (nothing can match).
    """
    pairs = list(args) + list(kwargs.items())
    for key, value in pairs:
        if value is None:
            continue
        values = list(dict.fromkeys(value))
        if not values:
            return False
        output[key] = values
    return True


def fill_own_attribs(entity: dict[str, Any]) -> None:
    """Turn ``ownAttrib`` (names) into a dict: own values, None otherwise."""
    if not entity or not entity.get("attrib"):
        return
    own = set(entity.get("ownAttrib") or [])
    entity["ownAttrib"] = {
        name: (value if name in own else None)
        for name, value in entity["attrib"].items()
    }


def prepare_attribute_changes(old_entity: dict[str, Any],
                              new_entity: dict[str, Any],
                              replace: bool = False) -> dict[str, Any]:
    """Attribute values that differ (None for removed ones with replace)."""
    old = old_entity.get("attrib") or {}
    new = new_entity.get("attrib") or {}
    changes = {key: value for key, value in new.items()
               if key not in old or old[key] != value}
    if replace:
        for key in old:
            if key not in new:
                changes[key] = None
    return changes


def prepare_entity_changes(old_entity: dict[str, Any],
                           new_entity: dict[str, Any],
                           replace: bool = False) -> dict[str, Any]:
    """Top-level keys whose value differs, ``attrib`` compared per key."""
    changes: dict[str, Any] = {}
    for key, value in new_entity.items():
        if key == "attrib":
            continue
        if key not in old_entity or old_entity[key] != value:
            changes[key] = value
    if replace:
        for key in old_entity:
            if key != "attrib" and key not in new_entity:
                changes[key] = None
    attrib_changes = prepare_attribute_changes(old_entity, new_entity, replace)
    if attrib_changes:
        changes["attrib"] = attrib_changes
    return changes


def slugify_string(
    input_string: str,
    separator: str = "_",
    slug_whitelist: str = SLUGIFY_WHITELIST,
    split_chars: str = SLUGIFY_SEP_WHITELIST,
    min_length: int = 1,
    lower: bool = False,
    make_set: bool = False,
) -> Union[str, set[str]]:
    """ASCII slug of a string (transliterated with anyascii).

    Splits on ``split_chars``, drops characters outside ``slug_whitelist``
    and parts shorter than ``min_length``, then joins with ``separator``;
    ``make_set`` returns the set of parts instead.
    """
    text = anyascii(str(input_string))
    if lower:
        text = text.lower()
    allowed = set(slug_whitelist)
    splitters = set(split_chars)
    parts: list[str] = []
    current: list[str] = []
    for char in text:
        if char in splitters:
            parts.append("".join(current))
            current = []
        elif char in allowed:
            current.append(char)
    parts.append("".join(current))
    kept = [part for part in parts if part and len(part) >= min_length]
    if make_set:
        return set(kept)
    return separator.join(kept)
