"""The report PDF rendered in parts, side by side, and merged (pypdf).

The print HTML is cut where `_dokumen.html` marks it (`<!--potong-cetak-->`): the cover and front matter, each
chapter, the lampiran. Every cut is at a forced page break (each `section.tingkat-1` starts a page) and each part
keeps the whole `<head>` and the running header, so a part lays out exactly as the same pages of the whole
document; only two things cross a cut:

- the page number: a part after the first starts at its page (`@page :first { counter-reset: page N }`); the
  front matter (the first part) is numbered i, ii, … and BAB I starts at 1 (laporan-cetak.css), so a later
  part's N is its first page less the front matter's pages;
- the daftar isi, tabel, gambar and lampiran of the front matter, whose `target-counter` cannot reach the other
  parts: there each entry prints the page of a page map (anchor id -> page; `data-halaman`, laporan-cetak.css)
  and links to `sakip-jangkar:ID`, which the merge turns back into the internal link (`/Dest ID`).

The page map comes from the previous render of the same report (`render`'s caller keeps it). Page counts of a
part do not depend on where it starts, so after one round of parts the true starts and anchor pages are known;
a part rendered with a wrong start or wrong daftar numbers is rendered again (the output is always that of the
single render). Without a map the whole document is rendered at once and its map returned for the next time.

Parts run in a process pool (fork: the children inherit the loaded code and settings and never touch the
database: uploaded figures are inlined as data: URIs first). The pool's processes die with the process that made
them and cap their memory (`laporan.batas`); within a report file task every render, the single one too, runs in
the pool and is waited for within the task's time budget (killed at the deadline) while its heartbeat beats. `SAKIP_PDF_PARALEL = False` or one processor:
the single render. A part already rendered with the same input (same HTML, start page and daftar numbers) is
taken from the cache (`SAKIP_PDF_CACHE_BAGIAN_DETIK`), so after a one-chapter edit only what changed is rendered.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject
from weasyprint import HTML
from weasyprint import __version__ as versi_weasyprint

from . import batas
from .pdf_ringkas import satukan_huruf, tulis_ringkas
from .pengambil import _SRC, BASE_URL, PengambilLokal, _gambar_unggahan, data_uri

PENANDA = "<!--potong-cetak-->"
SKEMA_JANGKAR = "sakip-jangkar:"
_ARTIKEL = '<article class="laporan-kinerja">'
_ID = re.compile(r'\bid="([^"]+)"')
_TAUTAN = re.compile(r'<a href="#([^"]+)">')
_CSS = re.compile(r'<link rel="stylesheet" href="[^"]*?/static/([^"]+)">')
PUTARAN_MAKS = 4

Peta = dict  # {"halaman": {part key: page count}, "jangkar": {anchor id: page (1-based)}}


@dataclass(frozen=True)
class Potongan:
    kunci: str  # the id of the part's first section
    isi: str  # its HTML, between <article> and </article>


@dataclass(frozen=True)
class Hasil:
    pdf: bytes
    halaman: int
    jangkar: dict[str, int]  # anchor id -> page index inside the part (0-based)


def pecah(html: str) -> tuple[str, list[Potongan], str]:
    """(the document up to and with `<article>`, the parts, `</article>` to the end). One part when the HTML has
    no cut."""
    i, j = html.find(_ARTIKEL), html.rfind("</article>")
    if i < 0 or j < i:
        return "", [Potongan("dokumen", html)], ""
    i += len(_ARTIKEL)
    potongan = [p for p in html[i:j].split(PENANDA) if p.strip()]
    bagian = []
    for p in potongan:
        m = _ID.search(p)
        bagian.append(Potongan(m.group(1) if m else f"bagian-{len(bagian)}", p))
    return html[:i], bagian, html[j:]


def romawi_kecil(n: int) -> str:
    """i, ii, iii, iv, … (CSS `lower-roman`)."""
    hasil = ""
    for nilai, huruf in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l")):
        hasil += huruf * (n // nilai)
        n %= nilai
    for nilai, huruf in ((40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        hasil += huruf * (n // nilai)
        n %= nilai
    return hasil


def label_halaman(halaman: int, depan: int) -> str:
    """The printed number of a page (1-based in the PDF) when the first `depan` pages are the front matter."""
    return romawi_kecil(halaman) if halaman <= depan else str(halaman - depan)


def _dokumen(awal: str, b: Potongan, akhir: str, mulai: int, nomor: dict[str, int] | None, depan: int = 0) -> str:
    """The HTML of one part: its first page numbered `mulai`; with `nomor` (PDF pages), the daftar links print
    those pages as numbered (the first `depan` pages in roman numerals)."""
    isi = b.isi
    if nomor is not None:
        isi = _TAUTAN.sub(
            lambda m: (
                f'<a href="{SKEMA_JANGKAR}{m.group(1)}" data-halaman="{label_halaman(nomor[m.group(1)], depan)}">'
            ),
            isi,
        )
    if mulai != 1:
        awal = awal.replace("</head>", f"<style>@page :first {{ counter-reset: page {mulai} }}</style></head>", 1)
    return awal + isi + akhir


def render_dokumen(html: str) -> Hasil:
    """One WeasyPrint render (in a pool process or here) with the anchors of each page."""
    doc = HTML(string=html, base_url=BASE_URL, url_fetcher=PengambilLokal()).render()
    jangkar: dict[str, int] = {}
    for i, hal in enumerate(doc.pages):
        for nama in hal.anchors:  # a box split over pages has its id on each piece: the first page counts
            jangkar.setdefault(nama, i)
    return Hasil(doc.write_pdf(), len(doc.pages), jangkar)


def peta_dari(hasil: Hasil, bagian: list[Potongan]) -> Peta:
    """The page map of a whole-document render: anchor pages and each part's page count."""
    jangkar = {k: i + 1 for k, i in hasil.jangkar.items()}
    mulai = [jangkar.get(b.kunci) for b in bagian]
    if any(m is None for m in mulai):
        return {"halaman": {}, "jangkar": jangkar}
    batas = [*mulai, hasil.halaman + 1]
    return {"halaman": {b.kunci: batas[i + 1] - batas[i] for i, b in enumerate(bagian)}, "jangkar": jangkar}


