"""The tree's drawing and matrices in real headless Chromium at 390 px and 1366 px: the page itself never scrolls
sideways, the drawing and the tables scroll inside their own box."""

import pytest
from django.urls import reverse

from tests.dunia import TAHUN
from tests.pohon.data import buat_pohon

from .test_browser import HASIL, _masuk, browser  # noqa: F401  (the fixture)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_gambar_dan_matriks_dapat_digulir_di_layar_sempit(data, live_server, browser):  # noqa: F811
    buat_pohon(data, n_sk=3, n_es3=2, n_es4=1)
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    _masuk(page, live_server.url, "perencana")
    for lebar in (1366, 390):
        page.set_viewport_size({"width": lebar, "height": 900})
        for nama, kotak in (("kerja:pohon_gambar", ".gambar-pohon"), ("kerja:pohon_matriks", ".gulir-tabel")):
            page.goto(live_server.url + reverse(nama, args=["biro-ks", TAHUN]))
            ukuran = page.evaluate(
                f"""() => {{
                const k = document.querySelector('{kotak}');
                return {{halaman: document.documentElement.scrollWidth, layar: window.innerWidth,
                         isi: k.scrollWidth, kotak: k.clientWidth}};
            }}"""
            )
            assert ukuran["halaman"] <= ukuran["layar"] + 1, (nama, lebar, ukuran)  # no sideways page scroll
            if lebar == 390 or nama == "kerja:pohon_gambar":
                assert ukuran["isi"] > ukuran["kotak"], (nama, lebar, ukuran)  # the box scrolls instead
            page.screenshot(path=str(HASIL / f"pohon-{nama.split('_')[-1]}-{lebar}.png"))
        page.goto(live_server.url + reverse("kerja:pohon_gambar", args=["biro-ks", TAHUN]))
        assert page.locator("svg.pohon-kinerja g.simpul").count() == 1 + 3 + 6 + 6
