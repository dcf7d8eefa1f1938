"""Hardening of the Excel import: size and dimension limits checked before any row is read (a refusal in well
under a second), formula cells without a stored value, numbers too large, private and short-lived temp files,
and text that looks like a formula round-trips as text."""

import io
import os
import re
import stat
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import load_workbook

from anggaran.models import SubKegiatan
from impor.buku_kerja import WorkbookTidakValid, baca_workbook, hitung_baris_data
from indikator.models import Indikator, Realisasi, Sasaran
from kerja.views.impor import SESI

from .test_round_trip import TANPA_PERUBAHAN, _jejak
from .util import TAHUN, atur, cari_baris, ekspor, impor, ringkas, simpan

URL_IMPOR = reverse("kerja:excel_impor", args=["biro-ks", TAHUN])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _dimensi_palsu(isi: bytes, ref: str = "A1:XFD1048576") -> bytes:
    """The workbook with every worksheet declaring `<dimension ref=ref/>` (a 20 KB file claiming 17 G cells)."""
    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(isi)) as zin, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                teks = data.decode()
                teks, n = re.subn(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>', teks)
                assert n == 1
                data = teks.encode()
            zout.writestr(info, data)
    return keluar.getvalue()


def _nilai_ik2(data):
    return Realisasi.objects.get(indikator=data["i2"], tahun=TAHUN, triwulan=None).nilai


# --------------------------------------------------------------------------------------------- limits


def test_dimensi_raksasa_ditolak_cepat_oleh_layanan(data):
    isi = _dimensi_palsu(simpan(ekspor(data["unit"])))
    assert len(isi) < 30_000
    mulai = time.monotonic()
    with pytest.raises(WorkbookTidakValid) as e:
        impor(data["unit"], isi)
    assert time.monotonic() - mulai < 1
    assert "terlalu besar" in str(e.value)
    assert "1048576 baris" in str(e.value) and "16384 kolom" in str(e.value)


def test_dimensi_raksasa_ditolak_cepat_oleh_tampilan(client, perencana, data):
    client.force_login(perencana)
    isi = _dimensi_palsu(simpan(ekspor(data["unit"])))
    mulai = time.monotonic()
    r = client.post(URL_IMPOR, {"berkas": SimpleUploadedFile("besar.xlsx", isi, content_type=XLSX)})
    assert time.monotonic() - mulai < 1
    assert r.status_code == 200
    assert "terlalu besar" in r.content.decode()
    assert not client.session.get(SESI)


def test_dimensi_raksasa_ditolak_cepat_oleh_perintah(data, tmp_path):
    path = tmp_path / "besar.xlsx"
    path.write_bytes(_dimensi_palsu(simpan(ekspor(data["unit"]))))
    mulai = time.monotonic()
    with pytest.raises(CommandError, match="terlalu besar"):
        call_command("import_sakip", str(path), unit="biro-ks", tahun=TAHUN)
    assert time.monotonic() - mulai < 1


def test_dimensi_dalam_batas_tidak_menambah_baris(data):
    """A declared range larger than the data but within the limits: padded cells are not read as rows."""
    asli = simpan(ekspor(data["unit"]))
    isi = _dimensi_palsu(asli, ref="A1:BH20000")
    baris = baca_workbook(io.BytesIO(isi)).lembar["Realisasi"][1]
    assert baris == baca_workbook(io.BytesIO(asli)).lembar["Realisasi"][1]
    assert baris[-1].nomor < 20
    assert ringkas(impor(data["unit"], isi)) == TANPA_PERUBAHAN


def test_baris_terlalu_banyak_ditolak(data, settings):
    settings.SAKIP_IMPOR_MAKS_BARIS = 10
    wb = ekspor(data["unit"])
    ws = wb["Realisasi"]
    for i in range(12):
        ws.append(["IK1", 1, i])
    with pytest.raises(WorkbookTidakValid, match="Realisasi"):
        impor(data["unit"], wb)


def test_baris_di_luar_dimensi_yang_dinyatakan_tetap_diperiksa(data, settings):
    """A sheet that declares a small range but holds rows far below it: the real extent counts."""
    settings.SAKIP_IMPOR_MAKS_BARIS = 100
    wb = ekspor(data["unit"])
    wb["Realisasi"].cell(row=5000, column=1, value="IK1")
    isi = _dimensi_palsu(simpan(wb), ref="A1:D3")
    with pytest.raises(WorkbookTidakValid, match="Realisasi"):
        impor(data["unit"], isi)
    with pytest.raises(WorkbookTidakValid, match="Realisasi"):  # the upload's row count too
        hitung_baris_data(io.BytesIO(isi))


def test_kolom_terlalu_banyak_ditolak(data, settings):
    settings.SAKIP_IMPOR_MAKS_KOLOM = 20
    wb = ekspor(data["unit"])
    wb["Anggaran"].cell(row=2, column=21, value="x")
    with pytest.raises(WorkbookTidakValid, match="kolom"):
        impor(data["unit"], wb)


def test_berkas_terlalu_besar_ditolak(client, perencana, data, settings, tmp_path):
    isi = simpan(ekspor(data["unit"]))
    settings.SAKIP_IMPOR_MAKS_BYTE = len(isi) - 1
    with pytest.raises(WorkbookTidakValid, match="terlalu besar"):
        impor(data["unit"], isi)
    path = tmp_path / "sakip.xlsx"
    path.write_bytes(isi)
    with pytest.raises(CommandError, match="terlalu besar"):
        call_command("import_sakip", str(path), unit="biro-ks", tahun=TAHUN)
    client.force_login(perencana)
    r = client.post(URL_IMPOR, {"berkas": SimpleUploadedFile("sakip.xlsx", isi, content_type=XLSX)})
    assert "terlalu besar" in r.content.decode()


def test_isi_terurai_terlalu_besar_ditolak(data, settings):
    """A zip whose parts expand far beyond the limit (a "zip bomb") is refused from its directory alone."""
    isi = simpan(ekspor(data["unit"]))
    settings.SAKIP_IMPOR_MAKS_BYTE_TERURAI = 1000
    with pytest.raises(WorkbookTidakValid, match="terlalu besar"):
        impor(data["unit"], isi)


# --------------------------------------------------------------------------------------------- cells


def test_rumus_tanpa_nilai_tersimpan_adalah_galat(data):
    wb = ekspor(data["unit"])
    ws = wb["Realisasi"]
    r = cari_baris(ws, Kode_indikator="IK2", Triwulan="Tahunan")
    atur(ws, r, "Nilai", "=70+10")  # saved by openpyxl: a formula without a cached value
    hasil = impor(data["unit"], wb)
    assert not hasil.diterapkan
    tempat = {(g.lembar, g.baris, g.kolom): g.pesan for g in hasil.galat}
    assert tempat == {
        ("Realisasi", r, "Nilai"): "Sel berisi rumus tanpa nilai tersimpan; simpan ulang berkas di Excel."
    }
    assert _nilai_ik2(data) == Decimal("78.35")


@pytest.mark.parametrize("nilai", [1e30, "1000000000000000000000000000000", -1e25, 1e300])
def test_angka_terlalu_besar_berpesan_manusiawi(data, nilai):
    wb = ekspor(data["unit"])
    ws = wb["Realisasi"]
    r = cari_baris(ws, Kode_indikator="IK2", Triwulan="Tahunan")
    atur(ws, r, "Nilai", nilai)
    hasil = impor(data["unit"], wb)
    pesan = [g.pesan for g in hasil.galat]
    assert len(pesan) == 1 and "terlalu besar" in pesan[0], pesan
    assert "InvalidOperation" not in pesan[0]
    assert _nilai_ik2(data) == Decimal("78.35")


def test_angka_terlalu_besar_di_lembar_anggaran(data):
    wb = ekspor(data["unit"])
    ws = wb["Anggaran"]
    atur(ws, cari_baris(ws, Kode="001.1"), "Pagu revisi 0", 1e30)
    pesan = [g.pesan for g in impor(data["unit"], wb).galat]
    assert len(pesan) == 1 and "terlalu besar" in pesan[0], pesan


# --------------------------------------------------------------------------------------------- temp files


def _unggah(client, data, folder):
    isi = simpan(ekspor(data["unit"]))
    wb = load_workbook(io.BytesIO(isi))
    ws = wb["Realisasi"]
    atur(ws, cari_baris(ws, Kode_indikator="IK2", Triwulan="Tahunan"), "Nilai", 80)
    r = client.post(URL_IMPOR, {"berkas": SimpleUploadedFile("sakip.xlsx", simpan(wb), content_type=XLSX)})
    assert r.status_code == 200
    return r.context["token"]


def test_berkas_sementara_privat_dan_dihapus_saat_batal(client, perencana, data, settings, tmp_path):
    folder = tmp_path / "impor"
    settings.SAKIP_IMPOR_DIR = folder
    client.force_login(perencana)
    token = _unggah(client, data, folder)
    berkas = list(folder.iterdir())
    assert len(berkas) == 1
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(berkas[0].stat().st_mode) == 0o600
    client.post(URL_IMPOR, {"token": token, "batal": "1"})
    assert list(folder.iterdir()) == []


def test_berkas_sementara_dihapus_setelah_diterapkan(client, perencana, data, settings, tmp_path):
    folder = tmp_path / "impor"
    settings.SAKIP_IMPOR_DIR = folder
    client.force_login(perencana)
    token = _unggah(client, data, folder)
    client.post(URL_IMPOR, {"token": token})
    assert _nilai_ik2(data) == Decimal("80")
    assert list(folder.iterdir()) == []


def test_berkas_sementara_lama_dibersihkan(client, perencana, data, settings, tmp_path):
    folder = tmp_path / "impor"
    folder.mkdir(mode=0o755)
    settings.SAKIP_IMPOR_DIR = folder
    lama = folder / "ditinggalkan.xlsx"
    lama.write_bytes(b"x")
    dua_jam_lalu = time.time() - 2 * 3600
    os.utime(lama, (dua_jam_lalu, dua_jam_lalu))
    baru = folder / "baru.xlsx"
    baru.write_bytes(b"x")
    client.force_login(perencana)
    _unggah(client, data, folder)
    assert not lama.exists() and baru.exists()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


# --------------------------------------------------------------------------------------------- formula injection


def _jumlah_rumus(isi: bytes) -> list[str]:
    wb = load_workbook(io.BytesIO(isi))
    return [
        f"{ws.title}!{c.coordinate}"
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    ]


def test_teks_mirip_rumus_disimpan_sebagai_teks_dan_kembali_utuh(data):
    data["unit"].nama = "=Biro"
    data["unit"].save()
    Sasaran.objects.filter(kode="SS1").update(nama="=1+1")
    Indikator.objects.filter(pk=data["i1"].pk).update(nama="=1+1", satuan="@dokumen")
    Indikator.objects.filter(pk=data["i2"].pk).update(nama="-foo", satuan="+indeks")
    Realisasi.objects.filter(indikator=data["i1"], triwulan=None).update(analisis='=HYPERLINK("x")')
    SubKegiatan.objects.filter(nama="Penyusunan MoU").update(nama="=Penyusunan MoU", uraian_output="-Dokumen")
    sebelum = _jejak()
    isi = simpan(ekspor(data["unit"]))
    assert _jumlah_rumus(isi) == []
    hasil = impor(data["unit"], isi)
    assert hasil.galat == []
    assert ringkas(hasil) == TANPA_PERUBAHAN
    assert _jejak() == sebelum
    assert Indikator.objects.get(pk=data["i1"].pk).nama == "=1+1"
    assert Indikator.objects.get(pk=data["i2"].pk).nama == "-foo"
    assert SubKegiatan.objects.filter(nama="=Penyusunan MoU").exists()


def test_berkas_sementara_tidak_ada_di_sesi_setelah_galat(client, perencana, data, settings, tmp_path):
    folder = tmp_path / "impor"
    settings.SAKIP_IMPOR_DIR = folder
    client.force_login(perencana)
    client.post(URL_IMPOR, {"berkas": SimpleUploadedFile("x.xlsx", b"bukan zip", content_type=XLSX)})
    # Refused before anything is stored (the rows are counted first).
    assert not Path(folder).exists() or list(Path(folder).iterdir()) == []
