"""The global connection made from environment variables."""
from __future__ import annotations

import os
from typing import Any

import pytest

import ayon_api
from ayon_api import GlobalServerAPI
from ayon_api.exceptions import FailedServiceInit


def test_global_connection_from_environment(global_env: Any) -> None:
    assert not ayon_api.is_connection_created()
    con = ayon_api.get_server_api_connection()
    assert isinstance(con, GlobalServerAPI)
    assert ayon_api.is_connection_created()
    assert ayon_api.get_server_api_connection() is con
    assert ayon_api.get_base_url() == global_env.url
    assert ayon_api.get_info()["version"]
    assert ayon_api.get_user()["name"] == "service"
    assert ayon_api.is_service_user()
    ayon_api.close_connection()
    assert not ayon_api.is_connection_created()


def test_missing_url(monkeypatch: pytest.MonkeyPatch) -> None:
    ayon_api.close_connection()
    monkeypatch.delenv("AYON_SERVER_URL", raising=False)
    with pytest.raises(ValueError, match="AYON_SERVER_URL"):
        ayon_api.get_server_api_connection()


def test_site_id_and_tls_options_from_environment(
    global_env: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AYON_SITE_ID", "site-from-env")
    con = ayon_api.create_connection(client_version="1.2.3")
    assert con.get_site_id() == "site-from-env"
    headers = con.get_headers()
    assert headers["x-ayon-site-id"] == "site-from-env"
    assert headers["x-ayon-version"] == "1.2.3"
    # ssl_verify and cert reach their own slots (not sender headers).
    other = GlobalServerAPI(ssl_verify=False, cert=None)
    assert other.get_ssl_verify() is False
    assert "x-sender" not in other.get_headers()
    assert other.get_info()["version"]


def test_change_token_and_set_environments(global_env: Any,
                                           user_factory: Any) -> None:
    name, password = user_factory()
    con = ayon_api.get_server_api_connection()
    user_con = ayon_api.ServerAPI(global_env.url)
    user_con.login(name, password)
    ayon_api.change_token(global_env.url, user_con.access_token)
    assert ayon_api.get_server_api_connection() is con
    assert ayon_api.get_user()["name"] == name
    assert os.environ["AYON_API_KEY"] == user_con.access_token
    ayon_api.change_token(global_env.url + "/", global_env.api_key)
    assert ayon_api.get_user()["name"] == "service"
    ayon_api.set_environments("http://127.0.0.1:9", "other")
    assert os.environ["AYON_SERVER_URL"] == "http://127.0.0.1:9"
    ayon_api.change_token("http://127.0.0.1:9", "other")
    assert not ayon_api.is_connection_created()


def test_global_login_stores_token(global_env: Any, user_factory: Any) -> None:
    name, password = user_factory()
    con = ayon_api.get_server_api_connection()
    con.login(name, password)
    assert os.environ["AYON_API_KEY"] == con.access_token
    assert ayon_api.get_user()["name"] == name


def test_default_settings_variant_without_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ayon_api.close_connection()
    monkeypatch.setenv("AYON_DEFAULT_SETTINGS_VARIANT", "staging")
    assert ayon_api.get_default_settings_variant() == "staging"
    assert not ayon_api.is_connection_created()


def test_init_service(global_env: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AYON_ADDON_NAME", "myaddon")
    monkeypatch.setenv("AYON_ADDON_VERSION", "1.0.0")
    ayon_api.init_service(service_name="svc")
    assert ayon_api.get_service_addon_name() == "myaddon"
    assert ayon_api.get_service_addon_version() == "1.0.0"
    assert ayon_api.get_service_name() == "svc"
    assert ayon_api.is_connection_created()
    monkeypatch.delenv("AYON_API_KEY")
    with pytest.raises(FailedServiceInit):
        ayon_api.init_service(connect=False)
