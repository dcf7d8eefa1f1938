"""The "Realisasi" sheet refuses a value for an indikator consolidated from sub-units (pohon.AgregasiIndikator) with
the page's message (`indikator.services.tolak_isian_konsolidasi`, the rule written once); a workbook sent back
unchanged, or with the narrative only, passes."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from indikator import models as m
from indikator.services import simpan_realisasi
from pohon.enums import MetodeAgregasi
from pohon.models import AgregasiIndikator
from tests.dunia import TAHUN

from .util import atur, cari_baris, ekspor, impor, simpan

pytestmark = pytest.mark.django_db


def _nilai(ind):
    return sorted(
        m.Realisasi.objects.filter(indikator=ind, tahun=TAHUN).values_list("triwulan", "nilai", "analisis"),
        key=str,
    )


def test_realisasi_konsolidasi_ditolak_seperti_halaman(dunia):
    ind = dunia.ind1
    m.Realisasi.objects.create(indikator=ind, tahun=TAHUN, triwulan=None, nilai=D("30"))
    AgregasiIndikator.objects.create(indikator=ind, metode=MetodeAgregasi.RATA_RATA)
    with pytest.raises(ValidationError) as halaman:
        simpan_realisasi(indikator=ind, tahun=TAHUN, triwulan=None, nilai=D("99"))
    pesan_halaman = halaman.value.messages[0]
    awal = _nilai(ind)
    wb = ekspor(dunia.unit)
    isi = simpan(wb)
    # Sent back unchanged: nothing refused.
    hasil = impor(dunia.unit, isi)
    assert not hasil.galat, hasil.galat
    for triwulan, nilai in (("Tahunan", 99), (2, 5)):
        wb = ekspor(dunia.unit)
        ws = wb["Realisasi"]
        r = cari_baris(ws, Kode_indikator=ind.kode, Triwulan=triwulan)
        atur(ws, r, "Nilai", nilai)
        hasil = impor(dunia.unit, wb)
        galat = [(g.lembar, g.baris, g.kolom, g.pesan) for g in hasil.galat]
        assert ("Realisasi", r, "Nilai", pesan_halaman) in galat, galat
        assert not hasil.diterapkan
        assert _nilai(ind) == awal
    # The narrative of the consolidated figure may still be written.
    wb = ekspor(dunia.unit)
    ws = wb["Realisasi"]
    atur(ws, cari_baris(ws, Kode_indikator=ind.kode, Triwulan="Tahunan"), "Analisis", "Naik karena unit B")
    hasil = impor(dunia.unit, wb)
    assert not hasil.galat and hasil.diterapkan, hasil.galat
    assert m.Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=None).analisis == "Naik karena unit B"
