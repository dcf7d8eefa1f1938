"""The report marks its approval state: a year that is not approved is a draft (banner, "DRAF" on the cover,
in the running header and as a page watermark, "DRAF" in the Excel summary); once the head approves (or the
year is locked) the same report is final."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from indikator.enums import Peran, StatusPeriode
from indikator.models import PeriodeUnit
from laporan.excel import render_xlsx
from laporan.pdf import render_html_cetak
from laporan.susun import susun_laporan
from tests.pabrik import buat_pengguna


def _ringkasan_xlsx(laporan) -> dict:
    ws = load_workbook(BytesIO(render_xlsx(laporan)))["Ringkasan"]
    return {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(3, ws.max_row + 1)}


def test_tahun_belum_disahkan_adalah_draf(klien, unit):
    laporan = susun_laporan(unit, 2018)
    assert (laporan.final, laporan.status) == (False, StatusPeriode.DRAFT)
    html = klien.get(reverse("laporan:html", args=[unit.slug, 2018])).content.decode()
    assert "Draf: data tahun ini belum disahkan (status: Draf)" in html
    assert "DRAF — belum disahkan (status: Draf)" in html  # cover
    cetak = render_html_cetak(laporan)
    assert "tanda-air-draf.svg" in cetak and '<strong class="draf">DRAF</strong>' in cetak
    assert _ringkasan_xlsx(laporan)["Status"] == "DRAF (Draf)"


@pytest.mark.parametrize("status", [StatusPeriode.DIAJUKAN, StatusPeriode.DIKEMBALIKAN])
def test_diajukan_atau_dikembalikan_masih_draf(unit, status):
    PeriodeUnit.objects.create(unit=unit, tahun=2018, status=status)
    laporan = susun_laporan(unit, 2018)
    assert not laporan.final
    assert f"(status: {status.label})" in render_html_cetak(laporan)


@pytest.mark.parametrize("status", [StatusPeriode.DISAHKAN, StatusPeriode.DIKUNCI])
def test_disahkan_atau_dikunci_adalah_final(klien, unit, status):
    kepala = buat_pengguna("kepala-bks", Peran.PIMPINAN, unit)
    kepala.first_name, kepala.last_name = "Diana", "Sutikno"
    kepala.save()
    PeriodeUnit.objects.create(unit=unit, tahun=2018, status=status, diubah_oleh=kepala)
    laporan = susun_laporan(unit, 2018)
    assert laporan.final and laporan.disahkan_oleh == "Diana Sutikno"
    html = klien.get(reverse("laporan:html", args=[unit.slug, 2018])).content.decode()
    assert f"Final: data tahun ini berstatus {status.label} (oleh Diana Sutikno," in html
    assert "DRAF" not in html and "Draf:" not in html
    cetak = render_html_cetak(laporan)
    assert "tanda-air-draf.svg" not in cetak and "DRAF" not in cetak
    assert _ringkasan_xlsx(laporan)["Status"] == f"Final ({status.label})"
    # Unchanged numbers: the state only marks the document.
    assert laporan.angka.nko == susun_laporan(unit, 2018).angka.nko


def test_satu_kosakata_status():
    """The app's status label and the report's draft mark are one word: "Draf" / "DRAF"."""
    from indikator.enums import StatusPeriode

    assert str(StatusPeriode.DRAFT.label).upper() == "DRAF"
