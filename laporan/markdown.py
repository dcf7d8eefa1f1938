"""Markdown → safe HTML for the report narrative (NarasiLaporan.isi, Realisasi narrative fields).

Python-Markdown renders; nh3 then keeps only an allow-list of tags and attributes, so raw HTML in the text,
scripts, event handlers and `javascript:` URLs never reach the page. Lettered lists, written as
`- a. …`, `- b. …` (the way Indonesian reports enumerate), become `<ol type="a">`.

A figure marker `[[gambar:<id>]]` on a line of its own places an uploaded figure (`GambarLaporan`) of the same
section there (`pecah_penanda`; the report builder renders each text part separately, so a marker never reaches
the HTML and only digits are read from it). `penanda_salah` lists the markers that place nothing, for the
consistency check.
"""

from __future__ import annotations

import re
import string
import threading
import xml.etree.ElementTree as etree
from functools import lru_cache

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

TAG_DIIZINKAN = frozenset(
    {
        "p",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "a",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "h3",
        "h4",
        "blockquote",
        "br",
        "code",
        "pre",
        "sup",
        "sub",
    }
)
ATRIBUT_DIIZINKAN = {
    "*": set(),
    "a": {"href", "title"},
    "ol": {"start", "type"},
    "th": {"align"},
    "td": {"align"},
}
SKEMA_URL = frozenset({"http", "https", "mailto"})

# Headings inside a report section sit below the section's own heading: # and ## become h3, ##### and ###### h4.
_TURUNKAN = {"h1": "h3", "h2": "h3", "h5": "h4", "h6": "h4"}
_HURUF = re.compile(r"^\s*([a-z])[.)]\s+")

# A figure marker alone on its line (indentation and trailing blanks allowed), and any marker-like text.
_PENANDA_BARIS = re.compile(r"^[ \t]*\[\[gambar:(\d{1,9})\]\][ \t]*$", re.MULTILINE)
_PENANDA_APA_PUN = re.compile(r"\[\[\s*gambar\s*:[^\]\n]*\]\]", re.IGNORECASE)


def penanda_gambar(gambar_id: int) -> str:
    """The marker a narrative text contains to place uploaded figure `gambar_id` at that line."""
    return f"[[gambar:{gambar_id}]]"


def pecah_penanda(teks: str) -> list[str | int]:
    """A narrative's Markdown split at the figure markers on lines of their own: text parts (stripped, empty ones
    left out) and figure ids, in order. A text without markers is one part."""
    hasil: list[str | int] = []
    awal = 0
    for m in _PENANDA_BARIS.finditer(teks):
        if potong := teks[awal : m.start()].strip():
            hasil.append(potong)
        hasil.append(int(m.group(1)))
        awal = m.end()
    if potong := teks[awal:].strip():
        hasil.append(potong)
    return hasil


def penanda_salah(teks: str, dikenal: frozenset[int] | set[int]) -> list[str]:
    """The figure markers of a narrative that place nothing: not on a line of their own, not a figure of the
    section (`dikenal`), or a figure already placed by an earlier marker."""
    salah: list[str] = []
    dipakai: set[int] = set()
    for x in pecah_penanda(teks):
        if isinstance(x, int):
            if x not in dikenal or x in dipakai:
                salah.append(penanda_gambar(x))
            dipakai.add(x)
        else:
            salah.extend(m.group(0) for m in _PENANDA_APA_PUN.finditer(x))
    return salah


def _teks_awal(li: etree.Element) -> tuple[etree.Element, str] | None:
    """The element holding the first text of a list item (the item itself or its first <p>)."""
    if li.text and li.text.strip():
        return li, li.text
    if len(li) and li[0].tag == "p" and li[0].text:
        return li[0], li[0].text
    return None


class _DaftarHuruf(Treeprocessor):
    """Headings demoted to h3/h4; `<ul>` whose items start with a., b., c., … in order → `<ol type="a">` without the letters."""

    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            if el.tag in _TURUNKAN:
                el.tag = _TURUNKAN[el.tag]
        for ul in root.iter("ul"):
            items = [c for c in ul if c.tag == "li"]
            if not items:
                continue
            awal = [_teks_awal(li) for li in items]
            if any(a is None for a in awal):
                continue
            huruf = [_HURUF.match(teks) for _el, teks in awal]
            if not all(huruf) or [m.group(1) for m in huruf] != list(string.ascii_lowercase[: len(items)]):
                continue
            for (el, teks), m in zip(awal, huruf, strict=True):
                el.text = teks[m.end() :]
            ul.tag = "ol"
            ul.set("type", "a")


class _EkstensiDaftarHuruf(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown API)
        md.treeprocessors.register(_DaftarHuruf(md), "daftar_huruf", 5)


_lokal = threading.local()


def _md() -> markdown.Markdown:
    """One converter per thread, reset before each use (building one loads every extension again)."""
    md = getattr(_lokal, "md", None)
    if md is None:
        md = _lokal.md = markdown.Markdown(
            extensions=["tables", "sane_lists", _EkstensiDaftarHuruf()],
            extension_configs={"tables": {"use_align_attribute": True}},
            output_format="html",
        )
    return md.reset()


def bersihkan_html(html: str) -> str:
    """Sanitise HTML with the narrative allow-list (no scripts, handlers, styles or javascript: URLs)."""
    return nh3.clean(
        html,
        tags=set(TAG_DIIZINKAN),
        attributes={k: set(v) for k, v in ATRIBUT_DIIZINKAN.items()},
        url_schemes=set(SKEMA_URL),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def render_markdown(teks: str | None) -> SafeString:
    """Markdown text → sanitised HTML, safe to put in a template."""
    if not teks or not teks.strip():
        return mark_safe("")
    return mark_safe(_html_bersih(teks))  # noqa: S308 (sanitised by nh3)


@lru_cache(maxsize=4096)
def _html_bersih(teks: str) -> str:
    """The sanitised HTML of a text. A pure function of the text, so repeated renders of the same narrative (the
    report page, its print HTML, the file hash) convert it once per process."""
    return bersihkan_html(_md().convert(teks))
