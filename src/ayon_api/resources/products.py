"""Products and product types."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Optional

from ..exceptions import UnsupportedServerVersion
from ..graphql.selection import render_selection
from ..typing import ProductDict, ProductTypeDict
from ._bodies import product_create_body, product_update_body
from ._entities import (
    OWN_ATTRIBUTES_DEPRECATED,
    PRODUCT,
    EntitiesAPI,
    Filters,
    check_ids,
    check_name,
    check_name_pairs,
    check_project_name,
    check_strings,
    warn_own_attributes,
)


class ProductsAPI(EntitiesAPI):
    """Products (what a folder publishes: renders, models, caches...)."""

    def get_products(
        self,
        project_name: str,
        product_ids: Optional[Iterable[str]] = None,
        product_names: Optional[Iterable[str]] = None,
        folder_ids: Optional[Iterable[str]] = None,
        product_types: Optional[Iterable[str]] = None,
        product_base_types: Optional[Iterable[str]] = None,
        product_name_regex: Optional[str] = None,
        product_path_regex: Optional[str] = None,
        names_by_folder_ids: Optional[dict[str, Iterable[str]]] = None,
        statuses: Optional[Iterable[str]] = None,
        tags: Optional[Iterable[str]] = None,
        active: Optional[bool] = True,
        filters: Optional[dict[str, Any]] = None,
        fields: Optional[Iterable[str]] = None,
        own_attributes: Any = OWN_ATTRIBUTES_DEPRECATED,
    ) -> Iterator[ProductDict]:
        """Products matching every given filter. ``names_by_folder_ids``
        (``{folder_id: [names]}``) matches name and folder pairs."""
        warn_own_attributes(own_attributes)
        check_project_name(project_name)
        pairs, folder_id_list, name_list = check_name_pairs(
            names_by_folder_ids, "names_by_folder_ids", "folder id",
            "product names", check_ids(folder_ids, "folder_ids"),
            check_strings(product_names, "product_names"))
        if product_base_types is not None and (
                not self.is_product_base_type_supported()):
            raise UnsupportedServerVersion(
                "Product base types need AYON server 1.13.0 or newer")
        query_filters = Filters()
        matchable = all([
            query_filters.add("productIds", "ids", "[String!]",
                              check_ids(product_ids, "product_ids")),
            query_filters.add("productNames", "names", "[String!]", name_list),
            query_filters.add("folderIds", "folderIds", "[String!]",
                              folder_id_list),
            query_filters.add("productTypes", "productTypes", "[String!]",
                              check_strings(product_types, "product_types")),
            query_filters.add("productBaseTypes", "productBaseTypes",
                              "[String!]", check_strings(
                                  product_base_types, "product_base_types")),
            query_filters.add("productNameRegex", "nameEx", "String",
                              product_name_regex),
            query_filters.add("productPathRegex", "pathEx", "String",
                              product_path_regex),
            query_filters.add("productStatuses", "statuses", "[String!]",
                              check_strings(statuses, "statuses")),
            query_filters.add("productTags", "tags", "[String!]",
                              check_strings(tags, "tags")),
            query_filters.add_json_filter(filters),
        ])
        selected = self._entity_fields(PRODUCT, fields, False, active)
        if not matchable:
            return self._empty()
        return self._iter_name_pairs(project_name, PRODUCT, query_filters,
                                     selected, active, pairs, "folderId")

    def get_product_by_id(self, project_name: str, product_id: str,
                          fields: Optional[Iterable[str]] = None,
                          own_attributes: Any = OWN_ATTRIBUTES_DEPRECATED
                          ) -> Optional[ProductDict]:
        warn_own_attributes(own_attributes)
        return next(self.get_products(
            project_name, product_ids=[product_id], active=None,
            fields=fields), None)

    def get_product_by_name(self, project_name: str, product_name: str,
                            folder_id: str,
                            fields: Optional[Iterable[str]] = None,
                            own_attributes: Any = OWN_ATTRIBUTES_DEPRECATED
                            ) -> Optional[ProductDict]:
        warn_own_attributes(own_attributes)
        check_name(product_name, "product name")
        return next(self.get_products(
            project_name, product_names=[product_name],
            folder_ids=[folder_id], active=None, fields=fields), None)

    def get_rest_product(self, project_name: str, product_id: str
                         ) -> Optional[ProductDict]:
        return self._get_rest_entity(project_name, "product", product_id)

    def get_product_types(self, fields: Optional[Iterable[str]] = None
                          ) -> list[ProductTypeDict]:
        """Product types known to the server (``[{"name": ...}]``)."""
        selected = set(check_strings(fields, "fields") or ["name"])
        query = (f"query ProductTypes {{\n  productTypes {{\n"
                 f"{render_selection(selected, indent=4)}\n  }}\n}}")
        return list(self._graphql_data(query).get("productTypes") or [])

    def get_project_product_types(self, project_name: str,
                                  fields: Optional[Iterable[str]] = None
                                  ) -> list[ProductTypeDict]:
        """Product types used in one project."""
        check_project_name(project_name)
        selected = set(check_strings(fields, "fields") or ["name"])
        query = (
            "query ProjectProductTypes($projectName: String!) {\n"
            "  project(name: $projectName) {\n    productTypes {\n"
            f"{render_selection(selected, indent=6)}\n    }}\n  }}\n}}")
        data = self._graphql_data(query, {"projectName": project_name})
        return list((data.get("project") or {}).get("productTypes") or [])

    def get_product_type_names(self, project_name: Optional[str] = None,
                               product_ids: Optional[Iterable[str]] = None
                               ) -> set[str]:
        """Deprecated: names of product types (of a project or products)."""
        if project_name and product_ids is not None:
            return {p["productType"] for p in self.get_products(
                project_name, product_ids=product_ids, active=None,
                fields={"productType"})}
        if project_name:
            return {t["name"] for t in
                    self.get_project_product_types(project_name)}
        return {t["name"] for t in self.get_product_types()}

    def create_product(
        self,
        project_name: str,
        name: str,
        product_type: str,
        folder_id: str,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        tags: Optional[Iterable[str]] = None,
        status: Optional[str] = None,
        active: Optional[bool] = None,
        product_base_type: Optional[str] = None,
        product_id: Optional[str] = None,
    ) -> str:
        """Create a product in a folder; returns its id."""
        if product_base_type is not None and (
                not self.is_product_base_type_supported()):
            raise UnsupportedServerVersion(
                "Product base types need AYON server 1.13.0 or newer")
        return self._create_entity(
            project_name, PRODUCT, product_id, product_create_body(
                name, product_type, folder_id, attrib, data, tags, status,
                active, product_base_type))

    def update_product(
        self,
        project_name: str,
        product_id: str,
        name: Optional[str] = None,
        folder_id: Optional[str] = None,
        product_type: Optional[str] = None,
        product_base_type: Optional[str] = None,
        attrib: Optional[dict[str, Any]] = None,
        data: Optional[dict[str, Any]] = None,
        tags: Optional[Iterable[str]] = None,
        status: Optional[str] = None,
        active: Optional[bool] = None,
    ) -> None:
        """Change a product; arguments left out are not changed."""
        self._update_entity(
            project_name, PRODUCT, product_id, product_update_body(
                name, folder_id, product_type, product_base_type, attrib,
                data, tags, status, active))

    def delete_product(self, project_name: str, product_id: str) -> None:
        self._delete_entity(project_name, PRODUCT, product_id)
