"""Issue 19, findings 5 and 6: a report with empty mandatory sections can be neither submitted nor approved (first
drafts generated from the data help to fill them); the head's page shows what changed since the last approval in
people's words, every warning names its subject and links to where to fix it."""

import datetime
from decimal import Decimal as D

import pytest
from django.urls import reverse

from indikator import periode, riwayat
from indikator.enums import StatusPeriode as S
from indikator.models import PeriodeUnit
from laporan.bab.awal import kata_pengantar
from laporan.bab.pendahuluan import bab_pendahuluan
from laporan.bab.penutup import bab_penutup
from laporan.bundel import ambil_bundel
from laporan.dokumen import Narasi, Paragraf
from laporan.models import NarasiLaporan
from laporan.narasi import simpan_narasi

from .conftest import TAHUN, atur_status, isi_narasi_wajib

URL_AJUKAN = reverse("kerja:pengajuan", args=["biro-ks", TAHUN])
URL_SAHKAN = reverse("kerja:pengesahan", args=["biro-ks", TAHUN])
URL_KONSISTENSI = reverse("kerja:konsistensi", args=["biro-ks", TAHUN])
PENANDA = "Draf otomatis — tinjau sebelum disahkan"


def _status(data):
    p = PeriodeUnit.objects.filter(unit=data.unit, tahun=TAHUN).first()
    return p.status if p else S.DRAFT


def _url_narasi(kunci):
    return reverse("kerja:narasi_ubah", args=["biro-ks", TAHUN, kunci])


# ---------------------------------------------------------------------- finding 5: no approval with holes


def test_pengajuan_ditolak_selama_narasi_wajib_kosong_dengan_tautan_ke_editor(client, data):
    NarasiLaporan.objects.create(unit=data.unit, tahun=TAHUN, bagian="kata_pengantar", isi="Sudah ditulis.")
    client.force_login(data.pengguna["perencana"])
    r = client.post(URL_AJUKAN, {"konfirmasi": "on", "akui_peringatan": "on"})
    assert r.status_code == 400 and _status(data) == S.DRAFT
    html = r.content.decode()
    assert "bagian narasi wajib masih kosong" in html
    kosong = r.context["ringkasan"].narasi_kosong
    assert kosong and "kata_pengantar" not in {b.bagian.kunci for b in kosong}
    for b in kosong:
        assert f'href="{b.url}"' in html
    assert f'href="{_url_narasi("bab4_kesimpulan")}"' in html
    assert f'href="{_url_narasi(f"analisis--{data.sasaran.kode}")}"' in html
    # A complete narrative lets the same submission through.
    NarasiLaporan.objects.filter(unit=data.unit).delete()
    isi_narasi_wajib(data)
    r = client.post(URL_AJUKAN, {"konfirmasi": "on", "akui_peringatan": "on"})
    assert r.status_code == 302 and _status(data) == S.DIAJUKAN


def test_pengesahan_ditolak_selama_narasi_wajib_kosong(client, data):
    # Submitted before the rule (or through the period service directly): the head still cannot approve.
    periode.ajukan_periode(unit=data.unit, tahun=TAHUN, oleh=data.pengguna["perencana"])
    client.force_login(data.pengguna["pimpinan"])
    r = client.post(reverse("kerja:periode_aksi", args=["biro-ks", TAHUN, "sahkan"]), {"komentar": ""}, follow=True)
    assert _status(data) == S.DIAJUKAN
    assert r.redirect_chain[-1][0] == URL_SAHKAN
    html = r.content.decode()
    assert "bagian narasi wajib masih kosong" in html and f'href="{_url_narasi("kata_pengantar")}"' in html


def test_halaman_konsistensi_dan_ringkasan_pengajuan_mendaftar_hal_yang_sama(client, data):
    client.force_login(data.pengguna["perencana"])
    ringkasan = client.get(URL_AJUKAN).context["ringkasan"]
    r = client.get(URL_KONSISTENSI)
    html = r.content.decode()
    assert [b.url for b in r.context["narasi_kosong"]] == [b.url for b in ringkasan.narasi_kosong]
    assert all(f'href="{b.url}"' in html for b in ringkasan.narasi_kosong)
    assert {p.pesan for k in r.context["kelompok"] for p in k["item"]} >= {p.pesan for p in ringkasan.peringatan}


def test_editor_menawarkan_draf_otomatis_untuk_bagian_kosong(client, data):
    client.force_login(data.pengguna["perencana"])
    r = client.get(_url_narasi("kata_pengantar"))
    html = r.content.decode()
    assert PENANDA in html
    isi = r.context["form"].initial["isi"]
    assert data.unit.nama in isi and str(TAHUN) in isi and isi in html
    # Saved, the text is the planner's: no marker, no proposal.
    NarasiLaporan.objects.create(unit=data.unit, tahun=TAHUN, bagian="kata_pengantar", isi="Kata kami.")
    html = client.get(_url_narasi("kata_pengantar")).content.decode()
    assert PENANDA not in html and "Kata kami." in html


def _teks(bagian) -> list[str]:
    hasil = []
    for x in (bagian, *bagian.anak):
        for blok in x.blok:
            if isinstance(blok, Paragraf):
                hasil.append(blok.teks)
            elif isinstance(blok, Narasi):
                hasil.append(blok.isi)
    return hasil


