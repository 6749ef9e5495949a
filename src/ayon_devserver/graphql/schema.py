"""Build the executable schema: ``schema.graphql`` + custom attributes +
scalars + resolvers.

Resolver modules export ``RESOLVERS = {type name: {field name: function}}``;
binding fails loudly when a resolver names a type or field the SDL lacks, so
the SDL stays the single description of what we serve.

The real server generates its ``*AttribType`` types from the attribute
definitions; we do the same for custom attributes by extending the SDL's
built-in types, and rebuild the schema whenever the definitions change.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, Optional

from graphql import (
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    build_schema,
    extend_schema,
    parse,
)
from graphql.utilities import value_from_ast_untyped

SDL_PATH = Path(__file__).with_name("schema.graphql")

# attribute scope -> GraphQL type listing the attributes of that scope
ATTRIB_TYPES = {
    "project": "ProjectAttribType",
    "folder": "FolderAttribType",
    "task": "TaskAttribType",
    "product": "ProductAttribType",
    "version": "VersionAttribType",
    "representation": "RepresentationAttribType",
    "workfile": "WorkfileAttribType",
    "user": "UserAttribType",
}

# attribute data type -> GraphQL type
ATTRIBUTE_TYPES = {
    "string": "String",
    "integer": "Int",
    "float": "Float",
    "boolean": "Boolean",
    "datetime": "DateTime",
    "list_of_strings": "[String!]",
    "list_of_integers": "[Int!]",
    "list_of_any": "[JSON]",
    "list_of_submodels": "[JSON]",
    "dict": "JSON",
}

Resolvers = Mapping[str, Mapping[str, Any]]


def read_sdl() -> str:
    return SDL_PATH.read_text(encoding="utf-8")


def _serialize_datetime(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def _identity(value: Any) -> Any:
    return value


def _parse_json_literal(node: Any, variables: Optional[dict[str, Any]] = None) -> Any:
    return value_from_ast_untyped(node, variables)


def _setup_scalars(schema: GraphQLSchema) -> None:
    datetime_type = schema.type_map["DateTime"]
    json_type = schema.type_map["JSON"]
    assert isinstance(datetime_type, GraphQLScalarType)
    assert isinstance(json_type, GraphQLScalarType)
    datetime_type.serialize = _serialize_datetime  # type: ignore[method-assign]
    datetime_type.parse_value = _identity  # type: ignore[method-assign]
    json_type.serialize = _identity  # type: ignore[method-assign]
    json_type.parse_value = _identity  # type: ignore[method-assign]
    json_type.parse_literal = _parse_json_literal  # type: ignore[method-assign]


def attribute_extensions(
    schema: GraphQLSchema, attributes: Iterable[Mapping[str, Any]]
) -> str:
    """SDL ``extend type`` blocks adding the attributes that the SDL's
    ``*AttribType`` types lack (custom ones)."""
    added: dict[str, list[str]] = {}
    for attribute in attributes:
        name = attribute["name"]
        if not name.isidentifier() or name.startswith("__"):
            continue  # not a GraphQL name: cannot be queried
        gql_type = ATTRIBUTE_TYPES.get(attribute["data"].get("type", "string"))
        if gql_type is None:
            continue
        for scope in attribute["scope"]:
            type_name = ATTRIB_TYPES.get(scope)
            type_ = schema.type_map.get(type_name or "")
            if not isinstance(type_, GraphQLObjectType) or name in type_.fields:
                continue
            added.setdefault(type_.name, []).append(f"  {name}: {gql_type}")
    return "\n".join(
        f"extend type {type_name} {{\n" + "\n".join(fields) + "\n}"
        for type_name, fields in added.items()
    )


def bind_resolvers(schema: GraphQLSchema, resolvers: Resolvers) -> None:
    for type_name, fields in resolvers.items():
        type_ = schema.type_map.get(type_name)
        if not isinstance(type_, GraphQLObjectType):
            raise RuntimeError(f"resolvers for unknown GraphQL type {type_name}")
        for field_name, resolve in fields.items():
            if field_name not in type_.fields:
                raise RuntimeError(
                    f"resolver for unknown GraphQL field {type_name}.{field_name}"
                )
            type_.fields[field_name].resolve = resolve


def build(
    attributes: Iterable[Mapping[str, Any]],
    resolvers: Resolvers,
    sdl: Optional[str] = None,
) -> GraphQLSchema:
    schema = build_schema(sdl if sdl is not None else read_sdl())
    extension = attribute_extensions(schema, attributes)
    if extension:
        schema = extend_schema(schema, parse(extension))
    _setup_scalars(schema)
    bind_resolvers(schema, resolvers)
    return schema


class SchemaCache:
    """The executable schema for the current attribute definitions."""

    def __init__(self, resolvers: Resolvers) -> None:
        self.resolvers = resolvers
        self._lock = threading.Lock()
        self._revision: Optional[int] = None
        self._schema: Optional[GraphQLSchema] = None
        self._sdl = read_sdl()

    def get(
        self, attributes: Iterable[Mapping[str, Any]], revision: int
    ) -> GraphQLSchema:
        with self._lock:
            if self._schema is None or self._revision != revision:
                self._schema = build(attributes, self.resolvers, self._sdl)
                self._revision = revision
            return self._schema
