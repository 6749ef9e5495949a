"""``ayon+entity://`` URIs resolved to entities, as ``POST /api/resolve`` of
the real server does.

A URI is ``ayon+entity://{project}/{folder/path}`` (``ayon://`` is the same)
with either ``product``, ``version``, ``representation`` or ``task``,
``workfile`` query arguments: the format ``POST /api/projects/{p}/uris``
writes. The deepest level given is the URI's ``target``. A level left out
above the target matches anything (``?product=model&representation=abc``
gives the abc representation of every version), and so does ``*``;
versions are ``v001``, ``1``, ``latest`` or ``hero``. Each resolved entity
lists the ids down to its target and, for a representation, the file path
filled from its ``attrib.template`` and ``data.context`` (roots filled only
when asked for).

URIs of one project are resolved together: one query per entity level.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Callable, Optional
from urllib.parse import parse_qs, urlparse

from .entities.models import NAME_REGEX
from .roots import current_platform, site_roots
from .store import Record, Store, UserRecord
from .store.entities import decode
from .templates import format_template

MAX_ENTITIES = 1000  # per URI, as the real server
_NAME_RE = re.compile(NAME_REGEX)
_SDF_RE = re.compile(r":SDF_FORMAT_ARGS.*$")
_QUERY_KEYS = ("product", "version", "representation", "task", "workfile")

Chain = dict[str, Record]  # entity type -> record, from the folder down


@dataclass(frozen=True)
class ParsedUri:
    project_name: str
    path: Optional[str]  # folder path without the outer slashes
    product: Optional[str] = None
    version: Optional[str] = None
    representation: Optional[str] = None
    task: Optional[str] = None
    workfile: Optional[str] = None

    @property
    def target(self) -> Optional[str]:
        """The deepest entity type asked for (``None``: nothing asked)."""
        for entity_type in ("workfile", "task", "representation", "version"):
            if getattr(self, entity_type) is not None:
                return entity_type
        if self.product is not None:
            return "product"
        return "folder" if self.path else None


def parse_uri(uri: str) -> ParsedUri:
    """The parts of a URI; ``ValueError`` (the real server's messages) for
    a malformed one."""
    parsed = urlparse(_SDF_RE.sub("", uri))
    if parsed.scheme not in ("ayon", "ayon+entity"):
        raise ValueError(f"Invalid scheme: {parsed.scheme}")
    if not _NAME_RE.match(parsed.netloc):
        raise ValueError(f"Invalid project name: {parsed.netloc}")
    path = parsed.path.strip("/") or None
    for element in path.split("/") if path else ():
        if not _NAME_RE.match(element):
            raise ValueError(f"Invalid path element: {element}")
    query = parse_qs(parsed.query)
    values: dict[str, Optional[str]] = {}
    for key in _QUERY_KEYS:
        value = query.get(key, [None])[0]
        if value is not None and value != "*" and not _NAME_RE.match(value):
            raise ValueError(f"Invalid name: {value}")
        values[key] = value
    if values["task"] is not None or values["workfile"] is not None:
        for key in ("product", "version", "representation"):
            if values[key] is not None:
                raise ValueError(f"Tasks and workfiles cannot be queried with {key}s")
    return ParsedUri(parsed.netloc, path, **values)


def version_matcher(name: Optional[str]) -> Callable[[int, Optional[int]], bool]:
    """Whether a version number (and the latest one of its product) matches
    a URI's version: ``None``/``*`` any, ``v003``/``3``, ``latest``, ``hero``."""
    if name is None or name == "*":
        return lambda number, latest: True
    text = name.strip().lower()
    text = text[1:] if text.startswith("v") else text
    if text.isdigit():
        wanted = int(text)
        return lambda number, latest: number == wanted
    if text == "latest":
        return lambda number, latest: number == latest
    if text == "hero":
        return lambda number, latest: number < 0
    raise ValueError(f"Invalid version name: {name}")


def _any(name: Optional[str]) -> bool:
    return name is None or name == "*"


# child entity type -> (parent type, parent column, listing argument)
_PARENTS = {
    "task": ("folder", "folder_id", "folderIds"),
    "workfile": ("task", "task_id", "taskIds"),
    "product": ("folder", "folder_id", "folderIds"),
    "version": ("product", "product_id", "productIds"),
    "representation": ("version", "version_id", "versionIds"),
}
_BRANCHES = {
    "folder": (),
    "task": ("task",),
    "workfile": ("task", "workfile"),
    "product": ("product",),
    "version": ("product", "version"),
    "representation": ("product", "version", "representation"),
}
_ID_KEYS = (
    ("folder", "folderId"),
    ("product", "productId"),
    ("task", "taskId"),
    ("version", "versionId"),
    ("representation", "representationId"),
    ("workfile", "workfileId"),
)


class ProjectResolver:
    """Resolves URIs of one project."""

    def __init__(
        self,
        store: Store,
        project_name: str,
        roots: Optional[dict[str, str]] = None,
        windows: bool = False,
        path_only: bool = False,
    ) -> None:
        self.store = store
        self.project_name = project_name
        self.roots = roots or {}
        self.windows = windows
        self.path_only = path_only

    def _rows(self, entity_type: str, args: dict[str, Any]) -> list[Record]:
        rows = self.store.listing.rows(entity_type, self.project_name, args)
        return [decode(row) for row in rows]

    def resolve(self, uris: Sequence[ParsedUri]) -> list[Any]:
        """Per URI: its entities (a list), or an error message."""
        results: list[Any] = [None] * len(uris)
        versions: dict[int, Callable[[int, Optional[int]], bool]] = {}
        chains: dict[int, list[Chain]] = {}
        paths = {f"/{u.path}" for u in uris if u.path}
        folders = {}
        if paths:
            rows = self._rows("folder", {"paths": sorted(paths)})
            folders = {row["path"]: row for row in rows}
        for i, uri in enumerate(uris):
            try:
                versions[i] = version_matcher(uri.version)
            except ValueError as exc:
                results[i] = str(exc)
                continue
            if uri.target is None:
                results[i] = []
            elif uri.path is None:
                chains[i] = [{}]  # any folder
            else:
                folder = folders.get(f"/{uri.path}")
                chains[i] = [{"folder": folder}] if folder else []

        def name_of(entity_type: str) -> Callable[[int], Optional[str]]:
            return lambda i: getattr(uris[i], entity_type)

        for level in ("task", "workfile", "product", "version", "representation"):
            todo = [i for i in chains if level in _BRANCHES[uris[i].target or "folder"]]
            if level == "version":
                self._descend(level, todo, chains, name_of(level), versions)
            else:
                self._descend(level, todo, chains, name_of(level))
        for i, found in chains.items():
            target = uris[i].target or "folder"
            results[i] = [
                self._entity(uris[i].project_name, target, chain)
                for chain in found[:MAX_ENTITIES]
            ]
        return results

    def _descend(
        self,
        level: str,
        todo: list[int],
        chains: dict[int, list[Chain]],
        name_of: Callable[[int], Optional[str]],
        versions: Optional[dict[int, Callable[[int, Optional[int]], bool]]] = None,
    ) -> None:
        """Extend the chains of the URIs ``todo`` one level down (one query
        for all of them)."""
        parent_type, column, parent_arg = _PARENTS[level]
        parent_ids: Optional[set[str]] = set()
        names: Optional[set[str]] = set()
        for i in todo:
            name = name_of(i)
            if _any(name) or level in ("workfile", "version"):
                names = None
            elif names is not None:
                names.add(str(name))
            for chain in chains[i]:
                parent = chain.get(parent_type)
                if parent is None:
                    parent_ids = None
                elif parent_ids is not None:
                    parent_ids.add(parent["id"])
        if not todo or parent_ids == set():
            rows: list[Record] = []
        else:
            args: dict[str, Any] = {}
            if parent_ids is not None:
                args[parent_arg] = sorted(parent_ids)
            if names is not None:
                args["names"] = sorted(names)
            rows = self._rows(level, args)
        by_parent: dict[str, list[Record]] = defaultdict(list)
        for row in rows:
            by_parent[row[column]].append(row)
        latest: dict[str, int] = {}  # product id -> its latest (not hero) version
        for row in rows if level == "version" else ():
            if row["version"] > latest.get(row[column], -1):
                latest[row[column]] = row["version"]
        for i in todo:
            name = name_of(i)
            extended: list[Chain] = []
            for chain in chains[i]:
                parent = chain.get(parent_type)
                for row in rows if parent is None else by_parent[parent["id"]]:
                    if level == "version":
                        assert versions is not None
                        matches = versions[i](row["version"], latest.get(row[column]))
                    elif level == "workfile":
                        basename = row["path"].rsplit("/", 1)[-1]
                        matches = _any(name) or basename == name
                    else:
                        matches = _any(name) or row["name"] == name
                    if matches:
                        extended.append({**chain, level: row})
            chains[i] = extended

    def _entity(self, project_name: str, target: str, chain: Chain) -> dict[str, Any]:
        file_path = None
        if target == "representation":
            file_path = self._file_path(chain["representation"])
        if self.path_only:
            return {} if file_path is None else {"filePath": file_path}
        entity: dict[str, Any] = {"projectName": project_name}
        top = chain.get("task") or chain.get("product")
        if "folder" not in chain and top is not None:
            entity["folderId"] = top["folder_id"]
        for entity_type, key in _ID_KEYS:
            if entity_type in chain:
                entity[key] = chain[entity_type]["id"]
        if file_path is not None:
            entity["filePath"] = file_path
        entity["target"] = target
        return entity

    def _file_path(self, representation: Record) -> Optional[str]:
        template = (representation.get("attrib") or {}).get("template")
        if not template or not isinstance(template, str):
            return None
        context = (representation.get("data") or {}).get("context")
        data = dict(context) if isinstance(context, dict) else {}
        data["root"] = self.roots
        path = posixpath.normpath(format_template(template, data))
        path = path.replace("//", "/")
        return path.replace("/", "\\") if self.windows else path


def resolve_uris(
    store: Store,
    user: UserRecord,
    uris: Sequence[str],
    *,
    resolve_roots: bool = False,
    site_id: Optional[str] = None,
    path_only: bool = False,
) -> list[dict[str, Any]]:
    """``ResolvedURIModel`` per URI (in order): ``{"uri", "entities"}``, with
    an ``error`` (and no entities) for a malformed URI or an unknown (or
    inaccessible) project. A URI that matches nothing has no entities."""
    results: list[dict[str, Any]] = [{"uri": uri, "entities": []} for uri in uris]
    by_project: dict[str, list[tuple[int, ParsedUri]]] = defaultdict(list)
    for i, uri in enumerate(uris):
        try:
            parsed = parse_uri(uri)
        except ValueError as exc:
            results[i]["error"] = str(exc)
            continue
        by_project[parsed.project_name].append((i, parsed))
    windows = bool(site_id) and current_platform() == "windows"
    for name, items in by_project.items():
        real_name = store.lookups.project_name(name)
        project = store.projects.get(real_name) if real_name else None
        if project is None or not user.can_access_project(project.name):
            error = (
                f"Project {name} not found"
                if project is None
                else f"You do not have access to project {project.name}"
            )
            for i, _parsed in items:
                results[i]["error"] = error
            continue
        roots = None
        if resolve_roots and site_id:
            roots = site_roots(store, project, user.name, site_id)
        resolver = ProjectResolver(store, project.name, roots, windows, path_only)
        for (i, _parsed), found in zip(items, resolver.resolve([p for _i, p in items])):
            if isinstance(found, str):
                results[i]["error"] = found
            else:
                results[i]["entities"] = found
    return results
