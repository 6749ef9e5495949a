"""Project entities declared once: folders, tasks, products, versions,
representations and workfiles share the GraphQL getter and the REST
create/update/delete written here (sending the bodies that ``_bodies``
builds); the resource modules only declare their filters and fields."""
from __future__ import annotations

import functools
import json
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Optional
from urllib.parse import quote

from .. import _json, constants
from ..graphql.paging import connection_query, iter_connection_nodes
from ..typing import AnyEntityDict
from ..utils import create_entity_id, fill_own_attribs
from .attributes import AttributesAPI

ENTITY_PAGE_SIZE = 1000
_HEX_ID = re.compile(r"^[0-9a-f]{32}$")
_DASHED_ID = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)
_LINK_FIELDS = ("id", "linkType", "projectName", "entityType", "entityId",
                "name", "direction", "description", "author")


class _Placeholder:
    """Default of the deprecated ``own_attributes`` argument."""

    def __repr__(self) -> str:
        return "<deprecated>"


OWN_ATTRIBUTES_DEPRECATED: Any = _Placeholder()


@dataclass(frozen=True)
class EntityType:
    """How one entity type is named in REST and GraphQL."""

    name: str
    plural: str
    query_name: str
    default_fields: frozenset[str]
    inherits_attributes: bool = False

    @property
    def rest_collection(self) -> str:
        return self.plural


_DEFAULTS = constants._DEFAULT_FIELDS_BY_TYPE
FOLDER = EntityType("folder", "folders", "FoldersQuery", _DEFAULTS["folder"],
                    True)
TASK = EntityType("task", "tasks", "TasksQuery", _DEFAULTS["task"], True)
PRODUCT = EntityType("product", "products", "ProductsQuery",
                     _DEFAULTS["product"])
VERSION = EntityType("version", "versions", "VersionsQuery",
                     _DEFAULTS["version"])
REPRESENTATION = EntityType(
    "representation", "representations", "RepresentationsQuery",
    _DEFAULTS["representation"])
WORKFILE = EntityType("workfile", "workfiles", "WorkfilesInfo",
                      _DEFAULTS["workfile"])
ENTITY_TYPES = {t.name: t for t in (FOLDER, TASK, PRODUCT, VERSION,
                                    REPRESENTATION, WORKFILE)}


# -- input validation -----------------------------------------------------------
def check_project_name(project_name: Any) -> str:
    if not isinstance(project_name, str) or not project_name:
        raise ValueError(f"Invalid project name {project_name!r}")
    return project_name


def project_path(project_name: Any) -> str:
    """REST path of a project (``projects/<name>``)."""
    return f"projects/{quote(check_project_name(project_name), safe='')}"


def check_entity_id(entity_id: Any, what: str = "entity id") -> str:
    """A 32-hex id (dashed UUIDs are normalised); ValueError otherwise."""
    if isinstance(entity_id, str):
        if _HEX_ID.match(entity_id):
            return entity_id
        if _DASHED_ID.match(entity_id):
            return entity_id.replace("-", "").lower()
    raise ValueError(f"Invalid {what} {entity_id!r}: expected 32 hex characters")


def check_or_create_id(entity_id: Any, what: str = "entity id") -> str:
    """A checked id (see :func:`check_entity_id`), or a new one for None."""
    if entity_id is None:
        return create_entity_id()
    return check_entity_id(entity_id, what)


def check_ids(values: Any, what: str) -> Optional[list[str]]:
    """None, or a deduplicated list of valid ids."""
    if values is None:
        return None
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{what} must be an iterable of ids, got {values!r}")
    return list(dict.fromkeys(check_entity_id(v, what[:-1] if what.endswith(
        "s") else what) for v in values))


def check_strings(values: Any, what: str) -> Optional[list[str]]:
    """None, or a deduplicated list of strings."""
    if values is None:
        return None
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{what} must be an iterable of strings, got {values!r}")
    items = list(dict.fromkeys(values))
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{what} must contain strings, got {item!r}")
    return items


def check_name(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"Invalid {what} {value!r}")
    return value


NamePairs = set[tuple[str, str]]


def check_name_pairs(
    names_by_ids: Any, argument: str, id_what: str, names_what: str,
    ids: Optional[list[str]], names: Optional[list[str]],
) -> tuple[Optional[NamePairs], Optional[list[str]], Optional[list[str]]]:
    """A ``{parent_id: [names]}`` filter as ``(parent id, name)`` pairs,
    with the ``ids`` and ``names`` filters narrowed to what the pairs hold
    (pairs None and the filters unchanged when ``names_by_ids`` is None)."""
    if names_by_ids is None:
        return None, ids, names
    if not isinstance(names_by_ids, dict):
        raise TypeError(f"{argument} must be a dict")
    pairs = {
        (check_entity_id(parent_id, id_what), name)
        for parent_id, items in names_by_ids.items()
        for name in check_strings(items, names_what) or []
    }
    pair_ids = sorted({parent_id for parent_id, _ in pairs})
    pair_names = sorted({name for _, name in pairs})
    if ids is not None:
        pair_ids = [parent_id for parent_id in ids if parent_id in pair_ids]
    if names is not None:
        pair_names = [name for name in names if name in pair_names]
    return pairs, pair_ids, pair_names


