"""Representations (the published files of a version) and their parents."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, Optional

from ..graphql.paging import connection_query, iter_connection_nodes
from ..typing import RepresentationDict
from ..utils import RepresentationHierarchy, RepresentationParents
from ._bodies import representation_create_body, representation_update_body
from ._entities import (
    ENTITY_PAGE_SIZE,
    FOLDER,
    OWN_ATTRIBUTES_DEPRECATED,
    PRODUCT,
    REPRESENTATION,
    TASK,
    VERSION,
    EntitiesAPI,
    EntityType,
    Filters,
    check_entity_id,
    check_has_links,
    check_ids,
    check_name,
    check_name_pairs,
    check_project_name,
    check_strings,
    parse_entity,
    project_path,
    warn_own_attributes,
)
from .projects import ProjectsAPI

# (level name in the result, entity type, path of the level in the query)
_LEVELS: tuple[tuple[str, EntityType, str], ...] = (
    ("version", VERSION, "version"),
    ("task", TASK, "version.task"),
    ("product", PRODUCT, "version.product"),
    ("folder", FOLDER, "version.product.folder"),
)

def _nested(node: dict[str, Any], path: str) -> Optional[RepresentationDict]:
    current: Any = node
    for key in path.split("."):
        current = current.get(key) if isinstance(current, dict) else None
    return current


class RepresentationsAPI(ProjectsAPI, EntitiesAPI):
    """Representations of versions."""

    def get_representations(
        self,
        project_name: str,
        representation_ids: Optional[Iterable[str]] = None,
        representation_names: Optional[Iterable[str]] = None,
        version_ids: Optional[Iterable[str]] = None,
        names_by_version_ids: Optional[dict[str, Iterable[str]]] = None,
        statuses: Optional[Iterable[str]] = None,
        tags: Optional[Iterable[str]] = None,
        active: Optional[bool] = True,
        has_links: Optional[str] = None,
        filters: Optional[dict[str, Any]] = None,
        fields: Optional[Iterable[str]] = None,
        own_attributes: Any = OWN_ATTRIBUTES_DEPRECATED,
    ) -> Iterator[RepresentationDict]:
        """Representations matching every given filter.
        ``names_by_version_ids`` (``{version_id: [names]}``) matches pairs."""
        warn_own_attributes(own_attributes)
        check_project_name(project_name)
        pairs, version_id_list, name_list = check_name_pairs(
            names_by_version_ids, "names_by_version_ids", "version id",
            "representation names", check_ids(version_ids, "version_ids"),
            check_strings(representation_names, "representation_names"))
        query_filters = Filters()
        matchable = all([
            query_filters.add("representationIds", "ids", "[String!]",
                              check_ids(representation_ids,
                                        "representation_ids")),
            query_filters.add("versionIds", "versionIds", "[String!]",
                              version_id_list),
            query_filters.add("representationNames", "names", "[String!]",
                              name_list),
            query_filters.add("representationStatuses", "statuses",
                              "[String!]", check_strings(statuses, "statuses")),
            query_filters.add("representationTags", "tags", "[String!]",
                              check_strings(tags, "tags")),
            query_filters.add("representationHasLinks", "hasLinks",
                              "HasLinksFilter",
                              check_has_links(has_links)),
            query_filters.add_json_filter(filters),
        ])
        selected = self._entity_fields(REPRESENTATION, fields, False, active)
        if not matchable:
            return self._empty()
        return self._iter_name_pairs(project_name, REPRESENTATION, query_filters,
                                     selected, active, pairs, "versionId")

    def get_representation_by_id(
        self, project_name: str, representation_id: str,
        fields: Optional[Iterable[str]] = None,
        own_attributes: Any = OWN_ATTRIBUTES_DEPRECATED,
    ) -> Optional[RepresentationDict]:
        warn_own_attributes(own_attributes)
        return next(self.get_representations(
            project_name, representation_ids=[representation_id], active=None,
            fields=fields), None)

    def get_representation_by_name(
        self, project_name: str, representation_name: str, version_id: str,
        fields: Optional[Iterable[str]] = None,
        own_attributes: Any = OWN_ATTRIBUTES_DEPRECATED,
    ) -> Optional[RepresentationDict]:
        warn_own_attributes(own_attributes)
        check_name(representation_name, "representation name")
        return next(self.get_representations(
            project_name, representation_names=[representation_name],
            version_ids=[version_id], active=None, fields=fields), None)

    def _representation_conversion(self, representation: dict[str, Any]
                                   ) -> dict[str, Any]:
        """Parse the JSON strings of a representation from GraphQL."""
        return parse_entity(REPRESENTATION, representation, False)

    def get_rest_representation(self, project_name: str,
                                representation_id: str
                                ) -> Optional[RepresentationDict]:
        return self._get_rest_entity(project_name, "representation",
                                          representation_id)

    def get_representations_hierarchy(
        self,
        project_name: str,
        representation_ids: Iterable[str],
        project_fields: Optional[Iterable[str]] = None,
        folder_fields: Optional[Iterable[str]] = None,
        task_fields: Optional[Iterable[str]] = None,
        product_fields: Optional[Iterable[str]] = None,
        version_fields: Optional[Iterable[str]] = None,
        representation_fields: Optional[Iterable[str]] = None,
    ) -> dict[str, RepresentationHierarchy]:
        """``{representation_id: RepresentationHierarchy}`` in one query per
        page (plus one for the project)."""
        fields_by_level = {"version": version_fields, "task": task_fields,
                           "product": product_fields, "folder": folder_fields}
        return self._representation_tree(
            project_name, representation_ids, project_fields, fields_by_level,
            representation_fields, with_task=True)

    def get_representation_hierarchy(
        self,
        project_name: str,
        representation_id: str,
        project_fields: Optional[Iterable[str]] = None,
        folder_fields: Optional[Iterable[str]] = None,
        task_fields: Optional[Iterable[str]] = None,
        product_fields: Optional[Iterable[str]] = None,
        version_fields: Optional[Iterable[str]] = None,
        representation_fields: Optional[Iterable[str]] = None,
    ) -> Optional[RepresentationHierarchy]:
        representation_id = check_entity_id(representation_id,
                                            "representation id")
        return self.get_representations_hierarchy(
            project_name, [representation_id], project_fields, folder_fields,
            task_fields, product_fields, version_fields,
            representation_fields).get(representation_id)

    def get_representations_parents(
        self,
        project_name: str,
        representation_ids: Iterable[str],
        project_fields: Optional[Iterable[str]] = None,
        folder_fields: Optional[Iterable[str]] = None,
        product_fields: Optional[Iterable[str]] = None,
        version_fields: Optional[Iterable[str]] = None,
    ) -> dict[str, RepresentationParents]:
        """``{representation_id: RepresentationParents}``."""
        fields_by_level = {"version": version_fields,
                           "product": product_fields, "folder": folder_fields}
        tree = self._representation_tree(
            project_name, representation_ids, project_fields, fields_by_level,
            {"id"}, with_task=False)
        return {
            repre_id: RepresentationParents(
                item.version, item.product, item.folder, item.project)
            for repre_id, item in tree.items()
        }

    def get_representation_parents(
        self,
        project_name: str,
        representation_id: str,
        project_fields: Optional[Iterable[str]] = None,
        folder_fields: Optional[Iterable[str]] = None,
        product_fields: Optional[Iterable[str]] = None,
        version_fields: Optional[Iterable[str]] = None,
    ) -> Optional[RepresentationParents]:
        representation_id = check_entity_id(representation_id,
                                            "representation id")
        return self.get_representations_parents(
            project_name, [representation_id], project_fields, folder_fields,
            product_fields, version_fields).get(representation_id)

    def _representation_tree(
        self,
        project_name: str,
        representation_ids: Iterable[str],
        project_fields: Optional[Iterable[str]],
        fields_by_level: dict[str, Optional[Iterable[str]]],
        representation_fields: Optional[Iterable[str]],
        with_task: bool,
    ) -> dict[str, RepresentationHierarchy]:
        check_project_name(project_name)
        ids = check_ids(representation_ids, "representation_ids") or []
        result: dict[str, Any] = dict.fromkeys(ids)
        if not ids:
            return result
        selected = {f for f in self._entity_fields(REPRESENTATION,
                                             representation_fields)}
        selected.add("id")
        for level, entity_type, path in _LEVELS:
            if level not in fields_by_level:
                continue
            for name in self._entity_fields(entity_type, fields_by_level[level]):
                selected.add(f"{path}.{name}")
        project = self.get_project(project_name, fields=project_fields)
        query = connection_query(
            "RepresentationsHierarchy",
            ["$projectName: String!", "$representationIds: [String!]"],
            [("project", ["name: $projectName"]),
             ("representations", ["ids: $representationIds"])],
            selected)
        for node in iter_connection_nodes(
            self._graphql_data, query,
            {"projectName": project_name, "representationIds": ids},
            ("project", "representations"), ENTITY_PAGE_SIZE,
        ):
            parents = {}
            for level, entity_type, path in _LEVELS:
                entity = _nested(node, path)
                parents[level] = None if entity is None else parse_entity(
                    entity_type, {k: v for k, v in entity.items()
                                  if not isinstance(v, dict)}, False)
            representation = parse_entity(
                REPRESENTATION,
                {k: v for k, v in node.items() if k != "version"}, False)
            result[node["id"]] = RepresentationHierarchy(
                project, parents["folder"],
                parents["task"] if with_task else None, parents["product"],
                parents["version"], representation)
        return result

    def get_repre_ids_by_context_filters(
        self,
        project_name: str,
        context_filters: Optional[dict[str, Iterable[Any]]],
        representation_names: Optional[Iterable[str]] = None,
        version_ids: Optional[Iterable[str]] = None,
    ) -> list[str]:
        """Ids of representations whose context matches the filters
        (``{key: [regex or pattern string, ...]}``)."""
        names = check_strings(representation_names, "representation_names")
        versions = check_ids(version_ids, "version_ids")
        if names == [] or versions == []:
            return []
        context = []
        for key, values in (context_filters or {}).items():
            patterns = [v.pattern if isinstance(v, re.Pattern) else str(v)
                        for v in values]
            context.append({"key": key, "values": patterns})
        body: dict[str, Any] = {"context": context}
        if names is not None:
            body["names"] = names
        if versions is not None:
            body["versionIds"] = versions
        response = self.post(f"{project_path(project_name)}/repreContextFilter",
                             **body)
        response.raise_for_status()
        return list(response.data.get("ids") or [])

    def create_representation(
        self,
        project_name: str,
        name: str,
        version_id: str,
        files: Optional[list[dict[str, Any]]] = None,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        traits: Optional[dict[str, Any]] = None,
        tags: Optional[Iterable[str]] = None,
        status: Optional[str] = None,
        active: Optional[bool] = None,
        representation_id: Optional[str] = None,
    ) -> str:
        """Create a representation of a version; returns its id."""
        return self._create_entity(
            project_name, REPRESENTATION, representation_id,
            representation_create_body(
                name, version_id, files, attrib, data, traits, tags, status,
                active))

    def update_representation(
        self,
        project_name: str,
        representation_id: str,
        name: Optional[str] = None,
        version_id: Optional[str] = None,
        files: Optional[list[dict[str, Any]]] = None,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        traits: Optional[dict[str, Any]] = None,
        tags: Optional[Iterable[str]] = None,
        status: Optional[str] = None,
        active: Optional[bool] = None,
    ) -> None:
        """Change a representation; arguments left out are not changed."""
        self._update_entity(
            project_name, REPRESENTATION, representation_id,
            representation_update_body(
                name, version_id, files, attrib, data, traits, tags, status,
                active))

    def delete_representation(self, project_name: str,
                              representation_id: str) -> None:
        self._delete_entity(project_name, REPRESENTATION, representation_id)
