"""Monthly spending plan (rencana penarikan) of a budget line: entered on the line's page, Indonesian numbers,
negatives refused at the field, a plan above pagu warned, history recorded, and the dashboard's plan curve
uses it."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from anggaran.models import RencanaPenarikan
from dasbor.data import susun_dasbor

from .conftest import TAHUN, potret


def _url(data):
    return reverse("kerja:rencana_penarikan", args=["biro-ks", data.mata.pk])


def test_halaman_mata_anggaran_punya_formulir_rencana(client, data):
    client.force_login(data.pengguna["perencana"])
    html = client.get(reverse("kerja:mata_anggaran", args=["biro-ks", data.mata.pk])).content.decode()
    assert f'action="{_url(data)}"' in html and "Rencana penarikan bulanan" in html


def test_rencana_disimpan_diubah_dan_dihapus_per_bulan(client, data):
    client.force_login(data.pengguna["perencana"])
    r = client.post(_url(data), {"b_1": "250.000,00", "b_6": "250000", "b_12": "500.000,00"}, follow=True)
    assert "Rencana penarikan disimpan." in r.content.decode()
    assert sorted(data.mata.rencana_penarikan.values_list("bulan", "nilai")) == [
        (1, D("250000")),
        (6, D("250000")),
        (12, D("500000")),
    ]
    # Emptying a month removes it; other months keep their values; each change is in the audit trail.
    client.post(_url(data), {"b_1": "400.000,00", "b_6": "", "b_12": "600.000,00"})
    assert sorted(data.mata.rencana_penarikan.values_list("bulan", "nilai")) == [(1, D("400000")), (12, D("600000"))]
    assert RencanaPenarikan.history.filter(bulan=12).count() == 2
    assert RencanaPenarikan.history.filter(bulan=6, history_type="-").count() == 1


def test_rencana_negatif_ditolak_tanpa_perubahan(client, data):
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    r = client.post(_url(data), {"b_1": "-5"})
    assert r.status_code == 200
    assert "Rencana penarikan tidak boleh negatif." in r.content.decode()
    assert potret() == sebelum


@pytest.mark.parametrize(
    ("isian", "pesan"),
    [
        ({"b_3": "700.000,00", "b_9": "700000"}, "berjumlah Rp 1.400.000, tidak sama dengan pagu Rp 1.000.000"),
        ({"b_3": "300.000,00"}, "berjumlah Rp 300.000, tidak sama dengan pagu Rp 1.000.000 (selisih Rp -700.000)"),
    ],
)
def test_rencana_tidak_sama_pagu_ditolak_tanpa_perubahan(client, data, isian, pesan):
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    r = client.post(_url(data), isian, follow=True)
    assert pesan in r.content.decode()
    assert potret() == sebelum and data.mata.rencana_penarikan.count() == 0


def test_dasbor_membandingkan_serapan_dengan_rencana(client, data):
    client.force_login(data.pengguna["perencana"])
    client.post(_url(data), {"b_6": "500.000,00", "b_12": "500000"})
    dasbor = susun_dasbor(data.unit, TAHUN)
    # Pagu Rp 1.000.000: half planned by June, all by December.
    assert dasbor.rencana_kumulatif[5] == D("50") and dasbor.rencana_kumulatif[11] == D("100")


def test_halaman_mata_anggaran_menampilkan_serapan_terhadap_rencana(client, data):
    client.force_login(data.pengguna["perencana"])
    client.post(_url(data), {"b_3": "400.000,00", "b_12": "600.000,00"})
    html = client.get(reverse("kerja:mata_anggaran", args=["biro-ks", data.mata.pk])).content.decode()
    assert "data-serapan-rpd" in html and "40,00" in html  # 40 % planned by March
