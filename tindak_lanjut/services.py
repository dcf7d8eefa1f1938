"""Writes of the register. Each runs in one transaction, checks the role (tindak_lanjut.akses), takes the period
lock of the year it writes (`kunci_periode_untuk_tulis`: a frozen year is refused, nothing changes) and moves the
status only through the state machine (tindak_lanjut.formulas.status_berikut).

The year written: issuing or editing a recommendation writes its `tahun` (the report that prints it); a plan, a
follow-up and their decisions write the year of the entry's own date (a follow-up made next year goes to next
year's report, and does not reopen an approved year)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluasi.enums import JenisEvaluasi
from indikator.periode import kunci_periode_untuk_tulis
from indikator.services import periksa_berkas_bukti

from . import akses
from .enums import HasilVerifikasi, JenisBukti, JenisSumber, Peristiwa, StatusRekomendasi, StatusRencana
from .formulas import (
    PERISTIWA_VERIFIKASI,
    periksa_progres,
    periksa_verifikasi,
    status_berikut,
    status_final,
)
from .models import BuktiTindakLanjut, Rekomendasi, RencanaAksiTL, SumberRekomendasi, TindakLanjut

KOLOM_REKOMENDASI = (
    "nomor_urut",
    "kondisi",
    "sebab",
    "akibat",
    "uraian",
    "prioritas",
    "unit_pj",
    "jabatan_pj",
    "tahun",
    "batas_waktu",
    "indikator",
    "kode_kriteria",
    "node",
    "jenis_dokumen",
    "syarat_selesai",
)


@dataclass
class IsianBukti:
    """One piece of evidence a follow-up carries (JenisBukti: dokumen / berkas / tautan)."""

    jenis: str
    dokumen: str = ""
    dokumen_tahun: int | None = None
    dokumen_versi: int | None = None
    halaman: int | None = None
    berkas: UploadedFile | None = None
    url: str = ""
    keterangan: str = ""


def _penuh(obj, exclude: Iterable[str] = ()) -> None:
    obj.full_clean(exclude=list(exclude), validate_constraints=False)


def _periksa_tautan(rek: Rekomendasi) -> None:
    galat = {}
    if rek.jabatan_pj_id and rek.jabatan_pj.unit_id != rek.unit_pj_id:
        galat["jabatan_pj"] = _("Jabatan penanggung jawab bukan jabatan unit penanggung jawab.")
    if rek.indikator_id and rek.indikator.unit_id != rek.unit_pj_id:
        galat["indikator"] = _("Indikator terkait bukan milik unit penanggung jawab.")
    if rek.node_id and rek.node.unit_id != rek.unit_pj_id:
        galat["node"] = _("Simpul pohon kinerja terkait bukan milik unit penanggung jawab.")
    if galat:
        raise ValidationError(galat)


@transaction.atomic
def simpan_sumber(*, oleh, sumber: SumberRekomendasi) -> SumberRekomendasi:
    """Record (or correct) a source of recommendations for the unit it examined (APIP). A source is not a year's
    data (no period lock); its recommendations are."""
    akses.pastikan_apip(oleh, sumber.unit)
    if sumber.berkas and not getattr(sumber.berkas, "_committed", True):
        periksa_berkas_bukti(sumber.berkas)
    if sumber.pk is None:
        sumber.dibuat_oleh = oleh
    _penuh(sumber, exclude=["dibuat_oleh"])
    if SumberRekomendasi.objects.filter(unit=sumber.unit, jenis=sumber.jenis, nomor=sumber.nomor).exclude(pk=sumber.pk):
        raise ValidationError({"nomor": _("Sumber dengan jenis dan nomor ini sudah ada untuk unit ini.")})
    sumber.save()
    return sumber


@transaction.atomic
def sumber_dari_lhe(*, oleh, ev, lhe) -> SumberRekomendasi | None:
    """The source of an LHE issued in the app (number, date, issuer, year examined = the evaluation's year, linked
    to the evaluation), so the evaluator adds its recommendations from the evaluation's page. An APIP evaluation
    gives an "LHE internal", an external one an "LHE KemenPANRB"; a self-assessment none. A source already
    recorded by hand with the same number is linked instead of duplicated. Only for the unit's APIP."""
    jenis = {JenisEvaluasi.APIP: JenisSumber.LHE_INTERNAL, JenisEvaluasi.EKSTERNAL: JenisSumber.LHE_KEMENPAN}.get(
        ev.jenis
    )
    if jenis is None:
        return None
    akses.pastikan_apip(oleh, ev.unit)
    ada = SumberRekomendasi.objects.select_for_update().filter(evaluasi=ev).first() or (
        SumberRekomendasi.objects.select_for_update()
        .filter(unit=ev.unit, jenis=jenis, nomor=lhe.nomor, evaluasi__isnull=True)
        .first()
    )
    if ada is not None:
        ada.evaluasi = ev
        ada.save(update_fields=["evaluasi"])
        return ada
    penerbit = lhe.penandatangan_jabatan or ""
    return simpan_sumber(
        oleh=oleh,
        sumber=SumberRekomendasi(
            unit=ev.unit,
            jenis=jenis,
            nomor=lhe.nomor,
            tanggal=lhe.tanggal,
            penerbit=penerbit[:200],
            tahun_objek=ev.tahun,
            evaluasi=ev,
        ),
    )


