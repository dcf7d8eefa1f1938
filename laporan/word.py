"""The Laporan Kinerja as DOCX (python-docx), for the last edit in Word before signing.

Built from the same document model as the HTML and the PDF (`laporan.dokumen`), so the chapters cannot drift:
headings as Word heading styles, a table-of-contents field (Word fills it on opening: F9), page numbers in the
footer, the tables with merged cells and the Indonesian number format of the PDF (`Sel.teks`), the legal
documents of the lampiran. The generated SVG figures (charts, organisation chart, strategy map) are embedded as
PNG drawn at print resolution with the PDF's fonts (`laporan.raster`); uploaded figures as their stored file.
"""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser
from io import BytesIO

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from umum.format import format_rupiah
from umum.penyimpanan import penyimpanan_privat

from . import raster
from .dokumen import (
    Bagian,
    Daftar,
    DaftarPeringatan,
    DokumenPK,
    Gambar,
    KeputusanIKU,
    Kop,
    Laporan,
    Narasi,
    Paragraf,
    Tabel,
    TandaTangan,
)

LEBAR_TEKS_CM = Decimal(16)  # A4 less Word's default margins


def _field(paragraf, instruksi: str) -> None:
    """A Word field (TOC, PAGE) in a paragraph; Word computes it when the document is opened or updated."""
    run = paragraf.add_run()
    awal, teks, akhir = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    awal.set(qn("w:fldCharType"), "begin")
    teks.set(qn("xml:space"), "preserve")
    teks.text = instruksi
    akhir.set(qn("w:fldCharType"), "end")
    run._r.append(awal)
    run._r.append(teks)
    run._r.append(akhir)


class _Narasi(HTMLParser):
    """The sanitised narrative HTML as (style, text) paragraphs: p, headings and list items."""

    BLOK = {
        "p": "Normal",
        "li": "List Bullet",
        "h1": "Heading 4",
        "h2": "Heading 4",
        "h3": "Heading 4",
        "h4": "Heading 4",
        "td": "Normal",
        "th": "Normal",
    }

    def __init__(self):
        super().__init__()
        self.hasil: list[tuple[str, str]] = []
        self.daftar: list[str] = []
        self.gaya: str | None = None
        self.teks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("ol", "ul"):
            self.daftar.append(tag)
        elif tag in self.BLOK:
            self._tutup()
            gaya = self.BLOK[tag]
            if tag == "li" and self.daftar and self.daftar[-1] == "ol":
                gaya = "List Number"
            self.gaya = gaya
        elif tag == "br":
            self.teks.append("\n")

    def handle_endtag(self, tag):
        if tag in ("ol", "ul") and self.daftar:
            self._tutup()
            self.daftar.pop()
        elif tag in self.BLOK:
            self._tutup()

    def handle_data(self, data):
        self.teks.append(data)

    def _tutup(self):
        teks = "".join(self.teks).strip()
        if teks:
            self.hasil.append((self.gaya or "Normal", " ".join(teks.split(" "))))
        self.teks, self.gaya = [], None

    def close(self):
        super().close()
        self._tutup()


