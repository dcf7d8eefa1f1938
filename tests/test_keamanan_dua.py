"""Hardening, round two (issue 17, finding 8): passwords, sessions, private files, login lockout per client.

docs/security.md "Putaran dua: sandi, sesi, unggahan" lists each probe with its test here."""

import os
import stat
from io import BytesIO, StringIO

import pytest
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from PIL import ExifTags, Image
from PIL.PngImagePlugin import PngInfo

from indikator.enums import Peran
from indikator.models import SandiSementara
from kerja.forms import kinerja
from kerja.forms.kinerja import kecilkan_gambar
from tests.pabrik import KATA_SANDI, buat_pengguna
from umum.sandi import KataLokalValidator

# --- Private files: 0700 folders, 0600 files whatever the umask -----------------------------------------------------


@pytest.fixture
def umask_longgar():
    lama = os.umask(0o022)
    yield
    os.umask(lama)


def _mode(jalur) -> int:
    return stat.S_IMODE(os.stat(jalur).st_mode)


@pytest.mark.parametrize("akar_ada", [False, True], ids=["akar-baru", "akar-lama-0755"])
def test_berkas_privat_hanya_untuk_pemilik(tmp_path, settings, umask_longgar, akar_ada):
    akar = tmp_path / "data" / "privat"
    if akar_ada:
        akar.mkdir(parents=True, mode=0o755)
        os.chmod(akar, 0o755)
    settings.SAKIP_PRIVATE_ROOT = akar
    nama = storages["privat"].save("bukti/2024/unit/berkas.pdf", ContentFile(b"%PDF-1.4 rahasia"))
    assert _mode(akar) == 0o700
    assert _mode(akar / "bukti") == 0o700 and _mode(akar / "bukti" / "2024" / "unit") == 0o700
    assert _mode(akar / nama) == 0o600


# --- Passwords: the validators on every path that sets one --------------------------------------------------------


@pytest.mark.parametrize(
    ("sandi", "lemah"),
    [
        ("sakip2018", True),
        ("Sakip@2024", True),
        ("s4k1p-2023", True),
        ("sakip-demo-2018", True),
        ("BPOM2024!", True),
        ("kinerja123", True),
        ("pengguna2024", True),  # the username plus a year
        ("Sandi-Baru-yang-Panjang-77", False),
        ("kuda-baterai-staples-benar", False),
        ("Tr0ub4dor&3-2019", False),
        ("sakip" * 30 + "2018", False),  # longer than anything worth checking
    ],
)
def test_validator_kata_lokal(sandi, lemah):
    user = get_user_model()(username="pengguna", first_name="Budi")
    assert KataLokalValidator().lemah(sandi, user) is lemah


def test_validator_kata_lokal_kata_instansi_tambahan():
    assert not KataLokalValidator().lemah("kemenkeu2024")
    assert KataLokalValidator("Kemenkeu, djp").lemah("kemenkeu2024")


SANDI_LEMAH = "sakip2018"


def _ganti_sendiri(klien, user, admin):
    klien.force_login(user)
    return klien.post(
        reverse("password_change"),
        {"old_password": KATA_SANDI, "new_password1": SANDI_LEMAH, "new_password2": SANDI_LEMAH},
    )


def _reset_aplikasi(klien, user, admin):
    klien.force_login(admin)
    return klien.post(reverse("kerja:admin_pengguna", args=[user.pk]), {"aksi": "sandi", "sandi-sandi": SANDI_LEMAH})


def _admin_django_ubah(klien, user, admin):
    klien.force_login(admin)
    url = reverse("admin:auth_user_password_change", args=[user.pk])
    return klien.post(url, {"password1": SANDI_LEMAH, "password2": SANDI_LEMAH, "usable_password": "true"})


def _admin_django_tambah(klien, user, admin):
    klien.force_login(admin)
    isi = {"username": "baru", "password1": SANDI_LEMAH, "password2": SANDI_LEMAH, "usable_password": "true"}
    return klien.post(reverse("admin:auth_user_add"), isi)


