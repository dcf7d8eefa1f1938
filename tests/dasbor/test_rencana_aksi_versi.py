"""Rencana Aksi per quarter on the dashboard (unit and indikator detail): the PK version in force at the
quarter's end gives the target; a version without Rencana Aksi yet gives no target, no progress and a warning."""

from datetime import date
from decimal import Decimal

from django.urls import reverse

from dasbor.data import susun_dasbor
from indikator.models import BarisPK, Indikator, Realisasi, RencanaAksi

D = Decimal
BELUM_V3 = "belum ada Rencana Aksi (PK versi 3)"


def _rencana_aksi_di_versi_2():
    """IKU3 gets a Rencana Aksi in PK version 2 (in force at the end of Q1/Q2); version 3 (Q3/Q4) keeps its
    IKU3 row without one. Quarterly realisasi for every quarter."""
    iku3 = Indikator.objects.get(kode="IKU3")
    baris_v2 = BarisPK.objects.get(indikator=iku3, versi__nomor=2, versi__pk_induk__tahun=2018)
    for tw, nilai in zip((1, 2, 3, 4), ("20", "45", "70", "91"), strict=True):
        RencanaAksi.objects.create(baris_pk=baris_v2, triwulan=tw, target_kumulatif=D(nilai))
    for tw, nilai in zip((1, 2, 3, 4), ("20", "50", "75", "91"), strict=True):
        Realisasi.objects.create(indikator=iku3, tahun=2018, triwulan=tw, nilai=D(nilai))
    return iku3


def _konsistensi_rencana_aksi(dasbor):
    return [p.pesan for p in dasbor.peringatan_jenis("konsistensi") if "Rencana Aksi" in p.pesan]


def test_dasbor_tidak_meminjam_target_versi_lama(referensi):
    iku3 = _rencana_aksi_di_versi_2()
    dasbor = susun_dasbor(referensi, 2018, hari_ini=date(2019, 3, 1))
    x = next(b for b in dasbor.indikator if b.indikator.pk == iku3.pk)
    assert x.rencana_aksi.target_kumulatif == (D("20"), D("45"), None, None)
    assert [t.keterangan for t in x.rencana_aksi.triwulan] == ["", "", BELUM_V3, BELUM_V3]
    # Q2: 50 / 45; Q3/Q4 would be 107,14 / 100 against version 2's targets: not shown.
    assert x.progres == (D("100.00"), D("111.11"), None, None)
    assert [(q.diukur, q.rata_rata) for q in dasbor.progres] == [
        (1, D("100.00")),
        (1, D("111.11")),
        (0, None),
        (0, None),
    ]
    assert _konsistensi_rencana_aksi(dasbor) == [
        "PK 2018 versi 2: Versi ini berlaku pada akhir TW 1, TW 2, tetapi 2 indikator belum memiliki Rencana Aksi "
        "(IKU4, IKU7); target dan progres triwulan itu tidak ditampilkan.",
        "PK 2018 versi 3: Versi ini berlaku pada akhir TW 3, TW 4, tetapi 3 indikator belum memiliki Rencana Aksi "
        "(IKU4, IKU3, IKU7); target dan progres triwulan itu tidak ditampilkan.",
    ]


def test_detail_indikator_menampilkan_keterangan_tanpa_progres(klien_kepala):
    iku3 = _rencana_aksi_di_versi_2()
    r = klien_kepala.get(reverse("dasbor:indikator", args=[iku3.pk]), {"tahun": 2018})
    assert r.status_code == 200
    detail = r.context["detail"]
    assert [t.target_kumulatif for t in detail.triwulan] == [D("20"), D("45"), None, None]
    assert [t.progres for t in detail.triwulan] == [D("100.00"), D("111.11"), None, None]
    assert [t.keterangan_target for t in detail.triwulan] == ["", "", BELUM_V3, BELUM_V3]
    assert detail.grafik["triwulan"]["target"] == [20.0, 45.0, None, None]
    assert r.content.decode().count(BELUM_V3) == 2


def test_data_acuan_tanpa_target_rencana_aksi(referensi):
    """Reference 2018: v2 is in force at the end of Q1/Q2, v3 at Q3/Q4, neither has a Rencana Aksi (only v1,
    January–February, has one): no quarterly target or progress anywhere, two warnings."""
    dasbor = susun_dasbor(referensi, 2018, hari_ini=date(2019, 3, 1))
    assert all(t is None for b in dasbor.indikator for t in b.rencana_aksi.target_kumulatif)
    assert all(p is None for b in dasbor.indikator for p in b.progres)
    assert not dasbor.ada_progres
    per_kode = {b.indikator.kode: b.rencana_aksi for b in dasbor.indikator}
    assert [t.keterangan for t in per_kode["IKU4"].triwulan] == [
        "belum ada Rencana Aksi (PK versi 2)",
        "belum ada Rencana Aksi (PK versi 2)",
        BELUM_V3,
        BELUM_V3,
    ]
    assert [t.keterangan for t in per_kode["IKU1"].triwulan] == ["tidak ada di PK versi 2"] * 2 + [
        "tidak ada di PK versi 3"
    ] * 2
    assert len(_konsistensi_rencana_aksi(dasbor)) == 2
