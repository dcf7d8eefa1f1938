"""Every screen fits: the dashboard, the workspace, the realisasi grid and the report page have no page-level
sideways scroll at 390 px (a phone) and 1366 px (a laptop), on the reference data. The realisasi grid shows
every column at 1366 px; at 390 px each indikator is a card whose value is saved without sideways scrolling. Wide tables scroll inside their
own box, cards stack, charts follow their container. Screenshots go to test-results/."""

import os
from decimal import Decimal
from pathlib import Path

import pytest

from indikator.enums import Peran
from tests.pabrik import KATA_SANDI, buat_pengguna
from tests.peramban import tunggu_js

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
HASIL = Path(__file__).resolve().parents[1] / "test-results"
LEBAR = (390, 1366)
SLUG = "biro-kerja-sama"
HALAMAN = {
    "dasbor": "/dasbor/?unit=biro-kerja-sama&tahun=2018",
    "ruang-kerja": "/kerja/?unit=biro-kerja-sama&tahun=2018",
    "realisasi": "/kerja/biro-kerja-sama/2018/realisasi/",
    "laporan": "/laporan/biro-kerja-sama/2018/",
    # Lists whose tables have no scroll box of their own (they scroll by themselves on a narrow screen).
    "pk": "/kerja/biro-kerja-sama/2018/pk/",
    "anggaran": "/kerja/biro-kerja-sama/2018/anggaran/",
    "renstra": "/kerja/biro-kerja-sama/renstra/",
}


@pytest.fixture
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("SAKIP_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} tidak ada, padahal SAKIP_REQUIRE_BROWSER=1 (pasang: apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} tidak ada; pasang dengan `apt-get install chromium` untuk uji peramban")
    from playwright.sync_api import sync_playwright

    HASIL.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def _semua_kolom_realisasi_terlihat(page):
    """At 1366 px every column of the realisasi grid is within the window, Kriteria and Simpan included."""
    kolom = page.evaluate(
        "Array.from(document.querySelectorAll('table.realisasi thead th')).map(th => {"
        " const r = th.getBoundingClientRect(); return [th.innerText.trim(), r.width > 0 && r.left >= 0"
        " && r.right <= innerWidth]; })"
    )
    assert len(kolom) == 10 and all(terlihat for _nama, terlihat in kolom), kolom


def _klik_dan_tunggu(page, baris, tombol):
    """Click a button of the row and wait until htmx swapped in the server's new row."""
    page.evaluate(f"document.querySelector('{baris}').dataset.lama = '1'")
    page.click(f"{baris} button[data-aksi={tombol}]")
    tunggu_js(page, f"!document.querySelector('{baris}[data-lama]')", timeout=10000)


def _dalam_layar(page, pemilih):
    kotak = page.locator(pemilih).bounding_box()
    lebar, tinggi = page.evaluate("[innerWidth, innerHeight]")
    return kotak["x"] >= 0 and kotak["x"] + kotak["width"] <= lebar and 0 <= kotak["y"] <= tinggi - kotak["height"]


def _simpan_realisasi_di_ponsel(page):
    """At 390 px (a phone): the last indikator's card is reached by scrolling down only; a TW4 value typed while
    the year has a yearly value asks which to keep; "use the quarter" saves it and empties the yearly value."""
    from indikator.models import Indikator, Realisasi

    baris = "#" + page.locator("tr[data-indikator=IKU8]").get_attribute("id")
    page.locator(f"{baris} input[name=tw4-nilai]").fill("72,58")
    simpan = f"{baris} button[data-aksi=simpan-baris]"
    page.locator(simpan).scroll_into_view_if_needed()
    assert _dalam_layar(page, simpan)
    assert page.evaluate("[scrollX, document.scrollingElement.scrollWidth <= innerWidth]") == [0, True]
    _klik_dan_tunggu(page, baris, "simpan-baris")
    assert "Nilai mana yang dipakai?" in page.locator(f"{baris} .pilih-tahunan").inner_text()
    page.locator(f"{baris} button[data-aksi=pakai-triwulan]").scroll_into_view_if_needed()
    assert _dalam_layar(page, f"{baris} button[data-aksi=pakai-triwulan]")
    _klik_dan_tunggu(page, baris, "pakai-triwulan")
    if page.locator(f"{baris} .konfirmasi").count():
        _klik_dan_tunggu(page, baris, "konfirmasi")
    assert page.locator(f"{baris} .status-simpan").count() == 1
    assert page.evaluate("[scrollX, document.scrollingElement.scrollWidth <= innerWidth]") == [0, True]
    nilai = dict(
        Realisasi.objects.filter(
            indikator__kode="IKU8", tahun=2018, **{f"indikator__{Indikator.JALUR_UNIT}__slug": SLUG}
        ).values_list("triwulan", "nilai")
    )
    assert nilai.get(4) == Decimal("72.58") and nilai.get(None) is None, nilai


def test_setiap_layar_muat_tanpa_gulir_samping(live_server, browser, referensi):
    buat_pengguna("perencana", Peran.PERENCANA, referensi)
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(live_server.url + "/masuk/")
    page.fill("input[name=username]", "perencana")
    page.fill("input[name=password]", KATA_SANDI)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/masuk/" not in url)
    lebih = {}
    for lebar in LEBAR:
        page.set_viewport_size({"width": lebar, "height": 900})
        for nama, url in HALAMAN.items():
            page.goto(live_server.url + url)
            page.wait_for_load_state("load")
            if nama == "dasbor":  # the charts are drawn (Chart.js) before measuring
                tunggu_js(page, "document.querySelectorAll('canvas').length === 0 || !!window.Chart", timeout=10000)
                page.wait_for_timeout(300)
            ukuran = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if nama == "realisasi" and lebar == 1366:
                _semua_kolom_realisasi_terlihat(page)
            page.screenshot(path=str(HASIL / f"layar-{nama}-{lebar}.png"), full_page=True)
            if nama == "realisasi" and lebar == 390:
                _simpan_realisasi_di_ponsel(page)
                page.screenshot(path=str(HASIL / f"layar-{nama}-{lebar}-tersimpan.png"), full_page=True)
            if ukuran[0] > ukuran[1]:
                lebih[f"{nama}@{lebar}"] = ukuran
            if nama == "dasbor" and lebar == 390:
                # The indikator table scrolls inside its own box, its first column stays in view.
                kotak = page.evaluate(
                    "(() => { const t = document.querySelector('#tabel-indikator'); const k = t.parentElement;"
                    " return [getComputedStyle(k).overflowX, k.scrollWidth > k.clientWidth,"
                    " getComputedStyle(t.querySelector('tbody td')).position]; })()"
                )
                assert kotak == ["auto", True, "sticky"], kotak
    assert not lebih, f"halaman lebih lebar dari layar (scrollWidth, innerWidth): {lebih}"
