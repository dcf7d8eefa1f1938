"""The catalogue of narrative sections of a Laporan Kinerja and a one-query reader of a unit's year.

Section keys (`NarasiLaporan.bagian`) are stable: the report builder places each section by its key, the
fixtures are named after them (fixtures/narasi/<unit>/<tahun>/<bagian>.md, <bagian>--<kode sasaran>.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from indikator.models import Sasaran, UnitKerja
from indikator.services import pastikan_dapat_diubah

from .models import NarasiLaporan

# Sections of the whole report, in report order: (key, label).
BAGIAN_UMUM: tuple[tuple[str, str], ...] = (
    ("kata_pengantar", _("Kata Pengantar")),
    ("ringkasan_eksekutif", _("Ringkasan Eksekutif")),
    ("bab1_pendahuluan", _("Bab I – Pendahuluan (pengantar)")),
    ("bab1_maksud_tujuan", _("Bab I – Maksud dan Tujuan")),
    ("bab1_peran", _("Bab I – Peran, dasar hukum, tugas dan fungsi")),
    ("bab1_sdm", _("Bab I – Sumber Daya Manusia")),
    ("bab1_potensi_permasalahan", _("Bab I – Potensi dan Permasalahan")),
    ("bab1_sistematika", _("Bab I – Sistematika Penyajian")),
    ("bab2_rencana_strategis", _("Bab II – Rencana Strategis")),
    ("bab2_perjanjian_kinerja", _("Bab II – Perjanjian Kinerja dan definisi operasional")),
    ("bab3_pendahuluan", _("Bab III – Capaian Kinerja (pengantar)")),
    ("bab3_nps", _("Bab III – Penjelasan Nilai Pencapaian Sasaran")),
    ("bab3_akuntabilitas_keuangan", _("Bab III – Akuntabilitas Keuangan")),
    ("bab3_efisiensi", _("Bab III – Analisis Efisiensi (metode)")),
    ("bab4_kesimpulan", _("Bab IV – Kesimpulan")),
    ("bab4_saran", _("Bab IV – Saran")),
    ("penutup", _("Penutup")),
)

# Sections per sasaran (file name <key>--<kode sasaran>.md), in the order they follow the sasaran's table.
BAGIAN_SASARAN: tuple[tuple[str, str], ...] = (
    ("analisis", _("Analisis capaian")),
    ("kegiatan_pendukung", _("Kegiatan pendukung")),
    ("upaya", _("Upaya tahun berikutnya")),
    ("tindak_lanjut_evaluasi", _("Tindak lanjut rekomendasi evaluasi")),
)

# Sections a report may leave out (shown as "opsional" when empty).
KUNCI_OPSIONAL = frozenset({"tindak_lanjut_evaluasi"})

KUNCI_UMUM = frozenset(k for k, _label in BAGIAN_UMUM)
KUNCI_SASARAN = frozenset(k for k, _label in BAGIAN_SASARAN)


@dataclass(frozen=True)
class Bagian:
    """One expected narrative section of a unit's year, with its stored text if any."""

    kunci: str
    label: str
    sasaran: Sasaran | None
    narasi: NarasiLaporan | None

    @property
    def opsional(self) -> bool:
        return self.kunci in KUNCI_OPSIONAL

    @property
    def terisi(self) -> bool:
        return self.narasi is not None and bool(self.narasi.isi.strip())


def ambil_narasi(unit: UnitKerja, tahun: int) -> dict[tuple[str, int | None], NarasiLaporan]:
    """All narrative of a unit's year keyed by (bagian, sasaran id or None); 1 query."""
    return {
        (n.bagian, n.sasaran_id): n
        for n in NarasiLaporan.objects.filter(unit=unit, tahun=tahun).select_related("sasaran")
    }


def daftar_bagian(
    daftar_sasaran: Iterable[Sasaran], narasi: dict[tuple[str, int | None], NarasiLaporan]
) -> list[Bagian]:
    """Every expected section (general ones, then per sasaran) plus any stored section with another key."""
    daftar_sasaran = list(daftar_sasaran)
    hasil = [Bagian(k, str(label), None, narasi.get((k, None))) for k, label in BAGIAN_UMUM]
    for s in daftar_sasaran:
        hasil.extend(Bagian(k, str(label), s, narasi.get((k, s.pk))) for k, label in BAGIAN_SASARAN)
    dikenal = {(b.kunci, b.sasaran.pk if b.sasaran else None) for b in hasil}
    per_id = {s.pk: s for s in daftar_sasaran}
    for (kunci, sid), n in sorted(narasi.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        if (kunci, sid) not in dikenal:
            hasil.append(Bagian(kunci, n.judul or kunci, per_id.get(sid), n))
    return hasil


def label_bagian(kunci: str) -> str:
    for k, label in (*BAGIAN_UMUM, *BAGIAN_SASARAN):
        if k == kunci:
            return str(label)
    return kunci


def urai_kunci(teks: str) -> tuple[str, str]:
    """'analisis--SP1' → ('analisis', 'SP1'); 'kata_pengantar' → ('kata_pengantar', '')."""
    bagian, _sep, kode = teks.partition("--")
    return bagian, kode


def kunci_url(bagian: str, sasaran: Sasaran | None) -> str:
    """The section key as used in file names and URLs."""
    return f"{bagian}--{sasaran.kode}" if sasaran is not None else bagian


@transaction.atomic
def simpan_narasi(
    *, unit: UnitKerja, tahun: int, bagian: str, sasaran: Sasaran | None, judul: str, isi: str
) -> tuple[NarasiLaporan, bool]:
    """Create or update one section; refuses a locked year (PeriodeTerkunci). Returns (narasi, changed).

    An unchanged text is not saved again, so the history only holds real changes."""
    pastikan_dapat_diubah(unit, tahun)
    isi = isi.replace("\r\n", "\n").strip()
    judul = judul.strip()
    narasi = (
        NarasiLaporan.objects.select_for_update().filter(unit=unit, tahun=tahun, bagian=bagian, sasaran=sasaran).first()
    )
    if narasi is None:
        return NarasiLaporan.objects.create(
            unit=unit, tahun=tahun, bagian=bagian, sasaran=sasaran, judul=judul, isi=isi
        ), True
    if (narasi.judul, narasi.isi) == (judul, isi):
        return narasi, False
    narasi.judul, narasi.isi = judul, isi
    narasi.save()
    return narasi, True
