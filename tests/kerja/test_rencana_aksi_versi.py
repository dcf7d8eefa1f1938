"""Rencana Aksi per quarter on the realisasi sheet: the PK version in force at the quarter's end gives the target;
a newer version without Rencana Aksi yet shows its state, never the older version's targets."""

import datetime
from decimal import Decimal as D

import pytest
from django.urls import reverse

from indikator import models as m
from kerja.queries import BarisRealisasi, SelTriwulan, baris_realisasi, susun_lembar_realisasi

from .conftest import TAHUN


def tambah_versi_tanpa_rencana_aksi(data) -> m.VersiPK:
    """PK version 2 (1 July–31 December, so in force at the end of Q3 and Q4) with a row for I1, no Rencana
    Aksi yet; version 1 (the whole year) keeps its Rencana Aksi 7/14/26/34."""
    v2 = m.VersiPK.objects.create(
        pk_induk=data.versi.pk_induk,
        nomor=2,
        judul="Juli",
        berlaku_mulai=datetime.date(TAHUN, 7, 1),
        berlaku_sampai=datetime.date(TAHUN, 12, 31),
        pihak_pertama_nama="Kepala Biro",
        pihak_pertama_jabatan="Kepala Biro Kerja Sama",
        pihak_kedua_nama="Sekretaris Utama",
        pihak_kedua_jabatan="Sekretaris Utama",
    )
    m.BarisPK.objects.create(
        versi=v2, urutan=1, indikator=data.ind1, uraian_sasaran="S", uraian_indikator="I1", nilai=D("34")
    )
    for tw, nilai in ((2, "7"), (3, "12"), (4, "8")):
        m.Realisasi.objects.create(indikator=data.ind1, tahun=TAHUN, triwulan=tw, nilai=D(nilai))
    return v2


def test_lembar_tanpa_versi_baru_memakai_rencana_aksi_versi_1(data):
    sel = baris_realisasi(susun_lembar_realisasi(data.unit, TAHUN), data.ind1.pk).triwulan
    assert [s.target_kumulatif for s in sel] == [D("7"), D("14"), D("26"), D("34")]
    assert [s.capaian for s in sel] == [D("100.00"), None, None, None]
    # I2 has no row in the PK version in force: no target, the state instead.
    sel2 = baris_realisasi(susun_lembar_realisasi(data.unit, TAHUN), data.ind2.pk).triwulan
    assert [(s.target_kumulatif, s.keterangan_target) for s in sel2] == [(None, "tidak ada di PK versi 1")] * 4


def test_versi_baru_tanpa_rencana_aksi_tidak_meminjam_target(data):
    tambah_versi_tanpa_rencana_aksi(data)
    sel = baris_realisasi(susun_lembar_realisasi(data.unit, TAHUN), data.ind1.pk).triwulan
    # Q1/Q2: version 1 is in force; Q3/Q4: version 2, without Rencana Aksi (version 1's 26/34 would give 100 %).
    assert [s.kumulatif for s in sel] == [D("7"), D("14"), D("26"), D("34")]
    assert [s.target_kumulatif for s in sel] == [D("7"), D("14"), None, None]
    assert [s.capaian for s in sel] == [D("100.00"), D("100.00"), None, None]
    assert [s.kriteria for s in sel][2:] == [None, None]
    assert [s.keterangan_target for s in sel] == ["", "", *["belum ada Rencana Aksi (PK versi 2)"] * 2]


def test_halaman_realisasi_menampilkan_keterangan(client, data):
    tambah_versi_tanpa_rencana_aksi(data)
    client.force_login(data.pengguna["perencana"])
    html = client.get(reverse("kerja:realisasi", args=["biro-ks", TAHUN])).content.decode()
    baris = html[html.index(f'id="baris-{data.ind1.pk}"') :]
    baris = baris[: baris.index("</tr>")]
    # The reason is said once for the row (issue 19, finding 7), not in each quarter cell.
    assert baris.count("belum ada Rencana Aksi (PK versi 2)") == 1
    assert "Target Rencana Aksi: TW3–TW4: belum ada Rencana Aksi (PK versi 2)" in baris
    sel_tw = baris[baris.index('data-tw="1"') : baris.index('data-tw="0"')]
    assert "Rencana Aksi (PK versi" not in sel_tw
    assert baris.count('class="capaian-tw"') == 2  # Q1 and Q2 only
    assert "RA 26" not in baris and "RA 34" not in baris
    # I2 (no row in either PK version): one line for the row.
    baris2 = html[html.index(f'id="baris-{data.ind2.pk}"') :]
    baris2 = baris2[: baris2.index("</tr>")]
    assert baris2.count("tidak ada di PK versi") == 2
    assert "Target Rencana Aksi: TW1–TW2: tidak ada di PK versi 1; TW3–TW4: tidak ada di PK versi 2<" in baris2


@pytest.mark.parametrize(
    "keterangan, hasil",
    [
        (["", "", "", ""], ""),
        (["a"] * 4, "a"),
        (["", "", "b", "b"], "TW3–TW4: b"),
        (["a", "a", "b", "b"], "TW1–TW2: a; TW3–TW4: b"),
        (["a", "", "a", ""], "TW1, TW3: a"),
        (["", "", "", "b"], "TW4: b"),
    ],
)
def test_keterangan_target_sekali_per_baris(keterangan, hasil):
    sel = tuple(
        SelTriwulan(tw, None, "", None, None, None, None, None, 0, keterangan_target=k)
        for tw, k in enumerate(keterangan, start=1)
    )
    assert BarisRealisasi(ukur=None, triwulan=sel).keterangan_target == hasil
