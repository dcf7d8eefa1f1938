"""People's words on the realisasi page: the yearly analysis says where the report prints it; the target is not
followed by its unit twice ("Target: 70% %")."""

from django.urls import reverse

from .conftest import TAHUN


def test_realisasi_tahunan_menyebut_letak_cetak_dan_satuan_sekali(client, data):
    data.ind1.satuan = "%"
    data.ind1.save()
    data.baris1.teks_tampilan = "70%"
    data.baris1.save()
    client.force_login(data.pengguna["perencana"])
    html = client.get(reverse("kerja:realisasi_rincian", args=["biro-ks", TAHUN, data.ind1.pk, 0])).content.decode()
    assert "Target: 70%" in html and "70% %" not in html
    assert "data-letak>Bab III · Sasaran 1 · di bawah kalimat capaian indikator I1<" in html
    html = client.get(reverse("kerja:realisasi_rincian", args=["biro-ks", TAHUN, data.ind1.pk, 1])).content.decode()
    assert "Narasi triwulan tidak dicetak di laporan" in html
