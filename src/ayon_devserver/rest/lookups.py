"""Lookups: representation ids by their context
(``POST /api/projects/{p}/repreContextFilter``), folder search
(``POST /api/projects/{p}/folders/search``) and ``ayon+entity://`` URI
resolution (``POST /api/resolve``)."""

from __future__ import annotations

import re
from typing import Annotated, Any, Optional

from anyascii import anyascii
from fastapi import APIRouter, Header, Query, Request
from pydantic import BaseModel, Field

from ..auth import CurrentUser
from ..errors import BadRequest
from ..store import Store
from ..uris import resolve_uris
from .entities import ProjectName, project_context

router = APIRouter(prefix="/api")

REPRE_CONTEXT_LIMIT = 100  # the real server answers at most 100 ids
_SLUG_SEPARATORS = re.compile(r"[ ,./\\;:!|*^#@~+\-_=]")
_NOT_SLUG = re.compile(r"[^a-z0-9 ]")


class ContextFilterModel(BaseModel):
    key: str
    values: list[str]


class LookupRequestModel(BaseModel):
    names: list[str] = Field(default_factory=list)
    versionIds: list[str] = Field(default_factory=list)
    context: list[ContextFilterModel] = Field(default_factory=list)


class FolderSearchRequest(BaseModel):
    search: Optional[str] = None
    folderSearch: Optional[str] = None
    taskSearch: Optional[str] = None
    folderFilter: Optional[dict[str, Any]] = None
    taskFilter: Optional[dict[str, Any]] = None


class ResolveRequestModel(BaseModel):
    uris: list[str]
    resolveRoots: bool = False


def search_terms(text: Optional[str]) -> list[str]:
    """Words of a search text as the real server splits them (its
    ``slugify``): ASCII-transliterated, lower case, split on spaces and
    punctuation, other characters dropped."""
    if not text:
        return []
    words = _SLUG_SEPARATORS.sub(" ", anyascii(text).lower())
    return list(dict.fromkeys(_NOT_SLUG.sub("", words).split()))


def _check_patterns(patterns: list[str]) -> None:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise BadRequest(f"Invalid regular expression {pattern!r}: {exc}") from None


@router.post("/projects/{project_name}/repreContextFilter", tags=["Representations"])
def representation_context_filter(
    project_name: ProjectName,
    body: LookupRequestModel,
    user: CurrentUser,
    request: Request,
) -> dict[str, list[str]]:
    """Ids of the representations whose ``data.context`` value at each
    ``key`` (dots address nested values: ``folder.name``) matches one of its
    ``values`` (regular expressions, searched), optionally only those named
    ``names`` or of ``versionIds``; at most 100, as on the real server."""
    store, _project = project_context(request, user, project_name)
    for item in body.context:
        _check_patterns(item.values)
    ids = store.lookups.representation_ids_by_context(
        project_name,
        [(item.key, item.values) for item in body.context],
        names=body.names,
        version_ids=body.versionIds,
        limit=REPRE_CONTEXT_LIMIT,
    )
    return {"ids": ids}


@router.post("/projects/{project_name}/folders/search", tags=["Folders"])
def search_folders(
    project_name: ProjectName,
    body: FolderSearchRequest,
    user: CurrentUser,
    request: Request,
) -> dict[str, list[str]]:
    """Ids of the folders matching every given part: ``folderSearch`` (each
    word in the folder's name, label or path), ``taskSearch`` (the folder
    has a task whose name, label or type starts with each word),
    ``search`` (each word in the folder's name, label or path or in the
    name or label of one of its tasks), ``folderFilter`` and ``taskFilter``
    (query filters on the folder / on one of its tasks)."""
    store, _project = project_context(request, user, project_name)
    ids = store.lookups.search_folder_ids(
        project_name,
        folder_filter=body.folderFilter,
        folder_terms=search_terms(body.folderSearch),
        task_filter=body.taskFilter,
        task_terms=search_terms(body.taskSearch),
        terms=search_terms(body.search),
    )
    return {"folderIds": ids}


@router.post("/resolve", tags=["URIs"])
def resolve(
    body: ResolveRequestModel,
    user: CurrentUser,
    request: Request,
    path_only: Annotated[bool, Query(alias="pathOnly")] = False,
    x_ayon_site_id: Annotated[Optional[str], Header()] = None,
) -> list[dict[str, Any]]:
    """Resolve ``ayon+entity://`` URIs to entities (``ResolvedURIModel``
    per URI). ``resolveRoots`` with an ``x-ayon-site-id`` header fills the
    roots of representation paths (the user's overrides for the site
    applied); ``pathOnly`` keeps only the paths."""
    store: Store = request.app.state.store
    return resolve_uris(
        store,
        user,
        body.uris,
        resolve_roots=body.resolveRoots,
        site_id=x_ayon_site_id,
        path_only=path_only,
    )
