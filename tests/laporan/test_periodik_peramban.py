"""End to end in headless Chromium: the planner creates the TW II interim report of a small unit, writes an
indikator's kendala, submits it; the head issues it (frozen and hashed); the page then shows it issued and its
HTML is the frozen one."""

import hashlib
import os

import pytest

from indikator.enums import Peran
from laporan.models import LaporanPeriodik
from tests.kerja.test_browser import _keluar, _masuk, browser  # noqa: F401 (fixture)
from tests.pabrik import buat_pengguna
from tests.peramban import tunggu_js

from .conftest import buat_unit_kecil

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ajukan_dan_terbitkan_laporan_triwulan(live_server, browser):  # noqa: F811
    unit = buat_unit_kecil("unit-periodik", 2)
    buat_pengguna("perencana-periodik", Peran.PERENCANA, unit)
    buat_pengguna("kepala-periodik", Peran.PIMPINAN, unit)
    page = browser.new_page()
    _masuk(page, live_server.url, "perencana-periodik")
    page.goto(f"{live_server.url}/laporan/{unit.slug}/2018/periodik/")
    page.select_option("select[name=periode]", "TW2")
    page.fill("input[name=data_cutoff]", "2018-07-10")
    page.click("section.formulir button[type=submit]")
    tunggu_js(page, "!!document.querySelector('[data-status-periodik]')")
    lp = LaporanPeriodik.objects.get()
    assert (lp.periode, lp.versi, lp.status) == ("TW2", 1, "draf")
    kartu = page.locator("[data-indikator]").first
    kartu.locator("textarea[name$=kendala]").fill("Jadwal rapat mitra bergeser")
    kartu.locator("button[value=isian]").click()
    tunggu_js(page, "document.body.textContent.includes('Laporan periodik disimpan.')")
    page.click("[data-ajukan]")
    tunggu_js(page, "document.querySelector('[data-status-periodik]')?.dataset.statusPeriodik === 'diajukan'")
    _keluar(page)

    _masuk(page, live_server.url, "kepala-periodik")
    page.goto(f"{live_server.url}/laporan/{unit.slug}/periodik/{lp.pk}/")
    page.click("[data-terbitkan]")
    tunggu_js(page, "document.querySelector('[data-status-periodik]')?.dataset.statusPeriodik === 'terbit'")
    lp.refresh_from_db()
    assert lp.sha256 == hashlib.sha256(lp.html_terbit.encode()).hexdigest()
    assert page.locator("[data-sha256]").inner_text() == lp.sha256
    assert "Jadwal rapat mitra bergeser" in lp.html_terbit
    html = page.request.get(f"{live_server.url}/laporan/{unit.slug}/periodik/{lp.pk}/html/").text()
    assert html == lp.html_terbit
    page.close()
