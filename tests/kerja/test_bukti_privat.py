"""Evidence files (bukti dukung) are private: stored outside MEDIA_ROOT (nothing under `/media/` serves them),
downloaded only through the access-checked view; the file of a deleted record is kept (restorable) and removed
by `bersihkan_bukti_terhapus` after SAKIP_BUKTI_TERHAPUS_HARI days."""

import datetime
import importlib
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.views.static import serve

from indikator import models as m
from indikator import services

from .conftest import TAHUN


def _url_unduh(data):
    return reverse("kerja:bukti_unduh", args=["biro-ks", data.bukti.pk])


def _path(bukti) -> Path:
    return Path(bukti.berkas.path).resolve()


def test_berkas_bukti_di_luar_media_root(data, settings):
    path = _path(data.bukti)
    assert path.is_file()
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert path.is_relative_to(Path(settings.SAKIP_PRIVATE_ROOT).resolve())
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.pdf"))


def test_media_tidak_melayani_bukti(data, settings):
    """`make run` (DEBUG) serves MEDIA_ROOT at /media/ with django.views.static.serve: the evidence is not there."""
    permintaan = RequestFactory().get("/media/" + data.bukti.berkas.name)
    with pytest.raises(Http404):
        serve(permintaan, data.bukti.berkas.name, document_root=settings.MEDIA_ROOT)
    assert data.bukti.berkas.url == ""


def test_unggah_lewat_ruang_kerja_tersimpan_privat(client, data, settings):
    client.force_login(data.pengguna["perencana"])
    client.post(
        reverse("kerja:bukti_unggah", args=["biro-ks", TAHUN, data.ind1.pk, 1]),
        {"berkas": SimpleUploadedFile("lhe.pdf", b"%PDF-1.4 lhe"), "keterangan": "LHE"},
    )
    baru = m.BuktiDukung.objects.get(keterangan="LHE")
    assert _path(baru).is_relative_to(Path(settings.SAKIP_PRIVATE_ROOT).resolve())
    assert _path(baru).read_bytes() == b"%PDF-1.4 lhe"


@pytest.mark.parametrize("peran, status", [("perencana_lain", 403), ("pimpinan_lain", 403), ("tanpa_peran", 403)])
def test_unduh_ditolak_untuk_unit_lain(client, data, peran, status):
    client.force_login(data.pengguna[peran])
    assert client.get(_url_unduh(data)).status_code == status


def test_unduh_anonim_diarahkan_ke_login(client, data):
    r = client.get(_url_unduh(data))
    assert r.status_code == 302 and "/masuk/" in r["Location"]


def test_unduh_oleh_pembaca_unit(client, data):
    client.force_login(data.pengguna["pimpinan"])
    r = client.get(_url_unduh(data))
    assert r.status_code == 200
    assert b"".join(r.streaming_content) == b"%PDF-1.4 uji"
    assert r["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize(
    "header, nilai",
    [("X-Accel-Redirect", "/bukti-internal/bukti/{ind}/2018/notulen.pdf"), ("X-Sendfile", "{path}")],
)
def test_unduh_lewat_server_web(client, data, settings, header, nilai):
    settings.SAKIP_SENDFILE_HEADER = header
    settings.SAKIP_SENDFILE_PREFIX = "/bukti-internal/"
    client.force_login(data.pengguna["perencana"])
    r = client.get(_url_unduh(data))
    assert r.status_code == 200
    assert r.content == b""
    assert r[header] == nilai.format(ind=data.ind1.pk, path=_path(data.bukti))
    assert r["Content-Disposition"] == 'attachment; filename="notulen.pdf"'


def test_hapus_bukti_menyimpan_berkas_yang_tidak_dapat_diunduh(client, data):
    """The file stays (restorable with its record) but is unreachable: downloads need the live record."""
    path = _path(data.bukti)
    url = _url_unduh(data)
    client.force_login(data.pengguna["perencana"])
    client.post(reverse("kerja:bukti_hapus", args=["biro-ks", data.bukti.pk]))
    assert not m.BuktiDukung.objects.filter(pk=data.bukti.pk).exists()
    assert path.exists()
    assert client.get(url).status_code == 404


def test_bersihkan_bukti_terhapus_setelah_n_hari(data):
    path = _path(data.bukti)
    data.realisasi1.delete()  # cascade: the evidence record goes, its file stays
    assert path.exists()
    call_command("bersihkan_bukti_terhapus", stdout=StringIO())
    assert path.exists()  # deleted just now: kept for SAKIP_BUKTI_TERHAPUS_HARI days
    m.BuktiDukung.history.filter(history_type="-").update(history_date=timezone.now() - datetime.timedelta(days=31))
    call_command("bersihkan_bukti_terhapus", "--coba", stdout=StringIO())
    assert path.exists()
    call_command("bersihkan_bukti_terhapus", stdout=StringIO())
    assert not path.exists()


def test_migrasi_memindahkan_berkas_lama(data, settings, tmp_path):
    """Evidence uploaded before the change sits under MEDIA_ROOT/bukti: the data migration moves it over."""
    lama = m.BuktiDukung(realisasi=data.realisasi1, keterangan="Lama")
    lama.berkas.name = f"bukti/{data.ind1.pk}/{TAHUN}/lama.pdf"
    lama.save()
    asal = Path(settings.MEDIA_ROOT) / lama.berkas.name
    asal.parent.mkdir(parents=True)
    asal.write_bytes(b"%PDF lama")
    migrasi = importlib.import_module("indikator.migrations.0004_bukti_dukung_penyimpanan_privat")
    migrasi.pindahkan_ke_penyimpanan_privat(django_apps, None)
    tujuan = Path(settings.SAKIP_PRIVATE_ROOT) / lama.berkas.name
    assert tujuan.read_bytes() == b"%PDF lama"
    assert not asal.exists()
    # Run twice (or with nothing to move): no error, nothing lost.
    migrasi.pindahkan_ke_penyimpanan_privat(django_apps, None)
    assert tujuan.read_bytes() == b"%PDF lama"


def test_simpan_bukti_dengan_nama_sama_tidak_menimpa(data):
    kedua = services.simpan_bukti(
        realisasi=data.realisasi1, berkas=ContentFile(b"%PDF-1.4 dua", name="notulen.pdf"), keterangan="Dua"
    )
    assert kedua.berkas.name != data.bukti.berkas.name
    assert _path(data.bukti).read_bytes() == b"%PDF-1.4 uji"
