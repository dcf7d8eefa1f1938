"""Large Excel imports run by the task worker: above SAKIP_IMPOR_LATAR_BARIS data rows the upload is stored in
private storage and queued (nothing applied in the request), the worker applies it all or nothing under the period
lock, the status page shows the summary or the row errors, and the stored upload is deleted afterwards."""

import io
import re
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from openpyxl import load_workbook
from openpyxl.styles import Font

from impor.buku_kerja import HitunganBaris, hitung_baris_data
from impor.models import ImporLatar
from impor.tugas import jalankan_impor, perlu_latar
from indikator.enums import StatusPeriode
from indikator.models import PeriodeUnit, Realisasi
from kerja.views.impor import SESI

from .util import TAHUN, atur, cari_baris, ekspor, simpan

pytestmark = pytest.mark.tugas
URL_IMPOR = reverse("kerja:excel_impor", args=["biro-ks", TAHUN])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def latar_kecil(settings, tmp_path):
    """Every workbook of the small test data set counts as large; private storage in a temporary folder."""
    settings.SAKIP_IMPOR_LATAR_BARIS = 3
    settings.SAKIP_PRIVATE_ROOT = tmp_path / "privat"
    return settings.SAKIP_PRIVATE_ROOT


def _workbook(data, nilai=80):
    wb = ekspor(data["unit"])
    ws = wb["Realisasi"]
    atur(ws, cari_baris(ws, Kode_indikator="IK2", Triwulan="Tahunan"), "Nilai", nilai)
    return simpan(wb)


def _unggah(client, isi: bytes):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(URL_IMPOR, {"berkas": SimpleUploadedFile("besar.xlsx", isi, content_type=XLSX)})


def _nilai_ik2(data):
    return Realisasi.objects.get(indikator=data["i2"], tahun=TAHUN, triwulan=None).nilai


def _berkas_tersimpan(privat):
    return sorted(p.name for p in (privat / "impor").iterdir()) if (privat / "impor").exists() else []


