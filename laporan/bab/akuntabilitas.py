"""Bab III Akuntabilitas Kinerja: achievement of the sasaran and IKU, the analysis per sasaran (history tables,
charts, per-indikator sentences and narrative), budget realisation and efficiency."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from anggaran import queries as aq
from anggaran.enums import KategoriEfisiensi
from indikator import queries as iq
from indikator.enums import AgregasiNko
from tindak_lanjut.enums import StatusRekomendasi
from umum.format import format_angka, format_persen, format_rupiah

from .. import grafik
from ..bundel import Bundel
from ..dokumen import Bagian, Baris, Blok, Daftar, Gambar, Narasi, Paragraf, Sel, Tabel, muat_potret
from ..markdown import render_markdown
from . import kalimat, kerangka, konsolidasi
from .bantu import (
    HURUF,
    angka,
    gambar_baru,
    label_kriteria,
    realisasi_sel,
    realisasi_teks,
    tabel_baru,
    target_sel,
)
from .bantu import kepala as kepala_tabel


def bab_akuntabilitas(b: Bundel) -> Bagian:
    # The chapter's introduction announces Tabel 7 ("seperti pada tabel 7 berikut"): it opens the section that
    # holds the table, under the introduction's own heading when it has one.
    capaian: list[Blok] = [n] if (n := b.narasi.ambil("bab3_pendahuluan")) else []
    capaian += [tabel_capaian(b), Paragraf(kalimat.nko(b))]
    if n := b.narasi.ambil("bab3_nps"):
        capaian.append(n)
    if b.ukur.baris:
        capaian += [tabel_iku(b), Paragraf(kalimat.indikator_kriteria(b))]
    if g := gambar_capaian(b):
        capaian.append(g)
    analisis_anak = analisis_sasaran(b)
    # The figures before the narrative, which comments on them ("Berdasarkan tabel di atas ...").
    keuangan: list[Blok] = [Paragraf(kalimat.anggaran(b))]
    if k := kalimat.anggaran_pk(b):
        keuangan.append(Paragraf(k))
    if b.anggaran.baris:
        keuangan.append(tabel_anggaran_program(b))
        if g := gambar_serapan(b):
            keuangan.append(g)
        keuangan.append(tabel_anggaran_komponen(b))
    if t := konsolidasi.tabel_anggaran_gabungan(b):
        keuangan.append(t)
    efisiensi: list[Blok] = []
    if k := kalimat_efisiensi(b):
        efisiensi.append(Paragraf(k))
    if k := konsolidasi.kalimat_efisiensi_gabungan(b):
        efisiensi.append(Paragraf(k))
    isi = {"bab3_capaian": capaian, "bab3_efisiensi": efisiensi}
    if analisis_anak:
        isi["bab3_analisis"] = (
            [Paragraf(_("Analisis capaian per sasaran disajikan berikut ini."))]
            if not b.narasi.umum.get("bab3_analisis")
            else []
        )
    anak = []
    for a in kerangka.slot(b, 3, kerangka.huruf, isi, awal={"bab3_akuntabilitas_keuangan": keuangan}):
        if a.id == "bab-3-bab3_analisis":
            # Every sasaran landscape: the section's heading and introduction go with them.
            lanskap = all(x.lanskap for x in analisis_anak)
            a = dataclasses.replace(a, anak=tuple(analisis_anak), lanskap=lanskap)
        elif a.id == "bab-3-bab3_capaian":
            a = dataclasses.replace(a, judul=b.narasi.judul("bab3_pendahuluan", a.judul))
        anak.append(a)
    return kerangka.susun_bab(3, _("AKUNTABILITAS KINERJA"), anak)


# ---------------------------------------------------------------------- achievement


def _kelompok(b: Bundel) -> list[tuple[iq.NpsPerspektif | None, tuple[iq.NpsSasaran, ...]]]:
    """The sasaran grouped by perspective, or one group without a heading for a scheme without perspectives."""
    if not b.ukur.pakai_perspektif:
        return [(None, b.ukur.sasaran)]
    return [(p, p.sasaran) for p in b.ukur.perspektif]


def kriteria_atau_alasan(bp: iq.BarisPengukuran) -> str:
    """The band of an indikator, or "tidak dihitung" with the reason (domain guide §2: never silent)."""
    if bp.capaian is None and bp.alasan is not None:
        return _("tidak dihitung: %(alasan)s") % {"alasan": bp.alasan.label}
    return label_kriteria(bp.kriteria)


def _catatan_nko(b: Bundel) -> str:
    if b.ukur.pakai_perspektif:
        teks = _(
            "NPS perspektif = rata-rata capaian indikator dalam perspektif; NKO = rata-rata NPS perspektif "
            "(skema %(skema)s)."
        ) % {"skema": b.skema.nama}
    elif b.skema.agregasi_nko == AgregasiNko.RATA_INDIKATOR:
        teks = _("NKO = rata-rata capaian seluruh indikator (skema %(skema)s).") % {"skema": b.skema.nama}
    else:
        teks = _("NKO = rata-rata NPS sasaran (skema %(skema)s).") % {"skema": b.skema.nama}
    return f"{teks} {kalimat.cakupan_nko(b)}"


def tabel_capaian(b: Bundel) -> Tabel:
    kepala = kepala_tabel(
        _("Perspektif / Sasaran") if b.ukur.pakai_perspektif else _("Sasaran"),
        _("Indikator Kinerja"),
        _("Capaian (%)"),
        _("NPS Sasaran (%)"),
        _("Kriteria"),
    )
    baris: list[Baris] = []
    for ip, (p, daftar_sasaran) in enumerate(_kelompok(b)):
        if p is not None:
            baris.append(
                Baris(
                    (
                        Sel(f"{HURUF[ip]}. {p.label}", colspan=3, tebal=True),
                        Sel(p.nps, "persen", tebal=True),
                        Sel(label_kriteria(p.kriteria), tebal=True),
                    ),
                    "kelompok",
                )
            )
        for ns in daftar_sasaran:
            for i, bp in enumerate(ns.baris):
                sel = [Sel(ns.sasaran.nama, rowspan=len(ns.baris))] if i == 0 else []
                sel += [Sel(bp.indikator.nama), Sel(bp.capaian, "persen")]
                if i == 0:
                    sel.append(Sel(ns.nps, "persen", rowspan=len(ns.baris)))
                sel.append(Sel(kriteria_atau_alasan(bp)))
                baris.append(Baris(tuple(sel)))
    baris.append(
        Baris(
            (
                Sel(_("Nilai Kinerja Organisasi (NKO)"), colspan=3, tebal=True),
                Sel(b.ukur.nko, "persen", tebal=True),
                Sel(label_kriteria(b.ukur.kriteria_nko), tebal=True),
            ),
            "total",
        )
    )
    return tabel_baru(
        _("Pencapaian Sasaran %(unit)s Tahun %(tahun)s") % {"unit": b.unit.nama, "tahun": b.tahun},
        kepala,
        tuple(baris),
        catatan=(_catatan_nko(b),),
    )


def tabel_iku(b: Bundel) -> Tabel:
    kepala = kepala_tabel(
        _("Perspektif / Sasaran") if b.ukur.pakai_perspektif else _("Sasaran"),
        _("Indikator Kinerja Utama"),
        _("Satuan"),
        _("Target"),
        _("Realisasi"),
        _("Capaian (%)"),
        _("Kriteria"),
    )
    baris: list[Baris] = []
    for ip, (p, daftar_sasaran) in enumerate(_kelompok(b)):
        if p is not None:
            baris.append(Baris((Sel(f"{HURUF[ip]}. {p.label}", colspan=7, tebal=True),), "kelompok"))
        for ns in daftar_sasaran:
            iku = [bp for bp in ns.baris if bp.indikator.iku]
            for i, bp in enumerate(iku):
                sel = [Sel(ns.sasaran.nama, rowspan=len(iku))] if i == 0 else []
                sel += [
                    Sel(bp.indikator.nama),
                    Sel(bp.indikator.satuan or "–"),
                    target_sel(bp.target),
                    realisasi_sel(bp.realisasi.nilai, bp.realisasi.kualitatif),
                    Sel(bp.capaian, "persen"),
                    Sel(kriteria_atau_alasan(bp)),
                ]
                baris.append(Baris(tuple(sel)))
    return tabel_baru(
        _("Pencapaian IKU %(unit)s Tahun %(tahun)s") % {"unit": b.unit.nama, "tahun": b.tahun},
        kepala,
        tuple(baris),
    )


def gambar_capaian(b: Bundel) -> Gambar | None:
    if not b.ukur.baris:
        return None
    judul = _("Capaian Indikator Kinerja %(unit)s Tahun %(tahun)s") % {"unit": b.unit.nama, "tahun": b.tahun}
    svg = grafik.batang_persen(
        [
            grafik.Butir(
                f"{i}. {bp.indikator.nama}", bp.capaian, bp.kriteria.warna if bp.kriteria else grafik.WARNA_UTAMA
            )
            for i, bp in enumerate(b.ukur.baris, start=1)
        ],
        judul=judul,
    )
    return gambar_baru(judul, svg)


# ---------------------------------------------------------------------- analysis per sasaran


def analisis_sasaran(b: Bundel) -> list[Bagian]:
    hasil = []
    sasaran_akip = _sasaran_akip(b)
    nomor = 0
    for ns in b.ukur.sasaran:
        if not ns.baris:
            continue
        nomor += 1
        blok: list[Blok] = []
        iku = [bp.indikator.nama for bp in ns.baris if bp.indikator.iku]
        if iku:
            blok.append(Daftar(tuple(iku), bernomor=len(iku) > 1, judul=_("IKU:")))
        blok.append(
            Paragraf(
                ngettext(
                    "Keberhasilan sasaran ini diukur dengan %(n)s indikator; nilai pencapaian sasaran (NPS) "
                    "%(nps)s dengan kategori %(kriteria)s.",
                    "Keberhasilan sasaran ini diukur dengan %(n)s indikator; nilai pencapaian sasaran (NPS) "
                    "%(nps)s dengan kategori %(kriteria)s.",
                    len(ns.baris),
                )
                % {"n": len(ns.baris), "nps": format_persen(ns.nps), "kriteria": label_kriteria(ns.kriteria)}
            )
        )
        riwayat = tabel_riwayat(b, ns)
        blok.append(riwayat)
        for bp in ns.baris:
            blok.append(Paragraf(kalimat_indikator(b, bp)))
            if t := konsolidasi.tabel_kontribusi(b, bp):
                blok.append(t)
            catatan = bp.realisasi.catatan
            if catatan is not None:
                for kunci, label in (
                    ("analisis", ""),
                    ("faktor_pendukung", _("Faktor pendukung")),
                    ("faktor_penghambat", _("Faktor penghambat")),
                    ("rencana_tindak_lanjut", _("Rencana tindak lanjut")),
                ):
                    teks = (getattr(catatan, kunci) or "").strip()
                    if teks:
                        blok.append(Narasi(kunci, label, teks, render_markdown(teks)))
        narasi = b.narasi.untuk_sasaran(ns.sasaran.pk)
        # Narrative first part (analysis) before the charts, the rest after.
        blok.extend(narasi[:1])
        for bp in ns.baris:
            if bp.indikator.iku and (g := gambar_riwayat(b, bp)):
                blok.append(g)
        if ns.sasaran.pk == sasaran_akip:
            if k := kalimat_akip(b):
                blok.append(Paragraf(k))
            if g := gambar_akip(b):
                blok.append(g)
            blok.extend(tindak_lanjut_evaluasi(b))
        blok.extend(narasi[1:])
        hasil.append(
            Bagian(
                f"sasaran-{ns.sasaran.pk}",
                _("Sasaran %(nomor)s") % {"nomor": nomor},
                ns.sasaran.nama,
                3,
                tuple(blok),
                # A landscape table takes its whole section along (heading, IKU, table, analysis): one turn of
                # the page per landscape run, not two per sasaran.
                lanskap=riwayat.lanskap,
            )
        )
    return hasil


def kalimat_indikator(b: Bundel, bp: iq.BarisPengukuran) -> str:
    if not bp.ada_realisasi:
        return _("Indikator “%(nama)s” belum memiliki data realisasi tahun %(tahun)s (target %(target)s).") % {
            "nama": bp.indikator.nama,
            "tahun": b.tahun,
            "target": bp.target.teks_target(),
        }
    satuan = f" {bp.indikator.satuan}" if bp.indikator.satuan and bp.indikator.satuan not in ("%", "-") else ""
    persen = " %" if bp.indikator.satuan == "%" else ""
    data = {
        "nama": bp.indikator.nama,
        "realisasi": realisasi_teks(bp.realisasi.nilai, bp.realisasi.kualitatif) + persen + satuan,
        "target": (
            bp.target.teks_target()
            if any(c.isalpha() for c in bp.target.teks) or bp.target.nilai is None
            else angka(bp.target.nilai) + persen + satuan
        ),
        "capaian": format_persen(bp.capaian),
        "kriteria": label_kriteria(bp.kriteria),
    }
    if bp.capaian is None:
        data["alasan"] = bp.alasan.label if bp.alasan else "–"
        return (
            _("Indikator “%(nama)s” mencapai %(realisasi)s dari target %(target)s; capaian tidak dihitung: %(alasan)s.")
            % data
        )
    return (
        _(
            "Indikator “%(nama)s” mencapai %(realisasi)s dari target %(target)s, sehingga capaian indikator adalah "
            "%(capaian)s dengan kategori %(kriteria)s."
        )
        % data
    )


def tabel_riwayat(b: Bundel, ns: iq.NpsSasaran) -> Tabel:
    """T / R / % of the sasaran's indikator this year, against the final Renstra target and in earlier years."""
    tahun = b.tahun
    akhir = b.renstra.tahun_selesai
    lalu = [t for t in reversed(b.tahun_renstra) if t < tahun]
    kepala1 = [Sel(pgettext("nomor urut", "No"), rowspan=2), Sel(_("Indikator"), rowspan=2)]
    kepala2: list[Sel] = []
    if akhir > tahun:
        kepala1.append(Sel(str(akhir)))
        kepala2.append(Sel("T"))
    kepala1.append(Sel(str(tahun), colspan=4))
    kepala2 += [Sel("T"), Sel("R"), Sel("%"), Sel(_("%% thd %(akhir)s") % {"akhir": akhir})]
    for t in lalu:
        kepala1.append(Sel(str(t), colspan=3))
        kepala2 += [Sel("T"), Sel("R"), Sel("%")]
    baris = []
    for i, bp in enumerate(ns.baris, start=1):
        sel = [Sel(i, "bulat"), Sel(bp.indikator.nama)]
        if akhir > tahun:
            sel.append(
                target_sel(bp.target_akhir) if (bp.target_akhir.nilai is not None or bp.target_akhir.teks) else Sel("–")
            )
        sel += [
            target_sel(bp.target),
            realisasi_sel(bp.realisasi.nilai, bp.realisasi.kualitatif),
            Sel(bp.capaian, "persen"),
            Sel(bp.persen_target_akhir, "persen"),
        ]
        riwayat = b.riwayat.get(bp.indikator.pk)
        for t in lalu:
            nt = riwayat.untuk(t) if riwayat else None
            if nt is None or nt.kosong:
                sel += [Sel("–"), Sel("–"), Sel("–")]
            else:
                sel += [
                    target_sel(nt.target) if (nt.target.nilai is not None or nt.target.teks) else Sel("–"),
                    realisasi_sel(nt.realisasi, nt.realisasi_kualitatif),
                    Sel(nt.capaian, "persen"),
                ]
        baris.append(Baris(tuple(sel)))
    catatan = []
    pendahulu = [
        (bp.indikator, nt.indikator)
        for bp in ns.baris
        if (r := b.riwayat.get(bp.indikator.pk))
        for nt in r.tahun
        if nt.indikator is not None and nt.indikator.pk != bp.indikator.pk and nt.tahun < tahun
    ]
    sudah = set()
    for ind, lama in pendahulu:
        if (ind.pk, lama.pk) in sudah:
            continue
        sudah.add((ind.pk, lama.pk))
        catatan.append(
            _("Data tahun sebelumnya untuk “%(baru)s” berasal dari indikator struktur lama “%(lama)s”.")
            % {"baru": ind.nama, "lama": lama.nama}
        )
    tabel = tabel_baru(
        _("Pencapaian Sasaran %(sasaran)s") % {"sasaran": ns.sasaran.nama},
        (tuple(kepala1), tuple(kepala2)),
        tuple(baris),
        catatan=tuple(catatan),
        kecil=True,
    )
    # Landscape only when the year-on-year columns do not fit a portrait page (its section goes with it).
    return tabel if muat_potret(tabel) else dataclasses.replace(tabel, lanskap=True)


