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

# The project hierarchy. Entity tables share one layout: ``seq`` (creation
# order: the GraphQL cursor), the project, a 32-hex ``id`` unique per project,
# JSON columns (attrib/data/tags/...), timestamps and authors. Parent links
# are checked by the entity service (one transaction per request) rather than
# by foreign keys, so that a subtree can be moved or deleted in bulk.
_ENTITY_COMMON = """
    seq INTEGER PRIMARY KEY,
    project_name TEXT NOT NULL
        REFERENCES projects (name) ON DELETE CASCADE ON UPDATE CASCADE,
    id TEXT NOT NULL,
    attrib TEXT NOT NULL DEFAULT '{}',
    data TEXT NOT NULL DEFAULT '{}',
    active INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    created_by TEXT,
    updated_by TEXT
"""

_V2 = f"""
CREATE TABLE folders ({_ENTITY_COMMON},
    name TEXT NOT NULL,
    label TEXT,
    folder_type TEXT NOT NULL,
    parent_id TEXT,
    path TEXT NOT NULL,
    thumbnail_id TEXT
);
CREATE UNIQUE INDEX folders_id ON folders (project_name, id);
CREATE UNIQUE INDEX folders_path ON folders (project_name, path);
CREATE INDEX folders_parent ON folders (project_name, parent_id);
CREATE INDEX folders_project ON folders (project_name, seq);

CREATE TABLE tasks ({_ENTITY_COMMON},
    name TEXT NOT NULL,
    label TEXT,
    task_type TEXT NOT NULL,
    folder_id TEXT NOT NULL,
    assignees TEXT NOT NULL DEFAULT '[]',
    thumbnail_id TEXT
);
CREATE UNIQUE INDEX tasks_id ON tasks (project_name, id);
CREATE UNIQUE INDEX tasks_name ON tasks (project_name, folder_id, name);
CREATE INDEX tasks_project ON tasks (project_name, seq);

CREATE TABLE products ({_ENTITY_COMMON},
    name TEXT NOT NULL,
    folder_id TEXT NOT NULL,
    product_type TEXT NOT NULL,
    product_base_type TEXT
);
CREATE UNIQUE INDEX products_id ON products (project_name, id);
CREATE UNIQUE INDEX products_name ON products (project_name, folder_id, name);
CREATE INDEX products_project ON products (project_name, seq);

CREATE TABLE versions ({_ENTITY_COMMON},
    version INTEGER NOT NULL,
    product_id TEXT NOT NULL,
    task_id TEXT,
    author TEXT,
    thumbnail_id TEXT
);
CREATE UNIQUE INDEX versions_id ON versions (project_name, id);
CREATE UNIQUE INDEX versions_number ON versions (project_name, product_id, version);
CREATE INDEX versions_task ON versions (project_name, task_id);
CREATE INDEX versions_project ON versions (project_name, seq);

CREATE TABLE representations ({_ENTITY_COMMON},
    name TEXT NOT NULL,
    version_id TEXT NOT NULL,
    files TEXT NOT NULL DEFAULT '[]',
    traits TEXT
);
CREATE UNIQUE INDEX representations_id ON representations (project_name, id);
CREATE UNIQUE INDEX representations_name
    ON representations (project_name, version_id, name);
CREATE INDEX representations_project ON representations (project_name, seq);

CREATE TABLE workfiles ({_ENTITY_COMMON},
    path TEXT NOT NULL,
    task_id TEXT NOT NULL,
    thumbnail_id TEXT
);
CREATE UNIQUE INDEX workfiles_id ON workfiles (project_name, id);
CREATE INDEX workfiles_task ON workfiles (project_name, task_id, path);
CREATE INDEX workfiles_project ON workfiles (project_name, seq);

CREATE TABLE anatomy_presets (
    name TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    is_primary INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL DEFAULT '{{}}',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE project_folders (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    parent_id TEXT REFERENCES project_folders (id) ON DELETE SET NULL,
    position INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL DEFAULT '{{}}'
);

CREATE TABLE custom_roots (
    project_name TEXT NOT NULL
        REFERENCES projects (name) ON DELETE CASCADE ON UPDATE CASCADE,
    site_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    data TEXT NOT NULL DEFAULT '{{}}',
    PRIMARY KEY (project_name, site_id, user_name)
)
"""

# Planner statistics for the entity indexes (rows, then rows per distinct
# value of each indexed prefix): "a project holds a tenth of the rows, a parent
# id a handful, an id one row". Without them SQLite, preferring to avoid a
# sort, would scan a whole project by ``seq`` to find the children of a few
# parents. A later ANALYZE replaces them with measured ones.
_STATS = [
    ("folders", "folders_id", "1000000 100000 1"),
    ("folders", "folders_path", "1000000 100000 1"),
    ("folders", "folders_parent", "1000000 100000 20"),
    ("folders", "folders_project", "1000000 100000 1"),
    ("tasks", "tasks_id", "1000000 100000 1"),
    ("tasks", "tasks_name", "1000000 100000 4 1"),
    ("tasks", "tasks_project", "1000000 100000 1"),
    ("products", "products_id", "1000000 100000 1"),
    ("products", "products_name", "1000000 100000 3 1"),
    ("products", "products_project", "1000000 100000 1"),
    ("versions", "versions_id", "1000000 100000 1"),
    ("versions", "versions_number", "1000000 100000 5 1"),
    ("versions", "versions_task", "1000000 100000 10"),
    ("versions", "versions_project", "1000000 100000 1"),
    ("representations", "representations_id", "1000000 100000 1"),
    ("representations", "representations_name", "1000000 100000 3 1"),
    ("representations", "representations_project", "1000000 100000 1"),
    ("workfiles", "workfiles_id", "1000000 100000 1"),
    ("workfiles", "workfiles_task", "1000000 100000 10 1"),
    ("workfiles", "workfiles_project", "1000000 100000 1"),
]
_V2 += (
    ";\nANALYZE sqlite_master;\n"
    + ";\n".join(
        f"INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('{t}', '{i}', '{v}')"
        for t, i, v in _STATS
    )
    + ";\nANALYZE sqlite_master"
)

MIGRATIONS: list[str] = [_V1, _V2]


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
