"""Budget per period (pagu, realisasi, RPD, serapan, codes) and efficiency, from `susun_anggaran` and
`susun_efisiensi` (the figures of the budget page and the report)."""

from __future__ import annotations

from ninja import Router, Schema

from anggaran.queries import susun_anggaran, susun_efisiensi
from indikator.queries import muat_skema
from indikator.struktur import DataTidakDitemukan, renstra_untuk

from ..enums import SEMUA_PERIODE, TAHUNAN, bulan_periode
from ..konvensi import catat_baris, desimal, mentah, periksa_periode, rekam, tampil
from ..skema import GALAT, Desimal, StatusRekam
from .bersama import unit_tahun

router = Router(tags=["anggaran"])


class Bulan(Schema):
    bulan: int
    realisasi: Desimal
    rpd: Desimal


class BarisAnggaran(Schema):
    kode: str
    nama: str
    jenis: str
    induk: str | None
    tingkat: int
    pagu: Desimal
    realisasi: Desimal
    sisa: Desimal
    serapan: Desimal
    serapan_tampil: str | None
    realisasi_tahunan: Desimal
    bulan: list[Bulan]


class AnggaranData(StatusRekam):
    unit: str
    tahun: int
    periode: str
    total_pagu: Desimal
    total_realisasi: Desimal
    total_sisa: Desimal
    total_serapan: Desimal
    total_serapan_tampil: str | None
    realisasi_tanpa_bulan: Desimal
    bulan: list[Bulan]
    baris: list[BarisAnggaran]


@router.get("/anggaran", response={200: AnggaranData, **GALAT}, summary="Anggaran: pagu, realisasi, RPD, serapan")
def anggaran(request, unit: str, tahun: int, periode: str | None = None):
    """The budget line tree of a unit's year with the yearly pagu, realisasi, sisa and serapan of each line and
    of the unit (`susun_anggaran`), and for the months of `periode` (B01..B12, TW1..TW4, S1, S2, TAHUNAN) the
    monthly realisasi and RPD (rencana penarikan dana) as entered: each line's own months, and the unit's months
    (lines known only by a yearly figure are in `realisasi_tanpa_bulan`, not in a month)."""
    periode = periksa_periode(periode, SEMUA_PERIODE, TAHUNAN)
    u, per = unit_tahun(request.auth, unit, tahun)
    a = susun_anggaran(u, tahun)
    bulan = bulan_periode(periode)
    kode = {b.mata.pk: b.mata.kode for b in a.baris}
    baris = [
        {
            "kode": b.mata.kode,
            "nama": b.mata.nama,
            "jenis": b.mata.jenis,
            "induk": kode.get(b.mata.induk_id),
            "tingkat": b.tingkat,
            "pagu": desimal(b.pagu),
            "realisasi": desimal(b.realisasi),
            "sisa": desimal(b.sisa),
            "serapan": desimal(b.serapan),
            "serapan_tampil": tampil(b.serapan),
            "realisasi_tahunan": desimal(b.realisasi_tahunan),
            "bulan": [
                {"bulan": m, "realisasi": desimal(b.realisasi_bulanan[m - 1]), "rpd": desimal(b.rencana_bulanan[m - 1])}
                for m in bulan
            ],
        }
        for b in a.baris
    ]
    data = {
        "unit": u.slug,
        "tahun": tahun,
        "periode": periode,
        "total_pagu": desimal(a.total_pagu),
        "total_realisasi": desimal(a.total_realisasi),
        "total_sisa": desimal(a.total_sisa),
        "total_serapan": desimal(a.total_serapan),
        "total_serapan_tampil": tampil(a.total_serapan),
        "realisasi_tanpa_bulan": desimal(a.realisasi_tanpa_bulan),
        "bulan": [
            {"bulan": m, "realisasi": desimal(a.realisasi_bulanan[m - 1]), "rpd": desimal(a.rencana_bulanan[m - 1])}
            for m in bulan
        ],
        "baris": baris,
    }
    catat_baris(request, len(baris))
    return rekam(data, per)


class EfisiensiBaris(Schema):
    sub_kegiatan: str
    mata_anggaran: str | None
    sasaran: list[str]
    indikator: list[str]
    pagu: Desimal
    realisasi_dana: Desimal
    uraian_output: str
    satuan_output: str
    target_output: Desimal
    realisasi_output: Desimal
    persen_input: Desimal
    persen_output: Desimal
    ie: Desimal
    se: Desimal
    te: Desimal
    kategori: str | None


class EfisiensiData(StatusRekam):
    unit: str
    tahun: int
    standar_efisiensi: str
    baris: list[EfisiensiBaris]


@router.get("/efisiensi", response={200: EfisiensiData, **GALAT}, summary="Efisiensi per sub-kegiatan (IE/SE/TE)")
def efisiensi(request, unit: str, tahun: int):
    """Per sub-kegiatan the input and output percentages, IE, SE and TE and the category, under the scheme's
    efficiency standard (`susun_efisiensi`, as the report's Lampiran 6)."""
    u, per = unit_tahun(request.auth, unit, tahun)
    try:
        standar = muat_skema(renstra_untuk(u, tahun).skema).standar_efisiensi
    except DataTidakDitemukan:
        standar = None
    a = susun_anggaran(u, tahun)
    kode = {b.mata.pk: b.mata.kode for b in a.baris}
    daftar = susun_efisiensi(u, tahun, anggaran=a, **({"standar": standar} if standar else {}))
    baris = [
        {
            "sub_kegiatan": e.sub.nama,
            "mata_anggaran": kode.get(e.sub.mata_anggaran_id),
            "sasaran": [s.kode for s in e.sasaran],
            "indikator": [i.kode for i in e.indikator],
            "pagu": desimal(e.pagu),
            "realisasi_dana": desimal(e.realisasi_dana),
            "uraian_output": e.sub.uraian_output,
            "satuan_output": e.sub.satuan_output,
            "target_output": mentah(e.sub.target_output),
            "realisasi_output": mentah(e.sub.realisasi_output),
            "persen_input": desimal(e.hasil.persen_input),
            "persen_output": desimal(e.hasil.persen_output),
            "ie": desimal(e.hasil.ie),
            "se": desimal(e.hasil.se),
            "te": desimal(e.hasil.te),
            "kategori": e.hasil.kategori.value if e.hasil.kategori else None,
        }
        for e in daftar
    ]
    catat_baris(request, len(baris))
    return rekam({"unit": u.slug, "tahun": tahun, "standar_efisiensi": standar or "", "baris": baris}, per)
