"""Front matter: Kata Pengantar and Ringkasan Eksekutif (the daftar isi/tabel/gambar come from `laporan.susun`)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from umum.format import format_persen

from ..bundel import Bundel
from ..dokumen import Bagian, Blok, Daftar, Paragraf, Pejabat, TandaTangan
from . import kalimat, kerangka
from .bantu import kota, label_kriteria, pejabat, tanggal, tanggal_laporan
from .naskah import isi_naskah


def kata_pengantar(b: Bundel) -> Bagian:
    blok: list[Blok] = []
    n, penanda = kerangka.narasi_atau_draf(b, "kata_pengantar")
    blok.extend(x for x in (penanda, n) if x is not None)
    if p := pejabat(b):
        blok.append(TandaTangan(kota(b), tanggal_laporan(b), p))
    return Bagian("kata-pengantar", "", b.narasi.judul("kata_pengantar", _("Kata Pengantar")), 1, tuple(blok))


def pernyataan_reviu(b: Bundel) -> Bagian | None:
    """ "Pernyataan Telah Direviu" (after the cover), when the inspectorate's review was entered."""
    r = b.reviu
    if r is None:
        return None
    teks = isi_naskah(r.isi, unit=b.unit.nama, tahun=b.tahun)
    blok: list[Blok] = [Paragraf(x.strip()) for x in teks.split("\n\n") if x.strip()]
    blok.append(TandaTangan(r.kota, tanggal(r.tanggal), Pejabat(r.pereviu_nama, r.pereviu_nip, r.pereviu_jabatan)))
    return Bagian("pernyataan-reviu", "", _("Pernyataan Telah Direviu"), 1, tuple(blok))


def ringkasan(b: Bundel) -> Bagian:
    # The narrative's opening paragraph, then the figures (the budget is stated before the narrative tells how it
    # changed), then the rest of the narrative.
    pembuka, lanjutan = kerangka.pisah_narasi(b.narasi.ambil("ringkasan_eksekutif"))
    blok: list[Blok] = [pembuka] if pembuka else []
    blok.append(Paragraf(kalimat.sasaran_kriteria(b) + " " + kalimat.indikator_kriteria(b)))
    blok.append(
        Daftar(
            tuple(
                _("%(sasaran)s: NPS %(nps)s, kategori %(kriteria)s")
                % {"sasaran": s.sasaran.nama, "nps": format_persen(s.nps), "kriteria": label_kriteria(s.kriteria)}
                for s in b.ukur.sasaran
                if s.baris
            ),
            bernomor=True,
        )
    )
    blok.append(Paragraf(kalimat.nko(b)))
    blok.append(Paragraf(kalimat.anggaran(b)))
    if k := kalimat.anggaran_pk(b):
        blok.append(Paragraf(k))
    if lanjutan:
        blok.append(lanjutan)
    if n := b.narasi.ambil("ringkasan_eksekutif_penutup"):
        blok.append(n)
    judul = b.narasi.judul("ringkasan_eksekutif", _("Ringkasan Eksekutif"))
    return Bagian("ringkasan-eksekutif", "", judul, 1, tuple(blok))
