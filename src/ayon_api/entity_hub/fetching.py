"""Reading the project's hierarchy from the server into the hub."""
from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import Any, Optional

from ..utils import convert_entity_id
from .entities import (
    BaseEntity,
    FolderEntity,
    ProductEntity,
    ProjectEntity,
    TaskEntity,
    VersionEntity,
)
from .hierarchy import HierarchyMixin

__all__ = ["FetchMixin"]

_FETCHABLE_TYPES = ("folder", "task", "product", "version", "project")


class FetchMixin(HierarchyMixin):
    """Server reads: the project (REST), folders, tasks, products and
    versions (GraphQL, inactive ones included, own attribute values)."""

    _connection: Any

    @property
    def project_name(self) -> str:
        return self._project_name

    @property
    def project_entity(self) -> ProjectEntity:
        """The project (fetched on first use)."""
        if not isinstance(self._project_entity, ProjectEntity):
            self.fill_project_from_server()
        return self._project_entity

    # -- fields asked from the server --
    def _get_folder_fields(self) -> set[str]:
        fields = set(self._connection.get_default_fields_for_type("folder"))
        return fields | {"hasProducts", "data"}

    def _get_task_fields(self) -> set[str]:
        fields = set(self._connection.get_default_fields_for_type("task"))
        return fields | {"data"}

    def _get_product_fields(self) -> set[str]:
        fields = set(self._connection.get_default_fields_for_type("product"))
        return fields | {"data"}

    def _get_version_fields(self) -> set[str]:
        fields = set(self._connection.get_default_fields_for_type("version"))
        return fields | {"data"}

    def _query_folders(self, **filters: Any) -> list[dict[str, Any]]:
        return list(self._connection.get_folders(
            self._project_name, fields=self._get_folder_fields(),
            own_attributes=True, active=None, **filters))

    def _query_tasks(self, **filters: Any) -> list[dict[str, Any]]:
        return list(self._connection.get_tasks(
            self._project_name, fields=self._get_task_fields(),
            own_attributes=True, active=None, **filters))

    # -- turning server dicts into entities --
    def add_folder(self, folder: dict[str, Any]) -> FolderEntity:
        """Add a folder from a server dict (as ``get_folders`` gives it)."""
        entity = FolderEntity.from_entity_data(folder, entity_hub=self)  # type: ignore[arg-type]
        self.add_entity(entity)
        return entity

    def add_task(self, task: dict[str, Any]) -> TaskEntity:
        """Add a task from a server dict."""
        entity = TaskEntity.from_entity_data(task, entity_hub=self)  # type: ignore[arg-type]
        self.add_entity(entity)
        return entity

    def add_product(self, product: dict[str, Any]) -> ProductEntity:
        """Add a product from a server dict."""
        entity = ProductEntity.from_entity_data(product, entity_hub=self)  # type: ignore[arg-type]
        self.add_entity(entity)
        return entity

    def add_version(self, version: dict[str, Any]) -> VersionEntity:
        """Add a version from a server dict."""
        entity = VersionEntity.from_entity_data(version, entity_hub=self)  # type: ignore[arg-type]
        self.add_entity(entity)
        return entity

    def _merge_fetched(self, entity_type: str, entity_data: dict[str, Any]
                       ) -> BaseEntity:
        """The cached entity of ``entity_data`` (kept with its local
        changes) or a new one made from it."""
        existing = self.get_entity_by_id(entity_data["id"])
        if isinstance(existing, FolderEntity) and "hasProducts" in entity_data:
            existing.has_published_content = bool(entity_data["hasProducts"])
        if existing is not None:
            return existing
        adders = {
            "folder": self.add_folder,
            "task": self.add_task,
            "product": self.add_product,
            "version": self.add_version,
        }
        return adders[entity_type](entity_data)

    # -- project --
    def fill_project_from_server(self) -> ProjectEntity:
        """Read the project from the server (replacing the hub's project
        entity); ValueError when the project does not exist."""
        project = self._connection.get_project(
            self._project_name, own_attributes=True)
        if not project:
            raise ValueError(f'Project "{self._project_name}" was not found.')
        major, minor = tuple(self._connection.get_server_version_tuple())[:2]
        project_entity = ProjectEntity.from_entity_data(project, self)  # type: ignore[arg-type]
        project_entity.set_status_scope_supported((major, minor) >= (1, 5))
        self._project_entity = project_entity
        self.add_entity(project_entity)
        return project_entity

    def fetch_hierarchy_entities(self) -> None:
        """Read the project with all its folders and tasks, active and
        inactive. Entities already in the hub are kept with their local
        changes; afterwards every folder knows its children."""
        project_entity = self.fill_project_from_server()
        folders = self._query_folders()
        tasks = self._query_tasks()
        parents: list[BaseEntity] = [project_entity]
        for folder in folders:
            parents.append(self._merge_fetched("folder", folder))
        for task in tasks:
            self._merge_fetched("task", task)
        for parent in parents:
            parent.fill_children_ids(
                child.id for child in self._entities_by_parent_id[parent.id])

    def query_entities_from_server(self) -> None:
        """Deprecated name of :meth:`fetch_hierarchy_entities`."""
        warnings.warn(
            "Method 'query_entities_from_server' is deprecated."
            " Please use 'fetch_hierarchy_entities' instead.",
            DeprecationWarning, stacklevel=2)
        self.fetch_hierarchy_entities()

    def _fetch_entity_children(self, entity: BaseEntity) -> None:
        """Fetch the folders (and tasks) under the project or a folder; for
        other types the cached children are all there is."""
        if entity.entity_type == "project":
            for folder in self._query_folders(parent_ids=[None]):
                self._merge_fetched("folder", folder)
        elif entity.entity_type == "folder":
            for folder in self._query_folders(parent_ids=[entity.id]):
                self._merge_fetched("folder", folder)
            for task in self._query_tasks(folder_ids=[entity.id]):
                self._merge_fetched("task", task)
        entity.fill_children_ids(
            child.id for child in self._entities_by_parent_id[entity.id])

    # -- lookups that may fetch --
    def _fetch_entity_data(self, entity_type: str, entity_id: str
                           ) -> Optional[dict[str, Any]]:
        con = self._connection
        project_name = self._project_name
        if entity_type == "folder":
            return con.get_folder_by_id(
                project_name, entity_id, fields=self._get_folder_fields(),
                own_attributes=True)
        if entity_type == "task":
            return con.get_task_by_id(
                project_name, entity_id, fields=self._get_task_fields(),
                own_attributes=True)
        if entity_type == "product":
            return con.get_product_by_id(
                project_name, entity_id, fields=self._get_product_fields())
        return con.get_version_by_id(
            project_name, entity_id, fields=self._get_version_fields())

    def get_or_fetch_entity_by_id(self, entity_id: str,
                                  entity_types: Iterable[str]
                                  ) -> Optional[BaseEntity]:
        """The cached entity, else the first of ``entity_types`` found on
        the server (e.g. ``["folder", "task"]``); None when none matches."""
        existing = self.get_entity_by_id(entity_id)
        if existing is not None:
            return existing
        types = [entity_types] if isinstance(entity_types, str) else list(
            entity_types or [])
        unknown = [t for t in types if t not in _FETCHABLE_TYPES]
        if unknown:
            raise ValueError(
                f"Unknown entity type {unknown[0]!r}; expected some of "
                f"{', '.join(_FETCHABLE_TYPES)}")
        if "project" in types and entity_id == self._project_name:
            return self.project_entity
        if convert_entity_id(entity_id) is None:
            return None
        for entity_type in types:
            if entity_type == "project":
                continue
            entity_data = self._fetch_entity_data(entity_type, entity_id)
            if entity_data:
                return self._merge_fetched(entity_type, entity_data)
        return None

    def get_or_query_entity_by_id(self, entity_id: str,
                                  entity_types: Iterable[str]
                                  ) -> Optional[BaseEntity]:
        """Deprecated name of :meth:`get_or_fetch_entity_by_id`."""
        warnings.warn(
            "Method 'get_or_query_entity_by_id' is deprecated. "
            "Please use 'get_or_fetch_entity_by_id' instead.",
            DeprecationWarning, stacklevel=2)
        return self.get_or_fetch_entity_by_id(entity_id, entity_types)

    def _get_typed(self, entity_type: str, entity_id: str, allow_fetch: bool
                   ) -> Any:
        if allow_fetch:
            entity = self.get_or_fetch_entity_by_id(entity_id, [entity_type])
        else:
            entity = self.get_entity_by_id(entity_id)
        if entity is None or entity.entity_type != entity_type:
            return None
        return entity

    def get_folder_by_id(self, entity_id: str, allow_fetch: bool = True
                         ) -> Optional[FolderEntity]:
        """A folder from the hub, else from the server (``allow_fetch``)."""
        return self._get_typed("folder", entity_id, allow_fetch)

    def get_task_by_id(self, entity_id: str, allow_fetch: bool = True
                       ) -> Optional[TaskEntity]:
        """A task from the hub, else from the server (``allow_fetch``)."""
        return self._get_typed("task", entity_id, allow_fetch)

    def get_product_by_id(self, entity_id: str, allow_fetch: bool = True
                          ) -> Optional[ProductEntity]:
        """A product from the hub, else from the server (``allow_fetch``)."""
        return self._get_typed("product", entity_id, allow_fetch)

    def get_version_by_id(self, entity_id: str, allow_fetch: bool = True
                          ) -> Optional[VersionEntity]:
        """A version from the hub, else from the server (``allow_fetch``)."""
        return self._get_typed("version", entity_id, allow_fetch)

