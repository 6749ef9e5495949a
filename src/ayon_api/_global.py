"""The process-wide connection configured by environment variables."""
from __future__ import annotations

import logging
import os
import socket
import threading
from typing import Any, Optional, Union

from . import _env, constants
from ._sentinels import NOT_SET
from .exceptions import FailedServiceInit
from .server_api import ServerAPI

log = logging.getLogger("ayon_api")

__all__ = [
    "GlobalServerAPI",
    "ServiceContext",
    "change_token",
    "close_connection",
    "create_connection",
    "get_default_settings_variant",
    "get_server_api_connection",
    "get_service_addon_name",
    "get_service_addon_settings",
    "get_service_addon_version",
    "get_service_name",
    "init_service",
    "is_connection_created",
    "set_environments",
]


class GlobalServerAPI(ServerAPI):
    """A ``ServerAPI`` built from ``AYON_SERVER_URL`` and ``AYON_API_KEY``.

    Site id falls back to ``AYON_SITE_ID``; TLS options to ``AYON_CA_FILE``
    and ``AYON_CERT_FILE``.
    """

    def __init__(
        self,
        site_id: Optional[str] = None,
        client_version: Optional[str] = None,
        default_settings_variant: Optional[str] = None,
        ssl_verify: Union[bool, str, None] = None,
        cert: Optional[str] = None,
    ) -> None:
        url = self.get_url()
        if not url:
            raise ValueError(
                f"Invalid server URL {url!r}: set the environment variable "
                f"{constants.SERVER_URL_ENV_KEY}"
            )
        super().__init__(
            url,
            self.get_token(),
            site_id=NOT_SET if site_id is None else site_id,
            client_version=client_version,
            default_settings_variant=default_settings_variant,
            ssl_verify=ssl_verify,
            cert=cert,
            create_session=False,
        )
        self.validate_server_availability()
        self.create_session()

    def login(self, username: str, password: str) -> None:  # type: ignore[override]
        """Log in and store the new token in ``AYON_API_KEY``."""
        super().login(username, password)
        os.environ[constants.SERVER_API_ENV_KEY] = self.access_token or ""

    @staticmethod
    def get_url() -> Optional[str]:
        return os.environ.get(constants.SERVER_URL_ENV_KEY) or None

    @staticmethod
    def get_token() -> Optional[str]:
        return os.environ.get(constants.SERVER_API_ENV_KEY) or None

    @staticmethod
    def set_environments(url: Optional[str], token: Optional[str]) -> None:
        os.environ[constants.SERVER_URL_ENV_KEY] = url or ""
        os.environ[constants.SERVER_API_ENV_KEY] = token or ""


class _Global:
    connection: Optional[GlobalServerAPI] = None
    lock = threading.RLock()


def get_server_api_connection() -> GlobalServerAPI:
    """The global connection, created on first use from the environment."""
    connection = _Global.connection
    if connection is None:
        with _Global.lock:
            if _Global.connection is None:
                _Global.connection = GlobalServerAPI()
            connection = _Global.connection
    return connection


def create_connection(site_id: Optional[str] = None,
                      client_version: Optional[str] = None) -> GlobalServerAPI:
    """Replace the global connection with a new one."""
    with _Global.lock:
        close_connection()
        _Global.connection = GlobalServerAPI(site_id, client_version)
        return _Global.connection


def close_connection() -> None:
    """Close and drop the global connection (the next call makes a new one)."""
    with _Global.lock:
        connection, _Global.connection = _Global.connection, None
    if connection is not None:
        connection.close_session()


def is_connection_created() -> bool:
    return _Global.connection is not None


def set_environments(url: Optional[str], token: Optional[str]) -> None:
    """Write ``AYON_SERVER_URL`` and ``AYON_API_KEY``."""
    GlobalServerAPI.set_environments(url, token)


def change_token(url: str, token: str) -> None:
    """Use another token: the global connection keeps working when it points
    to the same server, otherwise it is recreated on next use."""
    set_environments(url, token)
    with _Global.lock:
        connection = _Global.connection
        if connection is None:
            return
        if connection.get_base_url() == (url or "").strip().rstrip("/"):
            connection.set_token(token)
        else:
            close_connection()


def get_default_settings_variant() -> str:
    """The global connection's settings variant (environment when none)."""
    connection = _Global.connection
    if connection is None:
        return _env.get_default_settings_variant()
    return connection.get_default_settings_variant()


class ServiceContext:
    """Identity of an addon service started by the AYON service host."""

    token: Optional[str] = None
    server_url: Optional[str] = None
    addon_name: Optional[str] = None
    addon_version: Optional[str] = None
    service_name: Optional[str] = None

    @staticmethod
    def init_service(
        token: Optional[str] = None,
        server_url: Optional[str] = None,
        addon_name: Optional[str] = None,
        addon_version: Optional[str] = None,
        service_name: Optional[str] = None,
        connect: bool = True,
    ) -> None:
        token = token or os.environ.get(constants.SERVER_API_ENV_KEY)
        server_url = server_url or os.environ.get(constants.SERVER_URL_ENV_KEY)
        if not server_url:
            raise FailedServiceInit(
                f"Server URL is missing: pass server_url or set "
                f"{constants.SERVER_URL_ENV_KEY}"
            )
        if not token:
            raise FailedServiceInit(
                f"API key is missing: pass token or set "
                f"{constants.SERVER_API_ENV_KEY}"
            )
        ServiceContext.token = token
        ServiceContext.server_url = server_url
        ServiceContext.addon_name = addon_name or os.environ.get(
            constants.ADDON_NAME_ENV_KEY)
        ServiceContext.addon_version = addon_version or os.environ.get(
            constants.ADDON_VERSION_ENV_KEY)
        ServiceContext.service_name = service_name or os.environ.get(
            constants.SERVICE_NAME_ENV_KEY) or socket.gethostname()
        set_environments(server_url, token)
        if connect:
            log.info("Connecting service to AYON server %s", server_url)
            get_server_api_connection().get_user()


def init_service(*args: Any, **kwargs: Any) -> None:
    """Initialise a service from arguments and environment; see
    :meth:`ServiceContext.init_service`."""
    ServiceContext.init_service(*args, **kwargs)


def get_service_addon_name() -> Optional[str]:
    return ServiceContext.addon_name


def get_service_addon_version() -> Optional[str]:
    return ServiceContext.addon_version


def get_service_name() -> Optional[str]:
    return ServiceContext.service_name


def get_service_addon_settings(project_name: Optional[str] = None) -> Any:
    """Settings of the service's addon (studio, or of a project)."""
    name, version = ServiceContext.addon_name, ServiceContext.addon_version
    if not name or not version:
        raise ValueError("Service is not initialised: call init_service first")
    connection: Any = get_server_api_connection()
    return connection.get_addon_settings(name, version, project_name)