_HAS_LINKS = frozenset({"NONE", "IN", "OUT", "ANY", "BOTH"})


def check_has_links(value: Any) -> Optional[str]:
    """None, or the ``HasLinksFilter`` value ("in", "OUT", ...) upper-cased."""
    if value is None:
        return None
    if not isinstance(value, str) or value.upper() not in _HAS_LINKS:
        raise ValueError(
            f"Invalid has_links {value!r}: expected one of "
            f"{', '.join(sorted(v.lower() for v in _HAS_LINKS))}")
    return value.upper()


def check_dict(value: Any, what: str) -> Optional[dict[str, Any]]:
    if value is not None and not isinstance(value, dict):
        raise TypeError(f"{what} must be a dict, got {value!r}")
    return value


def warn_own_attributes(value: Any) -> None:
    if value is not OWN_ATTRIBUTES_DEPRECATED:
        warnings.warn(
            "'own_attributes' is not supported for this entity type and is "
            "ignored", DeprecationWarning, stacklevel=3)


# -- GraphQL query ------------------------------------------------------------------
class Filters:
    """Filter arguments of one connection query: ``add()`` returns False
    when a filter can match nothing (an empty list)."""

    def __init__(self) -> None:
        self.declarations: list[str] = []
        self.arguments: list[str] = []
        self.variables: dict[str, Any] = {}

    def add(self, variable: str, argument: str, gql_type: str, value: Any
            ) -> bool:
        if value is None:
            return True
        if isinstance(value, list) and not value:
            return False
        self.declarations.append(f"${variable}: {gql_type}")
        self.arguments.append(f"{argument}: ${variable}")
        self.variables[variable] = value
        return True

    def copy(self) -> Filters:
        duplicate = Filters()
        duplicate.declarations = list(self.declarations)
        duplicate.arguments = list(self.arguments)
        duplicate.variables = dict(self.variables)
        return duplicate

    def add_json_filter(self, filters: Any) -> bool:
        if filters is None:
            return True
        if not isinstance(filters, (dict, str)):
            raise TypeError(f"filters must be a dict, got {filters!r}")
        text = filters if isinstance(filters, str) else json.dumps(filters)
        return self.add("filter", "filter", "String", text)


def entity_fields(entity_type: EntityType, fields: Optional[Iterable[str]],
                  own_attributes: bool = False, active: Optional[bool] = None,
                  defaults: Optional[set[str]] = None) -> set[str]:
    """The GraphQL fields to select for the ``fields`` a caller asked for
    (``defaults`` when none, the entity type's static defaults by default)."""
    if defaults is None:
        defaults = set(entity_type.default_fields) | {"allAttrib"}
    if fields is None or isinstance(fields, str):
        if isinstance(fields, str):
            raise TypeError(f"fields must be an iterable of names, got {fields!r}")
        selected = set(defaults)
    else:
        selected = set()
        for name in fields:
            if not isinstance(name, str):
                raise TypeError(f"fields must contain strings, got {name!r}")
            if name == "attrib" or name.startswith("attrib."):
                name = "allAttrib"
            elif name == "files" and entity_type is REPRESENTATION:
                selected |= constants.REPRESENTATION_FILES_FIELDS
                continue
            elif name == "links":
                selected |= {f"links.edges.{f}" for f in _LINK_FIELDS}
                continue
            selected.add(name)
        if not selected:
            selected = set(defaults)
    if own_attributes and entity_type.inherits_attributes:
        selected.add("ownAttrib")
    if active is not None:
        selected.add("active")
    return selected


def build_query(project_name: str, entity_type: EntityType, filters: Filters,
                selected: set[str]) -> tuple[str, dict[str, Any]]:
    query = _entities_query(entity_type, tuple(filters.declarations),
                            tuple(filters.arguments), frozenset(selected))
    return query, {"projectName": project_name, **filters.variables}


@functools.lru_cache(maxsize=256)
def _entities_query(entity_type: EntityType, declarations: tuple[str, ...],
                    arguments: tuple[str, ...], selected: frozenset[str]
                    ) -> str:
    """The query text (the same for repeated calls with other values)."""
    return connection_query(
        entity_type.query_name,
        ["$projectName: String!", *declarations],
        [("project", ["name: $projectName"]), (entity_type.plural, arguments)],
        selected)


def _loads(value: Any, default: Any) -> Any:
    if isinstance(value, str):
        return _json.loads(value) if value else default
    return default if value is None else value


