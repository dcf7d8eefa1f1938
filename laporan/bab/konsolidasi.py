"""A parent unit's consolidated report (`../shared/docs/siklus.md` §2.4): per consolidated indikator the
"Kontribusi unit" table of Bab III (each sub-unit's realisasi, capaian and kriteria as in its own report, and
the consolidated figure), the budget summed over the parent and its sub-units with the efficiency on the
totals, and the lampiran "Capaian per Unit" (sub-units × indikator, cells in the kriteria's colour). A run out of
date (usang: a sub-unit changed since) or never made is said under the table, never hidden."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from anggaran.enums import KategoriEfisiensi
from indikator import queries as iq
from pohon.enums import MetodeAgregasi
from umum.format import format_angka, format_persen

from ..bundel import Bundel
from ..dokumen import Baris, Sel, Tabel
from .bantu import kepala as kepala_tabel
from .bantu import label_kriteria, realisasi_sel, tabel_baru


def _warna(band) -> str:
    return band.warna if band is not None else ""


def catatan_usang(b: Bundel) -> str:
    """'' when the consolidation is current; else why the consolidated figures are out of date."""
    k = b.konsolidasi
    if k is None or not k.usang:
        return ""
    if k.run is None:
        return _("Konsolidasi tahun %(tahun)s belum dihitung.") % {"tahun": b.tahun}
    waktu = timezone.localtime(k.run.dihitung_pada).strftime("%d-%m-%Y %H:%M")
    sebab = []
    if k.berubah:
        sebab.append(_("data %(unit)s berubah") % {"unit": ", ".join(k.berubah)})
    if k.aturan_berubah:
        sebab.append(_("aturan konsolidasi berubah"))
    return _("Konsolidasi USANG: %(sebab)s sejak dihitung pada %(waktu)s; hitung ulang konsolidasi.") % {
        "sebab": _(" dan ").join(sebab),
        "waktu": waktu,
    }


def tabel_kontribusi(b: Bundel, bp: iq.BarisPengukuran) -> Tabel | None:
    """Kontribusi unit of one parent indikator (None when it has no consolidation rule)."""
    k = b.konsolidasi
    if k is None:
        return None
    aturan = next((a for a in k.aturan if a.indikator_id == bp.indikator.pk), None)
    if aturan is None:
        return None
    tertimbang = aturan.metode == MetodeAgregasi.RATA_TERTIMBANG
    label = [_("Unit Kerja"), _("Indikator Sumber"), _("Realisasi")]
    if tertimbang:
        label.append(_("Bobot"))
    label += [_("Capaian (%)"), _("Kriteria")]
    hasil = k.hasil.get(bp.indikator.pk)
    bobot = {j.indikator_id: j.bobot for j in hasil.hasil.jejak} if hasil else {}
    baris = []
    for s in sorted(aturan.sumber.all(), key=lambda s: (s.indikator.unit.urutan, s.indikator.unit.nama)):
        u = s.indikator.unit
        ukur = b.ukur_anak.get(u.pk)
        anak = ukur.baris_indikator(s.indikator_id) if ukur else None
        sel = [Sel(u.nama), Sel(f"{s.indikator.kode} {s.indikator.nama}".strip())]
        sel.append(realisasi_sel(anak.realisasi.nilai, anak.realisasi.kualitatif) if anak else Sel(None, "angka"))
        if tertimbang:
            sel.append(Sel(bobot.get(s.indikator_id), "angka"))
        sel += [
            Sel(anak.capaian if anak else None, "persen"),
            Sel(label_kriteria(anak.kriteria) if anak else "–", warna=_warna(anak.kriteria if anak else None)),
        ]
        baris.append(Baris(tuple(sel)))
    metode = MetodeAgregasi(aturan.metode).label
    total = [
        Sel(_("%(unit)s (konsolidasi: %(metode)s)") % {"unit": b.unit.nama, "metode": metode}, colspan=2),
        realisasi_sel(bp.realisasi.nilai, bp.realisasi.kualitatif),
    ]
    if tertimbang:
        total.append(Sel(None, "angka"))
    total += [Sel(bp.capaian, "persen"), Sel(label_kriteria(bp.kriteria), warna=_warna(bp.kriteria))]
    baris.append(Baris(tuple(total), "total"))
    catatan = []
    if hasil is not None and hasil.pesan:
        catatan.append(_("Realisasi konsolidasi tidak dihitung: %(alasan)s") % {"alasan": hasil.pesan})
    if usang := catatan_usang(b):
        catatan.append(usang)
    return tabel_baru(
        _("Kontribusi Unit pada Indikator %(indikator)s Tahun %(tahun)s")
        % {"indikator": bp.indikator.nama, "tahun": b.tahun},
        kepala_tabel(*label),
        tuple(baris),
        catatan=tuple(catatan),
        kecil=True,
    )


def tabel_anggaran_gabungan(b: Bundel) -> Tabel | None:
    g = b.anggaran_gabungan
    if g is None:
        return None
    baris = [
        Baris((Sel(x.unit.nama), Sel(x.pagu, "rupiah"), Sel(x.realisasi, "rupiah"), Sel(x.serapan, "persen")))
        for x in g.baris
    ]
    baris.append(
        Baris(
            (
                Sel(_("Jumlah")),
                Sel(g.total_pagu, "rupiah"),
                Sel(g.total_realisasi, "rupiah"),
                Sel(g.serapan, "persen"),
            ),
            "total",
        )
    )
    return tabel_baru(
        _("Anggaran %(unit)s dan Unit Bawahannya Tahun %(tahun)s") % {"unit": b.unit.nama, "tahun": b.tahun},
        kepala_tabel(_("Unit Kerja"), _("Pagu (Rp)"), _("Realisasi (Rp)"), _("Serapan (%)")),
        tuple(baris),
    )


def kalimat_efisiensi_gabungan(b: Bundel) -> str | None:
    g = b.anggaran_gabungan
    if g is None:
        return None
    e = g.efisiensi
    if e.ie is None:
        return _(
            "Efisiensi gabungan %(unit)s dan unit bawahannya tidak dapat dihitung: serapan atau NKO belum ada."
        ) % {"unit": b.unit.nama}
    return _(
        "Efisiensi gabungan %(unit)s dan unit bawahannya: serapan %(input)s, NKO %(output)s, indeks efisiensi "
        "%(ie)s (%(kategori)s)."
    ) % {
        "unit": b.unit.nama,
        "input": format_persen(e.persen_input),
        "output": format_persen(e.persen_output),
        "ie": format_angka(e.ie, 2),
        "kategori": KategoriEfisiensi(e.kategori).label.lower(),
    }


def lampiran_capaian_unit(b: Bundel) -> Tabel | None:
    """Sub-units × consolidated indikator: each cell the sub-unit's capaian of its source indikator, coloured by
    its kriteria."""
    k = b.konsolidasi
    if k is None:
        return None
    baris_induk = [bp for bp in b.ukur.baris if any(a.indikator_id == bp.indikator.pk for a in k.aturan)]
    if not baris_induk:
        return None
    kepala = kepala_tabel(_("Indikator"), *(u.nama for u in k.units), b.unit.nama)
    baris = []
    for bp in baris_induk:
        sumber = k.sumber_unit(bp.indikator.pk)
        sel = [Sel(bp.indikator.nama)]
        for u in k.units:
            ukur = b.ukur_anak.get(u.pk)
            anak = ukur.baris_indikator(sumber[u.pk]) if ukur and u.pk in sumber else None
            sel.append(Sel(anak.capaian if anak else None, "persen", warna=_warna(anak.kriteria if anak else None)))
        sel.append(Sel(bp.capaian, "persen", tebal=True, warna=_warna(bp.kriteria)))
        baris.append(Baris(tuple(sel)))
    catatan = [_("Capaian (%) tiap unit atas indikator sumbernya; warna sel menurut kriteria capaian.")]
    if usang := catatan_usang(b):
        catatan.append(usang)
    return Tabel(
        "", None, _("Capaian per Unit Tahun %(tahun)s") % {"tahun": b.tahun}, kepala, tuple(baris), tuple(catatan)
    )
