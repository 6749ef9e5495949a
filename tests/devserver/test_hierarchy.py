"""Folder tree: paths after rename/move, attribute inheritance, deletion
rules, the flat folder list and the hierarchy endpoint."""

from __future__ import annotations

from .helpers import Api, create, get_entity, new_project


def _path(admin: Api, project: str, folder_id: str) -> str:
    return str(get_entity(admin, project, "folder", folder_id)["path"])


def test_paths_follow_renames_and_moves(admin: Api) -> None:
    project = new_project(admin, "paths")
    ep = create(admin, project, "folder", name="ep01", folderType="Episode")
    sq = create(
        admin, project, "folder", name="sq010", folderType="Sequence", parentId=ep
    )
    sh = create(admin, project, "folder", name="sh010", folderType="Shot", parentId=sq)
    other = create(admin, project, "folder", name="ep02", folderType="Episode")
    assert _path(admin, project, sh) == "/ep01/sq010/sh010"

    url = f"/api/projects/{project}/folders"
    assert admin.patch(f"{url}/{ep}", json={"name": "ep100"}).status_code == 204
    assert _path(admin, project, sh) == "/ep100/sq010/sh010"

    assert admin.patch(f"{url}/{sq}", json={"parentId": other}).status_code == 204
    assert _path(admin, project, sq) == "/ep02/sq010"
    assert _path(admin, project, sh) == "/ep02/sq010/sh010"

    assert admin.patch(f"{url}/{sq}", json={"parentId": None}).status_code == 204
    assert _path(admin, project, sh) == "/sq010/sh010"

    # no cycles, no self-parenting
    assert admin.patch(f"{url}/{sq}", json={"parentId": sh}).status_code == 400
    assert admin.patch(f"{url}/{sq}", json={"parentId": sq}).status_code == 400

    by_path = admin.graphql(
        "query($p: String!, $paths: [String!]) { project(name: $p) {"
        " folders(paths: $paths) { edges { node { id path } } } } }",
        p=project,
        paths=["/sq010/sh010"],
    )
    edges = by_path["data"]["project"]["folders"]["edges"]
    assert [e["node"]["id"] for e in edges] == [sh]


def test_folders_with_versions_are_frozen(admin: Api) -> None:
    project = new_project(admin, "frozen")
    folder = create(admin, project, "folder", name="sh010", folderType="Shot")
    product = create(
        admin,
        project,
        "product",
        name="renderMain",
        productType="render",
        folderId=folder,
    )
    create(admin, project, "version", version=1, productId=product)
    url = f"/api/projects/{project}/folders/{folder}"
    assert admin.patch(url, json={"name": "sh020"}).status_code == 403
    assert admin.patch(url, json={"folderType": "Asset"}).status_code == 403
    assert admin.patch(url, json={"label": "Shot 10"}).status_code == 204


def test_attribute_inheritance(admin: Api) -> None:
    project = new_project(admin, "inherit")
    sq = create(admin, project, "folder", name="sq010", attrib={"fps": 30})
    sh = create(
        admin,
        project,
        "folder",
        name="sh010",
        parentId=sq,
        attrib={"frameStart": 1001, "description": "own only"},
    )
    task = create(
        admin, project, "task", name="comp", taskType="Compositing", folderId=sh
    )

    shot = get_entity(admin, project, "folder", sh)
    assert shot["attrib"]["fps"] == 30.0 and shot["attrib"]["resolutionWidth"] == 1920
    assert shot["ownAttrib"] == ["description", "frameStart"]
    child = create(admin, project, "folder", name="sub", parentId=sh)
    assert "description" not in get_entity(admin, project, "folder", child)["attrib"]
    assert get_entity(admin, project, "task", task)["attrib"]["frameStart"] == 1001

    # changes above are visible below
    assert (
        admin.patch(
            f"/api/projects/{project}", json={"attrib": {"resolutionWidth": 4096}}
        ).status_code
        == 204
    )
    assert (
        admin.patch(
            f"/api/projects/{project}/folders/{sq}", json={"attrib": {"fps": 48}}
        ).status_code
        == 204
    )
    task_entity = get_entity(admin, project, "task", task)
    assert task_entity["attrib"]["fps"] == 48.0
    assert task_entity["attrib"]["resolutionWidth"] == 4096
    assert task_entity["ownAttrib"] == []

    # unsetting an own value falls back to the inherited one
    admin.patch(f"/api/projects/{project}/folders/{sq}", json={"attrib": {"fps": None}})
    assert get_entity(admin, project, "folder", sq)["ownAttrib"] == []
    query = """query($p: String!, $ids: [String!]) { project(name: $p) {
      folders(ids: $ids) { edges { node { allAttrib ownAttrib attrib { fps } } } }
      tasks(folderIds: $ids) { edges { node { allAttrib ownAttrib } } } } }"""
    data = admin.graphql(query, p=project, ids=[sh])["data"]["project"]
    node = data["folders"]["edges"][0]["node"]
    assert node["attrib"]["fps"] == 25.0
    assert '"fps":25.0' in node["allAttrib"]
    # the real server lists inherited names too once an entity has own values
    assert node["ownAttrib"][:2] == ["description", "frameStart"]
    assert "fps" in node["ownAttrib"]
    assert data["tasks"]["edges"][0]["node"]["ownAttrib"] == []


