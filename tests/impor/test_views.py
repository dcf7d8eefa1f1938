from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from indikator.enums import StatusPeriode
from indikator.models import PeriodeUnit, Realisasi
from kerja.views.impor import SESI

from .util import TAHUN, atur, cari_baris, ekspor, simpan

URL_UNDUH = reverse("kerja:excel_unduh", args=["biro-ks", TAHUN])
URL_IMPOR = reverse("kerja:excel_impor", args=["biro-ks", TAHUN])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _unggahan(isi: bytes, nama="sakip.xlsx"):
    return SimpleUploadedFile(nama, isi, content_type=XLSX)


def _workbook_ubah(data, nilai=80):
    wb = ekspor(data["unit"])
    ws = wb["Realisasi"]
    atur(ws, cari_baris(ws, Kode_indikator="IK2", Triwulan="Tahunan"), "Nilai", nilai)
    return simpan(wb)


def _nilai_ik2(data):
    return Realisasi.objects.get(indikator=data["i2"], tahun=TAHUN, triwulan=None).nilai


def test_perencana_unduh_workbook(client, perencana):
    client.force_login(perencana)
    r = client.get(URL_UNDUH)
    assert r.status_code == 200
    assert r["Content-Type"] == XLSX
    assert r["Content-Disposition"] == 'attachment; filename="sakip-biro-ks-2018.xlsx"'
    assert r.content[:2] == b"PK"


def test_auditor_boleh_unduh_tetapi_tidak_impor(client, auditor, data):
    client.force_login(auditor)
    assert client.get(URL_UNDUH).status_code == 200
    assert client.get(URL_IMPOR).status_code == 403
    r = client.post(URL_IMPOR, {"berkas": _unggahan(_workbook_ubah(data))})
    assert r.status_code == 403
    assert _nilai_ik2(data) == Decimal("78.35")


def test_perencana_unit_lain_ditolak(client, perencana_lain, data):
    client.force_login(perencana_lain)
    assert client.get(URL_UNDUH).status_code == 403
    assert client.post(URL_IMPOR, {"berkas": _unggahan(_workbook_ubah(data))}).status_code == 403


def test_tamu_diarahkan_ke_login(client, data):
    assert client.get(URL_UNDUH).status_code == 302


def test_unggah_pratinjau_lalu_terapkan(client, perencana, data):
    client.force_login(perencana)
    r = client.post(URL_IMPOR, {"berkas": _unggahan(_workbook_ubah(data))})
    assert r.status_code == 200
    hasil = r.context["hasil"]
    assert (hasil.baru, hasil.berubah) == (0, 1)
    html = r.content.decode()
    assert "78,35 → 80" in html
    assert _nilai_ik2(data) == Decimal("78.35")  # preview only
    token = r.context["token"]
    assert token in client.session[SESI]

    r = client.post(URL_IMPOR, {"token": token, "terapkan": "1"}, follow=True)
    assert r.status_code == 200
    assert "Impor selesai: 0 baris baru, 1 baris berubah" in r.content.decode()
    assert _nilai_ik2(data) == Decimal("80")
    assert token not in client.session.get(SESI, {})
    # The token is single use.
    r = client.post(URL_IMPOR, {"token": token}, follow=True)
    assert "kedaluwarsa" in r.content.decode()


def test_token_palsu_tidak_menerapkan_apa_pun(client, perencana, data):
    client.force_login(perencana)
    r = client.post(URL_IMPOR, {"token": "palsu"}, follow=True)
    assert "kedaluwarsa" in r.content.decode()
    assert _nilai_ik2(data) == Decimal("78.35")


def test_unggah_bergalat_tanpa_tombol_terapkan(client, perencana, data):
    client.force_login(perencana)
    wb = ekspor(data["unit"])
    ws = wb["Realisasi"]
    r_ = cari_baris(ws, Kode_indikator="IK2", Triwulan="Tahunan")
    atur(ws, r_, "Nilai", "1.23.4")
    r = client.post(URL_IMPOR, {"berkas": _unggahan(simpan(wb))})
    assert r.status_code == 200
    assert r.context["token"] is None
    html = r.content.decode()
    assert "bukan angka yang sah" in html and 'name="token"' not in html
    assert not client.session.get(SESI)


def test_bukan_xlsx_ditolak(client, perencana):
    client.force_login(perencana)
    r = client.post(URL_IMPOR, {"berkas": _unggahan(b"bukan excel")})
    assert r.status_code == 200
    assert "bukan workbook Excel" in r.content.decode()
    r = client.post(URL_IMPOR, {"berkas": _unggahan(b"x", nama="data.csv")})
    assert ".xlsx" in r.content.decode()


def test_tahun_terkunci_ditolak_saat_unggah_dan_konfirmasi(client, perencana, data):
    client.force_login(perencana)
    r = client.post(URL_IMPOR, {"berkas": _unggahan(_workbook_ubah(data))})
    token = r.context["token"]
    PeriodeUnit.objects.create(unit=data["unit"], tahun=TAHUN, status=StatusPeriode.DIKUNCI)
    r = client.post(URL_IMPOR, {"token": token}, follow=True)
    assert "sudah dikunci dan tidak dapat diubah" in r.content.decode()
    assert _nilai_ik2(data) == Decimal("78.35")
    r = client.post(URL_IMPOR, {"berkas": _unggahan(_workbook_ubah(data))})
    assert r.status_code == 409
    assert "sudah dikunci dan tidak dapat diubah" in r.content.decode()
    assert _nilai_ik2(data) == Decimal("78.35")
