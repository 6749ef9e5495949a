"""Types of the values ayon_api returns and accepts.

Entities are plain dicts at run time; these TypedDicts (``total=False``,
since ``fields=`` returns partial entities) describe their keys for type
checkers and IDEs::

    from typing import TYPE_CHECKING
    if TYPE_CHECKING:
        from ayon_api.typing import FolderDict
"""
from __future__ import annotations

from io import BytesIO
from typing import Any, BinaryIO, Literal, Optional, TypedDict, Union

ServerVersion = tuple[int, int, int, str, str]
StreamType = Union[BytesIO, BinaryIO]

ActivityType = Literal[
    "comment", "watch", "reviewable", "status.change", "assignee.add",
    "assignee.remove", "version.publish",
]
ActivityReferenceType = Literal[
    "origin", "mention", "author", "relation", "watching"]
EntityListEntityType = Literal[
    "folder", "product", "version", "representation", "task", "workfile"]
EntityListItemMode = Literal["replace", "merge", "delete"]
EntityListScope = Literal["generic", "review-session"]
EventStatus = Literal[
    "pending", "in_progress", "finished", "failed", "aborted", "restarted"]
AttributeScope = Literal[
    "project", "folder", "task", "product", "version", "representation",
    "workfile", "user", "list",
]
AttributeType = Literal[
    "string", "integer", "float", "boolean", "datetime", "list_of_strings",
    "list_of_integers", "list_of_any", "list_of_submodels", "dict",
]
LinkDirection = Literal["in", "out"]
ActionEntityTypes = Literal[
    "project", "folder", "task", "product", "version", "representation",
    "workfile", "list",
]
ActionResponseType = Literal[
    "form", "launcher", "navigate", "query", "redirect", "simple"]
ActionModeType = Literal["simple", "dynamic", "all"]
StatusScope = Literal[
    "folder", "task", "product", "version", "representation", "workfile"]
IconType = Literal["material-symbols", "url"]
AdvancedFilterConditionOperator = Literal[
    "eq", "lt", "gt", "lte", "gte", "ne", "isnull", "notnull", "in", "notin",
    "contains", "excludes", "any", "like",
]


class FileDict(TypedDict, total=False):
    id: str
    name: str
    path: str
    size: int
    hash: str
    hash_type: str


class _EntityBase(TypedDict, total=False):
    id: str
    name: str
    active: bool
    attrib: dict[str, Any]
    ownAttrib: Any
    data: dict[str, Any]
    status: str
    tags: list[str]
    createdAt: str
    updatedAt: str


class ProjectDict(TypedDict, total=False):
    name: str
    code: str
    active: bool
    library: bool
    attrib: dict[str, Any]
    ownAttrib: list[str]
    data: dict[str, Any]
    config: dict[str, Any]
    folderTypes: list[dict[str, Any]]
    taskTypes: list[dict[str, Any]]
    statuses: list[dict[str, Any]]
    tags: list[dict[str, Any]]
    linkTypes: list[dict[str, Any]]
    productTypes: list[dict[str, Any]]
    bundle: dict[str, Optional[str]]
    createdAt: str
    updatedAt: str


class FolderDict(_EntityBase, total=False):
    label: Optional[str]
    folderType: str
    path: str
    parentId: Optional[str]
    thumbnailId: Optional[str]
    hasChildren: bool
    hasTasks: bool
    hasProducts: bool


class TaskDict(_EntityBase, total=False):
    label: Optional[str]
    taskType: str
    folderId: str
    assignees: list[str]
    thumbnailId: Optional[str]


class ProductDict(_EntityBase, total=False):
    folderId: str
    productType: str
    productBaseType: str


class VersionDict(_EntityBase, total=False):
    version: int
    productId: str
    taskId: Optional[str]
    author: Optional[str]
    thumbnailId: Optional[str]


class RepresentationDict(_EntityBase, total=False):
    versionId: str
    files: list[FileDict]
    context: dict[str, Any]
    traits: Optional[dict[str, Any]]


class WorkfileInfoDict(_EntityBase, total=False):
    path: str
    taskId: str
    projectName: str
    thumbnailId: Optional[str]
    createdBy: Optional[str]
    updatedBy: Optional[str]


class UserDict(TypedDict, total=False):
    name: str
    active: bool
    attrib: dict[str, Any]
    data: dict[str, Any]
    accessGroups: dict[str, Any]
    defaultAccessGroups: list[str]
    isAdmin: bool
    isManager: bool
    isService: bool
    isGuest: bool
    hasPassword: bool
    apiKeyPreview: Optional[str]
    createdAt: str
    updatedAt: str


class FlatFolderDict(TypedDict, total=False):
    id: str
    parentId: Optional[str]
    path: str
    parents: list[str]
    name: str
    label: Optional[str]
    folderType: str
    hasTasks: bool
    hasChildren: bool
    taskNames: list[str]
    status: str
    attrib: dict[str, Any]
    ownAttrib: list[str]
    updatedAt: str


class ProjectHierarchyDict(TypedDict, total=False):
    hierarchy: list[dict[str, Any]]
    projectName: str


class ProductTypeDict(TypedDict, total=False):
    name: str
    color: Optional[str]
    icon: Optional[str]


class AttributeSchemaDataDict(TypedDict, total=False):
    type: AttributeType
    title: Optional[str]
    description: Optional[str]
    example: Any
    default: Any
    inherit: bool
    enum: Optional[list[dict[str, Any]]]


class AttributeSchemaDict(TypedDict, total=False):
    name: str
    position: int
    scope: list[AttributeScope]
    builtin: bool
    data: AttributeSchemaDataDict


class AttributesSchemaDict(TypedDict, total=False):
    attributes: list[AttributeSchemaDict]


class AnatomyPresetDict(TypedDict, total=False):
    roots: dict[str, Any]
    templates: dict[str, Any]
    attributes: dict[str, Any]
    folder_types: list[dict[str, Any]]
    task_types: list[dict[str, Any]]
    link_types: list[dict[str, Any]]
    statuses: list[dict[str, Any]]
    tags: list[dict[str, Any]]


class EventFilterCondition(TypedDict, total=False):
    key: str
    value: Any
    operator: AdvancedFilterConditionOperator


class EventFilter(TypedDict, total=False):
    conditions: list[EventFilterCondition]
    operator: Literal["and", "or"]


class AdvancedFilterDict(TypedDict, total=False):
    conditions: list[Any]
    operator: Literal["and", "or"]


class BackgroundOperationTask(TypedDict, total=False):
    id: str
    status: Literal["pending", "in_progress", "completed"]
    result: Optional[dict[str, Any]]


class EnrollEventData(TypedDict, total=False):
    id: str
    dependsOn: str
    hash: str
    status: EventStatus


AnyEntityDict = Union[
    ProjectDict, FolderDict, TaskDict, ProductDict, VersionDict,
    RepresentationDict, WorkfileInfoDict,
]
