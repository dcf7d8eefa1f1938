"""Import of an audit's follow-up matrix (BPK, APIP) from XLSX into one source: a dry run shows each row's
result and errors; the import itself is all-or-nothing (one transaction: any row error saves nothing).

Columns are found by their header (any order, case and spacing ignored): Unit (slug or exact name, required),
Kondisi or Temuan, Sebab, Akibat, Rekomendasi (required), Prioritas, Batas waktu (a date cell, YYYY-MM-DD or
DD-MM-YYYY / DD/MM/YYYY), Tindak lanjut, Tanggal tindak lanjut, Status (the BPK vocabulary: Belum
ditindaklanjuti, Dalam proses / Sudah ditindaklanjuti, Belum sesuai, Sesuai, Tidak dapat ditindaklanjuti, or
BT/P/BS/S/TD). A row's status is reached through the state machine: its follow-up text is recorded as a
follow-up entry, verified by the importing APIP when the status is Sesuai, Belum sesuai or Tidak dapat."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from indikator.models import UnitKerja

from . import services
from .enums import HasilVerifikasi, Peristiwa, Prioritas
from .enums import StatusRekomendasi as S
from .formulas import PERISTIWA_VERIFIKASI, status_berikut
from .models import Rekomendasi, SumberRekomendasi, TindakLanjut

MAKS_BARIS = 2000

KOLOM = {
    "unit": ("unit", "unit kerja", "unit penanggung jawab", "penanggung jawab"),
    "kondisi": ("kondisi", "temuan", "uraian temuan"),
    "sebab": ("sebab",),
    "akibat": ("akibat",),
    "uraian": ("rekomendasi", "uraian rekomendasi"),
    "prioritas": ("prioritas",),
    "batas_waktu": ("batas waktu", "batas waktu tindak lanjut", "tenggat"),
    "tindak_lanjut": ("tindak lanjut", "uraian tindak lanjut"),
    "tanggal_tl": ("tanggal tindak lanjut",),
    "status": ("status",),
}
WAJIB = ("unit", "uraian")

STATUS_TEKS = {
    "bt": S.BELUM,
    "belum ditindaklanjuti": S.BELUM,
    "belum ditindak lanjuti": S.BELUM,
    "p": S.PROSES,
    "dalam proses": S.PROSES,
    "proses": S.PROSES,
    "sudah ditindaklanjuti": S.PROSES,
    "bs": S.BELUM_SESUAI,
    "belum sesuai": S.BELUM_SESUAI,
    "s": S.SESUAI,
    "ss": S.SESUAI,
    "sesuai": S.SESUAI,
    "sesuai rekomendasi": S.SESUAI,
    "td": S.TIDAK_DAPAT,
    "tidak dapat ditindaklanjuti": S.TIDAK_DAPAT,
    "tidak dapat ditindak lanjuti": S.TIDAK_DAPAT,
}
VERIFIKASI_STATUS = {
    S.SESUAI: HasilVerifikasi.SESUAI,
    S.BELUM_SESUAI: HasilVerifikasi.BELUM_SESUAI,
    S.TIDAK_DAPAT: HasilVerifikasi.TIDAK_DAPAT,
}


def _norm(teks) -> str:
    return re.sub(r"\s+", " ", str(teks or "")).strip().lower()


def baca_tanggal(nilai) -> datetime.date | None:
    """A date cell or text (YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY); ValueError otherwise."""
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return None
    if isinstance(nilai, datetime.datetime):
        return nilai.date()
    if isinstance(nilai, datetime.date):
        return nilai
    teks = str(nilai).strip()
    for pola in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(teks, pola).date()
        except ValueError:
            continue
    raise ValueError(_("Tanggal “%(teks)s” tidak dikenali: tulis YYYY-MM-DD atau DD-MM-YYYY.") % {"teks": teks})


@dataclass
class BarisImpor:
    nomor: int  # the sheet's row number
    unit: str
    uraian: str
    status: str
    galat: list[str] = field(default_factory=list)


@dataclass
class HasilImpor:
    baris: list[BarisImpor]
    galat_umum: list[str] = field(default_factory=list)
    disimpan: bool = False

    @property
    def ada_galat(self) -> bool:
        return bool(self.galat_umum) or any(b.galat for b in self.baris)


def _baca_lembar(berkas) -> tuple[list[tuple[int, dict]], list[str]]:
    from openpyxl import load_workbook

    try:
        buku = load_workbook(BytesIO(berkas.read()), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any unreadable upload is the same refusal
        return [], [_("Berkas bukan buku kerja Excel (.xlsx) yang dapat dibaca.")]
    lembar = buku.worksheets[0]
    peta: dict[str, int] | None = None
    baris = []
    for nomor, sel in enumerate(lembar.iter_rows(values_only=True), start=1):
        if peta is None:
            kepala = [_norm(x) for x in sel]
            calon = {}
            for kunci, nama in KOLOM.items():
                for i, k in enumerate(kepala):
                    if k in nama and kunci not in calon:
                        calon[kunci] = i
            if all(k in calon for k in WAJIB):
                peta = calon
            continue
        if all(x is None or (isinstance(x, str) and not x.strip()) for x in sel):
            continue
        baris.append((nomor, {k: (sel[i] if i < len(sel) else None) for k, i in peta.items()}))
        if len(baris) > MAKS_BARIS:
            return [], [_("Paling banyak %(n)s baris per impor.") % {"n": MAKS_BARIS}]
    if peta is None:
        return [], [_("Baris judul kolom tidak ditemukan: perlu kolom Unit dan Rekomendasi.")]
    return baris, []


def _unit(teks: str, units: dict[str, UnitKerja]) -> UnitKerja | None:
    return units.get(_norm(teks))


@transaction.atomic
def impor_matriks(*, oleh, sumber: SumberRekomendasi, berkas, simpan: bool) -> HasilImpor:
    """Read the matrix; with `simpan` and no error anywhere, issue every row's recommendation (and its follow-up
    history) under `sumber`. A dry run (`simpan=False`) or any error leaves the database unchanged."""
    data, galat_umum = _baca_lembar(berkas)
    hasil = HasilImpor(baris=[], galat_umum=galat_umum)
    if galat_umum:
        return hasil
    if not data:
        hasil.galat_umum.append(_("Tidak ada baris rekomendasi."))
        return hasil
    units = {}
    nama = {str(d.get("unit") or "").strip() for _n, d in data}
    for u in UnitKerja.objects.filter(Q(slug__in=nama) | Q(nama__in=nama)):
        units[_norm(u.slug)] = u
        units[_norm(u.nama)] = u
    hari_ini = timezone.localdate()
    for nomor, d in data:
        b = BarisImpor(
            nomor=nomor, unit=str(d.get("unit") or "").strip(), uraian=str(d.get("uraian") or "").strip(), status=""
        )
        hasil.baris.append(b)
        unit = _unit(b.unit, units)
        if unit is None:
            b.galat.append(_("Unit “%(u)s” tidak dikenal.") % {"u": b.unit})
        if not b.uraian:
            b.galat.append(_("Rekomendasi kosong."))
        prioritas = _norm(d.get("prioritas")) or Prioritas.SEDANG
        if prioritas not in Prioritas.values:
            b.galat.append(_("Prioritas “%(p)s” tidak dikenal (tinggi, sedang, rendah).") % {"p": d.get("prioritas")})
        try:
            batas = baca_tanggal(d.get("batas_waktu"))
            tanggal_tl = baca_tanggal(d.get("tanggal_tl"))
        except ValueError as e:
            b.galat.append(str(e))
            batas = tanggal_tl = None
        status = S.BELUM
        if d.get("status") not in (None, ""):
            status = STATUS_TEKS.get(_norm(d.get("status")))
            if status is None:
                b.galat.append(_("Status “%(s)s” tidak dikenal.") % {"s": d.get("status")})
                status = S.BELUM
        b.status = S(status).label
        if b.galat:
            continue
        try:
            with transaction.atomic():
                rek = services.terbitkan_rekomendasi(
                    oleh=oleh,
                    rekomendasi=Rekomendasi(
                        sumber=sumber,
                        unit_pj=unit,
                        kondisi=str(d.get("kondisi") or "").strip(),
                        sebab=str(d.get("sebab") or "").strip(),
                        akibat=str(d.get("akibat") or "").strip(),
                        uraian=b.uraian,
                        prioritas=prioritas,
                        batas_waktu=batas,
                        nomor_urut=0,
                    ),
                )
                _riwayat(oleh, rek, status, str(d.get("tindak_lanjut") or "").strip(), tanggal_tl or hari_ini)
        except (ValidationError, PermissionDenied) as e:
            b.galat.extend(getattr(e, "messages", None) or [str(e)])
    if simpan and not hasil.ada_galat:
        hasil.disimpan = True
    else:
        transaction.set_rollback(True)
    return hasil


def _riwayat(oleh, rek: Rekomendasi, status: str, teks: str, tanggal: datetime.date) -> None:
    """Bring an imported recommendation to its matrix status through the state machine."""
    if status == S.BELUM and not teks:
        return
    if status == S.TIDAK_DAPAT and not teks:
        rek.status = status_berikut(rek.status, Peristiwa.VERIFIKASI_TIDAK_DAPAT)
        TindakLanjut.objects.create(
            rekomendasi=rek,
            uraian=_("Dinyatakan tidak dapat ditindaklanjuti (matriks diimpor)."),
            tanggal=tanggal,
            progres=Decimal(0),
            verifikasi=HasilVerifikasi.TIDAK_DAPAT,
            catatan_verifikasi=_("Status dari matriks yang diimpor."),
            verifikator=oleh,
            diverifikasi_pada=timezone.now(),
        )
        rek.save(update_fields=["status"])
        return
    rek.status = status_berikut(rek.status, Peristiwa.TINDAK_LANJUT)
    tl = TindakLanjut(
        rekomendasi=rek,
        uraian=teks or _("(tindak lanjut dari matriks yang diimpor)"),
        tanggal=tanggal,
        progres=Decimal(100) if status == S.SESUAI else Decimal(0),
    )
    hasil = VERIFIKASI_STATUS.get(status)
    if hasil:
        rek.status = status_berikut(rek.status, PERISTIWA_VERIFIKASI[hasil])
        tl.verifikasi = hasil
        tl.catatan_verifikasi = "" if hasil == HasilVerifikasi.SESUAI else _("Status dari matriks yang diimpor.")
        tl.verifikator = oleh
        tl.diverifikasi_pada = timezone.now()
    tl.full_clean(exclude=["diajukan_oleh", "verifikator", "rencana"])
    tl.save()
    rek.save(update_fields=["status"])
