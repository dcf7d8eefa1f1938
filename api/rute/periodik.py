"""Periodic reports (`laporan.LaporanPeriodik`): the monthly capaian report (B01–B12), the Laporan Kinerja Interim
of a quarter (TW1–TW4) and the semester report (S1, S2) of a unit's year, each version with its status, data
cut-off, issue date, the SHA-256 of its frozen print HTML and its signatory; one report with its capaian rows per
indikator and its budget rows against the RPD, read through the report's own builder (`ambil_bundel_periodik`,
`laporan.bab.periodik.susun_baris` / `susun_anggaran_rpd`): the API formats, it never recomputes a rule.

Release: a report is served once issued (terbit: frozen and hashed; its own issue is its release, whatever the
state of its year); a draft or submitted one only to a draft-scope token."""

from __future__ import annotations

from ninja import Router, Schema

from indikator.models import PeriodeUnit
from laporan.bab.bantu import pejabat
from laporan.bab.periodik import CATATAN_TAHUNAN, ambang_capaian, susun_anggaran_rpd, susun_baris
from laporan.bundel import ambil_bundel_periodik
from laporan.models import LaporanPeriodik

from ..dokumen import berkas_terbit, tautan_unduh
from ..enums import JENIS_PERIODIK, PERIODE_PERIODIK
from ..konvensi import FilterSalah, baca_sejak, catat_baris, desimal, halaman, mentah, sidik, status_tahun, tampil
from ..lingkup import ambil_unit, periode_unit, tidak_ditemukan
from ..skema import GALAT, Desimal, StatusRekam
from ..skema import halaman as skema_halaman

router = Router(tags=["periodik"])

STATUS_LAPORAN = tuple(LaporanPeriodik.Status.values)


class Penandatangan(Schema):
    nama: str
    nip: str
    jabatan: str
    plt: bool


class BerkasPeriodik(Schema):
    """A rendered file of the report (made from the frozen HTML of an issued version)."""

    id: int
    format: str
    bahasa: str
    nama_berkas: str
    ukuran: int
    sha256: str
    unduh: str


class RingkasPeriodik(StatusRekam):
    """A report version. `status_data` final = issued; `status_laporan` draf/diajukan/terbit; `sha256_terbit` the
    SHA-256 of the issued print HTML (empty before the issue); `status_periode`, `versi_data` and
    `disahkan_pada` are those of the report's year."""

    id: int
    unit: str
    tahun: int
    periode: str
    jenis: str
    jenis_dokumen: str
    versi: int
    status_laporan: str
    data_cutoff: str
    tanggal: str | None
    diajukan_pada: str | None
    diterbitkan_pada: str | None
    sha256_terbit: str
    penandatangan: Penandatangan | None
    catatan_pimpinan: str
    berkas: list[BerkasPeriodik]


class CapaianPeriodik(Schema):
    """One indikator in the period. `target_periode` the cumulative Rencana Aksi target at the period's end (the
    annual target from TW IV); `capaian_periode` / `capaian_tahunan` against it and against the annual target;
    `diukur_tahunan` with `catatan` "Perhitungan capaian di Triwulan IV" for an indikator measured only yearly
    before TW IV (no capaian, never 0); `target_ra_keterangan` why there is no period target; `galat` why nothing
    is computed (a decreasing Rencana Aksi); `perlu_perhatian` the rule codes (belum_diisi, dikembalikan,
    di_bawah_ambang, turun)."""

    kode: str
    nama: str
    sasaran: str
    satuan: str
    polaritas: str
    target_tahunan: Desimal
    target_tahunan_teks: str
    target_periode: Desimal
    target_ra_keterangan: str
    pembilang: Desimal
    penyebut: Desimal
    realisasi: Desimal
    capaian_periode: Desimal
    capaian_periode_tampil: str | None
    capaian_tahunan: Desimal
    capaian_tahunan_tampil: str | None
    diukur_tahunan: bool
    catatan: str | None
    galat: str
    perlu_perhatian: list[str]
    dikembalikan: bool
    kendala: str
    upaya: str
    rencana_tindak_lanjut: str


class AnggaranPeriodik(Schema):
    """A budget line with its own pagu (`kode` null: the unit's total, given when every line has a plan that sums
    to its pagu): cumulative RPD and realisasi s/d the period's last month, their percentages of the pagu, the
    gap in points (serapan − RPD), whether it needs a cause (under −10 points) and the cause written; `galat`
    when the plan does not sum to the pagu (nothing computed)."""

    kode: str | None
    nama: str | None
    pagu: Desimal
    rpd_kumulatif: Desimal
    realisasi_kumulatif: Desimal
    persen_rpd: Desimal
    serapan: Desimal
    serapan_tampil: str | None
    deviasi: Desimal
    perlu_penjelasan: bool
    penyebab: str
    galat: str


