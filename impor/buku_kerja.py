"""Excel round trip of one unit's year: build the workbook, read it back, validate, diff and apply.

`buat_workbook(konteks)` writes one sheet per kind plus a "Petunjuk" sheet; `baca_workbook(berkas)` reads the
cells; `proses(konteks, data)` runs every sheet's import in order (earlier sheets first, so that a PK row or a
budget line added in the same workbook can be referenced later). Transactions and the period lock belong to
`impor.layanan.impor_excel`, which the view and the `import_sakip` command both call.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import time
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple
from xml.etree.ElementTree import ParseError

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from laporan.excel import teks_bukan_rumus

from .lembar import CONTOH, BarisExcel, Galat, HasilLembar, Konteks, Lembar, baca_teks, sel_kosong
from .lembar_anggaran import LembarAnggaran, LembarSubKegiatan
from .lembar_indikator import LembarIndikator, LembarPK, LembarRealisasi, LembarRencanaAksi
from .lembar_pohon import LembarJabatan, LembarPemegang, LembarPohon
from .lembar_rencana import LembarPendanaan, LembarRenstra, LembarSasaran, LembarTujuan, LembarVersiPK
from .lembar_unit import LembarAkip, LembarPegawai

# Import order matters: the Renstra (and its first revision) before tujuan, tujuan before sasaran, sasaran before
# indikator, indikator and PK versions before PK rows, PK rows before Rencana Aksi, budget lines before
# sub-kegiatan.
LEMBAR: list[type[Lembar]] = [
    LembarRenstra,
    LembarTujuan,
    LembarSasaran,
    LembarIndikator,
    LembarVersiPK,
    LembarPK,
    LembarRencanaAksi,
    LembarRealisasi,
    LembarAnggaran,
    LembarSubKegiatan,
    LembarPendanaan,
    LembarAkip,
    LembarPegawai,
    # The tree after the indikator it links: positions, their holders, then the nodes owned by positions.
    LembarJabatan,
    LembarPemegang,
    LembarPohon,
]
JUDUL_PETUNJUK = "Petunjuk"
JUDUL_DAFTAR = "Daftar pilihan"  # hidden: the drop-down lists

_ISI_HEADER = PatternFill("solid", fgColor="0B4F8A")
_ISI_INFO = PatternFill("solid", fgColor="9E9E9E")
_FONT_HEADER = Font(bold=True, color="FFFFFF")
_FONT_CONTOH = Font(italic=True, color="808080")


class WorkbookTidakValid(Exception):
    """The upload is not a readable .xlsx workbook (message in Indonesian)."""


@dataclass
class HasilImpor:
    lembar: list[HasilLembar] = field(default_factory=list)
    galat_umum: list[Galat] = field(default_factory=list)
    diterapkan: bool = False
    jumlah_baris: int = 0  # data rows read from the known sheets (example rows left out)

    @property
    def galat(self) -> list[Galat]:
        return self.galat_umum + [g for h in self.lembar for g in h.galat]

    @property
    def ada_galat(self) -> bool:
        return bool(self.galat)

    @property
    def baru(self) -> int:
        return sum(h.baru for h in self.lembar)

    @property
    def berubah(self) -> int:
        return sum(h.berubah for h in self.lembar)

    @property
    def tetap(self) -> int:
        return sum(h.tetap for h in self.lembar)

    @property
    def ada_perubahan(self) -> bool:
        return bool(self.baru or self.berubah)

    @property
    def ringkasan(self) -> str:
        """One line for the preview: "akan dibuat: 9 sasaran, 11 indikator; akan diubah: 4 realisasi"."""
        bagian = []
        for judul, atribut in ((_("akan dibuat"), "baru"), (_("akan diubah"), "berubah")):
            isi = [f"{getattr(h, atribut)} {h.benda or h.judul}" for h in self.lembar if getattr(h, atribut)]
            if isi:
                bagian.append(f"{judul}: {', '.join(isi)}")
        return "; ".join(bagian) or _("tidak ada yang berubah")


# --------------------------------------------------------------------------------------------- export


def _nilai_sel(v):
    """Decimals are written as real numeric cells, in plain notation (no exponent)."""
    if isinstance(v, Decimal):
        return Decimal(format(v, "f"))
    return v


def buat_workbook(konteks: Konteks) -> bytes:
    """The workbook of a unit's year, pre-filled with current data, as .xlsx bytes.

    A sheet without data gets one example row (first cell CONTOH, ignored on import). Choice columns get an
    Excel drop-down of the labels people read, listed on a hidden sheet (a list typed into the validation
    itself breaks on commas and is limited to 255 characters).
    """
    wb = Workbook()
    petunjuk = wb.active
    petunjuk.title = JUDUL_PETUNJUK
    lembar = [cls(konteks) for cls in LEMBAR]
    daftar = wb.create_sheet(JUDUL_DAFTAR)
    daftar.sheet_state = "hidden"
    rentang_daftar: dict[tuple[str, ...], str] = {}
    for sheet in lembar:
        ws = wb.create_sheet(sheet.judul, index=len(wb.sheetnames) - 1)
        kolom = sheet.kolom()
        ws.append([k.judul for k in kolom])
        for i, k in enumerate(kolom, start=1):
            sel = ws.cell(row=1, column=i)
            sel.font = _FONT_HEADER
            sel.fill = _ISI_INFO if k.info else _ISI_HEADER
            sel.alignment = Alignment(wrap_text=True, vertical="center")
            ws.column_dimensions[get_column_letter(i)].width = k.lebar
        for baris in sheet.baris_ekspor():
            ws.append([_nilai_sel(v) for v in baris])
        if ws.max_row == 1 and sheet.contoh:
            ws.append([CONTOH, *sheet.contoh[1 : len(kolom)]])
            for sel in ws[2]:
                sel.font = _FONT_CONTOH
        for i, k in enumerate(kolom, start=1):
            if k.format:
                for (sel,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                    sel.number_format = k.format
        for i, k in enumerate(kolom, start=1):
            if k.pilihan:
                kunci = tuple(k.pilihan)
                if kunci not in rentang_daftar:
                    n = len(rentang_daftar) + 1
                    for r, label in enumerate(kunci, start=1):
                        daftar.cell(row=r, column=n, value=label)
                    huruf_daftar = get_column_letter(n)
                    rentang_daftar[kunci] = f"'{JUDUL_DAFTAR}'!${huruf_daftar}$1:${huruf_daftar}${len(kunci)}"
                dv = DataValidation(type="list", formula1=rentang_daftar[kunci], allow_blank=True)
                dv.error = _("Pilih salah satu nilai dari daftar.")
                ws.add_data_validation(dv)
                huruf = get_column_letter(i)
                dv.add(f"{huruf}2:{huruf}{ws.max_row + 500}")
        ws.freeze_panes = "A2"
        if ws.max_row > 1:
            ws.auto_filter.ref = ws.dimensions
    _tulis_petunjuk(petunjuk, konteks, lembar)
    keluaran = io.BytesIO()
    teks_bukan_rumus(wb).save(keluaran)  # a name such as "=1+1" is text, never a formula
    return keluaran.getvalue()


def _tulis_petunjuk(ws, konteks: Konteks, lembar: list[Lembar]) -> None:
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 110
    ws.append([_("Workbook SAKIP")])
    ws["A1"].font = Font(bold=True, size=14)
    # "Unit" and "Tahun" are read back to check the workbook belongs to the unit and year: never translated.
    ws.append(["Unit", konteks.unit.slug])
    ws.append(["Tahun", konteks.tahun])
    ws.append([_("Nama unit"), konteks.unit.nama])
    ws.append([_("Diunduh"), dt.datetime.now().strftime("%d/%m/%Y %H:%M")])
    ws.append([])
    umum = [
        _("Ubah isi lembar lalu unggah kembali di ruang kerja (menu Impor Excel) atau dengan perintah import_sakip."),
        _("Sebelum disimpan, aplikasi menampilkan pratinjau: baris baru, baris berubah (nilai lama → baru) dan galat."),
        _("Semua perubahan diterapkan sekaligus atau tidak sama sekali; satu galat membatalkan seluruh impor."),
        _("Jangan mengubah judul kolom, nama lembar, atau isian Unit/Tahun di atas. Baris dikenali dari kodenya."),
        _("Kolom berjudul abu-abu hanya informasi dan tidak dibaca kembali. Lembar yang dihapus tidak diubah."),
        _(
            "Angka: ketik sebagai angka Excel, atau teks Indonesia seperti 1.234.567,89 atau 78,35. "
            "Teks seperti “1.234” ditolak karena bermakna ganda (ribuan atau pecahan)."
        ),
        _("Baris yang dihapus dari lembar tidak menghapus data; sel yang dikosongkan menghapus nilai sel itu."),
        _("Tahun yang sudah disahkan atau dikunci tidak dapat diimpor."),
        _(
            "Baris yang sel pertamanya berisi CONTOH hanya contoh pengisian dan tidak dibaca; timpa atau biarkan "
            "saja. Kolom pilihan menampilkan daftar; yang dibaca adalah teks pilihan itu (kode internal juga "
            "diterima)."
        ),
        _(
            "Unit baru: isi lembar berurutan dari kiri (Renstra, Tujuan, Sasaran, Indikator & Target, Versi PK, "
            "PK, …) lalu unggah sekali; semuanya dibuat bersama. Unit yang sudah berisi diperbarui menurut kode."
        ),
    ]
    for teks in umum:
        ws.append(["•", teks])
    ws.append([])
    for sheet in lembar:
        ws.append([sheet.judul, str(sheet.keterangan)])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
    for a, b in ws.iter_rows(min_row=2, max_col=2):
        b.alignment = Alignment(wrap_text=True, vertical="top")
        a.alignment = Alignment(vertical="top")


# --------------------------------------------------------------------------------------------- import


@dataclass
class DataWorkbook:
    lembar: dict[str, tuple[list[str], list[BarisExcel]]]
    unit: str | None = None
    tahun: int | None = None
    galat: list[Galat] = field(default_factory=list)


# A formula cell saved without its computed value (a workbook written by a program, not by Excel): reading
# it with data_only gives None, which would silently clear the stored value. Marked while parsing instead.
_RUMUS_TANPA_NILAI = object()


class _PenguraiLembar(WorkSheetParser):
    """openpyxl's streaming sheet parser (the one read-only mode uses) that yields only the rows and cells present
    in the sheet's XML — never cells padded out to a declared dimension — and marks formula cells without a
    cached value."""

    def parse_cell(self, element):
        sel = super().parse_cell(element)
        if sel["value"] is None and element.find(FORMULA_TAG) is not None:
            sel["value"] = _RUMUS_TANPA_NILAI
        return sel


def periksa_ukuran_berkas(ukuran: int) -> None:
    """WorkbookTidakValid when an upload is larger than settings.SAKIP_IMPOR_MAKS_BYTE."""
    batas = settings.SAKIP_IMPOR_MAKS_BYTE
    if ukuran > batas:
        raise WorkbookTidakValid(
            _("Berkas terlalu besar: %(ukuran)s, paling besar %(batas)s.")
            % {"ukuran": filesizeformat(ukuran), "batas": filesizeformat(batas)}
        )


def _periksa_berkas(berkas) -> None:
    """Size limits checked from the file and its zip directory alone, before openpyxl reads anything."""
    if isinstance(berkas, str | os.PathLike):
        ukuran = os.path.getsize(berkas)
    else:
        berkas.seek(0, os.SEEK_END)
        ukuran = berkas.tell()
        berkas.seek(0)
    periksa_ukuran_berkas(ukuran)
    try:
        with zipfile.ZipFile(berkas) as arsip:
            terurai = sum(info.file_size for info in arsip.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise WorkbookTidakValid(_("Berkas bukan workbook Excel (.xlsx) yang sah.")) from exc
    finally:
        if not isinstance(berkas, str | os.PathLike):
            berkas.seek(0)
    if terurai > settings.SAKIP_IMPOR_MAKS_BYTE_TERURAI:
        raise WorkbookTidakValid(
            _("Berkas terlalu besar: isinya %(ukuran)s setelah diurai, paling besar %(batas)s.")
            % {"ukuran": filesizeformat(terurai), "batas": filesizeformat(settings.SAKIP_IMPOR_MAKS_BYTE_TERURAI)}
        )


def _lembar_terlalu_besar(judul: str, baris: int, kolom: int) -> WorkbookTidakValid:
    return WorkbookTidakValid(
        _(
            "Lembar “%(lembar)s” terlalu besar: %(baris)s baris × %(kolom)s kolom; paling banyak %(maks_baris)s "
            "baris data (di bawah judul kolom) dan %(maks_kolom)s kolom. Hapus baris dan kolom di luar tabel, "
            "simpan ulang berkas, lalu unggah lagi."
        )
        % {
            "lembar": judul,
            "baris": baris,
            "kolom": kolom,
            "maks_baris": settings.SAKIP_IMPOR_MAKS_BARIS,
            "maks_kolom": settings.SAKIP_IMPOR_MAKS_KOLOM,
        }
    )


def _baris_lembar(wb, ws):
    """(row number, cells) of the rows present in a read-only sheet, each cell a dict with "column" and "value"."""
    with ws._get_source() as sumber:
        pengurai = _PenguraiLembar(
            sumber,
            ws._shared_strings,
            data_only=True,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
        yield from pengurai.parse()


def _baca_lembar(wb, ws, data: DataWorkbook) -> None:
    """Header row and non-empty rows of one known sheet, within the row and column limits."""
    maks_baris, maks_kolom = settings.SAKIP_IMPOR_MAKS_BARIS, settings.SAKIP_IMPOR_MAKS_KOLOM
    # The declared <dimension ref=...> first: a refusal before any row is read.
    if (ws.max_row or 0) > maks_baris + 1 or (ws.max_column or 0) > maks_kolom:
        raise _lembar_terlalu_besar(ws.title, ws.max_row or 0, ws.max_column or 0)
    header: dict[int, str] = {}
    baris: list[BarisExcel] = []
    for nomor, sel in _baris_lembar(wb, ws):
        terisi = {s["column"]: s["value"] for s in sel if not sel_kosong(s["value"])}
        if not terisi:
            continue
        # The real extent, whatever the declaration says (a missing or understated dimension).
        if nomor > maks_baris + 1 or max(terisi) > maks_kolom:
            raise _lembar_terlalu_besar(ws.title, max(nomor, ws.max_row or 0), max(max(terisi), ws.max_column or 0))
        if nomor == 1:
            header = {k: baca_teks(v) for k, v in sorted(terisi.items()) if v is not _RUMUS_TANPA_NILAI}
            continue
        isi = dict.fromkeys(h for h in header.values() if h)
        for k, h in header.items():
            if not h or k not in terisi:
                continue
            if terisi[k] is _RUMUS_TANPA_NILAI:
                data.galat.append(
                    Galat(
                        ws.title, nomor, h, _("Sel berisi rumus tanpa nilai tersimpan; simpan ulang berkas di Excel.")
                    )
                )
                continue
            isi[h] = terisi[k]
        pertama = header.get(min(header)) if header else None
        if pertama and baca_teks(isi.get(pertama)).upper() == CONTOH:
            continue  # an example row
        if any(not sel_kosong(v) for v in isi.values()):
            baris.append(BarisExcel(nomor, isi))
    judul = [header[k] for k in sorted(header) if header[k]]
    for h in sorted({h for h in judul if judul.count(h) > 1}):
        data.galat.append(Galat(ws.title, 1, h, _("Judul kolom muncul lebih dari sekali.")))
    data.lembar[ws.title] = (judul, baris)


def baca_workbook(berkas) -> DataWorkbook:
    """Read the known sheets of an uploaded workbook (path or file object): header row, then non-empty rows.

    Limits (settings.SAKIP_IMPOR_MAKS_*: file size, uncompressed size, rows and columns per sheet) are checked
    before any row is read and again on the real extent; only cells present in the file are read. Raises
    WorkbookTidakValid (Indonesian message) for an unreadable or too large workbook.
    """
    wb = _buka_workbook(berkas)
    try:
        data = DataWorkbook({})
        dikenal = {cls.judul for cls in LEMBAR}
        for ws in wb.worksheets:
            if ws.title == JUDUL_PETUNJUK:
                for row in ws.iter_rows(min_row=1, max_row=6, max_col=2, values_only=True):
                    if row and row[0] == "Unit":
                        data.unit = baca_teks(row[1])
                    elif row and row[0] == "Tahun":
                        try:
                            data.tahun = int(row[1])
                        except (TypeError, ValueError):
                            data.tahun = None
                continue
            if ws.title in dikenal:
                _baca_lembar(wb, ws, data)
    finally:
        wb.close()
    if not data.lembar:
        data.galat.append(
            Galat(
                "",
                None,
                None,
                _("Workbook tidak berisi lembar SAKIP yang dikenal (%(daftar)s).")
                % {"daftar": ", ".join(cls.judul for cls in LEMBAR)},
            )
        )
    return data


def _buka_workbook(berkas):
    """The workbook (read-only, cached values) once its size limits are checked; WorkbookTidakValid otherwise."""
    _periksa_berkas(berkas)
    try:
        return load_workbook(berkas, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise WorkbookTidakValid(_("Berkas bukan workbook Excel (.xlsx) yang sah.")) from exc


class HitunganBaris(NamedTuple):
    """Data rows of an upload's known sheets, counted from the rows present in the sheet XML."""

    jumlah: int
    lengkap: bool = True  # False: the time budget ran out before every row was counted (taken as large)


