"""``create_app(config)``: the ASGI application (FastAPI)."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import SERVER_VERSION, bootstrap, demo
from .config import ServerConfig
from .entities import BackgroundOperations
from .errors import ApiError
from .graphql import create_service
from .graphql import router as graphql_router
from .rest import ROUTERS
from .store import Store

log = logging.getLogger("ayon_devserver")


def error_response(
    status: int, detail: str, headers: Any = None, **extra: Any
) -> JSONResponse:
    """The real server's error shape: ``{"code": status, "detail": ...}``."""
    return JSONResponse(
        {"code": status, "detail": detail, **extra}, status_code=status, headers=headers
    )


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.detail)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return error_response(
        exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None)
    )


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    """400, like the real server; input values are never echoed (they may be
    passwords)."""
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type")}
        for e in exc.errors()
    ]
    summary = "; ".join(
        f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in errors
    )
    return error_response(400, f"Invalid request: {summary}", errors=errors)


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.error(
        "Unhandled error in %s %s", request.method, request.url.path, exc_info=exc
    )
    return error_response(500, f"Internal server error ({type(exc).__name__})")


def create_app(config: ServerConfig) -> FastAPI:
    """Open (or create) the data directory and build the application.

    The store is closed when the application's lifespan ends (server
    shutdown); ``app.state`` holds ``store``, ``credentials``, ``config``.
    """
    store = Store(config.data_dir)
    try:
        credentials = bootstrap.ensure_bootstrap_users(
            store, config.data_dir, config.api_key, config.admin_password
        )
        if config.demo:
            demo.load_demo(store)
    except BaseException:
        store.close()
        raise

    operations = BackgroundOperations()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            operations.shutdown()
            store.close()

    app = FastAPI(
        title="AYON devserver",
        version=SERVER_VERSION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.config = config
    app.state.store = store
    app.state.credentials = credentials
    app.state.operations = operations
    app.state.graphql = create_service()
    app.state.started = time.monotonic()

    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected_error)

    # GraphQL first: routes are matched in order, and most requests of a
    # client are GraphQL queries.
    app.include_router(graphql_router)
    for router in ROUTERS:
        app.include_router(router)
    return app
