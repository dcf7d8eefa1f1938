"""Writes of the APIP's LKj review: open it (with the checks the app could make), answer the checklist, write
notes per chapter, complete it (outcome, LHR, signer). Completing records the LHR as a source of recommendations
and turns the notes marked so into its recommendations (followed up the next year).

The review is the APIP's record, not the unit's year data: it is written while the year is submitted (frozen for
the unit), under the year's row lock (`tahan_periode`), and refused once the year is approved or locked."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from indikator.enums import StatusPeriode
from indikator.models import UnitKerja
from indikator.periode import tahan_periode
from indikator.services import periksa_berkas_bukti

from . import akses, services
from .enums import ButirPeriksa, JenisSumber, StatusReviu
from .models import ButirReviu, CatatanReviu, Rekomendasi, ReviuLaporan, SumberRekomendasi


def _tahan(unit: UnitKerja, tahun: int, *, buka: bool = False) -> None:
    periode = tahan_periode(unit, tahun)
    if periode.final:
        raise ValidationError(
            _("Laporan Kinerja %(unit)s tahun %(tahun)s sudah disahkan: reviu tidak dapat diubah.")
            % {"unit": unit.nama, "tahun": tahun},
            code="final",
        )
    if buka and periode.status != StatusPeriode.DIAJUKAN:
        raise ValidationError(
            _("Reviu dibuka untuk Laporan Kinerja yang sudah diajukan; %(unit)s tahun %(tahun)s belum diajukan.")
            % {"unit": unit.nama, "tahun": tahun},
            code="belum_diajukan",
        )


def _pastikan_draf(reviu: ReviuLaporan) -> None:
    if reviu.status == StatusReviu.SELESAI:
        raise ValidationError(_("Reviu ini sudah selesai dan tidak dapat diubah."), code="selesai")


@transaction.atomic
def buka_reviu(*, oleh, unit: UnitKerja, tahun: int, otomatis: dict[str, tuple[bool, str]]) -> ReviuLaporan:
    """Open (or return) the review of a submitted LKj, its checklist pre-filled with the app's checks (`otomatis`:
    code → (met, reason), computed above the report by `alur.reviu.periksa_otomatis`)."""
    akses.pastikan_apip(oleh, unit)
    _tahan(unit, tahun, buka=True)
    reviu, baru = ReviuLaporan.objects.get_or_create(unit=unit, tahun=tahun, defaults={"pereviu": oleh})
    if baru:
        ButirReviu.objects.bulk_create(
            ButirReviu(
                reviu=reviu,
                kode=k,
                terpenuhi=otomatis[k][0] if k in otomatis else None,
                otomatis=k in otomatis,
                alasan=otomatis[k][1][:300] if k in otomatis else "",
            )
            for k in ButirPeriksa.values
        )
    return reviu


@transaction.atomic
def simpan_butir(*, oleh, reviu: ReviuLaporan, kode: str, terpenuhi: bool | None, catatan: str = "") -> ButirReviu:
    """The reviewer's answer on a checklist point (overrides the app's check)."""
    akses.pastikan_apip(oleh, reviu.unit)
    _tahan(reviu.unit, reviu.tahun)
    reviu = ReviuLaporan.objects.select_for_update().get(pk=reviu.pk)
    _pastikan_draf(reviu)
    butir = ButirReviu.objects.get(reviu=reviu, kode=kode)
    butir.terpenuhi = terpenuhi
    butir.catatan = (catatan or "").strip()
    butir.full_clean()
    butir.save()
    return butir


@transaction.atomic
def tambah_catatan(*, oleh, reviu: ReviuLaporan, bab: str, isi: str, jadi_rekomendasi: bool) -> CatatanReviu:
    akses.pastikan_apip(oleh, reviu.unit)
    _tahan(reviu.unit, reviu.tahun)
    reviu = ReviuLaporan.objects.select_for_update().get(pk=reviu.pk)
    _pastikan_draf(reviu)
    catatan = CatatanReviu(reviu=reviu, bab=bab, isi=(isi or "").strip(), jadi_rekomendasi=jadi_rekomendasi)
    catatan.full_clean(exclude=["rekomendasi"])
    catatan.save()
    return catatan


@transaction.atomic
def selesaikan_reviu(
    *,
    oleh,
    reviu: ReviuLaporan,
    hasil: str,
    nomor_lhr: str,
    tanggal: datetime.date,
    kota: str,
    pereviu_nama: str,
    pereviu_nip: str,
    pereviu_jabatan: str,
    berkas_lhr=None,
) -> ReviuLaporan:
    """Complete the review: every checklist point answered, outcome, LHR number and date, signer. Records the LHR
    as a source and issues its recommendations (the marked notes, for the next year's report)."""
    akses.pastikan_apip(oleh, reviu.unit)
    unit = reviu.unit
    _tahan(unit, reviu.tahun)
    reviu = ReviuLaporan.objects.select_for_update().get(pk=reviu.pk)
    _pastikan_draf(reviu)
    kosong = [b.get_kode_display() for b in reviu.butir.all() if b.terpenuhi is None]
    if kosong:
        raise ValidationError(
            _("Butir reviu belum dijawab: %(daftar)s.") % {"daftar": "; ".join(kosong)}, code="butir_kosong"
        )
    reviu.hasil = hasil
    reviu.nomor_lhr = (nomor_lhr or "").strip()
    reviu.tanggal = tanggal
    reviu.kota = (kota or "").strip()
    reviu.pereviu = oleh
    reviu.pereviu_nama = (pereviu_nama or "").strip()
    reviu.pereviu_nip = (pereviu_nip or "").strip()
    reviu.pereviu_jabatan = (pereviu_jabatan or "").strip()
    galat = {
        k: _("Wajib diisi.")
        for k in ("hasil", "nomor_lhr", "kota", "pereviu_nama", "pereviu_jabatan")
        if not getattr(reviu, k)
    }
    if galat:
        raise ValidationError(galat)
    if berkas_lhr:
        periksa_berkas_bukti(berkas_lhr)
        reviu.berkas_lhr = berkas_lhr
    reviu.full_clean(exclude=["pereviu", "sumber"])
    sumber = services.simpan_sumber(
        oleh=oleh,
        sumber=SumberRekomendasi(
            unit=unit,
            jenis=JenisSumber.LHR_REVIU,
            nomor=reviu.nomor_lhr,
            tanggal=tanggal,
            penerbit=reviu.pereviu_jabatan,
            tahun_objek=reviu.tahun,
        ),
    )
    for c in reviu.catatan.filter(jadi_rekomendasi=True).order_by("bab", "id"):
        c.rekomendasi = services.terbitkan_rekomendasi(
            oleh=oleh,
            rekomendasi=Rekomendasi(
                sumber=sumber, uraian=c.isi, kondisi=c.get_bab_display(), unit_pj=unit, tahun=reviu.tahun + 1
            ),
        )
        c.save(update_fields=["rekomendasi"])
    reviu.sumber = sumber
    reviu.status = StatusReviu.SELESAI
    reviu.selesai_pada = timezone.now()
    reviu.save()
    return reviu
