"""Unit profile: a planner edits what the report's cover prints and uploads the logo (PNG/JPG ≤ 2 MB); the
logo appears on the report and the PDF fetcher reads it from media; other roles cannot change it."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from indikator.models import UnitKerja
from kerja.forms import kinerja as kinerja_forms
from laporan.pdf import BASE_URL, PengambilLokal

from .conftest import TAHUN, potret

S = "biro-ks"


def _png(nama="logo.png", format="PNG") -> SimpleUploadedFile:
    isi = BytesIO()
    Image.new("RGB", (40, 40), (11, 79, 138)).save(isi, format=format)
    return SimpleUploadedFile(nama, isi.getvalue(), content_type=f"image/{format.lower()}")


def _isian(unit, **lain):
    return {"nama": unit.nama, "singkatan": "BKS", "instansi": "BPOM", "kota": "Jakarta", **lain}


def test_perencana_mengunggah_logo_dan_mengubah_profil(client, data):
    client.force_login(data.pengguna["perencana"])
    url = reverse("kerja:profil_unit", args=[S])
    r = client.post(url, {**_isian(data.unit, kota="Bandung"), "logo": _png()}, follow=True)
    assert "Profil unit disimpan." in r.content.decode()
    unit = UnitKerja.objects.get(pk=data.unit.pk)
    assert unit.kota == "Bandung" and unit.logo.name.startswith("logo/")
    # The report's cover shows it, and the PDF renderer reads it from media (no network).
    html = client.get(reverse("laporan:html", args=[S, TAHUN])).content.decode()
    assert f'src="{unit.logo.url}"' in html
    respons = PengambilLokal().fetch(BASE_URL + unit.logo.url.lstrip("/"))
    assert respons.read(8) == b"\x89PNG\r\n\x1a\n"


def test_logo_bukan_gambar_yang_diterima_ditolak(client, data):
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    # A valid image of another type: refused by the extension rule.
    r = client.post(reverse("kerja:profil_unit", args=[S]), {**_isian(data.unit), "logo": _png("logo.gif", "GIF")})
    assert r.status_code == 200
    assert "Logo harus berkas png, jpg, jpeg." in r.content.decode()
    # Not an image at all: refused by the image check.
    palsu = SimpleUploadedFile("logo.png", b"bukan gambar", content_type="image/png")
    r = client.post(reverse("kerja:profil_unit", args=[S]), {**_isian(data.unit), "logo": palsu})
    assert "errorlist" in r.content.decode()
    assert potret() == sebelum


def test_logo_terlalu_besar_ditolak(client, data, monkeypatch):
    monkeypatch.setattr(kinerja_forms, "LOGO_MAKS_BYTE", 10)
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    r = client.post(reverse("kerja:profil_unit", args=[S]), {**_isian(data.unit), "logo": _png()})
    assert "Ukuran logo paling besar 2 MB." in r.content.decode()
    assert potret() == sebelum


def test_auditor_hanya_membaca_dan_unit_lain_ditolak(client, data):
    url = reverse("kerja:profil_unit", args=[S])
    sebelum = potret()
    client.force_login(data.pengguna["auditor"])
    r = client.get(url)
    assert r.status_code == 200 and "disabled" in r.content.decode()
    assert client.post(url, _isian(data.unit, kota="Medan")).status_code == 403
    client.force_login(data.pengguna["perencana_lain"])
    assert client.get(url).status_code == 403
    assert client.post(url, _isian(data.unit, kota="Medan")).status_code == 403
    assert potret() == sebelum


def test_logo_dengan_piksel_raksasa_ditolak_sebelum_didekode(client, data):
    """A 13,300 × 13,300 PNG is a small file (one colour compresses well) but would take hundreds of MB in every PDF
    render: refused from its declared size, nothing stored."""
    isi = BytesIO()
    Image.new("1", (13_300, 13_300)).save(isi, format="PNG")
    assert len(isi.getvalue()) < LOGO_BATAS_UJI
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    berkas = SimpleUploadedFile("logo.png", isi.getvalue(), content_type="image/png")
    r = client.post(reverse("kerja:profil_unit", args=[S]), {**_isian(data.unit), "logo": berkas})
    assert r.status_code == 200
    assert "Gambar logo terlalu besar: 13300 × 13300 piksel" in r.content.decode()
    assert potret() == sebelum


def test_logo_besar_disimpan_dalam_ukuran_kecil(client, data):
    isi = BytesIO()
    Image.new("RGB", (3000, 1500), (11, 79, 138)).save(isi, format="JPEG")
    client.force_login(data.pengguna["perencana"])
    berkas = SimpleUploadedFile("logo.jpg", isi.getvalue(), content_type="image/jpeg")
    r = client.post(reverse("kerja:profil_unit", args=[S]), {**_isian(data.unit), "logo": berkas}, follow=True)
    assert "Profil unit disimpan." in r.content.decode()
    unit = UnitKerja.objects.get(pk=data.unit.pk)
    with Image.open(unit.logo.open("rb")) as tersimpan:
        assert tersimpan.size == (1200, 600) and tersimpan.format == "JPEG"


LOGO_BATAS_UJI = 2 * 1024 * 1024
