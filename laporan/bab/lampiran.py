"""The lampiran: Renstra, IKU, the signed PK versions, rencana aksi, activity measurement, efficiency and
(on request) the consistency warnings. Lampiran tables carry no table number."""

from __future__ import annotations

import dataclasses

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from indikator import formulas as fi
from indikator import queries as iq
from indikator.enums import Agregasi
from tindak_lanjut.matriks import baris_matriks, kolom_matriks

from ..bundel import Bundel
from ..dokumen import (
    Bagian,
    Baris,
    Blok,
    DaftarPeringatan,
    Gambar,
    KeputusanIKU,
    Paragraf,
    Sel,
    Tabel,
    muat_potret,
)
from .bantu import kepala as kepala_tabel
from .bantu import target_sel
from .konsolidasi import lampiran_capaian_unit
from .naskah import dokumen_pk, keputusan_iku, penanggung_jawab
from .perencanaan import periode_pk, tabel_struktur
from .pohon import lampiran_pohon


def susun_lampiran(b: Bundel) -> tuple[Bagian, ...]:
    daftar: list[tuple[str, list[Blok], bool]] = []
    if t := tabel_struktur(
        b,
        b.revisi_kini,
        _("Rencana Strategis %(unit)s %(awal)s–%(akhir)s")
        % {"unit": b.unit.nama, "awal": b.renstra.tahun_mulai, "akhir": b.renstra.tahun_selesai},
        nomor=False,
    ):
        daftar.append((t.judul, [t], False))
    if t := lampiran_iku(b):
        daftar.append(
            (_("Penetapan Indikator Kinerja Utama %(unit)s") % {"unit": b.unit.nama}, [keputusan_iku(b, t)], False)
        )
    if b.versi_pk:
        daftar.append(
            (
                _("Perjanjian Kinerja Tahun %(tahun)s") % {"tahun": b.tahun},
                [dokumen_pk(b.unit, b.tahun, v, b.naskah, b.unit_induk) for v in b.versi_pk],
                False,
            )
        )
    judul_ra = _("Rencana Aksi Perjanjian Kinerja Tahun %(tahun)s") % {"tahun": b.tahun}
    if t := lampiran_rencana_aksi(b):
        # Landscape only when its columns need it.
        daftar.append((judul_ra, [t], not muat_potret(t)))
    elif b.versi_pk:
        # No version has a Rencana Aksi yet: one line, not an empty landscape table.
        teks = _("Belum ada Rencana Aksi untuk Perjanjian Kinerja tahun %(tahun)s.") % {"tahun": b.tahun}
        daftar.append((judul_ra, [Paragraf(teks)], False))
    if b.efisiensi:
        daftar.append(
            (
                _("Pengukuran Kinerja Kegiatan Tahun %(tahun)s") % {"tahun": b.tahun},
                [lampiran_pengukuran_kegiatan(b)],
                True,
            )
        )
        daftar.append(
            (
                _("Pengukuran Efisiensi Sub-kegiatan Tahun %(tahun)s") % {"tahun": b.tahun},
                [lampiran_efisiensi(b)],
                True,
            )
        )
    kertas: dict[int, str] = {}
    for judul, blok_pohon, lanskap, ukuran in lampiran_pohon(b.pohon):
        if blok_pohon:
            daftar.append((judul, blok_pohon, lanskap))
            kertas[len(daftar)] = ukuran
    if t := lampiran_capaian_unit(b):
        daftar.append((t.judul, [t], not muat_potret(t)))
    if t := lampiran_matriks_tl(b):
        daftar.append((t.judul, [t], True))
    if b.dengan_peringatan:
        blok: list[Blok] = [DaftarPeringatan(b.peringatan)]
        if not b.peringatan:
            blok = [Paragraf(_("Pemeriksaan konsistensi tidak menemukan peringatan."))]
        daftar.append((_("Peringatan Konsistensi Data"), blok, False))
    hasil = []
    for i, (judul, blok, lanskap) in enumerate(daftar, start=1):
        blok_bernama = [
            Tabel(
                f"lampiran-{i}-tabel" + (f"-{j}" if j else ""),
                None,
                x.judul,
                x.kepala,
                x.baris,
                x.catatan,
                x.lanskap or lanskap,
                x.kecil,
            )
            if isinstance(x, Tabel)
            else dataclasses.replace(x, id=f"lampiran-{i}-gambar-{j + 1}")
            if isinstance(x, Gambar)
            else dataclasses.replace(x, tabel=dataclasses.replace(x.tabel, id=f"lampiran-{i}-tabel"))
            if isinstance(x, KeputusanIKU) and x.tabel is not None
            else x
            for j, x in enumerate(blok)
        ]
        hasil.append(
            Bagian(
                f"lampiran-{i}",
                _("Lampiran %(nomor)s") % {"nomor": i},
                judul,
                1,
                tuple(blok_bernama),
                lanskap=lanskap,
                kertas=kertas.get(i, ""),
            )
        )
    return tuple(hasil)