_TAG_BARIS = f"{{{SHEET_MAIN_NS}}}row"
_TAG_SEL = f"{{{SHEET_MAIN_NS}}}c"
_TAG_NILAI = f"{{{SHEET_MAIN_NS}}}v"
_TAG_ISI = {_TAG_NILAI, f"{{{SHEET_MAIN_NS}}}is", f"{{{SHEET_MAIN_NS}}}f"}


def _sel_berisi(sel) -> bool:
    """A <c> holding a value, an inline string or a formula (a style-only cell is empty)."""
    return any(isi.tag in _TAG_ISI and (isi.tag != _TAG_NILAI or (isi.text or "").strip()) for isi in sel)


def _hitung_baris_lembar(ws, batas_waktu: float) -> tuple[int, bool]:
    """(data rows below the header, complete) of one read-only sheet, streamed from its XML whatever its declared
    <dimension> says; WorkbookTidakValid when a row with content lies beyond the row limit. Each cell is dropped
    once read and the time budget is checked at every element (a single huge row cannot hold the request)."""
    maks_baris = settings.SAKIP_IMPOR_MAKS_BARIS
    jumlah = nomor = 0
    berisi = False
    with ws._get_source() as sumber:
        for _peristiwa, el in iterparse(sumber):
            if el.tag == _TAG_SEL:
                berisi = berisi or _sel_berisi(el)
                el.clear()
            elif el.tag == _TAG_BARIS:
                r = el.get("r")
                nomor = int(r) if r and r.isdigit() else nomor + 1
                if nomor > 1 and berisi:
                    if nomor > maks_baris + 1:
                        raise _lembar_terlalu_besar(ws.title, nomor, ws.max_column or 0)
                    jumlah += 1
                berisi = False
                el.clear()
            if time.monotonic() > batas_waktu:
                return jumlah, False
    return jumlah, True


