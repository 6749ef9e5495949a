"""A realistic show, bulk-inserted (tests, benchmarks, ``--demo``).

    generate_show(store_or_data_dir, "bigshow", episodes=10, ...)
    generate_show(data_dir, "bigshow", **plan_show(folders=20_000))

Layout: ``/assets/<category>/<asset>`` and ``/epNN/sqNNN/shNNNN``; leaf
folders (assets, shots) get tasks and products, products get versions
(each by one of the folder's tasks) and versions get representations with
files. Rows go straight to the store in one transaction (no per-entity
validation), so 20 000 folders take seconds. Same seed, same show.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Optional, TypedDict, Union

from . import anatomy
from .store import ProjectRecord, Store
from .store.db import utcnow

ASSET_CATEGORIES = ("characters", "props", "environments")
ASSET_TASKS = (
    ("modeling", "Modeling"),
    ("texture", "Texture"),
    ("rigging", "Rigging"),
    ("lookdev", "Lookdev"),
)
SHOT_TASKS = (
    ("layout", "Layout"),
    ("animation", "Animation"),
    ("lighting", "Lighting"),
    ("compositing", "Compositing"),
)
ASSET_PRODUCTS = (("modelMain", "model"), ("lookMain", "look"), ("rigMain", "rig"))
SHOT_PRODUCTS = (
    ("renderMain", "render"),
    ("animationMain", "animation"),
    ("cameraMain", "camera"),
)
REPRESENTATIONS = ("exr", "jpg", "mov", "abc", "ma")
ARTISTS = ("alice", "bob", "carol", "dave")


class ShowPlan(TypedDict):
    episodes: int
    sequences_per_episode: int
    shots_per_sequence: int
    assets: int


def plan_show(folders: int) -> ShowPlan:
    """Episode/sequence/shot/asset counts giving about ``folders`` folders."""
    folders = max(int(folders), 8)
    assets = max(4, folders // 10)
    rest = folders - assets - 1 - len(ASSET_CATEGORIES)
    shots_per_sequence = 20 if rest > 2000 else 10 if rest > 200 else 4
    sequences_per_episode = 10 if rest > 2000 else 4 if rest > 100 else 2
    per_episode = 1 + sequences_per_episode * (1 + shots_per_sequence)
    episodes = max(1, rest // per_episode)
    assets += max(0, rest - episodes * per_episode)
    return {
        "episodes": episodes,
        "sequences_per_episode": sequences_per_episode,
        "shots_per_sequence": shots_per_sequence,
        "assets": assets,
    }


@contextmanager
def _opened(target: Union[Store, str, Path]) -> Iterator[Store]:
    if isinstance(target, Store):
        yield target
        return
    store = Store(Path(target))
    try:
        yield store
    finally:
        store.close()


def _pick(items: tuple[tuple[str, str], ...], count: int) -> list[tuple[str, str]]:
    """``count`` distinct (name, type) pairs cycling through ``items``."""
    result = []
    for i in range(count):
        name, kind = items[i % len(items)]
        result.append(
            (name if i < len(items) else f"{name}{i // len(items) + 1}", kind)
        )
    return result


class _Builder:
    def __init__(
        self, project: ProjectRecord, seed: int, user: str, artists: Sequence[str]
    ) -> None:
        self.project = project
        self.rng = random.Random(seed)
        self.user = user
        self.artists = list(artists) or [user]
        self.now = utcnow()
        self.rows: dict[str, list[dict[str, Any]]] = {
            t: [] for t in ("folder", "task", "product", "version", "representation")
        }
        self.statuses = {
            entity_type: [
                s["name"]
                for s in project.statuses
                if s.get("scope") is None or entity_type in s["scope"]
            ]
            or [project.statuses[0]["name"]]
            for entity_type in self.rows
        }

    def new_id(self) -> str:
        return f"{self.rng.getrandbits(128):032x}"

    def _row(
        self, entity_type: str, attrib: Optional[dict[str, Any]] = None
    ) -> dict[str, Any]:
        statuses = self.statuses[entity_type]
        status = statuses[0] if self.rng.random() < 0.5 else self.rng.choice(statuses)
        row = {
            "project_name": self.project.name,
            "id": self.new_id(),
            "attrib": dict(sorted((attrib or {}).items())),
            "data": {},
            "active": True,
            "status": status,
            "tags": [],
            "created_at": self.now,
            "updated_at": self.now,
            "created_by": self.user,
            "updated_by": self.user,
        }
        self.rows[entity_type].append(row)
        return row

    def folder(
        self,
        name: str,
        folder_type: str,
        parent: Optional[dict[str, Any]],
        attrib: Optional[dict[str, Any]] = None,
    ) -> dict[str, Any]:
        row = self._row("folder", attrib)
        row.update(
            name=name,
            label=None,
            folder_type=folder_type,
            parent_id=parent["id"] if parent else None,
            path=f"{parent['path'] if parent else ''}/{name}",
            thumbnail_id=None,
        )
        return row

    def leaf(
        self,
        folder: dict[str, Any],
        tasks: list[tuple[str, str]],
        products: list[tuple[str, str]],
        versions: int,
        representations: int,
    ) -> None:
        task_ids = []
        for name, task_type in tasks:
            task = self._row("task")
            task.update(
                name=name,
                label=None,
                task_type=task_type,
                folder_id=folder["id"],
                assignees=[self.rng.choice(self.artists)],
                thumbnail_id=None,
            )
            task_ids.append(task["id"])
        for name, product_type in products:
            product = self._row("product")
            product.update(
                name=name,
                folder_id=folder["id"],
                product_type=product_type,
                product_base_type=product_type,
            )
            for number in range(1, versions + 1):
                version = self._row("version", {"comment": f"{name} v{number:03d}"})
                version.update(
                    version=number,
                    product_id=product["id"],
                    task_id=self.rng.choice(task_ids) if task_ids else None,
                    author=self.rng.choice(self.artists),
                    thumbnail_id=None,
                )
                directory = (
                    f"{{root[work]}}/{self.project.name}{folder['path']}"
                    f"/publish/{product_type}/{name}/v{number:03d}"
                )
                for ext in REPRESENTATIONS[:representations]:
                    representation = self._row("representation")
                    file_name = f"{folder['name']}_{name}_v{number:03d}.{ext}"
                    representation.update(
                        name=ext,
                        version_id=version["id"],
                        traits=None,
                        files=[
                            {
                                "id": self.new_id(),
                                "name": file_name,
                                "path": f"{directory}/{file_name}",
                                "size": self.rng.randint(1_000, 50_000_000),
                                "hash": self.new_id(),
                                "hashType": "md5",
                            }
                        ],
                    )
                    representation["data"] = {
                        "context": {"ext": ext, "version": number}
                    }


def generate_show(
    target: Union[Store, str, Path],
    project_name: str,
    *,
    episodes: int = 2,
    sequences_per_episode: int = 3,
    shots_per_sequence: int = 5,
    assets: int = 10,
    tasks_per_folder: int = 2,
    products_per_folder: int = 1,
    versions_per_product: int = 2,
    representations_per_version: int = 2,
    seed: int = 0,
    code: Optional[str] = None,
    user: str = "admin",
    artists: Sequence[str] = ARTISTS,
) -> dict[str, int]:
    """Fill a project (created from the default anatomy when missing; it
    must have no folders yet) with a show; returns the counts per type."""
    with _opened(target) as store:
        with store.transaction():
            project = store.projects.get(project_name)
            if project is None:
                project = ProjectRecord(
                    name=project_name,
                    code=code or project_name[:8],
                    **anatomy.project_fields(),
                )
                store.projects.create(project)
                store.users.grant_default_access(project_name)
            elif store.entities.count("folder", project_name):
                raise ValueError(f"Project {project_name} already has folders")
            b = _Builder(project, seed, user, artists)
            extra = (
                versions_per_product,
                min(representations_per_version, len(REPRESENTATIONS)),
            )
            root = b.folder("assets", "Folder", None)
            categories = [b.folder(c, "Folder", root) for c in ASSET_CATEGORIES]
            for i in range(assets):
                category = categories[i % len(categories)]
                asset = b.folder(
                    f"{category['name'][:4]}{i + 1:04d}", "Asset", category
                )
                b.leaf(
                    asset,
                    _pick(ASSET_TASKS, tasks_per_folder),
                    _pick(ASSET_PRODUCTS, products_per_folder),
                    *extra,
                )
            for e in range(1, episodes + 1):
                episode = b.folder(f"ep{e:02d}", "Episode", None)
                for s in range(1, sequences_per_episode + 1):
                    sequence = b.folder(f"sq{s * 10:03d}", "Sequence", episode)
                    for n in range(1, shots_per_sequence + 1):
                        start = 1001
                        attrib = {
                            "frameStart": start,
                            "frameEnd": start + b.rng.randint(24, 240),
                        }
                        shot = b.folder(f"sh{n * 10:04d}", "Shot", sequence, attrib)
                        b.leaf(
                            shot,
                            _pick(SHOT_TASKS, tasks_per_folder),
                            _pick(SHOT_PRODUCTS, products_per_folder),
                            *extra,
                        )
            return {
                f"{entity_type}s": store.entities.insert_many(entity_type, rows)
                for entity_type, rows in b.rows.items()
            }
