"""E-mail notices of the approval workflow and deadline reminders (Django's mail; addresses from the users).

Submitting writes to the unit's heads (pimpinan of the unit or of a unit above it); returning and approving write
to the unit's planners. Users without an e-mail address or inactive are skipped. A failing mail server never
undoes a workflow step (the step has committed): the failure is logged and recorded as `SurelGagal`, which the
administrator reads in the admin ("Surel gagal terkirim").
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.dispatch import Signal
from django.urls import reverse
from django.utils.translation import gettext as _

from umum.teks import satu_baris

from .enums import Peran
from .models import Keanggotaan, SurelGagal, UnitKerja

log = logging.getLogger(__name__)


def _leluhur(unit: UnitKerja) -> list[int]:
    """The unit and every unit above it."""
    induk = dict(UnitKerja.objects.values_list("id", "induk_id"))
    hasil, u = [], unit.pk
    while u is not None and u not in hasil:
        hasil.append(u)
        u = induk.get(u)
    return hasil


def _alamat(ids_pengguna) -> list[str]:
    qs = get_user_model().objects.filter(pk__in=ids_pengguna, is_active=True).exclude(email="")
    return sorted(set(qs.values_list("email", flat=True)))


def alamat_pimpinan(unit: UnitKerja) -> list[str]:
    """E-mail addresses of the heads who may approve the unit's year."""
    ids = Keanggotaan.objects.filter(peran=Peran.PIMPINAN, unit_id__in=_leluhur(unit)).values("pengguna_id")
    return _alamat(ids)


def alamat_perencana(unit: UnitKerja) -> list[str]:
    """E-mail addresses of the unit's planners."""
    return _alamat(Keanggotaan.objects.filter(peran=Peran.PERENCANA, unit=unit).values("pengguna_id"))


def url_ruang(unit: UnitKerja, tahun: int) -> str:
    return f"{settings.SAKIP_URL_DASAR}{reverse('kerja:utama')}?unit={unit.slug}&tahun={tahun}"


def url_pengesahan(unit: UnitKerja, tahun: int) -> str:
    return f"{settings.SAKIP_URL_DASAR}{reverse('kerja:pengesahan', args=[unit.slug, tahun])}"


def _catat_gagal(judul: str, kepada: list[str], exc: BaseException) -> None:
    """Log a failed e-mail (JSON log) and keep it for the administrator (`SurelGagal`, in the admin)."""
    galat = f"{type(exc).__name__}: {exc}"
    log.error(
        "Surel alur persetujuan gagal dikirim",
        exc_info=exc,
        extra={"surel_judul": judul, "surel_penerima": ", ".join(kepada), "surel_galat": galat},
    )
    try:
        with transaction.atomic():
            SurelGagal.objects.create(judul=satu_baris(judul)[:300], penerima=", ".join(kepada), galat=galat)
    except Exception:  # noqa: BLE001 - the record is a courtesy; the log line above already holds the failure
        log.exception("Catatan surel gagal tidak dapat disimpan")


def kirim(pesan: list[tuple[str, str, list[str]]]) -> int:
    """Send (subject, body, recipients) messages with a recipient, each on its own; returns how many went out.

    A failure never undoes the committed workflow step: each failed message is logged and recorded as
    `SurelGagal` for the administrator. Subjects are put on one line (a header cannot hold a newline)."""
    daftar = [(satu_baris(judul), isi, kepada) for judul, isi, kepada in pesan if kepada]
    if not daftar:
        return 0
    terkirim = 0
    try:
        koneksi = get_connection()
        koneksi.open()
    except Exception as exc:  # noqa: BLE001 - see the docstring
        for judul, _isi, kepada in daftar:
            _catat_gagal(judul, kepada, exc)
        return 0
    try:
        for judul, isi, kepada in daftar:
            try:
                terkirim += EmailMessage(judul, isi, settings.DEFAULT_FROM_EMAIL, kepada, connection=koneksi).send(
                    fail_silently=False
                )
            except Exception as exc:  # noqa: BLE001 - see the docstring
                _catat_gagal(judul, kepada, exc)
    finally:
        try:
            koneksi.close()
        except Exception:  # noqa: BLE001, S110 - closing a broken connection
            pass
    return terkirim


def kabarkan_langkah(periode, aksi: str) -> int:
    """The notice of one workflow step: submit → heads; return / approve → planners."""
    unit, tahun = periode.unit, periode.tahun
    oleh = periode.diubah_oleh.get_full_name() or periode.diubah_oleh.username if periode.diubah_oleh else ""
    ctx = {"unit": unit.nama, "tahun": tahun, "oleh": oleh, "komentar": periode.komentar}
    if aksi == "ajukan":
        judul = _("[SAKIP] %(unit)s tahun %(tahun)s diajukan untuk disahkan") % ctx
        isi = _("%(oleh)s mengajukan data %(unit)s tahun %(tahun)s untuk disahkan.") % ctx
        if periode.catatan_pengajuan:
            isi += "\n\n" + _("Catatan perencana: %(catatan)s") % {"catatan": periode.catatan_pengajuan}
        isi += "\n\n" + _("Periksa dan sahkan atau kembalikan: %(url)s") % {"url": url_pengesahan(unit, tahun)}
        return kirim([(judul, isi, alamat_pimpinan(unit))])
    if aksi == "kembalikan":
        judul = _("[SAKIP] %(unit)s tahun %(tahun)s dikembalikan") % ctx
        isi = _("%(oleh)s mengembalikan data %(unit)s tahun %(tahun)s untuk diperbaiki.") % ctx
        isi += "\n\n" + _("Komentar: %(komentar)s") % ctx
    elif aksi == "sahkan":
        judul = _("[SAKIP] %(unit)s tahun %(tahun)s disahkan") % ctx
        isi = _("%(oleh)s mengesahkan data %(unit)s tahun %(tahun)s.") % ctx
        if periode.komentar:
            isi += "\n\n" + _("Komentar: %(komentar)s") % ctx
    else:
        return 0
    isi += "\n\n" + _("Ruang kerja: %(url)s") % {"url": url_ruang(unit, tahun)}
    return kirim([(judul, isi, alamat_perencana(unit))])


# Sent by `kirim_pengingat` (arguments `hari_ini`, `hari`): apps above this one answer with a list of
# (subject, body, recipients) reminders of their own (the periodic reports' deadlines, `laporan.pengingat`).
kumpulkan_pengingat = Signal()


def daftarkan_pengingat(fungsi) -> None:
    """Registers an app's reminders (called with today's date, returning (subject, body, recipients) messages) as a
    receiver of `kumpulkan_pengingat`, from the app's AppConfig.ready (once, whatever the number of calls)."""

    def penerima(sender, hari_ini, **_kw):
        return fungsi(hari_ini)

    kumpulkan_pengingat.connect(
        penerima, weak=False, dispatch_uid=f"pengingat:{fungsi.__module__}.{fungsi.__qualname__}"
    )
