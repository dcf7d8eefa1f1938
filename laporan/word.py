"""The Laporan Kinerja as DOCX (python-docx), for the last edit in Word before signing.

Built from the same document model as the HTML and the PDF (`laporan.dokumen`), so the chapters cannot drift, and
laid out as the PDF: A4 with its margins, a landscape section wherever the PDF prints landscape (a wide table,
a landscape lampiran), fixed column widths from the PDF's (`laporan_tags.lebar_kolom`), header rows repeated,
numbers right-aligned, page numbers in the footer. The headings are Word heading styles; tables, figures and
lampiran are numbered by SEQ fields in their captions; the daftar isi and the lists of tables, figures and
lampiran are TOC fields over those headings and captions, filled with their entries and the page of each in the
same report's PDF (its page map) and updated by Word when the file is opened (`w:updateFields`). The generated
SVG figures (charts, organisation chart, strategy map) are embedded as PNG drawn at print resolution with the
PDF's fonts (`laporan.raster`); uploaded figures as their stored file.
"""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser
from io import BytesIO

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor, Twips
from docx.text.paragraph import Paragraph

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
from .templatetags.laporan_tags import bagian_baris, lebar_kolom

# The PDF's pages (static/css/laporan-cetak.css, `@page` and `@page lanskap`): A4, margins (top, right, bottom,
# left) in cm, and the text width the column widths of `laporan_tags.lebar_kolom` are computed for.
A4_CM = (Decimal("21"), Decimal("29.7"))
MARGIN_CM = {False: (2.3, 2, 2, 2.5), True: (2, 1.8, 1.6, 1.8)}
LEBAR_TEKS_CM = {False: Decimal("16.5"), True: Decimal("26.1")}
TWIP_PER_CM = Decimal(1440) / Decimal("2.54")
# Caption sequences (Word SEQ identifiers; the printed label is translated, the identifier is not).
SEQ_TABEL, SEQ_GAMBAR, SEQ_LAMPIRAN = "Tabel", "Gambar", "Lampiran"
TOC_ISI = 'TOC \\o "1-2" \\h \\z \\u'


def _toc_daftar(seq: str) -> str:
    """The field of a list over the captions of one sequence (Daftar Tabel, Gambar, Lampiran)."""
    return f'TOC \\h \\z \\c "{seq}"'


def _run_field(paragraf, jenis: str, teks: str = "") -> None:
    """A run holding one field character (begin, separate, end) or, with `teks`, the field's instruction."""
    run = OxmlElement("w:r")
    if jenis == "instr":
        el = OxmlElement("w:instrText")
        el.set(qn("xml:space"), "preserve")
        el.text = f" {teks} "
    else:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), jenis)
    run.append(el)
    paragraf._p.append(run)


def _field(paragraf, instruksi: str, hasil: str = "") -> None:
    """A Word field (PAGE, SEQ) in a paragraph with its last result `hasil` (what a reader shows until the field
    is updated)."""
    _run_field(paragraf, "begin")
    _run_field(paragraf, "instr", instruksi)
    _run_field(paragraf, "separate")
    if hasil:
        paragraf.add_run(hasil)
    _run_field(paragraf, "end")


def _label_terbelah(pola: str) -> tuple[str, str]:
    """A translated label ("Tabel %(nomor)s") as (text before, text after) its number."""
    awal, _pemisah, akhir = (pola % {"nomor": "\0"}).partition("\0")
    return awal, akhir


def _set(induk, tag: str, **atribut) -> None:
    """Child `tag` of an oxml element (made when missing) with the given w: attributes."""
    el = induk.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        induk.append(el)
    for k, v in atribut.items():
        el.set(qn(f"w:{k}"), str(v))


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
        self.daftar_ke: list[int | None] = []  # per paragraph of `hasil`: which numbered list (<ol>) it is in
        self.daftar: list[str] = []
        self._ol = 0
        self.gaya: str | None = None
        self.teks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("ol", "ul"):
            self.daftar.append(tag)
            if tag == "ol":
                self._ol += 1
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
            self.daftar_ke.append(self._ol if self.gaya == "List Number" else None)
        self.teks, self.gaya = [], None

    def close(self):
        super().close()
        self._tutup()


