"""PDF of the Laporan Kinerja with WeasyPrint, from the same templates as the screen page.

WeasyPrint never touches the network: every URL it asks for is resolved by `PengambilLokal` to a file of
the project (static files through the staticfiles finders, uploaded logos under MEDIA_ROOT) or refused.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .dokumen import Laporan

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
        elif jalur.startswith(media):
            akar = Path(settings.MEDIA_ROOT).resolve()
            calon = (akar / jalur[len(media) :]).resolve()
            berkas = calon if calon.is_relative_to(akar) else None
        if berkas is None or not berkas.is_file():
            raise AksesDitolak(f"Berkas {jalur} tidak ditemukan di berkas statis/media proyek.")
        jenis = mimetypes.guess_type(berkas.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, berkas.read_bytes(), {"Content-Type": jenis})


def render_html_cetak(laporan: Laporan) -> str:
    return render_to_string("laporan/cetak.html", {"laporan": laporan})


def render_pdf_html(html: str) -> bytes:
    """The print HTML as PDF bytes (WeasyPrint). Slow (seconds for a full report): only the task worker
    (`laporan.tugas`) and the `export_lakip` command call it, never a request."""
    return HTML(string=html, base_url=BASE_URL, url_fetcher=PengambilLokal()).write_pdf()


def render_pdf(laporan: Laporan) -> bytes:
    """The report as PDF bytes (A4, page numbers, running header, real page numbers in the daftar isi)."""
    return render_pdf_html(render_html_cetak(laporan))
