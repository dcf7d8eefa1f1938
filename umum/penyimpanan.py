"""Private file storage (STORAGES alias "privat"): files under settings.SAKIP_PRIVATE_ROOT, outside MEDIA_ROOT.

Nothing serves that folder by URL: `url()` is empty, so no template or admin page can link to a file directly.
Files are read only through access-checked views (evidence: `kerja:bukti_unduh`).
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import cached_property


class PenyimpananPrivat(FileSystemStorage):
    """FileSystemStorage rooted at SAKIP_PRIVATE_ROOT (re-read when the setting changes, e.g. in tests)."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.SAKIP_PRIVATE_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "SAKIP_PRIVATE_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        return ""


def penyimpanan_privat():
    """The "privat" storage; a callable for `FileField(storage=...)` so that migrations do not hard-code a path."""
    return storages["privat"]
