"""Domain enumerations (domain guide §1–§6). Imported by formulas, models and everything above."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Perspektif(models.TextChoices):
    """Balanced Scorecard perspective of a sasaran, in the order reports list them."""

    STAKEHOLDER = "stakeholder", _("Stakeholder Perspective")
    CUSTOMER = "customer", _("Customer Perspective")
    INTERNAL_PROCESS = "internal_process", _("Internal Process Perspective")
    LEARNING_GROWTH = "learning_growth", _("Learning & Growth Perspective")


URUTAN_PERSPEKTIF = [p.value for p in Perspektif]


class LevelSasaran(models.TextChoices):
    STRATEGIS = "strategis", _("Sasaran Strategis")
    PROGRAM = "program", _("Sasaran Program")
    KEGIATAN = "kegiatan", _("Sasaran Kegiatan")


class Polaritas(models.TextChoices):
    """How target and realisasi compare (domain guide §2)."""

    POSITIF = "positif", _("Positif (makin tinggi makin baik)")
    NEGATIF = "negatif", _("Negatif (makin rendah makin baik)")
    RENTANG = "rentang", _("Rentang (target batas bawah–atas)")
    RENTANG_NEGATIF = "rentang_negatif", _("Rentang negatif")
    KUALITATIF = "kualitatif", _("Kualitatif (skala ordinal)")


class Agregasi(models.TextChoices):
    """How quarterly realisasi make the yearly value."""

    KUMULATIF = "kumulatif", _("Kumulatif (jumlah)")
    TERAKHIR = "terakhir", _("Nilai terakhir")
    RATA_RATA = "rata_rata", _("Rata-rata")
    MAKSIMUM = "maksimum", _("Maksimum")


class RumusNegatif(models.TextChoices):
    """Scheme policy for negatif polarity."""

    CERMIN = "cermin", _("(2T − R) / T × 100 (PermenPANRB 8/2021)")
    KEBALIKAN = "kebalikan", _("T / R × 100")


class AgregasiPerspektif(models.TextChoices):
    """Scheme policy for the NPS of a perspective."""

    RATA_INDIKATOR = "rata_indikator", _("Rata-rata capaian indikator")
    RATA_SASARAN = "rata_sasaran", _("Rata-rata NPS sasaran")


class AgregasiNko(models.TextChoices):
    """Scheme policy for the NKO of a scheme without BSC perspectives (domain guide §4)."""

    RATA_SASARAN = "rata_sasaran", _("Rata-rata NPS sasaran")
    RATA_INDIKATOR = "rata_indikator", _("Rata-rata capaian indikator")


class AlasanTidakDihitung(models.TextChoices):
    """Why an indikator has no capaian (domain guide §2: not computable is never silent)."""

    TANPA_REALISASI = "tanpa_realisasi", _("belum ada data realisasi")
    TANPA_TARGET = "tanpa_target", _("tidak ada target")
    TARGET_NOL = "target_nol", _("target bernilai 0")
    REALISASI_NOL = "realisasi_nol", _("realisasi 0 pada rumus T / R")
    TANPA_SKALA = "tanpa_skala", _("skala nilai huruf belum ditetapkan pada skema")
    HURUF_TIDAK_DIKENAL = "huruf_tidak_dikenal", _("nilai huruf tidak ada pada skala skema")


class StandarEfisiensi(models.TextChoices):
    """Scheme policy for SE (domain guide §5)."""

    SATU = "satu", _("SE = 1 (rencana capaian)")
    IE_TAHUN_LALU = "ie_tahun_lalu", _("SE = IE tahun lalu")


class SumberTarget(models.TextChoices):
    RENSTRA = "renstra", _("Renstra")
    RKT = "rkt", _("Rencana Kinerja Tahunan")


class RegulasiAkip(models.TextChoices):
    PERMENPAN_12_2015 = "permenpan_12_2015", _("PermenPANRB 12/2015")
    PERMENPAN_88_2021 = "permenpan_88_2021", _("PermenPANRB 88/2021")


class KomponenAkip(models.TextChoices):
    PERENCANAAN = "perencanaan", _("Perencanaan Kinerja")
    PENGUKURAN = "pengukuran", _("Pengukuran Kinerja")
    PELAPORAN = "pelaporan", _("Pelaporan Kinerja")
    EVALUASI_INTERNAL = "evaluasi_internal", _("Evaluasi Internal")
    CAPAIAN = "capaian", _("Capaian Kinerja")


# Component weights per regulation (domain guide §6).
BOBOT_AKIP = {
    RegulasiAkip.PERMENPAN_12_2015: {
        KomponenAkip.PERENCANAAN: 30,
        KomponenAkip.PENGUKURAN: 25,
        KomponenAkip.PELAPORAN: 15,
        KomponenAkip.EVALUASI_INTERNAL: 10,
        KomponenAkip.CAPAIAN: 20,
    },
    RegulasiAkip.PERMENPAN_88_2021: {
        KomponenAkip.PERENCANAAN: 30,
        KomponenAkip.PENGUKURAN: 30,
        KomponenAkip.PELAPORAN: 15,
        KomponenAkip.EVALUASI_INTERNAL: 25,
    },
}


class Peran(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    PERENCANA = "perencana", _("Perencana")
    PIMPINAN = "pimpinan", _("Pimpinan")
    AUDITOR = "auditor", _("Auditor")


class JenisPegawai(models.TextChoices):
    ASN = "asn", _("ASN")
    PRAMUBAKTI = "pramubakti", _("Pramubakti")
    HONORER = "honorer", _("Tenaga honorer / non-ASN")


class GolonganPegawai(models.TextChoices):
    """Rank group (golongan ruang) of civil servants, for the staff table."""

    IV = "iv", _("Golongan IV")
    III = "iii", _("Golongan III")
    II = "ii", _("Golongan II")
    I = "i", _("Golongan I")  # noqa: E741


class JenjangPendidikan(models.TextChoices):
    S3 = "s3", "S3"
    S2 = "s2", "S2"
    S1 = "s1", "S1"
    D3_D4 = "d3_d4", _("D3, D4 dan Sarjana Muda")
    D1_KEBAWAH = "d1_kebawah", _("D1 ke bawah")


class StatusPeriode(models.TextChoices):
    """Approval workflow of a unit's year (issue: planners' workspace)."""

    DRAFT = "draft", _("Draf")  # the report's word too ("DRAF" on a report not yet approved)
    DIAJUKAN = "diajukan", _("Diajukan")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
    DISAHKAN = "disahkan", _("Disahkan")
    DIKUNCI = "dikunci", _("Dikunci")


# The period policy, written once (read by the lock, the models, the admin, the pages and the report):
# a frozen year refuses every edit now (only a workflow step changes it); a final year's report is final (no
# "DRAF"; it prints the profile and legal wording kept at approval).
STATUS_BEKU = frozenset({StatusPeriode.DIAJUKAN, StatusPeriode.DISAHKAN, StatusPeriode.DIKUNCI})
STATUS_FINAL = frozenset({StatusPeriode.DISAHKAN, StatusPeriode.DIKUNCI})
