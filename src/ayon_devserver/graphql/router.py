"""``POST /graphql``: parse (cached), validate, execute.

GraphQL errors answer 200 with ``{"data": ..., "errors": [...]}``;
missing/invalid credentials answer 401 like every REST endpoint.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import threading
from collections import OrderedDict
from typing import Any, Optional

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    execute_sync,
    parse,
    validate,
)
from pydantic import BaseModel, ValidationError

from ..auth import current_user
from ..errors import ApiError
from .context import GraphQLContext
from .fastexec import execute_plain
from .schema import Resolvers, SchemaCache

log = logging.getLogger(__name__)

router = APIRouter(tags=["GraphQL"])


class GraphQLRequest(BaseModel):
    query: str
    variables: Optional[dict[str, Any]] = None
    operationName: Optional[str] = None


class GraphQLService:
    """Schema (rebuilt when attributes change) and a cache of validated
    documents: paging clients send the same query over and over."""

    CACHE_SIZE = 256

    def __init__(self, resolvers: Resolvers) -> None:
        self.schemas = SchemaCache(resolvers)
        self._documents: OrderedDict[tuple[int, str], DocumentNode] = OrderedDict()
        self._lock = threading.Lock()

    def document(
        self, schema: GraphQLSchema, revision: int, query: str
    ) -> tuple[Optional[DocumentNode], list[GraphQLError]]:
        key = (revision, query)
        with self._lock:
            document = self._documents.get(key)
            if document is not None:
                self._documents.move_to_end(key)
                return document, []
        try:
            document = parse(query)
        except GraphQLError as error:
            return None, [error]
        errors = validate(schema, document)
        if errors:
            return None, list(errors)
        with self._lock:
            self._documents[key] = document
            while len(self._documents) > self.CACHE_SIZE:
                self._documents.popitem(last=False)
        return document, []

    def run(self, context: GraphQLContext, body: GraphQLRequest) -> dict[str, Any]:
        store = context.store
        revision = store.attributes.revision
        schema = self.schemas.get(store.attributes.all(), revision)
        document, errors = self.document(schema, revision, body.query)
        if document is None:
            return {"data": None, "errors": [e.formatted for e in errors]}
        try:
            data = execute_plain(
                schema, document, body.variables, body.operationName, context
            )
        except Exception:  # Fallback, or an error graphql-core will report
            context = dataclasses.replace(context, cache={})
        else:
            return {"data": data}
        result = execute_sync(
            schema,
            document,
            variable_values=body.variables,
            operation_name=body.operationName,
            context_value=context,
        )
        payload: dict[str, Any] = {"data": result.data}
        if result.errors:
            for error in result.errors:
                original = error.original_error
                if original is not None and not isinstance(
                    original, (GraphQLError, ApiError)
                ):
                    log.error(
                        "GraphQL resolver failed at %s",
                        error.path,
                        exc_info=original,
                    )
            payload["errors"] = [e.formatted for e in result.errors]
        return payload


@router.post("/graphql")
async def graphql_endpoint(request: Request) -> Response:
    """Authenticate, parse and run in ONE worker-thread hop (a sync endpoint
    with a sync dependency costs several)."""
    raw = await request.body()
    return await run_in_threadpool(_handle, request, raw)


def _handle(request: Request, raw: bytes) -> Response:
    user = current_user(request)
    try:
        body = GraphQLRequest.model_validate_json(raw)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors()) from None
    service: GraphQLService = request.app.state.graphql
    context = GraphQLContext(store=request.app.state.store, user=user)
    payload = service.run(context, body)
    return Response(
        content=json.dumps(payload, separators=(",", ":"), ensure_ascii=False),
        media_type="application/json",
    )
