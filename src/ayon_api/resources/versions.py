"""Versions: standard, hero and latest; CRUD."""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any, Optional

from .._sentinels import NOT_SET
from ..typing import VersionDict
from ._bodies import version_create_body, version_update_body
from ._entities import (
    OWN_ATTRIBUTES_DEPRECATED,
    VERSION,
    EntitiesAPI,
    Filters,
    check_entity_id,
    check_ids,
    check_project_name,
    check_strings,
    warn_own_attributes,
)
from .products import ProductsAPI

_VERSION_IS_LATEST_QUERY = """query VersionIsLatest(
  $projectName: String!, $versionId: String!
) {
  project(name: $projectName) {
    version(id: $versionId) {
      product {
        latestVersion {
          id
        }
      }
    }
  }
}"""


def _version_numbers(versions: Any) -> Optional[list[int]]:
    if versions is None:
        return None
    if isinstance(versions, (str, bytes)):
        raise TypeError(f"versions must be an iterable of ints, got {versions!r}")
    numbers = list(dict.fromkeys(versions))
    for number in numbers:
        if isinstance(number, bool) or not isinstance(number, int):
            raise TypeError(f"versions must contain ints, got {number!r}")
    return numbers


class VersionsAPI(ProductsAPI, EntitiesAPI):
    """Versions of products; hero versions have negative numbers."""

    def get_versions(
        self,
        project_name: str,
        version_ids: Optional[Iterable[str]] = None,
        product_ids: Optional[Iterable[str]] = None,
        task_ids: Optional[Iterable[str]] = None,
        versions: Optional[Iterable[int]] = None,
        hero: bool = True,
        standard: bool = True,
        latest: Optional[bool] = None,
        statuses: Optional[Iterable[str]] = None,
        tags: Optional[Iterable[str]] = None,
        active: Optional[bool] = True,
        filters: Optional[dict[str, Any]] = None,
        fields: Optional[Iterable[str]] = None,
        own_attributes: Any = OWN_ATTRIBUTES_DEPRECATED,
    ) -> Iterator[VersionDict]:
        """Versions matching every given filter. ``hero``/``standard``
        choose the kinds, ``latest`` keeps only the newest standard version
        of each product (and the hero ones when ``hero`` is set)."""
        warn_own_attributes(own_attributes)
        check_project_name(project_name)
        query_filters = Filters()
        matchable = all([
            query_filters.add("versionIds", "ids", "[String!]",
                              check_ids(version_ids, "version_ids")),
            query_filters.add("productIds", "productIds", "[String!]",
                              check_ids(product_ids, "product_ids")),
            query_filters.add("taskIds", "taskIds", "[String!]",
                              check_ids(task_ids, "task_ids")),
            query_filters.add("versions", "versions", "[Int!]",
                              _version_numbers(versions)),
            query_filters.add("versionStatuses", "statuses", "[String!]",
                              check_strings(statuses, "statuses")),
            query_filters.add("versionTags", "tags", "[String!]",
                              check_strings(tags, "tags")),
            query_filters.add_json_filter(filters),
        ])
        selected = self._entity_fields(VERSION, fields, False, active)
        if not matchable or not (hero or standard):
            return self._empty()
        if hero and standard and latest:
            # The latest standard versions and the hero versions: two queries
            # (the server's heroOrLatestOnly returns one or the other).
            return itertools.chain(
                self._versions_query(project_name, query_filters, selected,
                                     active, "latestOnly"),
                self._versions_query(project_name, query_filters, selected,
                                     active, "heroOnly"))
        if hero and not standard:
            return self._versions_query(project_name, query_filters, selected,
                                        active, "heroOnly")
        if latest:
            return self._versions_query(project_name, query_filters, selected,
                                        active, "latestOnly")
        if hero:
            return self._iter_entities(project_name, VERSION, query_filters,
                                       selected, active)
        found = self._iter_entities(project_name, VERSION, query_filters,
                                    selected | {"version"}, active)
        return (v for v in found if v["version"] >= 0)

    def _versions_query(self, project_name: str, base: Filters,
                        selected: set[str], active: Optional[bool],
                        flag: str) -> Iterator[Any]:
        query_filters = base.copy()
        query_filters.add(flag, flag, "Boolean!", True)
        return self._iter_entities(project_name, VERSION, query_filters,
                                   selected, active)

    def get_version_by_id(self, project_name: str, version_id: str,
                          fields: Optional[Iterable[str]] = None,
                          own_attributes: Any = OWN_ATTRIBUTES_DEPRECATED
                          ) -> Optional[VersionDict]:
        warn_own_attributes(own_attributes)
        return next(self.get_versions(
            project_name, version_ids=[version_id], active=None,
            fields=fields), None)

    def get_version_by_name(self, project_name: str, version: int,
                            product_id: str,
                            fields: Optional[Iterable[str]] = None,
                            own_attributes: Any = OWN_ATTRIBUTES_DEPRECATED
                            ) -> Optional[VersionDict]:
        """A version by its number within a product."""
        warn_own_attributes(own_attributes)
        return next(self.get_versions(
            project_name, product_ids=[product_id], versions=[version],
            active=None, fields=fields), None)

    def get_hero_versions(self, project_name: str,
                          product_ids: Optional[Iterable[str]] = None,
                          version_ids: Optional[Iterable[str]] = None,
                          active: Optional[bool] = True,
                          fields: Optional[Iterable[str]] = None,
                          own_attributes: Any = OWN_ATTRIBUTES_DEPRECATED
                          ) -> Iterator[VersionDict]:
        warn_own_attributes(own_attributes)
        return self.get_versions(
            project_name, version_ids=version_ids, product_ids=product_ids,
            hero=True, standard=False, active=active, fields=fields)

    def get_hero_version_by_id(self, project_name: str, version_id: str,
                               fields: Optional[Iterable[str]] = None,
                               own_attributes: Any = OWN_ATTRIBUTES_DEPRECATED
                               ) -> Optional[VersionDict]:
        warn_own_attributes(own_attributes)
        return next(self.get_hero_versions(
            project_name, version_ids=[version_id], active=None,
            fields=fields), None)

    def get_hero_version_by_product_id(
        self, project_name: str, product_id: str,
        fields: Optional[Iterable[str]] = None,
        own_attributes: Any = OWN_ATTRIBUTES_DEPRECATED,
    ) -> Optional[VersionDict]:
        warn_own_attributes(own_attributes)
        return next(self.get_hero_versions(
            project_name, product_ids=[product_id], active=None,
            fields=fields), None)

    def get_last_versions(self, project_name: str, product_ids: Iterable[str],
                          active: Optional[bool] = True,
                          fields: Optional[Iterable[str]] = None,
                          own_attributes: Any = OWN_ATTRIBUTES_DEPRECATED
                          ) -> dict[str, Optional[VersionDict]]:
        """``{product_id: latest standard version or None}``."""
        warn_own_attributes(own_attributes)
        ids = check_ids(product_ids, "product_ids") or []
        result: dict[str, Optional[VersionDict]] = dict.fromkeys(ids)
        if not ids:
            return result
        selected = None if fields is None else {*fields, "productId"}
        for version in self.get_versions(
            project_name, product_ids=ids, hero=False, latest=True,
            active=active, fields=selected,
        ):
            result[version["productId"]] = version
        return result

    def get_last_version_by_product_id(
        self, project_name: str, product_id: str,
        active: Optional[bool] = True,
        fields: Optional[Iterable[str]] = None,
        own_attributes: Any = OWN_ATTRIBUTES_DEPRECATED,
    ) -> Optional[VersionDict]:
        warn_own_attributes(own_attributes)
        product_id = check_entity_id(product_id, "product id")
        return self.get_last_versions(
            project_name, [product_id], active=active, fields=fields
        )[product_id]

    def get_last_version_by_product_name(
        self, project_name: str, product_name: str, folder_id: str,
        active: Optional[bool] = True,
        fields: Optional[Iterable[str]] = None,
        own_attributes: Any = OWN_ATTRIBUTES_DEPRECATED,
    ) -> Optional[VersionDict]:
        warn_own_attributes(own_attributes)
        product = self.get_product_by_name(project_name, product_name,
                                           folder_id, fields={"id"})
        if product is None:
            return None
        return self.get_last_version_by_product_id(
            project_name, product["id"], active=active, fields=fields)

    def version_is_latest(self, project_name: str, version_id: str) -> bool:
        """True when the version is the newest of its product."""
        check_project_name(project_name)
        version_id = check_entity_id(version_id, "version id")
        data = self._graphql_data(_VERSION_IS_LATEST_QUERY, {
            "projectName": project_name, "versionId": version_id})
        version = (data.get("project") or {}).get("version") or {}
        latest = (version.get("product") or {}).get("latestVersion") or {}
        return latest.get("id") == version_id

    def get_rest_version(self, project_name: str, version_id: str
                         ) -> Optional[VersionDict]:
        return self._get_rest_entity(project_name, "version", version_id)

    def create_version(
        self,
        project_name: str,
        version: int,
        product_id: str,
        task_id: Optional[str] = None,
        author: Optional[str] = None,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        tags: Optional[Iterable[str]] = None,
        status: Optional[str] = None,
        active: Optional[bool] = None,
        thumbnail_id: Optional[str] = None,
        version_id: Optional[str] = None,
    ) -> str:
        """Create a version of a product; returns its id."""
        return self._create_entity(
            project_name, VERSION, version_id, version_create_body(
                version, product_id, task_id, author, attrib, data, tags,
                status, active, thumbnail_id))

    def update_version(
        self,
        project_name: str,
        version_id: str,
        version: Optional[int] = None,
        product_id: Optional[str] = None,
        task_id: Optional[str] = NOT_SET,
        author: Optional[str] = None,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        tags: Optional[Iterable[str]] = None,
        status: Optional[str] = None,
        active: Optional[bool] = None,
        thumbnail_id: Optional[str] = NOT_SET,
    ) -> None:
        """Change a version; arguments left out are not changed."""
        self._update_entity(
            project_name, VERSION, version_id, version_update_body(
                version, product_id, task_id, author, attrib, data, tags,
                status, active, thumbnail_id))

    def delete_version(self, project_name: str, version_id: str) -> None:
        self._delete_entity(project_name, VERSION, version_id)
