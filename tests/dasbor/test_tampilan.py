"""Filters, drill-down, roll-up sorting and alerts on the pages."""

from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile
from django.urls import reverse

from dasbor.data import susun_dasbor, susun_rollup, triwulan_tertutup
from indikator.enums import StatusPeriode
from indikator.models import BuktiDukung, Indikator, PeriodeUnit, Realisasi


def test_triwulan_tertutup():
    assert triwulan_tertutup(2018, date(2019, 1, 5)) == 4
    assert triwulan_tertutup(2019, date(2019, 2, 1)) is None
    assert triwulan_tertutup(2019, date(2019, 4, 1)) == 1
    assert triwulan_tertutup(2019, date(2019, 12, 31)) == 3
    assert triwulan_tertutup(2020, date(2019, 12, 31)) is None


def test_saring_perspektif_dan_sasaran(klien_kepala):
    url = reverse("dasbor:utama")
    r = klien_kepala.get(url, {"tahun": 2018, "perspektif": "customer"})
    assert [b.indikator.kode for b in r.context["baris"]] == ["IKU1", "IKU2"]
    sp3 = Indikator.objects.get(kode="IKU3").sasaran
    r = klien_kepala.get(url, {"tahun": 2018, "sasaran": sp3.pk})
    assert [b.indikator.kode for b in r.context["baris"]] == ["IKU3", "IKU4"]
    # Headline figures stay those of the whole unit.
    assert r.context["dasbor"].nko == Decimal("98.87")


def test_angka_utama_menaut_ke_rincian(klien_kepala):
    html = klien_kepala.get(reverse("dasbor:utama"), {"tahun": 2018}).content.decode()
    ind = Indikator.objects.get(kode="IKU1")
    assert "perspektif=customer#indikator" in html
    assert f"sasaran={ind.sasaran.pk}#indikator" in html
    assert reverse("dasbor:indikator", args=[ind.pk]) + "?tahun=2018" in html


