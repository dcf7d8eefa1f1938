"""`susun_laporan`: every number of the 2018 reference report, numbering, and a constant number of queries."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from laporan.dokumen import Bagian, Gambar, Narasi, Paragraf, Tabel
from laporan.susun import susun_laporan

from .conftest import buat_unit_kecil


@pytest.fixture
def laporan(unit):
    return susun_laporan(unit, 2018)


def _paragraf(laporan) -> list[str]:
    return [b.teks for bg in laporan.semua_bagian() for b in bg.blok if isinstance(b, Paragraf)]


def test_angka_utama_laporan_2018(laporan):
    a = laporan.angka
    assert (a.jumlah_sasaran, a.jumlah_indikator) == (6, 8)
    assert dict(a.indikator_per_kriteria)["Memuaskan"] == 4
    assert dict(a.indikator_per_kriteria)["Baik"] == 3
    assert dict(a.indikator_per_kriteria)["Cukup"] == 1
    assert dict(a.sasaran_per_kriteria) == {
        "Kurang": 0,
        "Cukup": 1,
        "Baik": 2,
        "Memuaskan": 3,
        "Tidak dapat disimpulkan": 0,
    }
    assert a.nko == D("98.87")
    assert a.total_pagu == D("8225900000")
    assert a.total_realisasi == D("7223880286")
    assert a.total_serapan == D("87.82")


def test_kalimat_dihasilkan_dari_data(laporan):
    teks = _paragraf(laporan)
    assert any("Dari 8 indikator kinerja, 4 Memuaskan, 3 Baik dan 1 Cukup." in t for t in teks)
    assert any("Dari 6 sasaran, 3 Memuaskan, 2 Baik dan 1 Cukup." in t for t in teks)
    assert (
        "Indikator “Indeks kepuasan internal BPOM terhadap layanan dukungan manajemen Biro Kerja Sama” mencapai "
        "78,35 indeks dari target 75 indeks, sehingga capaian indikator adalah 104,47 % dengan kategori Memuaskan."
    ) in teks
    assert any(
        "pagu anggaran Biro Kerja Sama sebesar Rp 8.225.900.000 dengan realisasi Rp 7.223.880.286 (87,82 %)" in t
        for t in teks
    )


def test_tabel_dan_gambar_bernomor_urut_dan_masuk_daftar(laporan):
    tabel = [t for t in laporan.semua_tabel() if t.nomor]
    assert [t.nomor for t in tabel] == list(range(1, len(tabel) + 1))
    assert [e.id for e in laporan.daftar_tabel] == [t.id for t in tabel]
    assert len(tabel) == 16  # as many as the reference report
    gambar = laporan.semua_gambar()
    assert [g.nomor for g in gambar] == list(range(1, len(gambar) + 1))
    assert [e.label for e in laporan.daftar_gambar] == [g.label for g in gambar]
    # the reference's six, then the follow-up matrix of the recommendations register
    assert [e.label for e in laporan.daftar_lampiran] == [f"Lampiran {i}" for i in range(1, 8)]


def test_tabel_capaian_dan_iku(laporan):
    t7 = next(t for t in laporan.semua_tabel() if t.nomor == 7)
    nilai = [s.nilai for b in t7.baris for s in b.sel if s.format == "persen"]
    assert D("102.24") in nilai and D("101.31") in nilai and D("93.05") in nilai and D("98.87") in nilai
    t8 = next(t for t in laporan.semua_tabel() if t.nomor == 8)
    assert any(s.nilai == D("104.47") for b in t8.baris for s in b.sel)


def test_anggaran_komponen_menandai_baris_yang_berbeda_dengan_rinciannya(laporan):
    t16 = next(t for t in laporan.semua_tabel() if t.nomor == 16)
    bertanda = {b.sel[0].nilai for b in t16.baris if any(s.tanda for s in b.sel)}
    assert bertanda == {"001.1", "001.2", "001.3", "001.4", "002", "002.2"}


def test_riwayat_sasaran_mengikuti_indikator_pendahulu(laporan):
    t14 = next(t for t in laporan.semua_tabel() if t.nomor == 14)  # Nilai AKIP
    nilai = [s.nilai for s in t14.baris[0].sel]
    assert D("93.05") in nilai  # 2018 capaian and % of the 2019 target
    assert D("72.0800") in nilai and D("62.0500") in nilai  # realisasi 2017 and 2015 via L11


def test_efisiensi_lampiran(laporan):
    lp6 = laporan.lampiran[5]
    tabel = next(b for b in lp6.blok if isinstance(b, Tabel))
    baris = next(b for b in tabel.baris if b.sel[3].nilai == "Operasional Biro Kerja Sama")
    assert [s.nilai for s in baris.sel[4:9]] == [D("89.34"), D("100.00"), D("1.12"), D("1"), D("0.12")]


def test_tidak_ada_bagian_kosong_dan_tanpa_teks_pengganti(laporan):
    def periksa(b: Bagian):
        assert b.blok or b.anak, b.id
        for a in b.anak:
            periksa(a)

    for b in laporan.semua_bagian():
        periksa(b)
    semua_teks = " ".join(_paragraf(laporan)).lower()
    for pengganti in ("lorem", "todo", "belum diisi", "placeholder"):
        assert pengganti not in semua_teks


def test_peringatan_hanya_bila_diminta(unit):
    bersih = susun_laporan(unit, 2018)
    assert bersih.peringatan == () and len(bersih.lampiran) == 7  # the follow-up matrix is the 7th
    dengan = susun_laporan(unit, 2018, dengan_peringatan=True)
    assert len(dengan.lampiran) == 8
    assert dengan.peringatan


@pytest.mark.django_db
def test_jumlah_query_sama_untuk_satu_dan_banyak_indikator():
    satu = buat_unit_kecil("unit-satu", 1)
    banyak = buat_unit_kecil("unit-banyak", 9)
    hasil = []
    for u in (satu, banyak):
        with CaptureQueriesContext(connection) as q:
            laporan = susun_laporan(u, 2018, dengan_peringatan=True)
        hasil.append(len(q))
    assert hasil[0] == hasil[1]
    # 41 at the builder split; the review statement, the unit's legal wording, the figures (units around the
    # unit, their heads, the uploads) and the figure markers of the narrative add their reads; the performance
    # tree (`pohon.queries.susun_pohon`) 4 without a node; the register of recommendations (tindak_lanjut) one, and
    # its three prefetches once there is a recommendation; a parent's consolidation (pohon.konsolidasi) one.
    assert hasil[0] <= 55
    assert laporan.angka.jumlah_indikator == 9
    assert any(isinstance(b, Narasi) for bg in laporan.semua_bagian() for b in bg.blok)
    assert any(isinstance(b, Gambar) for bg in laporan.semua_bagian() for b in bg.blok)


def test_grafik_tren_akip_pada_sasaran_indikator_bertanda_akip(laporan, unit):
    from indikator.models import Indikator

    """The AKIP trend chart and sentence go to the sasaran whose indikator is flagged `ukur_akip` (IKU8, SP6)."""
    bagian = {b.id: b for b in laporan.semua_bagian()}
    dengan_akip = [b for b in bagian.values() if any(isinstance(x, Gambar) and "AKIP" in x.judul for x in b.blok)]
    assert len(dengan_akip) == 1
    assert any(isinstance(x, Paragraf) and "predikat" in x.teks for x in dengan_akip[0].blok)
    iku8 = Indikator.objects.get(kode="IKU8", sasaran__revisi__renstra__unit=unit)
    assert iku8.ukur_akip and dengan_akip[0].id == f"sasaran-{iku8.sasaran_id}"
