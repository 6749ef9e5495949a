"""Request bodies of entity create/update (REST and batch operations alike),
named as on the real server so validation messages read the same
("1 validation error for FolderPostModel ..."). Most bodies are validated
as TypedDicts made from the models (``_validator``): the same checks and
errors, the given fields as a dict, at a third of the cost (batches validate
thousands)."""

from __future__ import annotations

from typing import Any, Callable, Literal, Optional, get_args

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from typing_extensions import Annotated, NotRequired, Required, TypedDict

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


def _has_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_has_models(a) for a in get_args(annotation))


def _validator(model: type[BaseModel]) -> Callable[[Any], dict[str, Any]]:
    """``model_validate`` then ``model_dump(exclude_unset=True)``.

    A model without models inside is validated as a TypedDict of the same
    name, fields and constraints: that gives the fields set (and only those)
    straight as a dict, with the same errors, without making a model."""
    if any(_has_models(info.annotation) for info in model.model_fields.values()):
        validate = model.__pydantic_validator__.validate_python
        return lambda data: validate(data).model_dump(exclude_unset=True)
    fields: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        annotation = info.annotation
        if info.metadata:
            annotation = Annotated[(annotation, *info.metadata)]
        fields[name] = (
            Required[annotation] if info.is_required() else NotRequired[annotation]
        )
    body = TypedDict(model.__name__, fields)  # type: ignore[operator]
    body.__pydantic_config__ = ConfigDict(extra="ignore")  # type: ignore[attr-defined]
    return TypeAdapter(body).validate_python


_POST_VALIDATORS = {t: _validator(m) for t, m in POST_MODELS.items()}
_PATCH_VALIDATORS = {t: _validator(m) for t, m in PATCH_MODELS.items()}


def _validate(validate: Callable[[Any], dict[str, Any]], data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InvalidData("Invalid data provided: expected an object")
    try:
        return validate(data)
    except ValidationError as exc:
        raise InvalidData(f"Invalid data provided: {exc}") from None


def validate_post(entity_type: str, data: Any) -> dict[str, Any]:
    """The given fields of a create body, validated (unset ones left out)."""
    return _validate(_POST_VALIDATORS[entity_type], data)


def validate_patch(entity_type: str, data: Any) -> dict[str, Any]:
    """The given fields of a patch body, validated (``None`` kept: it clears
    nullable fields and, inside attrib/data, removes keys)."""
    return _validate(_PATCH_VALIDATORS[entity_type], data)