@pytest.mark.parametrize("status, bertanda", [(S.DRAFT, True), (S.DISAHKAN, False)])
def test_laporan_unit_tanpa_narasi_tidak_punya_bagian_kosong(data, status, bertanda):
    atur_status(data, status)
    b = ambil_bundel(data.unit, TAHUN)
    pengantar = kata_pengantar(b)
    assert any(data.unit.nama in t for t in _teks(pengantar))
    assert (PENANDA in _teks(pengantar)) is bertanda
    bab1 = bab_pendahuluan(b)
    assert {"Maksud dan Tujuan", "Potensi dan Permasalahan", "Sistematika Penyajian Laporan Kinerja"} <= {
        a.judul for a in bab1.anak
    }
    bab4 = bab_penutup(b)
    assert {"Kesimpulan", "Saran"} <= {a.judul for a in bab4.anak}
    assert any("Nilai Kinerja Organisasi" in t for t in _teks(bab4))


# ---------------------------------------------------------------------- finding 6: the head's review


def test_pengesahan_membandingkan_dengan_pengesahan_terakhir_dalam_kata_orang(client, narasi_lengkap):
    data = narasi_lengkap
    u, t = data.unit, TAHUN
    perencana = data.pengguna["perencana"]
    perencana.first_name, perencana.last_name = "Sri", "Lestari"
    perencana.save()
    NarasiLaporan.objects.filter(unit=u, bagian="kegiatan_pendukung", sasaran=data.sasaran).delete()
    simpan_narasi(unit=u, tahun=t, bagian="kegiatan_pendukung", sasaran=data.sasaran, judul="", isi="Rapat koordinasi")
    periode.ajukan_periode(unit=u, tahun=t, oleh=perencana)
    client.force_login(data.pengguna["pimpinan"])
    r = client.get(URL_SAHKAN)
    html = r.content.decode()
    # First submission: what was entered this year, never "nothing to compare with".
    assert "belum ada pengajuan sebelumnya" not in html and "belum pernah disahkan" in html
    objek = {e.objek for e in r.context["ringkasan"].perubahan}
    assert f"{data.ind1.kode} {data.ind1.nama} TW1" in objek
    assert sum(1 for o in objek if o.startswith(f"{data.ind1.kode} {data.ind1.nama} TW")) > 1  # Rencana Aksi too
    assert f"Sasaran {data.sasaran.kode} · Kegiatan pendukung" in objek
    assert data.sub.nama in objek and f"{data.mata.kode} {data.mata.nama}" in objek  # each line by its own name
    bagian_perubahan = html.split('id="perubahan"')[1].split("</section>")[0]
    assert "kegiatan_pendukung" not in bagian_perubahan and "<strong>bagian</strong>" not in bagian_perubahan
    # People's words on the approval page: no developer text, distinct buttons, approval explained.
    assert "kirim_pengingat" not in html
    assert 'class="utama" data-aksi="sahkan"' in html and 'class="tombol bahaya" data-aksi="kembalikan"' in html
    assert "Pengesahan sekaligus mengunci tahun ini" in html
    # Every warning names its subject and links to where to fix it.
    peringatan = r.context["ringkasan"].peringatan
    assert peringatan and all(p.url and p.objek for p in peringatan)
    assert all(f"<strong>{p.objek}</strong>" in html for p in peringatan)

    client.post(reverse("kerja:periode_aksi", args=["biro-ks", t, "sahkan"]), {"komentar": ""})
    assert _status(data) == S.DISAHKAN
    periode.buka_kunci_periode(unit=u, tahun=t, oleh=data.pengguna["admin"], alasan="Koreksi TW3")
    client.force_login(perencana)
    client.post(reverse("kerja:realisasi_sel", args=["biro-ks", t, data.ind1.pk, 3]), {"nilai": "12"})
    periode.ajukan_periode(unit=u, tahun=t, oleh=perencana)
    client.force_login(data.pengguna["pimpinan"])
    r = client.get(URL_SAHKAN)
    html = r.content.decode()
    assert "terakhir disahkan" in html
    perubahan = r.context["ringkasan"].perubahan
    assert [(e.sumber.kode, e.objek) for e in perubahan] == [("realisasi", f"{data.ind1.kode} {data.ind1.nama} TW3")]
    assert "Sri Lestari" in html and ">perencana<" not in html
    assert [(p.label, p.baru) for p in perubahan[0].perubahan if p.field == "nilai"] == [("nilai", "12")]
    assert "<strong>Nilai</strong>" in html


@pytest.mark.parametrize(
    "nilai, tampil",
    [
        (D("7.5000"), "7,5"),
        (D("1250000.00"), "1.250.000"),
        (datetime.date(2018, 1, 31), "31 Januari 2018"),
        ("teks", "teks"),
        (None, None),
    ],
)
def test_nilai_perubahan_ditulis_seperti_orang_menulisnya(nilai, tampil):
    assert riwayat._tampil(nilai) == tampil


def test_pekerjaan_sesudah_pengesahan_tanpa_langkah_kunci_dan_nama_bukan_username(client, data):
    pimpinan = data.pengguna["pimpinan"]
    pimpinan.first_name, pimpinan.last_name = "Budi", "Santoso"
    pimpinan.save()
    atur_status(data, S.DISAHKAN)
    PeriodeUnit.objects.filter(unit=data.unit, tahun=TAHUN).update(diubah_oleh=pimpinan)
    client.force_login(pimpinan)
    html = client.get(f"{reverse('kerja:utama')}?unit=biro-ks&tahun={TAHUN}").content.decode()
    assert 'data-aksi="kunci"' not in html
    assert "Pengesahan sekaligus mengunci tahun ini" in html
    assert "Budi Santoso" in html and "oleh pimpinan" not in html
