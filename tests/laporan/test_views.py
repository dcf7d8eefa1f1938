"""Report views: golden numbers in the HTML, access rules (403 on another unit), bounded query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indikator.enums import Peran
from tests.pabrik import buat_pengguna

from .conftest import buat_unit_kecil

EMAS_HTML = ["104,47", "102,24", "93,05", "87,82", "Rp 8.225.900.000", "1,12", "98,87", "Rp 7.223.880.286"]


def test_html_memuat_angka_emas_dan_seluruh_struktur(klien, unit):
    r = klien.get(reverse("laporan:html", args=[unit.slug, 2018]))
    assert r.status_code == 200
    html = r.content.decode()
    for angka in EMAS_HTML:
        assert angka in html, angka
    for judul in (
        "KATA PENGANTAR",
        "Daftar Isi",
        "Ringkasan Eksekutif",
        "PENDAHULUAN",
        "PERENCANAAN KINERJA",
        "AKUNTABILITAS KINERJA",
        "PENUTUP",
        "Lampiran 6",
    ):
        assert judul.lower() in html.lower(), judul
    assert 'id="tabel-16"' in html and 'id="gambar-1"' in html
    isi = html.split("</header>")[1]
    for skrip in ("/static/vendor/htmx/htmx.min.js", "/static/js/sakip.js"):
        isi = isi.replace(f'<script src="{skrip}" defer></script>', "")
    assert "<svg" in html and "<script" not in isi  # charts are server-side SVG; only the site-wide scripts
    assert reverse("laporan:pdf", args=[unit.slug, 2018]) in html
    assert reverse("laporan:xlsx", args=[unit.slug, 2018]) in html
    assert "2.018" not in html  # years never get a thousands separator
    # The row-number column is "No" (Django's own Indonesian catalogue would turn a bare "No" into "Tidak").
    assert "<th>No</th>" in html or ">No</th>" in html
    assert ">Tidak</th>" not in html


def test_lampiran_peringatan_hanya_dengan_parameter(klien, unit):
    url = reverse("laporan:html", args=[unit.slug, 2018])
    bersih = klien.get(url).content.decode()
    dengan = klien.get(url + "?dengan_peringatan=1").content.decode()
    assert "Peringatan Konsistensi Data" not in bersih
    assert "Peringatan Konsistensi Data" in dengan
    assert "001.1" in dengan


def test_harus_masuk(client, unit):
    r = client.get(reverse("laporan:html", args=[unit.slug, 2018]))
    assert r.status_code == 302 and reverse("login") in r["Location"]


def test_tahun_tanpa_renstra_404(klien, unit):
    assert klien.get(reverse("laporan:html", args=[unit.slug, 2031])).status_code == 404


@pytest.mark.parametrize("nama", ["laporan:html", "laporan:pdf", "laporan:xlsx"])
def test_perencana_unit_lain_mendapat_403(client, unit, nama):
    lain = buat_unit_kecil("unit-lain", 1)
    user = buat_pengguna("perencana-lain", Peran.PERENCANA, lain)
    client.force_login(user)
    assert client.get(reverse(nama, args=[unit.slug, 2018])).status_code == 403
    assert client.get(reverse(nama, args=[lain.slug, 2018])).status_code == 200


def test_xlsx_dibuat_pekerja_lalu_diunduh(klien, unit, settings, tmp_path):
    from django.test import TestCase

    from laporan.models import BerkasLaporan

    settings.SAKIP_PRIVATE_ROOT = tmp_path
    with TestCase.captureOnCommitCallbacks(execute=True):  # the tests' immediate task backend renders on commit
        r = klien.post(reverse("laporan:xlsx", args=[unit.slug, 2018]))
    berkas = BerkasLaporan.objects.get()
    assert r.status_code == 302 and berkas.status == "selesai"
    r = klien.get(reverse("laporan:berkas_unduh", args=[berkas.pk]))
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "laporan-kinerja-biro-kerja-sama-2018.xlsx" in r["Content-Disposition"]


@pytest.mark.django_db
def test_jumlah_query_view_html_sama_untuk_satu_dan_banyak_indikator(client):
    satu = buat_unit_kecil("unit-satu", 1)
    banyak = buat_unit_kecil("unit-banyak", 8)
    admin = buat_pengguna("admin-uji", Peran.ADMINISTRATOR)
    client.force_login(admin)
    hitungan = []
    for u in (satu, banyak):
        client.get(reverse("laporan:html", args=[u.slug, 2018]))  # warm caches (session, content types)
        with CaptureQueriesContext(connection) as q:
            r = client.get(reverse("laporan:html", args=[u.slug, 2018]))
        assert r.status_code == 200
        hitungan.append(len(q))
    assert hitungan[0] == hitungan[1]
    for u in (satu, banyak):  # asking for the XLSX (queued on commit, which the test's transaction never does)
        with CaptureQueriesContext(connection) as q:
            r = client.post(reverse("laporan:xlsx", args=[u.slug, 2018]))
        assert r.status_code == 302
        hitungan.append(len(q))
    assert hitungan[2] == hitungan[3]
