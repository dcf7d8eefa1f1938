"""The legal documents of the lampiran: the PK agreement (PermenPANRB 53/2014 wording, parties with NIP, target
table, budget, place, date, signatures) for every version, the IKU decree (menimbang, mengingat, menetapkan, the
IKU table with penanggung jawab), the unit's own wording, and the standalone "Dokumen Perjanjian Kinerja" PDF."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from indikator.enums import Peran
from indikator.models import VersiPK
from laporan.dokumen import DokumenPK, KeputusanIKU
from laporan.models import PK_JANJI, NaskahDinas
from laporan.pdf import render_html_cetak
from laporan.susun import susun_laporan
from tests.pabrik import buat_pengguna


def _lampiran(laporan, judul):
    return next(lp for lp in laporan.lampiran if lp.judul.startswith(judul))


def test_lampiran_pk_memuat_naskah_perjanjian_setiap_versi(unit):
    laporan = susun_laporan(unit, 2018)
    dokumen = [b for b in _lampiran(laporan, "Perjanjian Kinerja").blok if isinstance(b, DokumenPK)]
    assert len(dokumen) == 3
    for d in dokumen:
        assert d.janji == PK_JANJI and d.janji.startswith("Pihak pertama berjanji akan mewujudkan target kinerja")
        assert d.pembuka.startswith("Dalam rangka mewujudkan manajemen pemerintahan")
        assert d.supervisi.startswith("Pihak kedua akan melakukan supervisi")
    assert dokumen[2].pihak_kedua.nama == "Dra. Elin Herlina, Apt, MP"
    html = render_html_cetak(laporan)
    assert html.count("Pihak pertama berjanji akan mewujudkan target kinerja") == 3
    assert html.count("Selaku atasan langsung pihak pertama, selanjutnya disebut pihak kedua.") == 3


def test_lampiran_iku_memuat_keputusan_dan_penanggung_jawab(unit):
    laporan = susun_laporan(unit, 2018)
    (k,) = _lampiran(laporan, "Penetapan Indikator Kinerja Utama").blok
    assert isinstance(k, KeputusanIKU)
    assert k.judul == "Keputusan Kepala Biro Kerja Sama"
    assert k.tentang == "Penetapan Indikator Kinerja Utama Tahun 2015–2019 di Lingkungan Biro Kerja Sama"
    assert len(k.menimbang) == 2 and "Biro Kerja Sama" in k.menimbang[0][1]
    assert k.mengingat[0].startswith("Peraturan Presiden Nomor 29 Tahun 2014")
    assert [d[0] for d in k.diktum] == ["Kesatu", "Kedua", "Ketiga"]
    assert k.pejabat is not None and k.pejabat.jabatan == "Kepala Biro Kerja Sama"
    assert [s.nilai for s in k.tabel.kepala[0]][-1] == "Penanggung Jawab"
    assert all(r.sel[-1].nilai == "Kepala Biro Kerja Sama" for r in k.tabel.baris)
    html = render_html_cetak(laporan)
    assert "MEMUTUSKAN" in html and "Menimbang" in html and "Mengingat" in html


def test_naskah_dapat_diubah_per_unit(unit):
    NaskahDinas.objects.create(
        unit=unit,
        pk_janji="Pihak pertama berjanji mewujudkan target {unit} tahun {tahun}; {tidak_dikenal} tetap.",
        iku_nomor="HK.04.1.23.02.19.0200 TAHUN 2019",
        iku_diktum="Satu.\nDua.",
    )
    laporan = susun_laporan(unit, 2018)
    d = next(b for b in _lampiran(laporan, "Perjanjian Kinerja").blok if isinstance(b, DokumenPK))
    assert d.janji == "Pihak pertama berjanji mewujudkan target Biro Kerja Sama tahun 2018; {tidak_dikenal} tetap."
    (k,) = _lampiran(laporan, "Penetapan Indikator Kinerja Utama").blok
    assert k.nomor == "HK.04.1.23.02.19.0200 TAHUN 2019"
    assert k.diktum == (("Kesatu", "Satu."), ("Kedua", "Dua."))


def _pdf_lewat_tugas(client, url) -> PdfReader:
    """Asks for the document on its page (the immediate task backend renders it on commit) and downloads it."""
    from django.test import TestCase

    from laporan.models import BerkasLaporan

    with TestCase.captureOnCommitCallbacks(execute=True):
        r = client.post(url, HTTP_HX_REQUEST="true")
    assert r.status_code == 200
    berkas = BerkasLaporan.objects.latest("pk")
    assert berkas.status == "selesai", berkas.alasan
    r = client.get(reverse("laporan:berkas_unduh", args=[berkas.pk]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    return r, PdfReader(BytesIO(b"".join(r.streaming_content)))


def test_dokumen_pk_pdf_dari_halaman_pk(client, unit, settings, tmp_path):
    settings.SAKIP_PRIVATE_ROOT = tmp_path
    versi = VersiPK.objects.filter(pk_induk__unit=unit, pk_induk__tahun=2018).order_by("nomor").last()
    url = reverse("kerja:versi_pk_pdf", args=[unit.slug, versi.pk])
    pembaca = buat_pengguna("pimpinan-bks", Peran.PIMPINAN, unit)
    client.force_login(pembaca)
    halaman = client.get(reverse("kerja:versi_pk", args=[unit.slug, versi.pk]))
    assert url in halaman.content.decode()
    assert f'hx-post="{url}"' in client.get(url).content.decode()
    r, pdf = _pdf_lewat_tugas(client, url)
    assert "perjanjian-kinerja-biro-kerja-sama-2018-versi-3.pdf" in r["Content-Disposition"]
    teks = " ".join(p.extract_text() for p in pdf.pages)
    teks = " ".join(teks.split())
    assert "Pihak pertama berjanji akan mewujudkan target kinerja" in teks
    assert "Dra. Elin Herlina, Apt, MP" in teks and "Rp 8.225.900.000" in teks


@pytest.mark.parametrize("peran", ["lain", "anonim"])
def test_dokumen_pk_pdf_tertutup_bagi_unit_lain(client, unit, peran):
    from indikator.models import UnitKerja

    versi = VersiPK.objects.filter(pk_induk__unit=unit).first()
    if peran == "lain":
        lain = UnitKerja.objects.create(slug="unit-lain", nama="Unit Lain")
        client.force_login(buat_pengguna("perencana-lain", Peran.PERENCANA, lain))
    r = client.get(reverse("kerja:versi_pk_pdf", args=[unit.slug, versi.pk]))
    assert r.status_code in (302, 403, 404)
    assert r.get("Content-Type") != "application/pdf"


def test_pernyataan_telah_direviu_setelah_sampul_hanya_dari_reviu_selesai(unit):
    from datetime import date

    from laporan.models import PernyataanReviu
    from tindak_lanjut.enums import StatusReviu
    from tindak_lanjut.models import ReviuLaporan

    assert susun_laporan(unit, 2018).pernyataan_reviu is None
    assert "Pernyataan Telah Direviu" not in render_html_cetak(susun_laporan(unit, 2018))
    # A statement typed in without the APIP's completed review prints nothing.
    PernyataanReviu.objects.create(
        unit=unit, tahun=2018, tanggal=date(2019, 2, 1), pereviu_nama="Bukan Pereviu", pereviu_jabatan="-"
    )
    assert susun_laporan(unit, 2018).pernyataan_reviu is None
    reviu = ReviuLaporan.objects.create(
        unit=unit,
        tahun=2018,
        status=StatusReviu.DRAF,
        tanggal=date(2019, 2, 20),
        kota="Jakarta",
        pereviu_nama="Inspektur Uji",
        pereviu_nip="19700101 199001 1 001",
        pereviu_jabatan="Inspektur I",
    )
    assert susun_laporan(unit, 2018).pernyataan_reviu is None  # not completed yet
    reviu.status = StatusReviu.SELESAI
    reviu.save()
    laporan = susun_laporan(unit, 2018)
    r = laporan.pernyataan_reviu
    assert r.judul == "Pernyataan Telah Direviu"
    assert r.blok[0].teks.startswith("Kami telah mereviu Laporan Kinerja Biro Kerja Sama untuk tahun anggaran 2018")
    ttd = r.blok[-1]
    assert (ttd.tanggal, ttd.pejabat.nama, ttd.pejabat.jabatan) == ("20 Februari 2019", "Inspektur Uji", "Inspektur I")
    html = render_html_cetak(laporan)
    assert html.index('id="sampul"') < html.index('id="pernyataan-reviu"') < html.index('id="kata-pengantar"')
    assert "19700101 199001 1 001" in html


def test_keputusan_iku_pdf_dari_halaman_pk(client, unit, settings, tmp_path):
    settings.SAKIP_PRIVATE_ROOT = tmp_path
    client.force_login(buat_pengguna("pimpinan-bks", Peran.PIMPINAN, unit))
    url = reverse("kerja:keputusan_iku_pdf", args=[unit.slug, 2018])
    assert url in client.get(reverse("kerja:pk", args=[unit.slug, 2018])).content.decode()
    r, pdf = _pdf_lewat_tugas(client, url)
    assert 'filename="keputusan-iku-biro-kerja-sama-2018.pdf"' in r["Content-Disposition"]
    teks = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "KEPUTUSAN KEPALA BIRO KERJA SAMA" in teks and "MEMUTUSKAN" in teks
    assert "Penanggung Jawab" in teks and "Nilai AKIP Biro Kerja Sama" in teks
    assert client.get(reverse("kerja:keputusan_iku_pdf", args=[unit.slug, 2031])).status_code == 404
    assert client.post(reverse("kerja:keputusan_iku_pdf", args=[unit.slug, 2031])).status_code == 404


def _ubah_naskah(unit, tahun: int, **isi) -> None:
    from laporan.dinas import KOLOM_NASKAH, simpan_naskah

    sekarang = NaskahDinas.objects.filter(unit=unit).first() or NaskahDinas(unit=unit)
    simpan_naskah(unit=unit, tahun=tahun, data={**{k: getattr(sekarang, k) for k in KOLOM_NASKAH}, **isi})


def _teks_naskah(laporan) -> tuple[list[str], str]:
    lp = next((lp for lp in laporan.lampiran if lp.judul.startswith("Perjanjian Kinerja")), None)
    pk = [b.janji for b in lp.blok if isinstance(b, DokumenPK)] if lp else []
    (k,) = _lampiran(laporan, "Penetapan Indikator Kinerja Utama").blok
    return pk, k.nomor


def test_naskah_tahun_disahkan_tetap_saat_naskah_diubah(client, unit):
    """Approve 2018, then change the wording from the page of the open 2019: every output of 2018 (lampiran,
    DOCX, standalone PK and IKU documents, the workspace page) keeps the wording of its approval; 2019 prints
    the new one; after an unlock 2018 follows the unit's wording again."""
    from docx import Document

    from indikator import periode
    from indikator.enums import StatusPeriode
    from indikator.models import PeriodeUnit
    from laporan.bundel import ambil_bundel
    from laporan.models import NaskahDinasDisahkan
    from laporan.pdf import susun_dokumen_pk
    from laporan.word import render_docx

    pimpinan = buat_pengguna("pimpinan-bks", Peran.PIMPINAN, unit)
    PeriodeUnit.objects.update_or_create(unit=unit, tahun=2018, defaults={"status": StatusPeriode.DIAJUKAN})
    periode.sahkan_periode(unit=unit, tahun=2018, oleh=pimpinan)
    assert NaskahDinasDisahkan.objects.get(unit=unit, tahun=2018).pk_janji == PK_JANJI

    janji_baru = "Pihak pertama berjanji dengan naskah baru {unit} {tahun}."
    _ubah_naskah(unit, 2019, pk_janji=janji_baru, iku_nomor="NOMOR/BARU/2019")
    assert NaskahDinas.objects.get(unit=unit).pk_janji == janji_baru

    pk_2018, nomor_2018 = _teks_naskah(susun_laporan(unit, 2018))
    assert pk_2018 and set(pk_2018) == {PK_JANJI} and nomor_2018 == ""
    assert _teks_naskah(susun_laporan(unit, 2019))[1] == "NOMOR/BARU/2019"  # an open year (2019 has no PK)

    docx = render_docx(susun_laporan(unit, 2018))
    teks_docx = "\n".join(p.text for p in Document(BytesIO(docx)).paragraphs)
    assert "naskah baru" not in teks_docx and "NOMOR/BARU" not in teks_docx
    versi_2018 = VersiPK.objects.filter(pk_induk__unit=unit, pk_induk__tahun=2018).first()
    assert susun_dokumen_pk(versi_2018).janji == PK_JANJI
    assert ambil_bundel(unit, 2018).naskah.iku_nomor == ""  # the standalone IKU decree reads the bundle
    client.force_login(buat_pengguna("perencana-bks", Peran.PERENCANA, unit))
    halaman = client.get(reverse("kerja:naskah_ubah", args=[unit.slug, 2018])).content.decode()
    assert "data-naskah-disahkan" in halaman and "naskah baru" not in halaman
    client_halaman = client.get(reverse("kerja:naskah_ubah", args=[unit.slug, 2019])).content.decode()
    assert "data-naskah-disahkan" not in client_halaman and "naskah baru" in client_halaman

    admin = buat_pengguna("admin-bks", Peran.ADMINISTRATOR, unit)
    periode.buka_kunci_periode(unit=unit, tahun=2018, oleh=admin, alasan="Perbaikan")
    pk_2018, nomor_2018 = _teks_naskah(susun_laporan(unit, 2018))
    assert nomor_2018 == "NOMOR/BARU/2019"
    assert set(pk_2018) == {"Pihak pertama berjanji dengan naskah baru Biro Kerja Sama 2018."}


