"""The follow-up matrix ("Matriks Tindak Lanjut Rekomendasi"): the rows the XLSX, the PDF and the LKj lampiran
print (No | Sumber | Temuan | Rekomendasi | Rencana aksi | Penanggung jawab | Batas waktu | Tindak lanjut | Bukti |
Status | %), built from register rows (`queries.susun_register`) without further queries, and the XLSX writer."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from umum.format import format_angka

from .formulas import tanggal_teks
from .queries import BarisRegister


def kolom_matriks() -> list[str]:
    return [
        pgettext("nomor urut", "No"),
        _("Sumber (nomor/tanggal)"),
        _("Temuan"),
        _("Rekomendasi"),
        _("Rencana aksi"),
        _("Penanggung jawab"),
        _("Batas waktu"),
        _("Tindak lanjut"),
        _("Bukti"),
        _("Status"),
        "%",
    ]


@dataclass(frozen=True)
class BarisMatriks:
    no: int
    sumber: str
    temuan: str
    rekomendasi: str
    rencana: str
    pj: str
    batas_waktu: str
    tindak_lanjut: str
    bukti: str
    status: str
    progres: Decimal

    def sel(self) -> list:
        return [
            self.no,
            self.sumber,
            self.temuan,
            self.rekomendasi,
            self.rencana,
            self.pj,
            self.batas_waktu,
            self.tindak_lanjut,
            self.bukti,
            self.status,
            self.progres,
        ]


def teks_bukti(b) -> str:
    """One piece of evidence in words (a document of the app with its year, version and page; a file; a URL)."""
    if b.jenis == "dokumen":
        teks = f"{b.get_dokumen_display()} {b.dokumen_tahun}"
        if b.dokumen_versi:
            teks += " " + _("versi %(v)s") % {"v": b.dokumen_versi}
        if b.halaman:
            teks += ", " + _("hal. %(h)s") % {"h": b.halaman}
    elif b.jenis == "berkas":
        teks = b.keterangan or b.berkas.name.rsplit("/", 1)[-1]
        return teks
    else:
        teks = b.url
    return f"{teks} ({b.keterangan})" if b.keterangan else teks


def temuan(rek) -> str:
    bagian = [
        (_("Kondisi"), rek.kondisi),
        (_("Sebab"), rek.sebab),
        (_("Akibat"), rek.akibat),
    ]
    return "\n".join(f"{label}: {isi}" for label, isi in bagian if isi)


def baris_matriks(baris: list[BarisRegister]) -> list[BarisMatriks]:
    hasil = []
    for no, b in enumerate(baris, start=1):
        r = b.rekomendasi
        hasil.append(
            BarisMatriks(
                no=no,
                sumber=f"{r.sumber.get_jenis_display()} {r.sumber.nomor}, {tanggal_teks(r.sumber.tanggal)}",
                temuan=temuan(r),
                rekomendasi=r.uraian,
                rencana="\n".join(
                    f"{x.uraian} ({tanggal_teks(x.target_tanggal)}; {x.get_status_display()})" for x in b.rencana
                ),
                pj=r.unit_pj.nama + (f" — {r.jabatan_pj.nama}" if r.jabatan_pj_id else ""),
                batas_waktu=tanggal_teks(r.batas_waktu),
                tindak_lanjut="\n".join(f"{tanggal_teks(t.tanggal)}: {t.uraian}" for t in b.tindak_lanjut),
                bukti="\n".join(teks_bukti(x) for t in b.tindak_lanjut for x in t.bukti.all()),
                status=b.label_status,
                progres=b.progres,
            )
        )
    return hasil


def xlsx_matriks(judul: str, baris: list[BarisMatriks]) -> bytes:
    """The matrix as an XLSX workbook (one sheet; % as a number with two decimals)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    buku = Workbook()
    lembar = buku.active
    lembar.title = _("Matriks TL")[:31]
    lembar.append([judul])
    lembar["A1"].font = Font(bold=True)
    lembar.append(kolom_matriks())
    for sel in lembar[2]:
        sel.font = Font(bold=True)
    for b in baris:
        lembar.append([x if isinstance(x, int | Decimal) else str(x) for x in b.sel()])
    lebar = (5, 28, 40, 40, 36, 24, 16, 40, 30, 18, 8)
    for i, w in enumerate(lebar, start=1):
        lembar.column_dimensions[lembar.cell(row=2, column=i).column_letter].width = w
    for row in lembar.iter_rows(min_row=3):
        for sel in row:
            sel.alignment = Alignment(wrap_text=True, vertical="top")
        row[-1].number_format = "0.00"
    lembar.freeze_panes = "A3"
    keluaran = BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def teks_progres(p: Decimal) -> str:
    return format_angka(p, 2)