# ---------------------------------------------------------------------- the pool


_kolam: ProcessPoolExecutor | None = None


def jumlah_proses() -> int:
    """Processes of the pool: SAKIP_PDF_PROSES, else the processors this process may use."""
    return settings.SAKIP_PDF_PROSES or len(os.sched_getaffinity(0))


def paralel_aktif() -> bool:
    return (
        bool(settings.SAKIP_PDF_PARALEL) and jumlah_proses() > 1 and "fork" in multiprocessing.get_all_start_methods()
    )


def _ambil_kolam() -> ProcessPoolExecutor:
    """The pool, made on first use. Its processes die with the process that made them (a killed worker leaves no
    orphan) and cap their memory (`laporan.batas.siapkan_proses`, SAKIP_LAPORAN_MEMORI_MB)."""
    global _kolam
    if _kolam is None:
        _kolam = ProcessPoolExecutor(
            max_workers=jumlah_proses(),
            mp_context=multiprocessing.get_context("fork"),
            initializer=batas.siapkan_proses,
            initargs=(os.getpid(), settings.SAKIP_LAPORAN_MEMORI_MB),
        )
    return _kolam


def tutup_kolam() -> None:
    global _kolam
    if _kolam is not None:
        _kolam.shutdown(wait=True, cancel_futures=True)
        _kolam = None


def matikan_kolam() -> None:
    """Kill the pool's processes (a render over its time budget) and drop the pool; the next render makes one."""
    global _kolam
    if _kolam is not None:
        for p in list((getattr(_kolam, "_processes", None) or {}).values()):
            p.kill()
        _kolam.shutdown(wait=True, cancel_futures=True)
        _kolam = None


