"""The report's generated SVG figures (`laporan.bagan`, `laporan.grafik`) as PNG for the DOCX export.

resvg (the `resvg-py` wheel, no system library) draws the SVG at print resolution with only the embedded print
fonts of `static/fonts/` (the ones the PDF's `@font-face` rules load), never the machine's fonts, so the image's
text looks like the PDF's on every machine.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

import resvg_py
from django.contrib.staticfiles import finders

DPI = 200
CSS_DPI = 96  # an SVG width in user units is CSS pixels, 96 to the inch (as WeasyPrint reads it)
FONT_CETAK = "DejaVu Sans"
_LEBAR = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)"')


@cache
def _folder_font() -> str:
    jalur = finders.find("fonts/DejaVuSans.ttf")
    if not jalur:
        raise FileNotFoundError("static/fonts/DejaVuSans.ttf")
    return str(jalur).rsplit("/", 1)[0]


def lebar_cm(svg: str) -> Decimal | None:
    """The SVG's printed width in centimetres (its `width` in CSS pixels), None when it has none."""
    m = _LEBAR.search(svg)
    if not m:
        return None
    return Decimal(m.group(1)) / CSS_DPI * Decimal("2.54")


def svg_ke_png(svg: str, *, dpi: int = DPI) -> bytes:
    """PNG bytes of an SVG at `dpi` on a white background, text in the embedded print fonts."""
    return bytes(
        resvg_py.svg_to_bytes(
            svg_string=svg,
            skip_system_fonts=True,
            font_dirs=[_folder_font()],
            font_family=FONT_CETAK,
            sans_serif_family=FONT_CETAK,
            zoom=dpi / CSS_DPI,
            background="#ffffff",
        )
    )
