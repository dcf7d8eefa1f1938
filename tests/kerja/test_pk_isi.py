"""A new PK version proposes its signatories (the unit's head and the parent unit's head in force on the signing
date), city and dates; "Isi dari target Renstra" fills a version's rows from the Renstra targets of its year (all
or nothing, refused on a frozen year, existing rows kept unless asked)."""

from __future__ import annotations

import datetime
from decimal import Decimal as D
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from alur import salin
from indikator import services
from indikator.enums import SumberTarget
from indikator.models import BarisPK, KepalaUnit, RencanaAksi, Target, VersiPK

from .conftest import TAHUN, potret

T = datetime.date


@pytest.fixture
def kepala(data):
    KepalaUnit.objects.create(
        unit=data.unit,
        nama="Ani",
        nama_bergelar="Dr. Ani, M.Si.",
        nip="1971",
        jabatan="Kepala Biro KS",
        mulai=T(2015, 1, 1),
        selesai=T(2018, 6, 30),
    )
    KepalaUnit.objects.create(
        unit=data.unit, nama="Budi", nip="1980", jabatan="Kepala Biro Kerja Sama", mulai=T(2018, 7, 1)
    )
    KepalaUnit.objects.create(unit=data.induk, nama="Citra", jabatan="Sekretaris Utama", mulai=T(2016, 1, 1))
    return data


def _versi_baru(klien, tanggal: str | None = None) -> str:
    kueri = {"tanggal_tanda_tangan": tanggal} if tanggal else {}
    r = klien.get(reverse("kerja:versi_pk_baru", args=["biro-ks", TAHUN]), kueri)
    assert r.status_code == 200
    return r.content.decode()


@pytest.mark.parametrize(
    ("tanggal", "pertama", "kedua"),
    [
        (None, ("Dr. Ani, M.Si.", "1971", "Kepala Biro KS"), "Citra"),  # default: 2 January of the year
        ("2018-03-01", ("Dr. Ani, M.Si.", "1971", "Kepala Biro KS"), "Citra"),
        ("2018-06-30", ("Dr. Ani, M.Si.", "1971", "Kepala Biro KS"), "Citra"),
        ("2018-07-01", ("Budi", "1980", "Kepala Biro Kerja Sama"), "Citra"),
    ],
)
def test_penandatangan_menurut_tanggal_tanda_tangan(client, kepala, tanggal, pertama, kedua):
    client.force_login(kepala.pengguna["perencana"])
    html = _versi_baru(client, tanggal)
    nama, nip, jabatan = pertama
    assert f'name="pihak_pertama_nama" value="{nama}"' in html
    assert f'name="pihak_pertama_nip" value="{nip}"' in html
    assert f'value="{jabatan}"' in html
    assert f'value="{kedua}"' in html and 'value="Sekretaris Utama"' in html
    assert f'value="{tanggal or "2018-01-02"}"' in html
    assert 'value="2018-12-31"' in html and 'name="kota"' in html
    assert "Isi penandatangan untuk tanggal ini" in html


def test_tanpa_kepala_atasan_halaman_mengatakannya(client, data):
    KepalaUnit.objects.create(unit=data.unit, nama="Budi", jabatan="Kepala Biro", mulai=T(2015, 1, 1))
    client.force_login(data.pengguna["perencana"])
    html = _versi_baru(client, "2018-02-01")
    assert "Belum ada kepala unit atasan yang menjabat pada 01-02-2018; isi pihak kedua." in html
    assert 'value="Budi"' in html


def test_usulan_versi_berikut_mulai_dari_tanggal_tanda_tangan(kepala):
    awal, catatan = salin.usulan_versi_pk(kepala.unit, TAHUN, tanggal=T(2018, 8, 1))
    assert catatan == []
    assert awal["berlaku_mulai"] == T(2018, 8, 1) and awal["berlaku_sampai"] == T(2018, 12, 31)
    assert awal["judul"] == "Januari"  # the latest version's title
    assert awal["pihak_pertama_nama"] == "Budi" and awal["pihak_kedua_nama"] == "Citra"


@pytest.mark.parametrize(
    ("hari_ini", "harapan"),
    [(T(2018, 3, 5), T(2018, 3, 5)), (T(2026, 12, 7), T(2018, 1, 2)), (T(2017, 12, 20), T(2018, 1, 2))],
)
def test_tanggal_tanda_tangan_usulan(hari_ini, harapan):
    assert salin.tanggal_tanda_tangan_usulan(TAHUN, hari_ini) == harapan