def _lembar_dikenal(berkas) -> tuple[zipfile.ZipFile, list[ReadOnlyWorksheet]]:
    """The upload's archive and its known sheets (read-only), found from the workbook part alone: unlike
    `load_workbook`, the shared strings (up to the uncompressed limit) are not read, a row count needs none."""
    pembaca = ExcelReader(berkas, read_only=True, data_only=True)
    try:
        pembaca.read_manifest()
        pembaca.read_workbook()
        dikenal = {cls.judul for cls in LEMBAR}
        lembar = [
            ReadOnlyWorksheet(pembaca.wb, sheet.name, rel.target, [])
            for sheet, rel in pembaca.parser.find_sheets()
            if sheet.name in dikenal and rel.target in pembaca.valid_files and "chartsheet" not in rel.Type
        ]
    except BaseException:
        pembaca.archive.close()
        raise
    return pembaca.archive, lembar


def hitung_baris_data(berkas) -> HitunganBaris:
    """Data rows (below the header) of the known sheets, to decide whether an upload is imported by the task worker
    (settings.SAKIP_IMPOR_LATAR_BARIS). A declared <dimension> may lie (19,000 rows behind "A1:L2"), so the rows
    are counted while streaming each sheet's XML, within settings.SAKIP_IMPOR_HITUNG_DETIK: past that budget the
    count stops and is marked incomplete (a large upload). Checks the size limits and the declared dimensions
    first (a refusal before any row is read); raises WorkbookTidakValid like `baca_workbook`."""
    batas_waktu = time.monotonic() + settings.SAKIP_IMPOR_HITUNG_DETIK
    _periksa_berkas(berkas)
    arsip = None
    try:
        arsip, dikenal = _lembar_dikenal(berkas)
        for ws in dikenal:
            if (ws.max_row or 0) > settings.SAKIP_IMPOR_MAKS_BARIS + 1 or (ws.max_column or 0) > (
                settings.SAKIP_IMPOR_MAKS_KOLOM
            ):
                raise _lembar_terlalu_besar(ws.title, ws.max_row or 0, ws.max_column or 0)
        jumlah = 0
        for ws in dikenal:
            n, lengkap = _hitung_baris_lembar(ws, batas_waktu)
            jumlah += n
            if not lengkap:
                return HitunganBaris(jumlah, False)
        return HitunganBaris(jumlah)
    except (InvalidFileException, ParseError, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise WorkbookTidakValid(_("Berkas bukan workbook Excel (.xlsx) yang sah.")) from exc
    finally:
        if arsip is not None:
            arsip.close()
        if not isinstance(berkas, str | os.PathLike):
            berkas.seek(0)


def proses(konteks: Konteks, data: DataWorkbook) -> HasilImpor:
    """Validate, diff and write every sheet (inside the caller's transaction; the caller rolls back)."""
    hasil = HasilImpor(galat_umum=list(data.galat), jumlah_baris=sum(len(b) for _h, b in data.lembar.values()))
    if not data.unit or not data.tahun:
        # The unit/year check cannot be skipped by deleting the Petunjuk sheet or emptying its cells.
        hasil.galat_umum.append(
            Galat(
                JUDUL_PETUNJUK,
                None,
                None,
                _(
                    "Lembar Petunjuk dengan isian Unit dan Tahun tidak ada atau tidak lengkap, sehingga tidak dapat "
                    "dipastikan bahwa workbook ini milik %(unit)s tahun %(tahun)s. Unduh workbook dari ruang kerja "
                    "unit ini, salin isinya ke sana, lalu unggah lagi; tidak ada data yang diubah."
                )
                % {"unit": konteks.unit.slug, "tahun": konteks.tahun},
            )
        )
        return hasil
    if data.unit != konteks.unit.slug or data.tahun != konteks.tahun:
        hasil.galat_umum.append(
            Galat(
                JUDUL_PETUNJUK,
                None,
                None,
                _("Workbook ini milik unit %(unit)s tahun %(tahun)s, bukan %(u2)s tahun %(t2)s.")
                % {"unit": data.unit, "tahun": data.tahun, "u2": konteks.unit.slug, "t2": konteks.tahun},
            )
        )
        return hasil
    if hasil.galat_umum:
        return hasil
    for cls in LEMBAR:
        if cls.judul not in data.lembar:
            continue
        sheet = cls(konteks)
        header, baris = data.lembar[cls.judul]
        hilang = [k for k in sheet.kolom_kunci if k not in header]
        if hilang:
            h = HasilLembar(cls.judul)
            for k in hilang:
                h.catat_galat(1, k, _("Kolom wajib “%(kolom)s” tidak ada.") % {"kolom": k})
            hasil.lembar.append(h)
            continue
        h = sheet.impor(header, baris)
        h.benda = str(sheet.benda)
        hasil.lembar.append(h)
        # A sheet may have created what the next ones look up (a Renstra and its revision, PK versions).
        konteks.segarkan()
    return hasil
