"""The built report reads in order: no heading without content, no narrative printed twice, every "tabel/gambar
berikut" followed by its table or figure, every "tabel di atas" preceded by a table, a sentence announcing
"Tabel N" followed by Tabel N; the Ringkasan Eksekutif, Bab III and the Kesimpulan in the reference's order."""

from __future__ import annotations

import re

import pytest

from laporan.dokumen import Bagian, DokumenPK, Gambar, Narasi, Paragraf, Tabel
from laporan.markdown import render_markdown
from laporan.models import NarasiLaporan
from laporan.narasi import KATALOG_UMUM
from laporan.susun import susun_laporan

BERIKUT = re.compile(r"\b(tabel|table|gambar)(\s+\d+\.?)?\s+(berikut|di\s*bawah\s+ini)", re.IGNORECASE)
DI_ATAS = re.compile(r"\b(tabel|table|gambar)(\s+\d+\.?)?\s+di\s+atas", re.IGNORECASE)
UMUM = frozenset(k.kunci for k in KATALOG_UMUM)
SEBUT = re.compile(r"\bTabel\s+(\d+)", re.IGNORECASE)


def _teks(blok) -> str:
    if isinstance(blok, Paragraf):
        return blok.teks
    if isinstance(blok, Narasi):
        return blok.isi
    return ""


def _jenis(kata: str) -> type:
    return Gambar if kata.lower() == "gambar" else Tabel


def periksa_struktur(laporan) -> list[str]:
    """Every structural fault of a built report, as readable messages (empty: the report reads in order)."""
    salah: list[str] = []
    narasi_di: dict[str, str] = {}
    for bg in laporan.semua_bagian():
        if bg.judul and not bg.blok and not any(a.blok or a.anak for a in bg.anak):
            salah.append(f"{bg.judul_lengkap}: judul tanpa isi")
        for i, blok in enumerate(bg.blok):
            if isinstance(blok, Narasi) and blok.bagian in UMUM:
                lain = narasi_di.setdefault(blok.bagian, bg.id)
                if lain != bg.id:
                    salah.append(f"{bg.judul_lengkap}: narasi {blok.bagian} juga dicetak di {lain}")
            teks = _teks(blok)
            if not teks:
                continue
            sesudah = bg.blok[i + 1] if i + 1 < len(bg.blok) else None
            sebelum = bg.blok[i - 1] if i > 0 else None
            for m in BERIKUT.finditer(teks):
                if not isinstance(sesudah, _jenis(m.group(1))):
                    salah.append(f"{bg.judul_lengkap}: “{m.group(0)}” tanpa {m.group(1)} sesudahnya")
            for m in DI_ATAS.finditer(teks):
                if not isinstance(sebelum, _jenis(m.group(1))):
                    salah.append(f"{bg.judul_lengkap}: “{m.group(0)}” tanpa {m.group(1)} sebelumnya")
            if teks.rstrip().endswith(":") and sesudah is None:
                salah.append(f"{bg.judul_lengkap}: teks berakhir “:” tanpa lanjutan")
            # The last sentence announcing "Tabel N": the table that follows is Tabel N.
            akhir = re.split(r"(?<=[.!?])\s+", teks.strip())[-1]
            sebut = SEBUT.findall(akhir)
            if sebut and isinstance(sesudah, Tabel) and sesudah.nomor and str(sesudah.nomor) != sebut[-1]:
                salah.append(
                    f"{bg.judul_lengkap}: kalimat menyebut Tabel {sebut[-1]}, sesudahnya Tabel {sesudah.nomor}"
                )
    return salah


@pytest.fixture
def laporan(unit):
    return susun_laporan(unit, 2018)


def test_laporan_2018_terbaca_berurutan(laporan):
    assert periksa_struktur(laporan) == []


