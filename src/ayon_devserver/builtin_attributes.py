# ruff: noqa: E501
"""Built-in attribute definitions, as the real AYON server (1.16) ships them.

Compact form (unset keys omitted); ``position`` follows list order.
"""

from typing import Any

BUILTIN_ATTRIBUTES: list[dict[str, Any]] = [
    {
        "name": "priority",
        "scope": ["project", "folder", "task"],
        "data": {
            "default": "normal",
            "enum": [
                {
                    "color": "#FF8585",
                    "disabled": False,
                    "fulltext": ["urgent"],
                    "icon": "keyboard_double_arrow_up",
                    "label": "Urgent",
                    "value": "urgent",
                },
                {
                    "color": "#FFAD66",
                    "disabled": False,
                    "fulltext": ["high"],
                    "icon": "keyboard_arrow_up",
                    "label": "High",
                    "value": "high",
                },
                {
                    "color": "#9AC0E7",
                    "disabled": False,
                    "fulltext": ["normal"],
                    "icon": "check_indeterminate_small",
                    "label": "Normal",
                    "value": "normal",
                },
                {
                    "color": "#9FA7B1",
                    "disabled": False,
                    "fulltext": ["low"],
                    "icon": "keyboard_arrow_down",
                    "label": "Low",
                    "value": "low",
                },
            ],
            "inherit": True,
            "title": "Priority",
            "type": "string",
        },
    },
    {
        "name": "fps",
        "scope": ["project", "folder", "version", "representation", "task"],
        "data": {
            "default": 25,
            "description": "Frame rate",
            "example": 25,
            "gt": 0,
            "inherit": True,
            "title": "FPS",
            "type": "float",
        },
    },
    {
        "name": "resolutionWidth",
        "scope": ["project", "folder", "version", "representation", "task"],
        "data": {
            "default": 1920,
            "description": "Horizontal resolution",
            "example": 1920,
            "gt": 0,
            "inherit": True,
            "lt": 50000,
            "title": "Width",
            "type": "integer",
        },
    },
    {
        "name": "resolutionHeight",
        "scope": ["project", "folder", "version", "representation", "task"],
        "data": {
            "default": 1080,
            "description": "Vertical resolution",
            "example": 1080,
            "gt": 0,
            "inherit": True,
            "lt": 50000,
            "title": "Height",
            "type": "integer",
        },
    },
    {
        "name": "pixelAspect",
        "scope": ["project", "folder", "version", "representation", "task"],
        "data": {
            "default": 1.0,
            "example": 1.0,
            "gt": 0,
            "inherit": True,
            "title": "Pixel aspect",
            "type": "float",
        },
    },
    {
        "name": "clipIn",
        "scope": ["project", "folder", "version", "representation", "task"],
        "data": {
            "default": 1,
            "example": 1,
            "inherit": True,
            "title": "Clip In",
            "type": "integer",
        },
    },
    {
        "name": "clipOut",
        "scope": ["project", "folder", "version", "representation", "task"],
        "data": {
            "default": 1,
            "example": 1,
            "inherit": True,
            "title": "Clip Out",
            "type": "integer",
        },
    },
    {
        "name": "frameStart",
        "scope": ["project", "folder", "version", "representation", "task"],
        "data": {
            "default": 1001,
            "example": 1001,
            "inherit": True,
            "title": "Start frame",
            "type": "integer",
        },
    },
    {
        "name": "frameEnd",
        "scope": ["project", "folder", "version", "representation", "task"],
        "data": {
            "default": 1001,
            "inherit": True,
            "title": "End frame",
            "type": "integer",
        },
    },
    {
        "name": "handleStart",
        "scope": ["project", "folder", "version", "representation", "task"],
        "data": {
            "default": 0,
            "inherit": True,
            "title": "Handle start",
            "type": "integer",
        },
    },
    {
        "name": "handleEnd",
        "scope": ["project", "folder", "version", "representation", "task"],
        "data": {
            "default": 0,
            "inherit": True,
            "title": "Handle end",
            "type": "integer",
        },
    },
    {
        "name": "fullName",
        "scope": ["user"],
        "data": {
            "example": "Jane Doe",
            "inherit": True,
            "title": "Full name",
            "type": "string",
        },
    },
    {
        "name": "email",
        "scope": ["user"],
        "data": {
            "example": "jane.doe@ayon.cloud",
            "inherit": True,
            "title": "E-Mail",
            "type": "string",
        },
    },
    {
        "name": "avatarUrl",
        "scope": ["user"],
        "data": {"inherit": True, "title": "Avatar URL", "type": "string"},
    },
    {
        "name": "developerMode",
        "scope": ["user"],
        "data": {
            "example": True,
            "inherit": True,
            "title": "Developer mode",
            "type": "boolean",
        },
    },
    {
        "name": "productGroup",
        "scope": ["product"],
        "data": {"inherit": True, "title": "Product group", "type": "string"},
    },
    {
        "name": "intent",
        "scope": ["version"],
        "data": {"inherit": True, "title": "Intent", "type": "string"},
    },
    {
        "name": "machine",
        "scope": ["version"],
        "data": {"inherit": True, "title": "Machine", "type": "string"},
    },
    {
        "name": "source",
        "scope": ["version"],
        "data": {"inherit": True, "title": "Source", "type": "string"},
    },
    {
        "name": "comment",
        "scope": ["version"],
        "data": {"inherit": True, "title": "Comment", "type": "string"},
    },
    {
        "name": "site",
        "scope": ["version"],
        "data": {
            "example": "workstation42",
            "inherit": True,
            "title": "Site",
            "type": "string",
        },
    },
    {
        "name": "families",
        "scope": ["version"],
        "data": {"inherit": True, "title": "Families", "type": "list_of_strings"},
    },
    {
        "name": "colorSpace",
        "scope": ["version"],
        "data": {
            "example": "rec709",
            "inherit": True,
            "title": "Color space",
            "type": "string",
        },
    },
    {
        "name": "path",
        "scope": ["representation"],
        "data": {"inherit": True, "title": "Path", "type": "string"},
    },
    {
        "name": "template",
        "scope": ["representation"],
        "data": {"inherit": True, "title": "Template", "type": "string"},
    },
    {
        "name": "extension",
        "scope": ["representation", "workfile"],
        "data": {"inherit": True, "title": "File extension", "type": "string"},
    },
    {
        "name": "startDate",
        "scope": ["project", "folder", "task"],
        "data": {
            "description": "Date and time when the project or task or asset was started",
            "example": "2021-01-01T00:00:00+00:00",
            "inherit": True,
            "title": "Start date",
            "type": "datetime",
        },
    },
    {
        "name": "endDate",
        "scope": ["project", "folder", "task"],
        "data": {
            "description": "Deadline date and time",
            "example": "2021-01-01T00:00:00+00:00",
            "inherit": True,
            "title": "End date",
            "type": "datetime",
        },
    },
    {
        "name": "description",
        "scope": [
            "project",
            "folder",
            "task",
            "product",
            "version",
            "representation",
            "workfile",
        ],
        "data": {
            "description": "Textual description of the entity",
            "example": "A very nice entity",
            "inherit": False,
            "title": "Description",
            "type": "string",
            "widget": "markdown",
        },
    },
    {
        "name": "entityListCategory",
        "scope": ["list"],
        "data": {
            "description": "Category of the entity list",
            "example": "To-do",
            "inherit": False,
            "title": "List category",
            "type": "string",
        },
    },
]
