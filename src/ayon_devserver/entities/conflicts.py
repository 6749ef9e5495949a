"""The real server's constraint errors, as database violations read there."""

from __future__ import annotations

from typing import Any

from ..errors import Conflict


def not_present(column: str, value: Any, table: str) -> Conflict:
    """A foreign-key violation (409): a referenced entity, type or status
    does not exist."""
    return Conflict(
        f"{column} '{value}' is not present in table \"{table}\".",
        code="foreign-key-violation",
    )


def duplicate(detail: str) -> Conflict:
    """A unique violation (409); ``detail`` names the duplicate."""
    return Conflict(detail, code="unique-violation")
