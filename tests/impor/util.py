"""Helpers: export a unit's workbook, edit cells by sheet/header/key, import it."""

import io

from openpyxl import load_workbook

from impor.buku_kerja import buat_workbook
from impor.layanan import impor_excel
from impor.lembar import Konteks

TAHUN = 2018


def ekspor(unit, tahun=TAHUN):
    return load_workbook(io.BytesIO(buat_workbook(Konteks(unit, tahun))))


def simpan(wb) -> bytes:
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue()


def kolom(ws, judul) -> int:
    header = [c.value for c in ws[1]]
    return header.index(judul) + 1


def cari_baris(ws, **kunci) -> int:
    """Row number of the first row whose cells equal the given {header: value} (underscores = spaces)."""
    syarat = {kolom(ws, k.replace("_", " ")): v for k, v in kunci.items()}
    for r in range(2, ws.max_row + 1):
        if all(ws.cell(row=r, column=c).value == v for c, v in syarat.items()):
            return r
    raise LookupError(kunci)


def atur(ws, baris: int, judul: str, nilai) -> None:
    ws.cell(row=baris, column=kolom(ws, judul)).value = nilai


def tambah_baris(ws, **nilai) -> int:
    r = ws.max_row + 1
    for k, v in nilai.items():
        atur(ws, r, k.replace("_", " "), v)
    return r


def impor(unit, wb_atau_bytes, *, terapkan=True, tahun=TAHUN):
    isi = wb_atau_bytes if isinstance(wb_atau_bytes, bytes) else simpan(wb_atau_bytes)
    return impor_excel(unit=unit, tahun=tahun, berkas=io.BytesIO(isi), terapkan=terapkan)


def ringkas(hasil):
    return {h.judul: (h.baru, h.berubah, h.tetap) for h in hasil.lembar}


def galat(hasil):
    return sorted((g.lembar, g.baris, g.kolom) for g in hasil.galat)
