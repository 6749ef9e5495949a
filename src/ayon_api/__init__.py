"""Python client for AYON servers, a drop-in for ``ayon-python-api``.

Connect with ``ServerAPI(url, token=...)``, or use the module-level
functions, which run on the global connection made from the environment
variables ``AYON_SERVER_URL`` and ``AYON_API_KEY``.
"""
from . import exceptions
from ._api import *  # noqa: F403
from ._api import __all__ as _api_names
from ._global import (
    GlobalServerAPI,
    ServiceContext,
    change_token,
    close_connection,
    create_connection,
    get_default_settings_variant,
    get_server_api_connection,
    get_service_addon_name,
    get_service_addon_settings,
    get_service_addon_version,
    get_service_name,
    init_service,
    is_connection_created,
    set_environments,
)
from .server_api import ServerAPI
from .utils import (
    RequestTypes,
    SortOrder,
    TransferProgress,
    abort_web_action_event,
    create_dependency_package_basename,
    get_user_by_token,
    is_token_valid,
    login_to_server,
    slugify_string,
    take_web_action_event,
    validate_url,
)
from .version import __version__

__all__ = [
    "GlobalServerAPI",
    "RequestTypes",
    "ServerAPI",
    "ServiceContext",
    "SortOrder",
    "TransferProgress",
    "__version__",
    "abort_web_action_event",
    "change_token",
    "close_connection",
    "create_connection",
    "create_dependency_package_basename",
    "exceptions",
    "get_default_settings_variant",
    "get_server_api_connection",
    "get_service_addon_name",
    "get_service_addon_settings",
    "get_service_addon_version",
    "get_service_name",
    "get_user_by_token",
    "init_service",
    "is_connection_created",
    "is_token_valid",
    "login_to_server",
    "set_environments",
    "slugify_string",
    "take_web_action_event",
    "validate_url",
    *_api_names,
]
