"""Submit and approve with eyes open: summary, confirmation, acknowledged warnings, the submitted freeze, the
head's page with the changes since the previous submission, e-mails, deadline reminders."""

import datetime
from decimal import Decimal as D

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from indikator import periode
from indikator.enums import StatusPeriode as S
from indikator.models import PeriodeUnit, Realisasi
from indikator.services import simpan_realisasi

from .conftest import TAHUN, atur_status

URL_AJUKAN = reverse("kerja:pengajuan", args=["biro-ks", TAHUN])
URL_SAHKAN = reverse("kerja:pengesahan", args=["biro-ks", TAHUN])


@pytest.fixture
def surel(data):
    for nama in ("perencana", "pimpinan", "pimpinan_induk", "pimpinan_lain", "perencana_lain"):
        u = data.pengguna[nama]
        u.email = f"{nama}@contoh.go.id"
        u.save()
    return data


def _status(data):
    p = PeriodeUnit.objects.filter(unit=data.unit, tahun=TAHUN).first()
    return p.status if p else S.DRAFT


def test_ringkasan_pengajuan_menampilkan_pengukuran_peringatan_dan_narasi_kosong(client, data):
    client.force_login(data.pengguna["perencana"])
    r = client.get(URL_AJUKAN)
    assert r.status_code == 200
    html = r.content.decode()
    ringkasan = r.context["ringkasan"]
    assert ringkasan.pengukuran is not None and "NKO" in html
    assert data.ind1.nama in html and data.ind2.nama in html
    assert "Serapan anggaran" in html
    assert ringkasan.peringatan and ringkasan.peringatan[0].pesan in html
    assert ringkasan.narasi_kosong and ringkasan.narasi_kosong[0].label in html
    assert 'name="akui_peringatan"' in html and 'name="konfirmasi"' in html


@pytest.mark.parametrize(
    "isian, pesan",
    [
        ({}, "Centang konfirmasi untuk mengajukan."),
        ({"konfirmasi": "on"}, "Akui peringatan sebelum mengajukan."),
        ({"akui_peringatan": "on"}, "Centang konfirmasi untuk mengajukan."),
    ],
)
def test_pengajuan_tanpa_konfirmasi_atau_pengakuan_ditolak(client, surel, isian, pesan):
    client.force_login(surel.pengguna["perencana"])
    r = client.post(URL_AJUKAN, isian)
    assert r.status_code == 400
    assert pesan in r.content.decode()
    assert _status(surel) == S.DRAFT
    assert mail.outbox == []


def test_aksi_ajukan_langsung_tidak_mengajukan(client, data):
    """The old one-click POST only leads to the summary."""
    client.force_login(data.pengguna["perencana"])
    r = client.post(reverse("kerja:periode_aksi", args=["biro-ks", TAHUN, "ajukan"]))
    assert r.status_code == 302 and r.url == URL_AJUKAN
    assert _status(data) == S.DRAFT


@pytest.mark.parametrize("peran", ["pimpinan", "auditor"])
def test_pengajuan_hanya_perencana(client, data, peran):
    client.force_login(data.pengguna[peran])
    assert client.get(URL_AJUKAN).status_code == 403
    assert client.post(URL_AJUKAN, {"konfirmasi": "on", "akui_peringatan": "on"}).status_code == 403
    assert _status(data) == S.DRAFT


def test_pengajuan_dengan_catatan_membekukan_dan_menyurati_pimpinan(client, surel, narasi_lengkap):
    client.force_login(surel.pengguna["perencana"])
    r = client.post(URL_AJUKAN, {"konfirmasi": "on", "akui_peringatan": "on", "catatan": "IK2 menunggu BPS"})
    assert r.status_code == 302
    p = PeriodeUnit.objects.get(unit=surel.unit, tahun=TAHUN)
    assert (p.status, p.catatan_pengajuan) == (S.DIAJUKAN, "IK2 menunggu BPS")
    assert len(mail.outbox) == 1
    m = mail.outbox[0]
    assert sorted(m.to) == ["pimpinan@contoh.go.id", "pimpinan_induk@contoh.go.id"]
    assert "Biro Kerja Sama tahun 2018 diajukan" in m.subject
    assert "IK2 menunggu BPS" in m.body and URL_SAHKAN in m.body
    # Frozen: the planner's edit is refused by the service and the page says why.
    with pytest.raises(periode.PeriodeBeku, match="sedang diajukan"):
        simpan_realisasi(indikator=surel.ind1, tahun=TAHUN, triwulan=2, nilai=D("5"))
    r = client.get(reverse("kerja:realisasi", args=["biro-ks", TAHUN]))
    assert "sedang diajukan untuk disahkan: data dibekukan" in r.content.decode()
    r = client.post(
        reverse("kerja:realisasi_sel", args=["biro-ks", TAHUN, surel.ind1.pk, 2]), {"nilai": "5"}, follow=True
    )
    assert "sedang diajukan" in r.content.decode()
    assert not Realisasi.objects.filter(indikator=surel.ind1, tahun=TAHUN, triwulan=2, nilai=D("5")).exists()


def test_pembekuan_berlaku_juga_untuk_pimpinan_dan_admin(data):
    atur_status(data, S.DIAJUKAN)
    for nama in ("pimpinan", "admin"):
        with pytest.raises(periode.PeriodeBeku):
            periode.pastikan_dapat_diubah(data.unit, TAHUN)
        assert nama  # the lock does not look at the user: frozen for everyone


