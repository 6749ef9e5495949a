"""Users: the seed example's put/raw_put, getters, impersonation."""
from __future__ import annotations

from typing import Any

import pytest

import ayon_api
from ayon_api import ServerAPI
from ayon_api.exceptions import HTTPRequestError
from tests.faults.proxy import FaultProxy

from .conftest import unique


def _user_data(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "attrib": {"fullName": "Seed User", "email": f"{name}@example.com"},
        "password": "seed-password-1",
        "data": {"defaultAccessGroups": ["artist"]},
    }


def test_seed_put_and_raw_put(global_env: Any) -> None:
    first, second = unique("seed"), unique("seedraw")
    response = ayon_api.put(f"users/{first}", **_user_data(first))
    assert response.status_code == 204
    response = ayon_api.raw_put(f"users/{second}", json=_user_data(second))
    assert response.status_code == 204
    again = ayon_api.raw_put(f"users/{second}", json=_user_data(second))
    assert again.status_code == 409
    assert again.detail == "User already exists"

    con = ayon_api.get_server_api_connection()
    for name in (first, second):
        user = con.get_user(name)
        assert user["name"] == name
        assert user["attrib"]["email"] == f"{name}@example.com"
        assert user["data"]["defaultAccessGroups"] == ["artist"]
    names = {user["name"] for user in ayon_api.get_users()}
    assert {first, second, "service"} <= names
    ServerAPI(global_env.url).login(first, "seed-password-1")


def test_get_user_missing_and_by_name(ayon_connection: ServerAPI,
                                      user_factory: Any) -> None:
    assert ayon_connection.get_user(unique("ghost")) is None
    name, _ = user_factory(fullName="By Name", email="byname@example.com")
    user = ayon_connection.get_user_by_name(name)
    assert user["name"] == name
    assert user["attrib"]["fullName"] == "By Name"
    assert isinstance(user["accessGroups"], dict)
    assert "allAttrib" not in user
    assert ayon_connection.get_user_by_name(unique("ghost")) is None
    partial = ayon_connection.get_user_by_name(name, fields={"name", "isAdmin"})
    assert partial == {"name": name, "isAdmin": False}


def test_get_users_filters_and_paging(ayon_connection: ServerAPI,
                                      user_factory: Any) -> None:
    names = [user_factory()[0] for _ in range(3)]
    found = list(ayon_connection.get_users(usernames=names, fields={"name"}))
    assert sorted(u["name"] for u in found) == sorted(names)
    assert list(ayon_connection.get_users(usernames=[])) == []
    everyone = list(ayon_connection.get_users(fields={"name"}))
    assert len(everyone) >= 4
    with pytest.raises(TypeError):
        ayon_connection.get_users(usernames="single-name")


def test_create_update_delete_user(ayon_connection: ServerAPI) -> None:
    name = unique("crud")
    ayon_connection.create_user(name, password="pw-123456",
                                attrib={"fullName": "Crud"})
    with pytest.raises(HTTPRequestError) as caught:
        ayon_connection.create_user(name, password="pw-123456")
    assert caught.value.status_code == 409
    ayon_connection.update_user(name, attrib={"fullName": "Renamed"})
    assert ayon_connection.get_user(name)["attrib"]["fullName"] == "Renamed"
    ayon_connection.delete_user(name)
    assert ayon_connection.get_user(name) is None
    with pytest.raises(ValueError):
        ayon_connection.get_user("")


def test_as_username(proxied_connection: ServerAPI, proxy: FaultProxy,
                     user_factory: Any) -> None:
    alice, _ = user_factory()
    bob, _ = user_factory()
    con = proxied_connection
    assert con._as_user_stack.username is None
    with con.as_username(alice):
        assert con._as_user_stack.username == alice
        assert con.get_user()["name"] == alice
        assert proxy.seen[-1].headers["x-as-user"] == alice
        with con.as_username(bob):
            assert con.get_user()["name"] == bob
        assert con.get_user()["name"] == alice
    assert con.get_user()["name"] == "service"
    assert "x-as-user" not in proxy.seen[-1].headers

    con.set_default_service_username(bob)
    assert con.get_default_service_username() == bob
    assert con.get_user()["name"] == bob
    con.set_default_service_username(None)
    assert con.get_user()["name"] == "service"


def test_as_username_needs_a_service_key(ayon_server: Any, user_factory: Any
                                         ) -> None:
    name, password = user_factory()
    con = ServerAPI(ayon_server.url)
    con.login(name, password)
    with pytest.raises(ValueError, match="service"):
        with con.as_username("someone"):
            pass
    with con.as_username("someone", ignore_service_error=True):
        assert con.get_user()["name"] == name
    with pytest.raises(ValueError):
        con.set_default_service_username("someone")
