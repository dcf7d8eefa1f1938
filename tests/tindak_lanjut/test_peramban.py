"""End to end in headless Chromium, clicking only: the APIP records an LHE and issues a recommendation; the
unit's planner proposes an action plan and reports a follow-up with the year's IKU decree as evidence; the APIP
approves the plan and verifies the follow-up (Sesuai). Then the APIP reviews the submitted LKj and the report
carries the "Pernyataan Telah Direviu" signed by the reviewer."""

import os

import pytest

from indikator.enums import StatusPeriode
from indikator.models import PeriodeUnit
from laporan.bundel import ambil_bundel
from tests.kerja.test_browser import _keluar, _masuk, browser  # noqa: F401 - the browser fixture
from tindak_lanjut.enums import StatusRekomendasi, StatusRencana, StatusReviu
from tindak_lanjut.models import Rekomendasi, ReviuLaporan

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rekomendasi_sampai_sesuai_lalu_reviu(dunia, live_server, browser):  # noqa: F811
    base = live_server.url
    page = browser.new_page(viewport={"width": 1366, "height": 900})

    # The APIP: register → new source → new recommendation.
    _masuk(page, base, "auditor")
    page.goto(f"{base}/tindak-lanjut/biro-ks/")
    page.click("a:has-text('Sumber rekomendasi baru')")
    page.select_option("select[name=jenis]", "lhe_internal")
    page.fill("input[name=nomor]", "LHE-07/2018")
    page.fill("input[name=tanggal]", "2018-03-01")
    page.fill("input[name=penerbit]", "Inspektorat I")
    page.fill("input[name=tahun_objek]", "2017")
    page.click("button[type=submit].utama")
    page.wait_for_url("**/rekomendasi/baru/")
    page.select_option("select[name=sumber]", index=1)
    page.fill("textarea[name=kondisi]", "Keputusan IKU belum ditetapkan")
    page.fill("textarea[name=uraian]", "Tetapkan keputusan IKU")
    page.fill("input[name=batas_waktu]", "2018-06-30")
    page.click("button[type=submit].utama")
    page.wait_for_selector("h1:has-text('Rekomendasi 1')")
    rek = Rekomendasi.objects.get()
    assert rek.status == StatusRekomendasi.BELUM
    _keluar(page)

    # The planner: plan, then report the follow-up with the IKU decree as evidence.
    _masuk(page, base, "perencana")
    page.goto(f"{base}/tindak-lanjut/biro-ks/")
    page.click(f"a[href$='/rekomendasi/{rek.pk}/']")
    page.click("summary:has-text('Ajukan rencana aksi')")
    page.fill("textarea[name=uraian]", "Susun dan tetapkan keputusan IKU")
    page.fill("input[name=tanggal_mulai]", "2018-03-05")
    page.fill("input[name=target_tanggal]", "2018-04-30")
    page.fill("input[name=pj]", "Kepala Bagian Program")
    page.click("button:has-text('Ajukan')")
    page.wait_for_selector("text=Rencana aksi diajukan.")
    page.click("summary:has-text('Laporkan tindak lanjut')")
    form = page.locator(f"form[action$='/rekomendasi/{rek.pk}/lapor/']")
    form.locator("textarea[name=uraian]").fill("Keputusan IKU ditetapkan")
    form.locator("input[name=tanggal]").fill("2018-04-20")
    form.locator("input[name=progres]").fill("100")
    form.locator("select[name=bukti_jenis]").select_option("dokumen")
    form.locator("select[name=dokumen]").select_option("iku")
    form.locator("input[name=dokumen_tahun]").fill("2018")
    form.locator("input[name=halaman]").fill("1")
    form.locator("button:has-text('Laporkan')").click()
    page.wait_for_selector("text=Tindak lanjut dilaporkan.")
    assert "Keputusan Penetapan IKU 2018" in page.content()
    assert Rekomendasi.objects.get().status == StatusRekomendasi.PROSES
    _keluar(page)

    # The APIP: the queue → approve the plan, verify the follow-up.
    _masuk(page, base, "auditor")
    page.click("header a:has-text('Verifikasi tindak lanjut')")
    page.click(f"a[href$='/rekomendasi/{rek.pk}/']")
    page.click("form[action*='/rencana/'] button:has-text('Putuskan')")
    page.wait_for_selector("text=Rencana aksi diputus.")
    page.select_option("form[action*='/verifikasi/'] select[name=hasil]", "s")
    page.click("form[action*='/verifikasi/'] button:has-text('Verifikasi')")
    page.wait_for_selector("text=Verifikasi disimpan.")
    rek.refresh_from_db()
    assert rek.status == StatusRekomendasi.SESUAI
    assert rek.rencana.get().status == StatusRencana.DISETUJUI

    # The LKj review of the submitted year.
    PeriodeUnit.objects.update_or_create(unit=dunia.unit, tahun=2018, defaults={"status": StatusPeriode.DIAJUKAN})
    page.goto(f"{base}/tindak-lanjut/biro-ks/reviu/2018/")
    page.click("button:has-text('Buka reviu')")
    page.wait_for_selector("text=Daftar periksa")
    for _i in range(20):
        sisa = ReviuLaporan.objects.get().butir.filter(terpenuhi__isnull=True).values_list("kode", flat=True)
        if not sisa:
            break
        f = page.locator(f"form:has(input[name=kode][value='{sisa[0]}'])")
        f.locator("select[name=terpenuhi]").select_option("1")
        f.locator("button").click()
        page.wait_for_selector("text=Reviu disimpan.")
    page.fill("textarea[name=isi]", "Lengkapi perbandingan dengan standar nasional")
    page.check("input[name=jadi_rekomendasi]")
    page.click("button:has-text('Tambah catatan')")
    page.wait_for_selector("text=akan menjadi rekomendasi")
    selesai = page.locator("form:has(input[name=aksi][value=selesai])")
    selesai.locator("select[name=hasil]").select_option("layak_catatan")
    selesai.locator("input[name=nomor_lhr]").fill("LHR-03/2019")
    selesai.locator("input[name=tanggal]").fill("2019-02-20")
    selesai.locator("input[name=kota]").fill("Jakarta")
    selesai.locator("input[name=pereviu_nama]").fill("Inspektur Uji")
    selesai.locator("input[name=pereviu_jabatan]").fill("Inspektur I")
    selesai.locator("button:has-text('Selesaikan reviu')").click()
    page.wait_for_selector("text=Layak dengan catatan")
    assert ReviuLaporan.objects.get().status == StatusReviu.SELESAI
    pernyataan = ambil_bundel(dunia.unit, 2018).reviu
    assert (pernyataan.pereviu_nama, pernyataan.pereviu_jabatan) == ("Inspektur Uji", "Inspektur I")
    assert Rekomendasi.objects.filter(sumber__jenis="lhr_reviu", tahun=2019).count() == 1
