"""Vocabularies of the recommendations register (`../shared/docs/siklus.md` §4): sources, priorities, the BPK
status vocabulary, verification outcomes, plan approval, evidence kinds and the documents of the app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisSumber(models.TextChoices):
    LHE_INTERNAL = "lhe_internal", _("LHE AKIP internal (APIP)")
    LHE_KEMENPAN = "lhe_kemenpan", _("LHE AKIP KemenPANRB")
    LHR_REVIU = "lhr_reviu", _("LHR reviu Laporan Kinerja")
    LHP_BPK = "lhp_bpk", _("LHP BPK")
    LHP_APIP = "lhp_apip", _("LHP audit APIP")
    RAPAT_PIMPINAN = "rapat_pimpinan", _("Rapat pimpinan")


# Sources whose recommendations the next AKIP evaluation checks ("tindak lanjut hasil evaluasi tahun lalu").
SUMBER_EVALUASI = (JenisSumber.LHE_INTERNAL, JenisSumber.LHE_KEMENPAN)


class Prioritas(models.TextChoices):
    TINGGI = "tinggi", _("Tinggi")
    SEDANG = "sedang", _("Sedang")
    RENDAH = "rendah", _("Rendah")


class StatusRekomendasi(models.TextChoices):
    """The BPK vocabulary (BT / P / BS / S / TD); S and TD are final."""

    BELUM = "bt", _("Belum ditindaklanjuti")
    PROSES = "p", _("Dalam proses")
    BELUM_SESUAI = "bs", _("Belum sesuai")
    SESUAI = "s", _("Sesuai")
    TIDAK_DAPAT = "td", _("Tidak dapat ditindaklanjuti")


STATUS_FINAL = frozenset({StatusRekomendasi.SESUAI, StatusRekomendasi.TIDAK_DAPAT})


class HasilVerifikasi(models.TextChoices):
    SESUAI = "s", _("Sesuai")
    BELUM_SESUAI = "bs", _("Belum sesuai")
    TIDAK_DAPAT = "td", _("Tidak dapat ditindaklanjuti")


class Peristiwa(models.TextChoices):
    """What moves a recommendation's status (the state machine's inputs)."""

    RENCANA = "rencana", _("rencana aksi diajukan")
    TINDAK_LANJUT = "tindak_lanjut", _("tindak lanjut dilaporkan")
    VERIFIKASI_SESUAI = "v_s", _("diverifikasi sesuai")
    VERIFIKASI_BELUM_SESUAI = "v_bs", _("diverifikasi belum sesuai")
    VERIFIKASI_TIDAK_DAPAT = "v_td", _("dinyatakan tidak dapat ditindaklanjuti")


class StatusRencana(models.TextChoices):
    DRAF = "draf", _("Menunggu persetujuan APIP")
    DISETUJUI = "disetujui", _("Disetujui APIP")
    DITOLAK = "ditolak", _("Ditolak APIP")


class JenisBukti(models.TextChoices):
    DOKUMEN = "dokumen", _("Dokumen aplikasi")
    BERKAS = "berkas", _("Berkas unggahan")
    TAUTAN = "tautan", _("Tautan")


class JenisDokumen(models.TextChoices):
    """Documents the app issues (a recommendation's subject, a follow-up's evidence)."""

    LAPORAN = "laporan", _("Laporan Kinerja")
    PK = "pk", _("Perjanjian Kinerja")
    IKU = "iku", _("Keputusan Penetapan IKU")
    RENSTRA = "renstra", _("Rencana Strategis")
    RENCANA_AKSI = "rencana_aksi", _("Rencana Aksi")
    POHON = "pohon", _("Pohon kinerja")


class SyaratSelesai(models.TextChoices):
    """Automatic closure conditions (evaluated above the report: `alur.tindak_lanjut`); the APIP still confirms."""

    IKU_TERBIT = "iku_terbit", _("Keputusan IKU tahun rekomendasi ditetapkan di aplikasi")
    PK_TERBIT = "pk_terbit", _("Perjanjian Kinerja tahun rekomendasi ada di aplikasi")
    REALISASI_EMPAT_TW = "realisasi_4tw", _("Realisasi keempat triwulan tahun rekomendasi terisi")
    LKJ_DISAHKAN = "lkj_disahkan", _("Laporan Kinerja tahun rekomendasi disahkan")


class KelompokUmur(models.TextChoices):
    """Ageing of an overdue recommendation: days past its deadline."""

    SAMPAI_30 = "0-30", _("0–30 hari")
    SAMPAI_90 = "31-90", _("31–90 hari")
    LEBIH_90 = ">90", _("> 90 hari")


class StatusReviu(models.TextChoices):
    DRAF = "draf", _("Sedang direviu")
    SELESAI = "selesai", _("Selesai")


class HasilReviu(models.TextChoices):
    LAYAK = "layak", _("Layak")
    LAYAK_CATATAN = "layak_catatan", _("Layak dengan catatan")
    PERLU_PERBAIKAN = "perlu_perbaikan", _("Perlu perbaikan")


class ButirPeriksa(models.TextChoices):
    """The LKj review checklist: the elements of PermenPANRB 53/2014 and the LKE's report-quality points."""

    SISTEMATIKA = "sistematika", _("Sistematika sesuai PermenPANRB 53/2014 (ringkasan eksekutif, Bab I–IV, lampiran)")
    PK = "pk", _("Memuat Perjanjian Kinerja tahun berjalan")
    BANDING_TARGET = "banding_target", _("Membandingkan realisasi dengan target tahun ini")
    BANDING_TAHUN_LALU = "banding_tahun_lalu", _("Membandingkan realisasi dengan tahun lalu")
    BANDING_RENSTRA = "banding_renstra", _("Membandingkan realisasi dengan target jangka menengah (Renstra)")
    BANDING_STANDAR = "banding_standar", _("Membandingkan dengan standar nasional / pembanding (benchmark)")
    ANALISIS_PENYEBAB = "analisis_penyebab", _("Menganalisis penyebab keberhasilan atau kegagalan")
    EFISIENSI = "efisiensi", _("Menganalisis efisiensi penggunaan sumber daya")
    ANGGARAN = "anggaran", _("Menyajikan realisasi anggaran")
    TINDAK_LANJUT = "tindak_lanjut", _("Menyajikan tindak lanjut rekomendasi evaluasi")
    DATA_ANDAL = "data_andal", _("Data kinerja andal dan didukung bukti")


class BabReviu(models.TextChoices):
    UMUM = "umum", _("Umum")
    RINGKASAN = "ringkasan", _("Ringkasan eksekutif")
    BAB1 = "bab1", _("Bab I Pendahuluan")
    BAB2 = "bab2", _("Bab II Perencanaan Kinerja")
    BAB3 = "bab3", _("Bab III Akuntabilitas Kinerja")
    BAB4 = "bab4", _("Bab IV Penutup")
    LAMPIRAN = "lampiran", _("Lampiran")