def test_dokumen_pk_tahun_disahkan_memakai_profil_saat_pengesahan(unit):
    """The standalone PK document of an approved year prints the unit as it was at approval, like the report;
    a renamed unit shows its new name in an open year's document only after an unlock."""
    from indikator import periode
    from indikator.enums import StatusPeriode
    from indikator.models import PeriodeUnit
    from laporan.pdf import html_pk

    pimpinan = buat_pengguna("pimpinan-bks", Peran.PIMPINAN, unit)
    PeriodeUnit.objects.update_or_create(unit=unit, tahun=2018, defaults={"status": StatusPeriode.DIAJUKAN})
    periode.sahkan_periode(unit=unit, tahun=2018, oleh=pimpinan)
    nama_lama = unit.nama
    unit.nama = "Biro Kerja Sama dan Hubungan Masyarakat"
    unit.save(update_fields=["nama"])
    versi = VersiPK.objects.filter(pk_induk__unit=unit, pk_induk__tahun=2018).order_by("nomor").last()
    html = html_pk(versi)
    assert nama_lama.upper() in html.upper() and "HUBUNGAN MASYARAKAT" not in html.upper()
    periode.buka_kunci_periode(
        unit=unit, tahun=2018, oleh=buat_pengguna("admin-bks", Peran.ADMINISTRATOR, unit), alasan="Perbaikan"
    )
    assert "HUBUNGAN MASYARAKAT" in html_pk(versi).upper()
