"""Choices of the AKIP evaluation (LKE): template status, sub-component kinds, scoring methods, layers, kinds of
evaluation and of evidence documents."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StatusTemplate(models.TextChoices):
    DRAF = "draf", _("draf")
    AKTIF = "aktif", _("aktif")
    ARSIP = "arsip", _("arsip")


class JenisSub(models.TextChoices):
    PEMENUHAN = "pemenuhan", _("Pemenuhan")
    KUALITAS = "kualitas", _("Kualitas")
    PEMANFAATAN = "pemanfaatan", _("Pemanfaatan")
    CAPAIAN = "capaian", _("Capaian")


class Metode(models.TextChoices):
    """How a sub-component's score comes from its criteria."""

    RATA_RATA = "rata_rata", _("bobot × rata-rata kriteria terjawab")
    AKUMULASI = "akumulasi", _("jumlah nilai × bobot kriteria")


class NilaiPer(models.TextChoices):
    KRITERIA = "kriteria", _("per kriteria")
    BUKTI = "bukti", _("rata-rata Y/T tiap bukti wajib")


class TipeKerangka(models.TextChoices):
    MAKS_KRITERIA = "maks_kriteria", _("tidak boleh melebihi nilai kriteria pembanding")
    MAKS_RATA_SUB = "maks_rata_sub", _("tidak boleh melebihi rata-rata subkomponen pembanding")


class JenisEvaluasi(models.TextChoices):
    MANDIRI = "mandiri", _("Penilaian mandiri")
    APIP = "apip", _("Evaluasi APIP (Inspektorat)")
    EKSTERNAL = "eksternal", _("Evaluasi eksternal (KemenPANRB)")


class Lapisan(models.TextChoices):
    """The value layers of an answer, in order."""

    MANDIRI = "mandiri", _("Penilaian mandiri")
    ANGGOTA = "anggota", _("Anggota tim")
    KETUA = "ketua", _("Ketua tim")
    FINAL = "final", _("Nilai akhir")


URUTAN_LAPISAN = (Lapisan.MANDIRI, Lapisan.ANGGOTA, Lapisan.KETUA, Lapisan.FINAL)


class StatusEvaluasi(models.TextChoices):
    """The stage an evaluation is in: the layer open for answers, then issued (locked)."""

    MANDIRI = "mandiri", _("penilaian mandiri")
    ANGGOTA = "anggota", _("penilaian anggota tim")
    KETUA = "ketua", _("reviu ketua tim")
    FINAL = "final", _("penetapan nilai akhir")
    TERBIT = "terbit", _("LHE terbit (terkunci)")


class PeranTim(models.TextChoices):
    ANGGOTA = "anggota", _("anggota tim")
    KETUA = "ketua", _("ketua tim")


class JenisDokumen(models.TextChoices):
    """Kinds of evidence document; those the app issues itself resolve to its own files (`alur.bukti_lke`)."""

    RENSTRA = "renstra", _("Renstra")
    RENJA = "renja", _("Renja / rencana kerja")
    IKU = "iku", _("Keputusan penetapan IKU")
    MANUAL_IKU = "manual_iku", _("Manual IKU (definisi operasional)")
    PK = "pk", _("Perjanjian Kinerja")
    RENCANA_AKSI = "rencana_aksi", _("Rencana aksi")
    POHON_KINERJA = "pohon_kinerja", _("Pohon kinerja / cascading")
    CROSSCUTTING = "crosscutting", _("Crosscutting")
    ANGGARAN = "anggaran", _("Dokumen anggaran (DIPA/DPA, KAK, RAB)")
    REALISASI_TW = "realisasi_tw", _("Realisasi / laporan kinerja triwulan")
    LKJ = "lkj", _("Laporan Kinerja (LKj)")
    REVIU_LKJ = "reviu_lkj", _("Pernyataan telah direviu / LHR")
    LHE = "lhe", _("LHE AKIP")
    TL_MATRIKS = "tl_matriks", _("Matriks tindak lanjut")
    NILAI_AKIP = "nilai_akip", _("Nilai AKIP")
    SKP = "skp", _("SKP pegawai")
    SOP = "sop", _("SOP / pedoman teknis")
    DIALOG_KINERJA = "dialog_kinerja", _("Dialog kinerja / notulen")
    PUBLIKASI = "publikasi", _("Bukti publikasi (tangkapan layar)")
    APLIKASI = "aplikasi", _("Tangkapan layar aplikasi")
    LAINNYA = "lainnya", _("Dokumen lain")


class JenisBukti(models.TextChoices):
    """Where an attached evidence item points."""

    DOKUMEN = "dokumen", _("dokumen aplikasi")
    UNGGAHAN = "unggahan", _("berkas unggahan")
    TAUTAN = "tautan", _("tautan")
