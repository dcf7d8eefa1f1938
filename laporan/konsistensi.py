"""Consistency check of a unit's year before the Laporan Kinerja is printed.

`periksa_konsistensi(unit, tahun)` reads the year through the same readers as the report (susun_pengukuran,
susun_anggaran, susun_akip) plus the PK rows, the sub-kegiatan outputs and the narrative, with a constant
number of queries, and lists what a planner should look at: missing realisasi, PK targets that differ from
the Renstra, parent budget lines that disagree with their children, capaian above 120 %, indikator without
narrative, realisasi without a target, realisasi above pagu, AKIP indikator vs the AKIP score, AKIP components
vs the reported score, sub-kegiatan without output figures, a year with no indikator marked IKU, a year with
indikator in force but no PK version.
Nothing is recomputed here: the numbers come from the readers and the formulas behind them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from anggaran.models import SubKegiatan
from anggaran.queries import susun_akip, susun_anggaran
from indikator.enums import AlasanTidakDihitung
from indikator.models import BarisPK, UnitKerja
from indikator.queries import (
    DataTidakDitemukan,
    NilaiTargetEfektif,
    susun_pengukuran,
)
from indikator.rencana_aksi import RencanaAksiTahun, baca_rencana_aksi
from indikator.services import NARASI  # narrative fields of a yearly Realisasi
from umum.format import format_angka, format_persen, format_rupiah

from .markdown import penanda_salah
from .models import GambarLaporan, NarasiLaporan
from .narasi import KUNCI_UMUM, kunci_url, label_bagian, letak_cetak

PERINGATAN = "peringatan"
INFO = "info"

# Above this capaian the BPOM bands say "tidak dapat disimpulkan": usually a target set too low.
BATAS_CAPAIAN = Decimal("120")


@dataclass(frozen=True)
class PeringatanKonsistensi:
    kode: str
    tingkat: str  # PERINGATAN or INFO
    pesan: str
    objek: str
    url: str | None = None


# kode → (label of the group, level), in display order.
JENIS: dict[str, tuple[str, str]] = {
    "realisasi_kosong": (gettext_lazy("Indikator tanpa realisasi"), PERINGATAN),
    "pk_kosong": (gettext_lazy("Tahun tanpa Perjanjian Kinerja"), PERINGATAN),
    "target_pk_berbeda": (gettext_lazy("Target PK berbeda dengan target Renstra"), PERINGATAN),
    "rencana_aksi_kosong": (gettext_lazy("Versi PK yang berlaku belum memiliki Rencana Aksi"), PERINGATAN),
    "anggaran_induk_selisih": (gettext_lazy("Mata anggaran induk tidak sama dengan jumlah rinciannya"), PERINGATAN),
    "realisasi_melebihi_pagu": (gettext_lazy("Realisasi anggaran melebihi pagu"), PERINGATAN),
    "capaian_di_atas_batas": (gettext_lazy("Capaian di atas 120 %"), PERINGATAN),
    "target_kosong": (gettext_lazy("Indikator dengan realisasi tetapi tanpa target"), PERINGATAN),
    "tidak_dihitung": (gettext_lazy("Indikator yang capaiannya tidak dihitung"), PERINGATAN),
    "sasaran_tanpa_perspektif": (gettext_lazy("Sasaran tanpa perspektif pada skema berperspektif"), PERINGATAN),
    "iku_kosong": (gettext_lazy("Tahun tanpa Indikator Kinerja Utama (IKU)"), PERINGATAN),
    "akip_berbeda": (gettext_lazy("Realisasi indikator AKIP berbeda dengan nilai AKIP"), PERINGATAN),
    "akip_komponen_selisih": (gettext_lazy("Jumlah komponen AKIP berbeda dengan nilai yang dilaporkan"), PERINGATAN),
    "output_kosong": (gettext_lazy("Sub-kegiatan tanpa target atau realisasi output"), PERINGATAN),
    "penanda_gambar": (gettext_lazy("Penanda gambar yang tidak menempatkan gambar"), PERINGATAN),
    "narasi_kosong": (gettext_lazy("Indikator tanpa narasi analisis"), INFO),
}


def _url(nama: str, *args) -> str | None:
    try:
        return reverse(nama, args=args)
    except NoReverseMatch:
        return None


def _sama(baris_pk: BarisPK, renstra: NilaiTargetEfektif) -> bool:
    """Same target: numeric value(s) and qualitative grade; the display text does not count."""
    return (baris_pk.nilai, baris_pk.nilai_atas, baris_pk.nilai_kualitatif.strip().upper()) == (
        renstra.nilai,
        renstra.nilai_atas,
        renstra.kualitatif.strip().upper(),
    )


def periksa_konsistensi(
    unit: UnitKerja, tahun: int, *, pengukuran=None, anggaran=None, akip=None, rencana_aksi=None, gambar=None
) -> list[PeringatanKonsistensi]:
    """Every warning for the unit's year, grouped by kind in the order of `JENIS` (constant query count).

    A caller that already read the year (the report builder) passes its `pengukuran` (susun_pengukuran),
    `anggaran` (susun_anggaran), `akip` (susun_akip rows), `rencana_aksi` (baca_rencana_aksi) and `gambar` (the
    year's `GambarLaporan`) so they are not read twice."""
    hasil: dict[str, list[PeringatanKonsistensi]] = defaultdict(list)

    def tambah(kode: str, pesan: str, objek: str, url: str | None = None) -> None:
        hasil[kode].append(PeringatanKonsistensi(kode=kode, tingkat=JENIS[kode][1], pesan=pesan, objek=objek, url=url))

    if pengukuran is None:
        try:
            pengukuran = susun_pengukuran(unit, tahun)
        except DataTidakDitemukan:
            pengukuran = None

    if pengukuran is not None:
        _periksa_indikator(unit, tahun, pengukuran, tambah, akip)

    if rencana_aksi is None:
        rencana_aksi = baca_rencana_aksi(unit, tahun)
    if pengukuran is not None and pengukuran.baris and not rencana_aksi.versi:
        # No PK version at all: the report prints "–" for the program and every realisasi row says "belum ada PK".
        tambah(
            "pk_kosong",
            _(
                "Tahun %(tahun)s belum memiliki Perjanjian Kinerja, padahal ada indikator yang berlaku: laporan "
                "mencetak “–” untuk program dan realisasi tercatat “belum ada PK”. Buat versi PK di daftar PK "
                "tahun ini."
            )
            % {"tahun": tahun},
            _("PK %(tahun)s") % {"tahun": tahun},
            _url("kerja:pk", unit.slug, tahun),
        )
    _periksa_rencana_aksi(unit, rencana_aksi, tambah)

    if anggaran is None:
        anggaran = susun_anggaran(unit, tahun)
    for b in anggaran.baris:
        label = f"{b.mata.kode} {b.mata.nama}"
        if b.selisih_pagu or b.selisih_realisasi:
            bagian = []
            if b.selisih_pagu:
                bagian.append(
                    _("pagu %(sendiri)s, jumlah rincian %(anak)s")
                    % {"sendiri": format_rupiah(b.pagu), "anak": format_rupiah(b.pagu_anak)}
                )
            if b.selisih_realisasi:
                bagian.append(
                    _("realisasi %(sendiri)s, jumlah rincian %(anak)s")
                    % {"sendiri": format_rupiah(b.realisasi), "anak": format_rupiah(b.realisasi_anak)}
                )
            tambah(
                "anggaran_induk_selisih",
                _("Angka mata anggaran ini tidak sama dengan jumlah rinciannya: %(rincian)s.")
                % {"rincian": "; ".join(bagian)},
                label,
                _url("kerja:mata_anggaran", unit.slug, b.mata.pk),
            )
        if b.pagu is not None and b.realisasi is not None and b.realisasi > b.pagu:
            tambah(
                "realisasi_melebihi_pagu",
                _("Realisasi %(realisasi)s melebihi pagu %(pagu)s.")
                % {"realisasi": format_rupiah(b.realisasi), "pagu": format_rupiah(b.pagu)},
                label,
                _url("kerja:mata_anggaran", unit.slug, b.mata.pk),
            )

    _periksa_penanda_gambar(unit, tahun, tambah, gambar)

    for s in SubKegiatan.objects.filter(unit=unit, tahun=tahun).order_by("urutan", "nama", "id"):
        kosong = []
        if s.target_output is None:
            kosong.append(_("target"))
        if s.realisasi_output is None:
            kosong.append(_("realisasi"))
        if kosong:
            tambah(
                "output_kosong",
                _("Output sub-kegiatan belum memiliki %(apa)s; efisiensinya tidak dapat dihitung.")
                % {"apa": _(" dan ").join(kosong)},
                s.nama,
                _url("kerja:sub_kegiatan_ubah", unit.slug, s.pk),
            )

    return [p for kode in JENIS for p in hasil.get(kode, [])]


def _periksa_penanda_gambar(unit, tahun, tambah, gambar=None) -> None:
    """Figure markers in the narrative that place nothing (1 query, 2 without `gambar`): only a general section's own uploaded
    figures can be placed, each once, by a marker on a line of its own (`laporan.markdown.pecah_penanda`)."""
    per_bagian: dict[str, set[int]] = defaultdict(set)
    if gambar is None:
        gambar = GambarLaporan.objects.filter(unit=unit, tahun=tahun).only("pk", "bagian")
    for g in gambar:
        per_bagian[g.bagian].add(g.pk)
    for n in (
        NarasiLaporan.objects.filter(unit=unit, tahun=tahun, isi__contains="[[")
        .select_related("sasaran")
        .order_by("bagian", "sasaran__kode", "id")
    ):
        umum = n.sasaran is None and n.bagian in KUNCI_UMUM
        salah = penanda_salah(n.isi, per_bagian[n.bagian] if umum else set())
        if not salah:
            continue
        letak = letak_cetak(n.bagian) if n.sasaran is None else f"{n.sasaran.kode} · {label_bagian(n.bagian)}"
        tambah(
            "penanda_gambar",
            _(
                "Penanda %(penanda)s tidak menempatkan gambar: tulis penanda pada baris tersendiri, hanya untuk "
                "gambar unggahan yang diletakkan di bagian ini (lihat halaman Gambar laporan)."
            )
            % {"penanda": ", ".join(salah)},
            letak,
            _url("kerja:narasi_ubah", unit.slug, tahun, kunci_url(n.bagian, n.sasaran)),
        )


# Reasons already reported by their own kinds (realisasi_kosong, target_kosong).
_ALASAN_SUDAH_DILAPORKAN = (AlasanTidakDihitung.TANPA_REALISASI, AlasanTidakDihitung.TANPA_TARGET)


def _periksa_indikator(unit, tahun, pengukuran, tambah, akip_baris=None) -> None:
    baris_per_id = {b.indikator.pk: b for b in pengukuran.baris}

    # PK rows of every version of the year (1 query) against the Renstra target of the same indikator.
    for baris_pk in (
        BarisPK.objects.filter(
            versi__pk_induk__unit=unit, versi__pk_induk__tahun=tahun, indikator_id__in=list(baris_per_id)
        )
        .select_related("versi")
        .order_by("versi__nomor", "urutan", "id")
    ):
        b = baris_per_id[baris_pk.indikator_id]
        renstra = b.target_renstra
        if renstra.sumber != "renstra":
            continue
        if not _sama(baris_pk, renstra):
            pk_teks = baris_pk.teks_target()
            tambah(
                "target_pk_berbeda",
                _("Target PK versi %(versi)s (%(pk)s) berbeda dengan target Renstra %(tahun)s (%(renstra)s).")
                % {
                    "versi": baris_pk.versi.nomor,
                    "pk": pk_teks,
                    "tahun": tahun,
                    "renstra": renstra.teks_target(),
                },
                f"{b.indikator.kode} {b.indikator.nama}",
                _url("kerja:versi_pk", unit.slug, baris_pk.versi_id),
            )

    if akip_baris is None:
        akip_baris = susun_akip(unit, [tahun])
    akip = {a.tahun: a for a in akip_baris}.get(tahun)
    analisis_sasaran = {
        n.sasaran_id
        for n in NarasiLaporan.objects.filter(unit=unit, tahun=tahun, bagian="analisis", sasaran__isnull=False)
        if n.isi.strip()
    }
    batas = pengukuran.skema.batas_capaian or BATAS_CAPAIAN
    if akip is not None and akip.selisih:
        tambah(
            "akip_komponen_selisih",
            _(
                "Jumlah komponen %(jumlah)s berbeda dengan nilai yang dilaporkan %(dilaporkan)s; yang dipakai adalah jumlah komponen."
            )
            % {
                "jumlah": format_angka(akip.nilai, None),
                "dilaporkan": format_angka(akip.nilai_dilaporkan, None),
            },
            _("Nilai AKIP %(tahun)s") % {"tahun": tahun},
            _url("kerja:excel_impor", unit.slug, tahun),
        )

    if pengukuran.baris and not any(b.indikator.iku for b in pengukuran.baris):
        # IKU is a yes/no of each indikator; none marked drops Tabel 5 and the IKU decree without another word.
        tambah(
            "iku_kosong",
            _(
                "Tidak ada indikator tahun %(tahun)s yang ditandai sebagai IKU, sehingga tabel capaian IKU dan "
                "Keputusan IKU tidak tercetak. Pilih “Ya” pada isian IKU setiap indikator kinerja utama di daftar "
                "indikator Renstra."
            )
            % {"tahun": tahun},
            pengukuran.renstra.nama,
            _url("kerja:renstra", unit.slug, pengukuran.renstra.pk),
        )

    if pengukuran.pakai_perspektif:
        for ns in pengukuran.sasaran:
            if ns.baris and not ns.sasaran.perspektif:
                tambah(
                    "sasaran_tanpa_perspektif",
                    _(
                        "Skema %(skema)s memakai perspektif, tetapi sasaran ini tidak memilikinya; indikatornya tidak masuk NKO."
                    )
                    % {"skema": pengukuran.skema.nama},
                    f"{ns.sasaran.kode} {ns.sasaran.nama}",
                    _url("kerja:sasaran_ubah", unit.slug, ns.sasaran.pk),
                )

    url_target = _url("kerja:target", unit.slug, pengukuran.revisi.pk)
    for b in pengukuran.baris:
        ind = b.indikator
        label = f"{ind.kode} {ind.nama}"
        url_realisasi = (_url("kerja:realisasi", unit.slug, tahun) or "") + f"#baris-{ind.pk}"
        if not b.ada_realisasi:
            tambah(
                "realisasi_kosong",
                _("Belum ada realisasi tahun %(tahun)s; capaian belum dapat dihitung.") % {"tahun": tahun},
                label,
                url_realisasi,
            )
        target = b.target
        if b.ada_realisasi and target.nilai is None and not target.kualitatif:
            tambah(
                "target_kosong",
                _("Ada realisasi tahun %(tahun)s tetapi belum ada target; capaian tidak dapat dihitung.")
                % {"tahun": tahun},
                label,
                url_target,
            )
        if b.capaian is None and b.alasan not in (None, *_ALASAN_SUDAH_DILAPORKAN):
            tambah(
                "tidak_dihitung",
                _(
                    "Capaian tidak dihitung: %(alasan)s; indikator ini tidak masuk NPS dan NKO (NKO dihitung atas %(n)s dari %(total)s indikator)."
                )
                % {"alasan": b.alasan.label, "n": pengukuran.jumlah_dihitung, "total": pengukuran.jumlah_indikator},
                label,
                url_realisasi,
            )
        if b.capaian is not None and b.capaian > batas:
            tambah(
                "capaian_di_atas_batas",
                _("Capaian %(capaian)s di atas %(batas)s; periksa target dan realisasinya.")
                % {"capaian": format_persen(b.capaian, 2), "batas": format_persen(batas, 0)},
                label,
                url_realisasi,
            )
        if akip is not None and akip.nilai is not None and ind.ukur_akip:
            nilai = b.realisasi.nilai
            if nilai is not None and nilai != akip.nilai:
                tambah(
                    "akip_berbeda",
                    _("Realisasi %(realisasi)s berbeda dengan nilai AKIP %(tahun)s (%(akip)s).")
                    % {
                        "realisasi": format_angka(nilai, None),
                        "tahun": tahun,
                        "akip": format_angka(akip.nilai, None),
                    },
                    label,
                    url_realisasi,
                )
        catatan = b.realisasi.catatan
        ada_narasi_indikator = catatan is not None and any((getattr(catatan, k) or "").strip() for k in NARASI)
        if not ada_narasi_indikator and b.sasaran.pk not in analisis_sasaran:
            tambah(
                "narasi_kosong",
                _("Belum ada analisis untuk indikator ini maupun narasi analisis sasaran %(sasaran)s.")
                % {"sasaran": b.sasaran.kode},
                label,
                _url("kerja:narasi_ubah", unit.slug, tahun, kunci_url("analisis", b.sasaran)),
            )


def _periksa_rencana_aksi(unit, rencana_aksi: RencanaAksiTahun, tambah) -> None:
    """One warning per PK version in force at some quarter end whose indikator rows lack a Rencana Aksi: those
    quarters show no target and no progress (targets are never borrowed from another version)."""
    for v in rencana_aksi.versi_tanpa_rencana_aksi:
        kode = [k for _i, k in v.tanpa_rencana_aksi]
        tambah(
            "rencana_aksi_kosong",
            _(
                "Versi ini berlaku pada akhir %(triwulan)s, tetapi %(jumlah)s indikator belum memiliki Rencana Aksi "
                "(%(kode)s); target dan progres triwulan itu tidak ditampilkan."
            )
            % {
                "triwulan": ", ".join(_("TW %(n)s") % {"n": tw} for tw in v.triwulan_berlaku),
                "jumlah": len(kode),
                "kode": ", ".join(kode),
            },
            _("PK %(tahun)s versi %(nomor)s") % {"tahun": rencana_aksi.tahun, "nomor": v.nomor},
            _url("kerja:rencana_aksi", unit.slug, v.id),
        )
