"""The periodic reports' workspace pages and files on the reference data (Biro Kerja Sama 2018, DEMO RPD): the
report page lists the budget gaps that need a cause and what blocks the submission; the worker makes its Excel
file from the same builder; the monthly report needs the head's note; TW IV's texts seed the LKj's BAB III."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from demo.rpd import muat_rpd_demo
from indikator.models import Indikator
from indikator.token_ubah import KOSONG, DataBerubah
from laporan.models import BerkasLaporan, NarasiLaporan
from laporan.pdf import render_html_cetak
from laporan.periodik import ajukan, buat_laporan_periodik, salin_ke_lkj, simpan_isian, simpan_kepala
from laporan.susun import susun_laporan_periodik
from laporan.tugas import jalankan_render, minta_berkas_periodik

pytestmark = pytest.mark.django_db


def test_halaman_laporan_periodik(klien, referensi):
    muat_rpd_demo(referensi, 2018)
    r = klien.post(
        reverse("kerja:periodik_daftar", args=[referensi.slug, 2018]), {"periode": "TW2", "data_cutoff": "2018-07-10"}
    )
    assert r.status_code == 302
    html = klien.get(r["Location"]).content.decode()
    assert "Yang masih menghalangi pengajuan" in html and "isi penyebabnya" in html
    assert "Deviasi anggaran di bawah −10 poin" in html
    assert "Perhitungan capaian di Triwulan IV" in html
    daftar = klien.get(reverse("kerja:periodik_daftar", args=[referensi.slug, 2018])).content.decode()
    assert "Triwulan II" in daftar and "data-daftar-periodik" in daftar


def test_berkas_excel_periodik_dibuat_pekerja(referensi, privat_sementara):
    lp = buat_laporan_periodik(referensi, 2018, "TW2", date(2018, 7, 10))
    berkas = minta_berkas_periodik(lp, "xlsx")
    jalankan_render(berkas.pk)  # the worker (the queue runs on commit; the test's transaction never commits)
    berkas.refresh_from_db()
    assert berkas.status == BerkasLaporan.Status.SELESAI, berkas.alasan
    assert berkas.jenis == "periodik" and berkas.laporan_periodik_id == lp.pk
    assert berkas.nama_unduhan() == "laporan-kinerja-tw2-biro-kerja-sama-2018-versi-1.xlsx"
    with berkas.berkas.open("rb") as fh:
        assert fh.read(2) == b"PK"
    # The same request joins the stored file; a text change makes a new key.
    assert minta_berkas_periodik(lp, "xlsx").pk == berkas.pk
    simpan_kepala(lp, catatan_pimpinan="Catatan baru")
    assert minta_berkas_periodik(lp, "xlsx").hash != berkas.hash


def test_laporan_bulanan_perlu_catatan_pimpinan(referensi):
    lp = buat_laporan_periodik(referensi, 2018, "B05", date(2018, 6, 5))
    html = render_html_cetak(susun_laporan_periodik(lp))
    assert "Laporan Capaian Kinerja Bulan Mei" in html and "BAB II" not in html
    with pytest.raises(ValidationError, match="catatan pimpinan"):
        ajukan(lp)
    simpan_kepala(lp, catatan_pimpinan="Percepat pengumpulan data realisasi triwulan.")
    ajukan(lp)
    lp.refresh_from_db()
    assert lp.status == "diajukan"


def test_tw4_mengisi_bab_iii_yang_kosong(referensi):
    lp = buat_laporan_periodik(referensi, 2018, "TW4", date(2019, 1, 20))
    iku3 = Indikator.objects.milik(referensi).get(kode="IKU3")
    simpan_isian(lp, iku3, kendala="Mitra menunda penandatanganan", rencana_tindak_lanjut="Jadwal ulang")
    with pytest.raises(DataBerubah):  # a form loaded before that save is stale: refused
        simpan_isian(lp, iku3, kendala="Lain", versi=KOSONG)
    assert salin_ke_lkj(lp) == 2
    n = NarasiLaporan.objects.get(unit=referensi, tahun=2018, sasaran=iku3.sasaran, bagian="faktor_penghambat")
    assert n.isi == "**IKU3**: Mitra menunda penandatanganan"
    assert salin_ke_lkj(lp) == 0  # never overwrites
    tw2 = buat_laporan_periodik(referensi, 2018, "TW2", date(2018, 7, 10))
    with pytest.raises(ValidationError):
        salin_ke_lkj(tw2)
