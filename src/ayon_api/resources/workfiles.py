"""Workfiles (the work files of tasks), with the legacy ``*_info`` names."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Optional

from .._sentinels import NOT_SET
from ..typing import WorkfileInfoDict
from ._bodies import workfile_create_body, workfile_update_body
from ._entities import (
    OWN_ATTRIBUTES_DEPRECATED,
    WORKFILE,
    EntitiesAPI,
    Filters,
    check_has_links,
    check_ids,
    check_name,
    check_project_name,
    check_strings,
    warn_own_attributes,
)


class WorkfilesAPI(EntitiesAPI):
    """Workfiles of tasks."""

    def get_workfile_entities(
        self,
        project_name: str,
        *,
        workfile_ids: Optional[Iterable[str]] = None,
        task_ids: Optional[Iterable[str]] = None,
        paths: Optional[Iterable[str]] = None,
        path_regex: Optional[str] = None,
        statuses: Optional[Iterable[str]] = None,
        tags: Optional[Iterable[str]] = None,
        has_links: Optional[str] = None,
        fields: Optional[Iterable[str]] = None,
    ) -> Iterator[WorkfileInfoDict]:
        """Workfiles matching every given filter (a generator)."""
        check_project_name(project_name)
        query_filters = Filters()
        matchable = all([
            query_filters.add("workfileIds", "ids", "[String!]",
                              check_ids(workfile_ids, "workfile_ids")),
            query_filters.add("taskIds", "taskIds", "[String!]",
                              check_ids(task_ids, "task_ids")),
            query_filters.add("paths", "paths", "[String!]",
                              check_strings(paths, "paths")),
            query_filters.add("workfilePathRegex", "pathEx", "String",
                              path_regex),
            query_filters.add("workfileStatuses", "statuses", "[String!]",
                              check_strings(statuses, "statuses")),
            query_filters.add("workfileTags", "tags", "[String!]",
                              check_strings(tags, "tags")),
            query_filters.add("workfileHasLinks", "hasLinks",
                              "HasLinksFilter",
                              check_has_links(has_links)),
        ])
        selected = self._entity_fields(WORKFILE, fields)
        if not matchable:
            return self._empty()
        return self._iter_entities(project_name, WORKFILE, query_filters,
                                   selected)

    def get_workfile_entity(self, project_name: str, task_id: str, path: str,
                            *, fields: Optional[Iterable[str]] = None
                            ) -> Optional[WorkfileInfoDict]:
        check_name(path, "workfile path")
        return next(self.get_workfile_entities(
            project_name, task_ids=[task_id], paths=[path], fields=fields),
            None)

    def get_workfile_entity_by_id(self, project_name: str, workfile_id: str,
                                  *, fields: Optional[Iterable[str]] = None
                                  ) -> Optional[WorkfileInfoDict]:
        return next(self.get_workfile_entities(
            project_name, workfile_ids=[workfile_id], fields=fields), None)

    def get_workfiles_info(
        self,
        project_name: str,
        workfile_ids: Optional[Iterable[str]] = None,
        task_ids: Optional[Iterable[str]] = None,
        paths: Optional[Iterable[str]] = None,
        path_regex: Optional[str] = None,
        statuses: Optional[Iterable[str]] = None,
        tags: Optional[Iterable[str]] = None,
        has_links: Optional[str] = None,
        fields: Optional[Iterable[str]] = None,
        own_attributes: Any = OWN_ATTRIBUTES_DEPRECATED,
    ) -> Iterator[WorkfileInfoDict]:
        """Legacy name of :meth:`get_workfile_entities`."""
        warn_own_attributes(own_attributes)
        return self.get_workfile_entities(
            project_name, workfile_ids=workfile_ids, task_ids=task_ids,
            paths=paths, path_regex=path_regex, statuses=statuses, tags=tags,
            has_links=has_links, fields=fields)

    def get_workfile_info(self, project_name: str, task_id: str, path: str,
                          fields: Optional[Iterable[str]] = None,
                          own_attributes: Any = OWN_ATTRIBUTES_DEPRECATED
                          ) -> Optional[WorkfileInfoDict]:
        warn_own_attributes(own_attributes)
        return self.get_workfile_entity(project_name, task_id, path,
                                        fields=fields)

    def get_workfile_info_by_id(self, project_name: str, workfile_id: str,
                                fields: Optional[Iterable[str]] = None,
                                own_attributes: Any = OWN_ATTRIBUTES_DEPRECATED
                                ) -> Optional[WorkfileInfoDict]:
        warn_own_attributes(own_attributes)
        return self.get_workfile_entity_by_id(project_name, workfile_id,
                                              fields=fields)

    def create_workfile_entity(
        self,
        project_name: str,
        path: str,
        task_id: str,
        *,
        thumbnail_id: Optional[str] = None,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        tags: Optional[Iterable[str]] = None,
        status: Optional[str] = None,
        active: Optional[bool] = None,
        workfile_id: Optional[str] = None,
    ) -> str:
        """Register a workfile of a task; returns its id."""
        return self._create_entity(
            project_name, WORKFILE, workfile_id, workfile_create_body(
                path, task_id, thumbnail_id, attrib, data, tags, status,
                active))

    def update_workfile_entity(
        self,
        project_name: str,
        workfile_id: str,
        *,
        path: Optional[str] = None,
        task_id: Optional[str] = None,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        tags: Optional[Iterable[str]] = None,
        status: Optional[str] = None,
        active: Optional[bool] = None,
        thumbnail_id: Optional[str] = NOT_SET,
        created_by: Optional[str] = None,
        updated_by: Optional[str] = None,
    ) -> None:
        """Change a workfile; arguments left out are not changed."""
        self._update_entity(
            project_name, WORKFILE, workfile_id, workfile_update_body(
                path, task_id, attrib, data, tags, status, active,
                thumbnail_id, created_by, updated_by))

    def update_workfile_info(
        self,
        project_name: str,
        workfile_id: str,
        path: Optional[str] = None,
        task_id: Optional[str] = None,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        tags: Optional[Iterable[str]] = None,
        status: Optional[str] = None,
        active: Optional[bool] = None,
        thumbnail_id: Optional[str] = NOT_SET,
        created_by: Optional[str] = None,
        updated_by: Optional[str] = None,
    ) -> None:
        """Legacy name of :meth:`update_workfile_entity`."""
        self.update_workfile_entity(
            project_name, workfile_id, path=path, task_id=task_id,
            attrib=attrib, data=data, tags=tags, status=status, active=active,
            thumbnail_id=thumbnail_id, created_by=created_by,
            updated_by=updated_by)

    def delete_workfile_entity(self, project_name: str, workfile_id: str
                               ) -> None:
        self._delete_entity(project_name, WORKFILE, workfile_id)

    def delete_workfile_info(self, project_name: str, workfile_id: str
                             ) -> None:
        """Legacy name of :meth:`delete_workfile_entity`."""
        self.delete_workfile_entity(project_name, workfile_id)
