"""Dashboard data: `susun_dasbor(unit, tahun)` and `susun_rollup(unit, tahun)` -> frozen dataclasses.

Everything is read through the readers (`indikator.queries`, `anggaran.queries`) with a constant number of
queries, and every number comes from the formulas; views and templates only display these values. The chart
data (`grafik`) is the only place where Decimal becomes float, for JSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from anggaran import formulas as fa
from anggaran.queries import (
    AkipTahun,
    Anggaran,
    BarisAnggaranHasil,
    BarisEfisiensi,
    susun_akip,
    susun_anggaran,
    susun_efisiensi,
)
from dasbor.ringkasan import RingkasanUnit, ringkasan_banyak
from indikator import formulas as f
from indikator.enums import StatusPeriode
from indikator.models import Indikator, PeriodeUnit, Realisasi, Renstra, UnitKerja
from indikator.queries import (
    BarisPengukuran,
    DataTidakDitemukan,
    NilaiTahun,
    Pengukuran,
    RiwayatIndikator,
    susun_pengukuran,
    susun_riwayat,
)
from indikator.rencana_aksi import RencanaAksiIndikator, baca_rencana_aksi, progres_triwulan
from indikator.tahun import tahun_unit
from laporan.konsistensi import PERINGATAN as PERINGATAN_KONSISTENSI
from laporan.konsistensi import periksa_konsistensi
from umum.bulan import SINGKATAN_BULAN
from umum.format import format_angka

TRIWULAN = (1, 2, 3, 4)


def _float(nilai: Decimal | None) -> float | None:
    return None if nilai is None else float(nilai)


def triwulan_tertutup(tahun: int, hari_ini: date) -> int | None:
    """The last quarter of `tahun` that has ended by `hari_ini` (a past year is closed: 4; none yet: None)."""
    if tahun < hari_ini.year:
        return 4
    if tahun > hari_ini.year:
        return None
    return (hari_ini.month - 1) // 3 or None


# ---------------------------------------------------------------- dataclasses


@dataclass(frozen=True)
class BarisIndikator:
    """One indikator row of the dashboard table."""

    baris: BarisPengukuran
    lalu: NilaiTahun | None  # last year's T/R/capaian (following the predecessor chain)
    tren: str  # "naik", "turun", "tetap" or "" (not comparable)
    triwulan_terakhir: int | None  # latest quarter with a realisasi value
    rencana_aksi: RencanaAksiIndikator  # per quarter the target of the PK version in force, or why there is none
    progres: tuple[Decimal | None, ...]  # capaian of the cumulative realisasi against the RA target per quarter

    @property
    def indikator(self) -> Indikator:
        return self.baris.indikator

    @property
    def capaian_lalu(self) -> Decimal | None:
        return self.lalu.capaian if self.lalu else None


@dataclass(frozen=True)
class ProgresTriwulan:
    """Progress of the year in one quarter against the Rencana Aksi cumulative targets."""

    triwulan: int
    rata_rata: Decimal | None  # mean progress capaian of the indikator measured in the quarter
    memenuhi: int  # indikator at or above their cumulative target
    diukur: int  # indikator with both a target and a realisasi in the quarter


@dataclass(frozen=True)
class PeringatanDasbor:
    """An alert of the unit dashboard (missing realisasi, below target, a consistency finding, approvals)."""

    jenis: str  # "realisasi_kosong", "di_bawah_target", "konsistensi", "persetujuan"
    pesan: str
    indikator_id: int | None = None
    unit_slug: str = ""
    tahun: int | None = None
    url: str = ""


@dataclass(frozen=True)
class Dasbor:
    unit: UnitKerja
    tahun: int
    pengukuran: Pengukuran
    indikator: tuple[BarisIndikator, ...]
    progres: tuple[ProgresTriwulan, ...]
    triwulan_tertutup: int | None
    anggaran: Anggaran
    serapan_kumulatif: tuple[Decimal | None, ...]  # % of pagu realised by the end of each month
    rencana_kumulatif: tuple[Decimal | None, ...]  # % of pagu planned by the end of each month
    efisiensi: tuple[BarisEfisiensi, ...]
    akip: tuple[AkipTahun, ...]
    peringatan: tuple[PeringatanDasbor, ...]
    grafik: dict

    @property
    def program(self) -> tuple[BarisAnggaranHasil, ...]:
        return self.anggaran.akar

    @property
    def nko(self) -> Decimal | None:
        return self.pengukuran.nko

    @property
    def ada_progres(self) -> bool:
        return any(q.diukur for q in self.progres)

    def peringatan_jenis(self, jenis: str) -> tuple[PeringatanDasbor, ...]:
        return tuple(p for p in self.peringatan if p.jenis == jenis)


# ---------------------------------------------------------------- dashboard of one unit


def _tren(sekarang: Decimal | None, lalu: Decimal | None) -> str:
    if sekarang is None or lalu is None:
        return ""
    if sekarang > lalu:
        return "naik"
    if sekarang < lalu:
        return "turun"
    return "tetap"


def _kumulatif_persen(bulanan: Sequence[Decimal], pagu: Decimal | None) -> tuple[Decimal | None, ...]:
    hasil, jalan = [], Decimal(0)
    for nilai in bulanan:
        jalan += nilai
        hasil.append(fa.hitung_serapan(pagu=pagu, realisasi=jalan))
    return tuple(hasil)


def _periksa_konsistensi(unit: UnitKerja, tahun: int, pengukuran, anggaran, akip, rencana) -> list[PeringatanDasbor]:
    """Data-consistency warnings: the same check as the report's "periksa konsistensi" page
    (`laporan.konsistensi.periksa_konsistensi`, constant query count), without the informational notes."""
    return [
        PeringatanDasbor("konsistensi", f"{p.objek}: {p.pesan}", url=p.url or "")
        for p in periksa_konsistensi(
            unit, tahun, pengukuran=pengukuran, anggaran=anggaran, akip=akip, rencana_aksi=rencana
        )
        if p.tingkat == PERINGATAN_KONSISTENSI
    ]


def susun_dasbor(unit: UnitKerja, tahun: int, *, hari_ini: date | None = None) -> Dasbor:
    """The head's dashboard of a unit's year. Constant number of queries (≈ 25) whatever the number of
    indikator, budget lines and years. Raises DataTidakDitemukan when no Renstra covers the year."""
    hari_ini = hari_ini or date.today()
    pengukuran = susun_pengukuran(unit, tahun)
    indikator = [b.indikator for b in pengukuran.baris]
    riwayat: dict[int, RiwayatIndikator] = susun_riwayat(unit, indikator, [tahun - 1], pengukuran.skema)
    rencana = baca_rencana_aksi(unit, tahun, indikator_ids=[i.pk for i in indikator])
    anggaran = susun_anggaran(unit, tahun)
    efisiensi = susun_efisiensi(unit, tahun, anggaran=anggaran, standar=pengukuran.skema.standar_efisiensi)
    akip = susun_akip(unit)

    baris = []
    for b in pengukuran.baris:
        lalu = riwayat[b.indikator.pk].untuk(tahun - 1) if b.indikator.pk in riwayat else None
        if lalu is not None and lalu.capaian is None and lalu.kosong:
            lalu = None
        ra = rencana.untuk(b.indikator.pk)
        terakhir = max((i + 1 for i, v in enumerate(b.realisasi.triwulan) if v is not None), default=None)
        baris.append(
            BarisIndikator(
                baris=b,
                lalu=lalu,
                tren=_tren(b.capaian, lalu.capaian if lalu else None),
                triwulan_terakhir=terakhir,
                rencana_aksi=ra,
                progres=progres_triwulan(b, ra, pengukuran.skema),
            )
        )
    progres = []
    for q in TRIWULAN:
        nilai = [x.progres[q - 1] for x in baris if x.progres[q - 1] is not None]
        progres.append(
            ProgresTriwulan(
                triwulan=q,
                rata_rata=f.hitung_rata_rata(nilai=nilai),
                memenuhi=sum(1 for n in nilai if n >= f.SERATUS),
                diukur=len(nilai),
            )
        )

    tutup = triwulan_tertutup(tahun, hari_ini)
    peringatan: list[PeringatanDasbor] = []
    if tutup is not None:
        for x in baris:
            b = x.baris
            tahunan = b.realisasi.catatan
            ada_tahunan = tahunan is not None and (tahunan.nilai is not None or bool(tahunan.nilai_kualitatif))
            if b.realisasi.triwulan[tutup - 1] is None and not ada_tahunan:
                peringatan.append(
                    PeringatanDasbor(
                        "realisasi_kosong",
                        _("Realisasi %(kode)s triwulan %(tw)s belum diisi.") % {"kode": b.indikator.kode, "tw": tutup},
                        b.indikator.pk,
                    )
                )
    for x in baris:
        if x.baris.capaian is not None and x.baris.capaian < f.SERATUS:
            peringatan.append(
                PeringatanDasbor(
                    "di_bawah_target",
                    _("%(kode)s di bawah target: capaian %(capaian)s %%.")
                    % {"kode": x.indikator.kode, "capaian": format_angka(x.baris.capaian)},
                    x.indikator.pk,
                )
            )
    peringatan.extend(_periksa_konsistensi(unit, tahun, pengukuran, anggaran, akip, rencana))

    serapan_kum = _kumulatif_persen(anggaran.realisasi_bulanan, anggaran.total_pagu)
    rencana_kum = _kumulatif_persen(anggaran.rencana_bulanan, anggaran.total_pagu)
    dasbor = Dasbor(
        unit=unit,
        tahun=tahun,
        pengukuran=pengukuran,
        indikator=tuple(baris),
        progres=tuple(progres),
        triwulan_tertutup=tutup,
        anggaran=anggaran,
        serapan_kumulatif=serapan_kum,
        rencana_kumulatif=rencana_kum if any(anggaran.rencana_bulanan) else (),
        efisiensi=efisiensi,
        akip=akip,
        peringatan=tuple(peringatan),
        grafik={},
    )
    dasbor.grafik.update(_grafik(dasbor))
    return dasbor


def _grafik(d: Dasbor) -> dict:
    """Chart data for static/js/dasbor.js (floats for JSON only)."""
    p = d.pengukuran
    return {
        "teks": {
            "tahun_ini": _("Tahun ini"),
            "tahun_lalu": _("Tahun lalu"),
            "rata_rata": _("Rata-rata capaian kumulatif"),
            "memenuhi": _("indikator memenuhi target"),
            "realisasi": _("Realisasi"),
            "rencana": _("Rencana"),
            "pagu": _("Pagu"),
            "serapan": _("Serapan"),
            "juta": _("jt"),
            "nilai_akip": _("Nilai AKIP"),
        },
        "perspektif": {
            "label": [x.label for x in p.perspektif],
            "nilai": [_float(x.nps) for x in p.perspektif],
            "warna": [x.kriteria.warna if x.kriteria else "#9e9e9e" for x in p.perspektif],
        },
        "indikator": {
            "label": [x.indikator.kode for x in d.indikator],
            "nama": [x.indikator.nama for x in d.indikator],
            "capaian": [_float(x.baris.capaian) for x in d.indikator],
            "lalu": [_float(x.capaian_lalu) for x in d.indikator],
            "warna": [x.baris.kriteria.warna if x.baris.kriteria else "#9e9e9e" for x in d.indikator],
        },
        "progres": {
            "label": [_("TW %(n)s") % {"n": q.triwulan} for q in d.progres],
            "rata_rata": [_float(q.rata_rata) for q in d.progres],
            "memenuhi": [q.memenuhi for q in d.progres],
            "diukur": [q.diukur for q in d.progres],
        },
        "serapan": {
            "label": [_(b) for b in SINGKATAN_BULAN],
            "realisasi": [_float(x) for x in d.serapan_kumulatif],
            "rencana": [_float(x) for x in d.rencana_kumulatif],
        },
        "program": {
            "label": [b.mata.kode for b in d.program],
            "nama": [b.mata.nama for b in d.program],
            "pagu": [_float(b.pagu) for b in d.program],
            "realisasi": [_float(b.realisasi) for b in d.program],
            "serapan": [_float(b.serapan) for b in d.program],
        },
        "efisiensi": {
            "label": [str(i + 1) for i in range(len(d.efisiensi))],
            "nama": [e.sub.nama for e in d.efisiensi],
            "ie": [_float(e.hasil.ie) for e in d.efisiensi],
            "se": [_float(e.hasil.se) for e in d.efisiensi],
        },
        "akip": {
            "label": [str(a.tahun) for a in d.akip],
            "nilai": [_float(a.nilai) for a in d.akip],
            "predikat": [a.predikat or "" for a in d.akip],
        },
    }


# ---------------------------------------------------------------- approvals, years


def susun_persetujuan(id_unit: set[int] | None) -> tuple[PeriodeUnit, ...]:
    """Years submitted for approval (status diajukan) among the given units (None = every unit). 1 query."""
    qs = (
        PeriodeUnit.objects.filter(status=StatusPeriode.DIAJUKAN)
        .select_related("unit")
        .order_by("tahun", "unit__urutan", "unit__nama", "unit_id", "id")
    )
    if id_unit is not None:
        qs = qs.filter(unit_id__in=id_unit)
    return tuple(qs)


def tahun_tersedia(unit: UnitKerja) -> tuple[list[int], int]:
    """(the unit's year picker, its current year): `indikator.tahun.tahun_unit`."""
    tahun = tahun_unit(unit)
    return list(tahun.daftar), tahun.berjalan


# ---------------------------------------------------------------- roll-up


@dataclass(frozen=True)
class JumlahKriteria:
    label: str
    warna: str
    jumlah: int


@dataclass(frozen=True)
class BarisRollup:
    unit: UnitKerja
    ada_data: bool
    nko: Decimal | None
    kriteria_nko: f.Band | None
    pagu: Decimal | None
    realisasi: Decimal | None
    serapan: Decimal | None
    jumlah_indikator: int
    per_kriteria: tuple[JumlahKriteria, ...]
    belum_diukur: int  # indikator without capaian


@dataclass(frozen=True)
class Rollup:
    unit: UnitKerja
    tahun: int
    kriteria: tuple[tuple[str, str], ...]  # (label, colour) columns
    baris: tuple[BarisRollup, ...]
    urut: str
    grafik: dict


URUTAN_ROLLUP = {
    "nama": lambda b: (b.unit.urutan, b.unit.nama),
    "nko": lambda b: (b.nko is None, -(b.nko or 0)),
    "serapan": lambda b: (b.serapan is None, -(b.serapan or 0)),
    "indikator": lambda b: -b.jumlah_indikator,
}


def _kolom_kriteria(ringkasan: Iterable[RingkasanUnit]) -> tuple[tuple[str, str], ...]:
    kolom: dict[str, str] = {}
    for r in ringkasan:
        for band in r.bands:
            kolom.setdefault(band.label, band.warna)
    return tuple(kolom.items())


def susun_rollup(unit: UnitKerja, tahun: int, *, urut: str = "nama", id_terbaca: set[int] | None = None) -> Rollup:
    """The sub-units of `unit` side by side for a year: NKO, serapan, count of indikator per kriteria.
    Each sub-unit's figures come from its unit-year summary (`dasbor.ringkasan`: cached per data version,
    the missing ones computed together with the batch readers), so the number of queries is constant and a
    roll-up after one edit recomputes one unit. `urut`: nama, nko, serapan, indikator (figures best first,
    names alphabetically); a leading "-" reverses. `id_terbaca` (`indikator.akses.id_unit_terbaca`; None =
    every unit): only the sub-units the user may read are listed."""
    anak = UnitKerja.objects.filter(induk=unit).order_by("urutan", "nama", "id")
    if id_terbaca is not None:
        anak = anak.filter(pk__in=id_terbaca)
    anak = list(anak)
    ringkasan = ringkasan_banyak(anak, tahun)
    kolom = _kolom_kriteria(r for r in ringkasan.values() if r.ada_data)
    baris = []
    for u in anak:
        r = ringkasan[u.pk]
        per_kriteria = dict(r.per_kriteria)
        baris.append(
            BarisRollup(
                unit=u,
                ada_data=r.ada_data,
                nko=r.nko,
                kriteria_nko=r.kriteria_nko,
                pagu=r.pagu,
                realisasi=r.realisasi,
                serapan=r.serapan,
                jumlah_indikator=r.jumlah_indikator,
                per_kriteria=tuple(JumlahKriteria(label, warna, per_kriteria.get(label, 0)) for label, warna in kolom),
                belum_diukur=r.belum_diukur,
            )
        )
    kunci = urut.lstrip("-")
    if kunci not in URUTAN_ROLLUP:
        kunci, urut = "nama", "nama"
    baris.sort(key=URUTAN_ROLLUP[kunci], reverse=urut.startswith("-"))
    return Rollup(
        unit=unit,
        tahun=tahun,
        kriteria=kolom,
        baris=tuple(baris),
        urut=urut,
        grafik={
            "teks": {"nko": _("NKO"), "serapan": _("Serapan (%)")},
            "label": [b.unit.singkatan or b.unit.nama for b in baris],
            "nko": [_float(b.nko) for b in baris],
            "serapan": [_float(b.serapan) for b in baris],
            "warna": [b.kriteria_nko.warna if b.kriteria_nko else "#9e9e9e" for b in baris],
        },
    )


# ---------------------------------------------------------------- indikator detail


@dataclass(frozen=True)
class Triwulan:
    triwulan: int
    realisasi: Realisasi | None  # with narrative and evidence (bukti prefetched)
    nilai: Decimal | None
    kumulatif: Decimal | None
    target_kumulatif: Decimal | None
    progres: Decimal | None
    keterangan_target: str = ""  # why there is no Rencana Aksi target ("belum ada Rencana Aksi (PK versi 2)")


@dataclass(frozen=True)
class DetailIndikator:
    indikator: Indikator
    unit: UnitKerja
    tahun: int
    baris: BarisPengukuran | None
    tahunan: Realisasi | None  # the yearly row (narrative, evidence)
    triwulan: tuple[Triwulan, ...]
    riwayat: RiwayatIndikator
    grafik: dict

    @property
    def ada_triwulan(self) -> bool:
        return any(t.kumulatif is not None or t.target_kumulatif is not None for t in self.triwulan)


def ambil_indikator(pk: int) -> Indikator:
    """The indikator with its sasaran, structure and unit (1 query); Indikator.DoesNotExist otherwise."""
    return Indikator.objects.dengan_unit().select_related("skala").get(pk=pk)


def susun_detail_indikator(indikator: Indikator, tahun: int) -> DetailIndikator:
    """An indikator's year: quarterly realisasi with narrative and evidence against the Rencana Aksi, and its
    history over the unit's Renstra years. Constant number of queries."""
    unit = indikator.unit
    try:
        pengukuran = susun_pengukuran(unit, tahun)
    except DataTidakDitemukan:
        pengukuran = None
    baris = pengukuran.baris_indikator(indikator.pk) if pengukuran else None
    skema = pengukuran.skema if pengukuran else None
    if skema is None:
        from indikator.queries import muat_skema

        skema = muat_skema(indikator.sasaran.revisi.renstra.skema)
    rentang = Renstra.objects.filter(unit=unit).values_list("tahun_mulai", "tahun_selesai")
    tahun_semua = sorted({t for a, b in rentang for t in range(a, b + 1) if t <= max(tahun, a)} | {tahun})
    riwayat = susun_riwayat(unit, [indikator], tahun_semua, skema)[indikator.pk]
    baris_realisasi = {
        r.triwulan: r
        for r in Realisasi.objects.filter(indikator=indikator, tahun=tahun).prefetch_related("bukti").order_by("pk")
    }
    ra = baca_rencana_aksi(unit, tahun, indikator_ids=[indikator.pk]).untuk(indikator.pk)
    progres = progres_triwulan(baris, ra, skema) if baris else (None,) * 4
    triwulan = tuple(
        Triwulan(
            triwulan=q,
            realisasi=baris_realisasi.get(q),
            nilai=baris.realisasi.triwulan[q - 1] if baris else None,
            kumulatif=baris.realisasi.kumulatif[q - 1] if baris else None,
            target_kumulatif=ra.triwulan[q - 1].target_kumulatif,
            progres=progres[q - 1],
            keterangan_target=ra.triwulan[q - 1].keterangan,
        )
        for q in TRIWULAN
    )
    return DetailIndikator(
        indikator=indikator,
        unit=unit,
        tahun=tahun,
        baris=baris,
        tahunan=baris_realisasi.get(None),
        triwulan=triwulan,
        riwayat=riwayat,
        grafik={
            "teks": {
                "target_ra": _("Target Rencana Aksi"),
                "realisasi_kumulatif": _("Realisasi kumulatif"),
                "target": _("Target"),
                "realisasi": _("Realisasi"),
                "capaian": _("Capaian (%)"),
            },
            "riwayat": {
                "label": [str(n.tahun) for n in riwayat.tahun],
                "target": [_float(n.target.nilai) for n in riwayat.tahun],
                "realisasi": [_float(n.realisasi) for n in riwayat.tahun],
                "capaian": [_float(n.capaian) for n in riwayat.tahun],
            },
            "triwulan": {
                "label": [_("TW %(n)s") % {"n": t.triwulan} for t in triwulan],
                "target": [_float(t.target_kumulatif) for t in triwulan],
                "realisasi": [_float(t.kumulatif) for t in triwulan],
            },
        },
    )