def lampiran_matriks_tl(b: Bundel) -> Tabel | None:
    """The follow-up matrix (the year's recommendations and those still open from earlier years), as at 31
    December: the register's columns (`tindak_lanjut.matriks`)."""
    if not b.tindak_lanjut.matriks:
        return None
    baris = tuple(
        Baris(tuple(Sel(v, "bulat" if i == 0 else "persen" if i == 10 else "teks") for i, v in enumerate(m.sel())))
        for m in baris_matriks(list(b.tindak_lanjut.matriks))
    )
    return Tabel(
        "lampiran-matriks-tl",
        None,
        _("Matriks Tindak Lanjut Rekomendasi per 31 Desember %(tahun)s") % {"tahun": b.tahun},
        kepala_tabel(*kolom_matriks()),
        baris,
        kecil=True,
        lanskap=True,
    )


def lampiran_iku(b: Bundel) -> Tabel | None:
    kepala = kepala_tabel(
        pgettext("nomor urut", "No"),
        _("Sasaran"),
        _("Indikator Kinerja Utama"),
        _("Definisi Operasional"),
        _("Formula"),
        _("Sumber Data"),
        _("Penanggung Jawab"),
    )
    baris = []
    nomor = 0
    for ns in b.ukur.sasaran:
        iku = [bp.indikator for bp in ns.baris if bp.indikator.iku]
        if not iku:
            continue
        nomor += 1
        for i, ind in enumerate(iku):
            sel = [Sel(nomor, "bulat", rowspan=len(iku)), Sel(ns.sasaran.nama, rowspan=len(iku))] if i == 0 else []
            sel += [
                Sel(ind.nama),
                Sel(ind.definisi_operasional or "–"),
                Sel(ind.formula or "–"),
                Sel(ind.sumber_data or "–"),
                penanggung_jawab(b),
            ]
            baris.append(Baris(tuple(sel)))
    if not baris:
        return None
    return Tabel(
        "lampiran-iku",
        None,
        _("Indikator Kinerja Utama %(unit)s") % {"unit": b.unit.nama},
        kepala,
        tuple(baris),
        kecil=True,
        lanskap=True,
    )


def lampiran_rencana_aksi(b: Bundel) -> Tabel | None:
    kepala = (
        (
            Sel(pgettext("nomor urut", "No"), rowspan=2),
            Sel(_("Sasaran"), rowspan=2),
            Sel(_("Indikator Kinerja"), rowspan=2),
            Sel(_("Target Tahunan"), rowspan=2),
            Sel(_("Target Kumulatif"), colspan=4),
            Sel(_("Realisasi Kumulatif"), colspan=4),
        ),
        tuple(Sel(f"B{3 * i}") for i in range(1, 5)) * 2,
    )
    baris = []
    nomor = 0
    ra_versi = {x.id: x for x in b.rencana_aksi.versi}
    for v in b.versi_pk:
        isi = [bp for bp in v.baris.all() if list(bp.rencana_aksi.all())]
        if not isi:
            if ra_versi[v.pk].belum_ada_rencana_aksi:
                # A version with indikator rows but no Rencana Aksi yet is named, not skipped.
                teks = _("PK versi %(nomor)s (%(periode)s): belum ada Rencana Aksi")
                baris.append(Baris((Sel(teks % {"nomor": v.nomor, "periode": periode_pk(v)}, colspan=12),), "kelompok"))
            continue
        baris.append(
            Baris(
                (
                    Sel(
                        _("PK versi %(nomor)s (%(periode)s)") % {"nomor": v.nomor, "periode": periode_pk(v)},
                        colspan=12,
                    ),
                ),
                "kelompok",
            )
        )
        for bp in isi:
            nomor += 1
            target = {r.triwulan: r.target_kumulatif for r in bp.rencana_aksi.all()}
            if bp.indikator_id:
                kumulatif = fi.hitung_kumulatif_triwulan(
                    nilai_triwulan=b.triwulan_indikator(bp.indikator_id), agregasi=Agregasi(bp.indikator.agregasi)
                )
            else:
                kumulatif = [None] * 4
            t = iq.NilaiTargetEfektif(bp.nilai, bp.nilai_atas, bp.nilai_kualitatif, bp.teks_tampilan, "pk")
            baris.append(
                Baris(
                    (
                        Sel(nomor, "bulat"),
                        Sel(bp.uraian_sasaran),
                        Sel(bp.uraian_indikator or "–"),
                        target_sel(t),
                        *(Sel(target.get(q), "angka") for q in range(1, 5)),
                        *(Sel(k, "angka") for k in kumulatif),
                    )
                )
            )
    if not nomor:  # no indikator row with a Rencana Aksi in any version
        return None
    return Tabel(
        "lampiran-rencana-aksi",
        None,
        _("Rencana Aksi Perjanjian Kinerja Tahun %(tahun)s") % {"tahun": b.tahun},
        kepala,
        tuple(baris),
        catatan=(_("B3/B6/B9/B12: kumulatif sampai bulan ke-3/6/9/12; realisasi dari data triwulanan indikator."),),
    )


