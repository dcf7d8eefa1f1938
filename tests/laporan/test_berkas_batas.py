"""Report files: keyed by their inputs (the request never builds the report), a render's budget (time, memory),
its lease and heartbeat (a killed worker's render is detected and made anew), one render per unit at a time, the
pool's processes dying with their parent, and the IKU decree fetching only what it prints."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from indikator.enums import Peran
from indikator.models import Indikator, PeriodeUnit, SkemaPenilaian
from laporan import batas, pdf_paralel, tugas
from laporan.kunci import kunci_berkas
from laporan.models import BerkasLaporan
from laporan.narasi import simpan_narasi
from tests.pabrik import buat_pengguna

from .conftest import buat_unit_kecil

pytestmark = [pytest.mark.django_db, pytest.mark.tugas, pytest.mark.usefixtures("privat_sementara")]
TAHUN = 2018
HTMX = {"HTTP_HX_REQUEST": "true"}
PDF_PALSU = b"%PDF-1.7 palsu"


@pytest.fixture
def unit():
    return buat_unit_kecil("unit-batas", 2)


@pytest.fixture
def klien(client, unit):
    client.force_login(buat_pengguna("perencana-batas", Peran.PERENCANA, unit))
    return client


def _minta(klien, unit, format_="pdf", **data):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return klien.post(reverse(f"laporan:{format_}", args=[unit.slug, TAHUN]), data, **HTMX)


# ---------------------------------------------------------------------- keyed by inputs


def test_permintaan_tidak_menyusun_laporan_dan_kuerinya_tetap(klien, unit, antrean):
    """ "Buat PDF" reads the key (a constant handful of queries) and never builds the report; the same count for a
    unit with 2 or 12 indikator."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    besar = buat_unit_kecil("unit-batas-besar", 12)
    pengguna = {unit: buat_pengguna("perencana-batas-1", Peran.PERENCANA, unit)}
    pengguna[besar] = buat_pengguna("perencana-batas-12", Peran.PERENCANA, besar)
    jumlah = []
    with (
        mock.patch("laporan.tugas.susun_laporan", side_effect=AssertionError("laporan disusun di permintaan")),
        mock.patch("laporan.bundel.ambil_bundel", side_effect=AssertionError("bundel diambil di permintaan")),
        mock.patch("laporan.tugas.render_html_cetak", side_effect=AssertionError("HTML dibuat di permintaan")),
    ):
        for u in (unit, besar):
            klien.force_login(pengguna[u])
            with CaptureQueriesContext(connection) as kueri:
                r = _minta(klien, u)
            assert r.status_code == 200 and "PDF dalam antrean" in r.content.decode()
            jumlah.append(len(kueri))
    assert jumlah[0] == jumlah[1] <= 16, jumlah
    assert [h.args for h in antrean.results] == [[b.pk] for b in BerkasLaporan.objects.order_by("pk")]


def test_pekerja_menyusun_laporan_sekali(klien, unit, antrean):
    _minta(klien, unit)
    berkas = BerkasLaporan.objects.get()
    with (
        mock.patch("laporan.tugas.susun_laporan", wraps=tugas.susun_laporan) as susun,
        mock.patch("laporan.tugas.render_pdf_html", return_value=PDF_PALSU),
    ):
        tugas.jalankan_render(berkas.pk)
    berkas.refresh_from_db()
    assert susun.call_count == 1 and berkas.status == "selesai" and len(berkas.hash_isi) == 64


def _ubah_narasi(unit):
    simpan_narasi(unit=unit, tahun=TAHUN, bagian="kata_pengantar", sasaran=None, judul="", isi="Teks baru.")


def _ubah_data(unit):
    from indikator.services import simpan_realisasi

    ind = Indikator.objects.filter(sasaran__revisi__renstra__unit=unit).order_by("pk").first()
    simpan_realisasi(indikator=ind, tahun=TAHUN - 1, triwulan=None, nilai=Decimal("12.5"))


def _ubah_naskah(unit):
    """Saved outside the write services (as the admin could): its history record changes the key."""
    from laporan.models import NaskahDinas

    naskah = NaskahDinas.objects.filter(unit=unit).first() or NaskahDinas(unit=unit)
    naskah.iku_nomor = "800/1/2018"
    naskah.save()


def _ubah_skema(unit):
    s = SkemaPenilaian.objects.first()
    s.save()


