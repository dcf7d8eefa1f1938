"""The tree's pictures and matrices pages: content, downloads (PDF on A3 landscape, XLSX), a constant number of
queries whatever the size of the tree, access."""

from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.dunia import TAHUN
from tests.pohon.data import buat_pohon

pytestmark = pytest.mark.django_db
S = "biro-ks"


def _get(client, data, nama, *args, peran="perencana"):
    client.force_login(data.pengguna[peran])
    return client.get(reverse(nama, args=[S, TAHUN, *args]))


def test_halaman_tanpa_pohon(client, data):
    for nama in ("kerja:pohon_gambar", "kerja:pohon_peta", "kerja:pohon_matriks"):
        r = _get(client, data, nama)
        assert r.status_code == 200
        assert "Belum ada pohon kinerja" in r.content.decode()
    assert _get(client, data, "kerja:pohon_pdf").status_code == 404


def test_gambar_peta_matriks_berisi(client, data):
    buat_pohon(data, n_sk=2, n_es3=1, n_es4=1)
    isi = _get(client, data, "kerja:pohon_gambar").content.decode()
    assert isi.count('class="pohon-kinerja"') == 1  # one top-level branch: one drawing
    assert "SK1.1.1" in isi and "Plt. Plt Bagian" in isi and "Rp 150.000.000" in isi and ">CC</text>" in isi
    isi = _get(client, data, "kerja:pohon_peta").content.decode()
    assert "Peta Strategi Sasaran Kegiatan" in isi and 'class="panah"' in isi
    isi = _get(client, data, "kerja:pohon_matriks").content.decode()
    for judul in ("Matriks Cascading Kinerja", "Matriks Crosscutting", "Matriks Peran Hasil"):
        assert judul in isi
    assert "Kementerian Luar Negeri" in isi and "Kepala Subbagian" in isi
    assert reverse("kerja:pohon_matriks_xlsx", args=[S, TAHUN, "peran-hasil"]) in isi


def test_unduhan_pdf_a3_dan_xlsx(client, data):
    buat_pohon(data, n_sk=2, n_es3=2, n_es4=2)
    r = _get(client, data, "kerja:pohon_pdf", peran="pimpinan_induk")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    pdf = PdfReader(BytesIO(r.content))
    lebar, tinggi = (float(x) for x in pdf.pages[0].mediabox.upper_right)
    assert (round(lebar / 72 * 25.4), round(tinggi / 72 * 25.4)) == (420, 297)  # A3 landscape
    assert "Pohon Kinerja Biro Kerja Sama" in pdf.pages[0].extract_text()
    r = _get(client, data, "kerja:pohon_matriks_xlsx", "cascading")
    assert r.status_code == 200 and 'filename="matriks-cascading-biro-ks-2018.xlsx"' in r["Content-Disposition"]
    ws = load_workbook(BytesIO(r.content)).active
    assert ws["A1"].value == "Matriks Cascading Kinerja"
    assert [c.value for c in ws[3]][:3] == ["Level", "Kode", "Sasaran"]
    assert ws["I7"].value == 150000000  # the budget of a leaf stays a number
    assert _get(client, data, "kerja:pohon_matriks_xlsx", "lain").status_code == 404


def _kueri(client, data, nama):
    with CaptureQueriesContext(connection) as q:
        assert _get(client, data, nama).status_code == 200
    return len(q)


def test_jumlah_kueri_tetap(client, data):
    buat_pohon(data, n_sk=1, n_es3=1, n_es4=1)
    _kueri(client, data, "kerja:pohon_gambar")  # the first request of a session fills its caches
    kecil = {n: _kueri(client, data, n) for n in ("kerja:pohon_gambar", "kerja:pohon_peta", "kerja:pohon_matriks")}
    buat_pohon(data, n_sk=4, n_es3=2, n_es4=2)
    besar = {n: _kueri(client, data, n) for n in kecil}
    assert besar == kecil, (besar, kecil)


def test_unit_lain_ditolak(client, data):
    buat_pohon(data, n_sk=1, n_es3=1, n_es4=1)
    for nama in ("kerja:pohon_gambar", "kerja:pohon_pdf", "kerja:pohon_matriks_xlsx"):
        args = ("cascading",) if nama.endswith("xlsx") else ()
        assert _get(client, data, nama, *args, peran="perencana_lain").status_code in (403, 404)
