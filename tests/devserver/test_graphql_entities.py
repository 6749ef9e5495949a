"""GraphQL project hierarchy: connections, filters, paging, nested
relations, and the lean executor matching graphql-core."""

from __future__ import annotations

import json
from typing import Any

import pytest
from graphql import execute_sync, parse

from ayon_devserver.generate import generate_show
from ayon_devserver.graphql import create_service
from ayon_devserver.graphql.context import GraphQLContext
from ayon_devserver.graphql.fastexec import execute_plain
from ayon_devserver.runner import DevServer
from ayon_devserver.store import Store

from .helpers import Api, create, unique

SHOW = {
    "episodes": 2,
    "sequences_per_episode": 2,
    "shots_per_sequence": 3,
    "assets": 6,
    "tasks_per_folder": 2,
    "products_per_folder": 2,
    "versions_per_product": 3,
    "representations_per_version": 2,
    "seed": 7,
}


@pytest.fixture(scope="module")
def show(server: DevServer) -> str:
    name = unique("gqlshow")
    generate_show(server.data_dir, name, **SHOW)
    return name


def _nodes(
    admin: Api,
    project: str,
    field: str,
    args: str = "",
    select: str = "id",
    **variables: Any,
) -> list[dict[str, Any]]:
    """Every node of a connection, following the cursors 5 at a time."""
    decl = "".join(f", ${k}: {_type(k, v)}" for k, v in variables.items())
    call = ", ".join(f"{k}: ${k}" for k in variables)
    query = (
        f"query Q($p: String!, $after: String{decl}) {{ project(name: $p) {{"
        f" {field}(first: 5, after: $after{', ' + call if call else ''}{args}) {{"
        f" edges {{ cursor node {{ {select} }} }} pageInfo {{ hasNextPage endCursor }}"
        " } } }"
    )
    nodes: list[dict[str, Any]] = []
    after = None
    for _ in range(200):
        result = admin.graphql(query, p=project, after=after, **variables)
        assert "errors" not in result, result["errors"]
        connection = result["data"]["project"][field]
        nodes += [e["node"] for e in connection["edges"]]
        if not connection["pageInfo"]["hasNextPage"]:
            return nodes
        after = connection["pageInfo"]["endCursor"]
    raise AssertionError("paging did not end")


def _type(name: str, value: Any) -> str:
    if name == "hasLinks":
        return "HasLinksFilter"
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, list):
        return "[Int!]" if value and isinstance(value[0], int) else "[String!]"
    return "String"


def test_paging_matches_rest_listing(admin: Api, show: str) -> None:
    rest = admin.get(f"/api/projects/{show}/folders").json()["folders"]
    nodes = _nodes(admin, show, "folders", select="id path")
    assert [n["path"] for n in nodes] == [f["path"] for f in rest]
    assert len(nodes) == 28

    query = """query($p: String!, $before: String) { project(name: $p) {
      folders(last: 4, before: $before) { edges { node { path } }
        pageInfo { hasPreviousPage hasNextPage endCursor } } } }"""
    newest = [f["path"] for f in reversed(rest)]
    tail = admin.graphql(query, p=show)["data"]["project"]["folders"]
    # as on the real server: a 'last' page comes newest first
    assert [e["node"]["path"] for e in tail["edges"]] == newest[:4]
    assert tail["pageInfo"]["hasPreviousPage"] is True
    before = admin.graphql(query, p=show, before=tail["pageInfo"]["endCursor"])
    edges = before["data"]["project"]["folders"]["edges"]
    assert [e["node"]["path"] for e in edges] == newest[4:8]

    nested = """query($p: String!, $ids: [String!]) { project(name: $p) {
      folders(ids: $ids) { edges { node { tasks(last: 1) { edges { node { name } } }
        all: tasks { edges { node { name } } } } } } } }"""
    shot = next(f["id"] for f in rest if f["path"] == "/ep01/sq010/sh0010")
    node = admin.graphql(nested, p=show, ids=[shot])["data"]["project"]["folders"]
    node = node["edges"][0]["node"]
    names = [e["node"]["name"] for e in node["all"]["edges"]]
    assert [e["node"]["name"] for e in node["tasks"]["edges"]] == names[-1:]