def _ubah_kepala(unit):
    k = unit.kepala.first()
    k.nama = "Kepala Baru"
    k.save()


def _ubah_status(unit):
    PeriodeUnit.objects.update_or_create(unit=unit, tahun=TAHUN, defaults={"status": "diajukan"})


@pytest.mark.parametrize(
    "ubah, opsi",
    [
        (_ubah_narasi, {}),
        (_ubah_data, {}),  # another year of the unit: the report prints its history
        (_ubah_naskah, {}),
        (_ubah_skema, {}),
        (_ubah_kepala, {}),
        (_ubah_status, {}),
        (None, {"bahasa": "en"}),
        (None, {"dengan_peringatan": True}),
        (None, {"format_": "docx"}),
        (None, {"jenis": "iku"}),
    ],
    ids=["narasi", "data", "naskah", "skema", "kepala", "status", "bahasa", "lampiran", "format", "dokumen"],
)
def test_setiap_masukan_mengubah_kunci(unit, ubah, opsi):
    def kunci(**kw):
        periode = PeriodeUnit.objects.filter(unit=unit, tahun=TAHUN).first()
        nilai = {"format_": "pdf", **kw}
        return kunci_berkas(unit.pk, TAHUN, nilai.pop("format_"), periode=periode, **nilai)

    awal = kunci()
    assert kunci() == awal  # nothing changed: the same key
    if ubah is not None:
        ubah(unit)
    assert kunci(**opsi) != awal


def test_versi_build_termasuk_kunci(unit, settings):
    from laporan import kunci as modul_kunci

    awal = kunci_berkas(unit.pk, TAHUN, "pdf", periode=None)
    settings.SAKIP_VERSI_BUILD = "rilis-berikut"
    modul_kunci.versi_build.cache_clear()
    try:
        assert kunci_berkas(unit.pk, TAHUN, "pdf", periode=None) != awal
    finally:
        modul_kunci.versi_build.cache_clear()


# ---------------------------------------------------------------------- lease and heartbeat


@pytest.mark.parametrize(
    "umur_detak, mati",
    [(timedelta(seconds=5), False), (timedelta(seconds=61), True), (timedelta(hours=1), True)],
)
def test_detak_basi_berarti_render_mati_dan_permintaan_baru_mengantre_ulang(klien, unit, antrean, umur_detak, mati):
    _minta(klien, unit)
    berkas = BerkasLaporan.objects.get()
    BerkasLaporan.objects.update(status="dirender", sewa="pekerja-lama", detak=timezone.now() - umur_detak)
    html = klien.get(reverse("laporan:berkas", args=[berkas.pk]), **HTMX).content.decode()
    berkas.refresh_from_db()
    if not mati:
        assert berkas.status == "dirender" and "PDF sedang dibuat" in html and "hx-get" in html
        _minta(klien, unit)
        assert len(antrean.results) == 1  # joins the live render
        return
    assert berkas.status == "gagal" and "Silakan buat lagi" in html and "hx-get" not in html
    _minta(klien, unit)
    berkas.refresh_from_db()
    assert berkas.status == "antri" and berkas.sewa == "" and len(antrean.results) == 2
    # The dead worker's late writes are refused: its lease is gone.
    with pytest.raises(batas.SewaHilang):
        tugas._pendetak(berkas.pk, "pekerja-lama")()


def test_permintaan_baru_tidak_bergabung_dengan_render_mati(klien, unit, antrean):
    """Without a status poll in between: the request itself sees the dead render and queues anew."""
    _minta(klien, unit)
    BerkasLaporan.objects.update(status="dirender", detak=timezone.now() - timedelta(minutes=2))
    r = _minta(klien, unit)
    assert "PDF dalam antrean" in r.content.decode() and len(antrean.results) == 2


def test_baris_tugas_database_render_mati_menjadi_gagal(klien, unit):
    """django-tasks-db's row of the killed worker's task is FAILED, not RUNNING for ever."""
    from django_tasks_db.models import DBTaskResult

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        _minta(klien, unit)
        berkas = BerkasLaporan.objects.get()
        baris = DBTaskResult.objects.get()
        assert berkas.tugas_id == str(baris.id)
        DBTaskResult.objects.update(status="RUNNING", started_at=timezone.now())
        BerkasLaporan.objects.update(status="dirender", detak=timezone.now() - timedelta(minutes=2))
        klien.get(reverse("laporan:berkas", args=[berkas.pk]), **HTMX)
        baris.refresh_from_db()
        assert baris.status == "FAILED" and "Silakan buat lagi" in baris.traceback


