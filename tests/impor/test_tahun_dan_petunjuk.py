"""The import preview prints years without a thousands separator, and the workbook's Petunjuk is true to its
sheets: a PK version is created by the Versi PK sheet in the same import (issue 19, finding 2)."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.test_jelajah import TAHUN_BERTITIK

from .util import TAHUN, ekspor, simpan, tambah_baris

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_pratinjau_impor_menulis_tahun_tanpa_titik(client, perencana, data):
    wb = ekspor(data["unit"])
    tambah_baris(wb["Pendanaan Renstra"], Program="Program uji", Tahun=2016, **{"Alokasi (Rp)": 1500000})
    client.force_login(perencana)
    berkas = SimpleUploadedFile("sakip.xlsx", simpan(wb), content_type=XLSX)
    r = client.post(reverse("kerja:excel_impor", args=["biro-ks", TAHUN]), {"berkas": berkas})
    assert r.status_code == 200
    html = r.content.decode()
    assert r.context["hasil"].baru == 1
    assert "<strong>Tahun</strong>: 2016" in html
    assert "1.500.000" in html  # money keeps its separators
    assert not TAHUN_BERTITIK.findall(html)


def test_petunjuk_tidak_meminta_versi_pk_dibuat_lebih_dulu(data):
    ws = ekspor(data["unit"])["Petunjuk"]
    teks = " ".join(str(c.value) for baris in ws.iter_rows() for c in baris if c.value)
    assert not re.search(r"Versi PK harus sudah\s+ada", teks)
    pk = next(str(b.value) for a, b in ws.iter_rows(max_col=2) if a.value == "PK")
    assert "lembar Versi PK" in pk
