"""Entity nodes: rows turned into plain dicts keyed by GraphQL field names,
so graphql-core's default resolver serves the scalar fields; the computed
ones (effective attributes, parents, children, counts) have resolvers below
that go through the request's batches (``loaders.ProjectData``).

Every node carries ``_row`` (the SQLite row) and ``_pd`` (its project's
request data).
"""

from __future__ import annotations

import json
import posixpath
import sqlite3
from typing import Any, Callable, Optional

from ..entities.attrib import effective
from ..entities.payloads import version_name
from ..util import json_string
from .loaders import ProjectData

Node = dict[str, Any]

EMPTY_LINKS = {
    "edges": [],
    "pageInfo": {
        "hasNextPage": False,
        "hasPreviousPage": False,
        "startCursor": None,
        "endCursor": None,
    },
}


def _tags(text: str) -> list[str]:
    return [] if text == "[]" else json.loads(text)


def _data(text: Optional[str]) -> Optional[str]:
    """The real server sends ``data`` as a JSON string, null when empty."""
    return None if not text or text == "{}" else text


def _base(pd: ProjectData, entity_type: str, row: sqlite3.Row) -> Node:
    node = {
        "projectName": pd.name,
        "id": row["id"],
        "active": bool(row["active"]),
        "status": row["status"],
        "tags": _tags(row["tags"]),
        "data": _data(row["data"]),
        "createdAt": row["created_at"],
        "updatedAt": row["updated_at"],
        "createdBy": row["created_by"],
        "updatedBy": row["updated_by"],
        "hasReviewables": False,
        "_row": row,
        "_pd": pd,
        "_type": entity_type,
    }
    pd.built_node(entity_type, row["id"], node)
    return node


def folder_node(pd: ProjectData, row: sqlite3.Row) -> Node:
    node = _base(pd, "folder", row)
    node.update(
        name=row["name"],
        label=row["label"],
        folderType=row["folder_type"],
        type=row["folder_type"],
        parentId=row["parent_id"],
        thumbnailId=row["thumbnail_id"],
        path=row["path"],
    )
    pd.batch("folder").want(row["parent_id"])
    pd.folder_attrib_source(row["path"], row["attrib"])
    return node


def task_node(pd: ProjectData, row: sqlite3.Row) -> Node:
    node = _base(pd, "task", row)
    node.update(
        name=row["name"],
        label=row["label"],
        taskType=row["task_type"],
        type=row["task_type"],
        folderId=row["folder_id"],
        thumbnailId=row["thumbnail_id"],
        assignees=_tags(row["assignees"]),
    )
    pd.batch("folder").want(row["folder_id"])
    return node


def product_node(pd: ProjectData, row: sqlite3.Row) -> Node:
    node = _base(pd, "product", row)
    node.update(
        name=row["name"],
        folderId=row["folder_id"],
        productType=row["product_type"],
        type=row["product_type"],
        productBaseType=row["product_base_type"] or row["product_type"],
        allAttrib=row["attrib"],
    )
    pd.batch("folder").want(row["folder_id"])
    return node


def version_node(pd: ProjectData, row: sqlite3.Row) -> Node:
    node = _base(pd, "version", row)
    node.update(
        name=version_name(row["version"]),
        version=row["version"],
        productId=row["product_id"],
        taskId=row["task_id"],
        thumbnailId=row["thumbnail_id"],
        author=row["author"],
        allAttrib=row["attrib"],
    )
    pd.batch("product").want(row["product_id"])
    pd.batch("task").want(row["task_id"])
    return node


def representation_node(pd: ProjectData, row: sqlite3.Row) -> Node:
    node = _base(pd, "representation", row)
    node.update(
        name=row["name"],
        versionId=row["version_id"],
        traits=row["traits"],
        allAttrib=row["attrib"],
    )
    pd.batch("version").want(row["version_id"])
    return node


def workfile_node(pd: ProjectData, row: sqlite3.Row) -> Node:
    node = _base(pd, "workfile", row)
    node.update(
        name=posixpath.basename(row["path"]),
        path=row["path"],
        taskId=row["task_id"],
        thumbnailId=row["thumbnail_id"],
        allAttrib=row["attrib"],
    )
    pd.batch("task").want(row["task_id"])
    return node


BUILDERS: dict[str, Callable[[ProjectData, sqlite3.Row], Node]] = {
    "folder": folder_node,
    "task": task_node,
    "product": product_node,
    "version": version_node,
    "representation": representation_node,
    "workfile": workfile_node,
}