def parse_entity(entity_type: EntityType, node: dict[str, Any],
                 own_attributes: bool) -> dict[str, Any]:
    """Turn the JSON strings of a GraphQL node into the reference's dict."""
    if "allAttrib" in node:
        node["attrib"] = _loads(node.pop("allAttrib"), {})
    if "data" in node:
        node["data"] = _loads(node["data"], {})
    if entity_type is REPRESENTATION:
        if "context" in node:
            node["context"] = _loads(node["context"], {})
        if "traits" in node and isinstance(node["traits"], str):
            node["traits"] = _loads(node["traits"], None)
        for file_info in node.get("files") or []:
            size = file_info.get("size")
            if isinstance(size, str) and size.isdigit():
                file_info["size"] = int(size)
    if own_attributes and "ownAttrib" in node:
        fill_own_attribs(node)
    links = node.get("links")
    if isinstance(links, dict) and "edges" in links:
        node["links"] = list(links["edges"])
    return node


class EntitiesAPI(AttributesAPI):
    """The shared machinery; resource mixins call these helpers."""

    def _entity_fields(self, entity_type: EntityType,
                       fields: Optional[Iterable[str]],
                       own_attributes: bool = False,
                       active: Optional[bool] = None) -> set[str]:
        """Fields to select; the server-aware defaults when none given."""
        return entity_fields(
            entity_type, fields, own_attributes, active,
            self.get_default_fields_for_type(entity_type.name))

    def _iter_entities(
        self,
        project_name: str,
        entity_type: EntityType,
        filters: Filters,
        selected: set[str],
        active: Optional[bool] = None,
        own_attributes: bool = False,
    ) -> Iterator[Any]:
        query, variables = build_query(project_name, entity_type, filters,
                                       selected)
        for node in iter_connection_nodes(
            self._graphql_data, query, variables,
            ("project", entity_type.plural), ENTITY_PAGE_SIZE,
        ):
            if active is not None and node.get("active") is not active:
                continue
            yield parse_entity(entity_type, node, own_attributes)

    def _iter_name_pairs(
        self,
        project_name: str,
        entity_type: EntityType,
        filters: Filters,
        selected: set[str],
        active: Optional[bool],
        pairs: Optional[NamePairs],
        parent_key: str,
    ) -> Iterator[Any]:
        """:meth:`_iter_entities`, keeping only the entities whose
        ``(entity[parent_key], name)`` is in ``pairs`` (when not None)."""
        if pairs is None:
            return self._iter_entities(project_name, entity_type, filters,
                                       selected, active)
        found = self._iter_entities(project_name, entity_type, filters,
                                    selected | {parent_key, "name"}, active)
        return (entity for entity in found
                if (entity[parent_key], entity["name"]) in pairs)

    @staticmethod
    def _empty() -> Iterator[Any]:
        return iter(())

    # -- REST -----------------------------------------------------------------
    def _entity_path(self, project_name: str, entity_type: EntityType,
                     entity_id: Optional[str] = None) -> str:
        path = f"{project_path(project_name)}/{entity_type.rest_collection}"
        if entity_id is not None:
            path += f"/{check_entity_id(entity_id, f'{entity_type.name} id')}"
        return path

    def _create_entity(self, project_name: str, entity_type: EntityType,
                       entity_id: Optional[str], body: dict[str, Any]) -> str:
        """POST a create body (from ``_bodies``) with the entity's id
        (generated when None); returns the id."""
        new_id = check_or_create_id(entity_id, f"{entity_type.name} id")
        response = self.post(self._entity_path(project_name, entity_type),
                             id=new_id, **body)
        response.raise_for_status()
        return new_id

    def _update_entity(self, project_name: str, entity_type: EntityType,
                       entity_id: str, body: dict[str, Any]) -> None:
        """PATCH an update body (from ``_bodies``) to an entity."""
        path = self._entity_path(project_name, entity_type, entity_id)
        response = self.patch(path, **body)
        response.raise_for_status()

    def _delete_entity(self, project_name: str, entity_type: EntityType,
                       entity_id: str, **params: Any) -> None:
        path = self._entity_path(project_name, entity_type, entity_id)
        response = self.delete(path, **params)
        response.raise_for_status()

    def get_rest_entity_by_id(self, project_name: str, entity_type: str,
                              entity_id: str) -> Optional[AnyEntityDict]:
        """An entity as REST returns it, or None when it does not exist."""
        return self._get_rest_entity(project_name, entity_type, entity_id)

    def _get_rest_entity(self, project_name: str, entity_type: str,
                         entity_id: str) -> Any:
        if entity_type not in ENTITY_TYPES:
            raise ValueError(
                f"Unknown entity type {entity_type!r}: expected one of "
                f"{', '.join(sorted(ENTITY_TYPES))}")
        path = self._entity_path(project_name, ENTITY_TYPES[entity_type],
                                 entity_id)
        response = self.get(path)
        if response.status_code != 200:
            return None
        return response.data
