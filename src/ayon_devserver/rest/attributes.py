"""``/api/attributes``: attribute definitions (list, set, one by name)."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional, Union

from fastapi import APIRouter, Path, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from ..auth import CurrentUser, require_admin
from ..store import Store
from ..util import ATTRIBUTE_NAME_PATTERN

router = APIRouter(prefix="/api/attributes", tags=["Attributes"])

AttributeName = Annotated[str, Path(pattern=ATTRIBUTE_NAME_PATTERN)]
Scope = Literal[
    "project",
    "folder",
    "task",
    "product",
    "version",
    "representation",
    "workfile",
    "user",
    "list",
]
Number = Union[int, float]


class EnumItem(BaseModel):
    model_config = ConfigDict(extra="ignore")

    value: Union[str, int, float, bool]
    label: str
    description: Optional[str] = None
    fulltext: Optional[list[str]] = None
    group: Optional[str] = None
    icon: Optional[Union[str, dict[str, Any]]] = None
    color: Optional[str] = Field(None, pattern=r"^#[0-9a-fA-F]{6}$")
    disabled: bool = False
    disabledMessage: Optional[str] = None
    shortName: Optional[str] = None


class AttributeData(BaseModel):
    model_config = ConfigDict(extra="ignore")

    type: Literal[
        "string",
        "integer",
        "float",
        "boolean",
        "datetime",
        "list_of_strings",
        "list_of_integers",
        "list_of_any",
        "list_of_submodels",
        "dict",
    ] = "string"
    title: Optional[str] = None
    description: Optional[str] = None
    example: Any = None
    default: Any = None
    gt: Optional[Number] = None
    ge: Optional[Number] = None
    lt: Optional[Number] = None
    le: Optional[Number] = None
    minLength: Optional[int] = None
    maxLength: Optional[int] = None
    minItems: Optional[int] = None
    maxItems: Optional[int] = None
    regex: Optional[str] = None
    enum: Optional[list[EnumItem]] = None
    enumResolver: Optional[str] = None
    enumResolverSettings: Optional[dict[str, Any]] = None
    inherit: bool = True
    widget: Optional[str] = None
    widgetSettings: Optional[dict[str, Any]] = None


class AttributePutModel(BaseModel):
    position: int
    scope: list[Scope] = ["folder", "task"]
    data: AttributeData


class AttributePatchModel(BaseModel):
    position: Optional[int] = None
    scope: Optional[list[Scope]] = None
    data: Optional[AttributeData] = None


class AttributeModel(AttributePutModel):
    name: str = Field(pattern=ATTRIBUTE_NAME_PATTERN)
    builtin: bool = False


class SetAttributeListModel(BaseModel):
    attributes: list[AttributeModel] = []
    deleteMissing: bool = False


def compact_data(data: AttributeData) -> dict[str, Any]:
    """The stored (and ``/api/info``) form: unset keys left out."""
    return data.model_dump(exclude_none=True)


def render_attribute(item: dict[str, Any], full: bool = True) -> dict[str, Any]:
    """``AttributeModel`` JSON; ``full`` lists every data key (``null`` when
    unset) like ``GET /api/attributes``, otherwise the compact form of
    ``GET /api/info``."""
    data = item["data"]
    if full:
        data = AttributeData.model_validate(data).model_dump()
    return {
        "name": item["name"],
        "position": item["position"],
        "scope": list(item["scope"]),
        "builtin": item["builtin"],
        "data": data,
    }


def render_attributes(store: Store, full: bool = True) -> list[dict[str, Any]]:
    return [render_attribute(item, full) for item in store.attributes.all()]


def _store(request: Request) -> Store:
    return request.app.state.store


@router.get("")
def get_attribute_list(user: CurrentUser, request: Request) -> dict[str, Any]:
    return {"attributes": render_attributes(_store(request))}


@router.put("", status_code=204)
def set_attribute_list(
    body: SetAttributeListModel, user: CurrentUser, request: Request
) -> Response:
    require_admin(user)
    items = [
        {
            "name": a.name,
            "position": a.position,
            "scope": list(a.scope),
            "data": compact_data(a.data),
        }
        for a in body.attributes
    ]
    _store(request).attributes.set_all(items, body.deleteMissing)
    return Response(status_code=204)


@router.get("/{attribute_name}")
def get_attribute_config(
    attribute_name: AttributeName, user: CurrentUser, request: Request
) -> dict[str, Any]:
    return render_attribute(_store(request).attributes.get(attribute_name))


@router.put("/{attribute_name}", status_code=204)
def set_attribute_config(
    attribute_name: AttributeName,
    body: AttributePutModel,
    user: CurrentUser,
    request: Request,
) -> Response:
    require_admin(user)
    _store(request).attributes.put(
        attribute_name, body.position, list(body.scope), compact_data(body.data)
    )
    return Response(status_code=204)


@router.patch("/{attribute_name}", status_code=204)
def patch_attribute_config(
    attribute_name: AttributeName,
    body: AttributePatchModel,
    user: CurrentUser,
    request: Request,
) -> Response:
    require_admin(user)
    store = _store(request)
    current = store.attributes.get(attribute_name)
    data = dict(current["data"])
    if body.data is not None:
        data.update(body.data.model_dump(exclude_unset=True))
        data = compact_data(AttributeData.model_validate(data))
    store.attributes.put(
        attribute_name,
        current["position"] if body.position is None else body.position,
        current["scope"] if body.scope is None else list(body.scope),
        data,
    )
    return Response(status_code=204)


@router.delete("/{attribute_name}", status_code=204)
def delete_attribute(
    attribute_name: AttributeName, user: CurrentUser, request: Request
) -> Response:
    require_admin(user)
    _store(request).attributes.delete(attribute_name)
    return Response(status_code=204)