def test_folder_filters(admin: Api, show: str) -> None:
    rest = admin.get(f"/api/projects/{show}/folders").json()["folders"]
    by_path = {f["path"]: f for f in rest}

    def paths(**variables: Any) -> list[str]:
        return [
            n["path"]
            for n in _nodes(admin, show, "folders", select="path", **variables)
        ]

    assert paths(folderTypes=["Episode"]) == ["/ep01", "/ep02"]
    assert paths(parentIds=["root"]) == ["/assets", "/ep01", "/ep02"]
    assert paths(parentIds=[by_path["/ep01"]["id"]]) == ["/ep01/sq010", "/ep01/sq020"]
    assert paths(names=["sh0020"]) == [p for p in by_path if p.endswith("/sh0020")]
    assert paths(paths=["/ep02/sq020/sh0030", "ep01/sq010/"]) == [
        "/ep01/sq010",
        "/ep02/sq020/sh0030",
    ]
    assert paths(pathEx="^ep02/sq010/sh00[12]0$") == [
        "/ep02/sq010/sh0010",
        "/ep02/sq010/sh0020",
    ]
    assert paths(ids=[by_path["/ep01"]["id"]], includeFolderChildren=True) == [
        p for p in by_path if p.startswith("/ep01")
    ]
    leaves = [p for p, f in by_path.items() if not f["hasChildren"]]
    assert paths(hasChildren=False) == leaves
    assert paths(hasTasks=True) == leaves
    assert paths(hasProducts=False) == [p for p in by_path if p not in leaves]
    assert paths(hasLinks="NONE") == list(by_path)
    assert paths(hasLinks="ANY") == []
    assert paths(search="sq020/sh0010") == ["/ep01/sq020/sh0010", "/ep02/sq020/sh0010"]
    not_ready = [p for p, f in by_path.items() if f["status"] == "Not ready"]
    assert paths(statuses=["Not ready"]) == not_ready
    condition = {
        "conditions": [
            {"key": "status", "value": "Not ready", "operator": "eq"},
            {"key": "folderType", "value": ["Shot"], "operator": "in"},
        ],
        "operator": "and",
    }
    assert paths(filter=json.dumps(condition)) == [
        p for p in not_ready if by_path[p]["folderType"] == "Shot"
    ]

    shot = by_path["/ep01/sq010/sh0010"]["id"]
    admin.patch(f"/api/projects/{show}/folders/{shot}", json={"tags": ["important"]})
    assert paths(tags=["important"]) == ["/ep01/sq010/sh0010"]
    task = create(
        admin,
        show,
        "task",
        name="extra",
        taskType="Roto",
        folderId=shot,
        assignees=["zed", "amy"],
    )
    assert paths(assignees=["zed", "amy"]) == ["/ep01/sq010/sh0010"]
    admin.delete(f"/api/projects/{show}/tasks/{task}")

    bad = admin.graphql(
        'query($p: String!) { project(name: $p) { folders(pathEx: "(") {'
        " edges { node { id } } } } }",
        p=show,
    )
    assert "Invalid regular expression" in bad["errors"][0]["message"]


