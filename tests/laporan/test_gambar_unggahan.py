"""Uploaded report figures: who may manage them, pixel cap and resize, period lock, and where they print (HTML,
PDF fetch, self-contained HTML, DOCX, replacing a generated figure)."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from PIL import Image

from indikator.enums import Peran, StatusPeriode
from indikator.models import PeriodeUnit, UnitKerja
from kerja.forms import kinerja as kinerja_forms
from laporan.models import GambarLaporan, NarasiLaporan
from laporan.pdf import BASE_URL, PengambilLokal, render_html_mandiri
from laporan.susun import susun_laporan
from laporan.word import render_docx
from tests.pabrik import buat_pengguna

TAHUN = 2018


def _png(lebar: int = 40, tinggi: int = 30, nama: str = "bagan.png", format_: str = "PNG") -> SimpleUploadedFile:
    isi = BytesIO()
    Image.new("RGB", (lebar, tinggi), (200, 30, 30)).save(isi, format=format_)
    return SimpleUploadedFile(nama, isi.getvalue(), content_type=f"image/{format_.lower()}")


@pytest.fixture(autouse=True)
def privat(settings, tmp_path):
    settings.SAKIP_PRIVATE_ROOT = tmp_path / "privat"
    return settings.SAKIP_PRIVATE_ROOT


def _url(unit) -> str:
    return f"/laporan/{unit.slug}/{TAHUN}/gambar/"


def _unggah(client, unit, **lain):
    data = {"bagian": "bab1_peran", "judul": "Bagan Alur Kerja Sama", "urutan": "1", "berkas": _png()}
    data.update(lain)
    return client.post(_url(unit), data)


@pytest.mark.django_db
def test_perencana_mengunggah_dan_halaman_menampilkannya(klien, unit):
    r = _unggah(klien, unit)
    assert r.status_code == 302
    g = GambarLaporan.objects.get(unit=unit, tahun=TAHUN)
    assert (g.bagian, g.judul, g.urutan) == ("bab1_peran", "Bagan Alur Kerja Sama", 1)
    assert g.berkas.storage.exists(g.berkas.name)
    assert g.history.count() == 1
    halaman = klien.get(_url(unit)).content.decode()
    assert "Bagan Alur Kerja Sama" in halaman and f"/laporan/gambar/{g.pk}/" in halaman
    gambar = klien.get(f"/laporan/gambar/{g.pk}/")
    assert gambar.status_code == 200 and b"".join(gambar.streaming_content).startswith(b"\x89PNG")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("peran", "di_unit", "harapan"),
    [
        (Peran.PERENCANA, True, 200),
        (Peran.PERENCANA, False, 403),
        (Peran.PIMPINAN, True, 403),
        (Peran.AUDITOR, True, 403),
    ],
)
def test_matriks_izin(client, unit, peran, di_unit, harapan):
    lain = UnitKerja.objects.create(slug="unit-lain", nama="Unit Lain")
    client.force_login(buat_pengguna("p", peran, unit if di_unit else lain))
    assert client.get(_url(unit)).status_code == harapan
    r = _unggah(client, unit)
    assert r.status_code == (302 if harapan == 200 else 403)
    assert GambarLaporan.objects.exists() == (harapan == 200)


@pytest.mark.django_db
def test_tamu_diarahkan_ke_masuk_dan_berkas_unit_lain_ditolak(client, klien, unit):
    _unggah(klien, unit)
    g = GambarLaporan.objects.get()
    client.logout()
    assert client.get(_url(unit)).status_code == 302
    assert client.get(f"/laporan/gambar/{g.pk}/").status_code == 302
    lain = UnitKerja.objects.create(slug="unit-lain", nama="Unit Lain")
    client.force_login(buat_pengguna("asing", Peran.PERENCANA, lain))
    assert client.get(f"/laporan/gambar/{g.pk}/").status_code == 403
    assert client.post(f"/laporan/{unit.slug}/{TAHUN}/gambar/{g.pk}/", {"aksi": "hapus"}).status_code == 403
    assert GambarLaporan.objects.filter(pk=g.pk).exists()


@pytest.mark.django_db
def test_batas_piksel_dan_jenis_berkas_ditolak(klien, unit, monkeypatch):
    monkeypatch.setattr(kinerja_forms, "LOGO_MAKS_PIKSEL", 1000)
    r = _unggah(klien, unit)  # 40 × 30 = 1200 pixels
    assert r.status_code == 400
    assert "Gambar terlalu besar: 40 × 30 piksel" in r.content.decode()
    r = _unggah(klien, unit, berkas=SimpleUploadedFile("a.gif", b"GIF89a", content_type="image/gif"))
    assert r.status_code == 400
    assert not GambarLaporan.objects.exists()


@pytest.mark.django_db
def test_gambar_besar_diperkecil(klien, unit):
    _unggah(klien, unit, berkas=_png(3200, 400, "lebar.jpg", "JPEG"))
    g = GambarLaporan.objects.get()
    with g.berkas.open("rb") as f, Image.open(f) as gambar:
        assert gambar.size == (1600, 200) and gambar.format == "JPEG"


@pytest.mark.django_db
def test_tahun_terkunci_menolak_unggah_ubah_hapus(klien, unit):
    _unggah(klien, unit)
    g = GambarLaporan.objects.get()
    PeriodeUnit.objects.update_or_create(unit=unit, tahun=TAHUN, defaults={"status": StatusPeriode.DISAHKAN})
    r = _unggah(klien, unit, judul="Lain")
    assert r.status_code == 409
    assert GambarLaporan.objects.count() == 1
    ubah = {f"{g.pk}-bagian": "bab1_sdm", f"{g.pk}-judul": "Baru", f"{g.pk}-urutan": "2", "aksi": "simpan"}
    klien.post(f"/laporan/{unit.slug}/{TAHUN}/gambar/{g.pk}/", ubah)
    klien.post(f"/laporan/{unit.slug}/{TAHUN}/gambar/{g.pk}/", {"aksi": "hapus"})
    g.refresh_from_db()
    assert (g.bagian, g.judul) == ("bab1_peran", "Bagan Alur Kerja Sama")


@pytest.mark.django_db
def test_ubah_dan_hapus_menyimpan_berkas_untuk_pemulihan(klien, unit, django_capture_on_commit_callbacks):
    _unggah(klien, unit)
    g = GambarLaporan.objects.get()
    ubah = {f"{g.pk}-bagian": "bab1_sdm", f"{g.pk}-judul": "Komposisi Pegawai", f"{g.pk}-urutan": "3"}
    klien.post(f"/laporan/{unit.slug}/{TAHUN}/gambar/{g.pk}/", {**ubah, "aksi": "simpan"})
    g.refresh_from_db()
    assert (g.bagian, g.judul, g.urutan) == ("bab1_sdm", "Komposisi Pegawai", 3)
    nama = g.berkas.name
    with django_capture_on_commit_callbacks(execute=True):
        klien.post(f"/laporan/{unit.slug}/{TAHUN}/gambar/{g.pk}/", {"aksi": "hapus"})
    assert not GambarLaporan.objects.exists()
    assert g.berkas.storage.exists(nama)  # kept until `bersihkan_bukti_terhapus` (restorable meanwhile)
    assert klien.get(f"/laporan/gambar/{g.pk}/").status_code == 404


def _gambar_unggahan(laporan):
    return [g for g in laporan.semua_gambar() if g.gambar_id]


@pytest.mark.django_db
def test_gambar_dicetak_setelah_narasinya_bernomor_di_html_pdf_docx(klien, unit):
    assert NarasiLaporan.objects.filter(unit=unit, tahun=TAHUN, bagian="bab1_peran").exclude(isi="").exists()
    _unggah(klien, unit)
    g = GambarLaporan.objects.get()
    lap = susun_laporan(unit, TAHUN)
    [blok] = _gambar_unggahan(lap)
    assert blok.judul == "Bagan Alur Kerja Sama" and blok.gambar_id == g.pk
    # after the text of "Peran" in Bab I, numbered with the other figures and listed in the Daftar Gambar
    semua = list(lap.semua_gambar())
    assert [x.nomor for x in semua] == list(range(1, len(semua) + 1))
    assert (blok.label, blok.judul) in [(e.label, e.teks) for e in lap.daftar_gambar]
    peran = next(a for a in lap.bab[0].anak if blok in a.blok)
    i = peran.blok.index(blok)
    assert peran.blok[i - 1].jenis == "narasi" and peran.blok[i - 1].bagian == "bab1_peran"
    html = klien.get(f"/laporan/{unit.slug}/{TAHUN}/").content.decode()
    assert f'src="/laporan/gambar/{g.pk}/"' in html and f"{blok.label}.</span> Bagan Alur Kerja Sama" in html
    # the PDF reads the file through the local fetcher; the self-contained HTML inlines it
    hasil = PengambilLokal().fetch(f"{BASE_URL}laporan/gambar/{g.pk}/")
    assert hasil.read().startswith(b"\x89PNG")
    assert "data:image/png;base64," in render_html_mandiri(lap)
    doc = Document(BytesIO(render_docx(lap)))
    assert len(doc.inline_shapes) == len(semua)  # the generated figures are images too
    assert any(p.text == f"{blok.label}. Bagan Alur Kerja Sama" for p in doc.paragraphs)


@pytest.mark.django_db
def test_unggahan_mengganti_struktur_organisasi(klien, unit):
    _unggah(klien, unit, bagian="ganti:struktur", judul="Struktur Organisasi Biro Kerja Sama (Perka 26/2017)")
    lap = susun_laporan(unit, TAHUN)
    pertama = lap.semua_gambar()[0]
    assert pertama.gambar_id and pertama.judul == "Struktur Organisasi Biro Kerja Sama (Perka 26/2017)"
    assert not any(g.judul == f"Struktur Organisasi {unit.nama}" for g in lap.semua_gambar())