def test_pemeriksa_menangkap_rujukan_menggantung(laporan):
    """The checker itself: a heading without content, "tabel berikut" with nothing after it, "tabel di atas"
    opening a section, a sentence announcing Tabel 6 before Tabel 5 — each is reported."""
    t5 = next(t for t in laporan.semua_tabel() if t.nomor == 5)
    rusak = [
        Bagian("a", "F.", "Kosong", 2),
        Bagian("b", "G.", "Menggantung", 2, (Paragraf("NPS seperti pada tabel berikut:"),)),
        Bagian("c", "H.", "Terbalik", 2, (Paragraf("Berdasarkan tabel di atas, anggaran naik."), t5)),
        Bagian("d", "I.", "Salah nomor", 2, (Paragraf("Kegiatan dirancang seperti pada Tabel 6."), t5)),
    ]

    class Laporan:
        def semua_bagian(self):
            return rusak

    salah = periksa_struktur(Laporan())
    assert len(salah) == 5, salah
    assert any("Kosong" in s for s in salah)
    assert any("tabel berikut" in s for s in salah)
    assert any("tabel di atas" in s for s in salah)
    assert any("Tabel 6" in s for s in salah)


def test_nps_dicetak_sekali_di_samping_tabelnya(laporan):
    """`bab3_nps` is inserted into "Capaian Kinerja" before the IKU table and is no section of its own."""
    judul = [bg.judul for bg in laporan.semua_bagian()]
    assert "Nilai Pencapaian Sasaran" not in judul
    assert "Nilai Pencapaian Sasaran" not in [e.teks for e in laporan.daftar_isi]
    tempat = [
        (bg.id, i)
        for bg in laporan.semua_bagian()
        for i, b in enumerate(bg.blok)
        if getattr(b, "bagian", "") == "bab3_nps"
    ]
    assert len(tempat) == 1
    bg = next(bg for bg in laporan.semua_bagian() if bg.id == tempat[0][0])
    assert isinstance(bg.blok[tempat[0][1] + 1], Tabel)
    assert bg.blok[tempat[0][1] + 1].nomor == 8


def test_urutan_ringkasan_bab3_kesimpulan_dan_tabel5(laporan):
    ringkasan = laporan.ringkasan.blok
    posisi_pagu = next(i for i, b in enumerate(ringkasan) if "pagu anggaran" in _teks(b))
    posisi_tambahan = next(i for i, b in enumerate(ringkasan) if "tambahan anggaran" in _teks(b))
    assert posisi_pagu < posisi_tambahan
    assert isinstance(ringkasan[0], Narasi) and ringkasan[0].isi.startswith("Biro Kerja Sama Badan POM")

    bab3 = laporan.bab[2]
    capaian = bab3.anak[0]
    assert (capaian.nomor, capaian.judul) == ("A.", "Capaian Kinerja")
    assert isinstance(capaian.blok[0], Narasi) and isinstance(capaian.blok[1], Tabel) and capaian.blok[1].nomor == 7
    keuangan = next(a for a in bab3.anak if a.id == "bab-3-bab3_akuntabilitas_keuangan")
    assert keuangan.nomor == "C."
    jenis = [type(b).__name__ for b in keuangan.blok]
    assert jenis == ["Paragraf", "Paragraf", "Tabel", "Gambar", "Tabel", "Narasi"]
    assert keuangan.blok[-1].isi.startswith("Berdasarkan tabel di atas")

    kesimpulan = laporan.bab[3].anak[0]
    assert isinstance(kesimpulan.blok[0], Paragraf) and kesimpulan.blok[0].teks.startswith("Dari 6 sasaran")
    assert isinstance(kesimpulan.blok[1], Narasi)

    pk = laporan.bab[1].anak[1]
    jenis = [(type(b).__name__, getattr(b, "nomor", None)) for b in pk.blok]
    assert jenis == [("Narasi", None), ("Tabel", 5), ("Narasi", None), ("Tabel", 6)]
    assert pk.blok[2].isi.rstrip().endswith("seperti pada Tabel 6.")
    assert all(not isinstance(b, DokumenPK) for b in pk.blok)


