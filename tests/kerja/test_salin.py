"""Copy forward: year N+1 from year N (PK from the Renstra targets, budget line structure without amounts) and a
new Renstra period from the old one (structure with `pendahulu` links). Preview writes nothing; all or nothing;
a second run creates nothing; the period lock and the roles are respected."""

import datetime
import re
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from alur import salin
from alur.salin import salin_tahun_berikut
from anggaran.enums import JenisMataAnggaran
from anggaran.models import MataAnggaran, PaguRevisi
from indikator.enums import StatusPeriode, SumberTarget
from indikator.models import (
    Indikator,
    KepalaUnit,
    RencanaAksi,
    Renstra,
    Sasaran,
    Target,
    Tujuan,
    VersiPK,
)

from .conftest import TAHUN, atur_status, potret


@pytest.fixture
def siap(data):
    """Targets of N+1 for I1 (a number) only; a child budget line below 001."""
    Target.objects.create(indikator=data.ind1, tahun=TAHUN + 1, sumber=SumberTarget.RENSTRA, nilai=D("40"))
    anak = MataAnggaran.objects.create(
        unit=data.unit, tahun=TAHUN, kode="001.1", nama="Kegiatan", jenis=JenisMataAnggaran.KEGIATAN, induk=data.mata
    )
    PaguRevisi.objects.create(mata_anggaran=anak, berlaku_mulai=datetime.date(TAHUN, 1, 1), nilai=D("500000"))
    Tujuan.objects.create(renstra=data.renstra, kode="T1", uraian="Tujuan satu", urutan=1)
    return data


def _post_tahun(client, aksi, asal=TAHUN):
    return client.post(
        reverse("kerja:salin", args=["biro-ks"]), {"jenis": "tahun", "aksi": aksi, "tahun-tahun_asal": str(asal)}
    )


def test_pratinjau_tahun_berikut_tidak_menulis(client, siap):
    client.force_login(siap.pengguna["perencana"])
    sebelum = potret()
    r = _post_tahun(client, "pratinjau")
    html = r.content.decode()
    assert r.status_code == 200
    assert "1 versi PK, 1 baris PK, 2 mata anggaran (tanpa pagu dan realisasi)" in html
    assert "Indikator tanpa target Renstra 2019 tidak dimasukkan ke PK: I2." in html
    assert potret() == sebelum


def test_tahun_berikut_dibuat_dari_target_renstra(client, siap):
    client.force_login(siap.pengguna["perencana"])
    r = _post_tahun(client, "terapkan")
    assert r.status_code == 302 and r["Location"] == reverse("kerja:pk", args=["biro-ks", TAHUN + 1])
    versi = VersiPK.objects.get(pk_induk__unit=siap.unit, pk_induk__tahun=TAHUN + 1)
    assert (versi.nomor, versi.berlaku_mulai, versi.berlaku_sampai) == (
        1,
        datetime.date(2019, 1, 1),
        datetime.date(2019, 12, 31),
    )
    assert (versi.pihak_pertama_nama, versi.pihak_kedua_jabatan) == ("Kepala Biro", "Sekretaris Utama")
    assert list(versi.baris.values_list("indikator__kode", "nilai", "uraian_sasaran")) == [
        ("I1", D("40"), "Meningkatnya kerja sama")
    ]
    assert not RencanaAksi.objects.filter(baris_pk__versi=versi).exists()
    baru = MataAnggaran.objects.filter(unit=siap.unit, tahun=TAHUN + 1).order_by("kode")
    assert [(m.kode, m.induk.kode if m.induk else None) for m in baru] == [("001", None), ("001.1", "001")]
    assert not PaguRevisi.objects.filter(mata_anggaran__in=baru).exists()
    assert all(m.history.count() == 1 for m in baru)
    # The year N is untouched.
    assert MataAnggaran.objects.filter(unit=siap.unit, tahun=TAHUN).count() == 2


def test_tahun_berikut_kedua_kali_tidak_membuat_apa_pun(client, siap):
    client.force_login(siap.pengguna["perencana"])
    _post_tahun(client, "terapkan")
    sebelum = potret()
    r = _post_tahun(client, "terapkan")
    html = r.content.decode()
    assert r.status_code == 200 and "Tidak ada yang perlu dibuat untuk tahun 2019" in html
    assert "PK tahun 2019 sudah ada" in html
    assert potret() == sebelum


def test_tahun_berikut_hanya_bagian_yang_belum_ada(siap):
    MataAnggaran.objects.create(unit=siap.unit, tahun=TAHUN + 1, kode="009", nama="X", jenis=JenisMataAnggaran.PROGRAM)
    hasil = salin_tahun_berikut(unit=siap.unit, tahun_asal=TAHUN)
    assert hasil.jumlah == {"versi PK": 1, "baris PK": 1}
    assert "Mata anggaran tahun 2019 sudah ada; tidak disalin." in hasil.catatan


def test_tahun_berikut_terkunci_ditolak(client, siap):
    atur_status(siap, StatusPeriode.DISAHKAN, TAHUN + 1)
    client.force_login(siap.pengguna["perencana"])
    sebelum = potret()
    for aksi in ("pratinjau", "terapkan"):
        r = _post_tahun(client, aksi)
        assert r.status_code == 200 and "disahkan" in r.content.decode()
    assert potret() == sebelum


