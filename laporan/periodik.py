"""Writes of the periodic reports (`LaporanPeriodik`, docs/siklus.md §3.3): create a version with its data
cut-off, fill its texts, submit, return, issue. Each takes the year's period lock (a frozen year refuses) and
refuses a report that is no longer a draft; a refusal changes nothing.

Issuing keeps the print HTML of the report as built then (`html_terbit`) with its SHA-256: the issued version
is frozen — its outputs are made from that HTML, whatever changes in the data afterwards."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from indikator import formulas as f
from indikator.models import Indikator, UnitKerja
from indikator.periode import kunci_periode_untuk_tulis
from indikator.token_ubah import pastikan_token

from .bab.bantu import tanggal as format_tanggal
from .bab.periodik import syarat_pengajuan
from .bundel import ambil_bundel_periodik
from .models import IsianPeriodik, LaporanPeriodik, NarasiLaporan, PenjelasanAnggaranPeriodik
from .narasi import simpan_narasi
from .pdf import html_periodik, render_html_cetak
from .susun import susun_laporan_periodik

KOLOM_KEPALA = (
    "data_cutoff",
    "tanggal",
    "penandatangan_nama",
    "penandatangan_nip",
    "penandatangan_jabatan",
    "penandatangan_plt",
    "catatan_pimpinan",
)


def periksa_cutoff(tahun: int, periode: str, data_cutoff: date) -> None:
    """A period that ends after the data cut-off cannot be reported (its data is not complete yet)."""
    akhir = f.akhir_periode(tahun=tahun, periode=periode)
    if data_cutoff < akhir:
        raise ValidationError(
            _("Periode %(p)s %(t)s berakhir %(akhir)s, sesudah batas data %(batas)s: laporan ditolak.")
            % {
                "p": LaporanPeriodik.Periode(periode).label,
                "t": tahun,
                "akhir": format_tanggal(akhir),
                "batas": format_tanggal(data_cutoff),
            },
            code="cutoff",
        )


@transaction.atomic
def buat_laporan_periodik(unit: UnitKerja, tahun: int, periode: str, data_cutoff: date) -> LaporanPeriodik:
    """A new version of the period's report (draft). Refused while a draft or submitted version exists (it is
    continued, not doubled) and when the period ends after the cut-off."""
    if periode not in LaporanPeriodik.Periode.values:
        raise ValidationError(_("Periode tidak dikenal."), code="periode")
    periksa_cutoff(tahun, periode, data_cutoff)
    kunci_periode_untuk_tulis(unit, tahun)
    ada = LaporanPeriodik.objects.filter(unit=unit, tahun=tahun, periode=periode)
    if ada.exclude(status=LaporanPeriodik.Status.TERBIT).exists():
        raise ValidationError(_("Masih ada versi laporan periode ini yang belum terbit."), code="ganda")
    versi = (ada.aggregate(m=Max("versi"))["m"] or 0) + 1
    return LaporanPeriodik.objects.create(unit=unit, tahun=tahun, periode=periode, versi=versi, data_cutoff=data_cutoff)


def _kunci(lp: LaporanPeriodik) -> LaporanPeriodik:
    kunci_periode_untuk_tulis(lp.unit, lp.tahun)
    lp = LaporanPeriodik.objects.select_for_update().get(pk=lp.pk)
    if not lp.dapat_diubah:
        raise ValidationError(
            _("Laporan periodik berstatus %(s)s tidak dapat diubah.") % {"s": lp.get_status_display()}, code="beku"
        )
    return lp


def riwayat_laporan(lp: LaporanPeriodik):
    return LaporanPeriodik.history.filter(id=lp.pk)


def riwayat_isian(lp: LaporanPeriodik, indikator_id: int):
    return IsianPeriodik.history.filter(laporan_id=lp.pk, indikator_id=indikator_id)


def riwayat_penjelasan(lp: LaporanPeriodik, mata_anggaran_id: int):
    return PenjelasanAnggaranPeriodik.history.filter(laporan_id=lp.pk, mata_anggaran_id=mata_anggaran_id)


@transaction.atomic
def simpan_kepala(lp: LaporanPeriodik, versi: str | None = None, **data) -> LaporanPeriodik:
    """The report's own fields (cut-off, date, signatory, the head's note). `versi`: the report's version when
    the form was loaded (a stale save is refused)."""
    lp = _kunci(lp)
    pastikan_token(riwayat_laporan(lp), versi)
    for k, v in data.items():
        if k not in KOLOM_KEPALA:
            raise ValueError(k)
        setattr(lp, k, v)
    periksa_cutoff(lp.tahun, lp.periode, lp.data_cutoff)
    lp.full_clean()
    lp.save()
    return lp


@transaction.atomic
def simpan_isian(
    lp: LaporanPeriodik,
    indikator: Indikator,
    *,
    pembilang: Decimal | None = None,
    penyebut: Decimal | None = None,
    kendala: str = "",
    upaya: str = "",
    rencana_tindak_lanjut: str = "",
    versi: str | None = None,
) -> IsianPeriodik:
    lp = _kunci(lp)
    pastikan_token(riwayat_isian(lp, indikator.pk), versi)
    if not Indikator.objects.milik(lp.unit).filter(pk=indikator.pk).exists():
        raise ValidationError(_("Indikator bukan milik unit ini."), code="unit")
    if penyebut is not None and penyebut == 0:
        raise ValidationError(_("Penyebut tidak boleh 0."), code="penyebut")
    isian, _baru = IsianPeriodik.objects.get_or_create(laporan=lp, indikator=indikator)
    isian.pembilang, isian.penyebut = pembilang, penyebut
    isian.kendala, isian.upaya, isian.rencana_tindak_lanjut = kendala, upaya, rencana_tindak_lanjut
    isian.dikembalikan = False
    isian.full_clean()
    isian.save()
    return isian


@transaction.atomic
def simpan_penjelasan(
    lp: LaporanPeriodik, mata_anggaran, penyebab: str, versi: str | None = None
) -> PenjelasanAnggaranPeriodik:
    lp = _kunci(lp)
    pastikan_token(riwayat_penjelasan(lp, mata_anggaran.pk), versi)
    if (mata_anggaran.unit_id, mata_anggaran.tahun) != (lp.unit_id, lp.tahun):
        raise ValidationError(_("Mata anggaran bukan milik unit dan tahun laporan ini."), code="unit")
    p, _baru = PenjelasanAnggaranPeriodik.objects.get_or_create(laporan=lp, mata_anggaran=mata_anggaran)
    p.penyebab = penyebab
    p.full_clean()
    p.save()
    return p


@transaction.atomic
def ajukan(lp: LaporanPeriodik) -> LaporanPeriodik:
    """Submit: refused while a budget gap under −10 points has no cause, a Rencana Aksi decreases, an RPD does
    not sum to its pagu, or a monthly report has no head's note (every reason in one message)."""
    lp = _kunci(lp)
    pesan = syarat_pengajuan(ambil_bundel_periodik(lp))
    if pesan:
        raise ValidationError(pesan, code="syarat")
    lp.status, lp.diajukan_pada = LaporanPeriodik.Status.DIAJUKAN, timezone.now()
    lp.save()
    return lp


