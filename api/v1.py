"""The read API `/api/v1/` (django-ninja): Bearer tokens, per-token throttling, the audit log of every call of a
known client, ETag / If-None-Match, and the error shapes. Each resource is a router module in `api/rute/`; a new
resource is one more module and one line in ROUTER below."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer
from ninja.throttling import SimpleRateThrottle

from .konvensi import FilterSalah
from .lingkup import Lingkup, catat_panggilan, lingkup_klien
from .models import KlienApi
from .rute import akip, anggaran, dokumen, evaluasi, kinerja, periodik, pohon, tindak_lanjut, unit
from .token import klien_dari_token

# (path prefix, router module): the order is the order of the docs page.
ROUTER = [
    ("", unit),
    ("", kinerja),
    ("", anggaran),
    ("/dokumen", dokumen),
    ("/periodik", periodik),
    ("", pohon),
    ("/akip", akip),
    ("/tindak-lanjut", tindak_lanjut),
    ("/evaluasi", evaluasi),
]


class TokenBearer(HttpBearer):
    """`Authorization: Bearer <token>`: an active client's scope, else None (401). The last use is stamped at
    most once a minute."""

    def authenticate(self, request, token):
        klien = klien_dari_token(token)
        if klien is None or not klien.aktif:
            return None
        kini = timezone.now()
        if klien.terakhir_dipakai is None or (kini - klien.terakhir_dipakai).total_seconds() > 60:
            KlienApi.objects.filter(pk=klien.pk).update(terakhir_dipakai=kini)
        return lingkup_klien(klien)


class BatasToken(SimpleRateThrottle):
    """SAKIP_API_BATAS_PER_MENIT calls per token per minute (the shared cache); 429 with Retry-After beyond."""

    scope = "token"

    def __init__(self):
        super().__init__(f"{settings.SAKIP_API_BATAS_PER_MENIT}/m")

    def allow_request(self, request):
        # The setting read on each call (the instance lives as long as the process).
        self.num_requests, self.duration = self.parse_rate(f"{settings.SAKIP_API_BATAS_PER_MENIT}/m")
        return super().allow_request(request)

    def get_cache_key(self, request):
        lingkup = getattr(request, "auth", None)
        return f"api-batas-{lingkup.klien.pk}" if isinstance(lingkup, Lingkup) else None


class ApiSakip(NinjaAPI):
    def create_response(self, request, data, *, status=None, temporal_response=None):
        respons = super().create_response(request, data, status=status, temporal_response=temporal_response)
        return selesaikan(request, respons)


def selesaikan(request, respons: HttpResponse) -> HttpResponse:
    """ETag on a 200 (304 when If-None-Match names it), WWW-Authenticate on a 401, and the audit log row."""
    if respons.status_code == 200 and not respons.streaming:
        etag = '"' + hashlib.sha256(respons.content).hexdigest()[:32] + '"'
        respons["ETag"] = etag
        diminta = [e.strip() for e in request.headers.get("If-None-Match", "").split(",")]
        if etag in diminta or "*" in diminta:
            lama = respons
            respons = HttpResponseNotModified()
            respons["ETag"] = etag
            for h in ("Cache-Control", "Vary"):
                if h in lama:
                    respons[h] = lama[h]
    if respons.status_code == 401:
        respons["WWW-Authenticate"] = 'Bearer realm="sakip"'
    respons.setdefault("Cache-Control", "private, no-cache")
    catat_panggilan(request, respons.status_code)
    return respons


api = ApiSakip(
    title="SAKIP API",
    version="1",
    description=(
        "API baca data SAKIP yang disahkan: unit, Renstra, indikator, PK, Rencana Aksi, capaian, anggaran, "
        "efisiensi, laporan periodik, dokumen terbit, pohon kinerja, hasil per NIP, nilai AKIP. Token Bearer per klien; angka "
        "desimal sebagai string."
    ),
    urls_namespace="api-v1",
    auth=TokenBearer(),
    throttle=[BatasToken()],
    docs_url="/docs",
    openapi_url="/openapi.json",
)


@api.exception_handler(FilterSalah)
def _filter_salah(request, exc: FilterSalah):
    isi = {"detail": exc.pesan, "filter": exc.nama, "nilai": exc.nilai}
    if exc.diizinkan:
        isi["nilai_diizinkan"] = exc.diizinkan
    return api.create_response(request, isi, status=400)


@api.exception_handler(ValidationError)
def _validasi(request, exc: ValidationError):
    return api.create_response(request, {"detail": "Parameter tidak sah.", "galat": exc.errors}, status=400)


@api.exception_handler(AuthenticationError)
def _tanpa_token(request, exc):
    return api.create_response(
        request, {"detail": "Token tidak ada, tidak dikenal, dicabut atau kedaluwarsa."}, status=401
    )


@api.exception_handler(HttpError)
def _galat_http(request, exc: HttpError):
    isi = {"detail": str(exc.message) if exc.status_code != 429 else "Terlalu banyak permintaan."}
    return api.create_response(request, isi, status=exc.status_code)


for _awalan, _modul in ROUTER:
    api.add_router(_awalan, _modul.router)
