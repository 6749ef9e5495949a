"""Reading a show: every getter and filter of folders, tasks, products,
versions, representations and workfiles."""
from __future__ import annotations

from collections.abc import Iterator
from types import GeneratorType
from typing import Any

import pytest

from ayon_api import ServerAPI
from ayon_api.resources import _entities
from tests.faults.proxy import FaultProxy

from .hierarchy_helpers import Show, build_show


@pytest.fixture(scope="module")
def show_con(ayon_server: Any) -> Iterator[ServerAPI]:
    con = ServerAPI(ayon_server.url, token=ayon_server.api_key)
    yield con
    con.close_session()


@pytest.fixture(scope="module")
def show(show_con: ServerAPI) -> Show:
    return build_show(show_con)


def _paths(folders: Any) -> set[str]:
    return {folder["path"] for folder in folders}


def test_folders_default_fields_and_inheritance(show_con: ServerAPI,
                                                show: Show) -> None:
    folders = list(show_con.get_folders(show.project_name))
    assert "/ep01/sq010/sh030" not in _paths(folders)  # inactive hidden
    assert len(folders) == len(show.folders) - 1
    shot = next(f for f in folders if f["path"] == "/ep01/sq010/sh010")
    assert {"id", "name", "label", "folderType", "path", "parentId", "active",
            "thumbnailId", "data", "status", "tags", "attrib"} <= set(shot)
    assert "allAttrib" not in shot
    assert shot["attrib"]["frameStart"] == 1001
    assert shot["attrib"]["fps"] == 24.0  # inherited from the project
    assert shot["parentId"] == show.folders["/ep01/sq010"]
    assert shot["data"] == {}
    assert shot["tags"] == ["hero"]


@pytest.mark.parametrize("kwargs, expected", [
    ({"folder_paths": ["/ep01/sq010/sh010", "/assets"]},
     {"/ep01/sq010/sh010", "/assets"}),
    ({"folder_names": ["robot"]}, {"/assets/chars/robot"}),
    ({"folder_types": ["Shot"]}, {"/ep01/sq010/sh010", "/ep01/sq010/sh020"}),
    ({"parent_ids": [None]}, {"/ep01", "/assets"}),
    ({"folder_path_regex": "sh0[12]0$"},
     {"/ep01/sq010/sh010", "/ep01/sq010/sh020"}),
    ({"has_products": True}, {"/ep01/sq010/sh010", "/assets/chars/robot"}),
    ({"has_tasks": True},
     {"/ep01/sq010/sh010", "/ep01/sq010/sh020", "/assets/chars/robot"}),
    ({"has_children": False, "folder_types": ["Shot", "Asset"]},
     {"/ep01/sq010/sh010", "/ep01/sq010/sh020", "/assets/chars/robot"}),
    ({"statuses": ["In progress"]}, {"/ep01/sq010/sh020"}),
    ({"tags": ["hero"]}, {"/ep01/sq010/sh010"}),
    ({"active": False}, {"/ep01/sq010/sh030"}),
    ({"active": None, "folder_types": ["Shot"]},
     {"/ep01/sq010/sh010", "/ep01/sq010/sh020", "/ep01/sq010/sh030"}),
    ({"folder_names": []}, set()),
    ({"has_links": "none", "folder_types": ["Asset"]}, {"/assets/chars/robot"}),
])
def test_folder_filters(show_con: ServerAPI, show: Show,
                        kwargs: dict[str, Any], expected: set[str]) -> None:
    found = show_con.get_folders(show.project_name, fields={"path"}, **kwargs)
    assert _paths(found) == expected


def test_folder_filter_by_ids_and_parent_project_name(show_con: ServerAPI,
                                                      show: Show) -> None:
    ids = [show.folders["/ep01"], show.folders["/assets/chars"]]
    assert _paths(show_con.get_folders(show.project_name, folder_ids=ids)) == {
        "/ep01", "/assets/chars"}
    roots = show_con.get_folders(show.project_name,
                                 parent_ids=[show.project_name])
    assert _paths(roots) == {"/ep01", "/assets"}


def test_folder_lookups(show_con: ServerAPI, show: Show) -> None:
    project = show.project_name
    by_path = show_con.get_folder_by_path(project, "/ep01/sq010/sh030")
    assert by_path["id"] == show.folders["/ep01/sq010/sh030"]  # inactive too
    assert show_con.get_folder_by_path(project, "ep01/sq010")["name"] == "sq010"
    assert show_con.get_folder_by_path(project, "/nope") is None
    robot_id = show.folders["/assets/chars/robot"]
    robot = show_con.get_folder_by_id(project, robot_id, fields={"label"})
    assert robot == {"label": "Robot"}
    assert show_con.get_folder_by_name(project, "robot")["id"] == robot_id
    with_products = show_con.get_folder_ids_with_products(project)
    assert with_products == {show.folders["/ep01/sq010/sh010"], robot_id}


def test_folder_own_attributes(show_con: ServerAPI, show: Show) -> None:
    shot = show_con.get_folder_by_id(
        show.project_name, show.folders["/ep01/sq010/sh010"],
        own_attributes=True)
    assert isinstance(shot["ownAttrib"], dict)
    assert shot["ownAttrib"]["frameStart"] == 1001


