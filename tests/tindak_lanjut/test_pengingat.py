"""Recommendation reminders through `kirim_pengingat` (dates given, never today's): 7, 3, 1 days before and
weekly when overdue, to the responsible unit's planners, once per recommendation and day, never when final."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from tindak_lanjut.enums import StatusRekomendasi as S
from tindak_lanjut.models import PengingatTindakLanjut, Rekomendasi

pytestmark = pytest.mark.django_db
BATAS = datetime.date(2018, 6, 30)


@pytest.fixture
def siap(dunia, rek):
    dunia.pengguna["perencana"].email = "perencana@contoh.go.id"
    dunia.pengguna["perencana"].save()
    dunia.pengguna["perencana_lain"].email = "lain@contoh.go.id"
    dunia.pengguna["perencana_lain"].save()
    return rek


def jalankan(hari: datetime.date) -> list:
    mail.outbox = []
    call_command("kirim_pengingat", "--tanggal", hari.isoformat())
    return [m for m in mail.outbox if "Tindak lanjut rekomendasi" in m.subject]


@pytest.mark.parametrize(
    ("selisih", "status", "jumlah"),
    [
        (-8, S.BELUM, 0),
        (-7, S.BELUM, 1),
        (-5, S.PROSES, 0),
        (-3, S.PROSES, 1),
        (-1, S.BELUM_SESUAI, 1),
        (0, S.PROSES, 0),
        (1, S.PROSES, 1),
        (4, S.PROSES, 0),
        (8, S.BELUM, 1),
        (15, S.BELUM, 1),
        (-7, S.SESUAI, 0),
        (8, S.TIDAK_DAPAT, 0),
    ],
)
def test_hari_pengingat(siap, selisih, status, jumlah):
    Rekomendasi.objects.filter(pk=siap.pk).update(status=status)
    terkirim = jalankan(BATAS + datetime.timedelta(days=selisih))
    assert len(terkirim) == jumlah
    if jumlah:
        assert terkirim[0].to == ["perencana@contoh.go.id"]
        assert f"/tindak-lanjut/biro-ks/rekomendasi/{siap.pk}/" in terkirim[0].body


def test_sekali_per_rekomendasi_dan_hari(siap):
    hari = BATAS - datetime.timedelta(days=3)
    assert len(jalankan(hari)) == 1
    assert len(jalankan(hari)) == 0
    assert PengingatTindakLanjut.objects.filter(rekomendasi=siap).count() == 1
    assert "sudah lewat 8 hari" in jalankan(BATAS + datetime.timedelta(days=8))[0].body
