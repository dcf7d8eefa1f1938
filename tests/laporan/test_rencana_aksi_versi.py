"""The report's Lampiran Rencana Aksi and the consistency check with a PK version that has no Rencana Aksi yet:
the version is named in the annex ("belum ada Rencana Aksi"), never skipped silently, and warned about."""

from datetime import date
from decimal import Decimal as D

import pytest

from indikator.models import BarisPK, Indikator, VersiPK
from laporan.susun import susun_laporan

from .conftest import buat_unit_kecil

JUDUL = "Rencana Aksi Perjanjian Kinerja Tahun 2018"


def _tabel_rencana_aksi(laporan):
    return next(t for t in laporan.semua_tabel() if t.judul == JUDUL)


def _kelompok(tabel) -> list[str]:
    return [b.sel[0].nilai for b in tabel.baris if b.kelas == "kelompok"]


def _versi_2_tanpa_rencana_aksi(unit):
    """Version 2 (July–December: in force at the end of Q3/Q4) with a row for every indikator, no Rencana Aksi;
    version 1 (the whole year) has one per indikator."""
    v1 = VersiPK.objects.get(pk_induk__unit=unit, nomor=1)
    v2 = VersiPK.objects.create(
        pk_induk=v1.pk_induk,
        nomor=2,
        berlaku_mulai=date(2018, 7, 1),
        berlaku_sampai=date(2018, 12, 31),
        pihak_pertama_nama="A",
        pihak_pertama_jabatan="Kepala",
        pihak_kedua_nama="B",
        pihak_kedua_jabatan="Atasan",
    )
    for i, ind in enumerate(Indikator.objects.filter(sasaran__revisi__renstra__unit=unit, kode__startswith="I")):
        BarisPK.objects.create(versi=v2, urutan=i, indikator=ind, uraian_sasaran="S", nilai=D("80"))
    return v2


@pytest.mark.django_db
def test_lampiran_menyebut_versi_tanpa_rencana_aksi_dan_peringatan():
    unit = buat_unit_kecil("unit-ra", 2)
    _versi_2_tanpa_rencana_aksi(unit)
    laporan = susun_laporan(unit, 2018, dengan_peringatan=True)
    tabel = _tabel_rencana_aksi(laporan)
    assert _kelompok(tabel) == [
        "PK versi 1 (1 Januari 2018 s.d. 31 Desember 2018)",
        "PK versi 2 (1 Juli 2018 s.d. 31 Desember 2018): belum ada Rencana Aksi",
    ]
    # Version 1's rows as before: one per indikator, between the two group lines.
    assert [b.kelas for b in tabel.baris] == ["kelompok", "", "", "kelompok"]
    ra = [p for p in laporan.peringatan if "Rencana Aksi" in p.pesan]
    assert [(p.lokasi, p.pesan) for p in ra] == [
        (
            "PK 2018 versi 2",
            "Versi ini berlaku pada akhir TW 3, TW 4, tetapi 2 indikator belum memiliki Rencana Aksi (I0, I1); "
            "target dan progres triwulan itu tidak ditampilkan.",
        )
    ]


@pytest.mark.django_db
def test_jumlah_query_laporan_tetap_dengan_versi_tanpa_rencana_aksi():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    hasil = []
    for slug, n in (("unit-satu", 1), ("unit-banyak", 9)):
        unit = buat_unit_kecil(slug, n)
        _versi_2_tanpa_rencana_aksi(unit)
        with CaptureQueriesContext(connection) as q:
            susun_laporan(unit, 2018, dengan_peringatan=True)
        hasil.append(len(q))
    assert hasil[0] == hasil[1]


def test_lampiran_acuan_menyebut_versi_2_dan_3(unit):
    tabel = _tabel_rencana_aksi(susun_laporan(unit, 2018))
    assert _kelompok(tabel) == [
        "PK versi 1 (1 Januari 2018 s.d. 28 Februari 2018)",
        "PK versi 2 (1 Maret 2018 s.d. 31 Juli 2018): belum ada Rencana Aksi",
        "PK versi 3 (1 Agustus 2018 s.d. 31 Desember 2018): belum ada Rencana Aksi",
    ]
    # Version 1's row keeps its Rencana Aksi 7/14/26/34.
    baris = [b for b in tabel.baris if b.kelas == ""]
    assert len(baris) == 1
    assert [s.nilai for s in baris[0].sel[4:8]] == [D("7"), D("14"), D("26"), D("34")]
