"""Automatic closure conditions (`alur.tindak_lanjut.periksa_syarat`): met with the evidence named, or why not."""

import datetime

import pytest

from alur.tindak_lanjut import periksa_syarat
from indikator.enums import StatusPeriode
from indikator.models import PeriodeUnit
from laporan.models import NaskahDinas
from tindak_lanjut.enums import SyaratSelesai

from .conftest import terbitkan

pytestmark = pytest.mark.django_db


def test_syarat_selesai_otomatis(dunia, sumber):
    rek = {s: terbitkan(dunia, sumber, syarat_selesai=s) for s in SyaratSelesai.values}
    tanpa = terbitkan(dunia, sumber)
    hasil = periksa_syarat(list(rek.values()) + [tanpa])
    assert tanpa.pk not in hasil
    assert not hasil[rek["iku_terbit"].pk].terpenuhi
    assert hasil[rek["pk_terbit"].pk].terpenuhi and "2018" in hasil[rek["pk_terbit"].pk].bukti
    assert not hasil[rek["realisasi_4tw"].pk].terpenuhi
    assert "1 triwulan" in hasil[rek["realisasi_4tw"].pk].bukti
    assert not hasil[rek["lkj_disahkan"].pk].terpenuhi

    NaskahDinas.objects.create(unit=dunia.unit, iku_nomor="HK.01.18.7", iku_tanggal=datetime.date(2018, 5, 2))
    PeriodeUnit.objects.update_or_create(unit=dunia.unit, tahun=2018, defaults={"status": StatusPeriode.DISAHKAN})
    hasil = periksa_syarat(rek.values())
    iku = hasil[rek["iku_terbit"].pk]
    assert iku.terpenuhi and iku.bukti == "Keputusan Penetapan IKU nomor HK.01.18.7 tanggal 2 Mei 2018"
    assert hasil[rek["lkj_disahkan"].pk].terpenuhi
