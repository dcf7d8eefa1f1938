"""The API's conventions in one place: Decimal as strings, the record status and the hash of its state, filter
checks (400 with the allowed values), limit/offset pages, the rows count for the audit log."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import is_naive, make_aware

from indikator.models import PeriodeUnit
from umum.format import format_angka, teks_desimal


class FilterSalah(Exception):
    """A filter value the endpoint does not know: 400 with the allowed values."""

    def __init__(self, nama: str, nilai: str, diizinkan: Sequence[str] = (), pesan: str = ""):
        self.nama, self.nilai, self.diizinkan = nama, nilai, list(diizinkan)
        self.pesan = pesan or f"Nilai {nilai!r} tidak dikenal untuk filter {nama}."
        super().__init__(self.pesan)


def desimal(nilai: Decimal | None) -> str | None:
    """A rounded Decimal (capaian, NPS, NKO, serapan, money) as a plain string: "104.47", never "1.0447E+2"."""
    return teks_desimal(nilai)


def mentah(nilai: Decimal | None) -> str | None:
    """A raw stored value (4 places) without trailing zeros: 80.0000 → "80" (as `hitung_capaian --json`)."""
    if nilai is None:
        return None
    teks = format(nilai, "f")
    return teks.rstrip("0").rstrip(".") if "." in teks else teks


def tampil(nilai: Decimal | None, digit: int = 2) -> str | None:
    """The Indonesian display form of a labelled figure, rounded half-up: "104,47"."""
    return None if nilai is None else format_angka(nilai, digit)


def periksa_periode(periode: str | None, diizinkan: Sequence[str], bawaan: str) -> str:
    if periode in (None, ""):
        return bawaan
    if periode not in diizinkan:
        raise FilterSalah("periode", periode, diizinkan)
    return periode


def baca_sejak(nilai: str | None) -> datetime | None:
    """`updated_since`: an ISO date or date-time (a naive one in the server's time zone)."""
    if not nilai:
        return None
    waktu = parse_datetime(nilai)
    if waktu is None:
        tanggal = parse_date(nilai)
        waktu = datetime(tanggal.year, tanggal.month, tanggal.day) if tanggal else None
    if waktu is None:
        raise FilterSalah(
            "updated_since",
            nilai,
            pesan="updated_since harus tanggal ISO-8601, mis. 2024-01-31 atau 2024-01-31T08:00:00Z.",
        )
    return make_aware(waktu) if is_naive(waktu) else waktu


def status_tahun(periode: PeriodeUnit | None) -> dict:
    """The status of a unit-year's record: final (approved or locked) or draf, the workflow state and the data
    version of the year (raised by every write; constant while the year is approved)."""
    return {
        "status_data": "final" if periode is not None and periode.final else "draf",
        "status_periode": periode.status if periode is not None else "draft",
        "versi_data": periode.versi_data if periode is not None else 0,
        "disahkan_pada": periode.diubah_pada.isoformat() if periode is not None and periode.final else None,
    }


def sidik(data) -> str:
    """SHA-256 of a record's canonical JSON (sorted keys, no spaces): the same record state, the same hash."""
    return hashlib.sha256(json.dumps(data, sort_keys=True, separators=(",", ":"), default=str).encode()).hexdigest()


def rekam(data: dict, periode: PeriodeUnit | None) -> dict:
    """`data` with its status and the hash of its state (over the data and the status, without the hash)."""
    hasil = {**data, **status_tahun(periode)}
    hasil["sha256"] = sidik(hasil)
    return hasil


def catat_baris(request, jumlah: int) -> None:
    """How many rows the answer holds, for the audit log."""
    request._api_baris = jumlah


def halaman(request, daftar: list, limit: int, offset: int) -> dict:
    """One page of a list: {count, next, results}; `next` is the URL of the following page or null."""
    maks = settings.SAKIP_API_LIMIT_MAKS
    if limit < 1 or limit > maks:
        raise FilterSalah("limit", str(limit), pesan=f"limit harus 1 sampai {maks}.")
    if offset < 0:
        raise FilterSalah("offset", str(offset), pesan="offset tidak boleh negatif.")
    potong = daftar[offset : offset + limit]
    berikut = None
    if offset + limit < len(daftar):
        q = request.GET.copy()
        q["limit"], q["offset"] = str(limit), str(offset + limit)
        berikut = request.build_absolute_uri(request.path) + "?" + q.urlencode()
    catat_baris(request, len(potong))
    return {"count": len(daftar), "next": berikut, "results": potong}
