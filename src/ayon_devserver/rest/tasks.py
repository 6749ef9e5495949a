"""``POST /api/projects/{p}/tasks/{id}/assign``: add, remove or set the
users assigned to a task."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel

from ..auth import CurrentUser
from ..entities import EntityService
from ..errors import Forbidden, NotFound
from .entities import EntityId, ProjectName, project_context

router = APIRouter(prefix="/api/projects/{project_name}", tags=["Tasks"])


class AssignUsersRequestModel(BaseModel):
    mode: Literal["add", "remove", "set"]
    users: list[str]


def assigned(current: list[str], mode: str, users: list[str]) -> list[str]:
    """The assignees after the change (order kept, no duplicates)."""
    if mode == "add":
        return list(dict.fromkeys([*current, *users]))
    if mode == "remove":
        return [name for name in current if name not in set(users)]
    return list(dict.fromkeys(users))


@router.post("/tasks/{task_id}/assign", status_code=204)
def assign_users_to_task(
    project_name: ProjectName,
    task_id: EntityId,
    body: AssignUsersRequestModel,
    user: CurrentUser,
    request: Request,
) -> Response:
    """Change the list of users assigned to a task. As on the real server,
    users without manager rights may only name themselves (403 otherwise);
    nothing is written (``updatedAt`` kept) when the list does not change.
    Users that would be newly assigned must exist (404)."""
    store, project = project_context(request, user, project_name)
    if not user.has_manager_rights and body.users != [user.name]:
        raise Forbidden("Normal users can only assign themselves")
    service = EntityService(store, project, user)
    with store.transaction():
        current = list(service.require("task", task_id)["assignees"] or [])
        assignees = assigned(current, body.mode, body.users)
        if set(assignees) == set(current):  # as the real server: no change
            return Response(status_code=204)
        added = [name for name in assignees if name not in current]
        if added:
            known = {u.name for u in store.users.page(names=added)[0]}
            missing = [name for name in added if name not in known]
            if len(missing) == 1:
                raise NotFound(f"User {missing[0]} not found")
            if missing:
                raise NotFound(f"Users not found: {', '.join(missing)}")
        service.update("task", task_id, {"assignees": assignees})
    return Response(status_code=204)
