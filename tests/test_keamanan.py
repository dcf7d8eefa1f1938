"""Hardening: secret key and demo accounts, security headers, session lifetime, login throttling behind a proxy,
password change, sane years in URLs, `check --deploy` clean with production settings."""

import os
import secrets
import subprocess
import sys
import time
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import NoReverseMatch, reverse

from indikator.enums import Peran
from indikator.models import PeriodeUnit, UnitKerja
from sakip import middleware
from tests.pabrik import KATA_SANDI, buat_pengguna

BASE = settings.BASE_DIR


def _lingkungan_produksi(**lain) -> dict:
    """The environment of a production process: no DEBUG, no test flag, nothing from this test run."""
    # DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser tests of this run (Playwright) and never in production.
    lepas = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAKIP_") and k not in lepas}
    env["DJANGO_SETTINGS_MODULE"] = "sakip.settings"
    env.update(lain)
    return env


def _impor_pengaturan(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "import sakip.settings"], cwd=BASE, env=env, capture_output=True, text=True, timeout=60
    )


# --- 6. Secret key and demo accounts -------------------------------------------------------------------------------


def test_tanpa_kunci_rahasia_di_luar_debug_gagal_mulai():
    r = _impor_pengaturan(_lingkungan_produksi())
    assert r.returncode != 0
    assert "ImproperlyConfigured" in r.stderr and "SAKIP_SECRET_KEY" in r.stderr


@pytest.mark.parametrize(
    "env", [{"SAKIP_DEBUG": "1"}, {"SAKIP_TESTING": "1"}, {"SAKIP_SECRET_KEY": "k" * 60}], ids=["debug", "uji", "kunci"]
)
def test_kunci_rahasia_bawaan_hanya_untuk_debug_dan_uji(env):
    r = _impor_pengaturan(_lingkungan_produksi(**env))
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("kunci", [settings.KUNCI_DEMO, f" {settings.KUNCI_DEMO}\n"], ids=["persis", "berspasi"])
def test_kunci_demo_publik_ditolak_di_luar_debug(kunci):
    """The demo key published in the repository is refused like a missing one (round two, finding 8)."""
    r = _impor_pengaturan(_lingkungan_produksi(SAKIP_SECRET_KEY=kunci))
    assert r.returncode != 0
    assert "ImproperlyConfigured" in r.stderr and "kunci demo" in r.stderr
    assert _impor_pengaturan(_lingkungan_produksi(SAKIP_SECRET_KEY=kunci, SAKIP_DEBUG="1")).returncode == 0


def test_check_deploy_bersih_dengan_pengaturan_produksi():
    env = _lingkungan_produksi(SAKIP_SECRET_KEY=secrets.token_urlsafe(50), SAKIP_ALLOWED_HOSTS="example.org")
    r = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "no issues" in r.stdout


@pytest.fixture
def unit_demo(db):
    return UnitKerja.objects.create(slug="biro-kerja-sama", nama="Biro Kerja Sama")


def test_buat_demo_menolak_di_luar_debug_tanpa_paksa(unit_demo, settings):
    settings.DEBUG = False
    settings.TESTING = False
    with pytest.raises(CommandError, match="--paksa"):
        call_command("buat_demo", stdout=StringIO())
    assert not get_user_model().objects.filter(username="admin").exists()
    call_command("buat_demo", "--paksa", stdout=StringIO())
    assert get_user_model().objects.get(username="admin").is_superuser


def test_buat_demo_tidak_mengatur_ulang_sandi_akun_yang_ada(unit_demo, settings):
    settings.DEBUG = True
    User = get_user_model()
    buat_pengguna("admin", password="sandi-pilihan-sendiri-9")
    out = StringIO()
    call_command("buat_demo", stdout=out)
    assert User.objects.get(username="admin").check_password("sandi-pilihan-sendiri-9")
    assert User.objects.get(username="perencana").check_password("sakip-demo-2018")  # new account: demo password
    assert "--reset-sandi" in out.getvalue()
    # Running it again (second `make run`) still works and prints the login.
    out = StringIO()
    call_command("buat_demo", stdout=out)
    assert "perencana" in out.getvalue() and "sakip-demo-2018" in out.getvalue()
    call_command("buat_demo", "--reset-sandi", stdout=StringIO())
    assert User.objects.get(username="admin").check_password("sakip-demo-2018")


# --- 9. Headers --------------------------------------------------------------------------------------------------


def _direktif(csp: str) -> dict[str, list[str]]:
    hasil = {}
    for bagian in csp.split(";"):
        kata = bagian.split()
        if kata:
            hasil[kata[0]] = kata[1:]
    return hasil


