"""Names of environment variables, defaults and default GraphQL field sets.

Every environment variable the library reads is named here, and nowhere else.
"""
from __future__ import annotations

import re

# --- environment variables -------------------------------------------------
SERVER_URL_ENV_KEY = "AYON_SERVER_URL"
SERVER_API_ENV_KEY = "AYON_API_KEY"
# Backwards compatible alias: the same variable holds user tokens and API keys.
SERVER_TOKEN_ENV_KEY = SERVER_API_ENV_KEY
SERVER_TIMEOUT_ENV_KEY = "AYON_SERVER_TIMEOUT"
SERVER_RETRIES_ENV_KEY = "AYON_SERVER_RETRIES"
DEFAULT_VARIANT_ENV_KEY = "AYON_DEFAULT_SETTINGS_VARIANT"
SITE_ID_ENV_KEY = "AYON_SITE_ID"
CA_FILE_ENV_KEY = "AYON_CA_FILE"
CERT_FILE_ENV_KEY = "AYON_CERT_FILE"
ADDON_NAME_ENV_KEY = "AYON_ADDON_NAME"
ADDON_VERSION_ENV_KEY = "AYON_ADDON_VERSION"
SERVICE_NAME_ENV_KEY = "AYON_SERVICE_NAME"

# --- connection defaults ---------------------------------------------------
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_RETRIES = 3
DEFAULT_SETTINGS_VARIANT = "production"
DEFAULT_GRAPHQL_PAGE_SIZE = 300

# --- project names -----------------------------------------------------------
PROJECT_NAME_ALLOWED_SYMBOLS = "a-zA-Z0-9_"
PROJECT_NAME_REGEX = re.compile(f"^[{PROJECT_NAME_ALLOWED_SYMBOLS}]+$")

# --- default GraphQL field sets (the reference's shapes) --------------------
DEFAULT_PRODUCT_TYPE_FIELDS = {"name"}
DEFAULT_PRODUCT_BASE_TYPE_FIELDS = {"name"}
DEFAULT_FOLDER_TYPE_FIELDS = {"name", "icon"}
DEFAULT_TASK_TYPE_FIELDS = {"name"}
DEFAULT_PROJECT_STATUSES_FIELDS = {
    "color", "icon", "name", "scope", "shortName", "state",
}
DEFAULT_PROJECT_TAGS_FIELDS = {"name", "color"}
DEFAULT_PROJECT_LINK_TYPES_FIELDS = {
    "color", "inputType", "linkType", "name", "outputType", "style",
}
DEFAULT_PROJECT_FIELDS = {
    "active", "library", "name", "code", "config", "createdAt", "updatedAt",
    "data", "folderTypes", "taskTypes", "linkTypes", "statuses", "tags",
}
DEFAULT_FOLDER_FIELDS = {
    "id", "name", "label", "folderType", "path", "parentId", "active",
    "thumbnailId", "data", "status", "tags",
}
DEFAULT_TASK_FIELDS = {
    "id", "name", "label", "taskType", "folderId", "active", "thumbnailId",
    "assignees", "data", "status", "tags",
}
DEFAULT_PRODUCT_FIELDS = {
    "id", "name", "folderId", "active", "productType", "data", "status", "tags",
}
DEFAULT_VERSION_FIELDS = {
    "id", "name", "version", "productId", "taskId", "active", "author",
    "thumbnailId", "createdAt", "updatedAt", "data", "status", "tags",
}
REPRESENTATION_FILES_FIELDS = {
    "files.name", "files.hash", "files.id", "files.path", "files.size",
}
DEFAULT_REPRESENTATION_FIELDS = {
    "id", "name", "context", "createdAt", "active", "versionId", "data",
    "status", "tags", "traits",
} | REPRESENTATION_FILES_FIELDS
DEFAULT_WORKFILE_INFO_FIELDS = {
    "active", "createdAt", "createdBy", "id", "name", "path", "projectName",
    "taskId", "thumbnailId", "updatedAt", "updatedBy", "data", "status", "tags",
}
DEFAULT_EVENT_FIELDS = {
    "id", "hash", "createdAt", "dependsOn", "description", "project",
    "retries", "sender", "status", "topic", "updatedAt", "user",
}
DEFAULT_USER_FIELDS = {
    "accessGroups", "defaultAccessGroups", "name", "isService", "isManager",
    "isGuest", "isAdmin", "createdAt", "active", "hasPassword", "updatedAt",
    "apiKeyPreview",
}
DEFAULT_LINK_FIELDS = {
    "id", "linkType", "projectName", "entityType", "entityId", "name",
    "direction", "description", "author",
}
DEFAULT_ACTIVITY_FIELDS = {
    "activityId", "activityType", "activityData", "body", "entityId",
    "entityType", "author.name",
}
DEFAULT_ENTITY_LIST_FIELDS = {
    "id", "count", "allAttrib", "attributes", "active", "createdBy",
    "createdAt", "entityListType", "data", "entityType", "label", "owner",
    "tags", "updatedAt", "updatedBy",
}

# The one table of default fields per entity type (private: not part of the
# reference surface).
_DEFAULT_FIELDS_BY_TYPE: dict[str, frozenset[str]] = {
    "project": frozenset(DEFAULT_PROJECT_FIELDS),
    "folder": frozenset(DEFAULT_FOLDER_FIELDS),
    "task": frozenset(DEFAULT_TASK_FIELDS),
    "product": frozenset(DEFAULT_PRODUCT_FIELDS),
    "version": frozenset(DEFAULT_VERSION_FIELDS),
    "representation": frozenset(DEFAULT_REPRESENTATION_FIELDS),
    "workfile": frozenset(DEFAULT_WORKFILE_INFO_FIELDS),
    "user": frozenset(DEFAULT_USER_FIELDS),
    "event": frozenset(DEFAULT_EVENT_FIELDS),
    "activity": frozenset(DEFAULT_ACTIVITY_FIELDS),
    "entityList": frozenset(DEFAULT_ENTITY_LIST_FIELDS),
    "productType": frozenset(DEFAULT_PRODUCT_TYPE_FIELDS),
}
# Entity types whose default selection includes ``allAttrib``.
_TYPES_WITH_ALL_ATTRIB = frozenset({
    "project", "folder", "task", "product", "version", "representation",
    "workfile", "user",
})
