"""End to end in headless Chromium: the planner clicks "Buat Excel" on the report page, sees the file queued,
the page polls (htmx) while the worker renders it, then offers the download of the stored file."""

import os

import pytest
from django.test import override_settings

from indikator.enums import Peran
from laporan import tugas
from laporan.models import BerkasLaporan
from tests.kerja.test_browser import _masuk, browser  # noqa: F401 (fixture)
from tests.pabrik import buat_pengguna
from tests.peramban import tunggu_js

from .conftest import buat_unit_kecil

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_buat_excel_antre_dipantau_lalu_diunduh(live_server, browser, tmp_path):  # noqa: F811
    unit = buat_unit_kecil("unit-peramban", 2)
    buat_pengguna("perencana-peramban", Peran.PERENCANA, unit)
    antrean = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=antrean, SAKIP_PRIVATE_ROOT=tmp_path):
        page = browser.new_page(accept_downloads=True)
        _masuk(page, live_server.url, "perencana-peramban")
        page.goto(f"{live_server.url}/laporan/{unit.slug}/2018/")
        page.click("text=Buat Excel")
        tunggu_js(page, "document.querySelector('#status-xlsx')?.textContent.includes('dalam antrean')")
        berkas = BerkasLaporan.objects.get()
        assert berkas.status == "antri" and berkas.format == "xlsx"
        tugas.jalankan_render(berkas.pk)  # the worker
        tunggu_js(page, "!!document.querySelector('#status-xlsx a[href$=\"/unduh/\"]')", timeout=15000)
        with page.expect_download() as unduhan:
            page.click("#status-xlsx a")
        assert unduhan.value.suggested_filename == "laporan-kinerja-unit-peramban-2018.xlsx"
        assert open(unduhan.value.path(), "rb").read(2) == b"PK"
        page.close()
