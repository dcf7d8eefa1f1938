"""Reminders by e-mail, meant for cron (e.g. daily): only to those who still have something to do.

- Planners of a unit whose year is not submitted yet (draft or dikembalikan) and whose deadline is within
  --hari days or has passed.
- Heads of a unit whose year is submitted and waits for approval.
- Through the signal `surel.kumpulkan_pengingat` (`surel.daftarkan_pengingat`), the apps above: the periodic
  reports (`laporan.pengingat`: planners when a period's report is due within --hari days or overdue and not
  submitted, heads when one waits to be issued) and the recommendations' deadlines (`tindak_lanjut.pengingat`: 7, 3
  and 1 days before, weekly once overdue, once per recommendation and day).
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import override

from indikator import surel
from indikator.enums import StatusPeriode
from indikator.models import PeriodeUnit


class Command(BaseCommand):
    help = "Kirim surel pengingat: perencana bila tenggat pengajuan dekat/lewat, pimpinan bila pengajuan menunggu."

    def add_arguments(self, parser):
        parser.add_argument("--hari", type=int, default=7, help="Ingatkan perencana bila tenggat tinggal N hari.")
        parser.add_argument("--tanggal", type=datetime.date.fromisoformat, help="Tanggal hari ini (YYYY-MM-DD).")

    def handle(self, *args, hari: int, tanggal: datetime.date | None, **opsi):
        hari_ini = tanggal or datetime.date.today()
        pesan = []
        with override("id"):
            belum = PeriodeUnit.objects.filter(
                status__in=[StatusPeriode.DRAFT, StatusPeriode.DIKEMBALIKAN],
                tenggat__isnull=False,
                tenggat__lte=hari_ini + datetime.timedelta(days=hari),
            ).select_related("unit")
            for p in belum:
                sisa = (p.tenggat - hari_ini).days
                ctx = {"unit": p.unit.nama, "tahun": p.tahun, "tenggat": p.tenggat.strftime("%d-%m-%Y"), "n": sisa}
                judul = _("[SAKIP] Pengingat: pengajuan %(unit)s tahun %(tahun)s") % ctx
                if sisa < 0:
                    isi = _("Tenggat pengajuan %(unit)s tahun %(tahun)s (%(tenggat)s) sudah lewat.") % ctx
                else:
                    isi = _("Tenggat pengajuan %(unit)s tahun %(tahun)s: %(tenggat)s (%(n)s hari lagi).") % ctx
                isi += "\n\n" + _("Ruang kerja: %(url)s") % {"url": surel.url_ruang(p.unit, p.tahun)}
                pesan.append((judul, isi, surel.alamat_perencana(p.unit)))
            for p in PeriodeUnit.objects.filter(status=StatusPeriode.DIAJUKAN).select_related("unit"):
                ctx = {"unit": p.unit.nama, "tahun": p.tahun}
                judul = _("[SAKIP] Menunggu pengesahan: %(unit)s tahun %(tahun)s") % ctx
                isi = _("Data %(unit)s tahun %(tahun)s sudah diajukan dan menunggu pengesahan Anda.") % ctx
                isi += "\n\n" + _("Periksa dan sahkan atau kembalikan: %(url)s") % {
                    "url": surel.url_pengesahan(p.unit, p.tahun)
                }
                pesan.append((judul, isi, surel.alamat_pimpinan(p.unit)))
            # Other apps' reminders (periodic reports, recommendations' deadlines).
            for _penerima, tambahan in surel.kumpulkan_pengingat.send(sender=None, hari_ini=hari_ini, hari=hari):
                pesan.extend(tambahan)
        terkirim = surel.kirim(pesan)
        self.stdout.write(_("%(n)s surel pengingat terkirim.") % {"n": terkirim})
