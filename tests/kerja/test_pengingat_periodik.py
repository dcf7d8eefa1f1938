"""Deadlines of the periodic reports through `kirim_pengingat` (laporan/pengingat.py): planners when a quarter's
report is due within --hari days or overdue (up to 30 days) and not submitted or issued; heads when one waits to
be issued; nothing without the setting."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from indikator.models import PeriodeUnit
from laporan.models import LaporanPeriodik

from .conftest import TAHUN

P, K = ["perencana@contoh.go.id"], ["pimpinan@contoh.go.id", "pimpinan_induk@contoh.go.id"]


@pytest.fixture
def surel(data):
    for nama in ("perencana", "pimpinan", "pimpinan_induk"):
        u = data.pengguna[nama]
        u.email = f"{nama}@contoh.go.id"
        u.save()
    PeriodeUnit.objects.update_or_create(unit=data.unit, tahun=TAHUN, defaults={"status": "draft", "tenggat": None})
    return data


@pytest.mark.parametrize(
    ("hari_ini", "laporan", "penerima", "kata"),
    [
        (datetime.date(TAHUN, 4, 5), None, [P], f"14-04-{TAHUN} (9 hari lagi)"),  # TW I due 14 April
        (datetime.date(TAHUN, 4, 20), None, [P], "sudah lewat"),
        (datetime.date(TAHUN, 4, 20), "diajukan", [K], "menunggu diterbitkan"),  # submitted: the heads
        (datetime.date(TAHUN, 4, 20), "terbit", [], ""),
        (datetime.date(TAHUN, 3, 20), None, [], ""),  # TW I not ended yet
        (datetime.date(TAHUN, 5, 20), None, [], ""),  # more than 30 days late: stop
    ],
)
def test_pengingat_laporan_triwulan(surel, hari_ini, laporan, penerima, kata, capsys):
    if laporan:
        LaporanPeriodik.objects.create(
            unit=surel.unit, tahun=TAHUN, periode="TW1", data_cutoff=datetime.date(TAHUN, 4, 1), status=laporan
        )
    with override_settings(SAKIP_PERIODIK_TENGGAT="TW:14"):
        call_command("kirim_pengingat", "--hari", "14", "--tanggal", hari_ini.isoformat())
    assert [sorted(m.to) for m in mail.outbox] == penerima
    if kata:
        assert kata in mail.outbox[0].body and "Triwulan I" in mail.outbox[0].subject


def test_tanpa_setelan_tanpa_pengingat(surel):
    call_command("kirim_pengingat", "--hari", "14", "--tanggal", datetime.date(TAHUN, 4, 20).isoformat())
    assert mail.outbox == []