# ---------------------------------------------------------------------- one render per unit


def test_satu_render_per_unit_berikutnya_menunggu_lalu_diantrekan(klien, unit, antrean):
    lain = buat_unit_kecil("unit-batas-lain", 1)
    pengguna_lain = buat_pengguna("perencana-batas-lain", Peran.PERENCANA, lain)
    _minta(klien, unit)
    _minta(klien, unit, "xlsx")
    pertama, kedua = BerkasLaporan.objects.order_by("pk")
    klien.force_login(pengguna_lain)
    _minta(klien, lain)
    unit_lain = BerkasLaporan.objects.get(unit=lain)
    selama_render = {}

    def render_pertama(html, peta=None):
        tugas.jalankan_render(kedua.pk)  # the unit's second file while the first renders: it waits
        tugas.jalankan_render(unit_lain.pk)  # another unit's file is not held up
        selama_render.update(
            {b.pk: (b.status, b.menunggu) for b in BerkasLaporan.objects.filter(pk__in=[kedua.pk, unit_lain.pk])}
        )
        return PDF_PALSU

    with (
        mock.patch("laporan.tugas.render_pdf_html", side_effect=render_pertama),
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        tugas.jalankan_render(pertama.pk)
    assert selama_render == {kedua.pk: ("antri", True), unit_lain.pk: ("selesai", False)}
    kedua.refresh_from_db()
    assert (kedua.status, kedua.menunggu) == ("antri", False)
    assert [h.args for h in antrean.results][-1] == [kedua.pk]  # queued when the first one ended
    tugas.jalankan_render(kedua.pk)
    kedua.refresh_from_db()
    assert kedua.status == "selesai"


def test_menunggu_tampil_di_halaman(klien, unit, antrean):
    _minta(klien, unit)
    berkas = BerkasLaporan.objects.get()
    BerkasLaporan.objects.update(menunggu=True)
    BerkasLaporan.objects.create(
        unit=unit, tahun=TAHUN, format="xlsx", hash="x" * 64, status="dirender", detak=timezone.now()
    )
    html = klien.get(reverse("laporan:berkas", args=[berkas.pk]), **HTMX).content.decode()
    assert "menunggu berkas lain unit ini" in html and "hx-get" in html


# ---------------------------------------------------------------------- budget


def _tidur(laporan):
    time.sleep(30)
    return b"tidak pernah"


def _rakus(laporan):
    return bytes(bytearray(512 * 1024 * 1024))


@pytest.mark.parametrize(
    "fungsi, setelan, pesan",
    [
        (_tidur, {"SAKIP_LAPORAN_WAKTU_MAKS_DETIK": 1}, "Berkas terlalu lama dibuat (melebihi batas 1 detik)"),
        (_rakus, {"SAKIP_LAPORAN_MEMORI_MB": 64}, "Berkas terlalu besar untuk dibuat (melebihi batas memori 64 MB)"),
    ],
    ids=["waktu", "memori"],
)
def test_render_melebihi_batas_gagal_dengan_pesan(klien, unit, antrean, settings, fungsi, setelan, pesan):
    for k, v in setelan.items():
        setattr(settings, k, v)
    _minta(klien, unit, "xlsx")
    berkas = BerkasLaporan.objects.get()
    mulai = time.monotonic()
    with mock.patch("laporan.excel.render_xlsx", side_effect=fungsi), pytest.raises(batas.MelewatiBatas):
        tugas.jalankan_render(berkas.pk)
    assert time.monotonic() - mulai < 20
    berkas.refresh_from_db()
    assert berkas.status == "gagal" and pesan in berkas.alasan
    html = klien.get(reverse("laporan:berkas", args=[berkas.pk]), **HTMX).content.decode()
    assert pesan in html and "Coba lagi" in html


def test_kolam_pdf_dihentikan_saat_batas_waktu(settings):
    settings.SAKIP_PDF_PROSES = 2
    pdf_paralel.tutup_kolam()
    kolam = pdf_paralel._ambil_kolam()
    tugas_lama = [kolam.submit(time.sleep, 30) for _ in range(2)]
    proses = list(kolam._processes.values())
    mulai = time.monotonic()
    with batas.anggaran(1, 0), pytest.raises(batas.MelewatiBatas, match="terlalu lama"):
        batas.tunggu(tugas_lama, pdf_paralel.matikan_kolam)
    assert time.monotonic() - mulai < 10
    assert pdf_paralel._kolam is None and not any(p.is_alive() for p in proses)


def _rakus_pdf(html):
    return pdf_paralel.Hasil(bytes(bytearray(512 * 1024 * 1024)), 1, {})


@pytest.fixture
def kolam_baru(settings):
    settings.SAKIP_PDF_PROSES = 1
    pdf_paralel.tutup_kolam()
    yield
    pdf_paralel.tutup_kolam()


def test_render_pdf_di_kolam_melebihi_memori(settings, kolam_baru):
    settings.SAKIP_LAPORAN_MEMORI_MB = 64
    with (
        mock.patch.object(pdf_paralel, "render_dokumen", _rakus_pdf),  # the pool made now inherits it
        batas.anggaran(30, 64),
        pytest.raises(batas.MelewatiBatas, match="melebihi batas memori 64 MB"),
    ):
        pdf_paralel._render_terbatas("<p>x</p>")


def test_kolam_yang_prosesnya_sudah_mati_dibuat_ulang(kolam_baru):
    kolam = pdf_paralel._ambil_kolam()
    kolam.submit(os.getpid).result()
    for p in kolam._processes.values():
        p.kill()
        p.join()
    with batas.anggaran(60, 0):
        hasil = pdf_paralel._render_terbatas("<html><body><p>Halo</p></body></html>")
    assert hasil.pdf.startswith(b"%PDF") and hasil.halaman == 1


def test_detak_selama_menunggu():
    detak = mock.Mock()
    with batas.anggaran(30, 0, detak=detak, selang=0.05):
        assert batas.jalankan_di_anak(time.sleep, 0.3) is None
    assert detak.call_count >= 2


# ---------------------------------------------------------------------- processes end with their parent

_SKRIP_KOLAM = """
import os, sys, time
import django
django.setup()
from laporan import pdf_paralel
kolam = pdf_paralel._ambil_kolam()
pid = {kolam.submit(os.getpid).result() for _ in range(8)} | {p.pid for p in kolam._processes.values()}
print(" ".join(map(str, sorted(pid))), flush=True)
time.sleep(60)
"""


def _hidup(pid: int) -> bool:
    try:
        keadaan = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return keadaan not in ("Z", "X")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and prctl: Linux")
def test_proses_kolam_berhenti_saat_induknya_mati():
    """A worker killed with SIGKILL leaves no pool process behind (PR_SET_PDEATHSIG in the pool initializer)."""
    lingkungan = {**os.environ, "DJANGO_SETTINGS_MODULE": "sakip.settings", "SAKIP_PDF_PROSES": "2"}
    induk = subprocess.Popen(
        [sys.executable, "-c", _SKRIP_KOLAM],
        cwd=django_settings.BASE_DIR,
        env=lingkungan,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        anak = [int(p) for p in induk.stdout.readline().split()]
        assert len(anak) == 2 and all(_hidup(p) for p in anak)
    finally:
        induk.kill()
        induk.wait()
    batas_waktu = time.monotonic() + 5
    while any(_hidup(p) for p in anak) and time.monotonic() < batas_waktu:
        time.sleep(0.05)
    assert not any(_hidup(p) for p in anak)


# ---------------------------------------------------------------------- the IKU decree


def test_keputusan_iku_hanya_mengambil_yang_dicetak(unit, django_assert_max_num_queries):
    from django.template.loader import render_to_string

    from laporan.bab.lampiran import lampiran_iku
    from laporan.bab.naskah import keputusan_iku
    from laporan.bundel import ambil_bundel
    from laporan.pdf import html_keputusan_iku

    Indikator.objects.filter(sasaran__revisi__renstra__unit=unit).update(iku=True)
    b = ambil_bundel(unit, TAHUN)
    tabel = lampiran_iku(b)
    harapan = render_to_string("laporan/keputusan_cetak.html", {"blok": keputusan_iku(b, tabel), "unit": b.unit})
    with (
        mock.patch("laporan.bundel.ambil_bundel", side_effect=AssertionError("seluruh bundel diambil")),
        django_assert_max_num_queries(8),
    ):
        html = html_keputusan_iku(unit, TAHUN)
    assert html == harapan and "Indikator Kinerja Utama" in html
