"""The catalogue of narrative sections of a Laporan Kinerja and a one-query reader of a unit's year.

Section keys (`NarasiLaporan.bagian`) are stable: the report builder (`laporan.bab`) places each section by its
key, the narrative editor lists and edits them, the fixtures are named after them
(fixtures/narasi/<unit>/<tahun>/<bagian>.md, <bagian>--<kode sasaran>.md). Both read the one catalogue below.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop as N_

from indikator.models import Sasaran, UnitKerja
from indikator.periode import kunci_periode_untuk_tulis
from indikator.token_ubah import pastikan_token
from umum.teks import periksa_medan

from .models import NarasiLaporan


@dataclass(frozen=True)
class KunciNarasi:
    """One narrative key (`NarasiLaporan.bagian`) of the catalogue shared by the report builder and the editor."""

    kunci: str
    label: str | None = None  # label in the narrative editor; None: placed by the report when stored, not offered
    bab: int | None = None  # chapter (I–IV) whose sub-section the text fills; None: front matter or per sasaran
    judul: str = ""  # default sub-heading in the report ("" = untitled: merges into the text before it)
    sisipan: str = ""  # key of the report section the text is inserted into (then it is no sub-section of its own)


# Sections of the whole report, in report order. The report places a chapter's text by its sub-section key
# (`bab`, `judul`) or, for a key with `sisipan`, inside the section it names (printed there only); any other
# stored key "babN_..." is appended at the end of chapter N, titled by its `judul`.
KATALOG_UMUM: tuple[KunciNarasi, ...] = (
    KunciNarasi("kata_pengantar", _("Kata Pengantar")),
    KunciNarasi("ringkasan_eksekutif", _("Ringkasan Eksekutif")),
    KunciNarasi("ringkasan_eksekutif_penutup", sisipan="ringkasan_eksekutif"),
    KunciNarasi("bab1_pendahuluan", _("Bab I – Pendahuluan (pengantar)"), 1),
    KunciNarasi("bab1_latar_belakang", bab=1),
    KunciNarasi("bab1_maksud_tujuan", _("Bab I – Maksud dan Tujuan"), 1, N_("Maksud dan Tujuan")),
    KunciNarasi(
        "bab1_peran", _("Bab I – Peran, dasar hukum, tugas dan fungsi"), 1, N_("Peran dan Kedudukan Organisasi")
    ),
    KunciNarasi("bab1_sdm", _("Bab I – Sumber Daya Manusia"), 1, N_("Sumber Daya Manusia")),
    KunciNarasi("bab1_potensi_permasalahan", _("Bab I – Potensi dan Permasalahan"), 1, N_("Potensi dan Permasalahan")),
    KunciNarasi("bab1_sistematika", _("Bab I – Sistematika Penyajian"), 1, N_("Sistematika Penyajian Laporan Kinerja")),
    KunciNarasi("bab2_pendahuluan", bab=2),
    KunciNarasi("bab2_rencana_strategis", _("Bab II – Rencana Strategis"), 2, N_("Rencana Strategis")),
    KunciNarasi("bab2_alokasi", bab=2),
    KunciNarasi("bab2_peta_strategi", bab=2),
    KunciNarasi(
        "bab2_perjanjian_kinerja",
        _("Bab II – Perjanjian Kinerja dan definisi operasional"),
        2,
        N_("Perjanjian Kinerja"),
    ),
    KunciNarasi("bab2_program_kegiatan", bab=2),
    KunciNarasi("bab3_pendahuluan", _("Bab III – Capaian Kinerja (pengantar)"), 3, sisipan="bab3_capaian"),
    KunciNarasi("bab3_capaian", bab=3, judul=N_("Capaian Kinerja Organisasi")),
    KunciNarasi("bab3_nps", _("Bab III – Penjelasan Nilai Pencapaian Sasaran"), 3, sisipan="bab3_capaian"),
    KunciNarasi("bab3_analisis", bab=3, judul=N_("Analisis Capaian Kinerja")),
    KunciNarasi("bab3_akuntabilitas_keuangan", _("Bab III – Akuntabilitas Keuangan"), 3, N_("Akuntabilitas Keuangan")),
    KunciNarasi("bab3_efisiensi", _("Bab III – Analisis Efisiensi (metode)"), 3, N_("Analisis Efisiensi")),
    KunciNarasi("bab4_pendahuluan", bab=4),
    KunciNarasi("bab4_kesimpulan", _("Bab IV – Kesimpulan"), 4, N_("Kesimpulan")),
    KunciNarasi("bab4_saran", _("Bab IV – Saran"), 4, N_("Saran")),
    KunciNarasi("bab4_penutup", bab=4),
    KunciNarasi("penutup", _("Penutup"), 4),
)

# Sections per sasaran (file name <key>--<kode sasaran>.md), in the order they follow the sasaran's table.
KATALOG_SASARAN: tuple[KunciNarasi, ...] = (
    KunciNarasi("pengantar"),
    KunciNarasi("analisis", _("Analisis capaian")),
    KunciNarasi("kegiatan_pendukung", _("Kegiatan pendukung")),
    KunciNarasi("upaya", _("Upaya tahun berikutnya")),
    KunciNarasi("tindak_lanjut_evaluasi", _("Tindak lanjut rekomendasi evaluasi")),
    KunciNarasi("cara_perhitungan"),
    KunciNarasi("faktor_pendukung"),
    KunciNarasi("faktor_penghambat"),
    KunciNarasi("upaya_tahun_depan"),
    KunciNarasi("rencana_tindak_lanjut"),
    KunciNarasi("rekomendasi"),
)

# The narrative editor: the sections it lists (key, label), in report order.
BAGIAN_UMUM: tuple[tuple[str, str], ...] = tuple((k.kunci, k.label) for k in KATALOG_UMUM if k.label is not None)
BAGIAN_SASARAN: tuple[tuple[str, str], ...] = tuple((k.kunci, k.label) for k in KATALOG_SASARAN if k.label is not None)

# Sections a report may leave out (shown as "opsional" when empty).
KUNCI_OPSIONAL = frozenset({"tindak_lanjut_evaluasi"})

KUNCI_UMUM = frozenset(k for k, _label in BAGIAN_UMUM)
KUNCI_SASARAN = frozenset(k for k, _label in BAGIAN_SASARAN)

# The report: each chapter's sub-sections (key, default sub-heading) in order, and the order of a sasaran's texts.
SLOT_BAB: dict[int, tuple[tuple[str, str], ...]] = {
    bab: tuple((k.kunci, k.judul) for k in KATALOG_UMUM if k.bab == bab and not k.sisipan) for bab in (1, 2, 3, 4)
}
URUTAN_NARASI_SASARAN: tuple[str, ...] = tuple(k.kunci for k in KATALOG_SASARAN)
# Keys printed inside another section (never a sub-section of their own).
KUNCI_SISIPAN = frozenset(k.kunci for k in KATALOG_UMUM if k.sisipan)


ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}
_PER_KUNCI_UMUM = {k.kunci: k for k in KATALOG_UMUM}
_PER_KUNCI_SASARAN = {k.kunci: k for k in KATALOG_SASARAN}


def _tanpa_bab(label: str) -> str:
    """'Bab I – Maksud dan Tujuan' → 'Maksud dan Tujuan'."""
    return label.split(" – ", 1)[1] if " – " in label else label


def letak_cetak(kunci: str, nomor_sasaran: int | None = None) -> str:
    """Where a section prints in the report, in the words of its headings: "Kata Pengantar",
    "Bab I · Maksud dan Tujuan", "Bab III · Capaian Kinerja Organisasi · Penjelasan Nilai Pencapaian Sasaran",
    "Bab III · Sasaran 1 · Analisis capaian" (per sasaran: the sasaran's number in Bab III)."""
    if nomor_sasaran is not None:
        k = _PER_KUNCI_SASARAN.get(kunci)
        nama = str(k.label) if k is not None and k.label else kunci
        return " · ".join(
            (gettext("Bab %(bab)s") % {"bab": "III"}, gettext("Sasaran %(nomor)s") % {"nomor": nomor_sasaran}, nama)
        )
    k = _PER_KUNCI_UMUM.get(kunci)
    if k is None:
        return kunci
    label = str(k.label) if k.label else ""
    if k.bab is None:
        return label or kunci
    bagian = [gettext("Bab %(bab)s") % {"bab": ROMAWI[k.bab]}]
    if k.sisipan and (induk := _PER_KUNCI_UMUM.get(k.sisipan)) and induk.judul:
        bagian.append(gettext(induk.judul))
    bagian.append(gettext(k.judul) if k.judul else _tanpa_bab(label) or kunci)
    return " · ".join(bagian)


def letak_analisis_indikator(nomor_sasaran: int, kode_indikator: str) -> str:
    """Where an indikator's yearly analysis (entered with its realisasi) prints: in its sasaran's section of
    Bab III, right after the generated sentence on the indikator's capaian, before the sasaran's own analysis."""
    return " · ".join(
        (
            gettext("Bab %(bab)s") % {"bab": "III"},
            gettext("Sasaran %(nomor)s") % {"nomor": nomor_sasaran},
            gettext("di bawah kalimat capaian indikator %(kode)s") % {"kode": kode_indikator},
        )
    )


@dataclass(frozen=True)
class BagianNarasi:
    """One expected narrative section of a unit's year, with its stored text if any."""

    kunci: str
    label: str
    sasaran: Sasaran | None
    narasi: NarasiLaporan | None
    nomor_sasaran: int | None = None  # the sasaran's number in Bab III ("Sasaran 1")

    @property
    def letak(self) -> str:
        """Where the section prints ("Bab III · Sasaran 1 · Analisis capaian")."""
        return letak_cetak(self.kunci, self.nomor_sasaran if self.sasaran is not None else None)

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
) -> list[BagianNarasi]:
    """Every expected section (general ones, then per sasaran) plus any stored section with another key."""
    daftar_sasaran = list(daftar_sasaran)
    hasil = [BagianNarasi(k, str(label), None, narasi.get((k, None))) for k, label in BAGIAN_UMUM]
    nomor = {s.pk: i for i, s in enumerate(daftar_sasaran, 1)}
    for s in daftar_sasaran:
        hasil.extend(BagianNarasi(k, str(label), s, narasi.get((k, s.pk)), nomor[s.pk]) for k, label in BAGIAN_SASARAN)
    dikenal = {(b.kunci, b.sasaran.pk if b.sasaran else None) for b in hasil}
    per_id = {s.pk: s for s in daftar_sasaran}
    for (kunci, sid), n in sorted(narasi.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        if (kunci, sid) not in dikenal:
            hasil.append(BagianNarasi(kunci, n.judul or kunci, per_id.get(sid), n, nomor.get(sid)))
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
    *,
    unit: UnitKerja,
    tahun: int,
    bagian: str,
    sasaran: Sasaran | None,
    judul: str,
    isi: str,
    versi: str | None = None,
) -> tuple[NarasiLaporan, bool]:
    """Create or update one section; refuses a locked year (PeriodeBeku). Returns (narasi, changed).

    An unchanged text is not saved again, so the history only holds real changes. `versi`: the section's version
    when the editor was loaded (`riwayat_narasi`); a section changed since then is refused (`versi.DataBerubah`)."""
    kunci_periode_untuk_tulis(unit, tahun)
    pastikan_token(riwayat_narasi(unit, tahun, bagian, sasaran), versi)
    isi = isi.replace("\r\n", "\n").strip()
    judul = judul.strip()
    narasi = (
        NarasiLaporan.objects.select_for_update().filter(unit=unit, tahun=tahun, bagian=bagian, sasaran=sasaran).first()
    )
    periksa_medan(NarasiLaporan(judul=judul, isi=isi), "judul", "isi")
    if narasi is None:
        return NarasiLaporan.objects.create(
            unit=unit, tahun=tahun, bagian=bagian, sasaran=sasaran, judul=judul, isi=isi
        ), True
    if (narasi.judul, narasi.isi) == (judul, isi):
        return narasi, False
    narasi.judul, narasi.isi = judul, isi
    narasi.save()
    return narasi, True


def riwayat_narasi(unit: UnitKerja, tahun: int, bagian: str, sasaran: Sasaran | None):
    """History of one section (its version: `indikator.token_ubah.token`; "0" while it was never written)."""
    return NarasiLaporan.history.filter(
        unit_id=unit.pk, tahun=tahun, bagian=bagian, sasaran_id=sasaran.pk if sasaran else None
    )