def test_folders_rest_and_hierarchy(show_con: ServerAPI, show: Show) -> None:
    flat = show_con.get_rest_folders(show.project_name, include_attrib=True)
    assert {f["path"] for f in flat} >= {"/ep01/sq010/sh010", "/assets"}
    assert show_con.get_folders_rest(show.project_name) is not None
    hierarchy = show_con.get_folders_hierarchy(show.project_name)
    assert {node["name"] for node in hierarchy["hierarchy"]} == {"ep01",
                                                                 "assets"}
    rest = show_con.get_rest_folder(show.project_name,
                                    show.folders["/assets"])
    assert rest["name"] == "assets"
    entity = show_con.get_rest_entity_by_id(show.project_name, "folder",
                                            show.folders["/assets"])
    assert entity["id"] == show.folders["/assets"]
    assert show_con.get_rest_entity_by_id(show.project_name, "folder",
                                          "0" * 32) is None


def test_tasks(show_con: ServerAPI, show: Show) -> None:
    project = show.project_name
    shot = show.folders["/ep01/sq010/sh010"]
    tasks = list(show_con.get_tasks(project, folder_ids=[shot]))
    assert {t["name"] for t in tasks} == {"compositing", "animation"}
    assert tasks[0]["attrib"]["fps"] == 24.0
    assert {t["folderId"] for t in show_con.get_tasks(
        project, task_types=["Compositing"])} == {
        shot, show.folders["/ep01/sq010/sh020"]}
    assert {t["name"] for t in show_con.get_tasks(
        project, assignees=["admin"])} == {"compositing", "modeling"}
    assert {t["name"] for t in show_con.get_tasks(
        project, assignees_all=["admin"], task_names=["modeling"])} == {
        "modeling"}
    task = show_con.get_task_by_name(project, shot, "animation")
    assert task["id"] == show.tasks["/ep01/sq010/sh010/animation"]
    assert show_con.get_task_by_id(project, task["id"])["name"] == "animation"
    by_paths = show_con.get_tasks_by_folder_paths(
        project, ["/ep01/sq010/sh010", "/nope"], task_types=["Animation"])
    assert [t["name"] for t in by_paths["/ep01/sq010/sh010"]] == ["animation"]
    assert by_paths["/nope"] == []
    assert show_con.get_task_by_folder_path(
        project, "/assets/chars/robot", "modeling")["taskType"] == "Modeling"
    assert show_con.get_tasks_by_folder_path(project, "/ep01") == []
    assert show_con.get_rest_task(project, task["id"])["name"] == "animation"


def test_products(show_con: ServerAPI, show: Show) -> None:
    project = show.project_name
    shot, robot = show.folders["/ep01/sq010/sh010"], show.folders[
        "/assets/chars/robot"]
    products = list(show_con.get_products(project, folder_ids=[shot]))
    assert {p["name"] for p in products} == {"renderMain", "plateMain"}
    assert {"id", "name", "folderId", "productType", "attrib"} <= set(
        products[0])
    assert {p["name"] for p in show_con.get_products(
        project, product_types=["model"])} == {"modelMain"}
    assert {p["name"] for p in show_con.get_products(
        project, product_name_regex="^render")} == {"renderMain"}
    pairs = show_con.get_products(
        project, names_by_folder_ids={shot: ["plateMain"], robot: [
            "renderMain"]})
    assert [p["name"] for p in pairs] == ["plateMain"]
    render = show_con.get_product_by_name(project, "renderMain", shot)
    assert render["id"] == show.products["/ep01/sq010/sh010/renderMain"]
    assert show_con.get_product_by_id(project, render["id"])["name"] == (
        "renderMain")
    assert show_con.get_rest_product(project, render["id"])["name"] == (
        "renderMain")
    with pytest.warns(DeprecationWarning):
        show_con.get_product_by_id(project, render["id"], own_attributes=True)


