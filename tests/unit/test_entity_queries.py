"""Pure parts of the entity getters: filters, field selection, parsing."""
from __future__ import annotations

import pytest

from ayon_api.resources._entities import (
    FOLDER,
    REPRESENTATION,
    Filters,
    build_query,
    check_entity_id,
    check_ids,
    entity_fields,
    parse_entity,
)


def test_filters_declare_only_given_values() -> None:
    filters = Filters()
    assert filters.add("folderIds", "ids", "[String!]", ["a" * 32])
    assert filters.add("folderNames", "names", "[String!]", None)
    assert not filters.add("folderTypes", "folderTypes", "[String!]", [])
    query, variables = build_query("P", FOLDER, filters, {"id", "attrib.x"})
    assert "$folderIds: [String!]" in query
    assert "ids: $folderIds" in query
    assert "folderNames" not in query
    assert variables == {"projectName": "P", "folderIds": ["a" * 32,]}
    assert "first: $first, after: $after" in query


def test_json_filter() -> None:
    filters = Filters()
    filters.add_json_filter({"conditions": [], "operator": "and"})
    assert filters.variables["filter"] == '{"conditions": [], "operator": "and"}'
    with pytest.raises(TypeError):
        Filters().add_json_filter(5)


def test_entity_fields() -> None:
    assert "allAttrib" in entity_fields(FOLDER, None)
    assert entity_fields(FOLDER, ["attrib.fps", "name"]) == {"allAttrib", "name"}
    assert entity_fields(FOLDER, ["name"], own_attributes=True, active=True) == {
        "name", "ownAttrib", "active"}
    files = entity_fields(REPRESENTATION, ["files"])
    assert {"files.size", "files.path"} <= files
    assert entity_fields(FOLDER, [], defaults={"x"}) == {"x"}
    with pytest.raises(TypeError):
        entity_fields(FOLDER, "name")


def test_parse_entity() -> None:
    folder = parse_entity(FOLDER, {
        "allAttrib": '{"fps": 25}', "data": None,
        "ownAttrib": ["fps"]}, own_attributes=True)
    assert folder["attrib"] == {"fps": 25}
    assert folder["data"] == {}
    assert folder["ownAttrib"] == {"fps": 25}
    repre = parse_entity(REPRESENTATION, {
        "context": '{"a": 1}', "data": '{"b": 2}',
        "files": [{"size": "12"}]}, own_attributes=False)
    assert repre["context"] == {"a": 1} and repre["data"] == {"b": 2}
    assert repre["files"][0]["size"] == 12


def test_id_checks() -> None:
    dashed = "12345678-1234-1234-1234-1234567890AB"
    assert check_entity_id(dashed) == dashed.replace("-", "").lower()
    with pytest.raises(ValueError, match="nope"):
        check_entity_id("nope")
    assert check_ids(["a" * 32, "a" * 32], "folder_ids") == ["a" * 32]
    with pytest.raises(TypeError):
        check_ids("a" * 32, "folder_ids")
