"""Folder rules of the entity service: default type, parent, path, sibling
uniqueness, and the freeze of folders that hold published versions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..errors import BadRequest, Conflict, Forbidden
from ..store import Record
from .conflicts import duplicate

if TYPE_CHECKING:
    from .service import EntityService


STRUCTURAL = ("name", "folder_type", "parent_id")


def prepare(service: EntityService, record: Record, current: Optional[Record]) -> None:
    """Complete and check a new folder (``current`` is None) or the changes
    to one: sets ``record["path"]`` when the folder's place changes."""
    ctx = service.ctx
    if current is None and not record.get("folder_type"):
        if not service.project.folder_types:
            raise Conflict("No folder types defined")
        record["folder_type"] = service.project.folder_types[0]["name"]
    if "folder_type" in record:
        service.check_type("folder_type", record["folder_type"])

    if current is not None:
        for key in STRUCTURAL:
            if key in record and record[key] != current[key]:
                if ctx.has_versions_below(current["path"]):
                    raise Forbidden(
                        f"Cannot change {key} of a folder with published versions"
                    )
                break

    if current is not None and "name" not in record and "parent_id" not in record:
        return
    merged = record if current is None else {**current, **record}
    parent_path = ""
    parent_id = merged.get("parent_id")
    if parent_id:
        if parent_id == merged["id"]:
            raise BadRequest("Folder cannot be its own parent")
        parent = service.parent("folder", "parent_id", parent_id)
        parent_path = parent["path"]
        if current is not None and (
            parent_path == current["path"]
            or parent_path.startswith(current["path"] + "/")
        ):
            raise BadRequest("Cannot move a folder under itself or its descendants")
    path = f"{parent_path}/{merged['name']}"
    if current is None or path != current["path"]:
        other = ctx.folder_id_at(path)
        if other is not None and other != merged["id"]:
            where = parent_path or "the project root"
            raise duplicate(
                f"Folder with name '{merged['name']}' already exists under {where}."
            )
    record["path"] = path
