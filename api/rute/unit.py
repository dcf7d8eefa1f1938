"""Units: the tree (kode = the unit's slug, induk = the parent's kode)."""

from __future__ import annotations

from ninja import Router, Schema

from indikator.enums import STATUS_FINAL
from indikator.models import PeriodeUnit, UnitKerja

from ..konvensi import baca_sejak, catat_baris, halaman
from ..lingkup import ambil_unit, unit_terbaca
from ..skema import GALAT
from ..skema import halaman as skema_halaman

router = Router(tags=["unit"])


class Unit(Schema):
    kode: str
    nama: str
    singkatan: str
    instansi: str
    kota: str
    induk: str | None
    tingkat: int
    urutan: int


HalamanUnit = skema_halaman(Unit, "HalamanUnit")


class UnitRinci(Unit):
    anak: list[Unit]


def _pohon(units: list[UnitKerja]) -> list[dict]:
    """Units in tree order with their depth (a unit whose parent is outside the list starts a tree)."""
    ada = {u.pk: u for u in units}
    anak: dict[int | None, list[UnitKerja]] = {}
    for u in units:
        anak.setdefault(u.induk_id if u.induk_id in ada else None, []).append(u)
    hasil: list[dict] = []

    def jalan(induk, tingkat):
        for u in anak.get(induk, []):
            hasil.append(_unit(u, ada, tingkat))
            jalan(u.pk, tingkat + 1)

    jalan(None, 0)
    return hasil


def _unit(u: UnitKerja, ada: dict, tingkat: int) -> dict:
    induk = ada.get(u.induk_id) if u.induk_id else None
    return {
        "kode": u.slug,
        "nama": u.nama,
        "singkatan": u.singkatan,
        "instansi": u.instansi,
        "kota": u.kota,
        "induk": induk.slug if induk else None,
        "tingkat": tingkat,
        "urutan": u.urutan,
    }


@router.get("/units", response={200: HalamanUnit, **GALAT}, summary="Pohon unit")
def units(request, limit: int = 100, offset: int = 0):
    """The units the token may read, in tree order (parent before its sub-units), with their depth."""
    daftar = list(unit_terbaca(request.auth).order_by("urutan", "nama", "id"))
    return halaman(request, _pohon(daftar), limit, offset)


@router.get("/units/{kode}", response={200: UnitRinci, **GALAT}, summary="Satu unit dan sub-unitnya")
def unit(request, kode: str):
    u = ambil_unit(request.auth, kode)
    anak = [a for a in UnitKerja.objects.filter(induk=u).order_by("urutan", "nama", "id") if request.auth.boleh(a.pk)]
    ada = {u.pk: u, **({u.induk_id: u.induk} if u.induk_id and request.auth.boleh(u.induk_id) else {})}
    tingkat = 0
    x = u
    while x.induk_id:
        tingkat += 1
        x = x.induk
    catat_baris(request, 1 + len(anak))
    return {**_unit(u, ada, tingkat), "anak": [_unit(a, {u.pk: u}, tingkat + 1) for a in anak]}


class PeriodeData(Schema):
    unit: str
    tahun: int
    status_data: str
    status_periode: str
    versi_data: int
    diubah_pada: str


HalamanPeriode = skema_halaman(PeriodeData, "HalamanPeriode")


@router.get("/periode", response={200: HalamanPeriode, **GALAT}, summary="Status tahun per unit (umpan perubahan)")
def periode(
    request,
    unit: str | None = None,
    tahun: int | None = None,
    updated_since: str | None = None,
    limit: int = 100,
    offset: int = 0,
):
    """Each unit-year the token may see, with its status and data version: poll with `updated_since` to learn
    which years were approved, reopened or changed, then read those. `diubah_pada` is the last workflow change
    of the year (approval, return, lock)."""
    lingkup = request.auth
    qs = PeriodeUnit.objects.select_related("unit").order_by("unit__urutan", "unit__nama", "tahun", "id")
    if unit:
        qs = qs.filter(unit=ambil_unit(lingkup, unit))
    elif lingkup.unit_ids is not None:
        qs = qs.filter(unit_id__in=lingkup.unit_ids)
    if tahun is not None:
        qs = qs.filter(tahun=tahun)
    sejak = baca_sejak(updated_since)
    if sejak is not None:
        qs = qs.filter(diubah_pada__gte=sejak)
    if not lingkup.draf:
        qs = qs.filter(status__in=STATUS_FINAL)
    daftar = [
        {
            "unit": p.unit.slug,
            "tahun": p.tahun,
            "status_data": "final" if p.final else "draf",
            "status_periode": p.status,
            "versi_data": p.versi_data,
            "diubah_pada": p.diubah_pada.isoformat(),
        }
        for p in qs
    ]
    return halaman(request, daftar, limit, offset)
