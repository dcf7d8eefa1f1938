"""Reminders of the periodic reports, collected by `kirim_pengingat` (signal `indikator.surel.kumpulkan_pengingat`):

- planners of a unit working in a year (it has a period row) when a periodic report is due within the command's
  --hari days or is overdue (up to 30 days; then the reminders stop) and no version of it is submitted or issued;
- heads of a unit with a submitted periodic report waiting to be issued.

Deadlines: `SAKIP_PERIODIK_TENGGAT` (days after the end of each quarter / semester / month, e.g. "TW:14,S:20,B:7";
empty by default: no deadline reminders, only the heads' "waiting to be issued")."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from indikator import formulas as f
from indikator import surel
from indikator.models import PeriodeUnit

from .models import LaporanPeriodik

BERHENTI_SETELAH_HARI = 30


def _url(unit, tahun: int) -> str:
    return f"{settings.SAKIP_URL_DASAR}{reverse('kerja:periodik_daftar', args=[unit.slug, tahun])}"


def pengingat_periodik(sender=None, *, hari_ini: datetime.date, hari: int, **kw) -> list[tuple[str, str, list[str]]]:
    tenggat = f.baca_tenggat_periodik(getattr(settings, "SAKIP_PERIODIK_TENGGAT", ""))
    pesan = []
    for tahun in (hari_ini.year - 1, hari_ini.year):
        if not tenggat:
            break
        selesai = set(
            LaporanPeriodik.objects.filter(
                tahun=tahun, status__in=[LaporanPeriodik.Status.DIAJUKAN, LaporanPeriodik.Status.TERBIT]
            ).values_list("unit_id", "periode")
        )
        for p in PeriodeUnit.objects.filter(tahun=tahun).select_related("unit").order_by("unit__nama", "id"):
            for jenis, n in tenggat.items():
                for periode in f.periode_jenis(jenis):
                    if f.akhir_periode(tahun=tahun, periode=periode) >= hari_ini or (p.unit_id, periode) in selesai:
                        continue
                    batas = f.tenggat_periode(tahun=tahun, periode=periode, hari=n)
                    sisa = (batas - hari_ini).days
                    if sisa > hari or -sisa > BERHENTI_SETELAH_HARI:
                        continue
                    ctx = {
                        "laporan": LaporanPeriodik.Periode(periode).label,
                        "unit": p.unit.nama,
                        "tahun": tahun,
                        "tenggat": batas.strftime("%d-%m-%Y"),
                        "n": sisa,
                    }
                    judul = _("[SAKIP] Pengingat: laporan %(laporan)s %(unit)s tahun %(tahun)s") % ctx
                    if sisa < 0:
                        isi = _("Tenggat laporan %(laporan)s %(unit)s tahun %(tahun)s (%(tenggat)s) sudah lewat.") % ctx
                    else:
                        isi = (
                            _("Tenggat laporan %(laporan)s %(unit)s tahun %(tahun)s: %(tenggat)s (%(n)s hari lagi).")
                            % ctx
                        )
                    isi += "\n\n" + _("Laporan periodik: %(url)s") % {"url": _url(p.unit, tahun)}
                    pesan.append((judul, isi, surel.alamat_perencana(p.unit)))
    for lp in LaporanPeriodik.objects.filter(status=LaporanPeriodik.Status.DIAJUKAN).select_related("unit"):
        ctx = {"laporan": lp.get_periode_display(), "unit": lp.unit.nama, "tahun": lp.tahun}
        judul = _("[SAKIP] Menunggu terbit: laporan %(laporan)s %(unit)s tahun %(tahun)s") % ctx
        isi = _("Laporan %(laporan)s %(unit)s tahun %(tahun)s sudah diajukan dan menunggu diterbitkan.") % ctx
        isi += "\n\n" + _("Laporan periodik: %(url)s") % {"url": _url(lp.unit, lp.tahun)}
        pesan.append((judul, isi, surel.alamat_pimpinan(lp.unit)))
    return pesan