class _Penulis:
    def __init__(self, laporan: Laporan | None, peta: dict | None = None):
        self.laporan = laporan
        self.doc = Document()
        self.lanskap = False  # orientation of the section being written
        self.putus = False  # the next heading starts a page
        self.halaman = dict((peta or {}).get("jangkar") or {})  # anchor id -> page of the PDF
        self.id_isi = {e.id for e in laporan.daftar_isi} if laporan else set()
        self.judul_isi: list[tuple[int, str, str]] = []  # (level, text, anchor) of the daftar isi's headings
        self.keterangan: dict[str, list[tuple[int, str, str]]] = {SEQ_TABEL: [], SEQ_GAMBAR: [], SEQ_LAMPIRAN: []}
        self._gaya()
        self._atur_halaman(self.doc.sections[0], lanskap=False)
        self._nomor_halaman()

    # ------------------------------------------------------------------ styles and pages

    def _gaya(self) -> None:
        """The PDF's look in Word styles: Arial 11 pt (about as wide as the PDF's 10.5 pt DejaVu Serif) at the
        PDF's line height, black headings, tables at the PDF's 8 pt / 7 pt (Arial is about as wide as the PDF's
        DejaVu Sans Condensed, which the column widths of `lebar_kolom` are measured for), caption and list
        styles."""
        st = self.doc.styles
        normal = st["Normal"]
        normal.font.name, normal.font.size = "Arial", Pt(11)
        normal.paragraph_format.space_after = Pt(5)
        normal.paragraph_format.line_spacing = 1.25  # the PDF's line height (1.45 em)
        for tingkat, ukuran in ((1, 15), (2, 12), (3, 10.5), (4, 10.5)):
            self._judul_gaya(st[f"Heading {tingkat}"], ukuran)
        for tingkat, ukuran in ((1, 15), (2, 12)):  # the same look, outside the daftar isi (no outline level)
            self._judul_gaya(self._gaya_baru(f"Judul {tingkat}"), ukuran)
        keterangan = st["Caption"]
        self._judul_gaya(keterangan, 9.5)
        keterangan.paragraph_format.space_before = Pt(6)
        for nama, ukuran in (("Isi Tabel", 8), ("Isi Tabel Kecil", 7), ("Catatan Tabel", 8)):
            g = self._gaya_baru(nama)
            g.font.size = Pt(ukuran)
            g.paragraph_format.space_after = Pt(0 if nama != "Catatan Tabel" else 2)
            g.paragraph_format.line_spacing = 1.0
        # Word's own styles of a table of contents and of a list of captions (what Word applies on an update).
        for nama, id_ in (("toc 1", "TOC1"), ("toc 2", "TOC2"), ("table of figures", "TableofFigures")):
            g = self._gaya_baru(nama)
            g.style_id = id_
            g.paragraph_format.space_after = Pt(2)
            g.paragraph_format.tab_stops.add_tab_stop(
                Cm(float(LEBAR_TEKS_CM[False])), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )
            if id_ == "TOC1":
                g.font.bold = True
                g.paragraph_format.space_before = Pt(5)
            elif id_ == "TOC2":
                g.paragraph_format.left_indent = Cm(0.6)
        self.gaya_id = {g.name: g.style_id for g in st}

    def _gaya_baru(self, nama: str):
        g = self.doc.styles.add_style(nama, WD_STYLE_TYPE.PARAGRAPH)
        g.base_style = self.doc.styles["Normal"]
        return g

    @staticmethod
    def _judul_gaya(g, ukuran: float) -> None:
        """A heading look: Arial bold black (the template's theme font and colour removed), kept with the next."""
        rpr = g.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is not None:
            for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                fonts.attrib.pop(qn(f"w:{a}"), None)
        warna = rpr.find(qn("w:color"))
        if warna is not None:
            rpr.remove(warna)
        g.font.name, g.font.size, g.font.bold, g.font.italic = "Arial", Pt(ukuran), True, False
        g.font.color.rgb = RGBColor(0, 0, 0)
        g.paragraph_format.space_before = Pt(10 if ukuran < 15 else 0)
        g.paragraph_format.space_after = Pt(6)
        g.paragraph_format.keep_with_next = True

    @staticmethod
    def _atur_halaman(bagian, lanskap: bool) -> None:
        """A4 portrait or landscape with the PDF's margins."""
        lebar, tinggi = A4_CM if not lanskap else A4_CM[::-1]
        bagian.orientation = WD_ORIENT.LANDSCAPE if lanskap else WD_ORIENT.PORTRAIT
        bagian.page_width, bagian.page_height = Cm(float(lebar)), Cm(float(tinggi))
        atas, kanan, bawah, kiri = MARGIN_CM[lanskap]
        bagian.top_margin, bagian.right_margin = Cm(atas), Cm(kanan)
        bagian.bottom_margin, bagian.left_margin = Cm(bawah), Cm(kiri)
        bagian.header_distance, bagian.footer_distance = Cm(1), Cm(0.9)

    def _orientasi(self, lanskap: bool) -> bool:
        """Continue in a section of that orientation: a new section (on a new page) when it changes."""
        if lanskap == self.lanskap:
            return False
        self._atur_halaman(self.doc.add_section(WD_SECTION.NEW_PAGE), lanskap)
        self.lanskap, self.putus = lanskap, False
        return True

    def _halaman_baru(self, lanskap: bool = False) -> None:
        """The next heading starts a page (of that orientation)."""
        if not self._orientasi(lanskap):
            self.putus = True

    def _nomor_halaman(self) -> None:
        p = self.doc.sections[0].footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _field(p, "PAGE")

    def _perbarui_saat_dibuka(self) -> None:
        """`w:updateFields`: Word offers to update the fields (daftar isi, lists, captions) when it opens the file.
        Placed where the settings schema puts it (before the footnote properties and compat)."""
        pengaturan = self.doc.settings.element
        el = OxmlElement("w:updateFields")
        el.set(qn("w:val"), "true")
        for tag in ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:rsids"):
            sesudah = pengaturan.find(qn(tag))
            if sesudah is not None:
                sesudah.addprevious(el)
                return
        pengaturan.append(el)

    # ------------------------------------------------------------------ document

    def tulis(self) -> bytes:
        lp = self.laporan
        self._sampul()
        if lp.pernyataan_reviu:
            self._bagian(lp.pernyataan_reviu, halaman_baru=True)
        self._bagian(lp.kata_pengantar, halaman_baru=True)
        daftar = []
        for id_, judul, seq in (
            ("daftar-isi", _("Daftar Isi"), None),
            ("daftar-tabel", _("Daftar Tabel"), SEQ_TABEL),
            ("daftar-gambar", _("Daftar Gambar"), SEQ_GAMBAR),
            ("daftar-lampiran", _("Daftar Lampiran"), SEQ_LAMPIRAN),
        ):
            self._halaman_baru()
            self._judul(judul, 1, id_)
            daftar.append((self.doc.add_paragraph(), seq))
        self._bagian(lp.ringkasan, halaman_baru=True)
        for bab in lp.bab:
            self._bagian(bab, halaman_baru=True)
        self._halaman_baru()
        pembatas = self._judul(_("LAMPIRAN"), 1, "lampiran")
        pembatas.paragraph_format.space_before = Cm(8)
        pembatas.runs[0].font.size = Pt(24)
        for i, lampiran in enumerate(lp.lampiran, start=1):
            self._bagian(lampiran, halaman_baru=True, nomor_lampiran=i)
        # The daftar last: their entries are the headings and captions just written, with the PDF's pages.
        for tempat, seq in daftar:
            if seq is None:
                self._isi_daftar(tempat, TOC_ISI, self.judul_isi)
            else:
                self._isi_daftar(tempat, _toc_daftar(seq), self.keterangan[seq])
        self._perbarui_saat_dibuka()
        keluaran = BytesIO()
        self.doc.save(keluaran)
        return keluaran.getvalue()

    def _isi_daftar(self, tempat, instruksi: str, entri: list[tuple[int, str, str]]) -> None:
        """A TOC field filled with its entries (text, tab, the PDF's page of the anchor when known), as Word
        writes it: the field starts in the first entry's paragraph and ends in the last's."""
        if not entri:
            _field(tempat, instruksi)
            return
        p = tempat
        for i, (tingkat, teks, jangkar) in enumerate(entri):
            if i:
                baru = OxmlElement("w:p")
                p._p.addnext(baru)
                p = Paragraph(baru, tempat._parent)
            gaya = f"toc {tingkat}" if instruksi == TOC_ISI else "table of figures"
            p._p.get_or_add_pPr().style = self.gaya_id[gaya]
            if i == 0:
                _run_field(p, "begin")
                _run_field(p, "instr", instruksi)
                _run_field(p, "separate")
            halaman = self.halaman.get(jangkar)
            p.add_run(f"{teks}\t{halaman}" if halaman else teks)
        _run_field(p, "end")

    def _judul(self, teks: str, tingkat: int, jangkar: str, *, nomor_lampiran: int | None = None):
        """A heading: Word's Heading style when the daftar isi lists it (level 1–2) or it is deeper, else the
        same look without an outline level. A lampiran's number is a SEQ field (the Daftar Lampiran's source)."""
        tingkat = min(tingkat, 3)
        di_isi = tingkat <= 2 and jangkar in self.id_isi
        p = self._paragraf(gaya=f"Heading {tingkat}" if di_isi or tingkat > 2 else f"Judul {tingkat}")
        if nomor_lampiran is not None:
            awal, akhir = _label_terbelah(_("Lampiran %(nomor)s"))
            p.add_run(awal)
            _field(p, f"SEQ {SEQ_LAMPIRAN} \\* ARABIC", str(nomor_lampiran))
            p.add_run(f"{akhir} {teks}")
            self.keterangan[SEQ_LAMPIRAN].append((1, p.text, jangkar))
        else:
            p.add_run(teks)
        if di_isi:
            self.judul_isi.append((tingkat, teks, jangkar))
        if self.putus:
            p.paragraph_format.page_break_before = True
            self.putus = False
        return p

    def _sampul(self) -> None:
        lp = self.laporan
        for teks, ukuran in (
            (str(lp.tahun), 28),
            (lp.judul.upper(), 24),
            (lp.unit.nama.upper(), 16),
            (lp.instansi.upper() if lp.instansi and lp.instansi != lp.unit.nama else "", 14),
        ):
            if teks:
                p = self.doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.paragraph_format.space_after = Pt(12)
                r = p.add_run(teks)
                r.bold, r.font.size = True, Pt(ukuran)
        self.doc.paragraphs[0].paragraph_format.space_before = Cm(5)
        if not lp.final:
            p = self.doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(_("DRAF — belum disahkan (status: %(s)s)") % {"s": lp.status_label}).italic = True

    def _bagian(
        self, b: Bagian, *, halaman_baru: bool = False, lanskap: bool = False, nomor_lampiran: int | None = None
    ) -> None:
        """A section with its blocks and sub-sections; a landscape section (and all it holds) on landscape pages,
        as in the PDF (`section.lanskap`)."""
        lanskap = lanskap or b.lanskap
        if halaman_baru:
            self._halaman_baru(lanskap)
        else:
            self._orientasi(lanskap)
        teks = b.judul if nomor_lampiran is not None else b.judul_lengkap
        self._judul(teks, b.tingkat, b.id, nomor_lampiran=nomor_lampiran)
        for blok in b.blok:
            self._blok(blok, lanskap)
        for a in b.anak:
            self._bagian(a, lanskap=lanskap)

    # ------------------------------------------------------------------ blocks

    def _blok(self, x, lanskap: bool) -> None:
        # A wide table takes a landscape page of its own, as the PDF's `figure.tabel-laporan.lebar`.
        self._orientasi(lanskap or (isinstance(x, Tabel) and x.lanskap))
        if isinstance(x, Paragraf):
            self.doc.add_paragraph(x.teks)
        elif isinstance(x, Narasi):
            if x.judul:
                self.doc.add_paragraph().add_run(x.judul).bold = True
            parser = _Narasi()
            parser.feed(str(x.html))
            parser.close()
            nomor: dict[int, str] = {}
            for (gaya, teks), ke in zip(parser.hasil, parser.daftar_ke, strict=True):
                p = self._paragraf(teks, gaya)
                if ke is not None:
                    self._pakai_nomor(p, nomor.setdefault(ke, self._nomor_baru()))
        elif isinstance(x, Tabel):
            self._tabel(x, kecil=lanskap or x.kecil)
        elif isinstance(x, Gambar):
            if x.berkas:
                self._gambar(x)
            elif x.svg:
                self._gambar_svg(x)
            p = self._paragraf(gaya="Caption")
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.keep_with_next = False
            if x.nomor:
                awal, akhir = _label_terbelah(_("Gambar %(nomor)s"))
                p.add_run(awal)
                _field(p, f"SEQ {SEQ_GAMBAR} \\* ARABIC", str(x.nomor))
                p.add_run(f"{akhir}. {x.judul}")
                self.keterangan[SEQ_GAMBAR].append((1, f"{x.label}. {x.judul}", x.id))
            else:  # a lampiran figure: unnumbered, not in the Daftar Gambar
                p.add_run(x.judul)
        elif isinstance(x, Daftar):
            if x.judul:
                self.doc.add_paragraph(x.judul)
            num = self._nomor_baru() if x.bernomor else None
            for item in x.item:
                p = self._paragraf(item, "List Number" if x.bernomor else "List Bullet")
                if num is not None:
                    self._pakai_nomor(p, num)
        elif isinstance(x, TandaTangan):
            self._ttd([f"{x.kota}, {x.tanggal}" if x.tanggal else x.kota, x.pejabat.jabatan], x.pejabat)
        elif isinstance(x, DokumenPK):
            self._pk(x, lanskap)
        elif isinstance(x, KeputusanIKU):
            self._keputusan(x, lanskap)
        elif isinstance(x, DaftarPeringatan):
            t = self.doc.add_table(rows=1 + len(x.item), cols=3)
            self._tata_tabel(t, self._kolom_twip([0.07, 0.3, 0.63]), kepala=1)
            sel = t._cells
            isi = [(pgettext("nomor urut", "No"), _("Lokasi"), _("Peringatan"))]
            isi += [(str(i), p.lokasi or "–", p.pesan) for i, p in enumerate(x.item, start=1)]
            for r, baris in enumerate(isi):
                for k, teks in enumerate(baris):
                    sel[r * 3 + k].text = teks
                    self._gaya_sel(sel[r * 3 + k].paragraphs[0], "Isi Tabel", kepala=r == 0)

    def _nomor_baru(self) -> str:
        """A numbering of its own for one numbered list, counting from 1 (the "List Number" style alone continues
        one count through the whole document: 45., 46. in Bab III)."""
        numbering = self.doc.part.numbering_part.element
        gaya = self.doc.styles.element.get_by_id(self.gaya_id["List Number"])
        abstrak = numbering.num_having_numId(gaya.pPr.numPr.numId.val).abstractNumId.val
        num = numbering.add_num(abstrak)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    @staticmethod
    def _pakai_nomor(p: Paragraph, num_id) -> None:
        numPr = p._p.get_or_add_pPr().get_or_add_numPr()
        numPr.get_or_add_ilvl().val = 0
        numPr.get_or_add_numId().val = num_id

    def _paragraf(self, teks: str = "", gaya: str | None = None) -> Paragraph:
        """A paragraph in a style by its id (python-docx's lookup by name scans every style per call)."""
        p = self.doc.add_paragraph(teks)
        if gaya is not None:
            p._p.get_or_add_pPr().style = self.gaya_id[gaya]
        return p

    def _lebar_teks_cm(self) -> Decimal:
        return LEBAR_TEKS_CM[self.lanskap]

    def _kolom_twip(self, fraksi: list[float]) -> list[int]:
        lebar = self._lebar_teks_cm() * TWIP_PER_CM
        return [round(Decimal(str(f)) * lebar) for f in fraksi]

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
        p.paragraph_format.keep_with_next = True
        p.add_run().add_picture(isi, width=Cm(min(float(self._lebar_teks_cm()), lebar_cm)))

    def _gambar_svg(self, x: Gambar) -> None:
        """A generated figure as a print-resolution PNG at its printed width, at most the text width."""
        svg = str(x.svg)
        lebar = raster.lebar_cm(svg) or self._lebar_teks_cm()
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        p.add_run().add_picture(BytesIO(raster.svg_ke_png(svg)), width=Cm(float(min(self._lebar_teks_cm(), lebar))))

    def _ttd(self, atas: list[str], pejabat) -> None:
        for teks in [*atas, "", "", pejabat.nama, _("NIP. %(nip)s") % {"nip": pejabat.nip} if pejabat.nip else ""]:
            p = self.doc.add_paragraph(teks)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.keep_with_next = True

    def _tata_tabel(self, tabel, kolom: list[int], kepala: int) -> None:
        """Fixed layout with the given column widths (twips: the grid and every cell), the PDF's cell padding,
        rows that do not break across pages, header rows repeated on every page."""
        tabel._tbl.tblPr.style = self.gaya_id["Table Grid"]
        tabel.autofit = False  # w:tblLayout fixed
        tbl = tabel._tbl
        tblPr = tbl.tblPr
        _set(tblPr, "w:tblW", type="dxa", w=sum(kolom))
        margin = OxmlElement("w:tblCellMar")
        for sisi, w in (("top", 30), ("left", 60), ("bottom", 30), ("right", 60)):
            _set(margin, f"w:{sisi}", w=w, type="dxa")
        tampilan = tblPr.find(qn("w:tblLook"))
        if tampilan is not None:
            tampilan.addprevious(margin)
        else:
            tblPr.append(margin)
        for gc, w in zip(tbl.tblGrid.gridCol_lst, kolom, strict=True):
            gc.w = Twips(w)
        for r, tr in enumerate(tbl.tr_lst):
            trPr = tr.get_or_add_trPr()
            trPr.append(OxmlElement("w:cantSplit"))
            if r < kepala:
                trPr.append(OxmlElement("w:tblHeader"))  # header rows repeat on every page
            for tc, w in zip(tr.tc_lst, kolom, strict=True):
                tc.width = Twips(w)

    def _gaya_sel(self, paragraf, gaya: str, *, kepala: bool = False, kanan: bool = False, tebal: bool = False):
        pPr = paragraf._p.get_or_add_pPr()
        pPr.style = self.gaya_id[gaya]
        if kepala or kanan:
            pPr.jc_val = WD_ALIGN_PARAGRAPH.CENTER if kepala else WD_ALIGN_PARAGRAPH.RIGHT
        if (kepala or tebal) and paragraf.runs:
            paragraf.runs[0].bold = True

    def _tabel(self, t: Tabel, judul: bool = True, kecil: bool = False) -> None:
        if judul and (t.nomor or t.judul):
            p = self._paragraf(gaya="Caption")
            if t.nomor:
                awal, akhir = _label_terbelah(_("Tabel %(nomor)s"))
                p.add_run(awal)
                _field(p, f"SEQ {SEQ_TABEL} \\* ARABIC", str(t.nomor))
                p.add_run(f"{akhir}. {t.judul}")
                self.keterangan[SEQ_TABEL].append((1, f"{t.label}. {t.judul}", t.id))
            else:
                p.add_run(t.judul)
        n = t.jumlah_kolom
        if not n:
            return
        # Built from the grid once: the PDF's column widths (`lebar_kolom`), the cells of the new (unmerged)
        # table once (python-docx's Table.cell() rebuilds the whole grid on every call). Merging changes only the
        # cells a span covers, never one the grid walk reaches later; a merged cell's width is its columns' sum.
        fraksi = [float(w.rstrip("%")) / 100 for w in lebar_kolom(t)]
        tabel = self.doc.add_table(rows=len(t.kepala) + len(t.baris), cols=n)
        self._tata_tabel(tabel, self._kolom_twip(fraksi), kepala=len(t.kepala))
        sel_tabel = tabel._cells
        gaya = "Isi Tabel Kecil" if t.kecil or kecil else "Isi Tabel"
        lekat = self._baris_lekat(t)
        for p in t.kisi:
            s = p.sel
            sel = sel_tabel[p.baris * n + p.kolom]
            if p.rowspan > 1 or p.colspan > 1:
                sel = sel.merge(sel_tabel[(p.baris + p.rowspan - 1) * n + p.kolom + p.colspan - 1])
            sel.text = str(s.nilai) if p.kepala else s.teks + (s.tanda or "")
            paragraf = sel.paragraphs[0]
            self._gaya_sel(paragraf, gaya, kepala=p.kepala, kanan=s.angka, tebal=s.tebal)
            if s.tingkat and not p.kepala:
                paragraf.paragraph_format.left_indent = Pt(6 * s.tingkat)
            if s.warna_aman and not p.kepala:
                latar = OxmlElement("w:shd")
                latar.set(qn("w:val"), "clear")
                latar.set(qn("w:fill"), s.warna_aman[1:].upper())
                tcpr = sel._tc.get_or_add_tcPr()
                # Schema order: w:shd before these (a later one makes Word report unreadable content).
                sesudah = [tcpr.find(qn(f"w:{t}")) for t in ("noWrap", "tcMar", "textDirection", "tcFitText", "vAlign")]
                sesudah = [x for x in sesudah if x is not None]
                if sesudah:
                    sesudah[0].addprevious(latar)
                else:
                    tcpr.append(latar)
            if p.baris in lekat:
                paragraf._p.get_or_add_pPr().keepNext_val = True
        for c in t.catatan:
            self._paragraf(c, "Catatan Tabel")

    @staticmethod
    def _baris_lekat(t: Tabel) -> set[int]:
        """The grid rows kept with the next row, the PDF's page-break rules (`bagian_baris`, laporan-cetak.css):
        a short table whole; else the header with the first body row, and the tail (a total with the row
        before it) together and with the row above it."""
        kepala, (utama, ekor) = len(t.kepala), bagian_baris(t)
        akhir = kepala + len(t.baris) - 1
        if not ekor:
            return set(range(akhir))
        return set(range(kepala + 1)) | set(range(kepala + len(utama) - 1, akhir))

    def _kop(self, kop: Kop | None) -> None:
        """The letterhead of a legal document (names and address; the logo is the PDF's)."""
        if kop is None:
            return
        for i, teks in enumerate([*(n.upper() for n in kop.nama), kop.alamat]):
            if teks:
                p = self.doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.add_run(teks).bold = i < len(kop.nama)

    def _pk(self, d: DokumenPK, lanskap: bool) -> None:
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
        self._tabel(d.tabel, judul=False, kecil=lanskap)
        if d.kegiatan or d.anggaran is not None:
            self.doc.add_paragraph(_("Kegiatan") + f": {d.kegiatan or '–'}")
            self.doc.add_paragraph(_("Anggaran") + f": {format_rupiah(d.anggaran)}")
        self._ttd([f"{d.kota}, {d.tanggal}" if d.tanggal else d.kota, _("Pihak Kedua") + ","], d.pihak_kedua)
        self._ttd([_("Pihak Pertama") + ","], d.pihak_pertama)

    def _keputusan(self, k: KeputusanIKU, lanskap: bool) -> None:
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
            self._orientasi(lanskap or k.tabel.lanskap)  # the table the decree sets, on its own page when wide
            self._tabel(k.tabel, kecil=lanskap)


def render_docx(laporan: Laporan, peta: dict | None = None) -> bytes:
    """The report as DOCX bytes. `peta`: the page map of the same report's PDF (`laporan.pdf_paralel`), whose
    pages fill the daftar isi and the lists until Word updates them; without it the entries carry no page."""
    return _Penulis(laporan, peta).tulis()


def render_docx_dokumen(sampul: tuple[str, ...], bagian: tuple[Bagian, ...]) -> bytes:
    """A standalone document (e.g. the AKIP evaluation's LHE, `alur.lhe`) in the report's Word look: centred cover
    lines (the first largest), then each section on a new page with its blocks (paragraphs, narrative, lists,
    tables, signatures) written by the report's own writer."""
    p = _Penulis(None)
    for i, teks in enumerate(t for t in sampul if t):
        par = p.doc.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        par.paragraph_format.space_after = Pt(12)
        if i == 0:
            par.paragraph_format.space_before = Cm(5)
        r = par.add_run(teks)
        r.bold, r.font.size = True, Pt(20 if i == 0 else 14)
    for b in bagian:
        p._bagian(b, halaman_baru=True)
    keluaran = BytesIO()
    p.doc.save(keluaran)
    return keluaran.getvalue()
