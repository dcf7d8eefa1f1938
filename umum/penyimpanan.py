"""Private file storage (STORAGES alias "privat"): files under settings.SAKIP_PRIVATE_ROOT, outside MEDIA_ROOT.

Nothing serves that folder by URL: `url()` is empty, so no template or admin page can link to a file directly.
Files are read only through access-checked views (evidence: `kerja:bukti_unduh`).

Whatever the process umask, the root and every folder in it are created with SAKIP_PRIVAT_MODE_FOLDER (0700) and
every file gets SAKIP_PRIVAT_MODE_BERKAS (0600); a root that already exists and belongs to this user is tightened
to the folder mode on the first save.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils._os import safe_makedirs
from django.utils.functional import cached_property

_PENGATURAN = {
    "SAKIP_PRIVATE_ROOT": ("base_location", "location"),
    "SAKIP_PRIVAT_MODE_BERKAS": ("file_permissions_mode",),
    "SAKIP_PRIVAT_MODE_FOLDER": ("directory_permissions_mode",),
}


class PenyimpananPrivat(FileSystemStorage):
    """FileSystemStorage rooted at SAKIP_PRIVATE_ROOT with owner-only modes (re-read when the settings change)."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.SAKIP_PRIVATE_ROOT)

    @cached_property
    def file_permissions_mode(self):
        return self._value_or_setting(self._file_permissions_mode, settings.SAKIP_PRIVAT_MODE_BERKAS)

    @cached_property
    def directory_permissions_mode(self):
        return self._value_or_setting(self._directory_permissions_mode, settings.SAKIP_PRIVAT_MODE_FOLDER)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        for nama in _PENGATURAN.get(setting, ()):
            self.__dict__.pop(nama, None)
        if setting in _PENGATURAN:
            self._akar_siap = None

    _akar_siap: str | None = None

    def _siapkan_akar(self) -> None:
        """Create the root with the folder mode, or tighten an existing root of ours (once per root and process)."""
        akar, mode = self.location, self.directory_permissions_mode
        if self._akar_siap == akar:
            return
        safe_makedirs(akar, mode, exist_ok=True)
        info = os.stat(akar)
        if info.st_uid == os.geteuid() and info.st_mode & 0o777 != mode:
            os.chmod(akar, mode)
        self._akar_siap = akar

    def _save(self, name, content):
        self._siapkan_akar()
        return super()._save(name, content)

    def url(self, name):
        return ""


def penyimpanan_privat():
    """The "privat" storage; a callable for `FileField(storage=...)` so that migrations do not hard-code a path."""
    return storages["privat"]
