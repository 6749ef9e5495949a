"""``ServerAPI``: the connection core plus one mixin per server area."""
from __future__ import annotations

from .resources.operations import OperationsAPI
from .resources.representations import RepresentationsAPI
from .resources.schemas import SchemasAPI
from .resources.tasks import TasksAPI
from .resources.users import UsersAPI
from .resources.versions import VersionsAPI
from .resources.workfiles import WorkfilesAPI

__all__ = ["ServerAPI"]


class ServerAPI(
    RepresentationsAPI,  # + ProjectsAPI, AnatomyAPI
    VersionsAPI,  # + ProductsAPI
    TasksAPI,  # + FoldersAPI
    WorkfilesAPI,
    OperationsAPI,
    UsersAPI,
    SchemasAPI,
):
    """A connection to one AYON server.

    ``ServerAPI(base_url, token=...)`` connects with a user session token or
    an API key (the kind is detected). Several instances may talk to several
    servers at once; nothing is shared between them.
    """
