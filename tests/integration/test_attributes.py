"""Attribute schema: reading, configuring, and the per-connection cache."""
from __future__ import annotations

import uuid
from typing import Any

import pytest

from ayon_api import ServerAPI


def test_schema_and_types(ayon_connection: ServerAPI) -> None:
    schema = ayon_connection.get_attributes_schema()
    names = {attr["name"] for attr in schema["attributes"]}
    assert {"fps", "frameStart", "fullName"} <= names
    folder_attrs = ayon_connection.get_attributes_for_type("folder")
    assert folder_attrs["fps"]["type"] == "float"
    assert "fullName" not in folder_attrs
    assert "attrib.fps" in ayon_connection.get_attributes_fields_for_type(
        "folder")
    with pytest.raises(ValueError):
        ayon_connection.get_attributes_for_type("")


def test_configure_attribute(ayon_server: Any) -> None:
    con = ServerAPI(ayon_server.url, token=ayon_server.api_key)
    other = ServerAPI(ayon_server.url, token=ayon_server.api_key)
    name = f"tool{uuid.uuid4().hex[:6]}"
    assert name not in other.get_attributes_for_type("folder")  # cached now
    con.set_attribute_config(
        name, {"type": "string", "title": "Tool", "default": "nuke"},
        ["folder", "task"])
    try:
        assert con.get_attributes_for_type("task")[name]["title"] == "Tool"
        # The cache belongs to each connection: the other one still holds
        # its copy until it is reset.
        assert name not in other.get_attributes_for_type("folder")
        other.reset_attributes_schema()
        assert name in other.get_attributes_for_type("folder")

        project = f"at_{uuid.uuid4().hex[:8]}"
        con.create_project(project, f"a{uuid.uuid4().hex[:5]}")
        try:
            folder = con.create_folder(project, "sh010", folder_type="Shot",
                                       attrib={name: "houdini"})
            assert con.get_folder_by_id(project, folder)["attrib"][name] == (
                "houdini")
        finally:
            con.delete_project(project)
        position = next(a["position"] for a in con.get_attributes_schema()[
            "attributes"] if a["name"] == name)
        con.set_attribute_config(name, {"type": "string", "title": "DCC"},
                                 ["folder"])
        again = next(a for a in con.get_attributes_schema()["attributes"]
                     if a["name"] == name)
        assert again["position"] == position
        assert again["scope"] == ["folder"]
    finally:
        con.remove_attribute_config(name)
    assert name not in con.get_attributes_for_type("folder")
    with pytest.raises(TypeError):
        con.set_attribute_config(name, "not a dict", ["folder"])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        con.set_attribute_config(name, {}, "folder")  # type: ignore[arg-type]