@pytest.mark.django_db
@pytest.mark.parametrize("jalur", [_ganti_sendiri, _reset_aplikasi, _admin_django_ubah, _admin_django_tambah])
def test_sandi_lemah_ditolak_di_setiap_jalur(client, jalur):
    admin = buat_pengguna("root", Peran.ADMINISTRATOR, is_staff=True, is_superuser=True)
    user = buat_pengguna("pengguna")
    sebelum = list(get_user_model().objects.order_by("pk").values_list("username", "password"))
    r = jalur(client, user, admin)
    assert r.status_code == 200
    assert "mudah ditebak" in r.content.decode()
    assert list(get_user_model().objects.order_by("pk").values_list("username", "password")) == sebelum
    assert not SandiSementara.objects.exists()


@pytest.mark.django_db
def test_buat_demo_memvalidasi_sandi_pilihan():
    with pytest.raises(CommandError, match="mudah ditebak"):
        call_command("buat_demo", "--sandi", SANDI_LEMAH, stdout=StringIO())
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_sandi_baru_harus_berbeda_dari_yang_lama(client):
    client.force_login(buat_pengguna("pengguna", password="Lama-tapi-Kuat-Sekali-91"))
    sandi = "Lama-tapi-Kuat-Sekali-91"
    r = client.post(reverse("password_change"), {"old_password": sandi, "new_password1": sandi, "new_password2": sandi})
    assert r.status_code == 200 and "harus berbeda" in r.content.decode()


# --- A temporary password must be changed at the first login ----------------------------------------------------


def _masuk(klien, username, sandi, **meta):
    return klien.post(reverse("login"), {"username": username, "password": sandi}, **meta)


@pytest.mark.django_db
def test_sandi_sementara_wajib_diganti_saat_masuk_pertama(client):
    admin = buat_pengguna("root", Peran.ADMINISTRATOR)
    client.force_login(admin)
    r = client.post(reverse("kerja:admin_pengguna_baru"), {"username": "baru", "nama_depan": "Baru"})
    sementara = r.context["sandi"]
    user = get_user_model().objects.get(username="baru")
    assert SandiSementara.objects.filter(pengguna=user, diatur_oleh=admin).exists()

    baru = Client()
    assert _masuk(baru, "baru", sementara).status_code == 302
    # Every page leads to the password change until it is done; htmx requests get HX-Redirect.
    for url in (reverse("beranda"), reverse("kerja:utama"), reverse("admin:index")):
        r = baru.get(url)
        assert r.status_code == 302 and r["Location"] == reverse("password_change"), url
    r = baru.get(reverse("beranda"), HTTP_HX_REQUEST="true")
    assert r["HX-Redirect"] == reverse("password_change")
    r = baru.get(reverse("password_change"))
    assert r.status_code == 200 and "hanya sementara" in r.content.decode()
    # A weak new password is refused and changes nothing.
    r = baru.post(
        reverse("password_change"),
        {"old_password": sementara, "new_password1": SANDI_LEMAH, "new_password2": SANDI_LEMAH},
    )
    assert r.status_code == 200 and baru.get(reverse("beranda")).status_code == 302
    sendiri = "Pilihan-Sendiri-yang-Kuat-58"
    r = baru.post(
        reverse("password_change"), {"old_password": sementara, "new_password1": sendiri, "new_password2": sendiri}
    )
    assert r.status_code == 302
    assert baru.get(reverse("beranda")).status_code == 200
    assert not SandiSementara.objects.filter(pengguna=user).exists()
    # The next login goes straight in.
    lain = Client()
    assert _masuk(lain, "baru", sendiri).status_code == 302
    assert lain.get(reverse("beranda")).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("cara", ["aplikasi", "admin_django", "admin_django_tambah"])
