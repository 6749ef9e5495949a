"""Demo data (``--demo``): two projects with a small show each (episodes,
sequences, shots, assets, tasks, products, versions, representations) and a
few users.

Idempotent: what exists already (possibly edited since) is left alone, so a
restart with ``--demo`` never overwrites changes. Demo users have no
password; an administrator can set one (``PATCH /api/users/{name}/password``).
"""

from __future__ import annotations

from typing import Any

from . import anatomy
from .generate import generate_show
from .store import ProjectRecord, Store

DEMO_PROJECTS: list[dict[str, Any]] = [
    {
        "name": "demo_Commercial",
        "code": "demoCom",
        "attrib": {"fps": 25.0, "resolutionWidth": 1920, "resolutionHeight": 1080},
        "show": {
            "episodes": 1,
            "sequences_per_episode": 2,
            "shots_per_sequence": 4,
            "assets": 6,
            "seed": 1,
        },
    },
    {
        "name": "demo_Big_Episodic",
        "code": "demoEp",
        "attrib": {"fps": 24.0, "resolutionWidth": 2048, "resolutionHeight": 858},
        "show": {
            "episodes": 3,
            "sequences_per_episode": 3,
            "shots_per_sequence": 6,
            "assets": 15,
            "seed": 2,
        },
    },
]

DEMO_USERS: list[dict[str, Any]] = [
    {
        "name": "artist",
        "attrib": {"fullName": "Demo Artist", "email": "artist@example.com"},
        "data": {"defaultAccessGroups": ["artist"]},
    },
    {
        "name": "supervisor",
        "attrib": {"fullName": "Demo Supervisor", "email": "supervisor@example.com"},
        "data": {"isManager": True, "defaultAccessGroups": ["artist"]},
    },
    {
        "name": "viewer",
        "attrib": {"fullName": "Demo Viewer", "email": "viewer@example.com"},
        "data": {"isGuest": True, "defaultAccessGroups": ["viewer"]},
    },
]


def load_demo(store: Store) -> None:
    with store.transaction():
        for spec in DEMO_USERS:
            if store.users.get(spec["name"]) is None:
                store.users.create(
                    spec["name"],
                    attrib=spec["attrib"],
                    data={"accessGroups": {}, **spec["data"], "createdBy": "demo"},
                )
        for spec in DEMO_PROJECTS:
            if store.projects.get(spec["name"]) is not None:
                continue
            fields = anatomy.project_fields()
            fields["attrib"].update(spec["attrib"])
            store.projects.create(
                ProjectRecord(name=spec["name"], code=spec["code"], **fields)
            )
            store.users.grant_default_access(spec["name"])
            generate_show(
                store, spec["name"], artists=("artist", "supervisor"), **spec["show"]
            )