def _render_terbatas(html: str) -> Hasil:
    """One render within the task's budget: in a pool process (capped memory, killed at the deadline). Without
    a budget (a command, a test) or without fork: here."""
    a = batas.kini()
    if a is None or "fork" not in multiprocessing.get_all_start_methods():
        return render_dokumen(html)
    try:
        return _di_kolam(html, a)
    except BrokenProcessPool:
        tutup_kolam()  # the pool was gone before this render (e.g. the thread that made it ended): once more
    try:
        return _di_kolam(html, a)
    except BrokenProcessPool as e:  # a process died in this render (out of memory, killed)
        tutup_kolam()
        raise batas.MelewatiBatas(batas.pesan_memori(a.memori_mb)) from e


def _di_kolam(html: str, a: batas.Anggaran) -> Hasil:
    f = _ambil_kolam().submit(render_dokumen, html)
    try:
        batas.tunggu([f], matikan_kolam)
    except MemoryError as e:  # out of its address space
        raise batas.MelewatiBatas(batas.pesan_memori(a.memori_mb)) from e
    return f.result()


@lru_cache(maxsize=8)
def _versi_css(alamat: tuple[str, ...]) -> str:
    """Hash of the linked stylesheets (part of a cached part's key: a new stylesheet renders again)."""
    h = hashlib.sha256(versi_weasyprint.encode())
    for a in alamat:
        jalur = finders.find(a)
        if jalur:
            with open(jalur, "rb") as f:
                h.update(f.read())
    return h.hexdigest()


def _kunci_cache(dokumen: str) -> str:
    css = _versi_css(tuple(_CSS.findall(dokumen)))
    return "laporan-pdf-bagian:" + hashlib.sha256((css + dokumen).encode("utf-8")).hexdigest()


def _render_semua(dokumen: dict[str, str], bobot: dict[str, int]) -> dict[str, Hasil]:
    """Renders the documents side by side, the longest first (`bobot`: pages by the map), each at most once per
    content (cache)."""
    detik = settings.SAKIP_PDF_CACHE_BAGIAN_DETIK
    kunci = {k: _kunci_cache(d) for k, d in dokumen.items()} if detik else {}
    hasil: dict[str, Hasil] = {}
    if kunci:
        tersimpan = cache.get_many(list(kunci.values()))
        hasil = {k: tersimpan[c] for k, c in kunci.items() if c in tersimpan}
    sisa = sorted((k for k in dokumen if k not in hasil), key=lambda k: -bobot.get(k, 1))
    if len(sisa) == 1:
        hasil[sisa[0]] = _render_terbatas(dokumen[sisa[0]])
    elif sisa:
        kolam = _ambil_kolam()
        tugas = {k: kolam.submit(render_dokumen, dokumen[k]) for k in sisa}
        batas.tunggu(tugas.values(), matikan_kolam)
        for k, t in tugas.items():
            hasil[k] = t.result()
    if kunci and sisa:
        cache.set_many({kunci[k]: hasil[k] for k in sisa}, detik)
    return hasil


# ---------------------------------------------------------------------- render and merge


def _sisip_gambar_unggahan(html: str) -> str:
    """Uploaded figures as data: URIs, so that the pool processes never read the database."""

    def ganti(m: re.Match) -> str:
        gambar = _gambar_unggahan(m.group(2)) if m.group(2).startswith("/") else None
        if gambar is None:
            return m.group(0)
        return m.group(1) + data_uri(*gambar) + m.group(3)

    return _SRC.sub(ganti, html)


