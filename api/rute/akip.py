"""Recorded AKIP results per year (`susun_akip`: total from the components, else the published total)."""

from __future__ import annotations

from ninja import Router, Schema

from anggaran.queries import susun_akip

from ..konvensi import desimal, halaman, rekam, tampil
from ..lingkup import ambil_unit, periode_unit
from ..skema import GALAT, Desimal, StatusRekam
from ..skema import halaman as skema_halaman

router = Router(tags=["AKIP"])


class Komponen(Schema):
    komponen: str
    nilai: Desimal


class AkipData(StatusRekam):
    unit: str
    tahun: int
    nilai: Desimal
    nilai_tampil: str | None
    predikat: str | None
    nilai_dilaporkan: Desimal
    selisih: bool
    komponen: list[Komponen]


HalamanAkip = skema_halaman(AkipData, "HalamanAkip")


@router.get("", response={200: HalamanAkip, **GALAT}, summary="Nilai AKIP yang dicatat")
def akip(request, unit: str, tahun: int | None = None, limit: int = 100, offset: int = 0):
    """The AKIP score recorded for the unit per year: the total of the components (or the published total when
    no component is recorded), the predikat, and `selisih` when the components' sum differs from the published
    total. The status is that of the evaluated year."""
    lingkup = request.auth
    u = ambil_unit(lingkup, unit)
    daftar = susun_akip(u, [tahun] if tahun is not None else None)
    periode = periode_unit([u.pk], [a.tahun for a in daftar])
    hasil = []
    for a in daftar:
        per = periode.get((u.pk, a.tahun))
        if not lingkup.tampak(per):
            continue
        data = {
            "unit": u.slug,
            "tahun": a.tahun,
            "nilai": desimal(a.nilai),
            "nilai_tampil": tampil(a.nilai),
            "predikat": a.predikat,
            "nilai_dilaporkan": desimal(a.nilai_dilaporkan),
            "selisih": a.selisih,
            "komponen": [{"komponen": k, "nilai": desimal(v)} for k, v in a.komponen.items()],
        }
        hasil.append(rekam(data, per))
    return halaman(request, hasil, limit, offset)
