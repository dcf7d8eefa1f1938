"""Real headless Chromium (Debian package) through Playwright against live_server: a head logs in through the
login form, sees the dashboard with its charts drawn, drills down to an indikator."""

import os
from pathlib import Path

import pytest

from indikator.models import Indikator
from tests.pabrik import KATA_SANDI
from tests.peramban import tunggu_js

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HASIL = Path(__file__).resolve().parents[2] / "test-results"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("SAKIP_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} tidak ada, padahal SAKIP_REQUIRE_BROWSER=1")
        pytest.skip(f"{CHROMIUM} tidak ada (pasang: apt-get install -y chromium)")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _grafik(page) -> list[dict]:
    return page.evaluate(
        """() => (window.grafikSakip || []).map(c => ({
            id: c.canvas.id, w: c.canvas.width, h: c.canvas.height, n: c.data.datasets.length}))"""
    )


def test_kepala_masuk_melihat_grafik_dan_menelusuri_indikator(live_server, browser, kepala):
    HASIL.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    galat = []
    page.on("pageerror", lambda e: galat.append(str(e)))
    page.goto(live_server.url + "/masuk/")
    page.fill("input[name=username]", "kepala")
    page.fill("input[name=password]", KATA_SANDI)
    page.click("button[type=submit]")
    page.wait_for_url("**/dasbor/**")
    # The reference has no Rencana Aksi: six charts, the progress one says so.
    tunggu_js(page, "window.grafikSakip && window.grafikSakip.length >= 6")
    assert "98,87" in page.inner_text("[data-angka=nko]")
    grafik = _grafik(page)
    assert {g["id"] for g in grafik} >= {
        "grafik-perspektif",
        "grafik-indikator",
        "grafik-serapan",
        "grafik-program",
        "grafik-efisiensi",
        "grafik-akip",
    }
    assert all(g["w"] > 0 and g["h"] > 0 for g in grafik)
    kotak = page.locator("#grafik-perspektif").bounding_box()
    assert kotak["width"] > 100 and kotak["height"] > 100
    page.screenshot(path=str(HASIL / "dasbor.png"), full_page=True)

    # Drill down: perspective card → filtered table → indikator detail.
    page.click("[data-angka=learning_growth]")
    page.wait_for_url("**perspektif=learning_growth**")
    assert page.locator("#tabel-indikator tbody tr").count() == 1
    ind = Indikator.objects.get(kode="IKU8")
    page.click(f"#tabel-indikator a[href^='/dasbor/indikator/{ind.pk}/']")
    page.wait_for_url(f"**/dasbor/indikator/{ind.pk}/**")
    tunggu_js(page, "window.grafikSakip && window.grafikSakip.length >= 1")
    assert "93,05 %" in page.inner_text("[data-angka=capaian]")
    assert all(g["w"] > 0 and g["h"] > 0 for g in _grafik(page))
    page.screenshot(path=str(HASIL / "indikator.png"), full_page=True)
    assert galat == []


def test_rollup_di_peramban(live_server, browser, skala):
    hasil, kepala = skala(unit=6, indikator=6)
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(live_server.url + "/masuk/")
    page.fill("input[name=username]", kepala.username)
    page.fill("input[name=password]", KATA_SANDI)
    page.click("button[type=submit]")
    page.wait_for_url("**/dasbor/**")
    # The parent has no Renstra of its own: its dashboard points to the roll-up.
    page.click("a[href*='/dasbor/unit-bawahan/']")
    page.wait_for_url("**/dasbor/unit-bawahan/**")
    tunggu_js(page, "window.grafikSakip && window.grafikSakip.length == 1")
    page.click("#tabel-rollup th a:text('NKO')")
    page.wait_for_url("**urut=nko**")
    tunggu_js(page, "window.grafikSakip && window.grafikSakip.length == 1")
    assert page.locator("#tabel-rollup tbody tr").count() == 6
    page.screenshot(path=str(HASIL / "rollup.png"), full_page=True)
    page.click(f"#tabel-rollup a[href*='unit={hasil.units[0].slug}']")
    page.wait_for_url(f"**unit={hasil.units[0].slug}**")
    tunggu_js(page, "window.grafikSakip && window.grafikSakip.length >= 7")
    assert "grafik-progres" in {g["id"] for g in _grafik(page)}
    page.screenshot(path=str(HASIL / "dasbor-anak.png"), full_page=True)
