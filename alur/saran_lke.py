"""Suggested LKE answers from the app's own data (siklus.md §1.5 rule 8): a registry of rules, one function per
suggestion, keyed by the `aturan_saran` a template gives a criterion. `hitung_saran` runs them when an evaluation
opens; `evaluasi.layanan.buka_evaluasi` freezes the results (label and `alasan`) into the answers, and every
layer may answer otherwise.

Years: `tahun` is the evaluation's year (the regulation's n): the IKU decree, the PK, the realisasi, the
capaian and the efficiency of that year; the LKj of the year before (the report the evaluation reads).

Adding a suggestion: write `@saran("key", "title")` over a function `(Konteks) -> Saran | None` (None = the
app has nothing to say) and name the key in a template criterion's `aturan_saran`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.utils.translation import gettext as _

from anggaran.queries import susun_efisiensi
from evaluasi.layanan import Saran
from evaluasi.models import LkeKriteria, LkeTemplate
from indikator.enums import StatusPeriode
from indikator.models import PeriodeUnit, UnitKerja, VersiPK
from indikator.queries import DataTidakDitemukan, Pengukuran, susun_pengukuran
from laporan.models import LaporanPeriodik, NaskahDinas, NaskahDinasDisahkan
from pohon.periksa import HasilPeriksa, periksa_pohon
from tindak_lanjut.queries import porsi_ditindaklanjuti
from umum.format import format_persen

SERATUS = Decimal("100")
KATA_PEMBANDING = ("nasional", "internasional", "benchmark", "pembanding", "rata-rata")


@dataclass
class Konteks:
    """The unit and year a suggestion reads, with what several rules share (read once)."""

    unit: UnitKerja
    tahun: int

    @cached_property
    def pengukuran(self) -> Pengukuran | None:
        try:
            return susun_pengukuran(self.unit, self.tahun)
        except DataTidakDitemukan:
            return None

    @cached_property
    def pengukuran_lalu(self) -> Pengukuran | None:
        try:
            return susun_pengukuran(self.unit, self.tahun - 1)
        except DataTidakDitemukan:
            return None

    @cached_property
    def periksa(self) -> HasilPeriksa:
        """The tree's findings and coverage (`pohon.periksa`: K1–K10, K9 coverage) of the unit and its sub-units,
        read once for the rules that use it (`cakupan_pohon` is this result's `cakupan`)."""
        return periksa_pohon(self.unit, self.tahun)[1]

    @cached_property
    def baris_iku(self):
        return [b for b in self.pengukuran.baris if b.indikator.iku] if self.pengukuran else []


@dataclass(frozen=True)
class AturanSaran:
    kunci: str
    judul: str
    fungsi: Callable[[Konteks], Saran | None]


REGISTRI: dict[str, AturanSaran] = {}


def saran(kunci: str, judul: str):
    """Register a suggestion rule under `kunci`."""

    def daftar(fungsi):
        REGISTRI[kunci] = AturanSaran(kunci, judul, fungsi)
        return fungsi

    return daftar


def huruf_dari_rasio(r: Decimal) -> str:
    """A share on the A–E scale: ≥ 90 % A, ≥ 75 % B, ≥ 50 % C, > 0 D, else E."""
    for batas, huruf in ((Decimal("0.9"), "A"), (Decimal("0.75"), "B"), (Decimal("0.5"), "C")):
        if r >= batas:
            return huruf
    return "D" if r > 0 else "E"


def _persen(a: int, b: int) -> str:
    return format_persen(Decimal(a) * SERATUS / b, 0)


def hitung_saran(template: LkeTemplate, unit: UnitKerja, tahun: int) -> dict[str, Saran]:
    """The suggestion of every criterion of `template` that names a registered rule, by criterion code."""
    konteks = Konteks(unit, tahun)
    hasil = {}
    for kode, kunci in (
        LkeKriteria.objects.filter(sub__komponen__template=template)
        .exclude(aturan_saran="")
        .values_list("kode", "aturan_saran")
    ):
        aturan = REGISTRI.get(kunci)
        if aturan is not None and (s := aturan.fungsi(konteks)) is not None:
            hasil[kode] = s
    return hasil


# --- the rules ----------------------------------------------------------------------------------------------------


@saran("iku_pk_ditetapkan", _("Keputusan IKU dan PK ditetapkan dan ditandatangani"))
def iku_pk_ditetapkan(k: Konteks) -> Saran:
    naskah = NaskahDinasDisahkan.objects.filter(unit=k.unit, tahun=k.tahun).first() or (
        NaskahDinas.objects.filter(unit=k.unit).first()
    )
    iku = naskah is not None and bool(naskah.iku_nomor) and naskah.iku_tanggal is not None
    pk = VersiPK.objects.filter(
        pk_induk__unit=k.unit, pk_induk__tahun=k.tahun, tanggal_tanda_tangan__isnull=False
    ).order_by("nomor")
    versi = pk.first()
    bagian = [
        _("keputusan IKU nomor %(nomor)s tanggal %(tanggal)s")
        % {"nomor": naskah.iku_nomor, "tanggal": naskah.iku_tanggal}
        if iku
        else _("keputusan IKU belum bernomor dan bertanggal"),
        _("PK %(tahun)s versi %(versi)s ditandatangani %(tanggal)s")
        % {"tahun": k.tahun, "versi": versi.nomor, "tanggal": versi.tanggal_tanda_tangan}
        if versi
        else _("belum ada PK %(tahun)s yang ditandatangani") % {"tahun": k.tahun},
    ]
    return Saran("Y" if iku and versi else "T", "; ".join(bagian) + ".")


@saran("pk_sampai_jabatan", _("PK berjenjang sampai jabatan eselon III/IV"))
def pk_sampai_jabatan(k: Konteks) -> Saran | None:
    """K9 of the tree (`pohon.periksa`): positions of Eselon III/IV of the unit and its sub-units owning a node."""
    c = k.periksa.cakupan
    if not c.jabatan_struktural:
        return None
    return Saran(
        huruf_dari_rasio(Decimal(c.jabatan_struktural_berhasil) / c.jabatan_struktural),
        _("%(punya)s dari %(semua)s jabatan eselon III/IV (%(persen)s) memiliki simpul pohon kinerja.")
        % {
            "punya": c.jabatan_struktural_berhasil,
            "semua": c.jabatan_struktural,
            "persen": _persen(c.jabatan_struktural_berhasil, c.jabatan_struktural),
        },
    )


HURUF_TURUN = {"A": "C", "B": "C"}  # error findings: at most C


@saran("cascading_selaras", _("Cascading kinerja selaras di setiap level jabatan"))
def cascading_selaras(k: Konteks) -> Saran | None:
    """The tree's consistency (no error-severity finding of K1–K10) and its K9 coverage at every level: the
    positions of Eselon III/IV owning a node plus the held staff positions owning an RHK node. The coverage gives
    the letter (`huruf_dari_rasio`); an error finding caps it at C. No position at all: nothing to say."""
    h = k.periksa
    c = h.cakupan
    semua = c.jabatan_struktural + c.pegawai
    if not semua:
        return None
    punya = c.jabatan_struktural_berhasil + c.pegawai_rhk
    galat = h.galat()
    huruf = huruf_dari_rasio(Decimal(punya) / semua)
    if galat:
        huruf = HURUF_TURUN.get(huruf, huruf)
        kode = ", ".join(sorted({t.kode for t in galat}, key=lambda x: int(x[1:])))
        temuan = _("%(n)s temuan galat konsistensi pohon (%(kode)s)") % {"n": len(galat), "kode": kode}
    else:
        temuan = _("tanpa temuan galat konsistensi pohon")
    return Saran(
        huruf,
        _(
            "Pohon kinerja %(tahun)s: %(punya)s dari %(semua)s jabatan (%(persen)s) memiliki simpul "
            "(eselon III/IV %(s_punya)s dari %(s_semua)s, pelaksana/fungsional dengan RHK %(p_punya)s dari "
            "%(p_semua)s); %(temuan)s."
        )
        % {
            "tahun": k.tahun,
            "punya": punya,
            "semua": semua,
            "persen": _persen(punya, semua),
            "s_punya": c.jabatan_struktural_berhasil,
            "s_semua": c.jabatan_struktural,
            "p_punya": c.pegawai_rhk,
            "p_semua": c.pegawai,
            "temuan": temuan,
        },
    )


TRIWULAN_INTERIM = (LaporanPeriodik.Periode.TW1, LaporanPeriodik.Periode.TW2, LaporanPeriodik.Periode.TW3)


@saran("laporan_berkala_terbit", _("Laporan kinerja interim triwulan I–III diterbitkan"))
def laporan_berkala_terbit(k: Konteks) -> Saran:
    """The periodic reports of the year (`laporan.LaporanPeriodik`): a quarter I–III counts when some version of
    its report is issued (status terbit); the fourth quarter is the year's LKj. Y when all three are issued."""
    terbit: dict[str, datetime.datetime | None] = {}  # by period value
    for periode, kapan in (
        LaporanPeriodik.objects.filter(
            unit=k.unit, tahun=k.tahun, periode__in=TRIWULAN_INTERIM, status=LaporanPeriodik.Status.TERBIT
        )
        .order_by("periode", "versi")
        .values_list("periode", "diterbitkan_pada")
    ):
        terbit.setdefault(periode, kapan)
    ada = [p for p in TRIWULAN_INTERIM if p.value in terbit]
    kurang = [p for p in TRIWULAN_INTERIM if p.value not in terbit]
    bagian = [
        _("%(ada)s dari %(n)s laporan kinerja triwulan I–III %(tahun)s terbit")
        % {"ada": len(ada), "n": len(TRIWULAN_INTERIM), "tahun": k.tahun}
    ]
    if ada:
        bagian.append(
            ", ".join(f"{p.label} ({terbit[p.value].date()})" if terbit[p.value] else str(p.label) for p in ada)
        )
    if kurang:
        bagian.append(_("belum terbit: %(daftar)s") % {"daftar": ", ".join(str(p.label) for p in kurang)})
    return Saran("Y" if not kurang else "T", "; ".join(bagian) + ".")


def _pengesahan(unit: UnitKerja, tahun: int) -> tuple[PeriodeUnit | None, datetime.datetime | None]:
    """The year's period and the moment it was first approved (from its history), if it was."""
    p = PeriodeUnit.objects.filter(unit=unit, tahun=tahun).first()
    if p is None:
        return None, None
    h = p.history.filter(status=StatusPeriode.DISAHKAN).order_by("history_date").first()
    return p, h.history_date if h else None


@saran("lkj_disahkan", _("LKj tahun sebelumnya disahkan"))
def lkj_disahkan(k: Konteks) -> Saran:
    tahun = k.tahun - 1
    p, kapan = _pengesahan(k.unit, tahun)
    if p is not None and p.final:
        return Saran(
            "Y",
            _("LKj %(tahun)s disahkan dalam aplikasi (%(status)s).")
            % {"tahun": tahun, "status": p.get_status_display()},
        )
    return Saran("T", _("LKj %(tahun)s belum disahkan dalam aplikasi.") % {"tahun": tahun})


@saran("lkj_tepat_waktu", _("LKj tahun sebelumnya disahkan sebelum tenggat"))
def lkj_tepat_waktu(k: Konteks) -> Saran:
    tahun = k.tahun - 1
    p, kapan = _pengesahan(k.unit, tahun)
    tenggat = (p.tenggat if p and p.tenggat else None) or datetime.date(k.tahun, 2, 28)
    if kapan is None:
        return Saran(
            "T",
            _("LKj %(tahun)s belum disahkan dalam aplikasi (tenggat %(tenggat)s).")
            % {"tahun": tahun, "tenggat": tenggat},
        )
    tanggal = kapan.date()
    return Saran(
        "Y" if tanggal <= tenggat else "T",
        _("LKj %(tahun)s disahkan %(tanggal)s; tenggat %(tenggat)s.")
        % {"tahun": tahun, "tanggal": tanggal, "tenggat": tenggat},
    )


@saran("realisasi_triwulan", _("Realisasi diisi tiap triwulan"))
def realisasi_triwulan(k: Konteks) -> Saran | None:
    if not k.baris_iku:
        return None
    isi = sum(v is not None for b in k.baris_iku for v in b.realisasi.triwulan)
    sel = len(k.baris_iku) * 4
    return Saran(
        "Y" if isi == sel else "T",
        _("%(isi)s dari %(sel)s sel realisasi triwulan IKU %(tahun)s terisi (%(persen)s).")
        % {"isi": isi, "sel": sel, "tahun": k.tahun, "persen": _persen(isi, sel)},
    )


@saran("capaian_lebih_baik", _("Capaian IKU tidak lebih rendah dari tahun lalu"))
def capaian_lebih_baik(k: Konteks) -> Saran | None:
    lalu = {b.indikator.pk: b.capaian for b in (k.pengukuran_lalu.baris if k.pengukuran_lalu else ())}
    pasang = [(b.capaian, lalu.get(b.indikator.pk)) for b in k.baris_iku]
    pasang = [(c, s) for c, s in pasang if c is not None and s is not None]
    if not pasang:
        return None
    naik = sum(c >= s for c, s in pasang)
    return Saran(
        huruf_dari_rasio(Decimal(naik) / len(pasang)),
        _(
            "%(naik)s dari %(n)s IKU yang terukur pada %(lalu)s dan %(tahun)s (%(persen)s) mempunyai capaian %(tahun)s ≥ capaian %(lalu)s."
        )
        % {"naik": naik, "n": len(pasang), "lalu": k.tahun - 1, "tahun": k.tahun, "persen": _persen(naik, len(pasang))},
    )


@saran("benchmark_ada", _("Analisis IKU memuat pembanding nasional/internasional"))
def benchmark_ada(k: Konteks) -> Saran | None:
    """The app has no benchmark field: an IKU counts when its analysis names a comparison (national,
    international, benchmark, average)."""
    if not k.baris_iku:
        return None
    ada = 0
    for b in k.baris_iku:
        c = b.realisasi.catatan
        teks = f"{c.analisis} {c.faktor_pendukung}".lower() if c is not None else ""
        ada += any(kata in teks for kata in KATA_PEMBANDING)
    n = len(k.baris_iku)
    return Saran(
        huruf_dari_rasio(Decimal(ada) / n),
        _(
            "Analisis %(ada)s dari %(n)s IKU %(tahun)s (%(persen)s) menyebut pembanding (nasional, internasional, benchmark, rata-rata)."
        )
        % {"ada": ada, "n": n, "tahun": k.tahun, "persen": _persen(ada, n)},
    )


@saran("efisiensi_dianalisis", _("Efisiensi penggunaan anggaran dianalisis"))
def efisiensi_dianalisis(k: Konteks) -> Saran | None:
    baris = susun_efisiensi(k.unit, k.tahun)
    if not baris:
        return Saran(
            "E",
            _("Belum ada subkegiatan %(tahun)s dengan output dan anggaran untuk analisis efisiensi.")
            % {"tahun": k.tahun},
        )
    dinilai = sum(b.hasil.kategori is not None for b in baris)
    return Saran(
        huruf_dari_rasio(Decimal(dinilai) / len(baris)),
        _(
            "Efisiensi %(dinilai)s dari %(n)s subkegiatan %(tahun)s (%(persen)s) dapat dihitung (pagu, realisasi dana dan output)."
        )
        % {"dinilai": dinilai, "n": len(baris), "tahun": k.tahun, "persen": _persen(dinilai, len(baris))},
    )


@saran("tl_rekomendasi", _("Rekomendasi hasil evaluasi tahun lalu ditindaklanjuti"))
def tl_rekomendasi(k: Konteks) -> Saran | None:
    """The share of the recommendations of the evaluation of n−1 followed up (Sesuai) in the register
    (`tindak_lanjut.queries.porsi_ditindaklanjuti`); nothing to say when the register holds none."""
    porsi = porsi_ditindaklanjuti(k.unit, k.tahun)
    if not porsi.jumlah:
        return None
    return Saran(porsi.huruf, porsi.alasan)
