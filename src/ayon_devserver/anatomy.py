"""Project anatomy -> project fields.

``POST /api/projects`` receives an *anatomy* (snake_case settings shape, as
``anatomy_defaults.DEFAULT_ANATOMY``); the project stores it the way the real
server does: camelCase lists (``folderTypes``, ``linkTypes`` ...), attribute
values in ``attrib`` and the rest (roots, templates, ...) in ``config``.
"""

from __future__ import annotations

import copy
from typing import Any, Optional

from .anatomy_defaults import DEFAULT_ANATOMY

_TEMPLATE_COMMON_KEYS = ("frame", "frame_padding", "version", "version_padding")
_DEFAULT_ENTITY_NAMING = {"capitalization": "lower", "separator": "_"}


def _strip_original_names(items: Any) -> list[dict[str, Any]]:
    return [
        {k: v for k, v in item.items() if k != "original_name"} for item in items or []
    ]


def link_type_from_anatomy(item: dict[str, Any]) -> dict[str, Any]:
    """``{link_type, input_type, output_type, color, style}`` -> project shape."""
    link_type = item["link_type"]
    input_type = item["input_type"]
    output_type = item["output_type"]
    data = {k: item[k] for k in ("color", "style") if item.get(k) is not None}
    return {
        "name": f"{link_type}|{input_type}|{output_type}",
        "linkType": link_type,
        "inputType": input_type,
        "outputType": output_type,
        "data": data,
    }


def _templates(templates: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    common = {k: templates[k] for k in _TEMPLATE_COMMON_KEYS if k in templates}
    if common:
        result["common"] = common
    for category, items in templates.items():
        if category in _TEMPLATE_COMMON_KEYS or not isinstance(items, list):
            continue
        named = {
            item["name"]: {k: v for k, v in item.items() if k != "name"}
            for item in items
            if isinstance(item, dict) and "name" in item
        }
        if named:
            result[category] = named
    return result


def _roots(roots: Any) -> dict[str, Any]:
    if isinstance(roots, dict):
        return copy.deepcopy(roots)
    return {
        root["name"]: {k: v for k, v in root.items() if k != "name"}
        for root in roots or []
    }


def project_fields(anatomy: Optional[dict[str, Any]] = None) -> dict[str, Any]:
    """``ProjectRecord`` keyword arguments for an anatomy (default preset when
    ``None``): attrib, config, folder/task types, statuses, tags, link types."""
    source = copy.deepcopy(DEFAULT_ANATOMY if anatomy is None else anatomy)
    naming = source.get("entity_naming") or {}
    config: dict[str, Any] = {
        "entityNaming": {
            k: v for k, v in naming.items() if _DEFAULT_ENTITY_NAMING.get(k) != v
        },
        "productBaseTypes": source.get(
            "product_base_types", DEFAULT_ANATOMY["product_base_types"]
        ),
        "roots": _roots(source.get("roots", DEFAULT_ANATOMY["roots"])),
        "templates": _templates(source.get("templates") or {}),
    }
    attributes = source.get("attributes") or {}
    return {
        "attrib": {k: v for k, v in attributes.items() if v is not None},
        "config": config,
        "folder_types": _strip_original_names(source.get("folder_types")),
        "task_types": _strip_original_names(source.get("task_types")),
        "statuses": _strip_original_names(source.get("statuses")),
        "tags": _strip_original_names(source.get("tags")),
        "link_types": [link_type_from_anatomy(i) for i in source.get("link_types", [])],
    }


def _roots_list(roots: Any) -> list[dict[str, Any]]:
    if isinstance(roots, list):
        return copy.deepcopy(roots)
    return [{"name": name, **values} for name, values in (roots or {}).items()]


def _templates_anatomy(templates: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = dict(templates.get("common") or {})
    for category, named in templates.items():
        if category == "common" or not isinstance(named, dict):
            continue
        result[category] = [{"name": name, **values} for name, values in named.items()]
    return result


def project_anatomy(
    project: Any, attribute_names: Optional[list[str]] = None
) -> dict[str, Any]:
    """The anatomy of a project (the inverse of ``project_fields``), shaped
    as ``POST /api/projects`` and the presets take it."""
    config = project.config or {}
    attributes = {name: None for name in attribute_names or []}
    attributes.update(project.attrib)
    naming = {**_DEFAULT_ENTITY_NAMING, **(config.get("entityNaming") or {})}
    return {
        "attributes": attributes,
        "entity_naming": naming,
        "folder_types": copy.deepcopy(project.folder_types),
        "task_types": copy.deepcopy(project.task_types),
        "statuses": copy.deepcopy(project.statuses),
        "tags": copy.deepcopy(project.tags),
        "link_types": [
            {
                "link_type": item["linkType"],
                "input_type": item["inputType"],
                "output_type": item["outputType"],
                **{
                    k: v
                    for k, v in (item.get("data") or {}).items()
                    if k in ("color", "style")
                },
            }
            for item in project.link_types
        ],
        "product_base_types": copy.deepcopy(
            config.get("productBaseTypes") or DEFAULT_ANATOMY["product_base_types"]
        ),
        "roots": _roots_list(config.get("roots")),
        "templates": _templates_anatomy(config.get("templates") or {}),
    }