def _isi(client, versi, **data):
    return client.post(reverse("kerja:versi_pk_isi_renstra", args=["biro-ks", versi.pk]), data)


def test_isi_dari_renstra_menambah_tanpa_menimpa(client, data):
    Target.objects.filter(indikator=data.ind1, tahun=TAHUN).update(nilai=D("40"))
    client.force_login(data.pengguna["perencana"])
    r = _isi(client, data.versi)
    assert r.status_code == 302
    baris = {b.indikator.kode: b for b in data.versi.baris.select_related("indikator")}
    assert set(baris) == {"I1", "I2"}
    assert baris["I1"].nilai == D("34")  # kept
    assert (baris["I2"].nilai, baris["I2"].uraian_sasaran, baris["I2"].urutan) == (D("10"), data.sasaran.nama, 2)
    halaman = client.get(r.url).content.decode()
    assert "Diisi dari target Renstra: 1 baris PK baru." in halaman
    assert "Sudah ada di versi ini, tidak diubah: I1." in halaman


def test_isi_dari_renstra_menimpa_bila_diminta_rencana_aksi_tetap(client, data):
    Target.objects.filter(indikator=data.ind1, tahun=TAHUN).update(nilai=D("40"))
    client.force_login(data.pengguna["perencana"])
    _isi(client, data.versi, timpa="1")
    data.baris1.refresh_from_db()
    assert data.baris1.nilai == D("40")
    assert data.versi.baris.count() == 2
    assert RencanaAksi.objects.filter(baris_pk=data.baris1).count() == 4


def test_isi_dari_renstra_ditolak_pada_tahun_beku(client, kunci):
    client.force_login(kunci.pengguna["perencana"])
    sebelum = potret()
    r = _isi(client, kunci.versi, timpa="1")
    assert potret() == sebelum
    assert r.status_code == 302
    assert "tahun 2018 sudah dikunci dan tidak dapat diubah" in client.get(r.url).content.decode()


def test_isi_dari_renstra_semua_atau_tidak_sama_sekali(data):
    versi = VersiPK.objects.create(
        pk_induk=data.versi.pk_induk,
        nomor=2,
        berlaku_mulai=T(2018, 7, 1),
        berlaku_sampai=T(2018, 12, 31),
        pihak_pertama_nama="A",
        pihak_pertama_jabatan="A",
        pihak_kedua_nama="B",
        pihak_kedua_jabatan="B",
    )
    asli = services.simpan_baris_pk
    panggilan = []

    def gagal_kedua(**kw):
        panggilan.append(kw)
        if len(panggilan) == 2:
            raise ValidationError("gagal")
        return asli(**kw)

    with mock.patch.object(services, "simpan_baris_pk", side_effect=gagal_kedua), pytest.raises(ValidationError):
        salin.isi_pk_dari_renstra(versi=versi)
    assert not BarisPK.objects.filter(versi=versi).exists()
    hasil = salin.isi_pk_dari_renstra(versi=versi)
    assert hasil.jumlah == {"baris PK baru": 2}
    assert [b.indikator.kode for b in versi.baris.order_by("urutan")] == ["I1", "I2"]


def test_tanpa_target_renstra_ditolak(data):
    Target.objects.filter(sumber=SumberTarget.RENSTRA).delete()
    with pytest.raises(ValidationError, match="Belum ada target Renstra tahun 2018"):
        salin.isi_pk_dari_renstra(versi=data.versi)


def test_tombol_isi_dari_renstra_dan_akses_baca_saja(client, data):
    client.force_login(data.pengguna["perencana"])
    html = client.get(reverse("kerja:versi_pk", args=["biro-ks", data.versi.pk])).content.decode()
    assert "Isi dari target Renstra" in html and 'name="timpa"' in html
    client.force_login(data.pengguna["auditor"])
    assert _isi(client, data.versi).status_code == 403


def test_isi_ulang_penandatangan_menjaga_isian_lain(client, kepala):
    client.force_login(kepala.pengguna["perencana"])
    r = client.get(
        reverse("kerja:versi_pk_baru", args=["biro-ks", TAHUN]),
        {"tanggal_tanda_tangan": "2018-09-01", "kota": "Bandung", "pihak_pertama_nama": "Ketik lama"},
    )
    html = r.content.decode()
    assert 'value="Bandung"' in html
    assert 'name="pihak_pertama_nama" value="Budi"' in html and "Ketik lama" not in html
