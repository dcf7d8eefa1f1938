"""render_markdown: Markdown to HTML with an allow-list; hostile input is neutralised."""

import pytest
from django.utils.safestring import SafeString

from laporan.markdown import render_markdown


def test_render_markdown_dasar():
    html = render_markdown("Teks **tebal** dan *miring*.\n\n1. satu\n2. dua")
    assert isinstance(html, SafeString)
    assert html == ("<p>Teks <strong>tebal</strong> dan <em>miring</em>.</p>\n<ol>\n<li>satu</li>\n<li>dua</li>\n</ol>")


@pytest.mark.parametrize("kosong", [None, "", "   \n  "])
def test_render_markdown_kosong(kosong):
    assert render_markdown(kosong) == ""


def test_render_markdown_daftar_huruf_menjadi_ol_type_a():
    assert render_markdown("- a. satu\n- b. dua") == '<ol type="a">\n<li>satu</li>\n<li>dua</li>\n</ol>'


def test_render_markdown_daftar_huruf_tidak_berurutan_tetap_ul():
    assert render_markdown("- a. satu\n- c. dua") == "<ul>\n<li>a. satu</li>\n<li>c. dua</li>\n</ul>"


def test_render_markdown_judul_diturunkan():
    assert render_markdown("# Satu\n\n## Dua\n\n#### Empat") == "<h3>Satu</h3>\n<h3>Dua</h3>\n<h4>Empat</h4>"


def test_render_markdown_tabel():
    html = render_markdown("| a | b |\n|:--|--:|\n| 1 | 2 |")
    assert '<th align="left">a</th>' in html
    assert '<td align="right">2</td>' in html
    assert "<table>" in html and "<tbody>" in html


def test_render_markdown_tautan_aman_dipertahankan():
    html = render_markdown("[BPOM](https://www.pom.go.id)")
    assert html == '<p><a href="https://www.pom.go.id" rel="noopener noreferrer nofollow">BPOM</a></p>'


@pytest.mark.parametrize(
    "jahat",
    [
        "<script>alert('x')</script>",
        "<SCRIPT SRC=//evil/x.js></SCRIPT>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">klik</a>',
        "[klik](javascript:alert(1))",
        "[klik](JaVaScRiPt:alert(1))",
        "[klik](  javascript:alert(1))",
        "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        '<p onclick="alert(1)">teks</p>',
        '<svg onload="alert(1)"><circle/></svg>',
        '<iframe src="https://evil"></iframe>',
        '<div style="background:url(javascript:alert(1))">x</div>',
        "<style>body{display:none}</style>",
        "<form action=//evil><input name=q></form>",
        '<a href="vbscript:msgbox(1)">x</a>',
        "<!-- <script>alert(1)</script> -->",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "![gambar](https://evil/x.png)",
        '<object data="x.swf"></object><embed src="x.swf">',
    ],
)
def test_render_markdown_masukan_berbahaya_dinetralkan(jahat):
    html = str(render_markdown(f"Awal\n\n{jahat}\n\nAkhir")).lower()
    for terlarang in (
        "<script",
        "javascript:",
        "vbscript:",
        "data:text",
        "onerror",
        "onclick",
        "onload",
        "<iframe",
        "<svg",
        "<style",
        "<form",
        "<input",
        "<img",
        "<object",
        "<embed",
        "<math",
        "style=",
        "<!--",
    ):
        assert terlarang not in html, (jahat, html)
    assert "awal" in html and "akhir" in html


def test_render_markdown_atribut_tak_dikenal_dibuang():
    html = render_markdown('<p class="x" id="y" title="z">teks</p>')
    assert html == "<p>teks</p>"


def test_render_markdown_teks_html_di_dalam_kode_di_escape():
    html = render_markdown("`<script>alert(1)</script>`")
    assert html == "<p><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></p>"
