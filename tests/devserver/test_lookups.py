"""Task assignment, representation context lookup, folder search and
``ayon+entity://`` URI resolution."""

from __future__ import annotations

import json
import uuid
from typing import Any

from ayon_devserver.runner import DevServer

from .helpers import (
    Api,
    build_shot,
    create,
    create_user,
    get_entity,
    login,
    new_project,
    unique,
)

TEMPLATE = (
    "{root[work]}/{project[name]}/{hierarchy}/publish/{product[name]}"
    "/v{version:0>3}/{folder[name]}_v{version:0>3}<_{output}><.{frame:0>4}>.{ext}"
)


# -- task assignment -------------------------------------------------------


def test_assign_users_to_task(admin: Api) -> None:
    amy, zed = unique("amy"), unique("zed")
    for name in (amy, zed):
        create_user(admin, name)
    project = new_project(admin, "assign")
    task = build_shot(admin, project)["task"]
    url = f"/api/projects/{project}/tasks/{task}/assign"

    def assignees() -> list[str]:
        return list(get_entity(admin, project, "task", task)["assignees"])

    before = get_entity(admin, project, "task", task)["updatedAt"]
    response = admin.post(url, json={"mode": "add", "users": [amy, zed, amy]})
    assert response.status_code == 204, response.text
    assert response.content == b""
    assert assignees() == [amy, zed]
    after = get_entity(admin, project, "task", task)["updatedAt"]
    assert after > before

    # no change: nothing written
    assert admin.post(url, json={"mode": "add", "users": [zed]}).status_code == 204
    assert get_entity(admin, project, "task", task)["updatedAt"] == after

    assert admin.post(url, json={"mode": "remove", "users": [amy]}).status_code == 204
    assert assignees() == [zed]
    assert admin.post(url, json={"mode": "set", "users": [amy]}).status_code == 204
    assert assignees() == [amy]
    # removing someone who was never assigned (or does not exist) is fine
    body = {"mode": "remove", "users": ["ghost"]}
    assert admin.post(url, json=body).status_code == 204
    assert admin.post(url, json={"mode": "set", "users": []}).status_code == 204
    assert assignees() == []

    # unknown users are not assigned
    response = admin.post(url, json={"mode": "add", "users": [amy, "ghost"]})
    assert response.status_code == 404
    assert response.json() == {"code": 404, "detail": "User ghost not found"}
    response = admin.post(url, json={"mode": "set", "users": ["ghost", "nobody"]})
    assert response.status_code == 404
    assert "ghost" in response.json()["detail"]
    assert assignees() == []

    missing = f"/api/projects/{project}/tasks/{uuid.uuid4().hex}/assign"
    assert admin.post(missing, json={"mode": "add", "users": [amy]}).status_code == 404
    assert admin.post(url, json={"mode": "toggle", "users": [amy]}).status_code == 400
    assert admin.post(url, json={"mode": "add"}).status_code == 400
    bad_id = f"/api/projects/{project}/tasks/nope/assign"
    assert admin.post(bad_id, json={"mode": "add", "users": []}).status_code == 400


def test_artists_assign_only_themselves(server: DevServer, admin: Api) -> None:
    name = unique("artist")
    create_user(admin, name, defaultAccessGroups=["artist"])
    other = unique("other")
    create_user(admin, other)
    project = new_project(admin, "selfassign")  # gives the artist access
    task = build_shot(admin, project)["task"]
    api = login(server, name, "pw-1234")
    url = f"/api/projects/{project}/tasks/{task}/assign"

    response = api.post(url, json={"mode": "add", "users": [other]})
    assert response.status_code == 403
    assert (
        api.post(url, json={"mode": "add", "users": [name, other]}).status_code == 403
    )
    assert api.post(url, json={"mode": "add", "users": [name]}).status_code == 204
    task_entity = get_entity(admin, project, "task", task)
    assert task_entity["assignees"] == [name]
    assert task_entity["updatedBy"] == name
    assert api.post(url, json={"mode": "remove", "users": [name]}).status_code == 204
    assert get_entity(admin, project, "task", task)["assignees"] == []

    stranger = unique("stranger")
    create_user(admin, stranger, defaultAccessGroups=["artist"])  # after: no access
    outsider = login(server, stranger, "pw-1234")
    body = {"mode": "add", "users": [stranger]}
    assert outsider.post(url, json=body).status_code == 403


# -- representations by context --------------------------------------------


