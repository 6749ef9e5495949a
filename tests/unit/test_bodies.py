"""Create/update bodies of project entities (``resources/_bodies.py``): the
keys, what is left out, the input checks, and that the REST methods and
the OperationsSession helpers both build their bodies with them."""
from __future__ import annotations

import ast
import inspect
import textwrap
from typing import Any, Callable

import pytest

from ayon_api.operations import (
    OperationsSession,
    new_folder_entity,
    new_representation_entity,
    new_task_entity,
)
from ayon_api.resources import _bodies
from ayon_api.resources._bodies import (
    folder_create_body,
    folder_update_body,
    product_create_body,
    product_update_body,
    representation_create_body,
    representation_update_body,
    task_create_body,
    task_update_body,
    version_create_body,
    version_update_body,
    workfile_create_body,
    workfile_update_body,
)
from ayon_api.server_api import ServerAPI
from ayon_api.utils import NOT_SET

IDS = [f"{i:032x}" for i in range(1, 6)]
DASHED = "AAAAAAAA-AAAA-AAAA-AAAA-AAAAAAAAAAAA"

# (entity type, REST/session create method, update method)
METHODS = [
    ("folder", "create_folder", "update_folder"),
    ("task", "create_task", "update_task"),
    ("product", "create_product", "update_product"),
    ("version", "create_version", "update_version"),
    ("representation", "create_representation", "update_representation"),
    ("workfile", "create_workfile_entity", "update_workfile_entity"),
]


def test_create_body_keys_and_left_out_values() -> None:
    assert folder_create_body(
        "sh010", "Shot", IDS[0], "Shot 10", {"fps": 25}, {"a": 1},
        ("x", "y", "x"), "Ready", False, IDS[1],
    ) == {"name": "sh010", "folderType": "Shot", "parentId": IDS[0],
          "label": "Shot 10", "attrib": {"fps": 25}, "data": {"a": 1},
          "tags": ["x", "y"], "status": "Ready", "active": False,
          "thumbnailId": IDS[1]}
    assert folder_create_body("sh010") == {"name": "sh010"}
    assert task_create_body("comp", "Compositing", IDS[0],
                            assignees=["ann"]) == {
        "name": "comp", "taskType": "Compositing", "folderId": IDS[0],
        "assignees": ["ann"]}
    assert product_create_body("renderMain", "render", IDS[0],
                               product_base_type="render") == {
        "name": "renderMain", "productType": "render",
        "productBaseType": "render", "folderId": IDS[0]}
    assert version_create_body(3, IDS[0], task_id=IDS[1], author="me") == {
        "version": 3, "productId": IDS[0], "taskId": IDS[1], "author": "me"}
    assert representation_create_body(
        "exr", IDS[0], [{"id": "f"}], traits={"t": 1}) == {
        "name": "exr", "versionId": IDS[0], "files": [{"id": "f"}],
        "traits": {"t": 1}}
    assert workfile_create_body("/w/a.ma", IDS[0], IDS[1]) == {
        "path": "/w/a.ma", "taskId": IDS[0], "thumbnailId": IDS[1]}


def test_update_body_none_is_not_given_but_clears_not_set_parameters(
) -> None:
    assert folder_update_body() == {}
    assert folder_update_body(name="a", active=True) == {"name": "a",
                                                         "active": True}
    assert folder_update_body(parent_id=None, label=None,
                              thumbnail_id=None) == {
        "parentId": None, "label": None, "thumbnailId": None}
    assert folder_update_body(parent_id=DASHED) == {"parentId": "a" * 32}
    assert task_update_body(label=None, folder_id=IDS[0]) == {
        "label": None, "folderId": IDS[0]}
    assert task_update_body(thumbnail_id=None) == {"thumbnailId": None}
    assert product_update_body(folder_id=IDS[0], product_type="x") == {
        "folderId": IDS[0], "productType": "x"}
    assert version_update_body(version=0, task_id=None) == {
        "version": 0, "taskId": None}
    assert version_update_body(task_id=IDS[1], thumbnail_id=None) == {
        "taskId": IDS[1], "thumbnailId": None}
    assert representation_update_body(files=[], tags=[]) == {
        "files": [], "tags": []}
    assert workfile_update_body(thumbnail_id=None, created_by="ann") == {
        "thumbnailId": None, "createdBy": "ann"}
    assert workfile_update_body() == {}


