"""``POST /api/projects/{p}/operations`` (a batch, answered when done) and
``/operations/background`` (answered at once; status polled by id)."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any, Callable

from fastapi import APIRouter, Request, Response
from fastapi.routing import APIRoute

from ..auth import CurrentUser
from ..entities import (
    BackgroundOperations,
    OperationsRequestModel,
    OperationsRunner,
    gc_paused,
)
from ..errors import NotFound
from .entities import ProjectName, project_context


class _BatchRoute(APIRoute):
    """A route whose requests run with automatic garbage collection paused
    (``gc_paused``): a batch body is tens of thousands of objects, parsed,
    validated and answered."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def paused(request: Request) -> Response:
            with gc_paused():
                return await handler(request)

        return paused


router = APIRouter(
    prefix="/api/projects/{project_name}/operations",
    tags=["Operations"],
    route_class=_BatchRoute,
)


@router.post("")
def operations(
    project_name: ProjectName,
    body: OperationsRequestModel,
    user: CurrentUser,
    request: Request,
) -> dict[str, Any]:
    """Run the operations in order; 200 with per-operation results (also when
    some failed: see ``success``)."""
    store, _project = project_context(request, user, project_name)
    return OperationsRunner(store, project_name, user).run(body)


@router.post("/background")
def background_operations(
    project_name: ProjectName,
    body: OperationsRequestModel,
    user: CurrentUser,
    request: Request,
) -> dict[str, Any]:
    store, _project = project_context(request, user, project_name)
    runner = OperationsRunner(store, project_name, user)
    tasks: BackgroundOperations = request.app.state.operations
    return tasks.submit(project_name, lambda progress: runner.run(body, progress))


@router.get("/background/{task_id}")
def get_background_operations_status(
    project_name: ProjectName, task_id: str, user: CurrentUser, request: Request
) -> dict[str, Any]:
    project_context(request, user, project_name)
    tasks: BackgroundOperations = request.app.state.operations
    task = tasks.get(project_name, task_id)
    if task is None:
        raise NotFound(f"Background task {task_id} not found")
    return task