def node_for(
    pd: ProjectData, entity_type: str, row: Optional[sqlite3.Row]
) -> Optional[Node]:
    """The request's node for a row (built once per entity)."""
    if row is None:
        return None
    node = pd.nodes.get((entity_type, row["id"]))
    if node is None:
        node = BUILDERS[entity_type](pd, row)
    return node


def related(node: Node, entity_type: str, entity_id: Optional[str]) -> Optional[Node]:
    """A parent entity's node, through the request's batch."""
    pd: ProjectData = node["_pd"]
    if entity_id is None:
        return None
    cached = pd.nodes.get((entity_type, entity_id))
    if cached is not None:
        return cached
    return node_for(pd, entity_type, pd.batch(entity_type).get(entity_id))


# -- attributes ----------------------------------------------------------------


def effective_attrib(node: Node) -> dict[str, Any]:
    cached = node.get("_attrib")
    if cached is not None:
        return cached
    pd: ProjectData = node["_pd"]
    raw = node["_row"]["attrib"]
    own = {} if raw == "{}" else json.loads(raw)
    if node["_type"] == "folder":
        pd.prime_attribs()
        value = pd.inheritance.folder(node["path"], own)
    elif node["_type"] == "task":
        folder = related(node, "folder", node["folderId"])
        pd.prime_attribs()
        value = (
            pd.inheritance.task(folder["path"], own) if folder else effective({}, own)
        )
    else:
        value = own
    node["_attrib"] = value
    return value


def resolve_all_attrib(node: Node, info: Any) -> str:
    if "allAttrib" in node:  # own values only: the stored JSON as is
        return str(node["allAttrib"])
    return json_string(effective_attrib(node))


def resolve_attrib(node: Node, info: Any) -> dict[str, Any]:
    return effective_attrib(node)


def resolve_own_attrib(node: Node, info: Any) -> list[str]:
    """What the real server returns: the own attribute names, followed by
    the inherited ones when the entity has any own value at all."""
    own = list(json.loads(node["_row"]["attrib"]))
    if not own:
        return []
    return own + [k for k in effective_attrib(node) if k not in own]


# -- hierarchy -----------------------------------------------------------------


def folder_path_of(node: Node) -> Optional[str]:
    entity_type = node["_type"]
    if entity_type == "folder":
        return str(node["path"])
    if entity_type in ("task", "product"):
        folder = related(node, "folder", node["folderId"])
        return None if folder is None else str(folder["path"])
    if entity_type == "version":
        product = related(node, "product", node["productId"])
        return None if product is None else folder_path_of(product)
    if entity_type == "representation":
        version = related(node, "version", node["versionId"])
        return None if version is None else folder_path_of(version)
    task = related(node, "task", node["taskId"])
    return None if task is None else folder_path_of(task)


def resolve_path(node: Node, info: Any) -> Optional[str]:
    """Hierarchy path of tasks, products, versions, representations."""
    entity_type = node["_type"]
    if entity_type in ("task", "product"):
        folder_path = folder_path_of(node)
        return None if folder_path is None else f"{folder_path}/{node['name']}"
    parent = (
        related(node, "product", node["productId"])
        if entity_type == "version"
        else related(node, "version", node["versionId"])
    )
    parent_path = None if parent is None else resolve_path(parent, info)
    return None if parent_path is None else f"{parent_path}/{node['name']}"


def resolve_parents(node: Node, info: Any) -> list[str]:
    if node["_type"] == "folder":
        return str(node["path"]).strip("/").split("/")[:-1]
    path = folder_path_of(node)
    parents = path.strip("/").split("/") if path else []
    if node["_type"] == "version":
        product = related(node, "product", node["productId"])
        parents += [product["name"]] if product else []
    elif node["_type"] == "representation":
        version = related(node, "version", node["versionId"])
        product = related(version, "product", version["productId"]) if version else None
        parents += [product["name"], version["name"]] if product and version else []
    return parents


def resolve_files(node: Node, info: Any) -> list[dict[str, Any]]:
    files = node.get("_files")
    if files is None:
        files = node["_files"] = [
            {
                "id": f.get("id"),
                "name": f.get("name") or posixpath.basename(f.get("path") or ""),
                "path": f.get("path"),
                "hash": f.get("hash"),
                "size": str(f.get("size") or 0),
                "hashType": f.get("hashType") or "md5",
            }
            for f in json.loads(node["_row"]["files"])
        ]
    return files


def resolve_context(node: Node, info: Any) -> str:
    data = json.loads(node["_row"]["data"])
    return json_string(data.get("context", {}))
