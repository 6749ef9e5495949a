"""Reading connection defaults from the environment (names in constants)."""
from __future__ import annotations

import os
import platform
from typing import Optional, Union

from anyascii import anyascii

from . import constants


def get_default_timeout() -> float:
    """``AYON_SERVER_TIMEOUT`` in seconds, 10.0 when unset or invalid."""
    value = os.environ.get(constants.SERVER_TIMEOUT_ENV_KEY)
    try:
        timeout = float(value) if value else constants.DEFAULT_TIMEOUT
    except ValueError:
        return constants.DEFAULT_TIMEOUT
    return timeout if timeout > 0 else constants.DEFAULT_TIMEOUT


def get_default_max_retries() -> int:
    """``AYON_SERVER_RETRIES``, 3 when unset or invalid."""
    value = os.environ.get(constants.SERVER_RETRIES_ENV_KEY)
    try:
        retries = int(value) if value else constants.DEFAULT_MAX_RETRIES
    except ValueError:
        return constants.DEFAULT_MAX_RETRIES
    return max(retries, 1)


def get_default_settings_variant() -> str:
    return (
        os.environ.get(constants.DEFAULT_VARIANT_ENV_KEY)
        or constants.DEFAULT_SETTINGS_VARIANT
    )


def get_default_site_id() -> Optional[str]:
    return os.environ.get(constants.SITE_ID_ENV_KEY) or None


def get_default_ssl_verify() -> Union[bool, str]:
    return os.environ.get(constants.CA_FILE_ENV_KEY) or True


def get_default_cert() -> Optional[str]:
    return os.environ.get(constants.CERT_FILE_ENV_KEY) or None


def get_machine_name() -> str:
    """The host name in ASCII (sent as ``x-ayon-hostname``)."""
    return anyascii(platform.node() or "unknown")