def _representation(
    admin: Api, project: str, version_id: str, name: str, context: dict[str, Any]
) -> str:
    return create(
        admin,
        project,
        "representation",
        name=name,
        versionId=version_id,
        data={"context": context},
    )


def test_representation_context_filter(admin: Api) -> None:
    project = new_project(admin, "repctx")
    ids = build_shot(admin, project)
    shot = {"folder": {"name": "sh010"}, "task": {"name": "comp"}, "version": 2}
    exr = _representation(admin, project, ids["v2"], "exr", {**shot, "ext": "exr"})
    jpg = _representation(admin, project, ids["v2"], "jpg", {**shot, "ext": "jpg"})
    other_context = {
        "folder": {"name": "sh020"},
        "task": {"name": "animation"},
        "version": 1,
        "published": True,
    }
    other = _representation(admin, project, ids["v1"], "mov", other_context)
    url = f"/api/projects/{project}/repreContextFilter"

    def lookup(**body: Any) -> list[str]:
        response = admin.post(url, json=body)
        assert response.status_code == 200, response.text
        return list(response.json()["ids"])

    def ctx(key: str, *values: str) -> dict[str, Any]:
        return {"key": key, "values": list(values)}

    assert lookup(context=[ctx("folder.name", "^sh010$")]) == [exr, jpg]
    assert lookup(context=[ctx("folder.name", "sh0")]) == [exr, jpg, other]
    # any of the values, every one of the keys
    assert lookup(context=[ctx("task.name", "^anim", "^co")]) == [exr, jpg, other]
    both = [ctx("task.name", "^comp$"), ctx("ext", "^jpg$")]
    assert lookup(context=both) == [jpg]
    # numbers and booleans compare as their text; missing keys never match
    assert lookup(context=[ctx("version", "^1$")]) == [other]
    assert lookup(context=[ctx("published", "^true$")]) == [other]
    assert lookup(context=[ctx("folder.nope", ".*")]) == []
    assert lookup(context=[ctx("folder", "sh020")]) == [other]  # object as JSON
    assert lookup(context=[ctx("ext", "EXR")]) == []  # case matters
    assert lookup(context=[ctx("ext")]) == []  # no value to match
    # names and version ids narrow down
    assert lookup(names=["jpg", "mov"], context=[ctx("folder.name", "sh")]) == [
        jpg,
        other,
    ]
    assert lookup(versionIds=[ids["v1"]]) == [ids["repre"], other]
    assert lookup(versionIds=[ids["v2"]], names=["exr"]) == [exr]
    assert lookup() == [ids["repre"], exr, jpg, other]

    response = admin.post(url, json={"context": [ctx("ext", "(")]})
    assert response.status_code == 400
    assert "regular expression" in response.json()["detail"]
    response = admin.post(url, json={"context": [{"key": "ext"}]})
    assert response.status_code == 400
    missing = "/api/projects/nope_nope/repreContextFilter"
    assert admin.post(missing, json={}).status_code == 404


def test_representation_context_filter_limit(admin: Api) -> None:
    project = new_project(admin, "replimit")
    ids = build_shot(admin, project)
    operations = [
        {
            "type": "create",
            "entityType": "representation",
            "data": {
                "name": f"r{i:03d}",
                "versionId": ids["v2"],
                "data": {"context": {"representation": f"r{i:03d}"}},
            },
        }
        for i in range(105)
    ]
    response = admin.post(
        f"/api/projects/{project}/operations", json={"operations": operations}
    )
    assert response.status_code == 200, response.text
    body = {"context": [{"key": "representation", "values": ["^r"]}]}
    response = admin.post(f"/api/projects/{project}/repreContextFilter", json=body)
    assert len(response.json()["ids"]) == 100  # as the real server


# -- folder search ---------------------------------------------------------


def _search_fixture(admin: Api) -> tuple[str, dict[str, str]]:
    project = new_project(admin, "search")
    ids: dict[str, str] = {}
    ids["ep"] = create(admin, project, "folder", name="ep01", folderType="Episode")
    ids["sq"] = create(
        admin,
        project,
        "folder",
        name="sq010",
        folderType="Sequence",
        parentId=ids["ep"],
    )
    ids["sh"] = create(
        admin,
        project,
        "folder",
        name="sh010",
        label="Hero Shot",
        folderType="Shot",
        parentId=ids["sq"],
        tags=["important"],
    )
    ids["asset"] = create(
        admin,
        project,
        "folder",
        name="chair",
        folderType="Asset",
        status="Approved",
        data={"tools": ["maya", "houdini"]},
    )
    ids["comp"] = create(
        admin,
        project,
        "task",
        name="compositing",
        label="Final Comp",
        taskType="Compositing",
        folderId=ids["sh"],
        assignees=["amy"],
    )
    ids["model"] = create(
        admin,
        project,
        "task",
        name="modeling",
        taskType="Modeling",
        folderId=ids["asset"],
        assignees=["zed", "bob"],
        status="In progress",
    )
    return project, ids


