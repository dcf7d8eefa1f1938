"""Vocabularies of the performance tree (PermenPANRB 89/2021; `../shared/docs/siklus.md` §2)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Tingkat(models.TextChoices):
    """A node's level, from the agency's Sasaran Strategis down to an individual's result (RHK)."""

    SS = "ss", _("Sasaran Strategis")
    SP = "sp", _("Sasaran Program")
    SK = "sk", _("Sasaran Kegiatan")
    ESELON_III = "es3", _("Hasil Eselon III")
    ESELON_IV = "es4", _("Hasil Eselon IV")
    RHK = "rhk", _("Rencana Hasil Kerja individu")


# The rank of each level, top = 1: a node's parent sits one rank up (K1).
PERINGKAT_TINGKAT = {t.value: i for i, t in enumerate(Tingkat, start=1)}


class JenisHasil(models.TextChoices):
    DAMPAK = "dampak", _("Dampak (impact)")
    OUTCOME = "outcome", _("Outcome")
    OUTCOME_ANTARA = "outcome_antara", _("Outcome antara (intermediate outcome)")
    OUTPUT = "output", _("Output")


class JenisCascading(models.TextChoices):
    PENUH = "penuh", _("Penuh")
    SEBAGIAN = "sebagian", _("Sebagian")
    TIDAK_LANGSUNG = "tidak_langsung", _("Tidak langsung")


class StatusNode(models.TextChoices):
    """A node offered by a parent unit is `usulan` until the child unit accepts or rejects it."""

    USULAN = "usulan", _("Diusulkan")
    DITERIMA = "diterima", _("Diterima")
    DITOLAK = "ditolak", _("Ditolak")
    NONAKTIF = "nonaktif", _("Nonaktif")


class PeranIndikator(models.TextChoices):
    UTAMA = "utama", _("Utama")
    PENDUKUNG = "pendukung", _("Pendukung")


class Eselon(models.TextChoices):
    """A position's level; its rank (I = 1 … pelaksana = 6) is compared with the parent owner's (K3)."""

    I = "1", _("Eselon I")  # noqa: E741
    II = "2", _("Eselon II")
    III = "3", _("Eselon III")
    IV = "4", _("Eselon IV")
    FUNGSIONAL = "5", _("Jabatan fungsional")
    PELAKSANA = "6", _("Pelaksana")


class JenisMitra(models.TextChoices):
    KL = "kl", _("Kementerian/lembaga")
    PEMDA = "pemda", _("Pemerintah daerah")
    SWASTA = "swasta", _("Swasta")
    AKADEMISI = "akademisi", _("Akademisi")
    LSM = "lsm", _("Lembaga swadaya masyarakat")
    INTERNASIONAL = "internasional", _("Internasional")


class PeranMitra(models.TextChoices):
    KONTRIBUTOR = "kontributor", _("Kontributor")
    PELAKSANA_BERSAMA = "pelaksana_bersama", _("Pelaksana bersama")
    PENDUKUNG = "pendukung", _("Pendukung")


class StatusCrosscutting(models.TextChoices):
    DIUSULKAN = "diusulkan", _("Diusulkan")
    DITERIMA = "diterima", _("Diterima")
    DITOLAK = "ditolak", _("Ditolak")


class MetodeAgregasi(models.TextChoices):
    """How a parent indikator takes its realisasi from its children's (§2.4)."""

    JUMLAH = "jumlah", _("Jumlah")
    RASIO_JUMLAH = "rasio_jumlah", _("Rasio jumlah pembilang dan jumlah penyebut")
    RATA_RATA = "rata_rata", _("Rata-rata")
    RATA_TERTIMBANG = "rata_tertimbang", _("Rata-rata tertimbang")
    MIN = "min", _("Minimum")
    MAKS = "maks", _("Maksimum")
    DARI_UNIT = "dari_unit", _("Diambil dari satu unit")


class DasarBobot(models.TextChoices):
    """The weight of a weighted mean: each source's denominator, its unit's pagu, or a fixed weight typed in."""

    PENYEBUT = "penyebut", _("Penyebut")
    PAGU = "pagu", _("Pagu unit")
    TETAP = "tetap", _("Bobot tetap")


class AlasanKonsolidasi(models.TextChoices):
    """Why a consolidated figure was not computed (never a silent number)."""

    TANPA_SUMBER = "tanpa_sumber", _("Belum ada indikator sumber.")
    NILAI_KOSONG = "nilai_kosong", _("Ada sumber tanpa realisasi angka.")
    RASIO_KOSONG = "rasio_kosong", _("Ada sumber tanpa pembilang atau penyebut.")
    PENYEBUT_NOL = "penyebut_nol", _("Jumlah penyebut nol.")
    BOBOT_KOSONG = "bobot_kosong", _("Ada sumber tanpa bobot.")
    BOBOT_NOL = "bobot_nol", _("Jumlah bobot nol.")
    PERSEN_DIRATA = (
        "persen_dirata",
        _("Persentase yang memiliki pembilang dan penyebut tidak dirata-ratakan; gunakan rasio jumlah."),
    )
    BUKAN_SATU_SUMBER = "bukan_satu_sumber", _("Metode 'diambil dari satu unit' memerlukan tepat satu sumber.")
