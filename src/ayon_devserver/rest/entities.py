"""``/api/projects/{p}/{folders|tasks|products|versions|representations|
workfiles}[/{id}]``: create (POST), get, patch, delete; one implementation
for the six entity types (the entity service does the work)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Request, Response

from ..auth import CurrentUser, require_project_access
from ..entities import ENTITY_TYPES, EntityService, Renderer
from ..store import ProjectRecord, Store, UserRecord

router = APIRouter(prefix="/api/projects/{project_name}", tags=["Entities"])

ProjectName = Annotated[str, Path(pattern=r"^[a-zA-Z0-9_]*$")]
EntityId = Annotated[str, Path(pattern=r"^[0-9a-f]{32}$", min_length=32, max_length=32)]
Payload = Annotated[dict[str, Any], Body()]


def project_context(
    request: Request, user: UserRecord, project_name: str
) -> tuple[Store, ProjectRecord]:
    """The store and the project (404 when missing, 403 without access)."""
    store: Store = request.app.state.store
    project = store.projects.require(project_name)
    require_project_access(user, project_name)
    return store, project


def _register(entity_type: str) -> None:
    plural = f"{entity_type}s"
    title = entity_type.capitalize()

    def create(
        project_name: ProjectName, body: Payload, user: CurrentUser, request: Request
    ) -> dict[str, str]:
        store, project = project_context(request, user, project_name)
        with store.transaction():
            entity_id = EntityService(store, project, user).create(entity_type, body)
        return {"id": entity_id}

    def get(
        project_name: ProjectName,
        entity_id: EntityId,
        user: CurrentUser,
        request: Request,
    ) -> dict[str, Any]:
        store, project = project_context(request, user, project_name)
        record = EntityService(store, project, user).require(entity_type, entity_id)
        return Renderer(store, project).render(entity_type, record)

    def patch(
        project_name: ProjectName,
        entity_id: EntityId,
        body: Payload,
        user: CurrentUser,
        request: Request,
    ) -> Response:
        store, project = project_context(request, user, project_name)
        with store.transaction():
            EntityService(store, project, user).update(entity_type, entity_id, body)
        return Response(status_code=204)

    def delete(
        project_name: ProjectName,
        entity_id: EntityId,
        user: CurrentUser,
        request: Request,
        force: bool = False,
    ) -> Response:
        store, project = project_context(request, user, project_name)
        with store.transaction():
            EntityService(store, project, user).delete(entity_type, entity_id, force)
        return Response(status_code=204)

    router.add_api_route(
        f"/{plural}",
        create,
        methods=["POST"],
        status_code=201,
        name=f"create_{entity_type}",
        summary=f"Create {title}",
    )
    item = f"/{plural}/{{entity_id}}"
    router.add_api_route(
        item, get, methods=["GET"], name=f"get_{entity_type}", summary=f"Get {title}"
    )
    router.add_api_route(
        item,
        patch,
        methods=["PATCH"],
        status_code=204,
        name=f"update_{entity_type}",
        summary=f"Update {title}",
    )
    router.add_api_route(
        item,
        delete,
        methods=["DELETE"],
        status_code=204,
        name=f"delete_{entity_type}",
        summary=f"Delete {title}",
    )


for _entity_type in ENTITY_TYPES:
    _register(_entity_type)