def gambar_riwayat(b: Bundel, bp: iq.BarisPengukuran) -> Gambar | None:
    """Target vs realisasi of an IKU across the Renstra years (only when at least two years have data)."""
    riwayat = b.riwayat.get(bp.indikator.pk)
    if riwayat is None:
        return None
    tahun = [t for t in b.tahun_renstra if t <= b.tahun]
    target = tuple(riwayat.untuk(t).target.nilai if riwayat.untuk(t) else None for t in tahun)
    real = tuple(riwayat.untuk(t).realisasi if riwayat.untuk(t) else None for t in tahun)
    if sum(1 for r in real if r is not None) < 2:
        return None
    judul = _("Target dan Realisasi %(indikator)s %(awal)s–%(akhir)s") % {
        "indikator": bp.indikator.nama,
        "awal": tahun[0],
        "akhir": tahun[-1],
    }
    svg = grafik.batang_kelompok(
        [str(t) for t in tahun],
        [
            grafik.Seri(_("Target"), target, grafik.WARNA_KEDUA),
            grafik.Seri(_("Realisasi"), real, grafik.WARNA_UTAMA),
        ],
        judul=judul,
    )
    # Bars of an older indikator (the structure before a Renstra revision) are named under the chart.
    lama: dict[str, list[int]] = {}
    for t in tahun:
        nt = riwayat.untuk(t)
        if nt is not None and nt.indikator is not None and nt.indikator.pk != bp.indikator.pk and not nt.kosong:
            lama.setdefault(nt.indikator.nama, []).append(t)
    catatan = " ".join(
        _("Tahun %(tahun)s: indikator struktur lama “%(lama)s”.")
        % {"tahun": ", ".join(str(t) for t in daftar), "lama": nama}
        for nama, daftar in lama.items()
    )
    return dataclasses.replace(gambar_baru(judul, svg), catatan=catatan)


