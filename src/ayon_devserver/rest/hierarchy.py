"""``GET /api/projects/{p}/folders`` (flat list of every folder) and
``GET /api/projects/{p}/hierarchy`` (the folder tree)."""

from __future__ import annotations

import json
import time
from typing import Any, Optional

from fastapi import APIRouter, Request, Response

from ..auth import CurrentUser
from ..entities.payloads import inheritance
from .entities import ProjectName, project_context

router = APIRouter(prefix="/api/projects/{project_name}", tags=["Folders"])


def _json(payload: Any) -> Response:
    return Response(
        json.dumps(payload, separators=(",", ":"), ensure_ascii=False),
        media_type="application/json",
    )


@router.get("/folders")
def get_folder_list(
    project_name: ProjectName, user: CurrentUser, request: Request, attrib: bool = False
) -> Response:
    """Every folder of the project in one flat list (creation order)."""
    started = time.perf_counter()
    store, project = project_context(request, user, project_name)
    rows = store.hierarchy.tree_rows(project_name)
    with_children = {r["parent_id"] for r in rows if r["parent_id"]}
    attribs = None
    if attrib:
        attribs = inheritance(store, project)
        for row in rows:
            attribs.remember(row["path"], row["attrib"])
    folders = []
    for row in rows:
        item: dict[str, Any] = {
            "id": row["id"],
            "path": row["path"],
            "parentId": row["parent_id"],
            "parents": row["path"].strip("/").split("/")[:-1],
            "name": row["name"],
            "label": row["label"],
            "folderType": row["folder_type"],
            "hasTasks": bool(row["task_names"]),
            "hasChildren": row["id"] in with_children,
            "hasReviewables": False,
            "thumbnailHash": None,
            "taskNames": row["task_names"],
            "tags": row["tags"],
            "status": row["status"],
            "active": row["active"],
            "createdAt": row["created_at"],
            "updatedAt": row["updated_at"],
            "createdBy": row["created_by"],
            "updatedBy": row["updated_by"],
        }
        if attribs is not None:
            item["attrib"] = attribs.folder(row["path"], row["attrib"])
            item["ownAttrib"] = list(row["attrib"])
        folders.append(item)
    elapsed = time.perf_counter() - started
    return _json(
        {
            "detail": f"{len(folders)} folders of {project_name} in {elapsed:.3f}s",
            "folders": folders,
        }
    )


@router.get("/hierarchy")
def get_folder_hierarchy(
    project_name: ProjectName,
    user: CurrentUser,
    request: Request,
    search: str = "",
    types: str = "",
) -> Response:
    """The folder tree; ``search`` (in name, label or path) and ``types``
    (comma separated folder types) keep matching folders and their parents."""
    started = time.perf_counter()
    store, _project = project_context(request, user, project_name)
    rows = store.hierarchy.tree_rows(project_name)
    wanted_types = {t.strip() for t in types.split(",") if t.strip()}
    needle = search.strip().lower()
    keep = None
    if needle or wanted_types:
        by_id = {r["id"]: r for r in rows}
        keep = set()
        for row in rows:
            text = f"{row['name']} {row['label'] or ''} {row['path']}".lower()
            if (not wanted_types or row["folder_type"] in wanted_types) and (
                not needle or needle in text
            ):
                current: Optional[dict[str, Any]] = row
                while current is not None and current["id"] not in keep:
                    keep.add(current["id"])
                    current = by_id.get(current["parent_id"])
    nodes: dict[str, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for row in rows:
        if keep is not None and row["id"] not in keep:
            continue
        nodes[row["id"]] = {
            "id": row["id"],
            "name": row["name"],
            "label": row["label"] or row["name"],
            "status": row["status"],
            "folderType": row["folder_type"],
            "hasTasks": bool(row["task_names"]),
            "taskNames": row["task_names"],
            "parents": row["path"].strip("/").split("/")[:-1],
            "parentId": row["parent_id"],
            "children": [],
        }
    for node in nodes.values():
        parent = nodes.get(node["parentId"]) if node["parentId"] else None
        (parent["children"] if parent is not None else roots).append(node)
    elapsed = time.perf_counter() - started
    return _json(
        {
            "detail": f"Hierarchy loaded in {elapsed:.4f}s",
            "projectName": project_name,
            "hierarchy": roots,
        }
    )