class LaporanPeriodikData(RingkasPeriodik):
    ambang_capaian: Desimal
    capaian: list[CapaianPeriodik]
    anggaran: list[AnggaranPeriodik]


HalamanPeriodik = skema_halaman(RingkasPeriodik, "HalamanPeriodik")


def _iso(nilai):
    return nilai.isoformat() if nilai is not None else None


def _berkas(request, lingkup, daftar) -> dict[int, list[dict]]:
    """The issued files of the reports in `daftar`, by report id (one query)."""
    hasil: dict[int, list[dict]] = {lp.pk: [] for lp in daftar}
    if not daftar:
        return hasil
    unit_ids = {lp.unit_id for lp in daftar}
    for b in berkas_terbit(lingkup, unit_ids=unit_ids, periodik_ids=list(hasil)):
        hasil[b.laporan_periodik_id].append(
            {
                "id": b.pk,
                "format": b.format,
                "bahasa": b.bahasa,
                "nama_berkas": b.nama_unduhan(),
                "ukuran": b.ukuran,
                "sha256": b.hash_isi,
                "unduh": tautan_unduh(request, b, lingkup),
            }
        )
    return hasil


def _penandatangan(lp: LaporanPeriodik, bp=None) -> dict | None:
    """The signatory entered on the report, else (with the bundle) the head in force, as the report prints."""
    if lp.penandatangan_nama:
        return {
            "nama": lp.penandatangan_nama,
            "nip": lp.penandatangan_nip,
            "jabatan": lp.penandatangan_jabatan,
            "plt": lp.penandatangan_plt,
        }
    p = pejabat(bp.b) if bp is not None else None
    return {"nama": p.nama, "nip": p.nip, "jabatan": p.jabatan, "plt": False} if p else None


def _ringkas(lp: LaporanPeriodik, berkas: list[dict], bp=None) -> dict:
    return {
        "id": lp.pk,
        "unit": lp.unit.slug,
        "tahun": lp.tahun,
        "periode": lp.periode,
        "jenis": str(lp.jenis),
        "jenis_dokumen": JENIS_PERIODIK[lp.jenis][0].value,
        "versi": lp.versi,
        "status_laporan": lp.status,
        "data_cutoff": lp.data_cutoff.isoformat(),
        "tanggal": _iso(lp.tanggal),
        "diajukan_pada": _iso(lp.diajukan_pada),
        "diterbitkan_pada": _iso(lp.diterbitkan_pada),
        "sha256_terbit": lp.sha256 if lp.status == LaporanPeriodik.Status.TERBIT else "",
        "penandatangan": _penandatangan(lp, bp),
        "catatan_pimpinan": lp.catatan_pimpinan,
        "berkas": berkas,
    }


def _rekam(data: dict, lp: LaporanPeriodik, per: PeriodeUnit | None) -> dict:
    """The record with its status (final = issued) and the hash of its state."""
    hasil = {**data, **status_tahun(per), "status_data": "final" if lp.status == lp.Status.TERBIT else "draf"}
    hasil["sha256"] = sidik(hasil)
    return hasil


def _tampak(lingkup, lp: LaporanPeriodik) -> bool:
    return lingkup.boleh(lp.unit_id) and (lingkup.draf or lp.status == LaporanPeriodik.Status.TERBIT)


@router.get("", response={200: HalamanPeriodik, **GALAT}, summary="Laporan periodik (bulanan, triwulan, semester)")
def daftar(
    request,
    unit: str | None = None,
    tahun: int | None = None,
    periode: str | None = None,
    status: str | None = None,
    updated_since: str | None = None,
    limit: int = 100,
    offset: int = 0,
):
    """The versions of the periodic reports (B01..B12, TW1..TW4, S1, S2): status, cut-off, issue date, the hash
    of the issued HTML, signatory and the rendered files with their download link. Without the draft scope only
    issued versions. `updated_since`: reports issued (or, with the draft scope, created, submitted or issued)
    since then. The rows of one report: `/periodik/{id}`."""
    lingkup = request.auth
    if periode not in (None, "") and periode not in PERIODE_PERIODIK:
        raise FilterSalah("periode", periode, PERIODE_PERIODIK)
    if status not in (None, "") and status not in STATUS_LAPORAN:
        raise FilterSalah("status", status, STATUS_LAPORAN)
    sejak = baca_sejak(updated_since)
    qs = LaporanPeriodik.objects.select_related("unit").defer("html_terbit")
    if unit:
        qs = qs.filter(unit=ambil_unit(lingkup, unit))
    elif lingkup.unit_ids is not None:
        qs = qs.filter(unit_id__in=lingkup.unit_ids)
    if tahun is not None:
        qs = qs.filter(tahun=tahun)
    if periode:
        qs = qs.filter(periode=periode)
    if status:
        qs = qs.filter(status=status)
    if not lingkup.draf:
        qs = qs.filter(status=LaporanPeriodik.Status.TERBIT)
    laporan = []
    for lp in qs.order_by("unit__urutan", "unit__nama", "tahun", "periode", "versi", "id"):
        waktu = [w for w in (lp.diterbitkan_pada, lp.diajukan_pada, lp.dibuat_pada) if w is not None]
        if sejak is not None and (not waktu or max(waktu) < sejak):
            continue
        laporan.append(lp)
    per = periode_unit({lp.unit_id for lp in laporan}, {lp.tahun for lp in laporan})
    berkas = _berkas(request, lingkup, laporan)
    rekaman = [_rekam(_ringkas(lp, berkas[lp.pk]), lp, per.get((lp.unit_id, lp.tahun))) for lp in laporan]
    return halaman(request, rekaman, limit, offset)


