"""Periodic reports on the reference data (Biro Kerja Sama 2018) with the DEMO RPD (demo/rpd.py): the TW II
interim prints the Rencana Aksi line of the PK version in force, the yearly-only indikator with the TW IV note
and serapan against the RPD; TW IV's capaian are the annual report's; the cut-off, the submission rules, the
issue (frozen and hashed) and the constant number of queries."""

from __future__ import annotations

import hashlib
import io
from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document

from anggaran.models import MataAnggaran
from demo.rpd import muat_rpd_demo
from indikator.queries import susun_pengukuran
from laporan.bab.periodik import susun_anggaran_rpd, susun_baris
from laporan.bundel import ambil_bundel, ambil_bundel_periodik
from laporan.models import LaporanPeriodik
from laporan.pdf import render_html_cetak
from laporan.periodik import ajukan, buat_laporan_periodik, html_cetak, simpan_isian, simpan_penjelasan, terbitkan
from laporan.susun import susun_laporan_periodik
from laporan.word import render_docx

pytestmark = pytest.mark.django_db


@pytest.fixture
def tw2(referensi):
    muat_rpd_demo(referensi, 2018)
    return buat_laporan_periodik(referensi, 2018, "TW2", date(2018, 7, 10))


def test_tw2_mencetak_ra_indikator_tahunan_dan_rpd(tw2):
    laporan = susun_laporan_periodik(tw2)
    html = render_html_cetak(laporan)
    assert "Laporan Kinerja Interim Triwulan II" in html
    # The Word cover carries the report's own title too.
    sampul = [p.text for p in Document(io.BytesIO(render_docx(laporan))).paragraphs[:4]]
    assert "LAPORAN KINERJA INTERIM TRIWULAN II" in sampul
    # The PK version in force on 30 June 2018 (version 2) has no Rencana Aksi: said in one line.
    assert "Perjanjian Kinerja versi 2 yang berlaku pada akhir Triwulan II belum memuat target kumulatif" in html
    # IKU1 (survey index, DEMO: measured yearly) and IKU8 (AKIP score): "–" and the TW IV note, never 0.
    assert html.count("Perhitungan capaian di Triwulan IV") >= 2
    bp = ambil_bundel_periodik(tw2)
    baris = {x.baris.indikator.kode: x for x in susun_baris(bp)}
    assert baris["IKU1"].capaian.ditunda and baris["IKU8"].capaian.ditunda
    assert baris["IKU1"].capaian.capaian_periode is None
    # Budget against the DEMO RPD (15 % + 25 % by June); realisasi is recorded in December in the reference.
    assert "Realisasi Anggaran terhadap Rencana Penarikan Dana" in html
    rpd = susun_anggaran_rpd(bp)
    total = rpd[-1]
    assert total.mata is None and total.hasil.persen_rpd == D("40.00")
    assert total.hasil.deviasi == total.hasil.serapan - D("40.00")


def test_tw4_sama_dengan_tahunan(referensi):
    lp = LaporanPeriodik(unit=referensi, tahun=2018, periode="TW4", data_cutoff=date(2019, 1, 20))
    baris = susun_baris(ambil_bundel_periodik(lp))
    tahunan = {b.indikator.pk: b.capaian for b in susun_pengukuran(referensi, 2018).baris}
    assert {x.baris.indikator.pk: x.capaian.capaian_periode for x in baris} == tahunan
    assert {x.baris.indikator.pk: x.capaian.capaian_tahunan for x in baris} == tahunan
    assert any(v is not None for v in tahunan.values())


def test_periode_sesudah_cutoff_ditolak(referensi):
    with pytest.raises(ValidationError, match="sesudah batas data"):
        buat_laporan_periodik(referensi, 2018, "TW2", date(2018, 6, 29))
    assert not LaporanPeriodik.objects.exists()


def test_bundel_periodik_kueri_tetap(tw2):
    with CaptureQueriesContext(connection) as tahunan:
        ambil_bundel(tw2.unit, tw2.tahun)
    with CaptureQueriesContext(connection) as periodik:
        ambil_bundel_periodik(tw2)
    assert len(periodik) == len(tahunan) + 3


def test_ajukan_perlu_penyebab_deviasi_lalu_terbit_beku(tw2, referensi):
    with pytest.raises(ValidationError) as e:
        ajukan(tw2)
    assert "isi penyebabnya" in str(e.value)
    assert LaporanPeriodik.objects.get(pk=tw2.pk).status == "draf"
    ind = next(x.baris.indikator for x in susun_baris(ambil_bundel_periodik(tw2)))
    simpan_isian(tw2, ind, pembilang=D("7"), penyebut=D("10"), kendala="Rapat tertunda", upaya="Dijadwalkan ulang")
    for r in susun_anggaran_rpd(ambil_bundel_periodik(tw2)):
        if r.mata is not None and r.hasil and r.hasil.perlu_penjelasan:
            simpan_penjelasan(tw2, MataAnggaran.objects.get(pk=r.mata.pk), "Pembayaran dicatat akhir tahun.")
    ajukan(tw2)
    lp = terbitkan(tw2)
    assert lp.status == "terbit" and lp.sha256 == hashlib.sha256(lp.html_terbit.encode()).hexdigest()
    assert "Rapat tertunda" in lp.html_terbit and "Pembilang" in lp.html_terbit
    assert html_cetak(lp) == lp.html_terbit
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        simpan_isian(lp, ind, kendala="lain")
    # A new version can follow an issued one.
    assert buat_laporan_periodik(referensi, 2018, "TW2", date(2018, 7, 31)).versi == 2
