"""Folders: GraphQL getters, REST listing and hierarchy, CRUD."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Optional

from .._sentinels import NOT_SET
from ..exceptions import UnsupportedServerVersion
from ..typing import FlatFolderDict, FolderDict, ProjectHierarchyDict
from ._bodies import folder_create_body, folder_update_body
from ._entities import (
    FOLDER,
    EntitiesAPI,
    Filters,
    check_dict,
    check_entity_id,
    check_has_links,
    check_ids,
    check_name,
    check_project_name,
    check_strings,
    project_path,
)


def _parent_ids(project_name: str, parent_ids: Any) -> Optional[list[str]]:
    """Parent filter values; None or the project name mean "root"."""
    if parent_ids is None:
        return None
    if isinstance(parent_ids, (str, bytes)):
        raise TypeError(f"parent_ids must be an iterable, got {parent_ids!r}")
    result = []
    for value in parent_ids:
        if value is None or value == project_name:
            result.append("root")
        else:
            result.append(check_entity_id(value, "parent id"))
    return list(dict.fromkeys(result))


class FoldersAPI(EntitiesAPI):
    """Folders of a project (episodes, sequences, shots, assets...)."""

    def get_folders(
        self,
        project_name: str,
        folder_ids: Optional[Iterable[str]] = None,
        folder_paths: Optional[Iterable[str]] = None,
        folder_names: Optional[Iterable[str]] = None,
        folder_types: Optional[Iterable[str]] = None,
        parent_ids: Optional[Iterable[Optional[str]]] = None,
        folder_path_regex: Optional[str] = None,
        has_products: Optional[bool] = None,
        has_tasks: Optional[bool] = None,
        has_children: Optional[bool] = None,
        statuses: Optional[Iterable[str]] = None,
        assignees_all: Optional[Iterable[str]] = None,
        tags: Optional[Iterable[str]] = None,
        active: Optional[bool] = True,
        has_links: Optional[str] = None,
        filters: Optional[dict[str, Any]] = None,
        fields: Optional[Iterable[str]] = None,
        own_attributes: bool = False,
    ) -> Iterator[FolderDict]:
        """Folders matching every given filter (None = no filter).

        A generator fetching page by page; inactive folders are skipped
        unless ``active`` is None or False.
        """
        check_project_name(project_name)
        query_filters = Filters()
        matchable = all([
            query_filters.add("folderIds", "ids", "[String!]",
                              check_ids(folder_ids, "folder_ids")),
            query_filters.add("folderPaths", "paths", "[String!]",
                              check_strings(folder_paths, "folder_paths")),
            query_filters.add("folderNames", "names", "[String!]",
                              check_strings(folder_names, "folder_names")),
            query_filters.add("folderTypes", "folderTypes", "[String!]",
                              check_strings(folder_types, "folder_types")),
            query_filters.add("parentFolderIds", "parentIds", "[String!]",
                              _parent_ids(project_name, parent_ids)),
            query_filters.add("folderPathRegex", "pathEx", "String",
                              folder_path_regex),
            query_filters.add("folderHasProducts", "hasProducts", "Boolean",
                              has_products),
            query_filters.add("folderHasTasks", "hasTasks", "Boolean",
                              has_tasks),
            query_filters.add("folderHasChildren", "hasChildren", "Boolean",
                              has_children),
            query_filters.add("folderStatuses", "statuses", "[String!]",
                              check_strings(statuses, "statuses")),
            query_filters.add("folderAssigneesAll", "assignees", "[String!]",
                              check_strings(assignees_all, "assignees_all")),
            query_filters.add("folderTags", "tags", "[String!]",
                              check_strings(tags, "tags")),
            query_filters.add("folderHasLinks", "hasLinks", "HasLinksFilter",
                              check_has_links(has_links)),
            query_filters.add_json_filter(filters),
        ])
        selected = self._entity_fields(FOLDER, fields, own_attributes, active)
        if not matchable:
            return self._empty()
        return self._iter_entities(project_name, FOLDER, query_filters,
                                   selected, active, own_attributes)

    def get_folder_by_id(self, project_name: str, folder_id: str,
                         fields: Optional[Iterable[str]] = None,
                         own_attributes: bool = False
                         ) -> Optional[FolderDict]:
        return next(self.get_folders(
            project_name, folder_ids=[folder_id], active=None, fields=fields,
            own_attributes=own_attributes), None)

    def get_folder_by_path(self, project_name: str, folder_path: str,
                           fields: Optional[Iterable[str]] = None,
                           own_attributes: bool = False
                           ) -> Optional[FolderDict]:
        """The folder at ``folder_path`` ("/sq010/sh010"; the leading slash
        may be left out)."""
        check_name(folder_path, "folder path")
        if not folder_path.startswith("/"):
            folder_path = f"/{folder_path}"
        return next(self.get_folders(
            project_name, folder_paths=[folder_path.rstrip("/") or "/"],
            active=None, fields=fields, own_attributes=own_attributes), None)

    def get_folder_by_name(self, project_name: str, folder_name: str,
                           fields: Optional[Iterable[str]] = None,
                           own_attributes: bool = False
                           ) -> Optional[FolderDict]:
        """A folder by name (the first one when names repeat)."""
        check_name(folder_name, "folder name")
        return next(self.get_folders(
            project_name, folder_names=[folder_name], active=None,
            fields=fields, own_attributes=own_attributes), None)

    def get_folder_ids_with_products(
        self, project_name: str, folder_ids: Optional[Iterable[str]] = None
    ) -> set[str]:
        """Ids of the folders (of ``folder_ids`` when given) with products."""
        return {folder["id"] for folder in self.get_folders(
            project_name, folder_ids=folder_ids, has_products=True,
            active=None, fields={"id"})}

    def get_folders_hierarchy(self, project_name: str,
                              search_string: Optional[str] = None,
                              folder_types: Optional[Iterable[str]] = None
                              ) -> ProjectHierarchyDict:
        """The project's folder tree (``GET .../hierarchy``)."""
        params: dict[str, Any] = {}
        if search_string:
            params["search"] = search_string
        types = check_strings(folder_types, "folder_types")
        if types:
            params["types"] = ",".join(types)
        response = self.get(f"{project_path(project_name)}/hierarchy", **params)
        response.raise_for_status()
        return response.data

    def search_folders(
        self,
        project_name: str,
        search: Optional[str] = None,
        folder_search: Optional[str] = None,
        folder_filter: Optional[dict[str, Any]] = None,
        task_search: Optional[str] = None,
        task_filter: Optional[dict[str, Any]] = None,
    ) -> set[str]:
        """Ids of folders matching a full-text search and filters."""
        body = {key: value for key, value in (
            ("search", search), ("folderSearch", folder_search),
            ("folderFilter", check_dict(folder_filter, "folder_filter")),
            ("taskSearch", task_search),
            ("taskFilter", check_dict(task_filter, "task_filter")),
        ) if value is not None}
        response = self.post(f"{project_path(project_name)}/folders/search",
                             **body)
        response.raise_for_status()
        return set(response.data.get("folderIds") or [])

    def get_entity_groups(self, project_name: str, entity_type: str,
                          grouping_key: str, empty: bool = False
                          ) -> list[dict[str, Any]]:
        """Groups of entities by a key (e.g. status), as the web UI shows."""
        response = self.get(
            f"{project_path(project_name)}/grouping/"
            f"{check_name(entity_type, 'entity type')}/"
            f"{check_name(grouping_key, 'grouping key')}",
            empty="true" if empty else "false")
        response.raise_for_status()
        return list(response.data.get("groups") or [])

    def get_rest_folders(self, project_name: str, include_attrib: bool = False
                         ) -> list[FlatFolderDict]:
        """Every folder of the project as a flat list, in one request."""
        if self.get_server_version_tuple()[:3] < (1, 0, 8):
            raise UnsupportedServerVersion(
                "Listing folders through REST needs AYON server 1.0.8 or newer")
        response = self.get(self._entity_path(project_name, FOLDER),
                            attrib="true" if include_attrib else "false")
        response.raise_for_status()
        return list(response.data["folders"])

    def get_folders_rest(self, project_name: str, include_attrib: bool = False
                         ) -> list[FlatFolderDict]:
        """Deprecated name of :meth:`get_rest_folders`."""
        return self.get_rest_folders(project_name, include_attrib)

    def get_rest_folder(self, project_name: str, folder_id: str
                        ) -> Optional[FolderDict]:
        return self._get_rest_entity(project_name, "folder", folder_id)

    def create_folder(
        self,
        project_name: str,
        name: str,
        folder_type: Optional[str] = None,
        parent_id: Optional[str] = None,
        label: Optional[str] = None,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        tags: Optional[Iterable[str]] = None,
        status: Optional[str] = None,
        active: Optional[bool] = None,
        thumbnail_id: Optional[str] = None,
        folder_id: Optional[str] = None,
    ) -> str:
        """Create a folder; returns its id."""
        return self._create_entity(
            project_name, FOLDER, folder_id, folder_create_body(
                name, folder_type, parent_id, label, attrib, data, tags,
                status, active, thumbnail_id))

    def update_folder(
        self,
        project_name: str,
        folder_id: str,
        name: Optional[str] = None,
        folder_type: Optional[str] = None,
        parent_id: Optional[str] = NOT_SET,
        label: Optional[str] = NOT_SET,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        tags: Optional[Iterable[str]] = None,
        status: Optional[str] = None,
        active: Optional[bool] = None,
        thumbnail_id: Optional[str] = NOT_SET,
    ) -> None:
        """Change a folder; arguments left out are not changed (None clears
        ``parent_id``, ``label`` and ``thumbnail_id``)."""
        self._update_entity(
            project_name, FOLDER, folder_id, folder_update_body(
                name, folder_type, parent_id, label, attrib, data, tags,
                status, active, thumbnail_id))

    def delete_folder(self, project_name: str, folder_id: str,
                      force: bool = False) -> None:
        """Delete a folder; ``force`` also deletes what it contains."""
        if force:
            self._delete_entity(project_name, FOLDER, folder_id, force="true")
        else:
            self._delete_entity(project_name, FOLDER, folder_id)