@pytest.mark.parametrize(("call", "error", "fragment"), [
    (lambda: folder_create_body(""), ValueError, "folder name ''"),
    (lambda: folder_create_body("a", parent_id="nope"), ValueError,
     "parent id 'nope'"),
    (lambda: folder_create_body("a", tags="hero"), TypeError, "'hero'"),
    (lambda: folder_create_body("a", attrib=[1]), TypeError,
     "attrib must be a dict"),
    (lambda: folder_update_body(parent_id="nope"), ValueError, "'nope'"),
    (lambda: folder_update_body(data="x"), TypeError, "data must be a dict"),
    (lambda: task_create_body("a", "", IDS[0]), ValueError, "task type"),
    (lambda: task_create_body("a", "b", "x"), ValueError, "folder id 'x'"),
    (lambda: task_update_body(assignees="ann"), TypeError, "'ann'"),
    (lambda: product_create_body("a", None, IDS[0]), ValueError,
     "product type None"),
    (lambda: product_update_body(folder_id=5), ValueError, "folder id 5"),
    (lambda: version_create_body(True, IDS[0]), TypeError,
     "version must be an int, got True"),
    (lambda: version_create_body("1", IDS[0]), TypeError, "'1'"),
    (lambda: version_update_body(version=1.5), TypeError, "1.5"),
    (lambda: version_update_body(task_id="t"), ValueError, "task id 't'"),
    (lambda: representation_create_body("a", IDS[0], files={}), TypeError,
     "files must be a list of dicts"),
    (lambda: representation_update_body(files="f"), TypeError, "'f'"),
    (lambda: representation_update_body(traits=[]), TypeError,
     "traits must be a dict"),
    (lambda: workfile_create_body(" ", IDS[0]), ValueError,
     "workfile path ' '"),
    (lambda: workfile_update_body(task_id="t"), ValueError, "task id 't'"),
])
def test_bad_input_names_the_value(call: Callable[[], Any], error: type,
                                   fragment: str) -> None:
    with pytest.raises(error) as info:
        call()
    assert fragment in str(info.value)


def test_checks_of_files_and_versions() -> None:
    assert _bodies.check_files(None) is None
    with pytest.raises(TypeError, match="None"):
        _bodies.check_files(None, required=True)
    assert _bodies.check_version(-3) == -3
    with pytest.raises(TypeError):
        _bodies.check_version(False)


def test_session_queues_the_body_with_an_id() -> None:
    session = OperationsSession()
    operation = session.create_folder("P", "sh010", "Shot", parent_id=IDS[0],
                                      tags=["a"], folder_id=IDS[2])
    assert operation.data == {"id": IDS[2], **folder_create_body(
        "sh010", "Shot", IDS[0], tags=["a"])}
    created = session.create_version("P", 1, IDS[0])
    assert set(created.data) == {"id", "version", "productId"}
    update = session.update_version("P", IDS[3], task_id=None, author="me")
    assert update.update_data == {"taskId": None, "author": "me"}
    with pytest.raises(ValueError, match="version id 'x'"):
        session.create_version("P", 1, IDS[0], version_id="x")


def test_new_entity_helpers_use_the_create_bodies() -> None:
    folder = new_folder_entity("sh010", "Shot", tags=["a", "a"],
                               entity_id=IDS[0])
    assert folder == {"id": IDS[0], "name": "sh010", "folderType": "Shot",
                      "parentId": None, "attrib": {}, "data": {},
                      "tags": ["a"]}
    attrib = {"fps": 25}
    task = new_task_entity("comp", "Comp", IDS[1], attrib=attrib)
    assert task["attrib"] == attrib and task["attrib"] is not attrib
    files = [{"id": "f"}]
    repre = new_representation_entity("exr", IDS[2], files)
    assert repre["files"] == files and repre["files"] is not files
    with pytest.raises(TypeError, match="files must be a list"):
        new_representation_entity("exr", IDS[2], None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="task type"):
        new_task_entity("comp", "", IDS[1])


def _body_calls(method: Callable[..., Any], body: Callable[..., Any]
                ) -> list[ast.Call]:
    tree = ast.parse(textwrap.dedent(inspect.getsource(method)))
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == body.__name__]


@pytest.mark.parametrize("owner", [ServerAPI, OperationsSession])
@pytest.mark.parametrize(("entity_type", "create", "update"), METHODS)
def test_methods_pass_every_parameter_to_their_body(
        owner: type, entity_type: str, create: str, update: str) -> None:
    """Each REST method and session helper calls its body function once,
    with its own parameters of the same names and defaults, in order."""
    for name, verb in ((create, "create"), (update, "update")):
        method = getattr(owner, name)
        body = getattr(_bodies, f"{entity_type}_{verb}_body")
        body_params = inspect.signature(body).parameters
        method_params = dict(inspect.signature(method).parameters)
        for skipped in ("self", "project_name", f"{entity_type}_id"):
            method_params.pop(skipped)
        assert set(method_params) == set(body_params), name
        for param in body_params.values():
            assert method_params[param.name].default == param.default, (
                name, param.name)
        calls = _body_calls(method, body)
        assert len(calls) == 1, name
        (call,) = calls
        assert not call.keywords
        passed = [arg.id for arg in call.args if isinstance(arg, ast.Name)]
        assert passed == list(body_params), name


def test_update_defaults_are_none_or_not_set() -> None:
    for entity_type, _, _ in METHODS:
        body = getattr(_bodies, f"{entity_type}_update_body")
        for param in inspect.signature(body).parameters.values():
            assert param.default is None or param.default is NOT_SET