def test_penandatangan_dari_kepala_bila_belum_ada_pk(siap):
    VersiPK.objects.filter(pk_induk__unit=siap.unit).delete()
    with pytest.raises(ValidationError, match="kepala unit ini atau unit atasannya belum tercatat"):
        salin_tahun_berikut(unit=siap.unit, tahun_asal=TAHUN)
    assert not MataAnggaran.objects.filter(tahun=TAHUN + 1).exists()  # all or nothing
    KepalaUnit.objects.create(unit=siap.unit, nama="A", nip="1", jabatan="Kepala Biro", mulai=datetime.date(2017, 1, 1))
    KepalaUnit.objects.create(unit=siap.induk, nama="B", jabatan="Sestama", mulai=datetime.date(2017, 1, 1))
    salin_tahun_berikut(unit=siap.unit, tahun_asal=TAHUN)
    v = VersiPK.objects.get(pk_induk__tahun=TAHUN + 1)
    assert (v.pihak_pertama_nama, v.pihak_pertama_nip, v.pihak_kedua_nama) == ("A", "1", "B")


@pytest.mark.parametrize("peran", ["pimpinan", "auditor", "perencana_lain", "tanpa_peran"])
def test_salin_ditolak_untuk_peran_lain(client, siap, peran):
    client.force_login(siap.pengguna[peran])
    sebelum = potret()
    assert _post_tahun(client, "terapkan").status_code == 403
    r = client.post(
        reverse("kerja:salin", args=["biro-ks"]),
        {
            "jenis": "periode",
            "aksi": "terapkan",
            "periode-renstra": siap.renstra.pk,
            "periode-nama": "B",
            "periode-tahun_mulai": "2020",
            "periode-tahun_selesai": "2024",
        },
    )
    assert r.status_code == 403
    assert potret() == sebelum


# --- A new Renstra period ----------------------------------------------------------------------------------


def _post_periode(client, data, aksi, mulai="2020", selesai="2024"):
    return client.post(
        reverse("kerja:salin", args=["biro-ks"]),
        {
            "jenis": "periode",
            "aksi": aksi,
            "periode-renstra": data.renstra.pk,
            "periode-nama": "Renstra Biro KS 2020-2024",
            "periode-tahun_mulai": mulai,
            "periode-tahun_selesai": selesai,
        },
    )


def test_pratinjau_periode_baru_tidak_menulis(client, siap):
    client.force_login(siap.pengguna["perencana"])
    sebelum = potret()
    html = _post_periode(client, siap, "pratinjau").content.decode()
    assert "1 Renstra, 1 tujuan, 2 sasaran, 2 indikator (terhubung ke indikator lama)" in html
    assert 'id="terapkan-salin"' in html
    assert potret() == sebelum


def test_periode_baru_dari_yang_lama(client, siap):
    siap.ind2.dipensiunkan_tahun = 2020
    siap.ind2.save()
    client.force_login(siap.pengguna["perencana"])
    r = _post_periode(client, siap, "terapkan")
    baru = Renstra.objects.get(unit=siap.unit, tahun_mulai=2020)
    assert r.status_code == 302 and r["Location"] == reverse("kerja:renstra", args=["biro-ks", baru.pk])
    assert (baru.tahun_selesai, baru.skema_id) == (2024, siap.skema.pk)
    revisi = baru.revisi.get()
    assert (revisi.berlaku_mulai, revisi.berlaku_sampai) == (2020, 2024)
    assert list(baru.tujuan.values_list("kode", "uraian")) == [("T1", "Tujuan satu")]
    assert list(Sasaran.objects.filter(revisi=revisi).values_list("kode", "perspektif")) == [
        ("S1", "customer"),
        ("S2", "stakeholder"),
    ]
    ind = list(Indikator.objects.filter(sasaran__revisi=revisi))
    assert [(i.kode, i.pendahulu_id, i.agregasi, i.iku) for i in ind] == [("I1", siap.ind1.pk, "kumulatif", True)]
    assert not Target.objects.filter(indikator__in=ind).exists()
    # A second run overlaps the new period and is refused.
    sebelum = potret()
    r = _post_periode(client, siap, "terapkan")
    assert "tumpang tindih" in r.content.decode()
    assert potret() == sebelum


def test_periode_baru_skema_tanpa_perspektif_mengosongkan_perspektif(siap):
    siap.skema.pakai_perspektif = False
    siap.skema.save()
    hasil = salin.salin_renstra(lama=siap.renstra, nama="Baru", tahun_mulai=2020, tahun_selesai=2024)
    assert set(Sasaran.objects.filter(revisi__renstra=hasil.objek).values_list("perspektif", flat=True)) == {""}


def test_periode_baru_tahun_salah_ditolak(client, siap):
    client.force_login(siap.pengguna["perencana"])
    sebelum = potret()
    r = _post_periode(client, siap, "terapkan", mulai="2024", selesai="2020")
    assert "Tahun selesai tidak boleh sebelum tahun mulai." in r.content.decode()
    assert potret() == sebelum


def test_tombol_buat_sekarang_di_pratinjau_menerapkan_yang_dipratinjau(client, siap):
    """The preview's confirm form carries the previewed input back (hidden fields) and applies it."""
    client.force_login(siap.pengguna["perencana"])
    html = _post_periode(client, siap, "pratinjau").content.decode()
    blok = html[html.index('id="pratinjau-salin"') :]
    blok = blok[: blok.index("</form>")]
    isi = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', blok))
    assert isi["aksi"] == "terapkan" and isi["periode-tahun_mulai"] == "2020"
    r = client.post(reverse("kerja:salin", args=["biro-ks"]), isi)
    assert r.status_code == 302
    assert Renstra.objects.get(unit=siap.unit, tahun_mulai=2020).nama == "Renstra Biro KS 2020-2024"
