"""Property test over real HTTP: random edits (create, rename, move,
delete, attributes, data, statuses...) committed to the devserver, then a
hub fetched fresh from the server equals the committed one, and the
server's effective attributes are those the model implies."""
from __future__ import annotations

import itertools
import uuid
from typing import Any

import pytest

from ayon_api import ServerAPI
from ayon_api.entity_hub import EntityHub, FolderEntity, TaskEntity
from tests.unit.test_entity_hub_commit import snapshot

hypothesis = pytest.importorskip("hypothesis")
st = hypothesis.strategies
from tests.unit.test_entity_hub_props import (  # noqa: E402
    ATTRIB_VALUES,
    apply_random_edit,
)


def without_attrib(state: dict[str, Any]) -> dict[str, Any]:
    return {key: {k: v for k, v in item.items() if k != "attrib"}
            for key, item in state.items()}


def effective_attribs(hub: EntityHub) -> dict[str, dict[str, Any]]:
    """Inherited attribute values the hub's model implies per entity."""
    project_values = hub.project_entity.attribs.to_dict()
    cache: dict[str, dict[str, Any]] = {hub.project_name: project_values}

    def resolve(entity: Any) -> dict[str, Any]:
        if entity.id not in cache:
            values = dict(resolve(hub.get_entity_by_id(entity.parent_id)))
            values.update(entity.attribs.to_dict())
            cache[entity.id] = values
        return cache[entity.id]

    return {
        entity.id: {k: v for k, v in resolve(entity).items()
                    if k in ATTRIB_VALUES}
        for entity in hub.entities
        if isinstance(entity, (FolderEntity, TaskEntity))
    }


def server_attribs(con: ServerAPI, project: str) -> dict[str, dict[str, Any]]:
    entities = [*con.get_folders(project, active=None),
                *con.get_tasks(project, active=None)]
    return {
        entity["id"]: {k: v for k, v in entity["attrib"].items()
                       if k in ATTRIB_VALUES and v is not None}
        for entity in entities
    }


@hypothesis.settings(max_examples=25, deadline=None,
                     suppress_health_check=list(hypothesis.HealthCheck))
@hypothesis.given(st.data())
def test_random_edits_round_trip_over_http(ayon_connection: ServerAPI,
                                           data: Any) -> None:
    con = ayon_connection
    project = f"hubp_{uuid.uuid4().hex[:8]}"
    con.create_project(project, project)
    try:
        top = con.create_folder(project, "seed", folder_type="Folder",
                                data={"a": 1}, attrib={"fps": 25.0})
        con.create_task(project, "seedtask", "Animation", top,
                        data={"a": 1, "b": 2})
        hub = EntityHub(project, connection=con)
        hub.fetch_hierarchy_entities()
        counter = itertools.count()
        for _round in range(data.draw(st.integers(1, 2))):
            for _ in range(data.draw(st.integers(1, 8))):
                apply_random_edit(hub, data.draw, counter, ["admin"])
            hub.commit_changes()
            assert all(not e.created and not e.changes for e in hub.entities)
            fresh = EntityHub(project, connection=con)
            fresh.fetch_hierarchy_entities()
            assert without_attrib(snapshot(hub)) == without_attrib(
                snapshot(fresh))
            assert effective_attribs(hub) == server_attribs(con, project)
            assert effective_attribs(fresh) == effective_attribs(hub)
    finally:
        con.delete_project(project)
