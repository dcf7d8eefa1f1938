"""End to end in real headless Chromium: a planner enters a quarterly realisasi and sees capaian and kriteria
update (htmx), submits the year; the head approves; the year is then locked and an edit is refused."""

import os
from decimal import Decimal as D
from pathlib import Path

import pytest

from indikator.enums import StatusPeriode
from indikator.models import PeriodeUnit, Realisasi
from tests.pabrik import KATA_SANDI
from tests.peramban import tunggu_js

from .conftest import TAHUN

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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


def _masuk(page, base, username):
    page.goto(f"{base}/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", KATA_SANDI)
    page.click("button[type=submit]")
    # Planners land on the home page, heads on their dashboard.
    page.wait_for_url(lambda url: "/masuk/" not in url)


def _keluar(page):
    page.click("header form button.tautan")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_perencana_mengisi_mengajukan_pimpinan_mengesahkan(data, live_server, browser):
    base = live_server.url
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    ind = data.ind1

    # Planner: quarterly realisasi through htmx; capaian and kriteria appear without a page reload.
    _masuk(page, base, "perencana")
    page.goto(f"{base}/kerja/biro-ks/{TAHUN}/realisasi/")
    baris = page.locator(f"#baris-{ind.pk}")
    assert baris.locator("td.capaian").inner_text().strip() == "20,59 %"
    assert baris.locator("td.kriteria").inner_text().strip() == "Kurang"
    page.evaluate("window.__tanpaMuatUlang = true")
    sel = baris.locator("td[data-tw='2']")
    sel.locator("input[name=nilai]").fill("27")
    sel.locator("button").click()
    tunggu_js(
        page, f"document.querySelector('#baris-{ind.pk} td.capaian').innerText.trim() === '100,00 %'", timeout=10000
    )
    baris = page.locator(f"#baris-{ind.pk}")
    assert baris.locator("td.kriteria").inner_text().strip() == "Baik"
    # The NKO line below the table follows (refreshed on the row's "realisasi-tersimpan" event).
    tunggu_js(page, "document.querySelector('#nko .nilai-nko').innerText.trim() === '100,00 %'", timeout=10000)
    assert baris.locator("td.realisasi-tahunan .nilai").inner_text().strip() == "34"
    assert page.evaluate("window.__tanpaMuatUlang") is True  # swapped in place by htmx
    page.screenshot(path=str(HASIL / "kerja-1-realisasi.png"), full_page=True)
    assert Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=2).nilai == D("27")

    # Ambiguous input: the Indonesian message at the cell, nothing saved.
    sel = page.locator(f"#baris-{ind.pk} td[data-tw='3']")
    sel.locator("input[name=nilai]").fill("1.23.4")
    sel.locator("button").click()
    page.wait_for_selector(f"#baris-{ind.pk} td[data-tw='3'] .galat")
    assert "bukan angka yang sah" in page.locator(f"#baris-{ind.pk} td[data-tw='3'] .galat").inner_text()
    assert not Realisasi.objects.filter(indikator=ind, tahun=TAHUN, triwulan=3).exists()
    page.screenshot(path=str(HASIL / "kerja-2-galat.png"), full_page=True)

    # Submit the year.
    page.goto(f"{base}/kerja/?unit=biro-ks&tahun={TAHUN}")
    page.click("button[data-aksi=ajukan]")
    page.wait_for_selector("#status-periode:has-text('Diajukan')")
    page.screenshot(path=str(HASIL / "kerja-3-diajukan.png"), full_page=True)
    _keluar(page)

    # Head approves.
    _masuk(page, base, "pimpinan")
    page.goto(f"{base}/kerja/?unit=biro-ks&tahun={TAHUN}")
    page.click("button[data-aksi=sahkan]")
    page.wait_for_selector("#status-periode:has-text('Disahkan')")
    page.screenshot(path=str(HASIL / "kerja-4-disahkan.png"), full_page=True)
    assert PeriodeUnit.objects.get(unit=data.unit, tahun=TAHUN).status == StatusPeriode.DISAHKAN
    _keluar(page)

    # The year is locked: the planner sees no inputs and a direct edit is refused.
    _masuk(page, base, "perencana")
    page.goto(f"{base}/kerja/biro-ks/{TAHUN}/realisasi/")
    assert "semua perubahan ditolak" in page.locator(".peringatan-kunci").inner_text()
    assert page.locator(f"#baris-{ind.pk} input[name=nilai]").count() == 0
    page.screenshot(path=str(HASIL / "kerja-5-terkunci.png"), full_page=True)
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    r = page.request.post(
        f"{base}/kerja/biro-ks/{TAHUN}/realisasi/{ind.pk}/tw2/",
        form={"nilai": "1"},
        headers={"X-CSRFToken": token, "HX-Request": "true"},
    )
    assert r.status == 200
    assert "sudah disahkan dan tidak dapat diubah" in r.text()
    assert Realisasi.objects.get(indikator=ind, tahun=TAHUN, triwulan=2).nilai == D("27")

    # The other pages render for the planner (screenshots to check the layout).
    page.goto(f"{base}/kerja/biro-ks/renstra/{data.renstra.pk}/")
    assert page.locator("table.struktur").count() == 1
    page.screenshot(path=str(HASIL / "kerja-6-renstra.png"), full_page=True)
    page.goto(f"{base}/kerja/biro-ks/anggaran/{data.mata.pk}/")
    page.screenshot(path=str(HASIL / "kerja-7-anggaran.png"), full_page=True)
    page.close()
