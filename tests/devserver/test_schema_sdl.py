"""The served GraphQL SDL is a subset of the real server's schema: same type
names, field names, field types and arguments."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import (
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    build_schema,
)

from ayon_devserver.graphql import all_resolvers
from ayon_devserver.graphql.schema import build, read_sdl

REFERENCE = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "reference"
    / "ayon-server-schema.graphql"
)


@pytest.mark.skipif(not REFERENCE.exists(), reason="reference schema not present")
def test_sdl_is_a_subset_of_the_real_schema() -> None:
    ours = build_schema(read_sdl())
    real = build_schema(REFERENCE.read_text())
    problems = []
    for name, type_ in ours.type_map.items():
        if name.startswith("__"):
            continue
        real_type = real.type_map.get(name)
        if real_type is None or type(real_type) is not type(type_):
            problems.append(f"type {name}")
            continue
        if not isinstance(
            type_, (GraphQLObjectType, GraphQLInterfaceType, GraphQLInputObjectType)
        ):
            continue
        for field_name, field in type_.fields.items():
            real_field = real_type.fields.get(field_name)  # type: ignore[union-attr]
            if real_field is None or str(real_field.type) != str(field.type):
                problems.append(f"field {name}.{field_name}")
                continue
            args = getattr(field, "args", {})
            real_args = getattr(real_field, "args", {})
            for arg_name, arg in args.items():
                real_arg = real_args.get(arg_name)
                if real_arg is None or str(real_arg.type) != str(arg.type):
                    problems.append(f"argument {name}.{field_name}({arg_name})")
            missing_required = [
                a
                for a, real_arg in real_args.items()
                if a not in args
                and "!" in str(real_arg.type)
                and real_arg.default_value is None
            ]
            if missing_required:
                problems.append(f"required arguments {name}.{field_name}")
    assert problems == []


def test_every_resolver_is_bound_to_the_sdl() -> None:
    build([], all_resolvers())  # raises on a resolver for an unknown field
