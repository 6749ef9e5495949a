"""Batch operations on project entities (filled in by the operations work)."""
from __future__ import annotations

from ._entities import EntitiesAPI


class OperationsAPI(EntitiesAPI):
    """``/api/projects/{project}/operations`` (sync and background)."""
