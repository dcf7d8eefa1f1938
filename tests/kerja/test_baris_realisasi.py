"""The realisasi grid saves a whole row in one action (htmx), says "tersimpan", shows when the yearly value
overrides the quarters, and asks before saving an implausible value."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from indikator.enums import StatusPeriode as S
from indikator.models import Realisasi

from .conftest import TAHUN, atur_status, potret

HTMX = {"HTTP_HX_REQUEST": "true"}


def _url(ind):
    return reverse("kerja:realisasi_baris", args=["biro-ks", TAHUN, ind.pk])


def _nilai(ind, tw):
    r = Realisasi.objects.filter(indikator=ind, tahun=TAHUN, triwulan=tw).first()
    return r.nilai if r else None


def test_satu_baris_disimpan_sekaligus_dan_tersimpan(client, data):
    client.force_login(data.pengguna["perencana"])
    jumlah = Realisasi.history.count()
    r = client.post(_url(data.ind1), {"tw1-nilai": "7", "tw2-nilai": "7", "tw3-nilai": "12", "tw0-nilai": ""}, **HTMX)
    html = r.content.decode()
    assert r.status_code == 200
    assert "✓ tersimpan" in html and r["HX-Trigger"] == "realisasi-tersimpan"
    assert (_nilai(data.ind1, 2), _nilai(data.ind1, 3)) == (D("7"), D("12"))
    # Only the changed cells were written (TW1 unchanged, yearly still empty).
    assert Realisasi.history.count() == jumlah + 2
    assert html.count('form="form-baris-') >= 10  # every cell belongs to the row's one form
    assert html.count('data-aksi="simpan-baris"') == 1


def test_galat_di_satu_sel_tidak_menyimpan_apa_pun_dan_isian_tetap(client, data):
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    r = client.post(_url(data.ind1), {"tw2-nilai": "7", "tw3-nilai": "1.23.4"}, **HTMX)
    html = r.content.decode()
    assert "“1.23.4” bukan angka yang sah" in html
    assert 'value="1.23.4"' in html and f'name="tw2-nilai" form="form-baris-{data.ind1.pk}" value="7"' in html
    assert "HX-Trigger" not in r and "tersimpan" not in html
    assert potret() == sebelum


@pytest.mark.parametrize(
    "satuan, isian, pesan",
    [
        ("dokumen", {"tw0-nilai": "60"}, ["Tahunan: capaian menjadi 176,47 %, di luar kisaran wajar 50–150 %."]),
        ("dokumen", {"tw0-nilai": "10"}, ["Tahunan: capaian menjadi 29,41 %, di luar kisaran wajar 50–150 %."]),
        ("dokumen", {"tw0-nilai": "34,5"}, ["Tahunan: 34,5 bukan bilangan bulat, padahal satuannya dokumen."]),
        ("%", {"tw0-nilai": "101"}, ["Tahunan: 101 % melebihi 100 %."]),
        (
            "dokumen",
            {"tw0-nilai": "1.234,5"},
            [
                "Tahunan: 1.234,5 bukan bilangan bulat, padahal satuannya dokumen.",
                "Tahunan: capaian menjadi 3.630,88 %, di luar kisaran wajar 50–150 %.",
            ],
        ),
    ],
)
def test_nilai_tak_wajar_minta_konfirmasi_lalu_disimpan(client, data, satuan, isian, pesan):
    data.ind1.satuan = satuan
    data.ind1.save()
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    r = client.post(_url(data.ind1), isian, **HTMX)
    html = r.content.decode()
    for p in pesan:
        assert p in html
    assert 'name="konfirmasi" value="1"' in html and "HX-Trigger" not in r
    assert potret() == sebelum  # nothing saved before the confirmation
    r = client.post(_url(data.ind1), {**isian, "konfirmasi": "1"}, **HTMX)
    assert "✓ tersimpan" in r.content.decode()
    assert _nilai(data.ind1, None) is not None


def test_nilai_wajar_langsung_disimpan(client, data):
    client.force_login(data.pengguna["perencana"])
    r = client.post(_url(data.ind1), {"tw0-nilai": "34"}, **HTMX)
    assert "✓ tersimpan" in r.content.decode() and "Periksa lagi" not in r.content.decode()
    assert _nilai(data.ind1, None) == D("34")


def test_nilai_tahunan_dipakai_terlihat_di_baris(client, data):
    client.force_login(data.pengguna["perencana"])
    halaman = reverse("kerja:realisasi", args=["biro-ks", TAHUN])
    assert "nilai tahunan dipakai" not in client.get(halaman).content.decode()
    Realisasi.objects.create(indikator=data.ind1, tahun=TAHUN, triwulan=None, nilai=D("30"))
    html = client.get(halaman).content.decode()
    baris = html[html.index(f'id="baris-{data.ind1.pk}"') :]
    baris = baris[: baris.index("</tr>")]
    assert "tahunan-dipakai" in baris
    assert "nilai tahunan dipakai: triwulan tidak dihitung untuk capaian tahunan" in baris


def test_tahun_diajukan_baris_ditolak(client, data):
    atur_status(data, S.DIAJUKAN)
    client.force_login(data.pengguna["perencana"])
    html = client.get(reverse("kerja:realisasi", args=["biro-ks", TAHUN])).content.decode()
    assert 'form="form-baris-' not in html  # no inputs on a frozen year
    sebelum = potret()
    r = client.post(_url(data.ind1), {"tw2-nilai": "7"}, **HTMX)
    assert "sedang diajukan untuk disahkan" in r.content.decode()
    assert potret() == sebelum


def _dengan_tahunan(data, nilai="34"):
    """I1 with TW1 = 7 and a yearly value (which replaces the quarters' aggregate); returns its version token."""
    Realisasi.objects.create(indikator=data.ind1, tahun=TAHUN, triwulan=None, nilai=D(nilai))
    return str(Realisasi.history.filter(indikator=data.ind1, triwulan=None).latest("history_id").history_id)


@pytest.mark.parametrize(
    "pilihan, tw4, tahunan",
    [
        ("", None, D("34")),  # asked first: nothing saved
        ("tahunan", D("30"), D("34")),  # typed quarter kept, the yearly value still counts
        ("triwulan", D("30"), None),  # typed quarter kept, the yearly value emptied
    ],
)
def test_triwulan_diisi_saat_nilai_tahunan_ada_meminta_pilihan(client, data, pilihan, tw4, tahunan):
    versi = _dengan_tahunan(data)
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    isian = {"tw1-nilai": "7", "tw4-nilai": "30", "tw0-nilai": "34", "tw0-versi": versi, "pilihan": pilihan}
    r = client.post(_url(data.ind1), isian, **HTMX)
    html = r.content.decode()
    assert (_nilai(data.ind1, 4), _nilai(data.ind1, None)) == (tw4, tahunan)
    if not pilihan:
        assert "Nilai mana yang dipakai?" in html
        assert 'name="pilihan" value="tahunan"' in html and "Pakai nilai tahunan" in html
        assert 'name="pilihan" value="triwulan"' in html and "Pakai nilai triwulan (kosongkan nilai tahunan)" in html
        assert f'name="tw4-nilai" form="form-baris-{data.ind1.pk}" value="30"' in html  # the typed text is kept
        assert "HX-Trigger" not in r and potret() == sebelum
    else:
        assert "✓ tersimpan" in html and r["HX-Trigger"] == "realisasi-tersimpan"
        assert "Nilai mana yang dipakai?" not in html
        assert ("nilai tahunan dipakai" in html) is (pilihan == "tahunan")


@pytest.mark.parametrize(
    "isian",
    [
        {"tw3-nilai": "1.23.4"},  # another cell is refused
        {"tw0-versi": "1"},  # the yearly value changed since the page was loaded: emptying it is refused
    ],
)
def test_pilihan_triwulan_semua_atau_tidak_sama_sekali(client, data, isian):
    versi = _dengan_tahunan(data)
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    dasar = {"tw4-nilai": "30", "tw0-nilai": "34", "tw0-versi": versi, "pilihan": "triwulan"}
    r = client.post(_url(data.ind1), {**dasar, **isian}, **HTMX)
    assert "HX-Trigger" not in r and "tersimpan" not in r.content.decode()
    assert potret() == sebelum


@pytest.mark.parametrize(
    "isian",
    [
        {"tw0-nilai": "30"},  # only the yearly value typed (quarters exist): it is meant to count
        {"tw1-nilai": "8"},  # a quarter typed, no yearly value: nothing to choose
        {"tw1-nilai": "", "tw0-nilai": "34"},  # a quarter emptied while the yearly value exists
    ],
)
def test_tanpa_pilihan_bila_tidak_ada_yang_tertimpa(client, data, isian):
    if "tw0-nilai" in isian:
        _dengan_tahunan(data, isian["tw0-nilai"] if isian.get("tw1-nilai") == "" else "20")
    client.force_login(data.pengguna["perencana"])
    html = client.post(_url(data.ind1), {**isian, "konfirmasi": "1"}, **HTMX).content.decode()
    assert "Nilai mana yang dipakai?" not in html and "✓ tersimpan" in html


def test_tanpa_htmx_halaman_yang_bertanya(client, data):
    """Without JavaScript the page itself asks (the row keeps the typed text); the choice then saves."""
    versi = _dengan_tahunan(data)
    client.force_login(data.pengguna["perencana"])
    sebelum = potret()
    isian = {"tw4-nilai": "30", "tw0-nilai": "34", "tw0-versi": versi}
    r = client.post(_url(data.ind1), isian)
    html = r.content.decode()
    assert r.status_code == 200 and potret() == sebelum
    assert html.count('data-aksi="pakai-triwulan"') == 1 and 'value="30"' in html
    r = client.post(_url(data.ind1), {**isian, "pilihan": "triwulan"})
    assert r.status_code == 302
    assert (_nilai(data.ind1, 4), _nilai(data.ind1, None)) == (D("30"), None)
