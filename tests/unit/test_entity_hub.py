"""EntityHub's building blocks that need no server: markers, attributes,
data, assignees, project statuses and their list. Everything that needs an
``EntityHub`` (and so a connection) is tested against the devserver in
tests/integration/test_entity_hub_*.py."""
from __future__ import annotations

import copy
import pickle

import pytest

from ayon_api.entity_hub import (
    PROJECT_PARENT_ID,
    UNKNOWN_VALUE,
    Assignees,
    Attributes,
    AttributeValue,
    EntityData,
    FolderEntity,
    ProjectStatus,
)
from ayon_api.entity_hub.statuses import _ProjectStatuses

STATUSES = [
    {"name": "Not ready", "shortName": "NRD", "state": "not_started",
     "icon": "fiber_new", "color": "#3d444f",
     "scope": ["folder", "task", "product", "version"]},
    {"name": "In progress", "shortName": "PRG", "state": "in_progress",
     "icon": "play_arrow", "color": "#3498db", "scope": ["task"]},
    {"name": "Done", "shortName": "DNE", "state": "done", "icon": "done",
     "color": "#00f0b4", "scope": ["folder", "task", "version"]},
]


def test_markers_are_falsy_and_survive_copies() -> None:
    for marker in (UNKNOWN_VALUE, PROJECT_PARENT_ID):
        assert not marker
        assert copy.deepcopy(marker) is marker
        assert copy.copy({"x": marker})["x"] is marker
        assert pickle.loads(pickle.dumps(marker)) is marker
    assert repr(UNKNOWN_VALUE) == "<UNKNOWN_VALUE>"


def test_attributes_track_changes_of_known_keys() -> None:
    attribs = Attributes(["fps", "frameStart"], {"fps": 25.0, "other": 1})
    assert dict(attribs.items()) == {"fps": 25.0, "frameStart": None}
    assert "fps" in attribs and "other" not in attribs
    assert attribs.get("other", "x") == "x"
    with pytest.raises(KeyError, match="Unknown attribute 'other'"):
        attribs["other"] = 1
    attribs["fps"] = 24.0
    attribs.set("frameStart", 1001)
    assert attribs.changes == {"fps": 24.0, "frameStart": 1001}
    assert isinstance(attribs.get_attribute("fps"), AttributeValue)
    assert attribs.get_attribute("fps").changed
    attribs.lock()
    assert attribs.changes == {}
    attribs["fps"] = None
    assert attribs.changes == {"fps": None}
    assert attribs.to_dict() == {"frameStart": 1001}
    assert attribs.to_dict(ignore_none=False) == {"fps": None,
                                                  "frameStart": 1001}
    assert list(attribs) == list(attribs.keys()) == ["fps", "frameStart"]
    assert Attributes(["a"], UNKNOWN_VALUE).to_dict() == {}
    value = AttributeValue([1])
    value.value.append(2)
    assert value.changed and value.get_value() == [1, 2]


def test_entity_data_changes_include_removed_keys() -> None:
    data = EntityData({"keep": 1, "drop": 2, "nested": {"a": 1}})
    assert data.get_changes() == {}
    del data["drop"]
    data["nested"]["a"] = 2
    data["new"] = None
    assert data.get_changes() == {"drop": None, "nested": {"a": 2},
                                  "new": None}
    assert data.get_new_entity_value() == {"keep": 1, "nested": {"a": 2}}
    clone = copy.deepcopy(data)
    assert clone.get_changes() == data.get_changes()
    data.lock()
    assert data.get_changes() == {}
    assert isinstance(data, dict)


def test_assignees_is_a_set_with_append() -> None:
    assignees = Assignees(["a"])
    assignees.append("b")
    assignees.append("a")
    assert assignees == {"a", "b"}


def test_entities_need_a_hub() -> None:
    with pytest.raises(ValueError, match="entity_hub"):
        FolderEntity("f", "Folder")


def test_project_status_values_are_validated() -> None:
    status = ProjectStatus("In Review", short_name="RVW")
    assert status.state == ProjectStatus.default_state
    assert status.color == ProjectStatus.default_color
    assert status.scope == ProjectStatus.valid_scope
    assert status.slugified_name == "in_review"
    assert status["short_name"] == "RVW"
    status["color"] = "#AABBCC"
    assert status.color == "#aabbcc"
    with pytest.raises(ValueError, match="Invalid status color"):
        status.color = "red"
    with pytest.raises(ValueError, match="Invalid status state"):
        status.state = "paused"
    with pytest.raises(ValueError, match="Invalid status scope"):
        status.scope = ["shot"]
    with pytest.raises(TypeError):
        status.scope = "folder"
    with pytest.raises(KeyError):
        status["scope"]
    status.scope = ["task"]
    assert status.is_available_for_entity_type("task")
    assert not status.is_available_for_entity_type("folder")
    assert status.changed and status.index is None
    with pytest.raises(ValueError):
        status.index = 2
    assert str(status) == "<ProjectStatus In Review(RVW)>"


def test_project_status_from_unusual_server_data() -> None:
    status = ProjectStatus.from_data(
        {"name": "Odd", "short_name": "OD", "color": "rgb(1,2,3)",
         "state": "weird", "scope": ["folder"]}, index=0)
    assert status.color == "rgb(1,2,3)" and status.state == "weird"
    assert status.short_name == "OD"
    assert status.to_data()["scope"] == ["folder"]


def test_project_statuses_list_operations() -> None:
    # The list ``ProjectEntity.statuses`` is, built from the server's
    # statuses as the project entity builds it (the hub's own list is
    # checked in tests/integration/test_entity_hub_model.py).
    statuses = _ProjectStatuses(copy.deepcopy(STATUSES))
    statuses.set_status_scope_supported(True)
    assert [s.name for s in statuses] == [s["name"] for s in STATUSES]
    assert not statuses.changed
    done = statuses.get("Done")
    not_ready = statuses.get_status_by_name("Not ready")
    assert statuses.get_status_by_slugified_name("in-progress").name == (
        "In progress")
    assert statuses.index(done) == 2 and done.index == 2
    done.move_before(not_ready)
    assert [s.name for s in statuses] == ["Done", "Not ready", "In progress"]
    assert [s.index for s in statuses] == [0, 1, 2]
    done.move_after(statuses.get("In progress"))
    assert [s.name for s in statuses] == ["Not ready", "In progress", "Done"]
    assert not statuses.changed
    review = statuses.create("Review", scope=["version"])
    assert review.index == 3 and statuses.changed
    statuses.insert(0, {"name": "First"})
    assert [s.index for s in statuses] == [0, 1, 2, 3, 4]
    assert statuses.remove_by_name("First").project_statuses is None
    assert statuses.remove_by_name("nope", ignore_missing=True) is None
    with pytest.raises(ValueError):
        statuses.remove_by_name("nope")
    popped = statuses.pop(0)
    assert popped.name == "Not ready" and popped.index is None
    assert statuses.index(popped, None) is None
    with pytest.raises(ValueError):
        statuses.index(popped)
    review.delete()
    assert len(statuses) == 2
    data = statuses.to_data()
    assert "scope" in data[0]
    statuses.set_status_scope_supported(False)
    assert "scope" not in statuses.to_data()[0]
    statuses.lock()
    assert not statuses.changed
    statuses.set([{"name": "Only"}])
    assert statuses.changed and [s.name for s in statuses] == ["Only"]