def lampiran_pengukuran_kegiatan(b: Bundel) -> Tabel:
    kepala = kepala_tabel(
        pgettext("nomor urut", "No"),
        _("Sasaran"),
        _("Indikator Sasaran"),
        _("Sub-kegiatan"),
        _("Indikator Kinerja"),
        _("Satuan"),
        _("Target"),
        _("Realisasi"),
        _("%"),
    )
    baris = []
    for i, e in enumerate(b.efisiensi, start=1):
        sasaran = "; ".join(s.nama for s in e.sasaran) or "–"
        indikator = "; ".join(x.nama for x in e.indikator) or "–"
        baris.append(
            Baris(
                (
                    Sel(i, "bulat", rowspan=2),
                    Sel(sasaran, rowspan=2),
                    Sel(indikator, rowspan=2),
                    Sel(e.sub.nama, rowspan=2),
                    Sel(_("Input: Dana")),
                    Sel("Rp"),
                    Sel(e.pagu, "rupiah"),
                    Sel(e.realisasi_dana, "rupiah"),
                    Sel(e.hasil.persen_input, "persen"),
                )
            )
        )
        baris.append(
            Baris(
                (
                    Sel(
                        _("Output: %(uraian)s") % {"uraian": e.sub.uraian_output}
                        if e.sub.uraian_output
                        else _("Output")
                    ),
                    Sel(e.sub.satuan_output or "–"),
                    Sel(e.sub.target_output, "angka"),
                    Sel(e.sub.realisasi_output, "angka"),
                    Sel(e.hasil.persen_output, "persen"),
                )
            )
        )
    return Tabel(
        "lampiran-pengukuran-kegiatan",
        None,
        _("Pengukuran Kinerja Kegiatan Tahun %(tahun)s") % {"tahun": b.tahun},
        kepala,
        tuple(baris),
        lanskap=True,
        kecil=True,
    )


def lampiran_efisiensi(b: Bundel) -> Tabel:
    kepala = kepala_tabel(
        pgettext("nomor urut", "No"),
        _("Sasaran"),
        _("Indikator"),
        _("Sub-kegiatan"),
        _("% Input"),
        _("% Output"),
        "IE",
        "SE",
        "TE",
        _("Kategori"),
    )
    baris = []
    for i, e in enumerate(b.efisiensi, start=1):
        h = e.hasil
        baris.append(
            Baris(
                (
                    Sel(i, "bulat"),
                    Sel("; ".join(s.nama for s in e.sasaran) or "–"),
                    Sel("; ".join(x.nama for x in e.indikator) or "–"),
                    Sel(e.sub.nama),
                    Sel(h.persen_input, "persen"),
                    Sel(h.persen_output, "persen"),
                    Sel(h.ie, "rasio"),
                    Sel(h.se, "rasio"),
                    Sel(h.te, "rasio"),
                    Sel(str(h.kategori.label) if h.kategori else _("Tidak dapat dihitung")),
                )
            )
        )
    return Tabel(
        "lampiran-efisiensi",
        None,
        _("Pengukuran Efisiensi Sub-kegiatan Tahun %(tahun)s") % {"tahun": b.tahun},
        kepala,
        tuple(baris),
        catatan=(_("IE = % output / % input; TE = (IE − SE) / SE; efisien bila IE ≥ SE."),),
        lanskap=True,
        kecil=True,
    )