@transaction.atomic
def kembalikan(lp: LaporanPeriodik, catatan: str, indikator_ids=()) -> LaporanPeriodik:
    """Return a submitted report to draft with the head's note (required); the indikator named are marked
    "dikembalikan" (listed as perlu perhatian until the planner saves them again)."""
    kunci_periode_untuk_tulis(lp.unit, lp.tahun)
    lp = LaporanPeriodik.objects.select_for_update().get(pk=lp.pk)
    if lp.status != LaporanPeriodik.Status.DIAJUKAN:
        raise ValidationError(_("Hanya laporan yang diajukan yang dapat dikembalikan."), code="status")
    if not catatan.strip():
        raise ValidationError(_("Tuliskan alasan pengembalian."), code="catatan")
    lp.status, lp.catatan_pengembalian = LaporanPeriodik.Status.DRAF, catatan
    lp.full_clean()
    lp.save()
    ids = list(Indikator.objects.milik(lp.unit).filter(pk__in=list(indikator_ids)).values_list("pk", flat=True))
    for i in ids:
        isian, _baru = IsianPeriodik.objects.get_or_create(laporan=lp, indikator_id=i)
        isian.dikembalikan = True
        isian.save()
    return lp


@transaction.atomic
def terbitkan(lp: LaporanPeriodik, pengguna=None) -> LaporanPeriodik:
    """Issue a submitted report: its print HTML as built now is kept with its SHA-256 (frozen)."""
    kunci_periode_untuk_tulis(lp.unit, lp.tahun)
    lp = LaporanPeriodik.objects.select_for_update().get(pk=lp.pk)
    if lp.status != LaporanPeriodik.Status.DIAJUKAN:
        raise ValidationError(_("Hanya laporan yang diajukan yang dapat diterbitkan."), code="status")
    lp.status, lp.diterbitkan_pada, lp.diterbitkan_oleh = LaporanPeriodik.Status.TERBIT, timezone.now(), pengguna
    if lp.tanggal is None:
        lp.tanggal = timezone.localdate()
    html = render_html_cetak(susun_laporan_periodik(lp))
    lp.html_terbit, lp.sha256 = html, hashlib.sha256(html.encode("utf-8")).hexdigest()
    lp.save()
    return lp