def test_task_product_version_filters(admin: Api, show: str) -> None:
    tasks = _nodes(admin, show, "tasks", select="id name taskType assignees folderId")
    assert len(tasks) == 36  # 18 leaf folders (6 assets, 12 shots), 2 tasks each
    animation = _nodes(admin, show, "tasks", select="name", taskTypes=["Animation"])
    assert {t["name"] for t in animation} == {"animation"}
    someone = tasks[0]["assignees"][0]
    mine = _nodes(admin, show, "tasks", select="id", assigneesAny=[someone, "nobody"])
    assert {t["id"] for t in mine} == {
        t["id"] for t in tasks if someone in t["assignees"]
    }
    assert _nodes(admin, show, "tasks", assignees=[someone, "nobody"]) == []
    folder_id = tasks[0]["folderId"]
    assert len(_nodes(admin, show, "tasks", folderIds=[folder_id])) == 2

    products = _nodes(
        admin, show, "products", select="id name productType productBaseType"
    )
    assert len(products) == 36
    renders = _nodes(admin, show, "products", select="name", productTypes=["render"])
    assert {p["name"] for p in renders} == {"renderMain"}
    assert (
        len(_nodes(admin, show, "products", productBaseTypes=["model", "look"])) == 12
    )
    assert len(_nodes(admin, show, "products", nameEx="^anim")) == 12
    assert (
        len(_nodes(admin, show, "products", pathEx="^ep02/sq010/.*/renderMain$")) == 3
    )
    assert len(_nodes(admin, show, "products", namesCi=["RENDERMAIN"])) == 12

    versions = _nodes(admin, show, "versions", select="id version productId author")
    assert len(versions) == 108
    latest = _nodes(admin, show, "versions", select="version", latestOnly=True)
    assert len(latest) == 36 and {v["version"] for v in latest} == {3}
    assert _nodes(admin, show, "versions", heroOnly=True) == []
    assert len(_nodes(admin, show, "versions", heroOrLatestOnly=True)) == 36
    assert len(_nodes(admin, show, "versions", versions=[1, 2])) == 72
    product_id = versions[0]["productId"]
    hero = create(admin, show, "version", version=-3, productId=product_id)
    heroes = _nodes(admin, show, "versions", select="id", heroOnly=True)
    assert [v["id"] for v in heroes] == [hero]
    per_product = _nodes(
        admin,
        show,
        "versions",
        select="id version",
        productIds=[product_id],
        heroOrLatestOnly=True,
    )
    assert [v["version"] for v in per_product] == [-3]
    admin.delete(f"/api/projects/{show}/versions/{hero}")
    by_author = _nodes(admin, show, "versions", authors=[versions[0]["author"]])
    assert len(by_author) == sum(v["author"] == versions[0]["author"] for v in versions)

    representations = _nodes(admin, show, "representations", select="name versionId")
    assert len(representations) == 216
    assert len(_nodes(admin, show, "representations", names=["jpg"])) == 108
    assert (
        len(_nodes(admin, show, "representations", versionIds=[versions[0]["id"]])) == 2
    )


def test_nested_relations(admin: Api, show: str) -> None:
    query = """query($p: String!) { project(name: $p) {
      representations(first: 3, names: ["exr"]) { edges { node {
        id name path parents context files { name size hashType } fileCount
        version { name isLatest path
          product { name path latestVersion { version } versionList { name }
            folder { path hasChildren hasTasks hasProducts childCount taskCount
              productCount hasVersions parents
              parent { path } tasks(first: 1) { edges { node { name } } }
              products { edges { node { name } } } } }
          task { name folder { name } } } } } } } }"""
    result = admin.graphql(query, p=show)
    assert "errors" not in result, result["errors"]
    nodes = [e["node"] for e in result["data"]["project"]["representations"]["edges"]]
    assert len(nodes) == 3
    node = nodes[0]
    version = node["version"]
    product = version["product"]
    folder = product["folder"]
    assert node["path"] == f"{version['path']}/exr"
    assert version["path"] == f"{product['path']}/{version['name']}"
    assert product["path"] == f"{folder['path']}/{product['name']}"
    assert node["parents"] == [
        *folder["path"].strip("/").split("/"),
        product["name"],
        version["name"],
    ]
    assert json.loads(node["context"])["ext"] == "exr"
    assert node["fileCount"] == 1 and node["files"][0]["hashType"] == "md5"
    assert isinstance(node["files"][0]["size"], str)
    assert version["isLatest"] is (version["name"] == "v003")
    assert product["latestVersion"] == {"version": 3}
    assert [v["name"] for v in product["versionList"]] == ["v001", "v002", "v003"]
    assert (folder["hasChildren"], folder["hasTasks"], folder["hasProducts"]) == (
        False,
        True,
        True,
    )
    assert (folder["childCount"], folder["taskCount"], folder["productCount"]) == (
        0,
        2,
        2,
    )
    assert folder["hasVersions"] is True
    assert folder["parent"]["path"] == folder["path"].rsplit("/", 1)[0]
    assert len(folder["tasks"]["edges"]) == 1 and len(folder["products"]["edges"]) == 2
    assert (
        version["task"] is None
        or version["task"]["folder"]["name"] == folder["path"].split("/")[-1]
    )