def _sasaran_akip(b: Bundel) -> int | None:
    """The sasaran that carries the AKIP score (an indikator flagged `ukur_akip`); the AKIP chart goes there."""
    for ns in b.ukur.sasaran:
        if any(bp.indikator.ukur_akip for bp in ns.baris):
            return ns.sasaran.pk
    return None


def kalimat_akip(b: Bundel) -> str | None:
    data = [a for a in b.akip if a.nilai is not None]
    if not data:
        return None
    kini = data[-1]
    return _("Nilai AKIP %(unit)s tahun %(tahun)s adalah %(nilai)s (predikat %(predikat)s); riwayat: %(riwayat)s.") % {
        "unit": b.unit.nama,
        "tahun": kini.tahun,
        "nilai": format_angka(kini.nilai, 2),
        "predikat": kini.predikat,
        "riwayat": ", ".join(f"{format_angka(a.nilai, 2)} ({a.tahun})" for a in data),
    }


def tindak_lanjut_evaluasi(b: Bundel) -> list[Blok]:
    """The recommendations of the AKIP evaluation of the previous year's implementation (made during the report
    year: "evaluasi SAKIP tahun <year of the LHE>") and their status as at 31 December (the register,
    `tindak_lanjut`), under the AKIP indikator."""
    daftar = b.tindak_lanjut.evaluasi_lalu
    if not daftar:
        return []
    sumber = []
    for x in daftar:
        s = x.rekomendasi.sumber
        teks = f"{s.penerbit} ({s.nomor})" if s.penerbit else s.nomor
        if teks not in sumber:
            sumber.append(teks)
    tahun_evaluasi = sorted({x.rekomendasi.sumber.tanggal.year for x in daftar})
    sesuai = sum(1 for x in daftar if x.status == StatusRekomendasi.SESUAI)
    pembuka = ngettext(
        "Berdasarkan hasil evaluasi atas Sistem Akuntabilitas Kinerja Instansi Pemerintah tahun %(tahun)s oleh "
        "%(sumber)s, terdapat %(n)s rekomendasi; %(s)s di antaranya telah ditindaklanjuti sesuai rekomendasi. "
        "Status per 31 Desember %(kini)s:",
        "Berdasarkan hasil evaluasi atas Sistem Akuntabilitas Kinerja Instansi Pemerintah tahun %(tahun)s oleh "
        "%(sumber)s, terdapat %(n)s rekomendasi; %(s)s di antaranya telah ditindaklanjuti sesuai rekomendasi. "
        "Status per 31 Desember %(kini)s:",
        len(daftar),
    ) % {
        "tahun": ", ".join(str(t) for t in tahun_evaluasi),
        "sumber": ", ".join(sumber),
        "n": len(daftar),
        "s": sesuai,
        "kini": b.tahun,
    }
    butir = tuple(
        _("%(uraian)s — %(status)s") % {"uraian": x.rekomendasi.uraian, "status": x.label_status} for x in daftar
    )
    return [Paragraf(pembuka), Daftar(butir, bernomor=True)]


