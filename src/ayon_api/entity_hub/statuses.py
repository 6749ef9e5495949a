"""Statuses of a project: ``ProjectStatus`` and the ordered list of them
that ``ProjectEntity.statuses`` returns."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Optional, Union, cast

from ..utils import slugify_string
from ._values import _NOT_SET

if TYPE_CHECKING:
    from ._values import StatusEntityType, StatusState

__all__ = ["ProjectStatus"]

_VALID_STATES = ("not_started", "in_progress", "done", "blocked")
_VALID_SCOPE = ("folder", "task", "product", "version", "representation",
                "workfile")


class ProjectStatus:
    """One status of a project (name, short name, state, icon, colour and
    the entity types it applies to), with change tracking.

    A status belongs to at most one project status list; ``index`` is its
    position there (None when it is not in a list).
    """

    valid_states = set(_VALID_STATES)
    valid_scope = set(_VALID_SCOPE)
    color_regex = re.compile(r"#([a-f0-9]{6})$")
    default_state = "in_progress"
    default_color = "#eeeeee"

    def __init__(
        self,
        name: str,
        short_name: Optional[str] = None,
        state: Optional[StatusState] = None,
        icon: Optional[str] = None,
        color: Optional[str] = None,
        scope: Optional[Iterable[StatusEntityType]] = None,
        index: Optional[int] = None,
        project_statuses: Optional[_ProjectStatuses] = None,
        is_new: Optional[bool] = None,
    ) -> None:
        if not isinstance(name, str):
            raise TypeError(f"Status name must be a string, got {name!r}")
        self._name = name
        self._short_name = short_name or ""
        self._icon = icon or ""
        self._state: str = self.default_state
        self._color: str = self.default_color
        self._scope: list[str] = list(_VALID_SCOPE)
        self.set_state(state or cast("StatusState", self.default_state))
        self.set_color(color or self.default_color)
        if scope is not None:
            self.set_scope(scope)
        self._index = index
        self._project_statuses = project_statuses
        if is_new is None:
            is_new = index is None or project_statuses is None
        self._is_new = is_new
        self._original: dict[str, Any] = {}
        self._remember_original()

    def _remember_original(self) -> None:
        self._original = {
            "name": self._name,
            "short_name": self._short_name,
            "icon": self._icon,
            "state": self._state,
            "color": self._color,
            "scope": set(self._scope),
            "index": self._index,
        }

    def __str__(self) -> str:
        short = f"({self._short_name})" if self._short_name else ""
        return f"<{self.__class__.__name__} {self._name}{short}>"

    __repr__ = __str__

    _ITEM_KEYS = ("name", "short_name", "icon", "state", "color")

    def __getitem__(self, key: str) -> Any:
        if key in self._ITEM_KEYS or key == "slugified_name":
            return getattr(self, key)
        raise KeyError(key)

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in self._ITEM_KEYS:
            raise KeyError(key)
        setattr(self, key, value)

    # -- state of the status --
    def lock(self) -> None:
        """Take the current values as the saved ones (after a commit)."""
        self._is_new = False
        self._remember_original()

    @property
    def changed(self) -> bool:
        """New, or changed since the lock (position included)."""
        if self._is_new:
            return True
        current = {
            "name": self._name,
            "short_name": self._short_name,
            "icon": self._icon,
            "state": self._state,
            "color": self._color,
            "scope": set(self._scope),
            "index": self._index,
        }
        return current != self._original

    def is_available_for_entity_type(self, entity_type: str) -> bool:
        return entity_type in self._scope

    @staticmethod
    def slugify_name(name: str) -> str:
        """Comparable form of a name ("In Progress" -> "in_progress")."""
        return cast(str, slugify_string(name.lower()))

    @property
    def slugified_name(self) -> str:
        return self.slugify_name(self._name)

    # -- the list the status belongs to --
    def get_project_statuses(self) -> Optional[_ProjectStatuses]:
        return self._project_statuses

    def set_project_statuses(self, project_statuses: _ProjectStatuses) -> None:
        """Used by the status list when the status is added to it."""
        self._project_statuses = project_statuses

    def unset_project_statuses(self, project_statuses: _ProjectStatuses
                               ) -> None:
        """Used by the status list when the status is removed from it."""
        if self._project_statuses is project_statuses:
            self._project_statuses = None
            self._index = None

    project_statuses = property(get_project_statuses, set_project_statuses)

    def delete(self) -> None:
        """Remove the status from its project."""
        if self._project_statuses is not None:
            self._project_statuses.remove(self)

    def get_index(self) -> Optional[int]:
        return self._index

    def set_index(self, index: Optional[int], from_parent: bool = False
                  ) -> None:
        """Move the status to ``index`` in its list (``from_parent`` is
        used by the list itself to record the position)."""
        if from_parent:
            self._index = index
            return
        if self._project_statuses is None:
            raise ValueError(f"Status '{self._name}' is not in a project")
        if index is None:
            raise ValueError("A status index must be an integer")
        self._project_statuses.set_status_index(self, index)

    index = property(get_index, set_index)

    def _check_same_list(self, other: ProjectStatus) -> _ProjectStatuses:
        mine, theirs = self._project_statuses, other.project_statuses
        if mine is None and theirs is None:
            raise ValueError("Both statuses are not assigned to a project.")
        for status, owner in ((self, mine), (other, theirs)):
            if owner is None:
                raise ValueError(
                    f"Status '{status.name}' is not assigned to a project.")
        if mine is not theirs:
            raise ValueError(
                "The statuses belong to different projects; cannot move.")
        return cast(_ProjectStatuses, mine)

    def move_before(self, other: ProjectStatus) -> None:
        """Place the status right before ``other``."""
        statuses = self._check_same_list(other)
        statuses.place_relative(self, other, after=False)

    def move_after(self, other: ProjectStatus) -> None:
        """Place the status right after ``other``."""
        statuses = self._check_same_list(other)
        statuses.place_relative(self, other, after=True)

    # -- values --
    def get_name(self) -> str:
        return self._name

    def set_name(self, name: str) -> None:
        if not isinstance(name, str):
            raise TypeError(f"Status name must be a string, got {name!r}")
        self._name = name

    def get_short_name(self) -> str:
        return self._short_name

    def set_short_name(self, short_name: str) -> None:
        if not isinstance(short_name, str):
            raise TypeError(
                f"Status short name must be a string, got {short_name!r}")
        self._short_name = short_name

    def get_icon(self) -> str:
        return self._icon

    def set_icon(self, icon: Optional[str]) -> None:
        if icon is None:
            icon = ""
        if not isinstance(icon, str):
            raise TypeError(f"Status icon must be a string, got {icon!r}")
        self._icon = icon

    def get_state(self) -> StatusState:
        return cast("StatusState", self._state)

    def set_state(self, state: StatusState) -> None:
        if state not in self.valid_states:
            raise ValueError(
                f"Invalid status state {state!r}; expected one of "
                f"{', '.join(_VALID_STATES)}")
        self._state = state

    def get_color(self) -> str:
        return self._color

    def set_color(self, color: str) -> None:
        """Set the colour, a hex string such as ``"#ff0000"``."""
        if not isinstance(color, str):
            raise TypeError(f"Status color must be a string, got {color!r}")
        color = color.lower()
        if self.color_regex.fullmatch(color) is None:
            raise ValueError(
                f"Invalid status color {color!r}; expected '#rrggbb'")
        self._color = color

    def get_scope(self) -> set[StatusEntityType]:
        return cast("set[StatusEntityType]", set(self._scope))

    def set_scope(self, scope: Iterable[StatusEntityType]) -> None:
        """Entity types the status applies to (e.g. ``["folder", "task"]``)."""
        if not isinstance(scope, (list, set, tuple, frozenset)):
            raise TypeError(
                f"Status scope must be a list, set or tuple, got {scope!r}")
        invalid = sorted(set(scope) - self.valid_scope)
        if invalid:
            raise ValueError(
                f"Invalid status scope values {', '.join(invalid)}; expected "
                f"some of {', '.join(_VALID_SCOPE)}")
        self._scope = list(dict.fromkeys(scope))

    name = property(get_name, set_name)
    short_name = property(get_short_name, set_short_name)
    icon = property(get_icon, set_icon)
    state = property(get_state, set_state)
    color = property(get_color, set_color)
    scope = property(get_scope, set_scope)

    # -- conversion --
    def to_data(self) -> dict[str, Any]:
        """The status as the server stores it (``original_name`` marks a
        rename, so the server renames the status on entities too)."""
        output: dict[str, Any] = {
            "name": self._name,
            "shortName": self._short_name,
            "state": self._state,
            "icon": self._icon,
            "color": self._color,
            "scope": list(self._scope),
        }
        original_name = self._original["name"]
        if not self._is_new and original_name and original_name != self._name:
            output["original_name"] = original_name
        return output

    @classmethod
    def from_data(
        cls,
        data: dict[str, Any],
        index: Optional[int] = None,
        project_statuses: Optional[_ProjectStatuses] = None,
    ) -> ProjectStatus:
        """A status from server data (``shortName`` or ``short_name``)."""
        short_name = data.get("shortName", data.get("short_name"))
        try:
            return cls(
                data["name"], short_name, data.get("state"), data.get("icon"),
                data.get("color"), data.get("scope"), index=index,
                project_statuses=project_statuses,
            )
        except ValueError:
            # Values the server accepted are kept as they are.
            status = cls(data["name"], short_name, icon=data.get("icon"),
                         index=index, project_statuses=project_statuses)
            status._state = data.get("state") or cls.default_state
            status._color = data.get("color") or cls.default_color
            if data.get("scope") is not None:
                status._scope = list(data["scope"])
            status._remember_original()
            return status


class _ProjectStatuses:
    """The ordered statuses of a project (``ProjectEntity.statuses``).

    Iterate it, look statuses up with ``get``/``index``, change the list with
    ``create``/``append``/``insert``/``remove``/``pop``, or replace it all
    with ``set``.
    """

    def __init__(self, statuses: Iterable[dict[str, Any]]) -> None:
        self._statuses = [
            ProjectStatus.from_data(status, index, self)
            for index, status in enumerate(statuses)
        ]
        self._scope_supported = False
        self._orig_length = len(self._statuses)
        self._set_called = False

    def __len__(self) -> int:
        return len(self._statuses)

    def __iter__(self) -> Iterator[ProjectStatus]:
        return iter(list(self._statuses))

    def __repr__(self) -> str:
        return f"<ProjectStatuses {[s.name for s in self._statuses]}>"

    def _reindex(self) -> None:
        for position, status in enumerate(self._statuses):
            status.set_index(position, from_parent=True)

    def create(
        self,
        name: str,
        short_name: Optional[str] = None,
        state: Optional[StatusState] = None,
        icon: Optional[str] = None,
        color: Optional[str] = None,
        scope: Optional[list[StatusEntityType]] = None,
    ) -> ProjectStatus:
        """Add a new status at the end and return it."""
        status = ProjectStatus(name, short_name, state, icon, color, scope,
                               is_new=True)
        return self.append(status)

    def set_status_scope_supported(self, supported: bool) -> None:
        """Servers older than 1.5 do not know status scopes."""
        self._scope_supported = supported

    def lock(self) -> None:
        self._orig_length = len(self._statuses)
        self._set_called = False
        for status in self._statuses:
            status.lock()

    def to_data(self) -> list[dict[str, Any]]:
        output = [status.to_data() for status in self._statuses]
        if not self._scope_supported:
            for item in output:
                item.pop("scope", None)
        return output

    def set(self, statuses: Iterable[dict[str, Any]]) -> None:
        """Replace all statuses with ``statuses`` (always a change)."""
        for status in self._statuses:
            status.unset_project_statuses(self)
        self._set_called = True
        self._statuses = [
            ProjectStatus.from_data(status, index, self)
            for index, status in enumerate(statuses)
        ]

    @property
    def changed(self) -> bool:
        return (
            self._set_called
            or self._orig_length != len(self._statuses)
            or any(status.changed for status in self._statuses)
        )

    def get(self, name: str, default: Any = None) -> Any:
        """The status called ``name``, or ``default``."""
        for status in self._statuses:
            if status.name == name:
                return status
        return default

    get_status_by_name = get

    def index(self, status: ProjectStatus, default: Any = _NOT_SET) -> Any:
        """Position of ``status``; ValueError (or ``default``) if absent."""
        for position, item in enumerate(self._statuses):
            if item is status:
                return position
        if default is _NOT_SET:
            raise ValueError(f"Status '{status.name}' is not in the project")
        return default

    def get_status_by_slugified_name(self, name: str
                                     ) -> Optional[ProjectStatus]:
        """The status whose name matches ``name`` once both are slugified
        ("In progress" matches "in-progress")."""
        wanted = ProjectStatus.slugify_name(name)
        for status in self._statuses:
            if status.slugified_name == wanted:
                return status
        return None

    def remove_by_name(self, name: str, ignore_missing: bool = False
                       ) -> Optional[ProjectStatus]:
        status = self.get(name)
        if status is None:
            if ignore_missing:
                return None
            raise ValueError(f"Status '{name}' is not in the project")
        return self.remove(status)

    def remove(self, status: ProjectStatus, ignore_missing: bool = False
               ) -> Optional[ProjectStatus]:
        position = self.index(status, default=None)
        if position is None:
            if ignore_missing:
                return None
            raise ValueError(f"Status '{status.name}' is not in the project")
        return self.pop(position)

    def pop(self, index: int) -> ProjectStatus:
        status = self._statuses.pop(index)
        status.unset_project_statuses(self)
        self._reindex()
        return status

    def insert(self, index: int,
               status: Union[ProjectStatus, dict[str, Any]]) -> ProjectStatus:
        """Put ``status`` (a status or its data) at ``index``; a status
        already in the list is moved there."""
        if isinstance(status, ProjectStatus):
            item = status
        else:
            item = ProjectStatus.from_data(status)
        owner = item.project_statuses
        if owner is not None and owner is not self:
            owner.remove(item, ignore_missing=True)
        current = self.index(item, default=None)
        if current is not None:
            self._statuses.pop(current)
        index = max(0, min(index, len(self._statuses)))
        self._statuses.insert(index, item)
        item.set_project_statuses(self)
        self._reindex()
        return item

    def append(self, status: Union[ProjectStatus, dict[str, Any]]
               ) -> ProjectStatus:
        """Add ``status`` (a status or its data) at the end."""
        if isinstance(status, ProjectStatus) and status.project_statuses is self:
            return self.insert(len(self._statuses) - 1, status)
        return self.insert(len(self._statuses), status)

    def set_status_index(self, status: ProjectStatus, index: int
                         ) -> ProjectStatus:
        return self.insert(index, status)

    def place_relative(self, status: ProjectStatus, other: ProjectStatus,
                       after: bool) -> None:
        """Move ``status`` right before (or after) ``other``."""
        if status is other:
            return
        self._statuses.remove(status)
        position = self._statuses.index(other) + (1 if after else 0)
        self._statuses.insert(position, status)
        self._reindex()
