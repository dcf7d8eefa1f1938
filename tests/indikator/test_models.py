"""Database constraints: what must never be stored is refused by the database itself."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.db import IntegrityError, transaction

from anggaran.models import MataAnggaran, PaguRevisi, RealisasiAnggaran
from indikator.models import (
    Indikator,
    Realisasi,
    Renstra,
    RevisiRenstra,
    Sasaran,
    SkemaPenilaian,
    Target,
    UnitKerja,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def indikator():
    unit = UnitKerja.objects.create(slug="u", nama="Unit")
    renstra = Renstra.objects.create(
        unit=unit,
        nama="R",
        tahun_mulai=2020,
        tahun_selesai=2024,
        skema=SkemaPenilaian.objects.get(kode="bpom-2020-2024"),
    )
    revisi = RevisiRenstra.objects.create(
        renstra=renstra, nomor=0, nama="awal", berlaku_mulai=2020, berlaku_sampai=2024
    )
    sasaran = Sasaran.objects.create(revisi=revisi, kode="S1", nama="S", perspektif="customer")
    return Indikator.objects.create(sasaran=sasaran, kode="I1", nama="I")


def _ditolak(fn):
    with pytest.raises(IntegrityError), transaction.atomic():
        fn()


def test_pagu_negatif_ditolak_database(indikator):
    mata = MataAnggaran.objects.create(
        unit=indikator.sasaran.revisi.renstra.unit, tahun=2020, kode="001", nama="P", jenis="program"
    )
    _ditolak(lambda: PaguRevisi.objects.create(mata_anggaran=mata, berlaku_mulai=date(2020, 1, 1), nilai=D("-1")))
    _ditolak(lambda: RealisasiAnggaran.objects.create(mata_anggaran=mata, bulan=13, nilai=D("1")))
    _ditolak(lambda: RealisasiAnggaran.objects.create(mata_anggaran=mata, bulan=1, nilai=D("-5")))


@pytest.mark.parametrize("triwulan", [0, 5])
def test_triwulan_di_luar_1_sampai_4_ditolak(indikator, triwulan):
    _ditolak(lambda: Realisasi.objects.create(indikator=indikator, tahun=2020, triwulan=triwulan, nilai=D("1")))


def test_realisasi_ganda_ditolak(indikator):
    Realisasi.objects.create(indikator=indikator, tahun=2020, triwulan=1, nilai=D("1"))
    Realisasi.objects.create(indikator=indikator, tahun=2020, triwulan=None, nilai=D("1"))
    _ditolak(lambda: Realisasi.objects.create(indikator=indikator, tahun=2020, triwulan=1, nilai=D("2")))
    _ditolak(lambda: Realisasi.objects.create(indikator=indikator, tahun=2020, triwulan=None, nilai=D("2")))


def test_target_ganda_untuk_indikator_tahun_sumber_ditolak(indikator):
    Target.objects.create(indikator=indikator, tahun=2020, sumber="renstra", nilai=D("1"))
    Target.objects.create(indikator=indikator, tahun=2020, sumber="rkt", nilai=D("2"))
    _ditolak(lambda: Target.objects.create(indikator=indikator, tahun=2020, sumber="renstra", nilai=D("3")))


def test_rentang_target_terbalik_ditolak(indikator):
    _ditolak(lambda: Target.objects.create(indikator=indikator, tahun=2021, nilai=D("10"), nilai_atas=D("5")))


def test_preset_skema_dimuat_migrasi():
    skema = {s.kode: [b.label for b in s.band.all()] for s in SkemaPenilaian.objects.prefetch_related("band")}
    assert skema["bpom-2015-2019"] == ["Tidak dapat disimpulkan", "Memuaskan", "Baik", "Cukup", "Kurang"]
    assert skema["bpom-2020-2024"] == [
        "Sangat Kurang",
        "Kurang",
        "Cukup",
        "Baik",
        "Sangat Baik",
        "Tidak dapat disimpulkan",
    ]


def test_band_preset_di_database_sama_dengan_preset_formula():
    from indikator.formulas import PRESET_BPOM_2015_2019, PRESET_BPOM_2020_2024
    from indikator.queries import muat_skema

    for kode, preset in (("bpom-2015-2019", PRESET_BPOM_2015_2019), ("bpom-2020-2024", PRESET_BPOM_2020_2024)):
        bands = muat_skema(SkemaPenilaian.objects.get(kode=kode)).bands
        assert {(b.label, b.batas_bawah, b.bawah_inklusif, b.batas_atas, b.atas_inklusif) for b in bands} == {
            (b.label, b.batas_bawah, b.bawah_inklusif, b.batas_atas, b.atas_inklusif) for b in preset
        }