def test_versions(show_con: ServerAPI, show: Show) -> None:
    project = show.project_name
    render = show.products["/ep01/sq010/sh010/renderMain"]
    every = {v["version"] for v in show_con.get_versions(
        project, product_ids=[render])}
    assert every == {1, 2, 3, -3}
    assert {v["version"] for v in show_con.get_versions(
        project, product_ids=[render], hero=False)} == {1, 2, 3}
    assert {v["version"] for v in show_con.get_versions(
        project, product_ids=[render], standard=False)} == {-3}
    assert {v["version"] for v in show_con.get_versions(
        project, product_ids=[render], hero=False, latest=True)} == {3}
    assert {v["version"] for v in show_con.get_versions(
        project, product_ids=[render], latest=True)} == {3, -3}
    assert list(show_con.get_versions(project, hero=False, standard=False)) == []
    assert {v["version"] for v in show_con.get_versions(
        project, product_ids=[render], versions=[1, 2])} == {1, 2}
    v1 = show_con.get_version_by_name(project, 1, render)
    assert v1["attrib"]["comment"] == "take 1"
    assert v1["taskId"] == show.tasks["/ep01/sq010/sh010/compositing"]
    assert show_con.get_version_by_id(project, v1["id"])["version"] == 1
    last = show_con.get_last_versions(project, [render, show.products[
        "/ep01/sq010/sh010/plateMain"]])
    assert last[render]["version"] == 3
    assert last[show.products["/ep01/sq010/sh010/plateMain"]] is None
    assert show_con.get_last_version_by_product_id(project, render)[
        "version"] == 3
    assert show_con.get_last_version_by_product_name(
        project, "renderMain", show.folders["/ep01/sq010/sh010"])["id"] == (
        show.versions["renderMain/v003"])
    hero = show_con.get_hero_version_by_product_id(project, render)
    assert hero["version"] == -3
    assert show_con.get_hero_version_by_id(project, hero["id"])["id"] == (
        hero["id"])
    assert [v["id"] for v in show_con.get_hero_versions(project)] == [
        hero["id"]]
    assert show_con.version_is_latest(project, show.versions["renderMain/v003"])
    assert not show_con.version_is_latest(project, v1["id"])
    assert show_con.get_rest_version(project, v1["id"])["version"] == 1


def test_representations(show_con: ServerAPI, show: Show) -> None:
    project = show.project_name
    v1, v3 = show.versions["renderMain/v001"], show.versions["renderMain/v003"]
    repres = list(show_con.get_representations(project, version_ids=[v1]))
    assert {r["name"] for r in repres} == {"exr", "mov"}
    exr = next(r for r in repres if r["name"] == "exr")
    assert exr["files"][0]["size"] == 1024
    assert isinstance(exr["files"][0]["size"], int)
    assert exr["data"]["context"] == {"representation": "exr"}
    assert exr["context"] == {"representation": "exr"}
    pairs = show_con.get_representations(
        project, names_by_version_ids={v1: ["exr"], v3: ["mov"]})
    assert {(r["versionId"], r["name"]) for r in pairs} == {
        (v1, "exr"), (v3, "mov")}
    assert show_con.get_representation_by_name(project, "mov", v3)["id"] == (
        show.representations["renderMain/v003/mov"])
    assert show_con.get_representation_by_id(project, exr["id"])["name"] == (
        "exr")
    hierarchy = show_con.get_representations_hierarchy(project, [exr["id"]])
    item = hierarchy[exr["id"]]
    assert item.project["name"] == project
    assert item.folder["path"] == "/ep01/sq010/sh010"
    assert item.task["name"] == "compositing"
    assert item.product["name"] == "renderMain"
    assert item.version["version"] == 1
    assert item.representation["name"] == "exr"
    parents = show_con.get_representation_parents(project, exr["id"])
    assert parents.folder["id"] == show.folders["/ep01/sq010/sh010"]
    assert parents.version["id"] == v1
    assert show_con.get_representations_parents(project, []) == {}
    assert show_con.get_rest_representation(project, exr["id"])["name"] == (
        "exr")


def test_getters_are_lazy_generators(show: Show, proxy: FaultProxy,
                                     ayon_server: Any) -> None:
    con = ServerAPI(proxy.url, token=ayon_server.api_key)
    before = len(proxy.seen)
    folders = con.get_folders(show.project_name)
    assert isinstance(folders, (GeneratorType, Iterator))
    assert len(proxy.seen) == before
    next(folders)
    assert len(proxy.seen) == before + 1


def test_paging_across_many_pages(show_con: ServerAPI, show: Show,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    expected = {p for p in show.folders if p != "/ep01/sq010/sh030"}
    monkeypatch.setattr(_entities, "ENTITY_PAGE_SIZE", 3)
    assert _paths(show_con.get_folders(show.project_name)) == expected


def test_bad_input_fails_before_any_request(show: Show, proxy: FaultProxy,
                                            ayon_server: Any) -> None:
    con = ServerAPI(proxy.url, token=ayon_server.api_key)
    before = len(proxy.seen)
    with pytest.raises(ValueError, match="not-an-id"):
        con.get_folders(show.project_name, folder_ids=["not-an-id"])
    with pytest.raises(TypeError):
        con.get_folders(show.project_name, folder_names="single")
    with pytest.raises(TypeError):
        con.get_folders(show.project_name, fields="name")
    with pytest.raises(ValueError):
        con.get_folders("", folder_names=["x"])
    with pytest.raises(ValueError):
        con.get_folder_by_id(show.project_name, "123")
    with pytest.raises(TypeError):
        con.get_versions(show.project_name, versions=["1"])
    with pytest.raises(TypeError):
        con.create_folder(show.project_name, "x", attrib=["no"])
    with pytest.raises(ValueError):
        con.create_task(show.project_name, "", "Compositing", "0" * 32)
    with pytest.raises(ValueError):
        con.get_rest_entity_by_id(show.project_name, "shoe", "0" * 32)
    with pytest.raises(ValueError, match="sideways"):
        con.get_folders(show.project_name, has_links="sideways")
    with pytest.raises(ValueError, match="bad name!"):
        con.create_project("bad name!", "bn")
    assert len(proxy.seen) == before
