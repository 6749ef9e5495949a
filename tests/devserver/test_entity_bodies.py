"""Entity bodies are validated as TypedDicts made from the models: the
result and the errors must be the models' own (``model_validate`` then
``model_dump(exclude_unset=True)``)."""

from __future__ import annotations

from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from ayon_devserver.entities import models
from ayon_devserver.errors import InvalidData

KEYS = sorted(
    {name for m in models.POST_MODELS.values() for name in m.model_fields}
    | {name for m in models.PATCH_MODELS.values() for name in m.model_fields}
    | {"unknown"}
)
ID = "0123456789abcdef0123456789abcdef"
STRINGS = ["", "a", "sh010", "bad name!", "x.y", ID, ID.upper(), "a\n", "md5"]
STRINGS += ["sha9", "a" * 255, "a" * 256, "é", "it's", "bob.smith", "-x", "3", "true"]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from([1.0, 2.5, float("inf")]),
    st.sampled_from(STRINGS),
    st.text(max_size=4),
)
FILES = st.lists(
    st.dictionaries(
        st.sampled_from(["id", "name", "path", "size", "hash", "hashType", "x"]),
        SCALARS,
        max_size=6,
    ),
    max_size=2,
)
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=3),
    st.dictionaries(st.text(max_size=3), SCALARS, max_size=3),
    FILES,
)
BODIES = st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=8)


def _by_model(model: type[BaseModel], data: dict[str, Any]) -> Any:
    try:
        return model.model_validate(data).model_dump(exclude_unset=True)
    except ValidationError as exc:
        return ("error", f"Invalid data provided: {exc}")


def _by_body(validate: Callable[[str, Any], Any], kind: str, data: Any) -> Any:
    try:
        return validate(kind, data)
    except InvalidData as exc:
        return ("error", exc.detail)


def _check(data: dict[str, Any]) -> None:
    for kind in models.POST_MODELS:
        assert _by_body(models.validate_post, kind, data) == _by_model(
            models.POST_MODELS[kind], data
        )
        assert _by_body(models.validate_patch, kind, data) == _by_model(
            models.PATCH_MODELS[kind], data
        )


@given(BODIES)
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_bodies_validate_as_their_models(data: dict[str, Any]) -> None:
    _check(data)


@pytest.mark.parametrize(
    "data",
    [
        {"name": "sh010", "folderType": "Shot", "parentId": ID, "attrib": {"a": 1}},
        {"name": "bad name!"},
        {},
        {"name": "w", "taskType": "Generic", "folderId": ID, "assignees": None},
        {"version": "3", "productId": ID, "author": "bob"},
        {"version": 3.5, "productId": ID},
        {"name": "r", "versionId": ID, "files": [{"id": "1", "path": "/a.exr"}]},
        {"name": "r", "versionId": ID, "files": [{"id": "1"}, {"path": 2}]},
        {"path": "", "taskId": ID},
        {"label": "it's", "active": "yes", "tags": ["a", 1], "status": None},
        {"data": {"k": [1, {"z": None}]}, "createdBy": "u", "extra": True},
    ],
)
def test_known_bodies(data: dict[str, Any]) -> None:
    _check(data)