def gambar_akip(b: Bundel) -> Gambar | None:
    data = [a for a in b.akip if a.nilai is not None]
    if len(data) < 2:
        return None
    judul = _("Nilai AKIP %(unit)s %(awal)s–%(akhir)s") % {
        "unit": b.unit.nama,
        "awal": data[0].tahun,
        "akhir": data[-1].tahun,
    }
    svg = grafik.garis(
        [f"{a.tahun} ({a.predikat})" for a in data],
        [grafik.Seri(_("Nilai AKIP"), tuple(a.nilai for a in data))],
        judul=judul,
    )
    return gambar_baru(judul, svg)


# ---------------------------------------------------------------------- budget and efficiency


def tandai_data(b: Bundel) -> bool:
    """Whether the tables flag data-quality findings (budget lines that disagree with their children): only a
    draft does; a final report prints clean tables (the findings are in the optional warnings annex)."""
    return not b.periode.final


def tabel_anggaran_program(b: Bundel) -> Tabel:
    tandai = tandai_data(b)
    kepala = kepala_tabel(
        pgettext("nomor urut", "No"),
        _("Program"),
        _("Pagu (Rp)"),
        _("Realisasi (Rp)"),
        _("Sisa (Rp)"),
        _("Serapan (%)"),
    )
    baris = [
        Baris(
            (
                Sel(ba.mata.kode),
                Sel(ba.mata.nama),
                Sel(ba.pagu, "rupiah"),
                Sel(ba.realisasi, "rupiah", tanda="*" if tandai and ba.selisih_realisasi else ""),
                Sel(ba.sisa, "rupiah"),
                Sel(ba.serapan, "persen"),
            )
        )
        for ba in b.anggaran.akar
    ]
    a = b.anggaran
    baris.append(
        Baris(
            (
                Sel(_("Total"), colspan=2),
                Sel(a.total_pagu, "rupiah"),
                Sel(a.total_realisasi, "rupiah"),
                Sel(a.total_sisa, "rupiah"),
                Sel(a.total_serapan, "persen"),
            ),
            "total",
        )
    )
    return tabel_baru(
        _("Realisasi Anggaran %(unit)s Tahun %(tahun)s") % {"unit": b.unit.nama, "tahun": b.tahun},
        kepala,
        tuple(baris),
        catatan=_catatan_selisih(b.anggaran.akar) if tandai else (),
    )


