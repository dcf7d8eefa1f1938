"""Input rules at form level: Indonesian and plain numbers, Indonesian messages at the field, refusals, warnings."""

from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from indikator.models import Realisasi
from kerja.forms.anggaran import PaguForm
from kerja.forms.kinerja import BuktiForm, RealisasiForm
from umum.forms import AngkaField

from .conftest import TAHUN, potret


@pytest.mark.parametrize(
    "teks, nilai",
    [
        ("1.234.567,89", D("1234567.89")),
        ("1234567.89", D("1234567.89")),
        ("78,35", D("78.35")),
        ("95 %", D("95")),
        ("", None),
    ],
)
def test_angkafield_menerima_format_indonesia_dan_polos(teks, nilai):
    assert AngkaField(required=False).clean(teks) == nilai


@pytest.mark.parametrize(
    "teks, pesan",
    [
        ("1.23.4", "“1.23.4” bukan angka yang sah. Tulis misalnya 1500 atau 1.500"),
        ("12abc", "“12abc” bukan angka yang sah."),
        ("1,2,3", "“1,2,3” bukan angka yang sah."),
    ],
)
def test_realisasi_form_pesan_indonesia_di_isian(teks, pesan):
    form = RealisasiForm(data={"nilai": teks})
    assert not form.is_valid()
    assert pesan in form.errors["nilai"][0]


def test_pagu_negatif_ditolak_di_isian():
    form = PaguForm(data={"nilai": "-1.000,00", "berlaku_mulai": "2018-01-01"})
    assert not form.is_valid()
    assert form.errors["nilai"] == ["Pagu tidak boleh negatif."]


def test_angkafield_menampilkan_nilai_berformat_indonesia_yang_terbaca_kembali():
    """A stored value is shown the way people read it ("1.234,5", never a raw 1234.5000) and re-parses to the same
    number: a dot followed by groups of three digits is a thousands separator."""
    f = AngkaField()
    assert f.prepare_value(D("1234.5000")) == "1.234,5"
    assert f.clean(f.prepare_value(D("1234.0000"))) == D("1234")


def test_realisasi_teks_ambigu_tidak_menyimpan_dan_pesan_di_halaman(client, data):
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    url = reverse("kerja:realisasi_rincian", args=["biro-ks", TAHUN, data.ind1.pk, 2])
    r = client.post(url, {"nilai": "1.23.4"})
    assert r.status_code == 200
    assert "bukan angka yang sah" in r.content.decode()
    assert potret() == sebelum


def test_realisasi_format_indonesia_disimpan_sebagai_decimal(client, data):
    client.force_login(data.pengguna["perencana"])
    client.post(reverse("kerja:realisasi_sel", args=["biro-ks", TAHUN, data.ind1.pk, 2]), {"nilai": "1.234,5"})
    assert Realisasi.objects.get(indikator=data.ind1, tahun=TAHUN, triwulan=2).nilai == D("1234.5")


def test_triwulan_di_luar_1_4_ditolak(client, data):
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    r = client.post(
        reverse("kerja:realisasi_sel", args=["biro-ks", TAHUN, data.ind1.pk, 5]), {"nilai": "3"}, follow=True
    )
    assert "Triwulan harus 1 sampai 4." in r.content.decode()
    assert potret() == sebelum


def test_realisasi_indikator_pensiun_ditolak(client, data):
    data.ind2.dipensiunkan_tahun = TAHUN
    data.ind2.save()
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    r = client.post(
        reverse("kerja:realisasi_sel", args=["biro-ks", TAHUN, data.ind2.pk, 1]), {"nilai": "3"}, follow=True
    )
    assert "sudah dipensiunkan mulai tahun 2018" in r.content.decode()
    assert potret() == sebelum


def test_pensiun_tidak_menghapus_riwayat(client, data):
    client.force_login(data.pengguna["perencana"])
    client.post(reverse("kerja:indikator_pensiun", args=["biro-ks", data.ind1.pk]), {"dipensiunkan_tahun": 2019})
    data.ind1.refresh_from_db()
    assert data.ind1.dipensiunkan_tahun == 2019
    assert not data.ind1.aktif_pada(2019) and data.ind1.aktif_pada(TAHUN)
    assert data.ind1.target.filter(tahun=TAHUN).exists()
    assert data.ind1.realisasi.filter(tahun=TAHUN).exists()


def test_realisasi_anggaran_melebihi_pagu_peringatan_bukan_penolakan(client, data):
    client.force_login(data.pengguna["perencana"])
    r = client.post(
        reverse("kerja:realisasi_bulanan", args=["biro-ks", data.mata.pk]),
        {"b_1": "900.000,00", "b_2": "200000"},
        follow=True,
    )
    isi = r.content.decode()
    assert "Realisasi 001 (Rp 1.100.000) melebihi pagu (Rp 1.000.000)." in isi
    assert sorted(data.mata.realisasi.values_list("bulan", "nilai")) == [(1, D("900000")), (2, D("200000"))]


def test_bukti_ekstensi_tidak_diterima():
    form = BuktiForm(data={}, files={"berkas": SimpleUploadedFile("skrip.exe", b"MZ")})
    assert not form.is_valid()
    assert form.errors["berkas"][0].startswith("Jenis berkas .exe tidak diterima. Gunakan: pdf, jpg")


def test_bukti_terlalu_besar(settings):
    settings.SAKIP_BUKTI_MAKS_BYTE = 10
    form = BuktiForm(data={}, files={"berkas": SimpleUploadedFile("besar.pdf", b"x" * 11)})
    assert not form.is_valid()
    assert form.errors["berkas"] == ["Ukuran berkas 11\xa0bita melebihi batas 10\xa0bita."]


def test_unggah_bukti_ditolak_tidak_menyimpan(client, data):
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    r = client.post(
        reverse("kerja:bukti_unggah", args=["biro-ks", TAHUN, data.ind1.pk, 1]),
        {"berkas": SimpleUploadedFile("x.zip", b"PK")},
        follow=True,
    )
    assert "Jenis berkas .zip tidak diterima" in r.content.decode()
    assert potret() == sebelum
