"""``ServerAPI``: the connection core plus one mixin per server area."""
from __future__ import annotations

from .resources.projects import ProjectsAPI
from .resources.schemas import SchemasAPI
from .resources.users import UsersAPI

__all__ = ["ServerAPI"]


class ServerAPI(UsersAPI, ProjectsAPI, SchemasAPI):
    """A connection to one AYON server.

    ``ServerAPI(base_url, token=...)`` connects with a user session token or
    an API key (the kind is detected). Several instances may talk to several
    servers at once; nothing is shared between them.
    """