def test_folder_search(admin: Api) -> None:
    project, ids = _search_fixture(admin)
    url = f"/api/projects/{project}/folders/search"

    def search(**body: Any) -> list[str]:
        response = admin.post(url, json=body)
        assert response.status_code == 200, response.text
        return list(response.json()["folderIds"])

    everything = [ids["ep"], ids["sq"], ids["sh"], ids["asset"]]
    assert search() == everything
    # folder search: every word in the name, label or path, any case
    assert search(folderSearch="SQ010") == [ids["sq"], ids["sh"]]
    assert search(folderSearch="hero") == [ids["sh"]]
    assert search(folderSearch="ep01/sh0") == [ids["sh"]]
    assert search(folderSearch="ep01 chair") == []
    # task search: folders with a task whose name, label or type starts with
    # every word (or whose folder path holds it)
    assert search(taskSearch="comp") == [ids["sh"]]
    assert search(taskSearch="final") == [ids["sh"]]
    assert search(taskSearch="model") == [ids["asset"]]
    assert search(taskSearch="positing") == []
    assert search(taskSearch="ep01") == [ids["sh"]]
    # search: folders or their tasks
    assert search(search="chair") == [ids["asset"]]
    assert search(search="eling") == [ids["asset"]]
    assert search(search="sq010") == [ids["sq"], ids["sh"]]
    assert search(search="sq010 comp") == [ids["sh"]]
    assert search(search="  ,, ") == everything

    # query filters, alone and together
    shots = {"conditions": [{"key": "folderType", "value": "Shot"}]}
    assert search(folderFilter=shots) == [ids["sh"]]
    by_status = {"conditions": [{"key": "status", "value": "Approved"}]}
    assert search(folderFilter=by_status) == [ids["asset"]]
    tagged = {
        "conditions": [{"key": "tags", "value": "important", "operator": "includes"}]
    }
    assert search(folderFilter=tagged) == [ids["sh"]]
    tools = {
        "conditions": [
            {
                "key": "data/tools",
                "value": ["nuke", "houdini"],
                "operator": "includesany",
            }
        ]
    }
    assert search(folderFilter=tools) == [ids["asset"]]
    tools = {
        "conditions": [{"key": "data.tools", "value": "maya", "operator": "excludes"}]
    }
    assert search(folderFilter=tools) == [ids["ep"], ids["sq"], ids["sh"]]
    anyone = {
        "conditions": [
            {"key": "assignees", "value": ["bob", "amy"], "operator": "includes_any"}
        ]
    }
    assert search(taskFilter=anyone) == [ids["sh"], ids["asset"]]
    nobody = {
        "conditions": [
            {"key": "assignees", "value": ["zed", "bob"], "operator": "excludesall"}
        ]
    }
    assert search(taskFilter=nobody) == [ids["sh"]]
    either = {
        "operator": "or",
        "conditions": [
            {"key": "status", "value": "In progress"},
            {"key": "taskType", "value": ["Compositing"], "operator": "in"},
        ],
    }
    assert search(taskFilter=either) == [ids["sh"], ids["asset"]]
    assert search(taskFilter=either, folderSearch="chair") == [ids["asset"]]
    assert search(taskFilter=either, taskSearch="comp") == [ids["sh"]]
    assert search(taskFilter={"conditions": []}) == [ids["sh"], ids["asset"]]

    bad = {"conditions": [{"key": "nope", "value": 1}]}
    assert admin.post(url, json={"folderFilter": bad}).status_code == 400
    bad = {"conditions": [{"key": "status", "value": 1, "operator": "near"}]}
    assert admin.post(url, json={"taskFilter": bad}).status_code == 400
    assert admin.post(url, json={"folderFilter": "x"}).status_code == 400
    bad = {"conditions": [{"key": "status", "value": "x", "operator": "includes"}]}
    assert admin.post(url, json={"folderFilter": bad}).status_code == 400


