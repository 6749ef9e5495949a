"""Anatomy presets, project anatomy, roots, project folders, statistics,
URIs, product types and the other project-level helpers."""
from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import pytest

from ayon_api import ServerAPI
from ayon_api.exceptions import HTTPRequestError


@pytest.fixture
def project(ayon_connection: ServerAPI) -> Iterator[str]:
    name = f"px_{uuid.uuid4().hex[:8]}"
    ayon_connection.create_project(name, f"p{uuid.uuid4().hex[:5]}")
    yield name
    if ayon_connection.get_project(name, fields={"name"}) is not None:
        ayon_connection.delete_project(name)


def test_preset_lifecycle(ayon_connection: ServerAPI) -> None:
    con = ayon_connection
    name = f"preset_{uuid.uuid4().hex[:6]}"
    preset = con.get_built_in_anatomy_preset()
    con.save_project_anatomy_preset(name, preset)
    assert name in {p["name"] for p in con.get_project_anatomy_presets()}
    assert con.get_project_anatomy_preset(name)["roots"] == preset["roots"]
    renamed = f"{name}_b"
    con.rename_project_anatomy_preset(name, renamed)
    con.set_primary_anatomy_preset(renamed)
    assert con.get_default_anatomy_preset_name() == renamed
    con.unset_primary_anatomy_preset(renamed)
    assert con.get_default_anatomy_preset_name() != renamed
    con.delete_project_anatomy_preset(renamed)
    assert renamed not in {p["name"] for p in con.get_project_anatomy_presets()}
    assert isinstance(con.get_anatomy_schema(), dict)
    assert con.get_build_in_anatomy_preset() == preset


def test_project_from_a_named_preset(ayon_connection: ServerAPI) -> None:
    con = ayon_connection
    preset_name = f"preset_{uuid.uuid4().hex[:6]}"
    preset = con.get_built_in_anatomy_preset()
    preset["folder_types"] = [*preset["folder_types"],
                              {"name": "Chapter", "icon": "book"}]
    con.save_project_anatomy_preset(preset_name, preset)
    name = f"pp_{uuid.uuid4().hex[:8]}"
    try:
        created = con.create_project(name, "ppc" + uuid.uuid4().hex[:3],
                                     preset_name=preset_name,
                                     data={"origin": "test"})
        assert "Chapter" in {t["name"] for t in created["folderTypes"]}
        assert created["data"]["origin"] == "test"
        anatomy = con.get_project_anatomy(name)
        assert "Chapter" in {t["name"] for t in anatomy["folder_types"]}
        con.set_project_anatomy(name, anatomy)
    finally:
        con.delete_project(name)
        con.delete_project_anatomy_preset(preset_name)


def test_roots(ayon_connection: ServerAPI, project: str) -> None:
    con = ayon_connection
    by_platform = con.get_project_roots_by_platform(project, "linux")
    assert isinstance(by_platform, dict) and by_platform
    root_name = next(iter(by_platform))
    con.set_project_root_overrides(project, "site-a", {root_name: "/mnt/a"})
    assert con.get_project_root_overrides(project)["site-a"] == {
        root_name: "/mnt/a"}
    assert con.get_project_roots_by_site(project)["site-a"][root_name] == (
        "/mnt/a")
    assert con.get_project_root_overrides_by_site_id(project, "site-a") == {
        root_name: "/mnt/a"}
    assert con.get_project_roots_for_site(project, "site-a") == {
        root_name: "/mnt/a"}
    assert con.get_project_root_overrides_by_site_id(project) == {}
    site_roots = con.get_project_roots_by_site_id(project, "site-a")
    assert site_roots[root_name] == "/mnt/a"
    assert con.get_project_roots_by_site_id(project) == (
        con.get_project_roots_by_platform(project))


