"""End to end in real headless Chromium, as a new office would do it, with no Django admin and no typed URL: the
administrator creates a unit, its head and its planner; the planner signs in with the temporary password, is led
from the home page to the guided start, starts a Renstra without BSC perspectives, downloads the plan workbook,
fills it (here with openpyxl), uploads it by clicking, applies the preview, and the dashboard shows the NKO."""

import datetime
import io

import openpyxl
import pytest

from demo.referensi import pastikan_preset
from indikator.enums import Peran
from indikator.models import Keanggotaan, KepalaUnit, Renstra, UnitKerja
from tests.impor.util import simpan, tambah_baris
from tests.pabrik import KATA_SANDI

from .test_browser import HASIL, browser  # noqa: F401 - the browser fixture


def _masuk(page, base, username, sandi):
    page.goto(f"{base}/")
    page.wait_for_url(lambda url: "/masuk/" in url)
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", sandi)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/masuk/" not in url)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_admin_membuat_unit_dan_perencana_lalu_perencana_memulai(data, live_server, browser):  # noqa: F811
    pastikan_preset()
    tahun = datetime.date.today().year  # the planner's working year; the Renstra starts there
    base = live_server.url
    page = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    try:
        # Administrator: the menu leads to the administration pages.
        _masuk(page, base, "admin", KATA_SANDI)
        page.click("nav.menu >> text=Administrasi")
        page.click("text=Tambah unit")
        page.fill("input[name=nama]", "Balai Uji")  # no code typed: "balai-uji" is made from the name
        page.select_option("select[name=induk]", label="Sekretariat Utama")
        page.click("button:has-text('Simpan')")
        page.wait_for_url(lambda url: url.endswith("/administrasi/unit/balai-uji/"))
        page.fill("input[name=kepala-nama]", "Dewi")
        page.fill("input[name=kepala-nip]", "198001012005012001")
        page.fill("input[name=kepala-jabatan]", "Kepala Balai Uji")
        page.fill("input[name=kepala-mulai]", "2025-01-01")
        page.click("button:has-text('Simpan kepala')")
        page.wait_for_selector("text=Kepala unit disimpan.")
        page.click("nav.subnav >> text=Pengguna")
        page.click("#tambah-pengguna")
        page.fill("input[name=username]", "rina")
        page.fill("input[name=nama_depan]", "Rina")
        page.select_option("select[name=unit]", label="Balai Uji")
        page.select_option("select[name=peran]", value=Peran.PERENCANA)
        page.click("button:has-text('Simpan')")
        sandi = page.locator("#sandi-sementara").inner_text().strip()
        assert len(sandi) == 14
        page.click("header form button.tautan")

        unit = UnitKerja.objects.get(slug="balai-uji")
        assert unit.induk == data.induk
        assert KepalaUnit.objects.get(unit=unit).nip == "198001012005012001"
        assert Keanggotaan.objects.filter(pengguna__username="rina", unit=unit, peran=Peran.PERENCANA).exists()

        # Planner: the home page says what to do first; the guided start creates the scheme and the Renstra.
        _masuk(page, base, "rina", sandi)
        # The temporary password is changed at the first login, then home.
        page.wait_for_url(lambda url: "/sandi/" in url)
        page.fill("input[name=old_password]", sandi)
        page.fill("input[name=new_password1]", "Balai-uji-sandi-2025!")
        page.fill("input[name=new_password2]", "Balai-uji-sandi-2025!")
        page.click("form button.utama")
        page.wait_for_url(lambda url: "/sandi/selesai/" in url)
        page.goto(f"{base}/")
        page.click(".beranda-unit .mulai a")
        page.check("input[name=pilihan][value=tanpa_perspektif]")
        page.fill("input[name=nama]", "Renstra Balai Uji 2025-2029")
        page.fill("input[name=tahun_mulai]", str(tahun))
        page.fill("input[name=tahun_selesai]", str(tahun + 4))
        page.fill("textarea[name=visi]", "Balai pengujian yang andal")
        page.click("#form-mulai button[type=submit]")
        page.wait_for_selector("#langkah-2")
        renstra = Renstra.objects.get(unit=unit)
        assert (renstra.tahun_mulai, renstra.skema.pakai_perspektif) == (tahun, False)

        with page.expect_download() as unduhan:
            page.click("#unduh-buku-kerja")
        wb = openpyxl.load_workbook(io.BytesIO(open(unduhan.value.path(), "rb").read()))

        # The planner fills the plan and the year's results in the workbook: 2 sasaran without perspective.
        tambah_baris(wb["Tujuan"], Kode_tujuan="T1", Uraian="Pengujian yang andal", Urutan=1)
        tambah_baris(
            wb["Sasaran"],
            Kode_sasaran="S1",
            Nama_sasaran="Uji tepat waktu",
            Level="Sasaran Program",
            Kode_tujuan="T1",
            Urutan=1,
        )
        tambah_baris(
            wb["Sasaran"],
            Kode_sasaran="S2",
            Nama_sasaran="Pelanggan puas",
            Level="Sasaran Program",
            Kode_tujuan="T1",
            Urutan=2,
        )
        for sasaran, kode, nama in (("S1", "I1", "Persentase uji tepat waktu"), ("S2", "I2", "Indeks kepuasan")):
            tambah_baris(
                wb["Indikator & Target"],
                Kode_sasaran=sasaran,
                Kode_indikator=kode,
                Nama_indikator=nama,
                Satuan="%",
                Polaritas="Positif (makin tinggi makin baik)",
                Agregasi="Nilai terakhir",
                IKU="Ya",
                **{f"Target {tahun}": 80 if kode == "I1" else 100},
            )
        tambah_baris(wb["Realisasi"], Kode_indikator="I1", Triwulan="Tahunan", Nilai=72)
        tambah_baris(wb["Realisasi"], Kode_indikator="I2", Triwulan="Tahunan", Nilai=105)
        berkas = HASIL / "buku-kerja-balai-uji.xlsx"
        berkas.write_bytes(simpan(wb))

        page.click("text=unggah dan pratinjau")
        page.set_input_files("input[type=file]", str(berkas))
        page.click("button:has-text('Unggah dan tampilkan pratinjau')")
        assert page.locator("h1").inner_text().endswith(f"Balai Uji {tahun}")  # a year, no thousand separator
        assert "akan dibuat: 1 tujuan, 2 sasaran, 2 indikator" in page.content().lower()
        page.click("button[name=terapkan]")
        page.wait_for_selector("ul.pesan li.success", timeout=10000)

        # The dashboard: NKO = mean of the sasaran NPS (no perspectives): (90 + 105) / 2 = 97,50.
        page.click("nav.menu >> text=Dasbor")
        assert page.locator("[data-angka=nko] strong").inner_text().strip() == "97,50"
        assert "Perspective" not in page.content()
    except Exception:
        page.screenshot(path=str(HASIL / "browser-mulai.png"), full_page=True)
        raise
    finally:
        page.close()
