"""`pohon.konsolidasi`: the rule's refusals (unit of measure, outside the sub-units), the approval gate naming the
sub-unit, the parent's Realisasi written with its trace and read by its own measurement, the pin that makes a
run out of date, and a consolidated figure refused to a hand edit."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from indikator import models as m
from indikator.enums import StatusPeriode, SumberTarget
from indikator.queries import susun_pengukuran
from indikator.services import simpan_realisasi
from pohon.enums import AlasanKonsolidasi, MetodeAgregasi
from pohon.konsolidasi import baca_konsolidasi, konsolidasikan_tahun, simpan_aturan
from pohon.models import AgregasiIndikator, HasilKonsolidasi, RasioRealisasi
from tests.dunia import TAHUN, buat_indikator

pytestmark = pytest.mark.django_db


def _unit(induk, slug, nama, skema, satuan="%"):
    unit = m.UnitKerja.objects.create(slug=slug, nama=nama, induk=induk)
    renstra = m.Renstra.objects.create(
        unit=unit, nama=f"Renstra {nama}", tahun_mulai=2015, tahun_selesai=2019, skema=skema
    )
    revisi = m.RevisiRenstra.objects.create(
        renstra=renstra, nomor=0, nama="Awal", berlaku_mulai=2015, berlaku_sampai=2019
    )
    sasaran = m.Sasaran.objects.create(
        revisi=revisi, kode="S1", nama=f"Sasaran {nama}", perspektif="customer", urutan=1
    )
    ind = buat_indikator(sasaran, "IK1", nama=f"Persentase layanan {nama}", satuan=satuan)
    m.Target.objects.create(indikator=ind, tahun=TAHUN, sumber=SumberTarget.RENSTRA, nilai=D("80"))
    return unit, ind


@pytest.fixture
def pohon(dunia):
    induk = m.UnitKerja.objects.create(slug="induk-k", nama="Induk K")
    _u, ind_induk = _unit(None, "x", "X", dunia.skema)
    # The parent's own Renstra (moved under the parent unit).
    m.Renstra.objects.filter(unit=_u).update(unit=induk)
    _u.delete()
    ind_induk.refresh_from_db()
    a, ind_a = _unit(induk, "anak-a", "Biro A", dunia.skema)
    b, ind_b = _unit(induk, "anak-b", "Biro B", dunia.skema)
    cucu, ind_cucu = _unit(a, "cucu", "Bagian Cucu", dunia.skema)
    _l, ind_lain = _unit(induk, "anak-c", "Biro C", dunia.skema, satuan="dokumen")
    for ind, nilai in ((ind_a, "80"), (ind_b, "50")):
        m.Realisasi.objects.create(indikator=ind, tahun=TAHUN, nilai=D(nilai))
    RasioRealisasi.objects.create(indikator=ind_a, tahun=TAHUN, pembilang=D("8"), penyebut=D("10"))
    RasioRealisasi.objects.create(indikator=ind_b, tahun=TAHUN, pembilang=D("45"), penyebut=D("90"))
    return induk, ind_induk, a, ind_a, b, ind_b, ind_cucu, ind_lain


def _sahkan(*units):
    for u in units:
        m.PeriodeUnit.objects.update_or_create(unit=u, tahun=TAHUN, defaults={"status": StatusPeriode.DISAHKAN})


def test_aturan_ditolak_satuan_dan_luar_bawahan(pohon):
    induk, ind_induk, a, ind_a, b, ind_b, ind_cucu, ind_lain = pohon
    with pytest.raises(ValidationError) as e:
        simpan_aturan(
            indikator=ind_induk,
            metode=MetodeAgregasi.RASIO_JUMLAH,
            sumber=[(ind_a, None), (ind_lain, None), (ind_cucu, None)],
        )
    pesan = " ".join(e.value.messages)
    assert "'dokumen'" in pesan and "Biro C" in pesan
    assert "Bagian Cucu" in pesan and "bukan unit bawahan langsung" in pesan
    assert not AgregasiIndikator.objects.exists()
    with pytest.raises(ValidationError, match="tepat satu sumber"):
        simpan_aturan(indikator=ind_induk, metode=MetodeAgregasi.DARI_UNIT, sumber=[(ind_a, None), (ind_b, None)])
    with pytest.raises(ValidationError, match="dasar bobot"):
        simpan_aturan(indikator=ind_induk, metode=MetodeAgregasi.RATA_TERTIMBANG, sumber=[(ind_a, None)])
    assert not AgregasiIndikator.objects.exists()


def test_konsolidasi_gerbang_hasil_pin_dan_usang(pohon, django_assert_max_num_queries):
    induk, ind_induk, a, ind_a, b, ind_b, _c, _l = pohon
    simpan_aturan(indikator=ind_induk, metode=MetodeAgregasi.RASIO_JUMLAH, sumber=[(ind_a, None), (ind_b, None)])
    assert baca_konsolidasi(induk, TAHUN).usang  # never computed
    _sahkan(a)
    with pytest.raises(ValidationError, match="belum disahkan: Biro B"):
        konsolidasikan_tahun(unit=induk, tahun=TAHUN)
    assert not HasilKonsolidasi.objects.exists()
    assert not m.Realisasi.objects.filter(indikator=ind_induk).exists()
    _sahkan(b)
    konsolidasikan_tahun(unit=induk, tahun=TAHUN)
    # The parent's yearly realisasi is the ratio of sums (53 %, not the mean 65 %), measured like any unit's.
    ukur = susun_pengukuran(induk, TAHUN)
    bp = ukur.baris_indikator(ind_induk.pk)
    assert bp.realisasi.nilai == D("53.00")
    assert bp.capaian == D("66.25")
    with django_assert_max_num_queries(5):
        k = baca_konsolidasi(induk, TAHUN)
        assert not k.usang and k.sumber_unit(ind_induk.pk) == {a.pk: ind_a.pk, b.pk: ind_b.pk}
    h = k.hasil[ind_induk.pk]
    assert h.hasil.nilai == D("53")
    assert [(j.unit, j.nilai, j.pembilang, j.penyebut) for j in h.hasil.jejak] == [
        ("Biro A", D("80"), D("8"), D("10")),
        ("Biro B", D("50"), D("45"), D("90")),
    ]
    # A hand edit of the consolidated figure is refused.
    with pytest.raises(ValidationError, match="konsolidasi"):
        simpan_realisasi(indikator=ind_induk, tahun=TAHUN, triwulan=None, nilai=D("99"))
    # A later change in a sub-unit outdates the run, naming it.
    m.PeriodeUnit.objects.filter(unit=b, tahun=TAHUN).update(status=StatusPeriode.DRAFT)
    from indikator.versi_data import naikkan_versi

    naikkan_versi(b.pk, [TAHUN])
    k = baca_konsolidasi(induk, TAHUN)
    assert k.usang and k.berubah == ("Biro B",)


def test_tanpa_nilai_bukan_angka_diam(pohon):
    induk, ind_induk, a, ind_a, b, ind_b, _c, _l = pohon
    simpan_aturan(indikator=ind_induk, metode=MetodeAgregasi.RATA_RATA, sumber=[(ind_a, None), (ind_b, None)])
    _sahkan(a, b)
    konsolidasikan_tahun(unit=induk, tahun=TAHUN)
    h = baca_konsolidasi(induk, TAHUN).hasil[ind_induk.pk]
    # Percentages with numerator and denominator are never averaged.
    assert h.hasil.nilai is None and h.hasil.alasan == AlasanKonsolidasi.PERSEN_DIRATA
    assert "rasio jumlah" in h.pesan
    assert m.Realisasi.objects.get(indikator=ind_induk, tahun=TAHUN).nilai is None
