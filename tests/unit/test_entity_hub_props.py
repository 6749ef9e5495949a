"""Property test of EntityHub against the in-memory server: any sequence of
edits, committed, leaves the hub equal to a fresh hub read back from the
server (the same edits run over real HTTP in
tests/integration/test_entity_hub_props.py)."""
from __future__ import annotations

import itertools
from typing import Any, Callable

import pytest

from ayon_api.entity_hub import EntityHub, FolderEntity, TaskEntity
from tests.unit.test_entity_hub_commit import (
    FakeServer,
    fetched_hub,
    snapshot,
)

hypothesis = pytest.importorskip("hypothesis")
st = hypothesis.strategies

EDITS = ("new_folder", "new_task", "rename", "move", "delete", "attrib",
         "data", "active", "status", "tags", "label", "assignees")
ATTRIB_VALUES = {"fps": [24.0, 25.0, 30.0, None],
                 "frameStart": [1, 1001, None]}


def live(hub: EntityHub, kind: type) -> list[Any]:
    return [e for e in hub.entities
            if isinstance(e, kind) and e.parent_id is not None]


def apply_random_edit(hub: EntityHub, draw: Callable[[Any], Any],
                      counter: Any, users: list[str]) -> str:
    """Apply one random edit to the hub; returns what it did."""
    folders = live(hub, FolderEntity)
    tasks = live(hub, TaskEntity)
    edit = draw(st.sampled_from(EDITS))
    project = hub.project_entity
    if edit == "new_folder":
        parent = draw(st.sampled_from([project, *folders]))
        folder_type = draw(st.sampled_from(
            [t["name"] for t in project.folder_types]))
        hub.add_new_folder(f"f{next(counter)}", folder_type,
                           parent_id=parent.id)
        return edit
    if edit == "new_task" and folders:
        folder = draw(st.sampled_from(folders))
        task_type = draw(st.sampled_from(
            [t["name"] for t in project.task_types]))
        hub.add_new_task(f"t{next(counter)}", task_type, folder_id=folder.id)
        return edit
    entities = folders + tasks
    if not entities:
        return "nothing"
    entity = draw(st.sampled_from(entities))
    if edit == "rename":
        entity.name = f"{entity.entity_type[0]}{next(counter)}"
    elif edit == "move":
        if isinstance(entity, TaskEntity):
            targets = [f for f in folders if f.id != entity.parent_id]
        else:
            below = {e.id for e in hub._iter_descendants(entity.id)}
            targets = [project, *(f for f in folders
                                  if f.id not in below and f is not entity)]
        if not targets:
            return "nothing"
        entity.parent_id = draw(st.sampled_from(targets)).id
    elif edit == "delete":
        hub.delete_entity(entity)
    elif edit == "attrib":
        name = draw(st.sampled_from(sorted(ATTRIB_VALUES)))
        entity.attribs[name] = draw(st.sampled_from(ATTRIB_VALUES[name]))
    elif edit == "data":
        key = draw(st.sampled_from(["a", "b"]))
        if key in entity.data and draw(st.booleans()):
            del entity.data[key]
        else:
            entity.data[key] = draw(st.sampled_from([1, "x", {"n": [1]}]))
    elif edit == "active":
        entity.active = not entity.active
    elif edit == "status":
        choices = [s.name for s in project.statuses
                   if s.is_available_for_entity_type(entity.entity_type)]
        entity.set_status(draw(st.sampled_from(choices)))
    elif edit == "tags":
        entity.tags = draw(st.lists(st.sampled_from(["a", "b"]),
                                    unique=True))
    elif edit == "label":
        entity.label = draw(st.sampled_from([None, "Label", entity.name]))
    elif edit == "assignees" and isinstance(entity, TaskEntity):
        entity.assignees = draw(st.lists(st.sampled_from(users), unique=True))
    return edit


@hypothesis.settings(max_examples=60, deadline=None)
@hypothesis.given(st.data())
def test_random_edits_round_trip(data: Any) -> None:
    server = FakeServer()
    top = server.seed("folder", name="seed", folderType="Folder",
                      parentId=None, data={"a": 1}, attrib={"fps": 25.0})
    server.seed("task", name="seedtask", taskType="Animation", folderId=top,
                data={"a": 1, "b": 2}, assignees=["bob"])
    hub = fetched_hub(server)
    counter = itertools.count()
    for _round in range(data.draw(st.integers(1, 3))):
        for _ in range(data.draw(st.integers(1, 8))):
            apply_random_edit(hub, data.draw, counter, ["alice", "bob"])
        hub.commit_changes()
        assert all(not e.created and not e.changes for e in hub.entities)
        assert snapshot(hub) == snapshot(fetched_hub(server))
