"""Evidence files (bukti dukung) are private: stored outside MEDIA_ROOT (nothing under `/media/` serves them),
downloaded only through the access-checked view, and removed from disk with their record."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
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


def test_hapus_bukti_menghapus_berkas(client, data, django_capture_on_commit_callbacks):
    path = _path(data.bukti)
    client.force_login(data.pengguna["perencana"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("kerja:bukti_hapus", args=["biro-ks", data.bukti.pk]))
    assert not m.BuktiDukung.objects.filter(pk=data.bukti.pk).exists()
    assert not path.exists()


def test_hapus_berantai_menghapus_berkas(data, django_capture_on_commit_callbacks):
    path = _path(data.bukti)
    with django_capture_on_commit_callbacks(execute=True):
        data.realisasi1.delete()
    assert not path.exists()


def test_hapus_yang_dibatalkan_tidak_menghapus_berkas(data, django_capture_on_commit_callbacks):
    path = _path(data.bukti)
    with django_capture_on_commit_callbacks(execute=False) as panggilan:
        services.hapus_bukti(bukti=data.bukti)
    assert path.exists()  # not before the commit: a rolled-back deletion keeps its file
    assert panggilan


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
