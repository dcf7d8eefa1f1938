"""Dashboard views: plain and small; every number comes from dasbor.data."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render

from indikator.akses import (
    ambil_unit,
    dapat_membaca,
    dapat_mengubah,
    id_unit_dipimpin,
    id_unit_sendiri,
    id_unit_terbaca,
    unit_terbaca,
)
from indikator.models import Indikator, UnitKerja
from indikator.periode import ambil_periode
from indikator.queries import DataTidakDitemukan
from umum.converters import tahun_kueri

from .data import (
    URUTAN_ROLLUP,
    ambil_indikator,
    susun_dasbor,
    susun_detail_indikator,
    susun_persetujuan,
    susun_rollup,
    tahun_tersedia,
)


def _unit_bawaan(user, units: list[UnitKerja]) -> UnitKerja:
    """The user's own unit (a unit they head first), else the first unit they may read."""
    per_id = {u.pk: u for u in units}
    for uid in id_unit_sendiri(user):
        if uid in per_id:
            return per_id[uid]
    if not units:
        raise PermissionDenied("Anda belum terdaftar pada unit mana pun.")
    return units[0]


def _tahun(request, bawaan: int) -> int:
    return tahun_kueri(request.GET.get("tahun"), bawaan)


def _unit_dan_pilihan(request) -> tuple[UnitKerja, list[UnitKerja]]:
    units = list(unit_terbaca(request.user).order_by("urutan", "nama", "id"))
    slug = request.GET.get("unit")
    unit = ambil_unit(request.user, slug) if slug else _unit_bawaan(request.user, units)
    return unit, units


@login_required
def utama(request):
    unit, units = _unit_dan_pilihan(request)
    daftar_tahun, terakhir = tahun_tersedia(unit)
    tahun = _tahun(request, terakhir)
    try:
        dasbor = susun_dasbor(unit, tahun)
    except DataTidakDitemukan:
        dasbor = None
    perspektif = request.GET.get("perspektif", "")
    sasaran = request.GET.get("sasaran", "")
    baris = dasbor.indikator if dasbor else ()
    if perspektif:
        baris = tuple(b for b in baris if b.baris.perspektif == perspektif)
    if sasaran:
        baris = tuple(b for b in baris if str(b.baris.sasaran.pk) == sasaran)
    dipimpin = id_unit_dipimpin(request.user)
    persetujuan = susun_persetujuan(dipimpin) if dipimpin is None or dipimpin else ()
    anak = [u for u in units if u.induk_id == unit.pk]
    return render(
        request,
        "dasbor/utama.html",
        {
            "unit": unit,
            "tahun": tahun,
            "daftar_tahun": daftar_tahun,
            "units": units,
            "dasbor": dasbor,
            "baris": baris,
            "filter_perspektif": perspektif,
            "filter_sasaran": sasaran,
            "persetujuan": persetujuan,
            "periode": ambil_periode(unit=unit, tahun=tahun),
            "boleh_ubah": dapat_mengubah(request.user, unit),  # warnings link to edit pages only for editors
            "punya_anak": bool(anak),
        },
    )


@login_required
def rollup(request):
    unit, units = _unit_dan_pilihan(request)
    daftar_tahun, terakhir = tahun_tersedia(unit)
    tahun = _tahun(request, terakhir)
    urut = request.GET.get("urut", "nama")
    # Only the sub-units the user may read: a planner of the parent unit does not see the children's figures.
    data = susun_rollup(unit, tahun, urut=urut, id_terbaca=id_unit_terbaca(request.user))
    kolom = [(k, "-" + k if data.urut == k else k) for k in URUTAN_ROLLUP]
    induk = {x.induk_id for x in units}  # a set: the picker lists the parents among hundreds of units
    return render(
        request,
        "dasbor/rollup.html",
        {
            "unit": unit,
            "tahun": tahun,
            "daftar_tahun": daftar_tahun,
            "units": [u for u in units if u.pk in induk],
            "rollup": data,
            "urut_berikut": dict(kolom),
        },
    )


@login_required
def indikator(request, pk: int):
    try:
        ind = ambil_indikator(pk)
    except Indikator.DoesNotExist as e:
        raise Http404("Indikator tidak ditemukan.") from e
    unit = ind.unit
    if not dapat_membaca(request.user, unit):
        raise PermissionDenied("Anda tidak memiliki akses ke unit ini.")
    _daftar, terakhir = tahun_tersedia(unit)
    tahun = _tahun(request, terakhir)
    detail = susun_detail_indikator(ind, tahun)
    return render(request, "dasbor/indikator.html", {"detail": detail, "unit": unit, "tahun": tahun})