def render(html: str, peta: Peta | None = None) -> tuple[bytes, Peta]:
    """The print HTML as PDF bytes and its page map. In parts side by side when a map of an earlier render is
    given and the pool is on; otherwise (or when the parts do not settle) the single render."""
    _, bagian, _ = pecah(html)
    if batas.kini() is not None:
        html = _sisip_gambar_unggahan(html)  # every render of a task runs in a pool process
    if peta and paralel_aktif() and len(bagian) > 1:
        try:
            hasil = _render_bagian(_sisip_gambar_unggahan(html), peta)
        except BrokenProcessPool:
            tutup_kolam()
            hasil = None
        if hasil is not None:
            return hasil
    tunggal = _render_terbatas(html)
    return tunggal.pdf, peta_dari(tunggal, bagian)


def _render_bagian(html: str, peta: Peta) -> tuple[bytes, Peta] | None:
    awal, bagian, akhir = pecah(html)
    depan = bagian[0]
    daftar = set(_TAUTAN.findall(depan.isi))
    halaman = {b.kunci: peta.get("halaman", {}).get(b.kunci, 1) for b in bagian}
    nomor = {k: peta.get("jangkar", {}).get(k, 1) for k in daftar}
    dipakai: dict[str, tuple[int, dict | None]] = {}  # part -> (start page, daftar numbers) it was rendered with
    hasil: dict[str, Hasil] = {}
    jangkar: dict[str, int] = {}
    for _ in range(PUTARAN_MAKS):
        mulai, m = {}, 1
        for b in bagian:
            mulai[b.kunci] = m
            m += halaman[b.kunci]
        perlu = {}
        n_depan = halaman[depan.kunci]
        for b in bagian:
            # The printed start: the front matter from 1 (roman), the chapters from 1 after it.
            masukan = (1, nomor, n_depan) if b is depan else (mulai[b.kunci] - n_depan, None, 0)
            if dipakai.get(b.kunci) != masukan:
                perlu[b.kunci] = _dokumen(awal, b, akhir, *masukan)
                dipakai[b.kunci] = masukan
        if not perlu:
            batas.lapor("gabung")
            return _gabung([hasil[b.kunci] for b in bagian], depan_halaman=hasil[depan.kunci].halaman), {
                "halaman": halaman,
                "jangkar": jangkar,
            }
        hasil.update(_render_semua(perlu, halaman))
        halaman = {b.kunci: hasil[b.kunci].halaman for b in bagian}
        # The true pages of every anchor from the counts just rendered; the daftar prints them next round.
        jangkar, m = {}, 1
        for b in bagian:
            jangkar.update({k: m + i for k, i in hasil[b.kunci].jangkar.items()})
            m += halaman[b.kunci]
        if not daftar <= jangkar.keys():
            return None  # a daftar entry without its heading: the single render prints what it prints
        nomor = {k: jangkar[k] for k in daftar}
    return None


def _gabung(bagian: list[Hasil], depan_halaman: int) -> bytes:
    """The parts' PDFs as one: pages, outlines and named destinations (pypdf), the front matter's metadata, and
    the daftar links (`sakip-jangkar:ID`) as the internal links the single render has (`/Dest ID`); each font's
    subsets as one program and the small objects compressed (`laporan.pdf_ringkas`), so the file is about the
    size of the single render's."""
    penulis = PdfWriter()
    pertama = PdfReader(BytesIO(bagian[0].pdf))
    for h in bagian:
        penulis.append(PdfReader(BytesIO(h.pdf)))
    for halaman in penulis.pages[:depan_halaman]:
        for a in halaman.get("/Annots") or []:
            a = a.get_object()
            uri = a.get("/A", {}).get("/URI", "")
            if isinstance(uri, str) and uri.startswith(SKEMA_JANGKAR):
                del a[NameObject("/A")]
                a[NameObject("/Dest")] = TextStringObject(uri[len(SKEMA_JANGKAR) :])
    if pertama.metadata:
        penulis.add_metadata(dict(pertama.metadata))
    if "/Lang" in pertama.trailer["/Root"]:
        penulis._root_object[NameObject("/Lang")] = pertama.trailer["/Root"]["/Lang"]
    satukan_huruf(penulis)
    penulis.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    return tulis_ringkas(penulis)
