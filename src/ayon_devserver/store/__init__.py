"""Data access. The ONLY package that touches SQL.

``Store(data_dir)`` opens ``<data_dir>/ayon.db`` and exposes one object per
area (``store.users``, ``store.projects``, ...). Each method is its own
transaction unless called inside ``with store.transaction():``, which makes
everything in the block one atomic write.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .attributes import AttributeStore
from .db import Database
from .entities import ENTITY_TYPES, EntityStore, Record
from .hierarchy import HierarchyStore
from .listing import ListingStore
from .lookups import LookupStore
from .presets import PresetStore
from .project_extras import ProjectFolderStore, RootsStore
from .projects import ProjectRecord, ProjectStore
from .sessions import SessionStore
from .users import UserRecord, UserStore

DB_FILENAME = "ayon.db"


class Store:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        # the database holds password and key hashes: owner only
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.db = Database(self.data_dir / DB_FILENAME)
        self.attributes = AttributeStore(self.db)
        self.users = UserStore(self.db)
        self.sessions = SessionStore(self.db)
        self.projects = ProjectStore(self.db)
        self.entities = EntityStore(self.db)
        self.hierarchy = HierarchyStore(self.db, self.entities)
        self.listing = ListingStore(self.db)
        self.lookups = LookupStore(self.db)
        self.presets = PresetStore(self.db)
        self.project_folders = ProjectFolderStore(self.db)
        self.roots = RootsStore(self.db)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.db.transaction():
            yield

    @contextmanager
    def large_cache(self) -> Iterator[None]:
        """A larger page cache meanwhile, for a big transaction (see
        Database)."""
        with self.db.large_cache():
            yield

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """Atomic block nested in the current transaction (see Database)."""
        with self.db.savepoint():
            yield

    def close(self) -> None:
        self.db.close()


__all__ = ["ENTITY_TYPES", "ProjectRecord", "Record", "Store", "UserRecord"]