@pytest.mark.django_db
def test_csp_tanpa_unsafe_inline_untuk_skrip_dan_permissions_policy(client):
    r = client.get(reverse("login"))
    csp = _direktif(r["Content-Security-Policy"])
    skrip = csp.get("script-src", csp.get("default-src"))
    assert skrip == ["'self'"]
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"] and csp["form-action"] == ["'self'"]
    assert "camera=()" in r["Permissions-Policy"] and "geolocation=()" in r["Permissions-Policy"]


@pytest.mark.django_db
def test_cache_control_private_no_store_untuk_pengguna_masuk(client):
    user = buat_pengguna("pengguna")
    client.force_login(user)
    r = client.get(reverse("beranda"))
    assert r.status_code == 200
    arahan = {a.strip() for a in r["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= arahan


# --- 9. Sessions -------------------------------------------------------------------------------------------------


def test_umur_sesi_mengikuti_batas_diam():
    assert settings.SESSION_COOKIE_AGE == settings.SAKIP_SESSION_IDLE_MINUTES * 60
    assert settings.SESSION_COOKIE_AGE < 14 * 24 * 3600
    assert settings.SAKIP_SESSION_MAKS_JAM * 3600 < 14 * 24 * 3600


def _geser_waktu(client, **detik_lalu):
    sesi = client.session
    kini = int(time.time())
    for kunci, lalu in detik_lalu.items():
        sesi[kunci] = kini - lalu
    sesi.save()


@pytest.mark.django_db
def test_sesi_berakhir_setelah_diam(client):
    client.force_login(buat_pengguna("pengguna"))
    assert client.get(reverse("beranda")).status_code == 200
    _geser_waktu(client, **{middleware.KUNCI_AKTIF: settings.SAKIP_SESSION_IDLE_MINUTES * 60 + 5})
    r = client.get(reverse("beranda"))
    assert r.status_code == 302 and r["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_sesi_aktif_diperpanjang_tetapi_berumur_maksimum(client):
    client.force_login(buat_pengguna("pengguna"))
    # Active two minutes ago: still in, and the activity stamp moves forward.
    _geser_waktu(client, **{middleware.KUNCI_AKTIF: 120})
    assert client.get(reverse("beranda")).status_code == 200
    assert int(time.time()) - client.session[middleware.KUNCI_AKTIF] < 5
    # Active all along, but logged in longer ago than the absolute lifetime: out.
    _geser_waktu(client, **{middleware.KUNCI_MULAI: settings.SAKIP_SESSION_MAKS_JAM * 3600 + 5})
    r = client.get(reverse("beranda"))
    assert r.status_code == 302 and "_auth_user_id" not in client.session


# --- 9. Login throttling -----------------------------------------------------------------------------------------


def _gagal(client, username, **meta):
    return client.post(reverse("login"), {"username": username, "password": "salah"}, **meta)


@pytest.mark.django_db
def test_penyemprotan_banyak_nama_dari_satu_klien_dibatasi(client):
    buat_pengguna("asli")
    batas = settings.SAKIP_LOGIN_GAGAL_MAKS_KLIEN
    assert batas > settings.AXES_FAILURE_LIMIT
    for i in range(batas - 1):
        assert _gagal(client, f"tebak{i}").status_code == 200
    assert _gagal(client, "tebak-akhir").status_code == 429
    # Further guesses from that client are refused (tests/test_keamanan_dua.py: a real account with the right
    # password still logs in, round two).
    assert _gagal(client, "tebak-lagi").status_code == 429


@pytest.mark.django_db
def test_masuk_berhasil_tidak_menghapus_hitungan_klien(client):
    """A sprayer who owns one valid account cannot reset the client's count by logging in with it."""
    buat_pengguna("asli")
    for i in range(settings.SAKIP_LOGIN_GAGAL_MAKS_KLIEN - 1):
        _gagal(client, f"tebak{i}")
    assert client.post(reverse("login"), {"username": "asli", "password": KATA_SANDI}).status_code == 302
    client.logout()
    assert _gagal(client, "tebak-lagi").status_code == 429


@pytest.mark.django_db
def test_di_balik_proksi_satu_klien_tidak_mengunci_yang_lain(client, settings):
    settings.SAKIP_TRUSTED_PROXY_HEADER = "HTTP_X_FORWARDED_FOR"
    buat_pengguna("perencana")
    proksi = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _gagal(client, "perencana", HTTP_X_FORWARDED_FOR="198.51.100.9, 203.0.113.5", **proksi)
    r = client.post(
        reverse("login"),
        {"username": "perencana", "password": KATA_SANDI},
        HTTP_X_FORWARDED_FOR="203.0.113.5",
        **proksi,
    )
    assert r.status_code == 429
    # The same user from another client behind the same proxy is not locked out.
    r = client.post(
        reverse("login"),
        {"username": "perencana", "password": KATA_SANDI},
        HTTP_X_FORWARDED_FOR="203.0.113.6",
        **proksi,
    )
    assert r.status_code == 302


def test_alamat_klien_dari_header_proksi_hanya_bila_diatur(rf, settings):
    req = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5")
    settings.SAKIP_TRUSTED_PROXY_HEADER = ""
    assert middleware.alamat_klien(req) == "10.0.0.1"  # header not trusted: spoofing it changes nothing
    settings.SAKIP_TRUSTED_PROXY_HEADER = "HTTP_X_FORWARDED_FOR"
    assert middleware.alamat_klien(req) == "203.0.113.5"  # the entry the proxy appended, not the client's own
    req = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="bukan-alamat")
    assert middleware.alamat_klien(req) == "10.0.0.1"
    req = rf.get("/", REMOTE_ADDR="10.0.0.1")
    assert middleware.alamat_klien(req) == "10.0.0.1"


# --- 9. Password change ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_ganti_sandi_sendiri(client):
    user = buat_pengguna("pengguna")
    assert client.get(reverse("password_change")).status_code == 302  # login first
    client.force_login(user)
    r = client.get(reverse("beranda"))
    assert reverse("password_change") in r.content.decode()  # user menu link
    r = client.get(reverse("password_change"))
    assert r.status_code == 200 and "Ganti kata sandi" in r.content.decode()
    baru = "Sandi-Baru-yang-Panjang-77"
    r = client.post(
        reverse("password_change"), {"old_password": KATA_SANDI, "new_password1": baru, "new_password2": baru}
    )
    assert r.status_code == 302 and r["Location"] == reverse("password_change_done")
    user.refresh_from_db()
    assert user.check_password(baru)
    r = client.get(reverse("password_change_done"))
    assert r.status_code == 200 and "Kata sandi telah diganti" in r.content.decode()


# --- 9. Sane years -------------------------------------------------------------------------------------------------


def test_tahun_di_url_dibalik_dengan_int():
    assert reverse("laporan:html", args=["biro", 2018]) == "/laporan/biro/2018/"
    assert reverse("kerja:realisasi", args=["biro", 2100]) == "/kerja/biro/2100/realisasi/"
    assert reverse("kerja:narasi_daftar", args=["biro", 2000]) == "/laporan/biro/2000/narasi/"
    with pytest.raises(NoReverseMatch):
        reverse("laporan:html", args=["biro", 3000])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "alamat",
    [
        "/kerja/biro/3000/realisasi/",
        "/kerja/biro/1999/pk/",
        "/kerja/biro/99999999999/riwayat/",
        "/kerja/biro/2101/excel/",
        "/laporan/biro/3000/",
        "/laporan/biro/99999999999/pdf/",
        "/laporan/biro/1999/narasi/",
        "/dasbor/?unit=biro&tahun=3000",
        "/dasbor/?unit=biro&tahun=99999999999",
        "/kerja/?unit=biro&tahun=3000",
    ],
)
def test_tahun_di_luar_rentang_404_tanpa_membuat_baris(client, alamat):
    unit = UnitKerja.objects.create(slug="biro", nama="Biro")
    client.force_login(buat_pengguna("adm", Peran.ADMINISTRATOR, None, is_superuser=True, is_staff=True))
    assert client.get(alamat).status_code == 404
    assert not PeriodeUnit.objects.filter(unit=unit).exists()


def test_buat_demo_memberi_nomor_keputusan_iku_acuan(unit_demo, settings):
    """The demo's IKU decree carries the reference's number, place and date; an edited wording is kept."""
    from laporan.models import NaskahDinas

    settings.DEBUG = True
    call_command("buat_demo", stdout=StringIO())
    naskah = NaskahDinas.objects.get(unit=unit_demo)
    assert (naskah.iku_nomor, naskah.iku_kota, str(naskah.iku_tanggal)) == (
        "HK.04.1.23.02.19.0200 TAHUN 2019",
        "Jakarta",
        "2019-02-08",
    )
    NaskahDinas.objects.filter(pk=naskah.pk).update(iku_nomor="X/1")
    call_command("buat_demo", stdout=StringIO())
    assert NaskahDinas.objects.get(unit=unit_demo).iku_nomor == "X/1"
