"""The reference's three followed-up recommendations of the 2018 evaluation: loaded with the reference data,
status Sesuai with an app document as evidence, printed in the LKj 2018 under the AKIP indikator and in the matrix
lampiran; the command line prints the register."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from laporan.dokumen import Daftar, Paragraf
from laporan.susun import susun_laporan
from tindak_lanjut.models import Rekomendasi

pytestmark = pytest.mark.django_db


def test_tiga_rekomendasi_di_laporan_2018(referensi):
    rek = list(Rekomendasi.objects.filter(unit_pj=referensi).order_by("nomor_urut"))
    assert [r.status for r in rek] == ["s", "s", "s"]
    assert rek[0].tindak_lanjut.get().bukti.get().get_dokumen_display() == "Keputusan Penetapan IKU"
    lap = susun_laporan(referensi, 2018)
    blok = [x for bg in lap.semua_bagian() for x in bg.blok]
    assert any(
        isinstance(x, Paragraf) and "tahun 2018 oleh Inspektorat I, Inspektorat Utama BPOM" in x.teks for x in blok
    )
    daftar = next(x for x in blok if isinstance(x, Daftar) and x.item and x.item[0].startswith("Penetapan Keputusan"))
    assert len(daftar.item) == 3 and all(i.endswith("— Sesuai") for i in daftar.item)
    matriks = next(lp for lp in lap.lampiran if lp.judul.startswith("Matriks Tindak Lanjut"))
    assert len(matriks.blok[0].baris) == 3

    keluar = StringIO()
    call_command("tindak_lanjut", "--unit", referensi.slug, "--json", stdout=keluar)
    data = json.loads(keluar.getvalue())["rekomendasi"]
    assert [d["status"] for d in data] == ["s", "s", "s"]
    assert data[0]["sumber"]["jenis"] == "lhe_internal" and data[0]["batas_waktu"] == "2018-12-31"
    assert data[0]["terlambat"] is False
    assert data[0]["tindak_lanjut"][0]["bukti"] == ["Keputusan Penetapan IKU 2018"]
