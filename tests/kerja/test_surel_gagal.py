"""Workflow e-mails (hardening round two, finding 8): one-line names, a subject that stays on one line, and a
failed e-mail logged (JSON logger) and kept for the administrator (`SurelGagal`, listed in the admin) while the
workflow step stays done."""

from __future__ import annotations

import json
import logging
from smtplib import SMTPException

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

from indikator import periode
from indikator.enums import StatusPeriode
from indikator.models import PeriodeUnit, SurelGagal, UnitKerja
from tests.pabrik import buat_pengguna
from umum.log import FormatJSON
from umum.teks import satu_baris, tanpa_karakter_kendali

from .conftest import TAHUN


class BackendGagal(BaseEmailBackend):
    """A mail server that refuses every message."""

    def send_messages(self, email_messages):
        raise SMTPException("relay ditolak")


@pytest.fixture
def surel(data):
    for nama in ("perencana", "pimpinan"):
        u = data.pengguna[nama]
        u.email = f"{nama}@contoh.go.id"
        u.save()
    return data


@pytest.mark.parametrize(
    "teks, sah",
    [
        ("Biro Kerja Sama (BKS) – Pusat", True),
        ("Dr. Siti Aminah, M.Si.", True),
        ("Biro\nKerja Sama", False),
        ("Biro\rKerja Sama", False),
        ("Biro\tKerja Sama", False),
        ("Biro\x00", False),
        ("Biro\x85Kerja", False),
        ("Biro\u2028Kerja", False),
        ("Biro\x7f", False),
    ],
)
def test_isian_satu_baris_tanpa_karakter_kendali(teks, sah):
    if sah:
        tanpa_karakter_kendali(teks)
    else:
        with pytest.raises(ValidationError, match="tidak boleh berisi baris baru"):
            tanpa_karakter_kendali(teks)
    assert "\n" not in satu_baris(teks) and "\r" not in satu_baris(teks)


def test_nama_unit_lama_berbaris_tetap_menyurati_dengan_judul_satu_baris(surel):
    """A unit name stored with a newline before the validator (data of earlier versions) no longer stops the mail."""
    UnitKerja.objects.filter(pk=surel.unit.pk).update(nama="Biro Kerja\nSama")
    surel.unit.refresh_from_db()
    periode.ajukan_periode(unit=surel.unit, tahun=TAHUN, oleh=surel.pengguna["perencana"])
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "[SAKIP] Biro Kerja Sama tahun 2018 diajukan untuk disahkan"
    assert not SurelGagal.objects.exists()


def test_surel_gagal_dicatat_di_log_json_dan_untuk_administrator(client, surel, settings, caplog):
    settings.EMAIL_BACKEND = "tests.kerja.test_surel_gagal.BackendGagal"
    with caplog.at_level(logging.ERROR, logger="indikator.surel"):
        periode.ajukan_periode(unit=surel.unit, tahun=TAHUN, oleh=surel.pengguna["perencana"])
    # the step stays done
    assert PeriodeUnit.objects.get(unit=surel.unit, tahun=TAHUN).status == StatusPeriode.DIAJUKAN
    gagal = SurelGagal.objects.get()
    assert gagal.judul == "[SAKIP] Biro Kerja Sama tahun 2018 diajukan untuk disahkan"
    assert gagal.penerima == "pimpinan@contoh.go.id"
    assert gagal.galat == "SMTPException: relay ditolak"
    [catatan] = [r for r in caplog.records if r.name == "indikator.surel"]
    baris = json.loads(FormatJSON().format(catatan))
    assert baris["level"] == "ERROR" and baris["surel_penerima"] == "pimpinan@contoh.go.id"
    assert baris["surel_galat"] == "SMTPException: relay ditolak" and "SMTPException" in baris["exc"]

    client.force_login(buat_pengguna("root", is_staff=True, is_superuser=True))
    html = client.get(reverse("admin:indikator_surelgagal_changelist")).content.decode()
    assert "diajukan untuk disahkan" in html and "relay ditolak" in html


def test_server_surel_tidak_terjangkau_dicatat_per_surel(surel, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    periode.ajukan_periode(unit=surel.unit, tahun=TAHUN, oleh=surel.pengguna["perencana"])
    assert PeriodeUnit.objects.get(unit=surel.unit, tahun=TAHUN).status == StatusPeriode.DIAJUKAN
    assert list(SurelGagal.objects.values_list("penerima", flat=True)) == ["pimpinan@contoh.go.id"]
