"""``POST /graphql``: projects, users, me, paging, errors."""

from __future__ import annotations

import json

from ayon_devserver.runner import DevServer

from .helpers import Api, create_project, create_user, login, unique

USERS_QUERY = """
query Users($first: Int, $after: String, $names: [String!]) {
  users(first: $first, after: $after, names: $names) {
    edges { cursor node {
      name active isAdmin isManager isService isGuest hasPassword
      apiKeyPreview accessGroups defaultAccessGroups allAttrib
      attrib { fullName email } createdAt updatedAt
    } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

PROJECTS_QUERY = """
query Projects($first: Int, $after: String) {
  projects(first: $first, after: $after) {
    edges { node { name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""


def _all_pages(api: Api, query: str, field: str, first: int, **variables) -> list:
    nodes, after, pages = [], None, 0
    while True:
        result = api.graphql(query, first=first, after=after, **variables)
        assert "errors" not in result, result
        connection = result["data"][field]
        nodes += [edge["node"] for edge in connection["edges"]]
        pages += 1
        if not connection["pageInfo"]["hasNextPage"]:
            return nodes
        after = connection["pageInfo"]["endCursor"]
        assert pages < 100


def test_projects_paging(admin: Api) -> None:
    names = sorted(unique("gqlprj") for _ in range(5))
    for name in names:
        create_project(admin, name)
    everything = [n["name"] for n in _all_pages(admin, PROJECTS_QUERY, "projects", 100)]
    paged = [n["name"] for n in _all_pages(admin, PROJECTS_QUERY, "projects", 2)]
    assert paged == everything == sorted(everything)
    assert set(names) <= set(paged)

    first = admin.graphql(PROJECTS_QUERY, first=2)["data"]["projects"]
    assert len(first["edges"]) == 2
    assert first["pageInfo"]["hasNextPage"] is True
    assert first["pageInfo"]["hasPreviousPage"] is False
    second = admin.graphql(
        PROJECTS_QUERY, first=2, after=first["pageInfo"]["endCursor"]
    )["data"]["projects"]
    assert second["pageInfo"]["hasPreviousPage"] is True
    assert second["edges"][0]["node"]["name"] > first["edges"][1]["node"]["name"]


def test_project_fields(admin: Api) -> None:
    name = unique("gqlprj")
    create_project(admin, name, library=True)
    admin.patch(f"/api/projects/{name}", json={"data": {"note": "hi"}})
    query = """
    query P($n: String!) { project(name: $n) {
      name projectName code active library skeleton createdAt updatedAt
      data config allAttrib attrib { fps resolutionWidth startDate }
      folderTypes { name icon shortName color } taskTypes { name shortName }
      statuses { name shortName state scope } tags { name color }
      linkTypes { name linkType inputType outputType color style }
      productBaseTypes { name icon color } productTypes { name } usedTags
      bundle { production staging }
    } }
    """
    project = admin.graphql(query, n=name)["data"]["project"]
    assert project["name"] == project["projectName"] == name
    assert project["library"] is True
    assert json.loads(project["data"]) == {"note": "hi"}
    assert "roots" in json.loads(project["config"])
    assert json.loads(project["allAttrib"])["fps"] == 25.0
    assert project["attrib"] == {
        "fps": 25.0,
        "resolutionWidth": 1920,
        "startDate": None,
    }
    assert project["linkTypes"][0]["style"] == "solid"
    assert project["productBaseTypes"][0]["name"] == "image"
    assert project["bundle"] == {"production": None, "staging": None}


def test_users_paging_and_fields(admin: Api) -> None:
    everything = _all_pages(admin, USERS_QUERY, "users", 1000)
    paged = _all_pages(admin, USERS_QUERY, "users", 1)
    assert [u["name"] for u in paged] == [u["name"] for u in everything]
    by_name = {u["name"]: u for u in everything}
    service, admin_user = by_name["service"], by_name["admin"]
    assert service["isService"] is True
    assert service["hasPassword"] is False
    assert service["apiKeyPreview"]
    assert admin_user["isAdmin"] is True
    assert admin_user["hasPassword"] is True
    assert admin_user["apiKeyPreview"] is None
    assert json.loads(admin_user["accessGroups"]) == {}
    assert json.loads(admin_user["allAttrib"]) == {"fullName": "Ayon admin"}
    assert admin_user["attrib"] == {"fullName": "Ayon admin", "email": None}


def test_users_filters(admin: Api) -> None:
    name = unique("gqluser")
    create_user(admin, name)
    result = admin.graphql(USERS_QUERY, names=[name])["data"]["users"]
    assert [e["node"]["name"] for e in result["edges"]] == [name]
    query = "query($e: [String!]) { users(emails: $e) { edges { node { name } } } }"
    result = admin.graphql(query, e=[f"{name.upper()}@example.com"])
    assert [e["node"]["name"] for e in result["data"]["users"]["edges"]] == [name]


def test_users_of_a_project(server: DevServer, admin: Api) -> None:
    member, outsider, project = unique("member"), unique("outsider"), unique("p")
    create_user(admin, member, defaultAccessGroups=["artist"])
    create_project(admin, project)
    create_user(admin, outsider)
    query = "query($p: String) { users(projectName: $p) { edges { node { name } } } }"
    names = {
        e["node"]["name"]
        for e in admin.graphql(query, p=project)["data"]["users"]["edges"]
    }
    assert member in names
    assert outsider not in names
    assert "admin" in names  # admins see every project

    api = login(server, member, "pw-1234")
    assert "errors" not in api.graphql(query, p=project)
    result = api.graphql("{ users { edges { node { name } } } }")
    assert result["errors"]  # only managers list everyone


def test_me_and_user(server: DevServer, admin: Api) -> None:
    result = admin.graphql("{ me { name isService } }")
    assert result == {"data": {"me": {"name": "service", "isService": True}}}
    api = login(server, "admin", server.admin_password or "")
    assert api.graphql("{ me { name isAdmin } }")["data"]["me"]["isAdmin"] is True
    result = admin.graphql('{ user(name: "admin") { name } }')
    assert result["data"]["user"]["name"] == "admin"


def test_errors(admin: Api, anon: Api) -> None:
    result = admin.graphql("{ projects { edges { node { nope } } } }")
    assert result["data"] is None
    assert "nope" in result["errors"][0]["message"]

    result = admin.graphql("{ projects { ")  # syntax error
    assert result["data"] is None
    assert result["errors"][0]["locations"]

    result = admin.graphql('{ project(name: "does_not_exist_x") { name } }')
    assert result["data"] is None
    assert result["errors"][0]["message"] == "Project does_not_exist_x not found"
    assert result["errors"][0]["path"] == ["project"]

    result = admin.graphql('{ user(name: "nobody-x1") { name } }')
    assert "not found" in result["errors"][0]["message"]

    result = admin.graphql('{ projects(after: "garbage!") { edges { cursor } } }')
    assert "Invalid cursor" in result["errors"][0]["message"]

    response = anon.post("/graphql", json={"query": "{ me { name } }"})
    assert response.status_code == 401


def test_introspection(admin: Api) -> None:
    result = admin.graphql("{ __schema { queryType { fields { name } } } }")
    names = {f["name"] for f in result["data"]["__schema"]["queryType"]["fields"]}
    assert {"project", "projects", "users", "user", "me"} <= names


def test_operation_name_selects_the_operation(admin: Api) -> None:
    body = {
        "query": "query A { me { name } } query B { projects { edges { cursor } } }",
        "operationName": "A",
    }
    response = admin.post("/graphql", json=body)
    assert response.json()["data"] == {"me": {"name": "service"}}
