"""Excel export of the report's tables (openpyxl): one sheet per table, real numbers with number formats."""

from __future__ import annotations

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from .dokumen import DokumenPK, Laporan, Petak, Tabel

TIPIS = Side(style="thin", color="9AA7B4")
BINGKAI = Border(left=TIPIS, right=TIPIS, top=TIPIS, bottom=TIPIS)
ISI_KEPALA = PatternFill("solid", fgColor="DCE8F4")
ISI_KELOMPOK = PatternFill("solid", fgColor="F0F4F8")


def teks_bukan_rumus(wb: Workbook) -> Workbook:
    """Formula-injection guard for every workbook the app writes: text stays text. openpyxl stores a str that
    starts with "=" as a live formula; such cells are set back to text (inline string). Other text, including
    values starting with "+", "-", "@", tab or CR, is written as a string cell already, which Excel never
    evaluates. No workbook written by the app holds an intended formula."""
    for ws in wb.worksheets:
        # The existing cells only (iter_rows would create every empty cell of the used range).
        for sel in ws._cells.values():
            if sel.data_type == "f" and isinstance(sel.value, str):
                sel.data_type = "s"
    return wb


def lembar_tabel(laporan: Laporan) -> list[tuple[str, Tabel]]:
    """(sheet name, table) in document order: "Tabel 7", "Lampiran 3", "Lampiran 3.2", ..."""
    hasil: list[tuple[str, Tabel]] = []
    for b in (laporan.kata_pengantar, laporan.ringkasan, *laporan.bab):
        for bagian in b.semua_bagian():
            hasil.extend((t.label, t) for t in bagian.blok if isinstance(t, Tabel) and t.nomor)
    for lp in laporan.lampiran:
        tabel = [
            t.tabel if isinstance(t, DokumenPK) else t for t in lp.semua_blok() if isinstance(t, Tabel | DokumenPK)
        ]
        for i, t in enumerate(tabel, start=1):
            hasil.append((lp.nomor if len(tabel) == 1 else f"{lp.nomor}.{i}", t))
    return hasil


def _tulis_petak(ws, p: Petak, baris_awal: int) -> None:
    """One cell of the table's grid, its first row at `baris_awal`: the value (a number keeps its kind's
    Excel format, `dokumen.FORMAT_SEL`), borders over the whole span, the span merged."""
    s, baris_ke, kolom = p.sel, baris_awal + p.baris, p.kolom + 1
    c = ws.cell(row=baris_ke, column=kolom)
    if s.format == "teks":
        c.value = "" if s.nilai is None else str(s.nilai)
    else:
        c.value = s.nilai
        c.number_format = s.format_angka.excel
    c.border = BINGKAI
    c.alignment = Alignment(
        wrap_text=True,
        vertical="center" if p.kepala else "top",
        horizontal="center" if p.kepala else None,
        indent=s.tingkat,
    )
    if p.kepala:
        c.font = Font(bold=True)
        c.fill = ISI_KEPALA
    elif p.kelas in ("kelompok", "total") or s.tebal:
        c.font = Font(bold=True)
        c.fill = ISI_KELOMPOK
    if s.tanda:
        c.font = Font(bold=True, color="C62828")
    if s.warna_aman and not p.kepala:
        c.fill = PatternFill("solid", fgColor=s.warna_aman[1:].upper())
    for dr in range(p.rowspan):
        for dc in range(p.colspan):
            if dr or dc:
                ws.cell(row=baris_ke + dr, column=kolom + dc).border = BINGKAI
    if p.rowspan > 1 or p.colspan > 1:
        ws.merge_cells(
            start_row=baris_ke,
            start_column=kolom,
            end_row=baris_ke + p.rowspan - 1,
            end_column=kolom + p.colspan - 1,
        )


def _lembar(wb: Workbook, nama: str, tabel: Tabel) -> None:
    ws = wb.create_sheet(title=nama[:31])
    ws.cell(row=1, column=1, value=f"{tabel.label + '. ' if tabel.nomor else ''}{tabel.judul}").font = Font(
        bold=True, size=12
    )
    awal = 3
    for p in tabel.kisi:
        _tulis_petak(ws, p, awal)
    r = awal + len(tabel.kepala) + len(tabel.baris)
    ws.freeze_panes = ws.cell(row=awal + len(tabel.kepala), column=1)
    for c in tabel.catatan:
        r += 1
        ws.cell(row=r, column=1, value=c).font = Font(italic=True, size=9)
    lebar = tabel.jumlah_kolom or ws.max_column
    for k in range(1, lebar + 1):
        teks = [
            len(str(ws.cell(row=i, column=k).value or "")) for i in range(3, 3 + len(tabel.kepala) + len(tabel.baris))
        ]
        ws.column_dimensions[get_column_letter(k)].width = max(8, min(48, max(teks or [8]) + 2))


def render_xlsx(laporan: Laporan) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = _("Ringkasan")
    a = laporan.angka
    ws["A1"] = f"{_('Laporan Kinerja')} {laporan.unit.nama} {laporan.tahun}"
    ws["A1"].font = Font(bold=True, size=13)
    status = (
        _("Final (%(s)s)") % {"s": laporan.status_label}
        if laporan.final
        else _("DRAF (%(s)s)") % {"s": laporan.status_label}
    )
    baris = [
        (_("Status"), status, None),
        (_("Jumlah sasaran"), a.jumlah_sasaran, "0"),
        (_("Jumlah indikator"), a.jumlah_indikator, "0"),
        (_("Nilai Kinerja Organisasi (NKO)"), a.nko, "0.00"),
        (_("Kriteria NKO"), a.kriteria_nko, None),
        (_("Pagu (Rp)"), a.total_pagu, "#,##0"),
        (_("Realisasi (Rp)"), a.total_realisasi, "#,##0"),
        (_("Sisa (Rp)"), a.total_sisa, "#,##0"),
        (_("Serapan (%)"), a.total_serapan, "0.00"),
    ]
    baris += [(_("Indikator %(kriteria)s") % {"kriteria": k}, n, "0") for k, n in a.indikator_per_kriteria]
    for i, (label, nilai, fmt) in enumerate(baris, start=3):
        ws.cell(row=i, column=1, value=label).font = Font(bold=True)
        c = ws.cell(row=i, column=2, value=nilai)
        if fmt:
            c.number_format = fmt
    ws.column_dimensions["A"].width = 36
    ws.column_dimensions["B"].width = 22
    dipakai: set[str] = {ws.title}
    for nama, tabel in lembar_tabel(laporan):
        nama = nama[:31]
        while nama in dipakai:
            nama = nama[:28] + f"_{len(dipakai)}"
        dipakai.add(nama)
        _lembar(wb, nama, tabel)
    keluaran = BytesIO()
    teks_bukan_rumus(wb).save(keluaran)
    return keluaran.getvalue()


def render_xlsx_tabel(daftar: list[tuple[str, Tabel]]) -> bytes:
    """A workbook of tables outside a report (sheet name, table): the same sheet layout as the report's (e.g. a
    matrix of the performance tree downloaded from its page)."""
    wb = Workbook()
    wb.remove(wb.active)
    for nama, tabel in daftar:
        _lembar(wb, nama, tabel)
    keluaran = BytesIO()
    teks_bukan_rumus(wb).save(keluaran)
    return keluaran.getvalue()