def test_delete_rules_and_force(admin: Api) -> None:
    project = new_project(admin, "delete")
    sq = create(admin, project, "folder", name="sq010")
    sh = create(admin, project, "folder", name="sh010", parentId=sq)
    empty = create(admin, project, "folder", name="empty")
    task = create(
        admin, project, "task", name="comp", taskType="Compositing", folderId=sh
    )
    url = f"/api/projects/{project}/folders"

    response = admin.delete(f"{url}/{sq}")
    assert response.status_code == 409
    assert (
        response.json()["detail"] == "Unable to delete a folder with products or tasks."
    )
    assert admin.delete(f"{url}/{sh}").status_code == 409
    assert admin.delete(f"{url}/{empty}").status_code == 204

    assert admin.delete(f"{url}/{sq}", params={"force": "true"}).status_code == 204
    for entity_type, entity_id in (("folder", sq), ("folder", sh), ("task", task)):
        assert (
            admin.get(f"/api/projects/{project}/{entity_type}s/{entity_id}").status_code
            == 404
        )


def test_flat_folder_list(admin: Api) -> None:
    project = new_project(admin, "flat")
    sq = create(admin, project, "folder", name="sq010", attrib={"fps": 24})
    sh = create(admin, project, "folder", name="sh010", parentId=sq, label="Shot 10")
    create(admin, project, "task", name="comp", taskType="Compositing", folderId=sh)

    plain = admin.get(f"/api/projects/{project}/folders").json()["folders"]
    assert [f["path"] for f in plain] == ["/sq010", "/sq010/sh010"]
    assert "attrib" not in plain[0]
    first, second = plain
    assert (first["hasChildren"], first["hasTasks"]) == (True, False)
    assert (second["parents"], second["taskNames"], second["label"]) == (
        ["sq010"],
        ["comp"],
        "Shot 10",
    )

    full = admin.get(f"/api/projects/{project}/folders", params={"attrib": "true"})
    second = full.json()["folders"][1]
    assert second["attrib"]["fps"] == 24.0 and second["ownAttrib"] == []


def test_hierarchy_endpoint(admin: Api) -> None:
    project = new_project(admin, "tree")
    assets = create(admin, project, "folder", name="assets")
    create(admin, project, "folder", name="hero", folderType="Asset", parentId=assets)
    sq = create(admin, project, "folder", name="sq010", folderType="Sequence")
    sh = create(admin, project, "folder", name="sh010", folderType="Shot", parentId=sq)
    create(admin, project, "task", name="comp", taskType="Compositing", folderId=sh)

    data = admin.get(f"/api/projects/{project}/hierarchy").json()
    assert data["projectName"] == project
    roots = data["hierarchy"]
    assert [r["name"] for r in roots] == ["assets", "sq010"]
    shot = roots[1]["children"][0]
    assert shot["label"] == "sh010" and shot["taskNames"] == ["comp"]
    assert shot["hasTasks"] is True and shot["parents"] == ["sq010"]
    assert shot["parentId"] == sq

    shots = admin.get(
        f"/api/projects/{project}/hierarchy", params={"types": "Shot"}
    ).json()
    assert [r["name"] for r in shots["hierarchy"]] == ["sq010"]
    found = admin.get(
        f"/api/projects/{project}/hierarchy", params={"search": "her"}
    ).json()
    assert [r["name"] for r in found["hierarchy"]] == ["assets"]
    assert [c["name"] for c in found["hierarchy"][0]["children"]] == ["hero"]
