"""The report page lists the stored files of its report after any reload (format, language, annex, time made,
current or out of date from the key, download link) with a constant query count; a file being made shows its
elapsed time, its stage and the typical duration of its format."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from indikator.enums import Peran
from indikator.models import PeriodeUnit
from laporan import tugas
from laporan.models import BerkasLaporan
from laporan.narasi import simpan_narasi
from tests.pabrik import buat_pengguna

from .conftest import buat_unit_kecil

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("privat_sementara")]
TAHUN = 2018
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def unit():
    return buat_unit_kecil("unit-tersimpan", 1)


@pytest.fixture
def klien(client, unit):
    client.force_login(buat_pengguna("perencana-tersimpan", Peran.PERENCANA, unit))
    return client


def _kunci_kini(unit, format_="pdf", dengan_peringatan=False, bahasa="id"):
    periode = PeriodeUnit.objects.filter(unit=unit, tahun=TAHUN).first()
    return tugas._kunci(unit.pk, TAHUN, format_, "laporan", None, dengan_peringatan, bahasa, periode)


def _berkas(unit, hash_, format_="pdf", status="selesai", **kw):
    kini = timezone.now()
    nilai = {"selesai_pada": kini, "mulai_pada": kini - timedelta(seconds=30), "ukuran": 2048}
    if status != "selesai":
        nilai = {}
    return BerkasLaporan.objects.create(
        unit=unit, tahun=TAHUN, format=format_, hash=hash_, status=status, **{**nilai, **kw}
    )


def _halaman(klien, unit) -> str:
    r = klien.get(reverse("laporan:html", args=[unit.slug, TAHUN]))
    assert r.status_code == 200
    return r.content.decode()


def test_berkas_tersimpan_tampil_setelah_muat_ulang_dengan_tautan_dan_keadaan(klien, unit):
    kini = _berkas(unit, _kunci_kini(unit), berkas=f"laporan/{unit.pk}/{TAHUN}/a.pdf")
    lama = _berkas(unit, "0" * 64, "docx", dengan_peringatan=True)
    inggris = _berkas(unit, _kunci_kini(unit, "xlsx", bahasa="en"), "xlsx", bahasa="en")
    html = _halaman(klien, unit)
    assert "Berkas tersimpan" in html
    for b in (kini, lama, inggris):
        assert reverse("laporan:berkas_unduh", args=[b.pk]) in html
    bagian = html.split("daftar-berkas", 1)[1]
    # Ordered by format: docx (out of date), pdf (current), xlsx (current, English).
    assert bagian.index("Word") < bagian.index("PDF") < bagian.index("Excel")
    assert "usang: data berubah sejak berkas ini dibuat" in bagian.split("PDF", 1)[0]
    assert "dengan lampiran peringatan" in bagian.split("PDF", 1)[0]
    assert bagian.count(">terkini<") == 2
    assert "English" in bagian
    assert f"dibuat {timezone.localtime(kini.selesai_pada):%d-%m-%Y %H:%M}" in bagian


def test_suntingan_membuat_berkas_usang(klien, unit):
    _berkas(unit, _kunci_kini(unit))
    assert ">terkini<" in _halaman(klien, unit)
    simpan_narasi(unit=unit, tahun=TAHUN, bagian="kata_pengantar", sasaran=None, judul="", isi="Puji syukur, diubah.")
    html = _halaman(klien, unit)
    assert ">terkini<" not in html and "usang: data berubah" in html


def test_tanpa_berkas_halaman_mengatakannya(klien, unit):
    assert "Belum ada berkas yang dibuat untuk laporan tahun ini." in _halaman(klien, unit)


def test_jumlah_kueri_tetap_untuk_1_dan_5_berkas(klien, unit):
    _berkas(unit, _kunci_kini(unit))
    _halaman(klien, unit)  # warm caches (build id, templates)
    with CaptureQueriesContext(connection) as satu:
        _halaman(klien, unit)
    _berkas(unit, "1" * 64, "docx")
    _berkas(unit, "2" * 64, "xlsx", status="gagal", alasan="x")
    _berkas(unit, "3" * 64, status="dirender", mulai_pada=timezone.now(), tahap="render")
    _berkas(unit, "4" * 64, "xlsx", status="antri")
    assert BerkasLaporan.objects.count() == 5
    with CaptureQueriesContext(connection) as lima:
        html = _halaman(klien, unit)
    assert len(lima) == len(satu), [q["sql"] for q in lima.captured_queries]
    assert "Excel dalam antrean" in html and "PDF sedang dibuat" in html and "Gagal membuat Excel" in html


def test_kemajuan_lama_tahap_dan_durasi_biasa(klien, unit):
    for detik in (20, 30, 40):
        _berkas(unit, f"{detik:064d}", mulai_pada=timezone.now() - timedelta(seconds=detik))
    jalan = _berkas(
        unit,
        "f" * 64,
        status="dirender",
        mulai_pada=timezone.now() - timedelta(seconds=12),
        tahap=BerkasLaporan.Tahap.RENDER,
        detak=timezone.now(),
    )
    html = klien.get(reverse("laporan:berkas", args=[jalan.pk]), **HTMX).content.decode()
    assert "PDF sedang dibuat" in html and "Tahap: membuat berkas." in html
    assert "sudah 12 detik" in html and "biasanya sekitar 30 detik" in html
    assert '<progress max="30" value="12"' in html
    assert 'hx-trigger="every 1s"' in html


@pytest.mark.parametrize(
    ("durasi", "harapan"),
    [([], None), ([27.2], 27), ([10, 30, 20], 20), ([10, 20, 31, 40], 26), ([0.4], 0)],
)
def test_durasi_biasa(durasi, harapan):
    assert tugas.durasi_biasa(durasi) == harapan


@pytest.mark.tugas
def test_pekerja_melaporkan_tahap_dan_waktu_mulai(klien, unit, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with TestCase.captureOnCommitCallbacks(execute=True):
        klien.post(reverse("laporan:pdf", args=[unit.slug, TAHUN]), **HTMX)
    berkas = BerkasLaporan.objects.get()
    terlihat = []

    def render(html, peta):
        terlihat.append(BerkasLaporan.objects.values_list("status", "tahap").get(pk=berkas.pk))
        return b"%PDF-1.7 palsu"

    with mock.patch("laporan.tugas.render_pdf_html", side_effect=render):
        tugas.jalankan_render(berkas.pk)
    berkas.refresh_from_db()
    assert terlihat == [("dirender", "render")]
    assert berkas.status == "selesai" and berkas.mulai_pada is not None
    assert berkas.mulai_pada <= berkas.selesai_pada
    assert tugas.durasi_per_format()["pdf"] >= 0


def test_halaman_buat_pdf_menampilkan_pdf_tersimpan(klien, unit):
    pdf = _berkas(unit, _kunci_kini(unit))
    word = _berkas(unit, _kunci_kini(unit, "docx"), "docx")
    html = klien.get(reverse("laporan:pdf", args=[unit.slug, TAHUN])).content.decode()
    assert reverse("laporan:berkas_unduh", args=[pdf.pk]) in html and ">terkini<" in html
    assert reverse("laporan:berkas_unduh", args=[word.pk]) not in html


def test_bagian_pdf_yang_selesai_dilaporkan():
    """The parts of a PDF rendered side by side report how many are done (laporan.batas.tunggu)."""
    from concurrent.futures import ThreadPoolExecutor

    from laporan import batas

    laporan_tahap = []
    with batas.anggaran(60, 0, selang=0.01) as a, ThreadPoolExecutor(2) as kolam:
        a.lapor = lambda tahap, bagian="": laporan_tahap.append((tahap, bagian))
        batas.tunggu([kolam.submit(pow, 2, n) for n in range(3)], lambda: None)
        batas.lapor("gabung")
    assert laporan_tahap[-2:] == [("render", "3/3"), ("gabung", "")]
    assert all(t == "render" and b.endswith("/3") for t, b in laporan_tahap[:-1])


def test_fragmen_menampilkan_bagian_selesai(klien, unit):
    jalan = _berkas(unit, "e" * 64, status="dirender", mulai_pada=timezone.now(), tahap="render", tahap_bagian="3/7")
    html = klien.get(reverse("laporan:berkas", args=[jalan.pk]), **HTMX).content.decode()
    assert "Tahap: membuat berkas, bagian 3/7 selesai." in html


@pytest.mark.parametrize(
    ("status", "antri_detik", "mulai_detik", "harapan"),
    [("antri", 5, None, 5), ("dirender", 50, 8, 8), ("dirender", 50, None, 50)],
)
def test_lama_detik(unit, status, antri_detik, mulai_detik, harapan):
    kini = timezone.now()
    b = BerkasLaporan(
        unit=unit,
        status=status,
        diperbarui_pada=kini - timedelta(seconds=antri_detik),
        mulai_pada=kini - timedelta(seconds=mulai_detik) if mulai_detik else None,
    )
    assert b.lama_detik in (harapan, harapan + 1)