def test_graphql_filter_list_operators(admin: Api) -> None:
    project, ids = _search_fixture(admin)
    query = (
        "query($p: String!, $f: String) { project(name: $p) {"
        " tasks(filter: $f) { edges { node { id } } } } }"
    )

    def task_ids(*conditions: dict[str, Any]) -> list[str]:
        spec = json.dumps({"conditions": list(conditions)})
        data = admin.graphql(query, p=project, f=spec)
        return [e["node"]["id"] for e in data["data"]["project"]["tasks"]["edges"]]

    def cond(value: Any, operator: str) -> dict[str, Any]:
        return {"key": "assignees", "value": value, "operator": operator}

    assert task_ids(cond("zed", "includes")) == [ids["model"]]
    assert task_ids(cond("zed", "excludes")) == [ids["comp"]]
    assert task_ids(cond(["zed", "bob"], "includesall")) == [ids["model"]]
    assert task_ids(cond(["zed", "amy"], "includesall")) == []
    assert task_ids(cond(["zed", "amy"], "includesany")) == [ids["comp"], ids["model"]]
    assert task_ids(cond(["zed", "amy"], "excludesany")) == []
    assert task_ids(cond(["zed", "amy"], "excludesall")) == [ids["comp"], ids["model"]]


# -- URI resolution --------------------------------------------------------


def _uri(admin: Api, project: str, entity_type: str, entity_id: str) -> str:
    response = admin.post(
        f"/api/projects/{project}/uris",
        json={"entityType": entity_type, "ids": [entity_id]},
    )
    assert response.status_code == 200, response.text
    return str(response.json()["uris"][0]["uri"])


def _resolve(api: Api, *uris: str, **kwargs: Any) -> list[dict[str, Any]]:
    body = {"uris": list(uris), **kwargs.pop("body", {})}
    response = api.post("/api/resolve", json=body, **kwargs)
    assert response.status_code == 200, response.text
    return list(response.json())


def test_resolve_uris_of_every_entity_type(admin: Api) -> None:
    project = new_project(admin, "resolve")
    ids = build_shot(admin, project)
    workfile = create(
        admin,
        project,
        "workfile",
        path="{root[work]}/sq010/sh010/work/sh010_comp_v001.nk",
        taskId=ids["task"],
    )
    shot, product, task = ids["shot"], ids["product"], ids["task"]
    base = {"projectName": project, "folderId": shot}
    expected = {
        ("folder", shot): {**base, "target": "folder"},
        ("task", task): {**base, "taskId": task, "target": "task"},
        ("workfile", workfile): {
            **base,
            "taskId": task,
            "workfileId": workfile,
            "target": "workfile",
        },
        ("product", product): {**base, "productId": product, "target": "product"},
        ("version", ids["v1"]): {
            **base,
            "productId": product,
            "versionId": ids["v1"],
            "target": "version",
        },
        ("representation", ids["repre"]): {
            **base,
            "productId": product,
            "versionId": ids["v1"],
            "representationId": ids["repre"],
            "target": "representation",
        },
    }
    uris = [_uri(admin, project, t, i) for t, i in expected]
    assert uris[1] == f"ayon+entity://{project}/sq010/sh010?task=comp"
    resolved = _resolve(admin, *uris)
    assert [r["uri"] for r in resolved] == uris
    assert [r["entities"] for r in resolved] == [[e] for e in expected.values()]
    assert all("error" not in r for r in resolved)

    # the short scheme, the project name in any case, a USD suffix
    short = f"ayon://{project.upper()}/sq010/sh010?product=renderMain&version=v2"
    (item,) = _resolve(admin, short + ":SDF_FORMAT_ARGS:x=1")
    (entity,) = item["entities"]
    assert entity["versionId"] == ids["v2"]
    assert entity["projectName"] == project.upper()


def test_resolve_wildcards_and_versions(admin: Api) -> None:
    project = new_project(admin, "wild")
    ids = build_shot(admin, project)
    hero = create(admin, project, "version", version=-2, productId=ids["product"])
    other = create(
        admin,
        project,
        "product",
        name="plateMain",
        productType="plate",
        folderId=ids["shot"],
    )
    plate = create(admin, project, "version", version=7, productId=other)
    shot = f"ayon+entity://{project}/sq010/sh010"

    def version_ids(uri: str) -> list[str]:
        (item,) = _resolve(admin, uri)
        return [e["versionId"] for e in item["entities"]]

    product = f"{shot}?product=renderMain"
    assert version_ids(f"{product}&version=v001") == [ids["v1"]]
    assert version_ids(f"{product}&version=2") == [ids["v2"]]
    assert version_ids(f"{product}&version=latest") == [ids["v2"]]
    assert version_ids(f"{product}&version=HERO") == [hero]
    assert version_ids(f"{product}&version=*") == [ids["v1"], ids["v2"], hero]
    assert version_ids(f"{shot}?product=*&version=latest") == [ids["v2"], plate]
    assert version_ids(f"{shot}?version=v007") == [plate]
    # no folder path: any folder
    assert version_ids(f"ayon+entity://{project}?product=plateMain&version=*") == [
        plate
    ]
    # representations of every version when the version is left out
    (item,) = _resolve(admin, f"{product}&representation=*")
    assert [e["representationId"] for e in item["entities"]] == [ids["repre"]]

    (item,) = _resolve(admin, f"{product}&version=newest")
    assert item == {
        "uri": f"{product}&version=newest",
        "entities": [],
        "error": "Invalid version name: newest",
    }