def _catatan_selisih(baris: Iterable[aq.BarisAnggaranHasil]) -> tuple[str, ...]:
    """Notes on budget lines whose own figure disagrees with the sum of their children."""
    catatan = []
    for ba in baris:
        if ba.selisih_pagu:
            catatan.append(
                _("* %(kode)s: pagu tercatat %(sendiri)s, jumlah rinciannya %(anak)s.")
                % {"kode": ba.mata.kode, "sendiri": format_rupiah(ba.pagu), "anak": format_rupiah(ba.pagu_anak)}
            )
        if ba.selisih_realisasi:
            catatan.append(
                _("* %(kode)s: realisasi tercatat %(sendiri)s, jumlah rinciannya %(anak)s.")
                % {
                    "kode": ba.mata.kode,
                    "sendiri": format_rupiah(ba.realisasi),
                    "anak": format_rupiah(ba.realisasi_anak),
                }
            )
    return tuple(catatan)


def tabel_anggaran_komponen(b: Bundel) -> Tabel:
    tandai = tandai_data(b)
    kepala = kepala_tabel(
        _("Kode"), _("Kegiatan / Komponen"), _("Pagu (Rp)"), _("Realisasi (Rp)"), _("Sisa (Rp)"), _("Serapan (%)")
    )
    baris = []
    for ba in b.anggaran.baris:
        baris.append(
            Baris(
                (
                    Sel(ba.mata.kode),
                    Sel(ba.mata.nama, tingkat=ba.tingkat, tebal=ba.tingkat == 0),
                    Sel(ba.pagu, "rupiah", tanda="*" if tandai and ba.selisih_pagu else ""),
                    Sel(ba.realisasi, "rupiah", tanda="*" if tandai and ba.selisih_realisasi else ""),
                    Sel(ba.sisa, "rupiah"),
                    Sel(ba.serapan, "persen"),
                ),
                "kelompok" if ba.tingkat == 0 else "",
            )
        )
    a = b.anggaran
    baris.append(
        Baris(
            (
                Sel(_("Total Anggaran"), colspan=2),
                Sel(a.total_pagu, "rupiah"),
                Sel(a.total_realisasi, "rupiah"),
                Sel(a.total_sisa, "rupiah"),
                Sel(a.total_serapan, "persen"),
            ),
            "total",
        )
    )
    catatan = _catatan_selisih(b.anggaran.baris) if tandai else ()
    if catatan:
        catatan = (
            _(
                "Tanda * menandai baris yang angkanya sendiri berbeda dengan jumlah rinciannya; total dihitung dari angka baris induk."
            ),
            *catatan,
        )
    return tabel_baru(
        _("Realisasi Anggaran %(unit)s per Komponen Tahun %(tahun)s") % {"unit": b.unit.nama, "tahun": b.tahun},
        kepala,
        tuple(baris),
        catatan=catatan,
        kecil=True,
    )