def test_narasi_satu_paragraf_tetap_utuh(unit):
    """A narrative of one paragraph is not split: the generated blocks follow it whole."""
    NarasiLaporan.objects.filter(unit=unit, tahun=2018, bagian="bab2_perjanjian_kinerja").update(
        isi="Perjanjian kinerja ditetapkan setiap tahun."
    )
    pk = susun_laporan(unit, 2018).bab[1].anak[1]
    assert [type(b).__name__ for b in pk.blok] == ["Narasi", "Tabel", "Tabel"]
    assert pk.blok[0].html == render_markdown("Perjanjian kinerja ditetapkan setiap tahun.")


def test_tabel5_pk_yang_berlaku_akhir_tahun_dan_semua_versi_di_lampiran(laporan):
    """Tabel 5 is the PK in force on 31 December (version 3, August–December) with its budget; Lampiran 3 keeps
    all three versions."""
    from decimal import Decimal

    t5 = next(t for t in laporan.semua_tabel() if t.nomor == 5)
    assert [r.kelas for r in t5.baris] == ["", "", "", ""]
    assert [r.sel[2].nilai for r in t5.baris][1:] == [
        "Jumlah kerja sama yang difasilitasi",
        "Jumlah kerja sama dan dukungan bantuan Indonesia terhadap negara berkembang di bawah skema kerja sama "
        "selatan-selatan dan triangular (KSST) di bidang Obat dan Makanan",
        "–",
    ]
    # Targets with their unit wherever the PK row's indikator states one: the Renstra target's words for the same
    # number ("91 dokumen kerja sama"), else the indikator's unit; a row without indikator keeps its number.
    assert [r.sel[3].teks for r in t5.baris] == ["70%", "91 dokumen kerja sama", "3 kawasan", "1"]
    anggaran = t5.baris[0].sel[4]
    assert (anggaran.nilai, anggaran.format, anggaran.rowspan) == (Decimal("8225900000.00"), "rupiah", 4)
    assert t5.catatan[0].startswith(
        "Perjanjian Kinerja yang berlaku pada akhir tahun: 1 Agustus 2018 s.d. 31 Desember 2018"
    )
    assert "Seluruh 3 versi" in t5.catatan[1]
    lampiran_pk = next(lp for lp in laporan.lampiran if lp.judul == "Perjanjian Kinerja Tahun 2018")
    assert [b.periode for b in lampiran_pk.blok if isinstance(b, DokumenPK)] == [
        "1 Januari 2018 s.d. 28 Februari 2018",
        "1 Maret 2018 s.d. 31 Juli 2018",
        "1 Agustus 2018 s.d. 31 Desember 2018",
    ]


def test_gambar_berikut_pada_penanda_diikuti_gambarnya(unit, settings, tmp_path):
    """An uploaded figure placed by its marker right after "gambar berikut:" follows the sentence; a marker that
    names no figure leaves the sentence hanging, which the checker reports (and the consistency check warns)."""
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from laporan.markdown import penanda_gambar
    from laporan.unggahan import simpan_gambar

    settings.SAKIP_PRIVATE_ROOT = tmp_path
    isi = BytesIO()
    Image.new("RGB", (20, 10)).save(isi, format="PNG")
    g = simpan_gambar(
        unit=unit,
        tahun=2018,
        bagian="bab1_peran",
        judul="Alur Kerja Sama",
        berkas=SimpleUploadedFile("a.png", isi.getvalue()),
        urutan=1,
    )
    narasi = NarasiLaporan.objects.filter(unit=unit, tahun=2018, bagian="bab1_peran", sasaran=None)
    narasi.update(isi=f"Alur kerja sama seperti pada gambar berikut:\n\n{penanda_gambar(g.pk)}\n\nSelanjutnya.")
    assert periksa_struktur(susun_laporan(unit, 2018)) == []
    narasi.update(isi="Alur kerja sama seperti pada gambar berikut:\n\n[[gambar:999999]]\n\nSelanjutnya.")
    salah = periksa_struktur(susun_laporan(unit, 2018))
    assert len(salah) == 1 and "gambar berikut" in salah[0]