def test_resolve_unknown_and_invalid(admin: Api) -> None:
    project = new_project(admin, "unknown")
    build_shot(admin, project)
    shot = f"ayon+entity://{project}/sq010/sh010"
    uris = [
        f"{shot}?product=nope",  # well formed, matches nothing
        f"ayon+entity://{project}/sq010/nope",
        f"ayon+entity://{project}",  # nothing asked for
        "ayon+entity://no_such_project/a/b",
        "https://example.com/a",
        f"ayon+entity://{project}/sq 010",
        f"{shot}?task=comp&product=renderMain",
        f"{shot}?product=bad name",
    ]
    resolved = _resolve(admin, *uris)
    assert [r["uri"] for r in resolved] == uris
    assert all(r["entities"] == [] for r in resolved)
    errors = [r.get("error") for r in resolved]
    assert errors[:3] == [None, None, None]
    assert errors[3:] == [
        "Project no_such_project not found",
        "Invalid scheme: https",
        "Invalid path element: sq 010",
        "Tasks and workfiles cannot be queried with products",
        "Invalid name: bad name",
    ]
    assert _resolve(admin) == []
    response = admin.post("/api/resolve", json={})
    assert response.status_code == 400


def test_resolve_representation_paths(server: DevServer, admin: Api) -> None:
    project = new_project(admin, "paths")
    ids = build_shot(admin, project)
    context = {
        "project": {"name": project, "code": "prj"},
        "hierarchy": "sq010/sh010",
        "folder": {"name": "sh010"},
        "product": {"name": "renderMain"},
        "version": 1,
        "ext": "exr",
        "frame": "1001",
    }
    repre = create(
        admin,
        project,
        "representation",
        name="exr_seq",
        versionId=ids["v1"],
        attrib={"template": TEMPLATE},
        data={"context": context},
    )
    uri = _uri(admin, project, "representation", repre)
    tail = f"{project}/sq010/sh010/publish/renderMain/v001/sh010_v001.1001.exr"

    (item,) = _resolve(admin, uri)
    (entity,) = item["entities"]
    assert entity["representationId"] == repre
    assert entity["filePath"] == "{root[work]}/" + tail  # roots left to the client
    (item,) = _resolve(admin, uri, params={"pathOnly": "true"})
    assert item["entities"] == [{"filePath": "{root[work]}/" + tail}]

    # roots of the site's platform, with the user's overrides for the site
    site = {"x-ayon-site-id": "studio-site"}
    roots = admin.get(f"/api/projects/{project}/siteRoots", headers=site).json()
    body = {"resolveRoots": True}
    (item,) = _resolve(admin, uri, body=body, headers=site, params={"pathOnly": "1"})
    assert item["entities"] == [{"filePath": f"{roots['work']}/{tail}"}]
    override = {"work": "/override/projects"}
    url = f"/api/projects/{project}/roots/studio-site"
    assert admin.put(url, json=override).status_code == 204
    (item,) = _resolve(admin, uri, body=body, headers=site)
    assert item["entities"][0]["filePath"] == f"/override/projects/{tail}"
    # no site: roots are not filled
    (item,) = _resolve(admin, uri, body=body)
    assert item["entities"][0]["filePath"].startswith("{root[work]}/")
    # representations without a template have no path
    (item,) = _resolve(admin, _uri(admin, project, "representation", ids["repre"]))
    assert "filePath" not in item["entities"][0]

    # a user without access to the project gets an error, not its entities
    stranger = unique("stranger")
    create_user(admin, stranger, defaultAccessGroups=["artist"])
    (item,) = _resolve(login(server, stranger, "pw-1234"), uri)
    assert item["entities"] == []
    assert "access" in item["error"]
    assert Api(server.url).post("/api/resolve", json={"uris": []}).status_code == 401
