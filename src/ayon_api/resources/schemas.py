"""Server schemas: GraphQL introspection and the REST OpenAPI document."""
from __future__ import annotations

from typing import Any, Optional

from .._core import ServerAPICore
from ..graphql.introspection import INTROSPECTION_QUERY


class SchemasAPI(ServerAPICore):
    """What the server says about its own interfaces."""

    def get_graphql_schema(self) -> dict[str, Any]:
        """The introspected GraphQL schema (``{"__schema": ...}``)."""
        return self._graphql_data(INTROSPECTION_QUERY)

    def get_server_schema(self) -> Optional[dict[str, Any]]:
        """The server's OpenAPI document, or None when it cannot be read."""
        response = self.get(f"{self.get_base_url()}/openapi.json")
        if response.status_code != 200 or not isinstance(response.data, dict):
            return None
        return response.data

    def get_schemas(self) -> dict[str, Any]:
        """The ``components.schemas`` part of the OpenAPI document."""
        response = self.get(f"{self.get_base_url()}/openapi.json")
        response.raise_for_status()
        return response.data["components"]["schemas"]
