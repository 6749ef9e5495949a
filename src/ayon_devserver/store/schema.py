"""Database schema and migrations.

``MIGRATIONS[i]`` brings the schema from version ``i`` to ``i + 1``; the
current version is kept in the ``schema_version`` table. To change the schema,
append a migration; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3

_V1 = """
CREATE TABLE users (
    name TEXT PRIMARY KEY,
    active INTEGER NOT NULL DEFAULT 1,
    attrib TEXT NOT NULL DEFAULT '{}',
    data TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX users_api_key ON users (json_extract(data, '$.apiKey'));

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_name TEXT NOT NULL
        REFERENCES users (name) ON DELETE CASCADE ON UPDATE CASCADE,
    created_at TEXT NOT NULL,
    data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX sessions_user_name ON sessions (user_name);

CREATE TABLE attributes (
    name TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    scope TEXT NOT NULL DEFAULT '[]',
    data TEXT NOT NULL DEFAULT '{}',
    builtin INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE projects (
    name TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    label TEXT,
    color TEXT,
    library INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    attrib TEXT NOT NULL DEFAULT '{}',
    data TEXT NOT NULL DEFAULT '{}',
    config TEXT NOT NULL DEFAULT '{}',
    folder_types TEXT NOT NULL DEFAULT '[]',
    task_types TEXT NOT NULL DEFAULT '[]',
    statuses TEXT NOT NULL DEFAULT '[]',
    tags TEXT NOT NULL DEFAULT '[]',
    link_types TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX projects_name_nocase ON projects (lower(name));
"""

MIGRATIONS: list[str] = [_V1]


def schema_version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = conn.execute("SELECT version FROM schema_version").fetchone()
    if row is None:
        conn.execute("INSERT INTO schema_version (version) VALUES (0)")
        return 0
    return int(row[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Apply pending migrations (inside the caller's transaction)."""
    version = schema_version(conn)
    if version > len(MIGRATIONS):
        raise RuntimeError(
            f"database schema version {version} is newer than this devserver "
            f"supports ({len(MIGRATIONS)}); upgrade ayon_devserver"
        )
    for script in MIGRATIONS[version:]:
        for statement in script.split(";"):
            if statement.strip():
                conn.execute(statement)
        version += 1
    conn.execute("UPDATE schema_version SET version = ?", (version,))
    return version