def test_project_folders(ayon_connection: ServerAPI, project: str) -> None:
    con = ayon_connection
    parent = con.create_project_folder(f"Studio {uuid.uuid4().hex[:4]}")
    child = con.create_project_folder("Commercials", parent_id=parent,
                                      data={"color": "red"})
    folders = {f["id"]: f for f in con.get_project_folders()}
    assert folders[child]["parentId"] == parent
    con.update_project_folder(child, label="Ads")
    assert {f["id"]: f for f in con.get_project_folders()}[child][
        "label"] == "Ads"
    con.set_project_folders_order([child, parent])
    con.assign_projects_to_project_folder(child, [project])
    listed = {p["name"]: p for p in con.get_rest_projects_list()}
    assert listed[project]["projectFolder"] == child
    assert "folders" in con.get_raw_project_folders()
    con.delete_project_folder(child)
    con.delete_project_folder(parent)
    assert child not in {f["id"] for f in con.get_project_folders()}


def test_project_level_helpers(ayon_connection: ServerAPI, project: str) -> None:
    con = ayon_connection
    folder = con.create_folder(project, "sh010", folder_type="Shot")
    task = con.create_task(project, "comp", "Compositing", folder,
                           tags=["urgent"])
    product = con.create_product(project, "renderMain", "render", folder)
    assert isinstance(con.get_project_stats(project), dict)
    assert isinstance(con.get_project_tags(project), dict)
    uris = con.get_project_entity_uris(project, "folder", [folder])
    assert uris[folder].startswith("ayon+entity://")
    assert con.get_project_entity_uris(project, "folder", []) == {}
    assert "render" in {t["name"] for t in con.get_product_types()}
    assert {t["name"] for t in con.get_project_product_types(project)} == {
        "render"}
    assert con.get_product_type_names(project, [product]) == {"render"}
    assert "render" in con.get_product_type_names(project)
    assert "render" in con.get_product_type_names()

    con.assign_users_to_task(project, task, ["admin"])
    assert con.get_task_by_id(project, task)["assignees"] == ["admin"]
    con.assign_users_to_task(project, task, ["admin"], mode="remove")
    assert con.get_task_by_id(project, task)["assignees"] == []
    with pytest.raises(ValueError):
        con.assign_users_to_task(project, task, ["admin"], mode="toggle")

    found = con.search_folders(project, search="sh010")
    assert found == {folder}


def test_rename_project(ayon_connection: ServerAPI) -> None:
    con = ayon_connection
    name = f"rn_{uuid.uuid4().hex[:8]}"
    con.create_project(name, "rn" + uuid.uuid4().hex[:4])
    new_name = f"{name}_new"
    try:
        con.rename_project(name, new_name, "rnnew")
        assert con.get_project(name) is None
        assert con.get_project(new_name)["code"] == "rnnew"
    finally:
        for candidate in (name, new_name):
            if con.get_project(candidate, fields={"name"}) is not None:
                con.delete_project(candidate)
    with pytest.raises(ValueError):
        con.rename_project(new_name, "bad name")


def test_repre_ids_by_context_filters(ayon_connection: ServerAPI,
                                      project: str) -> None:
    con = ayon_connection
    folder = con.create_folder(project, "sh010", folder_type="Shot")
    product = con.create_product(project, "renderMain", "render", folder)
    version = con.create_version(project, 1, product)
    exr = con.create_representation(
        project, "exr", version,
        data={"context": {"folder": {"name": "sh010"}, "ext": "exr"}})
    con.create_representation(
        project, "mov", version,
        data={"context": {"folder": {"name": "sh010"}, "ext": "mov"}})
    found = con.get_repre_ids_by_context_filters(
        project, {"ext": [re.compile("^ex")]})
    assert found == [exr]
    assert con.get_repre_ids_by_context_filters(
        project, {"ext": ["exr"]}, representation_names=[]) == []


def test_server_errors_carry_the_detail(ayon_connection: ServerAPI,
                                        project: str) -> None:
    with pytest.raises(HTTPRequestError) as caught:
        ayon_connection.create_folder(project, "x", folder_type="NoSuchType")
    assert caught.value.status_code in (400, 409, 422)
    assert "NoSuchType" in str(caught.value) or caught.value.detail