@router.get(
    "/{int:laporan_id}", response={200: LaporanPeriodikData, **GALAT}, summary="Satu laporan periodik dengan barisnya"
)
def satu(request, laporan_id: int):
    """One report version with its rows, as its builder makes them (the same as the report prints): per indikator
    the period target, realisasi s/d the period, capaian against the period and the annual target, the yearly-only
    marker, perlu perhatian, kendala / upaya / rencana tindak lanjut; per budget line the pagu, cumulative RPD,
    realisasi, serapan, the gap in points and its cause. The figures are built on the data as it is now (the
    year's `versi_data`); the issued document itself (frozen, `sha256_terbit`) is the file in `berkas`."""
    lingkup = request.auth
    lp = LaporanPeriodik.objects.select_related("unit").defer("html_terbit").filter(pk=laporan_id).first()
    if lp is None or not _tampak(lingkup, lp):
        raise tidak_ditemukan(f"Laporan periodik {laporan_id} tidak ditemukan.")
    bp = ambil_bundel_periodik(lp)
    capaian = []
    for x in susun_baris(bp):
        b, isian = x.baris, bp.isian.get(x.baris.indikator.pk)
        capaian.append(
            {
                "kode": b.indikator.kode,
                "nama": b.indikator.nama,
                "sasaran": b.sasaran.kode,
                "satuan": b.indikator.satuan,
                "polaritas": b.indikator.polaritas,
                "target_tahunan": mentah(b.target.nilai),
                "target_tahunan_teks": b.target.teks,
                "target_periode": None if x.tahunan else mentah(x.target_periode),
                "target_ra_keterangan": x.target_ra.keterangan if x.target_ra is not None else "",
                "pembilang": mentah(x.pembilang),
                "penyebut": mentah(x.penyebut),
                "realisasi": None if x.tahunan else mentah(x.realisasi),
                "capaian_periode": desimal(x.capaian.capaian_periode),
                "capaian_periode_tampil": tampil(x.capaian.capaian_periode),
                "capaian_tahunan": desimal(x.capaian.capaian_tahunan),
                "capaian_tahunan_tampil": tampil(x.capaian.capaian_tahunan),
                "diukur_tahunan": x.tahunan,
                "catatan": CATATAN_TAHUNAN if x.tahunan else None,
                "galat": x.galat,
                "perlu_perhatian": list(x.perhatian),
                "dikembalikan": bool(isian and isian.dikembalikan),
                "kendala": isian.kendala if isian else "",
                "upaya": isian.upaya if isian else "",
                "rencana_tindak_lanjut": isian.rencana_tindak_lanjut if isian else "",
            }
        )
    anggaran = []
    for r in susun_anggaran_rpd(bp):
        h = r.hasil
        anggaran.append(
            {
                "kode": r.mata.kode if r.mata is not None else None,
                "nama": r.mata.nama if r.mata is not None else None,
                "pagu": desimal(r.pagu),
                "rpd_kumulatif": desimal(h.rpd_kumulatif) if h else None,
                "realisasi_kumulatif": desimal(h.realisasi_kumulatif) if h else None,
                "persen_rpd": desimal(h.persen_rpd) if h else None,
                "serapan": desimal(h.serapan) if h else None,
                "serapan_tampil": tampil(h.serapan) if h else None,
                "deviasi": desimal(h.deviasi) if h else None,
                "perlu_penjelasan": bool(h and h.perlu_penjelasan),
                "penyebab": r.penyebab,
                "galat": r.galat,
            }
        )
    per = PeriodeUnit.objects.filter(unit_id=lp.unit_id, tahun=lp.tahun).first()
    data = {
        **_ringkas(lp, _berkas(request, lingkup, [lp])[lp.pk], bp),
        "ambang_capaian": desimal(ambang_capaian()),
        "capaian": capaian,
        "anggaran": anggaran,
    }
    catat_baris(request, len(capaian) + len(anggaran))
    return _rekam(data, lp, per)
