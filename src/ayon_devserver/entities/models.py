"""Request bodies of entity create/update (REST and batch operations alike),
named as on the real server so validation messages read the same
("1 validation error for FolderPostModel ...")."""

from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import InvalidData

NAME_REGEX = r"^[a-zA-Z0-9_]([a-zA-Z0-9_\.\-]*[a-zA-Z0-9_])?$"
USER_NAME_REGEX = r"^[a-zA-Z0-9][a-zA-Z0-9_\.\-]*[a-zA-Z0-9]$"
LABEL_REGEX = r"^[^';]*$"
ID_REGEX = r"^[0-9a-f]{32}$"

Name = Field(pattern=NAME_REGEX, min_length=1, max_length=255)
OptName = Field(None, pattern=NAME_REGEX, min_length=1, max_length=255)
OptLabel = Field(None, pattern=LABEL_REGEX)
OptId = Field(None, pattern=ID_REGEX)


class _Base(BaseModel):
    model_config = ConfigDict(extra="ignore")

    attrib: Optional[dict[str, Any]] = None
    data: Optional[dict[str, Any]] = None
    active: Optional[bool] = None
    status: Optional[str] = None
    tags: Optional[list[str]] = None
    createdBy: Optional[str] = None
    updatedBy: Optional[str] = None


class _Post(_Base):
    id: Optional[str] = OptId


class FolderPostModel(_Post):
    name: str = Name
    label: Optional[str] = OptLabel
    folderType: Optional[str] = None
    parentId: Optional[str] = OptId
    thumbnailId: Optional[str] = OptId


class FolderPatchModel(_Base):
    name: Optional[str] = OptName
    label: Optional[str] = OptLabel
    folderType: Optional[str] = None
    parentId: Optional[str] = OptId
    thumbnailId: Optional[str] = OptId


class TaskPostModel(_Post):
    name: str = Name
    label: Optional[str] = OptLabel
    taskType: str
    folderId: Optional[str] = OptId
    assignees: Optional[list[str]] = None
    thumbnailId: Optional[str] = OptId


class TaskPatchModel(_Base):
    name: Optional[str] = OptName
    label: Optional[str] = OptLabel
    taskType: Optional[str] = None
    folderId: Optional[str] = OptId
    assignees: Optional[list[str]] = None
    thumbnailId: Optional[str] = OptId


class ProductPostModel(_Post):
    name: str = Name
    folderId: str = Field(pattern=ID_REGEX)
    productType: str = Name
    productBaseType: Optional[str] = OptName


class ProductPatchModel(_Base):
    name: Optional[str] = OptName
    folderId: Optional[str] = OptId
    productType: Optional[str] = OptName
    productBaseType: Optional[str] = OptName


class VersionPostModel(_Post):
    version: int
    productId: str = Field(pattern=ID_REGEX)
    taskId: Optional[str] = OptId
    thumbnailId: Optional[str] = OptId
    author: Optional[str] = Field(None, pattern=USER_NAME_REGEX)


class VersionPatchModel(_Base):
    version: Optional[int] = None
    productId: Optional[str] = OptId
    taskId: Optional[str] = OptId
    thumbnailId: Optional[str] = OptId
    author: Optional[str] = Field(None, pattern=USER_NAME_REGEX)


class RepresentationFileModel(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    name: Optional[str] = None
    path: str
    size: int = 0
    hash: Optional[str] = None
    hashType: Literal["md5", "sha1", "sha256", "op3"] = "md5"


class RepresentationPostModel(_Post):
    name: str = Name
    versionId: str = Field(pattern=ID_REGEX)
    files: Optional[list[RepresentationFileModel]] = None
    traits: Optional[dict[str, Any]] = None


class RepresentationPatchModel(_Base):
    name: Optional[str] = OptName
    versionId: Optional[str] = OptId
    files: Optional[list[RepresentationFileModel]] = None
    traits: Optional[dict[str, Any]] = None


class WorkfilePostModel(_Post):
    path: str = Field(min_length=1)
    taskId: str = Field(pattern=ID_REGEX)
    thumbnailId: Optional[str] = OptId


class WorkfilePatchModel(_Base):
    path: Optional[str] = Field(None, min_length=1)
    taskId: Optional[str] = OptId
    thumbnailId: Optional[str] = OptId


POST_MODELS: dict[str, type[_Post]] = {
    "folder": FolderPostModel,
    "task": TaskPostModel,
    "product": ProductPostModel,
    "version": VersionPostModel,
    "representation": RepresentationPostModel,
    "workfile": WorkfilePostModel,
}
PATCH_MODELS: dict[str, type[_Base]] = {
    "folder": FolderPatchModel,
    "task": TaskPatchModel,
    "product": ProductPatchModel,
    "version": VersionPatchModel,
    "representation": RepresentationPatchModel,
    "workfile": WorkfilePatchModel,
}


def _validate(model: type[BaseModel], data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InvalidData("Invalid data provided: expected an object")
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        raise InvalidData(f"Invalid data provided: {exc}") from None
    return parsed.model_dump(exclude_unset=True)


def validate_post(entity_type: str, data: Any) -> dict[str, Any]:
    """The given fields of a create body, validated (unset ones left out)."""
    return _validate(POST_MODELS[entity_type], data)


def validate_patch(entity_type: str, data: Any) -> dict[str, Any]:
    """The given fields of a patch body, validated (``None`` kept: it clears
    nullable fields and, inside attrib/data, removes keys)."""
    return _validate(PATCH_MODELS[entity_type], data)