def test_detail_indikator_narasi_bukti_dan_riwayat(klien_kepala, kepala, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.SAKIP_PRIVATE_ROOT = tmp_path / "privat"
    ind = Indikator.objects.get(kode="IKU8")
    r = Realisasi.objects.create(
        indikator=ind,
        tahun=2018,
        triwulan=2,
        nilai=Decimal("72.58"),
        analisis="Nilai AKIP naik karena perbaikan perencanaan.",
        faktor_pendukung="Komitmen pimpinan.",
        faktor_penghambat="Rotasi pegawai.",
        rencana_tindak_lanjut="Pendampingan penyusunan IKU.",
    )
    bukti = BuktiDukung(realisasi=r, keterangan="LHE AKIP 2018", diunggah_oleh=kepala)
    bukti.berkas.save("lhe.pdf", ContentFile(b"%PDF-1.4"), save=True)
    resp = klien_kepala.get(reverse("dasbor:indikator", args=[ind.pk]), {"tahun": 2018})
    html = resp.content.decode()
    assert resp.status_code == 200
    for teks in (
        "Nilai AKIP naik",
        "Komitmen pimpinan.",
        "Rotasi pegawai.",
        "Pendampingan penyusunan IKU.",
        "LHE AKIP 2018",
    ):
        assert teks in html
    assert reverse("kerja:bukti_unduh", args=[ind.sasaran.revisi.renstra.unit.slug, bukti.pk]) in html
    detail = resp.context["detail"]
    assert detail.baris.capaian == Decimal("93.05")
    assert [n.tahun for n in detail.riwayat.tahun] == [2015, 2016, 2017, 2018]
    assert detail.riwayat.untuk(2017).capaian == Decimal("90.10")
    assert 'id="data-indikator"' in html


def test_peringatan_realisasi_kosong_triwulan_tertutup(skala):
    hasil, _ = skala(unit=1, indikator=4)
    unit = hasil.units[0]
    ind = Indikator.objects.filter(sasaran__revisi__renstra__unit=unit).order_by("urutan").first()
    Realisasi.objects.filter(indikator=ind, tahun=2021, triwulan=1).delete()
    # During 2021 with Q1 closed, the missing Q1 realisasi is flagged.
    dasbor = susun_dasbor(unit, 2021, hari_ini=date(2021, 5, 1))
    assert dasbor.triwulan_tertutup == 1
    assert ind.pk in [p.indikator_id for p in dasbor.peringatan_jenis("realisasi_kosong")]


def test_peringatan_persetujuan_untuk_pimpinan(client, skala):
    hasil, kepala = skala(unit=2, indikator=2)
    PeriodeUnit.objects.filter(unit__in=hasil.units).update(status=StatusPeriode.DRAFT)
    PeriodeUnit.objects.filter(unit=hasil.units[1]).update(status=StatusPeriode.DIAJUKAN)
    client.force_login(kepala)
    r = client.get(reverse("dasbor:utama"), {"unit": hasil.units[0].slug, "tahun": 2021})
    assert [(p.unit.slug, p.tahun) for p in r.context["persetujuan"]] == [(hasil.units[1].slug, 2021)]
    assert "Menunggu persetujuan" in r.content.decode()


def test_rollup_berdampingan_dan_urut(client, skala):
    hasil, kepala = skala(unit=4, indikator=5)
    # Figures sort best first; a leading "-" reverses.
    nko = [b.nko for b in susun_rollup(hasil.induk, 2021, urut="nko").baris]
    assert nko == sorted(nko, reverse=True)
    assert [b.nko for b in susun_rollup(hasil.induk, 2021, urut="-nko").baris] == sorted(nko)
    data = susun_rollup(hasil.induk, 2021)
    assert [b.unit.slug for b in data.baris] == [u.slug for u in hasil.units]
    for b in data.baris:
        assert sum(k.jumlah for k in b.per_kriteria) + b.belum_diukur == b.jumlah_indikator == 5
    client.force_login(kepala)
    r = client.get(reverse("dasbor:rollup"), {"tahun": 2021, "urut": "serapan"})
    serapan = [b.serapan for b in r.context["rollup"].baris]
    assert serapan == sorted(serapan, reverse=True)
    html = r.content.decode()
    for u in hasil.units:
        assert f"?unit={u.slug}&amp;tahun=2021" in html
    assert "urut=-serapan" in html


def test_rollup_urut_tidak_dikenal_kembali_ke_nama(skala):
    hasil, _ = skala(unit=2, indikator=2)
    assert susun_rollup(hasil.induk, 2021, urut="x").urut == "nama"


def test_baris_rollup_lolos_escape_dan_format_indonesia(client, skala):
    """The roll-up rows are written in Python (`dasbor/templatetags/tabel_rollup.py`): names are escaped, figures
    use the same Indonesian formats as the template filters, the year in links is not formatted."""
    from umum.format import format_angka, format_persen, format_rupiah

    hasil, kepala = skala(unit=3, indikator=4)
    u = hasil.units[0]
    u.nama = '<b>Unit "A" & Co</b>'
    u.save(update_fields=["nama"])
    client.force_login(kepala)
    r = client.get(reverse("dasbor:rollup"), {"unit": hasil.induk.slug, "tahun": 2021})
    html = r.content.decode()
    assert "&lt;b&gt;Unit &quot;A&quot; &amp; Co&lt;/b&gt;" in html and '<b>Unit "A"' not in html
    for b in r.context["rollup"].baris:
        baris = html.split(f'<tr data-unit="{b.unit.slug}">', 1)[1].split("</tr>", 1)[0]
        assert f"?unit={b.unit.slug}&amp;tahun=2021" in baris
        assert f'<td class="angka">{format_angka(b.nko)}</td>' in baris
        assert f'<td class="angka">{format_persen(b.serapan)}</td>' in baris
        assert f'<td class="angka">{format_rupiah(b.pagu)}</td>' in baris
        assert baris.count('<td class="angka">') == 5 + len(r.context["rollup"].kriteria)
        if b.kriteria_nko:
            assert f">{b.kriteria_nko.label}</span>" in baris


def test_rollup_tanpa_unit_bawahan(client, skala):
    hasil, kepala = skala(unit=1, indikator=2)
    client.force_login(kepala)
    r = client.get(reverse("dasbor:rollup"), {"unit": hasil.units[0].slug, "tahun": 2021})
    assert "Unit ini tidak memiliki unit bawahan." in r.content.decode()
