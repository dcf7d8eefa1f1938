"""Static files: vendored libraries carry their version and licence; templates carry no inline script code
(no on…= handler attributes, no javascript: URLs, no executable inline <script>) so that a Content-Security-Policy
without 'unsafe-inline' for scripts stays possible; htmx is loaded once (base.html)."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from indikator.enums import Peran
from tests.laporan.test_konsistensi import TAHUN, buat_unit
from tests.pabrik import buat_pengguna

BASE = settings.BASE_DIR
VENDOR = BASE / "static" / "vendor"

HANDLER = re.compile(r"\son[a-z]+\s*=|\shx-on[:-]", re.IGNORECASE)
URL_JS = re.compile(r"javascript:", re.IGNORECASE)
SKRIP = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
TIPE_DATA = re.compile(r"""\stype\s*=\s*["']application/(ld\+)?json["']""", re.IGNORECASE)
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def daftar_templat():
    folder = [BASE / "templates"] + [p for p in BASE.glob("*/templates") if p.is_dir()]
    return sorted(f for d in folder for f in d.rglob("*.html"))


def test_ada_templat():
    assert len(daftar_templat()) > 20


@pytest.mark.parametrize("berkas", daftar_templat(), ids=lambda p: str(p.relative_to(BASE)))
def test_templat_tanpa_kode_skrip_inline(berkas):
    teks = berkas.read_text(encoding="utf-8")
    salah = []
    for no, baris in enumerate(teks.splitlines(), 1):
        if HANDLER.search(baris):
            salah.append(f"{no}: handler on…= / hx-on")
        if URL_JS.search(baris):
            salah.append(f"{no}: javascript: URL")
    for m in SKRIP.finditer(teks):
        atribut = m.group(1)
        if "src=" not in atribut and not TIPE_DATA.search(atribut):
            salah.append(f"{teks.count(chr(10), 0, m.start()) + 1}: <script> inline yang dieksekusi")
    assert not salah, salah


def test_pustaka_vendor_punya_versi_dan_lisensi():
    folder = sorted(p for p in VENDOR.iterdir() if p.is_dir())
    assert {p.name for p in folder} >= {"htmx", "chartjs"}
    for d in folder:
        nama = {f.name for f in d.iterdir()}
        assert "VERSION" in nama or re.search(r"\d+\.\d+", d.name), f"{d.name}: tanpa VERSION"
        if "VERSION" in nama:
            assert re.search(r"\d+\.\d+\.\d+", (d / "VERSION").read_text()), f"{d.name}: VERSION tanpa nomor versi"
        assert any(n.startswith("LICENSE") for n in nama), f"{d.name}: tanpa LICENSE"


def test_skrip_situs_ada_di_static():
    assert (BASE / "static" / "js" / "sakip.js").is_file()
    assert (VENDOR / "htmx" / "htmx.min.js").is_file()
    assert not (BASE / "static" / "js" / "htmx.min.js").exists()


@pytest.mark.django_db
def test_htmx_dimuat_sekali_di_halaman_ubah_narasi(client):
    unit = buat_unit("biro", sasaran=1)
    user = buat_pengguna("perencana", Peran.PERENCANA, unit)
    client.force_login(user)
    r = client.get(reverse("kerja:narasi_ubah", args=[unit.slug, TAHUN, "kata_pengantar"]))
    assert r.status_code == 200 and r.context["dapat_mengubah"] is True
    html = r.content.decode()
    assert "hx-post" in html  # the live preview needs htmx
    assert html.count("htmx.min.js") == 1
    assert html.count('<script src="/static/vendor/htmx/htmx.min.js" defer></script>') == 1
    assert html.count('<script src="/static/js/sakip.js" defer></script>') == 1


HALAMAN_UJI = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<form method="get" action="/pilih"><select name="tahun" data-kirim-otomatis>
  <option value="2018" selected>2018</option><option value="2019">2019</option></select></form>
<form method="post" action="/hapus-form" data-konfirmasi="Hapus tujuan ini?"><button id="b1">Hapus</button></form>
<form method="post" action="/hapus-tombol"><button id="b2" data-konfirmasi="Hapus baris ini?">Hapus</button></form>
<form method="post" action="/biasa"><button id="b3">Simpan</button></form>
<script src="/static/js/sakip.js" defer></script></body></html>"""


@pytest.mark.browser
def test_sakip_js_kirim_otomatis_dan_konfirmasi():
    """static/js/sakip.js in real Chromium: data-kirim-otomatis submits on change; data-konfirmasi asks first, on a
    form (submit) and on a button (click), and cancelling sends nothing."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("SAKIP_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} tidak ada, padahal SAKIP_REQUIRE_BROWSER=1")
        pytest.skip(f"{CHROMIUM} tidak ada (pasang: apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    skrip = (BASE / "static" / "js" / "sakip.js").read_text(encoding="utf-8")
    permintaan, dialog = [], []

    def layani(route):
        url = route.request.url
        if url.endswith("/static/js/sakip.js"):
            return route.fulfill(body=skrip, content_type="text/javascript")
        if not url.endswith("/"):
            permintaan.append(f"{route.request.method} {url.removeprefix('http://sakip.test')}")
        return route.fulfill(body=HALAMAN_UJI, content_type="text/html")

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = b.new_page()
        page.route("http://sakip.test/**", layani)
        jawab = {"terima": False}

        def tangani(d):
            dialog.append(d.message)
            d.accept() if jawab["terima"] else d.dismiss()

        page.on("dialog", tangani)

        def buka():
            page.goto("http://sakip.test/")
            page.wait_for_load_state("load")

        buka()
        with page.expect_navigation():
            page.select_option("select[name=tahun]", "2019")
        assert permintaan == ["GET /pilih?tahun=2019"]

        for tombol, alamat, pesan in (
            ("#b1", "/hapus-form", "Hapus tujuan ini?"),
            ("#b2", "/hapus-tombol", "Hapus baris ini?"),
        ):
            permintaan.clear(), dialog.clear()
            jawab["terima"] = False
            buka()
            page.click(tombol)
            page.wait_for_timeout(300)
            assert dialog == [pesan] and permintaan == []  # cancelled: nothing sent
            jawab["terima"] = True
            with page.expect_navigation():
                page.click(tombol)
            assert dialog == [pesan, pesan] and permintaan == [f"POST {alamat}"]

        permintaan.clear(), dialog.clear()
        buka()
        with page.expect_navigation():
            page.click("#b3")
        assert dialog == [] and permintaan == ["POST /biasa"]
        b.close()
