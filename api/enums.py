"""Vocabularies of the read API: token scopes, the period filter's values, the stable document kinds."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Cakupan(models.TextChoices):
    """What a token may read. Without `publik` or `apip` a token reads its unit and the unit's sub-units."""

    PUBLIK = "publik", _("Publik: semua unit, hanya data yang disahkan")
    UNIT = "unit", _("Unit: unit token dan sub-unitnya")
    APIP = "apip", _("APIP: semua unit dan hasil evaluasi")
    DRAF = "draf", _("Draf: juga data yang belum disahkan")


# The `periode` filter: months, quarters, semesters and the year (siklus §5.2).
PERIODE_BULAN = tuple(f"B{b:02d}" for b in range(1, 13))
PERIODE_TRIWULAN = ("TW1", "TW2", "TW3", "TW4")
PERIODE_SEMESTER = ("S1", "S2")
TAHUNAN = "TAHUNAN"
SEMUA_PERIODE = (*PERIODE_BULAN, *PERIODE_TRIWULAN, *PERIODE_SEMESTER, TAHUNAN)


def bulan_periode(periode: str) -> tuple[int, ...]:
    """The months (1..12) a period covers: B03 → (3,), TW2 → (4, 5, 6), S1 → (1..6), TAHUNAN → (1..12)."""
    if periode.startswith("B"):
        return (int(periode[1:]),)
    if periode.startswith("TW"):
        tw = int(periode[2:])
        return tuple(range(3 * tw - 2, 3 * tw + 1))
    if periode.startswith("S"):
        return tuple(range(1, 7)) if periode == "S1" else tuple(range(7, 13))
    return tuple(range(1, 13))


class JenisDokumen(models.TextChoices):
    """Stable kinds of the issued documents, the slugs of the Inspektorat LKE tools' document contract
    (siklus §5.1): a consumer maps a kind once instead of matching file names."""

    # Labels are part of the API contract (the tools' labels), not interface text: not translated.
    LAPKIN = "lapkin", "Laporan Kinerja"
    PERJANJIAN_KINERJA = "perjanjian-kinerja", "Perjanjian Kinerja"
    IKU = "iku", "IKU"
    # The issued periodic reports (laporan.LaporanPeriodik), evidence the AKIP evaluation asks for.
    LAPORAN_KINERJA_TRIWULAN = "laporan-kinerja-triwulan", "Laporan Kinerja Interim Triwulan"
    LAPORAN_KINERJA_SEMESTER = "laporan-kinerja-semester", "Laporan Kinerja Semester"
    LAPORAN_CAPAIAN_BULANAN = "laporan-capaian-bulanan", "Laporan Capaian Kinerja Bulanan"


# The LKE tools' kinds the app does not issue (listed, always empty), in the tools' order.
JENIS_LKE_LAIN = {
    "rpjmd": "RPJMD",
    "proses-bisnis": "Proses Bisnis",
    "cascading": "Pohon Kinerja (Cascading)",
    "renstra": "Renstra",
    "iki": "IKI",
    "renja": "Renja",
    "rencana-aksi": "Rencana Aksi",
    "lppd": "LPPD",
    "lkjip": "LKJIP",
    "capaian": "Capaian",
    "mekanisme-pengumpulan-data": "Mekanisme Pengumpulan Data",
    "berita-acara-evaluasi": "Berita Acara Evaluasi",
    "lhe-inspektorat": "LHE Inspektorat",
    "lhe-kemenpan": "LHE Kemenpan",
    "paparan-sakip": "Paparan SAKIP",
    "rkpd": "RKPD",
    "lainnya": "Lainnya",
}


# `BerkasLaporan.jenis` → the stable kind (a periodic report's file: by its report's kind, JENIS_PERIODIK).
JENIS_DARI_BERKAS = {"laporan": JenisDokumen.LAPKIN, "pk": JenisDokumen.PERJANJIAN_KINERJA, "iku": JenisDokumen.IKU}

# `LaporanPeriodik.jenis` → (the stable kind, the LKE tools' `jenis_periode`, the prefix of its periods).
JENIS_PERIODIK = {
    "interim_tw": (JenisDokumen.LAPORAN_KINERJA_TRIWULAN, "triwulan", "TW"),
    "semester": (JenisDokumen.LAPORAN_KINERJA_SEMESTER, "semester", "S"),
    "capaian_bulanan": (JenisDokumen.LAPORAN_CAPAIAN_BULANAN, "bulan", "B"),
}

# The periods of a periodic report (the `periode` filter of /periodik).
PERIODE_PERIODIK = (*PERIODE_BULAN, *PERIODE_TRIWULAN, *PERIODE_SEMESTER)


def jenis_berkas(berkas) -> JenisDokumen:
    """The stable kind of an issued file (`laporan.BerkasLaporan`; a periodic one reads its report)."""
    if berkas.laporan_periodik_id:
        return JENIS_PERIODIK[berkas.laporan_periodik.jenis][0]
    return JENIS_DARI_BERKAS[berkas.jenis]


def jenis_periode(jenis: str) -> str:
    """The LKE tools' `jenis_periode` of a stable kind: tahun, triwulan, semester or bulan."""
    return next((jp for k, jp, _a in JENIS_PERIODIK.values() if k == jenis), "tahun")