def test_halaman_pengesahan_catatan_dan_perubahan_sejak_pengesahan_terakhir(client, surel):
    """Never approved: the head sees everything entered for the year (see also test_pengesahan_lengkap)."""
    u, t = surel.unit, TAHUN
    periode.ajukan_periode(unit=u, tahun=t, oleh=surel.pengguna["perencana"], catatan="Pertama")
    client.force_login(surel.pengguna["pimpinan"])
    r = client.get(URL_SAHKAN)
    assert "belum pernah disahkan" in r.content.decode()
    jumlah_awal = r.context["ringkasan"].jumlah_perubahan
    assert jumlah_awal > 0
    periode.kembalikan_periode(unit=u, tahun=t, oleh=surel.pengguna["pimpinan"], komentar="Isi TW3 IK1")
    simpan_realisasi(indikator=surel.ind1, tahun=t, triwulan=3, nilai=D("12"))
    periode.ajukan_periode(unit=u, tahun=t, oleh=surel.pengguna["perencana"], catatan="TW3 sudah diisi")
    r = client.get(URL_SAHKAN)
    html = r.content.decode()
    assert r.status_code == 200
    assert "TW3 sudah diisi" in html
    ringkasan = r.context["ringkasan"]
    assert ringkasan.jumlah_perubahan == jumlah_awal + 1
    assert (ringkasan.perubahan[0].sumber.kode, ringkasan.perubahan[0].objek) == (
        "realisasi",
        f"{surel.ind1.kode} {surel.ind1.nama} TW3",
    )
    assert 'id="form-sahkan"' in html and 'id="form-kembalikan"' in html


def test_kembalikan_dan_sahkan_menyurati_perencana_dan_tampil_di_ruang_kerja(client, surel, narasi_lengkap):
    u, t = surel.unit, TAHUN
    periode.ajukan_periode(unit=u, tahun=t, oleh=surel.pengguna["perencana"])
    mail.outbox.clear()
    client.force_login(surel.pengguna["pimpinan"])
    r = client.post(reverse("kerja:periode_aksi", args=["biro-ks", t, "kembalikan"]), {"komentar": ""})
    assert _status(surel) == S.DIAJUKAN and mail.outbox == []  # a comment is required to return
    client.post(reverse("kerja:periode_aksi", args=["biro-ks", t, "kembalikan"]), {"komentar": "Lengkapi bukti"})
    assert _status(surel) == S.DIKEMBALIKAN
    assert [m.to for m in mail.outbox] == [["perencana@contoh.go.id"]]
    assert "Lengkapi bukti" in mail.outbox[0].body
    client.force_login(surel.pengguna["perencana"])
    for url in (f"{reverse('kerja:utama')}?unit=biro-ks&tahun={t}", reverse("beranda")):
        html = client.get(url).content.decode()
        assert "Dikembalikan:</strong> Lengkapi bukti" in html, url
    periode.ajukan_periode(unit=u, tahun=t, oleh=surel.pengguna["perencana"])
    mail.outbox.clear()
    client.force_login(surel.pengguna["pimpinan"])
    r = client.post(reverse("kerja:periode_aksi", args=["biro-ks", t, "sahkan"]), {"komentar": ""})
    assert r.status_code == 302 and _status(surel) == S.DISAHKAN
    assert [m.to for m in mail.outbox] == [["perencana@contoh.go.id"]]
    assert "disahkan" in mail.outbox[0].subject
    html = client.get(f"{reverse('dasbor:utama')}?unit=biro-ks&tahun={t}").content.decode()
    assert "Disahkan oleh pimpinan pada" in html
    client.force_login(surel.pengguna["perencana"])
    assert "Disahkan oleh pimpinan pada" in client.get(reverse("beranda")).content.decode()


def test_tenggat_hanya_pimpinan_atau_admin(client, data):
    url = reverse("kerja:tenggat", args=["biro-ks", TAHUN])
    client.force_login(data.pengguna["perencana"])
    client.post(url, {"tenggat": "2019-01-31"})
    assert not PeriodeUnit.objects.filter(unit=data.unit, tahun=TAHUN, tenggat__isnull=False).exists()
    client.force_login(data.pengguna["pimpinan"])
    client.post(url, {"tenggat": "2019-01-31"})
    assert PeriodeUnit.objects.get(unit=data.unit, tahun=TAHUN).tenggat == datetime.date(2019, 1, 31)


@pytest.mark.parametrize(
    "status, tenggat, hari_ini, penerima",
    [
        (S.DRAFT, datetime.date(2019, 1, 31), datetime.date(2019, 1, 20), ["perencana@contoh.go.id"]),
        (S.DRAFT, datetime.date(2019, 1, 31), datetime.date(2019, 2, 5), ["perencana@contoh.go.id"]),  # passed
        (S.DIKEMBALIKAN, datetime.date(2019, 1, 31), datetime.date(2019, 1, 30), ["perencana@contoh.go.id"]),
        (S.DRAFT, datetime.date(2019, 1, 31), datetime.date(2019, 1, 1), []),  # still far
        (S.DRAFT, None, datetime.date(2019, 1, 30), []),  # no deadline
        (
            S.DIAJUKAN,
            datetime.date(2019, 1, 31),
            datetime.date(2019, 1, 30),
            ["pimpinan@contoh.go.id", "pimpinan_induk@contoh.go.id"],
        ),
        (S.DISAHKAN, datetime.date(2019, 1, 31), datetime.date(2019, 2, 5), []),  # nothing left to do
    ],
)
def test_kirim_pengingat_hanya_yang_masih_harus_bertindak(surel, status, tenggat, hari_ini, penerima, capsys):
    PeriodeUnit.objects.update_or_create(unit=surel.unit, tahun=TAHUN, defaults={"status": status, "tenggat": tenggat})
    call_command("kirim_pengingat", "--hari", "14", "--tanggal", hari_ini.isoformat())
    assert [sorted(m.to) for m in mail.outbox] == ([penerima] if penerima else [])
    assert f"{len(mail.outbox)} surel pengingat terkirim." in capsys.readouterr().out
