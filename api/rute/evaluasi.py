"""LKE results per layer (the AKIP evaluation, `evaluasi`), for evaluators only: a token with the `apip` scope
(`lingkup.pastikan_apip`; any other token gets the 404 of an unknown path). Read through `evaluasi.skor.hasil_evaluasi`
(the same scores as the worksheet and the LHE); values rounded half-up to 2 places as the LHE prints them; weights raw.
Release rule: an issued evaluation (LHE terbit, locked and hashed) only, unless the token has the `draf` scope.
The recorded AKIP results (`NilaiAkip`) are served by `/akip`."""

from __future__ import annotations

from ninja import Router, Schema

from evaluasi import formulas as f
from evaluasi.enums import URUTAN_LAPISAN, JenisEvaluasi, StatusEvaluasi
from evaluasi.models import Evaluasi, Lhe
from evaluasi.skor import hasil_evaluasi

from ..konvensi import FilterSalah, desimal, halaman, mentah, rekam
from ..lingkup import ambil_unit, pastikan_apip, periode_unit
from ..skema import GALAT, Desimal, StatusRekam
from ..skema import halaman as skema_halaman

router = Router(tags=["Evaluasi AKIP"])


class NilaiLapisan(Schema):
    mandiri: Desimal
    anggota: Desimal
    ketua: Desimal
    final: Desimal


class SubKomponen(Schema):
    kode: str
    nama: str
    bobot: Desimal
    nilai: NilaiLapisan


class Komponen(Schema):
    kode: str
    nama: str
    bobot: Desimal
    nilai: NilaiLapisan
    sub: list[SubKomponen]


class Lapisan(Schema):
    lapisan: str
    total: Desimal
    predikat: str | None
    terjawab: int
    jumlah: int


class Template(Schema):
    kode: str
    nama: str
    regulasi: str
    versi: int


class LheData(Schema):
    nomor: str
    tanggal: str
    sha256: str


class EvaluasiData(StatusRekam):
    unit: str
    tahun: int
    jenis: str
    status: str
    contoh: bool
    template: Template
    lapisan: list[Lapisan]
    komponen: list[Komponen]
    nilai_total: Desimal
    predikat: str | None
    lhe: LheData | None


HalamanEvaluasi = skema_halaman(EvaluasiData, "HalamanEvaluasi")


def _nilai(v) -> str | None:
    return desimal(f.tampil(v)) if v is not None else None


def data_evaluasi(ev: Evaluasi, lhe: Lhe | None) -> dict:
    """One evaluation as the API serves it (6 queries: `hasil_evaluasi`)."""
    h = hasil_evaluasi(ev)
    lap = h.lapisan
    komponen = []
    for k in h.komponen:
        sub = [
            {
                "kode": s.kode,
                "nama": s.nama,
                "bobot": mentah(s.bobot),
                "nilai": {n: _nilai(lap[n].komponen[k.pk].sub[s.pk].skor) for n in URUTAN_LAPISAN},
            }
            for s in k.sub.all()
        ]
        komponen.append(
            {
                "kode": k.kode,
                "nama": k.nama,
                "bobot": mentah(k.bobot),
                "nilai": {n: _nilai(lap[n].komponen[k.pk].skor) for n in URUTAN_LAPISAN},
                "sub": sub,
            }
        )
    akhir = lap[URUTAN_LAPISAN[-1]]
    terbit = ev.status == StatusEvaluasi.TERBIT
    return {
        "unit": ev.unit.slug,
        "tahun": ev.tahun,
        "jenis": ev.jenis,
        "status": ev.status,
        "contoh": ev.contoh,
        "template": {
            "kode": ev.template.kode,
            "nama": ev.template.nama,
            "regulasi": ev.template.regulasi,
            "versi": ev.template.versi,
        },
        "lapisan": [
            {
                "lapisan": n,
                "total": _nilai(lap[n].total),
                "predikat": lap[n].predikat.kode if lap[n].predikat else None,
                "terjawab": lap[n].terjawab,
                "jumlah": lap[n].jumlah,
            }
            for n in URUTAN_LAPISAN
        ],
        "komponen": komponen,
        "nilai_total": _nilai(ev.nilai_total if terbit else akhir.total),
        "predikat": (ev.predikat or None) if terbit else (akhir.predikat.kode if akhir.predikat else None),
        "lhe": (
            {"nomor": lhe.nomor, "tanggal": lhe.tanggal.isoformat(), "sha256": ev.hash}
            if terbit and lhe is not None
            else None
        ),
    }


@router.get("", response={200: HalamanEvaluasi, **GALAT}, summary="Hasil LKE per lapisan (lingkup APIP)")
def evaluasi(request, unit: str, tahun: int | None = None, jenis: str | None = None, limit: int = 100, offset: int = 0):
    """The unit's AKIP evaluations (LKE): template (regulation, version), components and sub-components with their
    weight and value per layer (mandiri, anggota, ketua, final), each layer's total and predikat, the evaluation's
    stage, and the LHE number, date and hash once issued. Only for a token with the `apip` scope; only issued
    evaluations unless the token has the `draf` scope."""
    lingkup = request.auth
    pastikan_apip(lingkup)
    u = ambil_unit(lingkup, unit)
    if jenis is not None and jenis not in JenisEvaluasi.values:
        raise FilterSalah("jenis", jenis, JenisEvaluasi.values)
    qs = Evaluasi.objects.filter(unit=u).select_related("template", "unit").order_by("-tahun", "jenis")
    if tahun is not None:
        qs = qs.filter(tahun=tahun)
    if jenis is not None:
        qs = qs.filter(jenis=jenis)
    if not lingkup.draf:
        qs = qs.filter(status=StatusEvaluasi.TERBIT)
    daftar = list(qs)
    lhe = {x.evaluasi_id: x for x in Lhe.objects.filter(evaluasi__in=daftar)}
    periode = periode_unit([u.pk], [ev.tahun for ev in daftar])
    hasil = [rekam(data_evaluasi(ev, lhe.get(ev.pk)), periode.get((u.pk, ev.tahun))) for ev in daftar]
    return halaman(request, hasil, limit, offset)
