"""Login with throttling (django-axes): repeated failures lock the username/IP pair with an Indonesian message."""

from django.urls import reverse

from tests.pabrik import KATA_SANDI


def test_masuk_berhasil_dengan_sandi_benar(client, data):
    r = client.post(reverse("login"), {"username": "perencana", "password": KATA_SANDI})
    assert r.status_code == 302
    assert client.get(reverse("kerja:utama")).status_code == 200


def test_terkunci_setelah_gagal_berulang(client, data, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        r = client.post(reverse("login"), {"username": "perencana", "password": "salah"})
        assert r.status_code == 200
    r = client.post(reverse("login"), {"username": "perencana", "password": "salah"})
    assert r.status_code == 429
    isi = r.content.decode()
    assert "Terlalu banyak percobaan masuk yang gagal" in isi
    # Even the right password is refused while locked.
    r = client.post(reverse("login"), {"username": "perencana", "password": KATA_SANDI})
    assert r.status_code == 429
    assert "_auth_user_id" not in client.session


def test_force_login_tetap_berfungsi(client, data):
    client.force_login(data.pengguna["auditor"])
    assert client.get(reverse("kerja:utama")).status_code == 200


def test_halaman_kerja_wajib_masuk(client, data):
    r = client.get(reverse("kerja:utama"))
    assert r.status_code == 302 and r["Location"].startswith(reverse("login"))
