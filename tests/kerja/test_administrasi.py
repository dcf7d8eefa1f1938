"""Administration in the app: units, heads, users, roles per unit; role matrix (403), audit trail rows."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indikator.enums import Peran
from indikator.models import Keanggotaan, KepalaUnit, UnitKerja
from tests.pabrik import buat_pengguna

from .conftest import potret

User = get_user_model()


def _hitung(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


BUKAN_ADMIN = ("perencana", "pimpinan", "pimpinan_induk", "auditor", "perencana_lain", "tanpa_peran")


def _halaman_admin(data):
    return [
        ("get", reverse("kerja:admin_unit_baru"), {}),
        ("post", reverse("kerja:admin_unit_baru"), {"slug": "baru", "nama": "Unit Baru", "urutan": 0}),
        ("post", reverse("kerja:admin_unit_ubah", args=["biro-ks"]), {"slug": "biro-ks", "nama": "X", "urutan": 0}),
        ("get", reverse("kerja:pengguna"), {}),
        ("get", reverse("kerja:admin_pengguna_baru"), {}),
        ("post", reverse("kerja:admin_pengguna_baru"), {"username": "baru", "nama_depan": "Baru"}),
        ("post", reverse("kerja:admin_pengguna", args=[data.pengguna["tanpa_peran"].pk]), {"aksi": "nonaktifkan"}),
        ("post", reverse("kerja:admin_pengguna", args=[data.pengguna["tanpa_peran"].pk]), {"aksi": "sandi"}),
        ("get", reverse("kerja:admin_riwayat"), {}),
    ]


@pytest.mark.parametrize("peran", BUKAN_ADMIN)
def test_halaman_khusus_admin_403_tanpa_perubahan(client, data, peran):
    client.force_login(data.pengguna[peran])
    sebelum = (potret(), list(User.objects.values_list("username", "is_active", "password")))
    for metode, url, isi in _halaman_admin(data):
        r = getattr(client, metode)(url, isi)
        assert r.status_code == 403, (peran, url)
    assert (potret(), list(User.objects.values_list("username", "is_active", "password"))) == sebelum


def test_anonim_diarahkan_ke_login(client, data):
    for _metode, url, _isi in _halaman_admin(data):
        r = client.get(url)
        assert r.status_code == 302 and "/masuk/" in r["Location"]


def test_admin_membuat_unit_dan_kepala_tercatat_di_riwayat(client, data):
    admin = data.pengguna["admin"]
    client.force_login(admin)
    r = client.post(
        reverse("kerja:admin_unit_baru"),
        {"slug": "bagian-a", "nama": "Bagian A", "induk": data.unit.pk, "urutan": 1, "kota": "Jakarta"},
    )
    assert r.status_code == 302
    unit = UnitKerja.objects.get(slug="bagian-a")
    assert unit.induk == data.unit
    r = client.post(
        reverse("kerja:admin_unit_detail", args=["bagian-a"]),
        {
            "aksi": "kepala",
            "kepala-nama": "Budi",
            "kepala-nama_bergelar": "Dr. Budi, M.Si.",
            "kepala-nip": "197001012000031001",
            "kepala-jabatan": "Kepala Bagian A",
            "kepala-mulai": "2024-01-01",
        },
    )
    assert r.status_code == 302
    kepala = KepalaUnit.objects.get(unit=unit)
    assert (kepala.nip, kepala.jabatan) == ("197001012000031001", "Kepala Bagian A")
    # A second head ends the first one's term the day before.
    client.post(
        reverse("kerja:admin_unit_detail", args=["bagian-a"]),
        {"aksi": "kepala", "kepala-nama": "Citra", "kepala-jabatan": "Kepala Bagian A", "kepala-mulai": "2025-03-01"},
    )
    kepala.refresh_from_db()
    assert kepala.selesai == datetime.date(2025, 2, 28)
    assert unit.history.get().history_user == admin
    assert KepalaUnit.history.filter(unit_id=unit.pk, history_user=admin).count() == 3
    # The tree lists the new unit below its parent, with its head and NIP.
    html = client.get(reverse("kerja:admin_unit")).content.decode()
    html = html[html.index('id="pohon-unit"') :]
    assert html.index("Biro Kerja Sama") < html.index("Bagian A")
    assert "Citra" in html
    riwayat = client.get(reverse("kerja:admin_riwayat")).content.decode()
    assert "Bagian A" in riwayat and "Kepala Bagian A" in riwayat


def test_unit_atasan_tidak_boleh_sub_unitnya(client, data):
    client.force_login(data.pengguna["admin"])
    r = client.post(
        reverse("kerja:admin_unit_ubah", args=["sestama"]),
        {"slug": "sestama", "nama": "Sekretariat Utama", "induk": data.unit.pk, "urutan": 0},
    )
    assert r.status_code == 200
    assert "tidak boleh unit ini sendiri atau salah satu sub-unitnya" in r.content.decode()
    data.induk.refresh_from_db()
    assert data.induk.induk_id is None


def test_slug_salah_ditolak_dengan_pesan(client, data):
    client.force_login(data.pengguna["admin"])
    r = client.post(reverse("kerja:admin_unit_baru"), {"slug": "Bukan slug!", "nama": "X", "urutan": 0})
    assert r.status_code == 200 and not UnitKerja.objects.filter(nama="X").exists()


def test_admin_membuat_pengguna_sandi_sementara_sekali_dan_bisa_masuk(client, data):
    admin = data.pengguna["admin"]
    client.force_login(admin)
    r = client.post(
        reverse("kerja:admin_pengguna_baru"),
        {
            "username": "rina",
            "nama_depan": "Rina",
            "email": "rina@example.go.id",
            "unit": data.unit.pk,
            "peran": "perencana",
        },
    )
    assert r.status_code == 200
    sandi = r.context["sandi"]
    assert len(sandi) == 14 and sandi in r.content.decode()
    rina = User.objects.get(username="rina")
    assert rina.check_password(sandi) and rina.is_active
    k = Keanggotaan.objects.get(pengguna=rina)
    assert (k.unit, k.peran) == (data.unit, Peran.PERENCANA)
    assert k.history.get().history_user == admin
    log = LogEntry.objects.get(object_id=str(rina.pk))
    assert log.user == admin and "kata sandi sementara" in log.change_message
    # The password is never shown again: the user page does not contain it.
    assert sandi not in client.get(reverse("kerja:admin_pengguna", args=[rina.pk])).content.decode()
    client.logout()
    r = client.post(reverse("login"), {"username": "rina", "password": sandi})
    assert r.status_code == 302 and "_auth_user_id" in client.session


def test_nama_pengguna_ganda_ditolak(client, data):
    client.force_login(data.pengguna["admin"])
    jumlah = User.objects.count()
    r = client.post(reverse("kerja:admin_pengguna_baru"), {"username": "Perencana", "nama_depan": "X"})
    assert r.status_code == 200 and "sudah dipakai" in r.content.decode()
    assert User.objects.count() == jumlah


def test_peran_pertama_salah_membatalkan_pembuatan_pengguna(client, data):
    client.force_login(data.pengguna["admin"])
    jumlah = User.objects.count()
    r = client.post(
        reverse("kerja:admin_pengguna_baru"), {"username": "tanpa-unit", "nama_depan": "X", "peran": "perencana"}
    )
    assert r.status_code == 200 and "harus terikat pada satu unit" in r.content.decode()
    assert User.objects.count() == jumlah


def test_nonaktifkan_aktifkan_reset_sandi_tercatat(client, data):
    admin, target = data.pengguna["admin"], data.pengguna["perencana"]
    client.force_login(admin)
    url = reverse("kerja:admin_pengguna", args=[target.pk])
    client.post(url, {"aksi": "nonaktifkan"})
    target.refresh_from_db()
    assert not target.is_active
    client.post(url, {"aksi": "aktifkan"})
    target.refresh_from_db()
    assert target.is_active
    r = client.post(url, {"aksi": "sandi"})
    target.refresh_from_db()
    assert target.check_password(r.context["sandi"])
    r = client.post(url, {"aksi": "sandi", "sandi-sandi": "123"})
    assert r.status_code == 200 and "sandi-sandi" in r.content.decode()
    assert list(
        LogEntry.objects.filter(object_id=str(target.pk)).order_by("pk").values_list("change_message", flat=True)
    ) == ["Dinonaktifkan.", "Diaktifkan.", "Kata sandi diatur ulang oleh administrator."]
    html = client.get(reverse("kerja:admin_riwayat")).content.decode()
    assert "Dinonaktifkan." in html and "perencana" in html


def test_admin_tidak_dapat_menonaktifkan_diri(client, data):
    admin = data.pengguna["admin"]
    client.force_login(admin)
    client.post(reverse("kerja:admin_pengguna", args=[admin.pk]), {"aksi": "nonaktifkan"})
    admin.refresh_from_db()
    assert admin.is_active


def test_admin_menambah_dan_mencabut_peran_di_halaman_pengguna(client, data):
    admin, u = data.pengguna["admin"], data.pengguna["tanpa_peran"]
    client.force_login(admin)
    url = reverse("kerja:admin_pengguna", args=[u.pk])
    r = client.post(url, {"aksi": "peran", "pengguna": u.pk, "unit": data.lain.pk, "peran": "pimpinan"})
    assert r.status_code == 302
    k = Keanggotaan.objects.get(pengguna=u)
    assert (k.unit, k.peran) == (data.lain, Peran.PIMPINAN)
    r = client.post(url, {"aksi": "peran", "pengguna": u.pk, "unit": data.lain.pk, "peran": "pimpinan"})
    assert "sudah memiliki peran" in r.content.decode()
    client.post(reverse("kerja:admin_peran_hapus", args=[k.pk]), {"kembali": "pengguna"})
    assert not Keanggotaan.objects.filter(pengguna=u).exists()
    assert [h.history_type for h in Keanggotaan.history.filter(id=k.pk).order_by("history_id")] == ["+", "-"]


# --- A unit's head manages the planners of their units and sub-units ------------------------------


def test_kepala_unit_menambah_dan_mencabut_perencana_unit_bawahan(client, data):
    kepala = data.pengguna["pimpinan_induk"]  # heads Sekretariat Utama, parent of biro-ks
    baru = buat_pengguna("calon")
    client.force_login(kepala)
    url = reverse("kerja:admin_unit_detail", args=["biro-ks"])
    assert client.get(url).status_code == 200
    r = client.post(url, {"aksi": "peran", "pengguna": baru.pk, "unit": data.unit.pk, "peran": "perencana"})
    assert r.status_code == 302
    k = Keanggotaan.objects.get(pengguna=baru)
    assert k.history.get().history_user == kepala
    r = client.post(reverse("kerja:admin_peran_hapus", args=[k.pk]))
    assert r.status_code == 302 and not Keanggotaan.objects.filter(pengguna=baru).exists()


def test_kepala_unit_hanya_melihat_unitnya_di_daftar(client, data):
    client.force_login(data.pengguna["pimpinan"])
    html = client.get(reverse("kerja:admin_unit")).content.decode()
    assert "Biro Kerja Sama" in html and "Biro Lain" not in html and "Tambah unit" not in html


@pytest.mark.parametrize(
    ("peran", "boleh"),
    [("perencana", True), ("auditor", False), ("pimpinan", False), ("administrator", False)],
)
def test_kepala_unit_hanya_memberi_dan_mencabut_perencana(client, data, peran, boleh):
    """Finding 1 (round two): a head gave himself *auditor* and read every unit. A head grants and revokes planners
    of his units only; any other role is refused with 403 and a message, and nothing changes."""
    kepala = data.pengguna["pimpinan"]
    client.force_login(kepala)
    url = reverse("kerja:admin_unit_detail", args=["biro-ks"])
    sebelum = potret()
    r = client.post(url, {"aksi": "peran", "pengguna": kepala.pk, "unit": data.unit.pk, "peran": peran})
    if boleh:
        assert r.status_code == 302
        k = Keanggotaan.objects.get(pengguna=kepala, peran=peran)
        assert client.post(reverse("kerja:admin_peran_hapus", args=[k.pk])).status_code == 302
        return
    assert r.status_code == 403
    assert "hanya dapat diberikan atau dicabut oleh administrator" in r.content.decode()
    assert potret() == sebelum
    # ... nor revoke it when an administrator gave it
    k = Keanggotaan.objects.create(pengguna=data.pengguna["tanpa_peran"], unit=data.unit, peran=peran)
    r = client.post(reverse("kerja:admin_peran_hapus", args=[k.pk]))
    assert r.status_code == 403 and Keanggotaan.objects.filter(pk=k.pk).exists()


def test_formulir_kepala_hanya_menawarkan_perencana(client, data):
    client.force_login(data.pengguna["pimpinan"])
    form = client.get(reverse("kerja:admin_unit_detail", args=["biro-ks"])).context["form_peran"]
    assert [v for v, _label in form.fields["peran"].choices] == ["", "perencana"]  # "", "— pilih peran —"
    client.force_login(data.pengguna["admin"])
    form = client.get(reverse("kerja:admin_unit_detail", args=["biro-ks"])).context["form_peran"]
    assert [v for v, _label in form.fields["peran"].choices] == ["", *Peran.values]


def test_pemberian_dan_pencabutan_peran_tercatat_di_riwayat_administrasi(client, data):
    kepala, calon = data.pengguna["pimpinan_induk"], buat_pengguna("calon")
    client.force_login(kepala)
    client.post(
        reverse("kerja:admin_unit_detail", args=["biro-ks"]),
        {"aksi": "peran", "pengguna": calon.pk, "unit": data.unit.pk, "peran": "perencana"},
    )
    k = Keanggotaan.objects.get(pengguna=calon)
    client.post(reverse("kerja:admin_peran_hapus", args=[k.pk]))
    client.force_login(data.pengguna["admin"])
    entri = client.get(reverse("kerja:admin_riwayat")).context["entri"]
    peran = [(e["oleh"], e["objek"]) for e in entri if e["jenis"] == "Peran" and "calon" in e["objek"]]
    assert peran == [(kepala, "calon — Perencana — Biro Kerja Sama")] * 2  # revoked, then granted


@pytest.mark.parametrize("peran", ["pimpinan_lain", "perencana", "auditor", "tanpa_peran"])
def test_bukan_kepala_unit_itu_ditolak(client, data, peran):
    client.force_login(data.pengguna[peran])
    baru = buat_pengguna("calon")
    sebelum = potret()
    url = reverse("kerja:admin_unit_detail", args=["biro-ks"])
    assert client.get(url).status_code == 403
    r = client.post(url, {"aksi": "peran", "pengguna": baru.pk, "unit": data.unit.pk, "peran": "perencana"})
    assert r.status_code == 403
    k = Keanggotaan.objects.get(pengguna=data.pengguna["perencana"])
    assert client.post(reverse("kerja:admin_peran_hapus", args=[k.pk])).status_code == 403
    assert potret() == sebelum


def test_menu_administrasi_hanya_untuk_admin_dan_kepala(client, data):
    for peran, tampil in (("admin", True), ("pimpinan", True), ("perencana", False), ("auditor", False)):
        client.force_login(data.pengguna[peran])
        html = client.get(reverse("kerja:utama")).content.decode()
        assert (reverse("kerja:admin_unit") in html) is tampil, peran


def test_jumlah_kueri_daftar_unit_tetap(client, data, django_assert_num_queries):
    client.force_login(data.pengguna["admin"])
    url = reverse("kerja:admin_unit")
    client.get(url)
    n = _hitung(client, url)
    for i in range(5):
        u = UnitKerja.objects.create(slug=f"u{i}", nama=f"U{i}", induk=data.unit)
        KepalaUnit.objects.create(unit=u, nama="K", jabatan="J", mulai=datetime.date(2020, 1, 1))
    with django_assert_num_queries(n):
        r = client.get(url)
    assert "U4" in r.content.decode()


def test_jumlah_kueri_riwayat_administrasi_tetap(client, data, django_assert_num_queries):
    client.force_login(data.pengguna["admin"])
    url = reverse("kerja:admin_riwayat")
    client.get(url)
    n = _hitung(client, url)
    for i in range(4):
        buat_pengguna(f"x{i}", Peran.PERENCANA, data.lain)
    with django_assert_num_queries(n):
        client.get(url)


@pytest.mark.parametrize(
    ("dari_unit", "beri_peran", "kembali"),
    [
        (True, True, True),  # opened from the unit's page, role given there
        (True, False, True),  # opened from the unit's page, no role yet
        (False, True, True),  # role in a unit chosen on the plain form
        (False, False, False),  # no unit at all: nothing to go back to
    ],
)
def test_hasil_pengguna_baru_menawarkan_kembali_ke_unit_dan_tambah_lagi(client, data, dari_unit, beri_peran, kembali):
    client.force_login(data.pengguna["admin"])
    url = reverse("kerja:admin_pengguna_baru") + (f"?unit={data.unit.slug}" if dari_unit else "")
    if dari_unit:
        halaman_unit = client.get(reverse("kerja:admin_unit_detail", args=[data.unit.slug])).content.decode()
        assert f'href="{url}"' in halaman_unit
        assert client.get(url).context["form"]["unit"].value() == data.unit.pk
    isi = {"username": "rina", "nama_depan": "Rina"}
    if dari_unit or beri_peran:
        isi["unit"] = data.unit.pk
    if beri_peran:
        isi["peran"] = "perencana"
    with CaptureQueriesContext(connection) as ctx:
        r = client.post(url, isi)
    assert r.status_code == 200 and r.context["sandi"] in r.content.decode()
    assert len(ctx.captured_queries) <= 28  # 27 measured with a role; the links add none
    html = r.content.decode()
    lagi = reverse("kerja:admin_pengguna_baru") + (f"?unit={data.unit.slug}" if kembali else "")
    assert f'id="tambah-pengguna-lain" href="{lagi}"' in html and "Tambah pengguna lain" in html
    tautan = f'id="kembali-ke-unit" href="{reverse("kerja:admin_unit_detail", args=[data.unit.slug])}"'
    assert (tautan in html) is kembali
    assert (f"Kembali ke unit {data.unit.nama}" in html) is kembali
