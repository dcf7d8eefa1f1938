"""Deadline reminders of recommendations, sent by `manage.py kirim_pengingat` (registered in apps.ready): to the
responsible unit's planners 7, 3 and 1 days before the deadline and weekly once overdue (`perlu_pengingat`),
at most once per recommendation and day (`PengingatTindakLanjut`: a second run the same day sends nothing)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from indikator import surel

from .enums import STATUS_FINAL
from .formulas import perlu_pengingat, tanggal_teks
from .models import PengingatTindakLanjut, Rekomendasi


def _url(rek: Rekomendasi) -> str:
    return f"{settings.SAKIP_URL_DASAR}{reverse('kerja:tl_rekomendasi', args=[rek.unit_pj.slug, rek.pk])}"


def pesan_pengingat(hari_ini: datetime.date) -> list[tuple[str, str, list[str]]]:
    """The reminders due today, each recorded so that it goes out once per recommendation and day."""
    # Only deadlines within 7 days ahead or already past can be due.
    calon = (
        Rekomendasi.objects.exclude(status__in=list(STATUS_FINAL))
        .filter(batas_waktu__lte=hari_ini + datetime.timedelta(days=7))
        .exclude(pengingat__tanggal=hari_ini)
        .select_related("unit_pj", "sumber")
        .order_by("batas_waktu", "id")
    )
    pesan = []
    alamat: dict[int, list[str]] = {}
    for rek in calon:
        if not perlu_pengingat(rek.batas_waktu, rek.status, hari_ini):
            continue
        try:
            with transaction.atomic():
                PengingatTindakLanjut.objects.create(rekomendasi=rek, tanggal=hari_ini)
        except IntegrityError:  # another run today recorded it first
            continue
        if rek.unit_pj_id not in alamat:
            alamat[rek.unit_pj_id] = surel.alamat_perencana(rek.unit_pj)
        sisa = (rek.batas_waktu - hari_ini).days
        ctx = {
            "unit": rek.unit_pj.nama,
            "sumber": f"{rek.sumber.get_jenis_display()} {rek.sumber.nomor}",
            "batas": tanggal_teks(rek.batas_waktu),
            "n": abs(sisa),
            "uraian": rek.uraian,
        }
        judul = _("[SAKIP] Tindak lanjut rekomendasi %(sumber)s: %(unit)s") % ctx
        if sisa < 0:
            isi = _("Batas waktu tindak lanjut (%(batas)s) sudah lewat %(n)s hari.") % ctx
        else:
            isi = _("Batas waktu tindak lanjut: %(batas)s (%(n)s hari lagi).") % ctx
        isi += "\n\n" + _("Rekomendasi: %(uraian)s") % ctx
        isi += "\n\n" + _("Laporkan tindak lanjut: %(url)s") % {"url": _url(rek)}
        pesan.append((judul, isi, alamat[rek.unit_pj_id]))
    return pesan