def test_single_entities_and_workfiles(admin: Api, show: str) -> None:
    task = _nodes(admin, show, "tasks", select="id folderId")[0]
    workfile = create(
        admin, show, "workfile", path="/work/x/comp_v001.nk", taskId=task["id"]
    )
    query = """query($p: String!, $id: String!, $missing: String!) { project(name: $p) {
      task(id: $id) { name folder { id } workfiles { edges { node { id name } } } }
      workfile(id: $missing) { id }
      folder(id: $missing) { id } } }"""
    data = admin.graphql(query, p=show, id=task["id"], missing="0" * 32)["data"][
        "project"
    ]
    assert data["task"]["folder"]["id"] == task["folderId"]
    assert data["task"]["workfiles"]["edges"] == [
        {"node": {"id": workfile, "name": "comp_v001.nk"}}
    ]
    assert data["workfile"] is None and data["folder"] is None
    found = _nodes(admin, show, "workfiles", select="id", pathEx="comp_v00[0-9]")
    assert [w["id"] for w in found] == [workfile]
    assert _nodes(admin, show, "workfiles", paths=["/nope"]) == []
    admin.delete(f"/api/projects/{show}/workfiles/{workfile}")


def test_project_level_fields(admin: Api, show: str) -> None:
    query = """query($p: String!) { project(name: $p) {
      productTypes { name icon color } usedTags } }"""
    data = admin.graphql(query, p=show)["data"]["project"]
    names = {p["name"] for p in data["productTypes"]}
    assert names == {"model", "look", "render", "animation"}
    assert all(p["icon"] and p["color"] for p in data["productTypes"])


QUERIES = [
    "query($p: String!) { project(name: $p) {"
    " folders(first: 12) { edges { cursor node {"
    " id name label folderType parentId thumbnailId path status tags data active"
    " allAttrib ownAttrib attrib { fps frameStart } hasChildren childCount"
    " createdAt projectName parents links { edges { id } } } }"
    " pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }",
    "query($p: String!) { project(name: $p) { name products(first: 10) { edges { node {"
    " id n: name productType folder { path } versions { edges { node { version"
    " allAttrib representations { edges { node { files { id size } traits } } } } } }"
    " } } } } }",
    "query($p: String!) { project(name: $p) { tasks(last: 7) { edges { node { id name"
    " assignees allAttrib folder { id } } } } } }",
]


@pytest.mark.parametrize("query", QUERIES)
def test_lean_executor_matches_graphql_core(
    server: DevServer, show: str, query: str
) -> None:
    store = Store(server.data_dir)
    try:
        service = create_service()
        schema = service.schemas.get(store.attributes.all(), store.attributes.revision)
        user = store.users.require("admin")
        document = parse(query)
        variables = {"p": show}
        fast = execute_plain(
            schema, document, variables, None, GraphQLContext(store=store, user=user)
        )
        core = execute_sync(
            schema,
            document,
            variable_values=variables,
            context_value=GraphQLContext(store=store, user=user),
        )
        assert core.errors is None
        assert json.dumps(fast) == json.dumps(core.data)
    finally:
        store.close()