def test_reset_oleh_admin_menjadikan_sandi_sementara(client, cara):
    admin = buat_pengguna("root", Peran.ADMINISTRATOR, is_staff=True, is_superuser=True)
    client.force_login(admin)
    sandi = "Diatur-Admin-Untuk-Anda-62"
    if cara == "admin_django_tambah":
        isi = {"username": "pengguna", "password1": sandi, "password2": sandi, "usable_password": "true"}
        assert client.post(reverse("admin:auth_user_add"), isi).status_code == 302
        user = get_user_model().objects.get(username="pengguna")
    else:
        user = buat_pengguna("pengguna")
    if cara == "aplikasi":
        r = client.post(reverse("kerja:admin_pengguna", args=[user.pk]), {"aksi": "sandi", "sandi-sandi": sandi})
        assert r.status_code == 200
    elif cara == "admin_django":
        url = reverse("admin:auth_user_password_change", args=[user.pk])
        r = client.post(url, {"password1": sandi, "password2": sandi, "usable_password": "true"})
        assert r.status_code == 302
    assert SandiSementara.objects.filter(pengguna=user, diatur_oleh=admin).exists()
    klien = Client()
    assert _masuk(klien, "pengguna", sandi).status_code == 302
    assert klien.get(reverse("beranda"))["Location"] == reverse("password_change")