def batas_bawaan(sumber: SumberRekomendasi) -> datetime.date:
    return sumber.tanggal + datetime.timedelta(days=sumber.batas_hari)


@transaction.atomic
def terbitkan_rekomendasi(*, oleh, rekomendasi: Rekomendasi) -> Rekomendasi:
    """Issue a recommendation of a source (APIP): status Belum ditindaklanjuti; the deadline defaults to the
    source's date + its default days, the year to the source's year."""
    rek = rekomendasi
    if rek.pk is not None:
        raise ValueError("terbitkan_rekomendasi issues a new recommendation")
    if not rek.unit_pj_id:
        rek.unit_pj = rek.sumber.unit
    akses.pastikan_apip(oleh, rek.unit_pj)
    if rek.tahun is None:
        rek.tahun = rek.sumber.tanggal.year
    if rek.batas_waktu is None:
        rek.batas_waktu = batas_bawaan(rek.sumber)
    if not rek.nomor_urut or rek.nomor_urut == 1:
        rek.nomor_urut = rek.sumber.rekomendasi.count() + 1
    rek.status = StatusRekomendasi.BELUM
    rek.dibuat_oleh = oleh
    _penuh(rek, exclude=["dibuat_oleh"])
    _periksa_tautan(rek)
    kunci_periode_untuk_tulis(rek.unit_pj, rek.tahun)
    rek.save()
    return rek


@transaction.atomic
def ubah_rekomendasi(*, oleh, rekomendasi: Rekomendasi) -> Rekomendasi:
    """Correct a recommendation (APIP); a final one (Sesuai, Tidak dapat ditindaklanjuti) is refused."""
    rek = rekomendasi
    lama = Rekomendasi.objects.select_for_update().select_related("unit_pj").get(pk=rek.pk)
    akses.pastikan_apip(oleh, lama.unit_pj)
    akses.pastikan_apip(oleh, rek.unit_pj)
    if status_final(lama.status):
        raise ValidationError(_("Rekomendasi yang sudah final tidak dapat diubah."), code="final")
    rek.status = lama.status
    _penuh(rek, exclude=["dibuat_oleh"])
    _periksa_tautan(rek)
    for unit, tahun in sorted({(lama.unit_pj, lama.tahun), (rek.unit_pj, rek.tahun)}, key=lambda x: (x[0].pk, x[1])):
        kunci_periode_untuk_tulis(unit, tahun)
    rek.save()
    return rek


def _kunci_rekomendasi(rekomendasi: Rekomendasi) -> Rekomendasi:
    """The recommendation re-read under a row lock (two writes of one recommendation run one after the other)."""
    return Rekomendasi.objects.select_for_update().select_related("unit_pj").get(pk=rekomendasi.pk)


