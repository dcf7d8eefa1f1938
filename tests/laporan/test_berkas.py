"""Report files through the task queue: the request queues (never renders), the worker renders and stores, a
second request joins, an edit of an open year invalidates the draft, an approved year reuses its final file."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from indikator.enums import Peran, StatusPeriode
from indikator.models import PeriodeUnit
from laporan import tugas
from laporan.models import BerkasLaporan
from laporan.narasi import simpan_narasi
from tests.pabrik import buat_pengguna

from .conftest import buat_unit_kecil

pytestmark = [pytest.mark.django_db, pytest.mark.tugas, pytest.mark.usefixtures("privat_sementara")]
TAHUN = 2018
PDF_PALSU = b"%PDF-1.7 palsu"
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def unit():
    return buat_unit_kecil("unit-berkas", 2)


@pytest.fixture
def klien(client, unit):
    client.force_login(buat_pengguna("perencana-berkas", Peran.PERENCANA, unit))
    return client


@pytest.fixture
def tanpa_render():
    """Fails the test if WeasyPrint or the XLSX or DOCX writer is called."""
    with (
        mock.patch("laporan.pdf_paralel.HTML", side_effect=AssertionError("PDF dirender di dalam permintaan")) as html,
        mock.patch("laporan.excel.render_xlsx", side_effect=AssertionError("XLSX dibuat di dalam permintaan")),
        mock.patch("laporan.word.render_docx", side_effect=AssertionError("DOCX dibuat di dalam permintaan")),
    ):
        yield html


def _minta(klien, unit, format_="pdf", **data):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return klien.post(reverse(f"laporan:{format_}", args=[unit.slug, TAHUN]), data, **HTMX)


def test_permintaan_hanya_mengantrekan_tidak_merender(klien, unit, antrean, tanpa_render):
    r = _minta(klien, unit)
    assert r.status_code == 200
    berkas = BerkasLaporan.objects.get()
    html = r.content.decode()
    assert "PDF dalam antrean" in html
    assert f'hx-get="{reverse("laporan:berkas", args=[berkas.pk])}"' in html and 'hx-trigger="every 1s"' in html
    assert (berkas.status, berkas.format, berkas.tahun, berkas.unit_id) == ("antri", "pdf", TAHUN, unit.pk)
    assert len(berkas.hash) == 64 and not berkas.berkas
    assert [(h.task.name, h.args) for h in antrean.results] == [("render_berkas", [berkas.pk])]
    tanpa_render.assert_not_called()


def test_klik_kedua_dan_pengguna_lain_bergabung(klien, client, unit, antrean, tanpa_render):
    pertama = _minta(klien, unit)
    kepala = buat_pengguna("pimpinan-berkas", Peran.PIMPINAN, unit)
    from django.test import Client

    lain = Client()
    lain.force_login(kepala)
    _minta(klien, unit)
    BerkasLaporan.objects.update(status="dirender")
    kedua = _minta(lain, unit)
    assert BerkasLaporan.objects.count() == 1
    assert len(antrean.results) == 1  # one render for all three requests
    assert "PDF dalam antrean" in pertama.content.decode()
    assert "PDF sedang dibuat" in kedua.content.decode()
    # Another format or the warnings annex is another file.
    _minta(klien, unit, "xlsx")
    _minta(klien, unit, dengan_peringatan="1")
    assert BerkasLaporan.objects.count() == 3 and len(antrean.results) == 3


def test_pekerja_merender_menyimpan_dan_unduhan_dari_penyimpanan(klien, unit, antrean, privat_sementara):
    _minta(klien, unit)
    berkas = BerkasLaporan.objects.get()
    with mock.patch("laporan.tugas.render_pdf_html", return_value=PDF_PALSU) as render:
        tugas.jalankan_render(berkas.pk)
        tugas.jalankan_render(berkas.pk)  # a second delivery of the same task does nothing
    assert render.call_count == 1
    assert "<h1" in render.call_args.args[0] or "<html" in render.call_args.args[0]
    berkas.refresh_from_db()
    assert berkas.status == "selesai" and berkas.ukuran == len(PDF_PALSU) and not berkas.final
    assert berkas.berkas.name == f"laporan/{unit.pk}/{TAHUN}/{berkas.hash}.pdf"
    assert (privat_sementara / berkas.berkas.name).read_bytes() == PDF_PALSU
    status = klien.get(reverse("laporan:berkas", args=[berkas.pk]), **HTMX).content.decode()
    assert reverse("laporan:berkas_unduh", args=[berkas.pk]) in status and "hx-get" not in status
    r = klien.get(reverse("laporan:berkas_unduh", args=[berkas.pk]))
    assert r.status_code == 200 and b"".join(r.streaming_content) == PDF_PALSU
    assert r["Content-Type"] == "application/pdf"
    assert 'filename="laporan-kinerja-unit-berkas-2018.pdf"' in r["Content-Disposition"]
    # The next request for unchanged data finds the stored file: nothing queued.
    r = _minta(klien, unit)
    assert reverse("laporan:berkas_unduh", args=[berkas.pk]) in r.content.decode()
    assert len(antrean.results) == 1


def test_xlsx_dibuat_pekerja(klien, unit, kerjakan_antrean):
    """The immediate backend (tests' default) runs the task on commit, a worker on RQ: a real workbook is stored."""
    _minta(klien, unit, "xlsx")
    kerjakan_antrean()
    berkas = BerkasLaporan.objects.get()
    assert berkas.status == "selesai"
    r = klien.get(reverse("laporan:berkas_unduh", args=[berkas.pk]))
    isi = b"".join(r.streaming_content)
    assert isi[:2] == b"PK" and r["Content-Type"].startswith("application/vnd.openxmlformats")


def test_gagal_dengan_alasan_lalu_dapat_diulang(klien, unit, antrean):
    _minta(klien, unit)
    berkas = BerkasLaporan.objects.get()
    with (
        mock.patch("laporan.tugas.render_pdf_html", side_effect=OSError("font hilang")),
        pytest.raises(OSError),
    ):
        tugas.jalankan_render(berkas.pk)
    berkas.refresh_from_db()
    assert berkas.status == "gagal" and "font hilang" in berkas.alasan
    html = klien.get(reverse("laporan:berkas", args=[berkas.pk]), **HTMX).content.decode()
    assert "Gagal membuat PDF" in html and "font hilang" in html and "Coba lagi" in html
    assert klien.get(reverse("laporan:berkas_unduh", args=[berkas.pk])).status_code == 404
    _minta(klien, unit)
    berkas.refresh_from_db()
    assert berkas.status == "antri" and berkas.alasan == "" and len(antrean.results) == 2


def test_render_hilang_kedaluwarsa_dan_diantrekan_lagi(klien, unit, antrean, settings):
    _minta(klien, unit)
    BerkasLaporan.objects.update(status="dirender", diperbarui_pada=timezone.now() - timedelta(hours=1))
    berkas = BerkasLaporan.objects.get()
    html = klien.get(reverse("laporan:berkas", args=[berkas.pk]), **HTMX).content.decode()
    assert "batas waktu" in html and "hx-get" not in html
    _minta(klien, unit)
    berkas.refresh_from_db()
    assert berkas.status == "antri" and len(antrean.results) == 2


def test_ubahan_tahun_terbuka_membatalkan_draf(klien, unit, antrean):
    _minta(klien, unit)
    lama = BerkasLaporan.objects.get()
    with mock.patch("laporan.tugas.render_pdf_html", return_value=PDF_PALSU):
        tugas.jalankan_render(lama.pk)
    lama.refresh_from_db()
    nama_lama = lama.berkas.name
    simpan_narasi(unit=unit, tahun=TAHUN, bagian="kata_pengantar", sasaran=None, judul="", isi="Kata pengantar baru.")
    r = _minta(klien, unit)
    baru = BerkasLaporan.objects.exclude(pk=lama.pk).get()
    assert baru.hash != lama.hash and baru.status == "antri" and "PDF dalam antrean" in r.content.decode()
    # The worker finds the data changed again after the request: fails with a clear reason instead of storing it.
    simpan_narasi(unit=unit, tahun=TAHUN, bagian="kata_pengantar", sasaran=None, judul="", isi="Lagi.")
    with mock.patch("laporan.tugas.render_pdf_html", return_value=PDF_PALSU), pytest.raises(tugas.DataBerubah):
        tugas.jalankan_render(baru.pk)
    baru.refresh_from_db()
    assert baru.status == "gagal" and "berubah" in baru.alasan
    _minta(klien, unit)
    terbaru = BerkasLaporan.objects.exclude(pk__in=[lama.pk, baru.pk]).get()
    with mock.patch("laporan.tugas.render_pdf_html", return_value=b"%PDF baru"):
        tugas.jalankan_render(terbaru.pk)
    # The newest file replaced the stale draft and the failed one.
    assert list(BerkasLaporan.objects.values_list("pk", flat=True)) == [terbaru.pk]
    assert not lama.berkas.storage.exists(nama_lama)


def test_tahun_disahkan_memakai_berkas_final_tanpa_menyusun_laporan(
    klien, unit, antrean, django_assert_max_num_queries
):
    PeriodeUnit.objects.create(unit=unit, tahun=TAHUN, status=StatusPeriode.DISAHKAN)
    _minta(klien, unit)
    berkas = BerkasLaporan.objects.get()
    with mock.patch("laporan.tugas.render_pdf_html", return_value=PDF_PALSU):
        tugas.jalankan_render(berkas.pk)
    berkas.refresh_from_db()
    assert berkas.final and berkas.status == "selesai"
    with (
        mock.patch("laporan.tugas.susun_laporan", side_effect=AssertionError("laporan disusun ulang")),
        django_assert_max_num_queries(8),
    ):
        r = _minta(klien, unit)
    assert reverse("laporan:berkas_unduh", args=[berkas.pk]) in r.content.decode() and "final" in r.content.decode()
    with django_assert_max_num_queries(6):
        r = klien.get(reverse("laporan:berkas_unduh", args=[berkas.pk]))
    assert b"".join(r.streaming_content) == PDF_PALSU
    assert len(antrean.results) == 1
    # Reopened and approved again: the earlier final file is not taken for the new approval.
    PeriodeUnit.objects.filter(unit=unit, tahun=TAHUN).update(diubah_pada=timezone.now() + timedelta(seconds=1))
    assert tugas._final_tersimpan(unit, TAHUN, "pdf", False, "id") is None


def test_unit_lain_ditolak(client, unit, antrean):
    client.force_login(buat_pengguna("perencana-berkas", Peran.PERENCANA, unit))
    _minta(client, unit)
    berkas = BerkasLaporan.objects.get()
    lain = buat_unit_kecil("unit-lain-berkas", 1)
    client.force_login(buat_pengguna("perencana-lain-berkas", Peran.PERENCANA, lain))
    assert client.get(reverse("laporan:berkas", args=[berkas.pk])).status_code == 403
    assert client.get(reverse("laporan:berkas_unduh", args=[berkas.pk])).status_code == 403
    assert client.post(reverse("laporan:pdf", args=[unit.slug, TAHUN])).status_code == 403


def test_tanpa_htmx_halaman_status_dan_tombol(klien, unit, antrean):
    r = klien.get(reverse("laporan:pdf", args=[unit.slug, TAHUN]))
    assert r.status_code == 200 and "Buat PDF" in r.content.decode()
    with TestCase.captureOnCommitCallbacks(execute=True):
        r = klien.post(reverse("laporan:pdf", args=[unit.slug, TAHUN]))
    berkas = BerkasLaporan.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("laporan:berkas", args=[berkas.pk])
    html = klien.get(r["Location"]).content.decode()
    assert "Berkas Laporan Kinerja" in html and "PDF dalam antrean" in html
