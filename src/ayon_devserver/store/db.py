"""SQLite access: one connection per thread, WAL mode, foreign keys on.

FastAPI runs sync endpoints in a thread pool, so every thread gets its own
connection (readers never block each other in WAL mode). Writes go through
``Database.transaction()``: ``BEGIN IMMEDIATE`` ... ``COMMIT``; nested
``transaction()`` blocks in the same thread join the outer one, so a request
that calls several store methods inside one ``with store.transaction():``
commits (or rolls back) them together.
"""

from __future__ import annotations

import itertools
import json
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional

from .schema import migrate

BUSY_TIMEOUT_S = 30.0


_ENCODE = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


def dumps(value: Any) -> str:
    """JSON for a JSON column (compact, UTF-8)."""
    if not value and isinstance(value, (dict, list)):
        return "{}" if isinstance(value, dict) else "[]"
    return _ENCODE(value)


def loads(text: Optional[str], default: Any = None) -> Any:
    """Value of a JSON column; ``default`` for NULL."""
    if text is None:
        return default
    return json.loads(text)


_second: tuple[int, str] = (0, "1970-01-01T00:00:00")


def utcnow() -> str:
    """Timestamp as the real server writes them: ISO 8601 with +00:00
    (``datetime.now(timezone.utc).isoformat()``, the date and time of the
    current second made once)."""
    global _second
    second, micros = divmod(time.time_ns() // 1000, 1_000_000)
    cached = _second
    if cached[0] != second:
        text = datetime.fromtimestamp(second, timezone.utc).isoformat()[:19]
        cached = _second = (second, text)
    if micros:
        return f"{cached[1]}.{micros:06d}+00:00"
    return f"{cached[1]}+00:00"


def _regexp(pattern: Optional[str], value: Optional[str]) -> bool:
    """SQL ``regexp(pattern, value)``: ``re.search`` semantics, like the
    ``~`` operator of PostgreSQL the real server uses; ``False`` for NULL."""
    if pattern is None or value is None:
        return False
    return _compiled(pattern).search(value) is not None


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _compiled(pattern: str) -> re.Pattern[str]:
    compiled = _PATTERNS.get(pattern)
    if compiled is None:
        if len(_PATTERNS) > 256:
            _PATTERNS.clear()
        compiled = _PATTERNS[pattern] = re.compile(pattern)
    return compiled


_SAVEPOINTS = itertools.count(1)


class DatabaseClosed(RuntimeError):
    pass


class Database:
    """The SQLite database file ``<data_dir>/ayon.db``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._closed = False
        with self.transaction() as conn:
            migrate(conn)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            str(self.path),
            timeout=BUSY_TIMEOUT_S,
            isolation_level=None,  # we issue BEGIN/COMMIT ourselves
            check_same_thread=False,  # only so that close() may run anywhere
        )
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        conn.create_function("regexp", 2, _regexp, deterministic=True)
        return conn

    def connection(self) -> sqlite3.Connection:
        """This thread's connection (opened on first use)."""
        if self._closed:
            raise DatabaseClosed(f"database {self.path} is closed")
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            with self._lock:
                self._connections.append(conn)
            self._local.conn = conn
            self._local.depth = 0
        return conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; joins the enclosing one of this thread."""
        conn = self.connection()
        depth = self._local.depth
        if depth == 0:
            conn.execute("BEGIN IMMEDIATE")
        self._local.depth = depth + 1
        try:
            yield conn
        except BaseException:
            self._local.depth = depth
            if depth == 0:
                conn.execute("ROLLBACK")
            raise
        self._local.depth = depth
        if depth == 0:
            conn.execute("COMMIT")

    @contextmanager
    def savepoint(self) -> Iterator[sqlite3.Connection]:
        """A nested atomic block inside the current write transaction (one
        is started when there is none): an exception rolls back only what
        the block wrote."""
        with self.transaction() as conn:
            name = f"sp{next(_SAVEPOINTS)}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield conn
            except BaseException:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
                raise
            conn.execute(f"RELEASE {name}")

    def read(self) -> sqlite3.Connection:
        """Connection for reads (autocommit; sees this thread's open writes)."""
        return self.connection()

    @contextmanager
    def large_cache(self, kib: int = 65536) -> Iterator[None]:
        """A larger page cache for this thread's connection meanwhile: a big
        write transaction then keeps the pages it changes in memory instead
        of spilling them to the log before it commits."""
        conn = self.connection()
        size = conn.execute("PRAGMA cache_size").fetchone()[0]
        conn.execute(f"PRAGMA cache_size = {-int(kib)}")
        try:
            yield
        finally:
            conn.execute(f"PRAGMA cache_size = {int(size)}")

    def close(self) -> None:
        """Close every connection; later use raises ``DatabaseClosed``."""
        with self._lock:
            self._closed = True
            connections, self._connections = self._connections, []
        for conn in connections:
            try:
                conn.close()
            except sqlite3.Error:  # pragma: no cover - best effort
                pass