def _dimensi(isi: bytes, ref: str) -> bytes:
    """The workbook with every worksheet declaring `<dimension ref=ref/>`, whatever rows it holds."""
    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(isi)) as zin, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            isi_bagian = zin.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                teks, n = re.subn(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>', isi_bagian.decode())
                assert n == 1
                isi_bagian = teks.encode()
            zout.writestr(info, isi_bagian)
    return keluar.getvalue()


def _baris_nyata(data) -> int:
    return sum(
        ws.max_row - 1 for ws in ekspor(data["unit"]).worksheets if ws.title not in ("Petunjuk", "Daftar pilihan")
    )


def _baris_bergaya_kosong(isi: bytes) -> bytes:
    """Rows far below the table that hold only a style (a formatted but empty range): not data."""
    wb = load_workbook(io.BytesIO(isi))
    for baris in range(40, 400):
        wb["Realisasi"].cell(row=baris, column=2).font = Font(bold=True)
    return simpan(wb)


@pytest.mark.parametrize(
    ("ubah", "lengkap"),
    [
        (lambda isi: isi, True),
        (lambda isi: _dimensi(isi, "A1:L2"), True),  # the declared dimension lies
        (lambda isi: _dimensi(isi, "A1"), True),
        (_baris_bergaya_kosong, True),
    ],
    ids=["jujur", "dimensi-berbohong", "dimensi-satu-sel", "baris-bergaya-kosong"],
)
def test_jumlah_baris_dihitung_dari_isi_lembar(data, ubah, lengkap):
    assert hitung_baris_data(io.BytesIO(ubah(_workbook(data)))) == HitunganBaris(_baris_nyata(data), lengkap)


def test_hitungan_melewati_batas_waktu_dianggap_besar(data, settings):
    settings.SAKIP_IMPOR_LATAR_BARIS = 100_000
    settings.SAKIP_IMPOR_HITUNG_DETIK = 0
    hitungan = hitung_baris_data(io.BytesIO(_workbook(data)))
    assert not hitungan.lengkap and hitungan.jumlah < _baris_nyata(data)
    assert perlu_latar(hitungan)


@pytest.mark.parametrize("alasan", ["dimensi-berbohong", "batas-waktu"])
def test_dimensi_berbohong_tetap_ke_pekerja(client, perencana, data, antrean, latar_kecil, settings, alasan):
    """Issue 17 #3: rows behind a sheet declaring `A1:L2` (one data row per sheet, below the threshold) are counted,
    and the upload goes to the worker instead of the in-request preview."""
    dikenal = sum(1 for ws in ekspor(data["unit"]).worksheets if ws.title not in ("Petunjuk", "Daftar pilihan"))
    settings.SAKIP_IMPOR_LATAR_BARIS = dikenal  # what the declared dimensions add up to: not above the threshold
    assert _baris_nyata(data) > dikenal
    if alasan == "batas-waktu":
        settings.SAKIP_IMPOR_LATAR_BARIS = 100_000
        settings.SAKIP_IMPOR_HITUNG_DETIK = 0
    client.force_login(perencana)
    r = _unggah(client, _dimensi(_workbook(data), "A1:L2"))
    impor = ImporLatar.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("kerja:impor_status", args=["biro-ks", TAHUN, impor.pk])
    assert not client.session.get(SESI)  # no in-request preview
    assert _nilai_ik2(data) == Decimal("78.35") and len(_berkas_tersimpan(latar_kecil)) == 1
    assert [(h.task.name, h.args) for h in antrean.results] == [("impor_latar", [impor.pk])]
    jalankan_impor(impor.pk)
    impor.refresh_from_db()
    assert impor.status == "selesai", impor.alasan
    assert _nilai_ik2(data) == Decimal("80") and _berkas_tersimpan(latar_kecil) == []
    # The data rows the worker read (example rows left out), whatever the request counted.
    contoh = sum(1 for ws in ekspor(data["unit"]).worksheets if ws.cell(row=2, column=1).value == "CONTOH")
    assert impor.jumlah_baris == _baris_nyata(data) - contoh


def test_impor_besar_diantrekan_bukan_diterapkan_di_permintaan(client, perencana, data, antrean, latar_kecil):
    client.force_login(perencana)
    r = _unggah(client, _workbook(data))
    impor = ImporLatar.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("kerja:impor_status", args=["biro-ks", TAHUN, impor.pk])
    assert _nilai_ik2(data) == Decimal("78.35")  # nothing applied in the request
    assert (impor.status, impor.pengguna, impor.nama_berkas) == ("antri", perencana, "besar.xlsx")
    assert impor.jumlah_baris > 3 and len(_berkas_tersimpan(latar_kecil)) == 1
    assert [(h.task.name, h.args) for h in antrean.results] == [("impor_latar", [impor.pk])]
    halaman = client.get(r["Location"]).content.decode()
    assert "Impor dalam antrean" in halaman and f'hx-get="{r["Location"]}"' in halaman
    # The worker picks it up later.
    jalankan_impor(impor.pk)
    impor.refresh_from_db()
    assert impor.status == "selesai" and _nilai_ik2(data) == Decimal("80")


def test_pekerja_menerapkan_lalu_menghapus_unggahan(client, perencana, data, latar_kecil, kerjakan_antrean):
    client.force_login(perencana)
    r = _unggah(client, _workbook(data))  # the immediate backend: the task runs on commit
    kerjakan_antrean()  # on RQ: a worker
    impor = ImporLatar.objects.get()
    assert impor.status == "selesai", impor.alasan
    assert _nilai_ik2(data) == Decimal("80")
    assert _berkas_tersimpan(latar_kecil) == [] and not impor.berkas
    ri = Realisasi.objects.get(indikator=data["i2"], tahun=TAHUN, triwulan=None)
    assert ri.history.latest("history_id").history_user == perencana
    status = client.get(r["Location"], **HTMX).content.decode()
    assert "Impor selesai: 0 baris baru, 1 baris berubah" in status and "hx-get" not in status
    jalankan_impor(impor.pk)  # a second delivery does nothing
    assert ImporLatar.objects.get().status == "selesai"


def test_impor_besar_tidak_valid_tidak_mengubah_apa_pun(client, perencana, data, latar_kecil, kerjakan_antrean):
    client.force_login(perencana)
    wb = ekspor(data["unit"])
    ws = wb["Realisasi"]
    atur(ws, cari_baris(ws, Kode_indikator="IK2", Triwulan="Tahunan"), "Nilai", 80)
    atur(ws, cari_baris(ws, Kode_indikator="IK1", Triwulan="Tahunan"), "Nilai", "bukan angka")
    r = _unggah(client, simpan(wb))
    kerjakan_antrean()
    impor = ImporLatar.objects.get()
    assert impor.status == "gagal" and "tidak ada data yang diubah" in impor.alasan
    assert _nilai_ik2(data) == Decimal("78.35")  # the valid change is not applied either
    assert _berkas_tersimpan(latar_kecil) == []
    halaman = client.get(r["Location"]).content.decode()
    assert impor.hasil["jumlah_galat"] >= 1
    lembar, baris, kolom, pesan = impor.hasil["galat"][0]
    assert (lembar, kolom) == ("Realisasi", "Nilai") and baris > 1
    assert pesan in halaman and "Perbaiki galat berikut di workbook" in halaman


def test_status_tertutup_bagi_unit_lain_dan_pembaca(client, perencana, perencana_lain, auditor, data, antrean):
    client.force_login(perencana)
    url = _unggah(client, _workbook(data))["Location"]
    for orang in (perencana_lain, auditor):
        client.force_login(orang)
        assert client.get(url).status_code == 403
        assert client.get(url, **HTMX).status_code == 403
    # Another unit's URL with this import's id finds nothing either.
    client.force_login(perencana)
    impor = ImporLatar.objects.get()
    assert client.get(reverse("kerja:impor_status", args=["biro-lain", TAHUN, impor.pk])).status_code == 403


@pytest.mark.parametrize("status", [StatusPeriode.DIAJUKAN, StatusPeriode.DIKUNCI])
def test_tahun_dibekukan_ditolak_tanpa_menyimpan(client, perencana, data, antrean, latar_kecil, status):
    PeriodeUnit.objects.create(unit=data["unit"], tahun=TAHUN, status=status)
    client.force_login(perencana)
    r = _unggah(client, _workbook(data))
    assert r.status_code == 409
    assert not ImporLatar.objects.exists() and _berkas_tersimpan(latar_kecil) == [] and not antrean.results


def test_tahun_dibekukan_sebelum_pekerja_berjalan(client, perencana, data, antrean, latar_kecil):
    client.force_login(perencana)
    url = _unggah(client, _workbook(data))["Location"]
    PeriodeUnit.objects.create(unit=data["unit"], tahun=TAHUN, status=StatusPeriode.DISAHKAN)
    jalankan_impor(ImporLatar.objects.get().pk)
    impor = ImporLatar.objects.get()
    assert impor.status == "gagal" and "tidak dapat diubah" in impor.alasan
    assert _nilai_ik2(data) == Decimal("78.35") and _berkas_tersimpan(latar_kecil) == []
    assert impor.alasan in client.get(url).content.decode()


def test_impor_kecil_tetap_dengan_pratinjau(client, perencana, data, settings):
    settings.SAKIP_IMPOR_LATAR_BARIS = 100_000
    client.force_login(perencana)
    r = _unggah(client, _workbook(data))
    assert r.status_code == 200 and r.context["token"] and not ImporLatar.objects.exists()