class _Penulis:
    def __init__(self, laporan: Laporan):
        self.laporan = laporan
        self.doc = Document()
        gaya = self.doc.styles["Normal"]
        gaya.font.name = "Arial"
        gaya.font.size = Pt(11)
        self._nomor_halaman()

    def _nomor_halaman(self) -> None:
        p = self.doc.sections[0].footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _field(p, "PAGE")

    # ------------------------------------------------------------------ document

    def tulis(self) -> bytes:
        lp = self.laporan
        self._sampul()
        if lp.pernyataan_reviu:
            self._bagian(lp.pernyataan_reviu, halaman_baru=True)
        self._bagian(lp.kata_pengantar, halaman_baru=True)
        self.doc.add_page_break()
        self.doc.add_heading(_("Daftar Isi"), level=1)
        _field(self.doc.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u')
        for judul, entri in ((_("Daftar Tabel"), lp.daftar_tabel), (_("Daftar Lampiran"), lp.daftar_lampiran)):
            self.doc.add_heading(judul, level=2)
            for e in entri:
                self.doc.add_paragraph(f"{e.label}. {e.teks}" if e.label else e.teks)
        self._bagian(lp.ringkasan, halaman_baru=True)
        for bab in lp.bab:
            self._bagian(bab, halaman_baru=True)
        self.doc.add_page_break()
        self.doc.add_heading(_("LAMPIRAN"), level=1)
        for lampiran in lp.lampiran:
            self._bagian(lampiran, halaman_baru=True)
        keluaran = BytesIO()
        self.doc.save(keluaran)
        return keluaran.getvalue()

    def _sampul(self) -> None:
        lp = self.laporan
        for teks, ukuran in (
            (str(lp.tahun), 28),
            (_("LAPORAN KINERJA"), 24),
            (lp.unit.nama.upper(), 16),
            (lp.instansi.upper() if lp.instansi and lp.instansi != lp.unit.nama else "", 14),
        ):
            if teks:
                p = self.doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                r = p.add_run(teks)
                r.bold, r.font.size = True, Pt(ukuran)
        if not lp.final:
            p = self.doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(_("DRAF — belum disahkan (status: %(s)s)") % {"s": lp.status_label}).italic = True

    def _bagian(self, b: Bagian, *, halaman_baru: bool = False) -> None:
        if halaman_baru:
            self.doc.add_page_break()
        self.doc.add_heading(b.judul_lengkap, level=min(b.tingkat, 3))
        for blok in b.blok:
            self._blok(blok)
        for a in b.anak:
            self._bagian(a)

    # ------------------------------------------------------------------ blocks

    def _blok(self, x) -> None:
        if isinstance(x, Paragraf):
            self.doc.add_paragraph(x.teks)
        elif isinstance(x, Narasi):
            if x.judul:
                self.doc.add_paragraph().add_run(x.judul).bold = True
            parser = _Narasi()
            parser.feed(str(x.html))
            parser.close()
            for gaya, teks in parser.hasil:
                self.doc.add_paragraph(teks, style=gaya)
        elif isinstance(x, Tabel):
            self._tabel(x)
        elif isinstance(x, Gambar):
            if x.berkas:
                self._gambar(x)
            elif x.svg:
                self._gambar_svg(x)
            p = self.doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(f"{x.label}. {x.judul}").italic = True
        elif isinstance(x, Daftar):
            if x.judul:
                self.doc.add_paragraph(x.judul)
            for item in x.item:
                self.doc.add_paragraph(item, style="List Number" if x.bernomor else "List Bullet")
        elif isinstance(x, TandaTangan):
            self._ttd([f"{x.kota}, {x.tanggal}" if x.tanggal else x.kota, x.pejabat.jabatan], x.pejabat)
        elif isinstance(x, DokumenPK):
            self._pk(x)
        elif isinstance(x, KeputusanIKU):
            self._keputusan(x)
        elif isinstance(x, DaftarPeringatan):
            t = self.doc.add_table(rows=1, cols=3)
            t.style = "Table Grid"
            for i, h in enumerate((pgettext("nomor urut", "No"), _("Lokasi"), _("Peringatan"))):
                t.rows[0].cells[i].text = h
            for i, p in enumerate(x.item, start=1):
                c = t.add_row().cells
                c[0].text, c[1].text, c[2].text = str(i), p.lokasi or "–", p.pesan

    def _gambar(self, x: Gambar) -> None:
        """An uploaded figure at most the text width (private storage; a missing file prints its caption only)."""
        penyimpanan = penyimpanan_privat()
        if not penyimpanan.exists(x.berkas):
            return
        with penyimpanan.open(x.berkas, "rb") as f:
            isi = BytesIO(f.read())
        from PIL import Image

        with Image.open(isi) as gambar:
            lebar_cm = gambar.size[0] / 150 * 2.54  # 150 dpi, never wider than the text
        isi.seek(0)
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run().add_picture(isi, width=Cm(min(float(LEBAR_TEKS_CM), lebar_cm)))

    def _gambar_svg(self, x: Gambar) -> None:
        """A generated figure as a print-resolution PNG at its printed width, at most the text width."""
        svg = str(x.svg)
        lebar = raster.lebar_cm(svg) or LEBAR_TEKS_CM
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run().add_picture(BytesIO(raster.svg_ke_png(svg)), width=Cm(float(min(LEBAR_TEKS_CM, lebar))))

    def _ttd(self, atas: list[str], pejabat) -> None:
        for teks in [*atas, "", "", pejabat.nama, _("NIP. %(nip)s") % {"nip": pejabat.nip} if pejabat.nip else ""]:
            p = self.doc.add_paragraph(teks)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def _tabel(self, t: Tabel, judul: bool = True) -> None:
        if judul:
            p = self.doc.add_paragraph()
            p.add_run(f"{t.label}. {t.judul}" if t.nomor else t.judul).bold = True
        n = t.jumlah_kolom
        if not n:
            return
        jumlah_baris = len(t.kepala) + len(t.baris)
        tabel = self.doc.add_table(rows=jumlah_baris, cols=n)
        tabel.style = "Table Grid"
        # The cells of the new (unmerged) table once: python-docx's Table.cell() rebuilds the whole grid on every
        # call. Merging changes only the cells a span covers, never one the grid walk reaches later.
        sel_tabel = tabel._cells
        tr = tabel._tbl.tr_lst
        for r in range(len(t.kepala)):  # header rows repeat on every page in Word
            tr[r].get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        ukuran = Pt(8 if t.kecil or n > 6 else 9)
        for p in t.kisi:
            s = p.sel
            sel = sel_tabel[p.baris * n + p.kolom]
            if p.rowspan > 1 or p.colspan > 1:
                sel = sel.merge(sel_tabel[(p.baris + p.rowspan - 1) * n + p.kolom + p.colspan - 1])
            sel.text = str(s.nilai) if p.kepala else s.teks + (s.tanda or "")
            run = sel.paragraphs[0].runs[0] if sel.paragraphs[0].runs else None
            if run is not None:
                run.bold = p.kepala or s.tebal
                run.font.size = ukuran
            if not p.kepala and s.angka:
                sel.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for c in t.catatan:
            self.doc.add_paragraph(c).runs[0].font.size = Pt(8)

    def _kop(self, kop: Kop | None) -> None:
        """The letterhead of a legal document (names and address; the logo is the PDF's)."""
        if kop is None:
            return
        for i, teks in enumerate([*(n.upper() for n in kop.nama), kop.alamat]):
            if teks:
                p = self.doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.add_run(teks).bold = i < len(kop.nama)

    def _pk(self, d: DokumenPK) -> None:
        self._kop(d.kop)
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(d.judul.upper()).bold = True
        self.doc.add_paragraph(_("Periode") + f": {d.periode}")
        if d.pembuka:
            self.doc.add_paragraph(d.pembuka)
        for pihak, sebutan in (
            (d.pihak_pertama, _("Selanjutnya disebut pihak pertama.")),
            (d.pihak_kedua, _("Selaku atasan langsung pihak pertama, selanjutnya disebut pihak kedua.")),
        ):
            self.doc.add_paragraph(_("Nama") + f"\t: {pihak.nama}")
            if pihak.nip:
                self.doc.add_paragraph(_("NIP.") + f"\t: {pihak.nip}")
            self.doc.add_paragraph(_("Jabatan") + f"\t: {pihak.jabatan}")
            self.doc.add_paragraph(sebutan)
        for teks in (d.janji, d.supervisi):
            if teks:
                self.doc.add_paragraph(teks)
        self._tabel(d.tabel, judul=False)
        if d.kegiatan or d.anggaran is not None:
            self.doc.add_paragraph(_("Kegiatan") + f": {d.kegiatan or '–'}")
            self.doc.add_paragraph(_("Anggaran") + f": {format_rupiah(d.anggaran)}")
        self._ttd([f"{d.kota}, {d.tanggal}" if d.tanggal else d.kota, _("Pihak Kedua") + ","], d.pihak_kedua)
        self._ttd([_("Pihak Pertama") + ","], d.pihak_pertama)

    def _keputusan(self, k: KeputusanIKU) -> None:
        self._kop(k.kop)
        nomor = _("NOMOR") + f" {k.nomor}" if k.nomor else ""
        penetap = f"{k.jabatan.upper()}," if k.jabatan else ""
        for teks in (k.judul.upper(), nomor, _("TENTANG"), k.tentang.upper(), penetap):
            if teks:
                p = self.doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.add_run(teks).bold = True
        self.doc.add_paragraph(_("Menimbang") + ":")
        for h, x in k.menimbang:
            self.doc.add_paragraph(f"{h}. {x}")
        self.doc.add_paragraph(_("Mengingat") + ":")
        for i, x in enumerate(k.mengingat, start=1):
            self.doc.add_paragraph(f"{i}. {x}")
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(_("MEMUTUSKAN")).bold = True
        self.doc.add_paragraph(_("Menetapkan") + f": {k.menetapkan.upper()}")
        for nama, teks in k.diktum:
            self.doc.add_paragraph(f"{nama}: {teks}")
        atas = [_("Ditetapkan di") + f" {k.kota}", _("pada tanggal") + f" {k.tanggal}"]
        if k.pejabat:
            self._ttd([*atas, k.pejabat.jabatan + ","], k.pejabat)
        if k.salinan:
            self.doc.add_paragraph(_("Salinan Keputusan ini disampaikan kepada Yth.:"))
            for i, x in enumerate(k.salinan, start=1):
                self.doc.add_paragraph(f"{i}. {x}")
        if k.tabel is not None:
            bagian = self.doc.add_section()
            bagian.orientation = WD_ORIENT.LANDSCAPE
            bagian.page_width, bagian.page_height = bagian.page_height, bagian.page_width
            self._tabel(k.tabel)
            kembali = self.doc.add_section()
            kembali.orientation = WD_ORIENT.PORTRAIT
            kembali.page_width, kembali.page_height = kembali.page_height, kembali.page_width


def render_docx(laporan: Laporan) -> bytes:
    """The report as DOCX bytes."""
    return _Penulis(laporan).tulis()
