"""The project anatomy as a pydantic model (``Anatomy``, as in the real
server's schema): validates anatomy presets and ``POST .../anatomy`` bodies
and provides ``GET /api/anatomy/schema``. Defaults are the built-in preset."""

from __future__ import annotations

import copy
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from .anatomy_defaults import DEFAULT_ANATOMY

EntityType = Literal[
    "folder", "product", "version", "representation", "task", "workfile"
]


def _default(key: str, model: Any) -> Any:
    """Default factory: the built-in preset's list, as models."""
    return lambda: [model(**copy.deepcopy(item)) for item in DEFAULT_ANATOMY[key]]


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Root(_Model):
    name: str = Field(pattern=r"^[a-zA-Z0-9_]{1,}$", title="Root name")
    windows: str = ""
    linux: str = ""
    darwin: str = ""


class EntityNaming(_Model):
    capitalization: Literal["lower", "upper", "keep", "pascal", "camel"] = "lower"
    separator: Literal["", "_", "-", "."] = "_"


class FolderType(_Model):
    name: str = Field(min_length=1, max_length=100)
    shortName: str = ""
    icon: str = "folder"
    color: str = "#cccccc"
    original_name: Optional[str] = None


class TaskType(_Model):
    name: str = Field(min_length=1, max_length=100)
    shortName: str = ""
    color: str = "#cccccc"
    icon: str = "task_alt"
    original_name: Optional[str] = None


class LinkType(_Model):
    link_type: str = Field(min_length=1, max_length=100)
    input_type: EntityType
    output_type: EntityType
    color: Optional[str] = None
    style: Literal["solid", "dashed"] = "solid"


class Status(_Model):
    name: str = Field(min_length=1, max_length=100)
    shortName: str = ""
    state: Literal["not_started", "in_progress", "done", "blocked"] = "not_started"
    icon: str = ""
    color: str = "#cacaca"
    scope: Optional[list[str]] = None
    original_name: Optional[str] = None


class Tag(_Model):
    name: str = Field(min_length=1, max_length=100)
    color: str = "#cacaca"
    original_name: Optional[str] = None


class DefaultProductBaseType(_Model):
    color: str = "#cccccc"
    icon: str = "deployed_code"


class ProductBaseType(DefaultProductBaseType):
    name: str = ""


class ProductBaseTypes(_Model):
    default: DefaultProductBaseType = Field(default_factory=DefaultProductBaseType)
    definitions: list[ProductBaseType] = Field(default_factory=list)


class ProjectAttribModel(BaseModel):
    """Project attribute values (custom attributes are kept too)."""

    model_config = ConfigDict(extra="allow")

    priority: Optional[Literal["urgent", "high", "normal", "low"]] = "normal"
    fps: float = 25.0
    resolutionWidth: int = 1920
    resolutionHeight: int = 1080
    pixelAspect: float = 1.0
    clipIn: int = 1
    clipOut: int = 1
    frameStart: int = 1001
    frameEnd: int = 1001
    handleStart: int = 0
    handleEnd: int = 0
    startDate: Optional[str] = None
    endDate: Optional[str] = None
    description: Optional[str] = None


class Templates(_Model):
    version_padding: int = 3
    version: str = "v{version:0>{@version_padding}}"
    frame_padding: int = 4
    frame: str = "{frame:0>{@frame_padding}}"
    work: list[dict[str, Any]] = Field(default_factory=list)
    publish: list[dict[str, Any]] = Field(default_factory=list)
    hero: list[dict[str, Any]] = Field(default_factory=list)
    delivery: list[dict[str, Any]] = Field(default_factory=list)
    staging: list[dict[str, Any]] = Field(default_factory=list)
    others: list[dict[str, Any]] = Field(default_factory=list)


class Anatomy(_Model):
    roots: list[Root] = Field(default_factory=_default("roots", Root))
    templates: Templates = Field(
        default_factory=lambda: Templates(**copy.deepcopy(DEFAULT_ANATOMY["templates"]))
    )
    attributes: ProjectAttribModel = Field(default_factory=ProjectAttribModel)
    entity_naming: EntityNaming = Field(default_factory=EntityNaming)
    folder_types: list[FolderType] = Field(
        default_factory=_default("folder_types", FolderType)
    )
    task_types: list[TaskType] = Field(default_factory=_default("task_types", TaskType))
    link_types: list[LinkType] = Field(default_factory=_default("link_types", LinkType))
    statuses: list[Status] = Field(default_factory=_default("statuses", Status))
    tags: list[Tag] = Field(default_factory=_default("tags", Tag))
    product_base_types: ProductBaseTypes = Field(
        default_factory=lambda: ProductBaseTypes(
            **copy.deepcopy(DEFAULT_ANATOMY["product_base_types"])
        )
    )


def normalize_anatomy(data: dict[str, Any]) -> dict[str, Any]:
    """An anatomy validated and completed with defaults (raises
    ``pydantic.ValidationError``)."""
    return Anatomy.model_validate(data).model_dump()


def anatomy_schema() -> dict[str, Any]:
    return Anatomy.model_json_schema()
