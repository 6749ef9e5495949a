"""Anatomy presets, project anatomy, roots and project folders."""
from __future__ import annotations

import platform
from collections.abc import Iterable
from typing import Any, Optional
from urllib.parse import quote

from ._entities import check_name, project_path
from .attributes import AttributesAPI

PRIMARY_PRESET = "__primary__"
BUILTIN_PRESET = "__builtin__"


def _preset_path(preset_name: str) -> str:
    return f"anatomy/presets/{quote(check_name(preset_name, 'preset name'), safe='')}"


class AnatomyAPI(AttributesAPI):
    """``/api/anatomy``, project anatomy and roots, ``/api/projectFolders``."""

    def _checked(self, response: Any) -> Any:
        response.raise_for_status()
        return response.data

    # -- presets ------------------------------------------------------------------
    def get_project_anatomy_presets(self) -> list[dict[str, Any]]:
        return list(self._checked(self.get("anatomy/presets"))["presets"])

    def get_default_anatomy_preset_name(self) -> str:
        """Name of the primary preset, or the built-in one's name."""
        for preset in self.get_project_anatomy_presets():
            if preset.get("primary"):
                return str(preset["name"])
        return BUILTIN_PRESET if self._new_preset_names() else "_"

    def _new_preset_names(self) -> bool:
        return self.get_server_version_tuple()[:3] >= (1, 0, 8)

    def get_project_anatomy_preset(self, preset_name: Optional[str] = None
                                   ) -> dict[str, Any]:
        """A preset's anatomy (the primary preset when no name is given)."""
        if preset_name is None:
            preset_name = (PRIMARY_PRESET if self._new_preset_names()
                           else self.get_default_anatomy_preset_name())
        return self._checked(self.get(_preset_path(preset_name)))

    def get_built_in_anatomy_preset(self) -> dict[str, Any]:
        return self.get_project_anatomy_preset(
            BUILTIN_PRESET if self._new_preset_names() else "_")

    def get_build_in_anatomy_preset(self) -> dict[str, Any]:
        """Deprecated spelling of :meth:`get_built_in_anatomy_preset`."""
        return self.get_built_in_anatomy_preset()

    def get_anatomy_schema(self) -> dict[str, Any]:
        return self._checked(self.get("anatomy/schema"))

    def save_project_anatomy_preset(self, preset_name: str,
                                    preset: dict[str, Any]) -> None:
        if not isinstance(preset, dict):
            raise TypeError(f"preset must be a dict, got {preset!r}")
        self._checked(self.put(_preset_path(preset_name), **preset))

    def rename_project_anatomy_preset(self, preset_name: str,
                                      new_preset_name: str) -> None:
        self._checked(self.post(f"{_preset_path(preset_name)}/rename",
                                name=check_name(new_preset_name,
                                                "preset name")))

    def delete_project_anatomy_preset(self, preset_name: str) -> None:
        self._checked(self.delete(_preset_path(preset_name)))

    def set_primary_anatomy_preset(self, preset_name: str) -> None:
        self._checked(self.post(f"{_preset_path(preset_name)}/primary"))

    def unset_primary_anatomy_preset(self, preset_name: str) -> None:
        self._checked(self.delete(f"{_preset_path(preset_name)}/primary"))

    # -- project anatomy ------------------------------------------------------------
    def get_project_anatomy(self, project_name: str) -> dict[str, Any]:
        return self._checked(self.get(f"{project_path(project_name)}/anatomy"))

    def set_project_anatomy(self, project_name: str, anatomy: dict[str, Any]
                            ) -> None:
        if not isinstance(anatomy, dict):
            raise TypeError(f"anatomy must be a dict, got {anatomy!r}")
        self._checked(self.post(f"{project_path(project_name)}/anatomy",
                                **anatomy))

    # -- roots ----------------------------------------------------------------------
    def get_project_root_overrides(self, project_name: str
                                   ) -> dict[str, dict[str, str]]:
        """``{site_id: {root name: path}}``."""
        return self._checked(self.get(f"{project_path(project_name)}/roots"))

    def get_project_roots_by_site(self, project_name: str
                                  ) -> dict[str, dict[str, str]]:
        """Deprecated name of :meth:`get_project_root_overrides`."""
        return self.get_project_root_overrides(project_name)

    def get_project_root_overrides_by_site_id(
        self, project_name: str, site_id: Optional[str] = None
    ) -> dict[str, str]:
        site_id = site_id or self.get_site_id()
        if not site_id:
            return {}
        return self.get_project_root_overrides(project_name).get(site_id, {})

    def get_project_roots_for_site(self, project_name: str,
                                   site_id: Optional[str] = None
                                   ) -> dict[str, str]:
        """Deprecated name of :meth:`get_project_root_overrides_by_site_id`
        (the site id is honoured, unlike in the reference)."""
        return self.get_project_root_overrides_by_site_id(project_name,
                                                          site_id)

    def _site_roots(self, project_name: str, *, platform_name: Optional[str],
                    site_id: Optional[str]) -> dict[str, str]:
        params = {"platform": platform_name} if platform_name else {}
        headers = {"x-ayon-site-id": site_id} if site_id else None
        return self._checked(self.raw_get(
            f"{project_path(project_name)}/siteRoots", params=params,
            headers=headers))

    def get_project_roots_by_site_id(self, project_name: str,
                                     site_id: Optional[str] = None
                                     ) -> dict[str, str]:
        """Roots of a site (the connection's), or of this platform."""
        site_id = site_id or self.get_site_id()
        if site_id:
            return self._site_roots(project_name, platform_name=None,
                                    site_id=site_id)
        return self.get_project_roots_by_platform(project_name)

    def get_project_roots_by_platform(self, project_name: str,
                                      platform_name: Optional[str] = None
                                      ) -> dict[str, str]:
        return self._site_roots(
            project_name, site_id=None,
            platform_name=platform_name or platform.system().lower())

    def set_project_root_overrides(self, project_name: str, site_id: str,
                                   roots: dict[str, str]) -> None:
        if not isinstance(roots, dict):
            raise TypeError(f"roots must be a dict, got {roots!r}")
        self._checked(self.raw_put(
            f"{project_path(project_name)}/roots/"
            f"{quote(check_name(site_id, 'site id'), safe='')}", json=roots))

    # -- project folders (grouping of projects in the UI) ----------------------------
    def get_raw_project_folders(self) -> dict[str, Any]:
        return self._checked(self.get("projectFolders"))

    def get_project_folders(self) -> list[dict[str, Any]]:
        return list(self.get_raw_project_folders()["folders"])

    def create_project_folder(self, label: str, parent_id: Optional[str] = None,
                              data: Optional[dict[str, Any]] = None) -> str:
        body: dict[str, Any] = {"label": check_name(label, "label")}
        if parent_id is not None:
            body["parentId"] = parent_id
        if data is not None:
            body["data"] = data
        return str(self._checked(self.post("projectFolders", **body))["id"])

    def update_project_folder(self, folder_id: str, label: Optional[str] = None,
                              parent_id: Optional[str] = None,
                              data: Optional[dict[str, Any]] = None) -> None:
        body = {k: v for k, v in (("label", label), ("parentId", parent_id),
                                  ("data", data)) if v is not None}
        self._checked(self.patch(f"projectFolders/{folder_id}", **body))

    def set_project_folders_order(self, folder_ids: Iterable[str]) -> None:
        self._checked(self.post("projectFolders/order",
                                order=list(folder_ids)))

    def assign_projects_to_project_folder(self, folder_id: Optional[str],
                                          project_names: Iterable[str]) -> None:
        self._checked(self.post("projectFolders/assign", folderId=folder_id,
                                projectNames=list(project_names)))

    def delete_project_folder(self, folder_id: str) -> None:
        self._checked(self.delete(f"projectFolders/{folder_id}"))