# TW IV's texts per indikator → the LKj's sections per sasaran (BAB III) they seed when still empty.
BENIH_LKJ = (("kendala", "faktor_penghambat"), ("upaya", "upaya"), ("rencana_tindak_lanjut", "rencana_tindak_lanjut"))


@transaction.atomic
def salin_ke_lkj(lp: LaporanPeriodik) -> int:
    """TW IV is the year: its kendala, upaya and rencana tindak lanjut seed the annual report's sections of each
    sasaran (faktor penghambat, upaya, rencana tindak lanjut) that are still empty; a written section is never
    overwritten. Returns the number of sections written; refused for a period before the year's end."""
    if f.bulan_akhir_periode(periode=lp.periode) != 12:
        raise ValidationError(_("Hanya laporan akhir tahun (Triwulan IV) yang dapat menjadi bahan BAB III."))
    kunci_periode_untuk_tulis(lp.unit, lp.tahun)
    isian = (
        IsianPeriodik.objects.filter(laporan=lp)
        .select_related("indikator__sasaran")
        .order_by("indikator__sasaran__urutan", "indikator__urutan", "indikator__kode", "id")
    )
    per_sasaran: dict = {}
    for i in isian:
        per_sasaran.setdefault(i.indikator.sasaran, []).append(i)
    ada = {
        (n.sasaran_id, n.bagian)
        for n in NarasiLaporan.objects.filter(unit=lp.unit, tahun=lp.tahun, sasaran__in=list(per_sasaran))
        if n.isi.strip()
    }
    n = 0
    for sasaran, daftar in per_sasaran.items():
        for medan, bagian in BENIH_LKJ:
            teks = "\n\n".join(
                f"**{i.indikator.kode}**: {getattr(i, medan).strip()}" for i in daftar if getattr(i, medan).strip()
            )
            if teks and (sasaran.pk, bagian) not in ada:
                simpan_narasi(unit=lp.unit, tahun=lp.tahun, bagian=bagian, sasaran=sasaran, judul="", isi=teks)
                n += 1
    return n


def html_cetak(lp: LaporanPeriodik) -> str:
    """The print HTML of a report: the frozen one of an issued version (checked against its hash), else built."""
    return html_periodik(lp)