@transaction.atomic
def ajukan_rencana(*, oleh, rencana: RencanaAksiTL) -> RencanaAksiTL:
    """The unit proposes a follow-up action (awaits the APIP's approval); Belum ditindaklanjuti → Dalam proses."""
    rek = _kunci_rekomendasi(rencana.rekomendasi)
    akses.pastikan_unit(oleh, rek.unit_pj)
    if rencana.pk is not None:
        raise ValueError("ajukan_rencana proposes a new plan")
    status = status_berikut(rek.status, Peristiwa.RENCANA)
    rencana.rekomendasi = rek
    rencana.status = StatusRencana.DRAF
    rencana.diajukan_oleh = oleh
    _penuh(rencana, exclude=["diajukan_oleh", "diputus_oleh"])
    if rencana.target_tanggal < rencana.tanggal_mulai:
        raise ValidationError({"target_tanggal": _("Target selesai tidak boleh sebelum tanggal mulai.")})
    kunci_periode_untuk_tulis(rek.unit_pj, rencana.tanggal_mulai.year)
    rencana.save()
    if status != rek.status:
        rek.status = status
        rek.save(update_fields=["status"])
    return rencana


@transaction.atomic
def putuskan_rencana(*, oleh, rencana: RencanaAksiTL, setuju: bool, catatan: str = "") -> RencanaAksiTL:
    """The APIP approves or refuses a proposed plan (a refusal needs a note)."""
    rencana = RencanaAksiTL.objects.select_for_update().get(pk=rencana.pk)
    rek = _kunci_rekomendasi(rencana.rekomendasi)
    akses.pastikan_apip(oleh, rek.unit_pj)
    if status_final(rek.status):
        raise ValidationError(_("Rekomendasi yang sudah final tidak dapat diubah."), code="final")
    if rencana.status != StatusRencana.DRAF:
        raise ValidationError(_("Rencana aksi ini sudah diputus."), code="sudah_diputus")
    if not setuju and not (catatan or "").strip():
        raise ValidationError({"catatan": _("Catatan wajib diisi bila rencana aksi ditolak.")}, code="catatan_wajib")
    kunci_periode_untuk_tulis(rek.unit_pj, rencana.tanggal_mulai.year)
    rencana.status = StatusRencana.DISETUJUI if setuju else StatusRencana.DITOLAK
    rencana.catatan_apip = (catatan or "").strip()
    rencana.diputus_oleh = oleh
    rencana.diputus_pada = timezone.now()
    _penuh(rencana, exclude=["diajukan_oleh", "diputus_oleh"])
    rencana.save()
    return rencana


def _periksa_bukti(b: IsianBukti) -> None:
    if b.jenis == JenisBukti.DOKUMEN and not (b.dokumen and b.dokumen_tahun):
        raise ValidationError({"bukti": _("Bukti dokumen aplikasi perlu jenis dokumen dan tahunnya.")})
    if b.jenis == JenisBukti.BERKAS and not b.berkas:
        raise ValidationError({"bukti": _("Bukti berkas perlu berkas yang diunggah.")})
    if b.jenis == JenisBukti.BERKAS:
        periksa_berkas_bukti(b.berkas)
    if b.jenis == JenisBukti.TAUTAN and not b.url:
        raise ValidationError({"bukti": _("Bukti tautan perlu alamat tautan.")})


