"""A small show built through the client, shared by the hierarchy tests."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from ayon_api import ServerAPI


@dataclass
class Show:
    project_name: str
    folders: dict[str, str] = field(default_factory=dict)  # path -> id
    tasks: dict[str, str] = field(default_factory=dict)  # "path/task" -> id
    products: dict[str, str] = field(default_factory=dict)  # "path/name" -> id
    versions: dict[str, str] = field(default_factory=dict)  # "prod/vNNN" -> id
    representations: dict[str, str] = field(default_factory=dict)


def build_show(con: ServerAPI) -> Show:
    """Project with episodes/sequences/shots and assets, tasks, products,
    versions (1..3 and a hero) and representations."""
    name = f"show_{uuid.uuid4().hex[:8]}"
    con.create_project(name, f"s{uuid.uuid4().hex[:5]}")
    con.update_project(name, attrib={"fps": 24.0, "resolutionWidth": 2048})
    show = Show(name)

    def folder(path: str, folder_type: str, **kwargs: Any) -> str:
        parent, _, leaf = path.rpartition("/")
        folder_id = con.create_folder(
            name, leaf, folder_type=folder_type,
            parent_id=show.folders.get(parent), **kwargs)
        show.folders[path] = folder_id
        return folder_id

    folder("/ep01", "Episode")
    folder("/ep01/sq010", "Sequence")
    folder("/ep01/sq010/sh010", "Shot",
           attrib={"frameStart": 1001, "frameEnd": 1100}, tags=["hero"])
    folder("/ep01/sq010/sh020", "Shot", status="In progress")
    folder("/ep01/sq010/sh030", "Shot", active=False)
    folder("/assets", "Folder")
    folder("/assets/chars", "Folder")
    folder("/assets/chars/robot", "Asset", label="Robot")

    for path, task_name, task_type, assignees in (
        ("/ep01/sq010/sh010", "compositing", "Compositing", ["admin"]),
        ("/ep01/sq010/sh010", "animation", "Animation", []),
        ("/ep01/sq010/sh020", "compositing", "Compositing", []),
        ("/assets/chars/robot", "modeling", "Modeling", ["admin"]),
    ):
        show.tasks[f"{path}/{task_name}"] = con.create_task(
            name, task_name, task_type, show.folders[path], assignees=assignees)

    for path, product_name, product_type in (
        ("/ep01/sq010/sh010", "renderMain", "render"),
        ("/ep01/sq010/sh010", "plateMain", "plate"),
        ("/assets/chars/robot", "modelMain", "model"),
    ):
        show.products[f"{path}/{product_name}"] = con.create_product(
            name, product_name, product_type, show.folders[path])

    render = show.products["/ep01/sq010/sh010/renderMain"]
    comp = show.tasks["/ep01/sq010/sh010/compositing"]
    for number in (1, 2, 3):
        show.versions[f"renderMain/v{number:03d}"] = con.create_version(
            name, number, render, task_id=comp,
            attrib={"comment": f"take {number}"})
    show.versions["renderMain/hero"] = con.create_version(name, -3, render)
    show.versions["modelMain/v001"] = con.create_version(
        name, 1, show.products["/assets/chars/robot/modelMain"])

    for version_key in ("renderMain/v001", "renderMain/v003"):
        for repre_name in ("exr", "mov"):
            show.representations[f"{version_key}/{repre_name}"] = (
                con.create_representation(
                    name, repre_name, show.versions[version_key],
                    files=[{"id": uuid.uuid4().hex, "name": f"f.{repre_name}",
                            "path": f"{{root[work]}}/{name}/f.{repre_name}",
                            "size": 1024, "hash": "abc"}],
                    data={"context": {"representation": repre_name}}))
    return show
