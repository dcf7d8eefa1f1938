"""The standalone legal PDFs (the "Dokumen Perjanjian Kinerja" of a PK version, the IKU decree) go through the
report-file task queue: the views never call WeasyPrint, the worker renders a real PDF into private storage, a
second request joins the render, an approved year reuses its stored file, and the download checks access."""

from __future__ import annotations

from unittest import mock

import pytest
import weasyprint
from django.test import Client, TestCase, override_settings
from django.urls import reverse

from indikator.enums import Peran, StatusPeriode
from indikator.models import PeriodeUnit, UnitKerja, VersiPK
from laporan.models import BerkasLaporan
from tests.pabrik import buat_pengguna

from .conftest import buat_unit_kecil

pytestmark = [pytest.mark.django_db, pytest.mark.tugas, pytest.mark.usefixtures("privat_sementara")]
TAHUN = 2018
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def unit():
    return buat_unit_kecil("unit-dokumen", 2)


@pytest.fixture
def klien(client, unit):
    client.force_login(buat_pengguna("perencana-dokumen", Peran.PERENCANA, unit))
    return client


def _url(unit, jenis):
    if jenis == "pk":
        versi = VersiPK.objects.get(pk_induk__unit=unit)
        return reverse("kerja:versi_pk_pdf", args=[unit.slug, versi.pk])
    return reverse("kerja:keputusan_iku_pdf", args=[unit.slug, TAHUN])


def _minta_tanpa_weasyprint(klien, url):
    """The request with WeasyPrint forbidden; the queued task runs afterwards (as a worker would)."""
    with TestCase.captureOnCommitCallbacks(execute=False) as tertunda:
        with mock.patch.object(weasyprint.HTML, "render", side_effect=AssertionError("PDF dirender di permintaan")):
            halaman = klien.get(url)
            r = klien.post(url, **HTMX)
    assert halaman.status_code == 200 and r.status_code == 200
    return r, tertunda


@pytest.mark.parametrize("jenis", ["pk", "iku"])
def test_permintaan_tidak_merender_pekerja_membuat_pdf(klien, unit, jenis, privat_sementara, kerjakan_antrean):
    url = _url(unit, jenis)
    r, tertunda = _minta_tanpa_weasyprint(klien, url)
    berkas = BerkasLaporan.objects.get()
    assert (berkas.jenis, berkas.status, berkas.format) == (jenis, "antri", "pdf")
    assert "PDF dalam antrean" in r.content.decode()
    assert f'hx-get="{reverse("laporan:berkas", args=[berkas.pk])}"' in r.content.decode()
    assert len(tertunda) == 1
    tertunda[0]()  # queues the render: run at once by the immediate backend, by an RQ worker on RQ
    kerjakan_antrean()
    berkas.refresh_from_db()
    assert berkas.status == "selesai", berkas.alasan
    assert (privat_sementara / berkas.berkas.name).read_bytes()[:4] == b"%PDF"
    status = klien.get(reverse("laporan:berkas", args=[berkas.pk]), **HTMX).content.decode()
    assert reverse("laporan:berkas_unduh", args=[berkas.pk]) in status and "hx-get" not in status
    halaman = klien.get(reverse("laporan:berkas", args=[berkas.pk])).content.decode()
    assert berkas.get_jenis_display() in halaman and url in halaman
    with mock.patch.object(weasyprint.HTML, "render", side_effect=AssertionError("PDF dirender di permintaan")):
        unduh = klien.get(reverse("laporan:berkas_unduh", args=[berkas.pk]))
    assert unduh.status_code == 200 and b"".join(unduh.streaming_content)[:4] == b"%PDF"
    nama = (
        "perjanjian-kinerja-unit-dokumen-2018-versi-1.pdf" if jenis == "pk" else "keputusan-iku-unit-dokumen-2018.pdf"
    )
    assert f'filename="{nama}"' in unduh["Content-Disposition"]


def test_permintaan_kedua_bergabung_dan_dokumen_lain_terpisah(klien, unit):
    from django_tasks import default_task_backend

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        default_task_backend.clear()
        for url in (_url(unit, "pk"), _url(unit, "pk"), _url(unit, "iku"), _url(unit, "iku")):
            with TestCase.captureOnCommitCallbacks(execute=True):
                klien.post(url, **HTMX)
        hasil = list(default_task_backend.results)
        default_task_backend.clear()
    assert sorted(BerkasLaporan.objects.values_list("jenis", flat=True)) == ["iku", "pk"]
    assert len(hasil) == 2  # one render per document for four requests


def test_tahun_disahkan_memakai_berkas_tersimpan(klien, unit, kerjakan_antrean):
    url = _url(unit, "pk")
    with TestCase.captureOnCommitCallbacks(execute=True):
        klien.post(url, **HTMX)
    kerjakan_antrean()
    PeriodeUnit.objects.update_or_create(unit=unit, tahun=TAHUN, defaults={"status": StatusPeriode.DISAHKAN})
    with TestCase.captureOnCommitCallbacks(execute=True):
        klien.post(url, **HTMX)  # approved after the draft: the same content becomes the final file
    final = BerkasLaporan.objects.get(final=True)
    with (
        mock.patch("laporan.tugas.html_pk", side_effect=AssertionError("dokumen disusun ulang")),
        TestCase.captureOnCommitCallbacks(execute=True) as tertunda,
    ):
        r = klien.post(url, **HTMX)
    assert reverse("laporan:berkas_unduh", args=[final.pk]) in r.content.decode() and not tertunda
    assert BerkasLaporan.objects.count() == 1


@pytest.mark.parametrize("peran", ["lain", "anonim"])
def test_unduhan_dan_status_tertutup_bagi_unit_lain(klien, unit, peran, kerjakan_antrean):
    with TestCase.captureOnCommitCallbacks(execute=True):
        klien.post(_url(unit, "iku"), **HTMX)
    kerjakan_antrean()
    berkas = BerkasLaporan.objects.get()
    lain = Client()
    if peran == "lain":
        unit_lain = UnitKerja.objects.create(slug="unit-lain", nama="Unit Lain")
        lain.force_login(buat_pengguna("perencana-lain", Peran.PERENCANA, unit_lain))
        assert lain.post(_url(unit, "iku"), **HTMX).status_code == 403
    for nama in ("laporan:berkas", "laporan:berkas_unduh"):
        r = lain.get(reverse(nama, args=[berkas.pk]))
        assert r.status_code in (302, 403) and r.get("Content-Type") != "application/pdf"