@transaction.atomic
def laporkan_tindak_lanjut(
    *, oleh, tindak_lanjut: TindakLanjut, bukti: Iterable[IsianBukti] = (), hari_ini: datetime.date | None = None
) -> TindakLanjut:
    """The unit reports a follow-up with its evidence; the recommendation goes to Dalam proses (from Belum
    ditindaklanjuti or Belum sesuai). A final recommendation is refused."""
    tl = tindak_lanjut
    if tl.pk is not None:
        raise ValueError("laporkan_tindak_lanjut reports a new follow-up")
    rek = _kunci_rekomendasi(tl.rekomendasi)
    akses.pastikan_unit(oleh, rek.unit_pj)
    status = status_berikut(rek.status, Peristiwa.TINDAK_LANJUT)
    hari_ini = hari_ini or timezone.localdate()
    if tl.tanggal and tl.tanggal > hari_ini:
        raise ValidationError({"tanggal": _("Tanggal tindak lanjut tidak boleh di masa depan.")})
    if tl.rencana_id and tl.rencana.rekomendasi_id != rek.pk:
        raise ValidationError({"rencana": _("Rencana aksi bukan milik rekomendasi ini.")})
    periksa_progres(tl.progres)
    tl.rekomendasi = rek
    tl.diajukan_oleh = oleh
    tl.verifikasi = ""
    _penuh(tl, exclude=["diajukan_oleh", "verifikator"])
    daftar = list(bukti)
    for b in daftar:
        _periksa_bukti(b)
    kunci_periode_untuk_tulis(rek.unit_pj, tl.tanggal.year)
    tl.save()
    for b in daftar:
        obj = BuktiTindakLanjut(
            tindak_lanjut=tl,
            jenis=b.jenis,
            dokumen=b.dokumen if b.jenis == JenisBukti.DOKUMEN else "",
            dokumen_tahun=b.dokumen_tahun if b.jenis == JenisBukti.DOKUMEN else None,
            dokumen_versi=b.dokumen_versi if b.jenis == JenisBukti.DOKUMEN else None,
            halaman=b.halaman,
            url=b.url if b.jenis == JenisBukti.TAUTAN else "",
            keterangan=b.keterangan,
        )
        if b.jenis == JenisBukti.BERKAS:
            obj.berkas = b.berkas
        _penuh(obj)
        obj.save()
    if status != rek.status:
        rek.status = status
        rek.save(update_fields=["status"])
    return tl


@transaction.atomic
def verifikasi_tindak_lanjut(*, oleh, tindak_lanjut: TindakLanjut, hasil: str, catatan: str = "") -> TindakLanjut:
    """The APIP verifies a reported follow-up: Sesuai (final), Belum sesuai (the unit follows up again) or Tidak
    dapat ditindaklanjuti (final); a note is required unless Sesuai. A verified follow-up is not verified again."""
    tl = TindakLanjut.objects.select_for_update().get(pk=tindak_lanjut.pk)
    rek = _kunci_rekomendasi(tl.rekomendasi)
    akses.pastikan_apip(oleh, rek.unit_pj)
    if tl.verifikasi:
        raise ValidationError(_("Tindak lanjut ini sudah diverifikasi."), code="sudah_diverifikasi")
    periksa_verifikasi(hasil, catatan)
    status = status_berikut(rek.status, PERISTIWA_VERIFIKASI[hasil])
    kunci_periode_untuk_tulis(rek.unit_pj, tl.tanggal.year)
    tl.verifikasi = hasil
    tl.catatan_verifikasi = (catatan or "").strip()
    tl.verifikator = oleh
    tl.diverifikasi_pada = timezone.now()
    _penuh(tl, exclude=["diajukan_oleh", "verifikator", "rencana"])
    tl.save()
    rek.status = status
    rek.save(update_fields=["status"])
    return tl


@transaction.atomic
def nyatakan_tidak_dapat(*, oleh, rekomendasi: Rekomendasi, catatan: str, tanggal: datetime.date) -> TindakLanjut:
    """The APIP declares a recommendation Tidak dapat ditindaklanjuti without a reported follow-up: recorded as
    a verified entry carrying the reason (the timeline shows it)."""
    rek = _kunci_rekomendasi(rekomendasi)
    akses.pastikan_apip(oleh, rek.unit_pj)
    periksa_verifikasi(HasilVerifikasi.TIDAK_DAPAT, catatan)
    status = status_berikut(rek.status, Peristiwa.VERIFIKASI_TIDAK_DAPAT)
    kunci_periode_untuk_tulis(rek.unit_pj, tanggal.year)
    tl = TindakLanjut(
        rekomendasi=rek,
        uraian=_("Dinyatakan tidak dapat ditindaklanjuti oleh APIP."),
        tanggal=tanggal,
        progres=Decimal(0),
        verifikasi=HasilVerifikasi.TIDAK_DAPAT,
        catatan_verifikasi=catatan.strip(),
        verifikator=oleh,
        diverifikasi_pada=timezone.now(),
    )
    tl.save()
    rek.status = status
    rek.save(update_fields=["status"])
    return tl
