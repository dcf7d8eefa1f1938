"""The register in the Laporan Kinerja: last year's evaluation recommendations under the AKIP indikator, the open
plans in Bab IV and the matrix lampiran, all as at 31 December of the report year (a follow-up of next year does
not change it), read with a constant number of queries."""

import datetime
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from indikator.models import Indikator
from laporan.bundel import ambil_bundel
from laporan.dokumen import Daftar, Paragraf, Tabel
from laporan.susun import susun_laporan
from tindak_lanjut import queries, services
from tindak_lanjut.enums import HasilVerifikasi, JenisSumber
from tindak_lanjut.enums import StatusRekomendasi as S
from tindak_lanjut.models import RencanaAksiTL, TindakLanjut

from .conftest import buat_sumber, terbitkan

pytestmark = pytest.mark.django_db


def lapor(dunia, rek, tanggal, hari_ini=None):
    return services.laporkan_tindak_lanjut(
        oleh=dunia.pengguna["perencana"],
        tindak_lanjut=TindakLanjut(rekomendasi=rek, uraian=f"TL {tanggal}", tanggal=tanggal, progres=D(60)),
        hari_ini=hari_ini or datetime.date(2020, 1, 1),
    )


def verif(dunia, tl, hasil=HasilVerifikasi.SESUAI):
    services.verifikasi_tindak_lanjut(oleh=dunia.pengguna["auditor"], tindak_lanjut=tl, hasil=hasil, catatan="c")


@pytest.fixture
def isi(dunia, sumber):
    Indikator.objects.filter(pk=dunia.ind1.pk).update(ukur_akip=True)
    selesai = terbitkan(dunia, sumber, "Tetapkan keputusan IKU")
    verif(dunia, lapor(dunia, selesai, datetime.date(2018, 4, 2)))
    terbuka = terbitkan(dunia, sumber, "Pantau capaian tiap triwulan")
    services.ajukan_rencana(
        oleh=dunia.pengguna["perencana"],
        rencana=RencanaAksiTL(
            rekomendasi=terbuka,
            uraian="Rapat triwulanan",
            pj="Kabag",
            tanggal_mulai=datetime.date(2018, 10, 1),
            target_tanggal=datetime.date(2019, 3, 31),
        ),
    )
    verif(dunia, lapor(dunia, terbuka, datetime.date(2019, 2, 1)))  # next year: not in the 2018 report
    lama = buat_sumber(dunia, jenis=JenisSumber.LHP_BPK, nomor="LHP-2017", tanggal=datetime.date(2017, 5, 1))
    terbawa = terbitkan(dunia, lama, "Rekomendasi lama yang masih terbuka")
    tuntas = terbitkan(dunia, lama, "Rekomendasi lama yang tuntas 2017")
    verif(dunia, lapor(dunia, tuntas, datetime.date(2017, 8, 1)))
    return selesai, terbuka, terbawa, tuntas


def test_status_per_akhir_tahun(dunia, isi):
    selesai, terbuka, terbawa, tuntas = isi
    tl = queries.susun_tl_laporan(dunia.unit, 2018)
    assert [(b.rekomendasi.uraian, b.status) for b in tl.evaluasi_lalu] == [
        ("Tetapkan keputusan IKU", S.SESUAI),
        ("Pantau capaian tiap triwulan", S.PROSES),  # Sesuai only in 2019
    ]
    assert [b.rekomendasi.pk for b in tl.matriks] == [terbawa.pk, selesai.pk, terbuka.pk]
    assert [(b.rekomendasi.pk, r.uraian) for b, r in tl.rencana_terbuka] == [(terbuka.pk, "Rapat triwulanan")]
    # Replaying every event gives the current status.
    now = queries.susun_tl_laporan(dunia.unit, 2030)
    assert all(b.status == b.rekomendasi.status for b in now.matriks + now.evaluasi_lalu)


def test_laporan_mencetak_tiga_tempat(dunia, isi):
    lap = susun_laporan(dunia.unit, 2018)
    bagian = {b.id: b for b in lap.semua_bagian()}
    akip = bagian[f"sasaran-{dunia.sasaran.pk}"]
    teks = [x.teks for x in akip.blok if isinstance(x, Paragraf)]
    assert any(
        "evaluasi atas Sistem Akuntabilitas Kinerja Instansi Pemerintah tahun 2018 oleh Inspektorat I" in t
        for t in teks
    )
    assert any("terdapat 2 rekomendasi; 1 di antaranya" in t for t in teks)
    daftar = next(x for x in akip.blok if isinstance(x, Daftar) and "Sesuai" in " ".join(x.item))
    assert daftar.item == ("Tetapkan keputusan IKU — Sesuai", "Pantau capaian tiap triwulan — Dalam proses")
    bab4 = bagian["bab-4-rencana-tindak-lanjut"]
    tabel = next(x for x in bab4.blok if isinstance(x, Tabel))
    assert [s.teks for s in tabel.baris[0].sel][1:4] == [
        "Pantau capaian tiap triwulan",
        "Rapat triwulanan",
        "31 Maret 2019",
    ]
    matriks = next(lp for lp in lap.lampiran if lp.judul.startswith("Matriks Tindak Lanjut"))
    t = matriks.blok[0]
    assert len(t.baris) == 3 and t.baris[1].sel[9].teks == "Sesuai" and t.baris[2].sel[9].teks == "Dalam proses"


def test_kueri_bundel_konstan(dunia, sumber):
    def hitung():
        with CaptureQueriesContext(connection) as q:
            ambil_bundel(dunia.unit, 2018)
        return len(q)

    kosong = hitung()
    r = terbitkan(dunia, sumber)
    lapor(dunia, r, datetime.date(2018, 4, 1))
    satu = hitung()
    for _i in range(4):
        r = terbitkan(dunia, sumber)
        lapor(dunia, r, datetime.date(2018, 4, 1))
    assert hitung() == satu
    assert satu - kosong <= 3  # the prefetches of plans, follow-ups and evidence once there is a row
