"""Formula injection: text written to the report workbook is stored as text, never as a live formula."""

from io import BytesIO

from openpyxl import load_workbook

from indikator.models import Indikator, Sasaran
from laporan.excel import render_xlsx
from laporan.susun import susun_laporan

BERBAHAYA = ["=1+1", "+SUM(1)", "-2+3", "@cmd", "\t=1", "\r=1"]


def test_nama_berawalan_sama_dengan_tidak_menjadi_rumus(unit):
    unit.nama = '=HYPERLINK("http://contoh.invalid","klik")'
    unit.save()
    for i, s in enumerate(Sasaran.objects.filter(revisi__renstra__unit=unit)):
        s.nama = f"=1+{i}"
        s.save()
    for i, ind in enumerate(Indikator.objects.filter(sasaran__revisi__renstra__unit=unit)):
        ind.nama = BERBAHAYA[i % len(BERBAHAYA)] + f" indikator {i}"
        ind.save()
    buku = load_workbook(BytesIO(render_xlsx(susun_laporan(unit, 2018))))
    sel = [c for ws in buku.worksheets for row in ws.iter_rows() for c in row]
    assert [c.coordinate for c in sel if c.data_type == "f"] == []
    teks = {c.value for c in sel if isinstance(c.value, str)}
    assert "=1+0" in teks
    assert any("=HYPERLINK(" in t for t in teks)