def gambar_serapan(b: Bundel) -> Gambar | None:
    akar = b.anggaran.akar
    if not akar:
        return None
    judul = _("Serapan Anggaran per Program %(unit)s Tahun %(tahun)s") % {"unit": b.unit.nama, "tahun": b.tahun}
    svg = grafik.batang_persen([grafik.Butir(f"{a.mata.kode} {a.mata.nama}", a.serapan) for a in akar], judul=judul)
    return gambar_baru(judul, svg)


def kalimat_efisiensi(b: Bundel) -> str | None:
    if not b.efisiensi:
        return None
    efisien = sum(1 for e in b.efisiensi if e.hasil.kategori == KategoriEfisiensi.EFISIEN)
    tidak = sum(1 for e in b.efisiensi if e.hasil.kategori == KategoriEfisiensi.TIDAK_EFISIEN)
    kosong = len(b.efisiensi) - efisien - tidak
    teks = _("Dari %(n)s sub-kegiatan, %(efisien)s efisien dan %(tidak)s tidak efisien (SE = %(se)s).") % {
        "n": len(b.efisiensi),
        "efisien": efisien,
        "tidak": tidak,
        "se": format_angka(b.efisiensi[0].hasil.se, None),
    }
    if kosong:
        teks += " " + _(
            "Efisiensi %(n)s sub-kegiatan tidak dapat dihitung karena data input atau output belum lengkap."
        ) % {"n": kosong}
    return teks + " " + _("Rincian per sub-kegiatan disajikan pada lampiran pengukuran efisiensi.")