@pytest.mark.django_db
def test_admin_django_mengganti_sandinya_sendiri_tidak_sementara(client):
    admin = buat_pengguna("root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    sandi = "Sandi-Admin-Sendiri-Kuat-33"
    url = reverse("admin:auth_user_password_change", args=[admin.pk])
    assert client.post(url, {"password1": sandi, "password2": sandi, "usable_password": "true"}).status_code == 302
    assert not SandiSementara.objects.exists()
    assert client.get(reverse("beranda")).status_code == 200


# --- A reset or a change ends the user's other sessions -----------------------------------------------------------


@pytest.mark.django_db
def test_ganti_sandi_mengakhiri_sesi_lain_dan_mempertahankan_yang_ini(client):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    buat_pengguna("pengguna")
    lain = Client()
    assert _masuk(client, "pengguna", KATA_SANDI).status_code == 302
    assert _masuk(lain, "pengguna", KATA_SANDI).status_code == 302
    assert lain.get(reverse("beranda")).status_code == 200
    baru = "Sandi-Baru-yang-Panjang-77"
    r = client.post(
        reverse("password_change"), {"old_password": KATA_SANDI, "new_password1": baru, "new_password2": baru}
    )
    assert r.status_code == 302
    assert client.get(reverse("beranda")).status_code == 200  # this session stays
    r = lain.get(reverse("beranda"))
    assert r.status_code == 302 and r["Location"].startswith(reverse("login"))  # the other one is over
    assert "_auth_user_id" not in lain.session


@pytest.mark.django_db
@pytest.mark.parametrize("cara", ["aplikasi", "admin_django"])
def test_reset_oleh_admin_mengakhiri_semua_sesi_pengguna(client, cara):
    admin = buat_pengguna("root", Peran.ADMINISTRATOR, is_staff=True, is_superuser=True)
    user = buat_pengguna("pengguna")
    sesi = [Client(), Client()]
    for k in sesi:
        assert _masuk(k, "pengguna", KATA_SANDI).status_code == 302
    client.force_login(admin)
    if cara == "aplikasi":
        client.post(reverse("kerja:admin_pengguna", args=[user.pk]), {"aksi": "sandi"})
    else:
        url = reverse("admin:auth_user_password_change", args=[user.pk])
        client.post(url, {"password1": "Diatur-Admin-Untuk-Anda-62", "password2": "Diatur-Admin-Untuk-Anda-62"})
    for k in sesi:
        r = k.get(reverse("beranda"))
        assert r.status_code == 302 and r["Location"].startswith(reverse("login"))
    assert client.get(reverse("beranda")).status_code == 200  # the administrator's own session stays


# --- Uploaded images: no metadata kept, decoding bounded ----------------------------------------------------------


def _berkas_gambar(ukuran, mode="RGB", format_="JPEG", **simpan) -> SimpleUploadedFile:
    gambar = Image.linear_gradient("L").resize(ukuran).convert(mode)
    isi = BytesIO()
    gambar.save(isi, format=format_, **simpan)
    return SimpleUploadedFile(f"gambar.{'jpg' if format_ == 'JPEG' else 'png'}", isi.getvalue())


def _exif_gps() -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Kamera Saku"
    exif[ExifTags.Base.Orientation] = 6  # taken sideways: shown rotated 90° clockwise
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "S",
        ExifTags.GPS.GPSLatitude: (6.0, 10.0, 30.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (106.0, 49.0, 40.0),
    }
    return exif


@pytest.mark.parametrize("ukuran", [(400, 200), (4000, 2000)], ids=["kecil-tanpa-ubah-ukuran", "besar-diperkecil"])
def test_jpeg_dengan_gps_disimpan_tanpa_exif_dan_tegak(ukuran):
    asal = _berkas_gambar(ukuran, exif=_exif_gps())
    with Image.open(asal) as g:
        assert g.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the upload does carry a position
    asal.seek(0)
    hasil = kecilkan_gambar(asal, sisi_simpan=1600)
    isi = hasil.read()
    assert b"Exif" not in isi and b"Kamera Saku" not in isi
    with Image.open(BytesIO(isi)) as g:
        assert g.format == "JPEG"
        assert not g.getexif() and "exif" not in g.info
        lebar, tinggi = ukuran if max(ukuran) <= 1600 else (1600, 800)
        assert g.size == (tinggi, lebar)  # the orientation is applied to the pixels


def test_png_tanpa_teks_dan_exif():
    info = PngInfo()
    info.add_text("Lokasi", "-6.175, 106.827")
    info.add_text("XML:com.adobe.xmp", "<x:xmpmeta>GPS</x:xmpmeta>")
    hasil = kecilkan_gambar(_berkas_gambar((300, 200), "RGBA", "PNG", pnginfo=info, exif=_exif_gps()))
    isi = hasil.read()
    assert b"Lokasi" not in isi and b"xmpmeta" not in isi and b"eXIf" not in isi
    with Image.open(BytesIO(isi)) as g:
        assert g.format == "PNG" and g.mode == "RGBA" and not g.text and not g.getexif()


@pytest.mark.parametrize(
    ("ukuran", "mode", "format_", "diterima"),
    [
        ((1000, 1000), "RGB", "JPEG", True),  # decoded at 1/4 by the JPEG decoder (draft)
        ((500, 500), "RGB", "PNG", True),
        ((1000, 1000), "RGB", "PNG", False),  # a PNG is decoded at full size
        ((700, 700), "RGBA", "PNG", False),  # alpha: Pillow premultiplies a full-size copy
        ((500, 500), "P", "PNG", True),
    ],
)
def test_gambar_yang_terlalu_mahal_diurai_ditolak_dari_header(monkeypatch, ukuran, mode, format_, diterima):
    """With a 2 MiB budget and a 250-pixel side (the real ones: 128 MiB, 1600 px; bench/gambar_memori.py measures
    them): refused from the header, before any pixel is decoded."""
    monkeypatch.setattr(kinerja, "GAMBAR_MAKS_BYTE_TERURAI", 2 * 1024 * 1024)
    berkas = _berkas_gambar(ukuran, mode, format_)
    dimuat = []
    asli = Image.Image.load
    monkeypatch.setattr(Image.Image, "load", lambda self: dimuat.append(self.size) or asli(self))
    if diterima:
        with Image.open(kecilkan_gambar(berkas, sisi_simpan=250)) as g:
            assert max(g.size) == 250
        assert max(max(s) for s in dimuat) <= 500  # the 1000-pixel JPEG was decoded at 250
    else:
        with pytest.raises(forms.ValidationError) as e:
            kecilkan_gambar(berkas, sisi_simpan=250)
        assert e.value.code == "memori" and "terlalu besar untuk diolah" in e.value.messages[0]
        assert not dimuat


# --- Login lockout: per username and client; a client's failures never block another username's right password ---


def _gagal(klien, username, **meta):
    return klien.post(reverse("login"), {"username": username, "password": "salah"}, **meta)


def _isi_halaman(r) -> str:
    """The page's own section (the rest holds a per-request CSRF token)."""
    isi = r.content.decode()
    return isi[isi.index('<section class="kartu masuk">') :]


def _semprot(klien, n=None, **meta):
    """A client (an office behind one NAT) with enough failures over unknown usernames to be throttled."""
    for i in range(settings.SAKIP_LOGIN_GAGAL_MAKS_KLIEN if n is None else n):
        _gagal(klien, f"tebak{i}", **meta)


@pytest.mark.django_db
def test_kegagalan_satu_klien_tidak_mengunci_sandi_benar_pengguna_lain(client):
    """Round one's finding: 20 failures over any usernames from one address locked every user of that address."""
    buat_pengguna("rekan")
    buat_pengguna("kedua")
    _semprot(client)
    assert _gagal(client, "tebak-lagi").status_code == 429  # the sprayer is held back ...
    r = _masuk(client, "rekan", KATA_SANDI)  # ... a colleague behind the same address is not
    assert r.status_code == 302 and client.get(reverse("beranda")).status_code == 200
    client.logout()
    # A wrong password of an existing account while throttled locks that username from there at once, with the
    # same page as an unknown username (it does not tell which accounts exist) ...
    r = _gagal(client, "kedua")
    assert r.status_code == 429 and "Coba lagi dalam 15 menit" in r.content.decode()
    assert _isi_halaman(_gagal(client, "tidak-ada")) == _isi_halaman(r)
    assert _masuk(client, "kedua", KATA_SANDI).status_code == 429
    # ... and only from there.
    assert _masuk(Client(), "kedua", KATA_SANDI, REMOTE_ADDR="192.0.2.77").status_code == 302


@pytest.mark.django_db
def test_nama_tak_dikenal_ditolak_tanpa_memeriksa_sandi_saat_diperlambat(client, monkeypatch):
    buat_pengguna("nonaktif", is_active=False)
    _semprot(client)
    diperiksa = []
    asli = ModelBackend.authenticate
    monkeypatch.setattr(
        ModelBackend, "authenticate", lambda *a, **k: diperiksa.append(k.get("username")) or asli(*a, **k)
    )
    for nama in ("tidak-ada", "nonaktif"):
        assert _gagal(client, nama).status_code == 429
    assert diperiksa == []  # no password hashed for a sprayer's unknown usernames


@pytest.mark.django_db
def test_pasangan_nama_klien_tetap_terkunci_setelah_lima_gagal(client):
    buat_pengguna("pengguna")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _gagal(client, "pengguna").status_code == 200
    assert _gagal(client, "pengguna").status_code == 429
    assert _masuk(client, "pengguna", KATA_SANDI).status_code == 429
    assert _masuk(Client(), "pengguna", KATA_SANDI, REMOTE_ADDR="192.0.2.77").status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("baru", "ulang", "kolom", "pesan"),
    [
        (SANDI_LEMAH, SANDI_LEMAH, "new_password1", "mudah ditebak"),  # local-words validator
        ("12345678901", "12345678901", "new_password1", "seluruhnya terdiri dari angka"),  # Django's validator
        (KATA_SANDI, KATA_SANDI, "new_password1", "harus berbeda"),  # same as the old one
        ("Dua-Kata-Yang-Jauh-71", "Dua-Kata-Yang-Jauh-72", "new_password2", "tidak sama"),  # mismatch
    ],
)
def test_galat_sandi_baru_di_bawah_kolomnya(client, baru, ulang, kolom, pesan):
    client.force_login(buat_pengguna("pengguna"))
    isi = {"old_password": KATA_SANDI, "new_password1": baru, "new_password2": ulang}
    r = client.post(reverse("password_change"), isi)
    form = r.context["form"]
    assert list(form.errors) == [kolom] and pesan in " ".join(form.errors[kolom])
    # Shown right after that field's input, before the next field's label.
    html = r.content.decode()
    awal = html.index(f'name="{kolom}"')
    berikut = html.find("<label", awal)
    assert pesan in html[awal : berikut if berikut != -1 else len(html)]


@pytest.mark.django_db
def test_halaman_ganti_sandi_satu_sebutan(client):
    client.force_login(buat_pengguna("pengguna"))
    html = client.get(reverse("password_change")).content.decode()
    assert "Sandi anda" not in html and "sandi anda" not in html
    assert html.count("Kata sandi Anda") >= 4  # one per validator of Django's, in the same words
    assert "Konfirmasi kata sandi baru" in html
