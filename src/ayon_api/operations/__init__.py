"""Batch changes of project entities.

Queue creates, updates and deletes in an :class:`OperationsSession` and send
them with :meth:`OperationsSession.commit`; the ``new_*_entity`` helpers
build create bodies and :func:`prepare_changes` builds update data::

    session = OperationsSession()
    folder = session.create_folder("Show", "sh010", folder_type="Shot")
    session.create_task("Show", "comp", "Compositing", folder.entity_id)
    session.commit()
"""
from __future__ import annotations

from ._new_entities import (
    new_folder_entity,
    new_hero_version_entity,
    new_product_entity,
    new_representation_entity,
    new_task_entity,
    new_version_entity,
    new_workfile_entity,
    new_workfile_info,
    prepare_changes,
)
from ._operations import (
    AbstractOperation,
    CreateOperation,
    DeleteOperation,
    UpdateOperation,
)
from ._session import OperationsSession

__all__ = [
    "AbstractOperation",
    "CreateOperation",
    "DeleteOperation",
    "OperationsSession",
    "UpdateOperation",
    "new_folder_entity",
    "new_hero_version_entity",
    "new_product_entity",
    "new_representation_entity",
    "new_task_entity",
    "new_version_entity",
    "new_workfile_entity",
    "new_workfile_info",
    "prepare_changes",
]
