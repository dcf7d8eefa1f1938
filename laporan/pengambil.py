"""The URL fetcher WeasyPrint renders with (never the network): every URL it asks for is resolved to a file of the
project (static files through the staticfiles finders, uploaded logos under MEDIA_ROOT, the report's uploaded
figures from private storage by their view URL) or refused. Shared by the single PDF (`laporan.pdf`) and the
parts rendered side by side (`laporan.pdf_paralel`)."""

from __future__ import annotations

import base64
import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "http://sakip.lokal/"
_HOST = urlsplit(BASE_URL).hostname


class AksesDitolak(ValueError):
    """A resource outside the project's static and media files was requested."""


def _awalan(url: str) -> str:
    return "/" + url.strip("/") + "/"


class PengambilLokal(URLFetcher):
    """URL fetcher limited to the project's static files and uploaded media; everything else is refused."""

    def fetch(self, url, headers=None):
        bagian = urlsplit(url)
        if bagian.scheme == "data":
            return super().fetch(url, headers)
        if bagian.scheme not in ("http", "https") or bagian.hostname != _HOST:
            raise AksesDitolak(f"Akses ke {url} ditolak (hanya berkas statis proyek).")
        jalur = unquote(bagian.path)
        berkas: Path | None = None
        statis, media = _awalan(settings.STATIC_URL), _awalan(settings.MEDIA_URL)
        if jalur.startswith(statis):
            ditemukan = finders.find(jalur[len(statis) :])
            berkas = Path(ditemukan) if ditemukan else None
        elif gambar := _gambar_unggahan(jalur):
            return URLFetcherResponse(url, gambar[0], {"Content-Type": gambar[1]})
        elif jalur.startswith(media):
            akar = Path(settings.MEDIA_ROOT).resolve()
            calon = (akar / jalur[len(media) :]).resolve()
            berkas = calon if calon.is_relative_to(akar) else None
        if berkas is None or not berkas.is_file():
            raise AksesDitolak(f"Berkas {jalur} tidak ditemukan di berkas statis/media proyek.")
        jenis = mimetypes.guess_type(berkas.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, berkas.read_bytes(), {"Content-Type": jenis})


def _gambar_unggahan(jalur: str) -> tuple[bytes, str] | None:
    """An uploaded report figure (`laporan:gambar_berkas`) read from private storage, or None for another path.
    The report that links it was built for someone allowed to read the unit; the fetcher only reads what the
    report names."""
    from django.urls import Resolver404, resolve

    from .models import GambarLaporan

    try:
        cocok = resolve(jalur)
    except Resolver404:
        return None
    if cocok.view_name != "laporan:gambar_berkas":
        return None
    g = GambarLaporan.objects.filter(pk=cocok.kwargs["pk"]).first()
    if g is None or not g.berkas.storage.exists(g.berkas.name):
        raise AksesDitolak(f"Gambar {jalur} tidak ditemukan.")
    with g.berkas.storage.open(g.berkas.name, "rb") as f:
        isi = f.read()
    return isi, mimetypes.guess_type(g.berkas.name)[0] or "application/octet-stream"


_SRC = re.compile(r'(\bsrc=")([^"]+)(")')


def data_uri(isi: bytes, jenis: str) -> str:
    """File contents as a data: URI."""
    return f"data:{jenis};base64," + base64.b64encode(isi).decode("ascii")
