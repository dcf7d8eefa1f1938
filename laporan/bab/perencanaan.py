"""Bab II Perencanaan Kinerja: Renstra (visi, misi, tujuan, sasaran and targets per structure), budget
allocation, the Perjanjian Kinerja versions and the programs behind each indikator."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from indikator import queries as iq
from indikator.formulas import pilih_versi_berlaku
from indikator.models import RevisiRenstra, VersiPK
from umum.format import format_angka

from .. import formulas as fl
from ..bundel import Bundel
from ..dokumen import Bagian, Baris, Blok, Daftar, Paragraf, Sel, Tabel
from . import kerangka
from .bantu import kepala as kepala_tabel
from .bantu import tabel_baru, tanggal, target_sel
from .gambar import gambar_peta_strategi


def bab_perencanaan(b: Bundel) -> Bagian:
    renstra: list[Blok] = []
    if b.renstra.visi:
        renstra.append(Paragraf(_("Visi: “%(visi)s”") % {"visi": b.renstra.visi}))
    misi = tuple(x.strip() for x in b.renstra.misi.splitlines() if x.strip())
    if misi:
        renstra.append(Daftar(misi, bernomor=True, judul=_("Misi:")))
    if b.tujuan:
        renstra.append(Daftar(tuple(t.uraian for t in b.tujuan), bernomor=True, judul=_("Tujuan:")))
    for r in (r for r in b.semua_revisi if r.nomor < b.revisi.nomor):
        t = tabel_struktur(
            b,
            r,
            _("Sasaran dan Indikator Kinerja %(awal)s–%(akhir)s (%(nama)s)")
            % {"awal": r.berlaku_mulai, "akhir": r.berlaku_sampai, "nama": r.nama},
        )
        if t:
            renstra.append(t)
    kini = b.revisi_kini
    if t := tabel_struktur(
        b,
        kini,
        _("Sasaran dan Indikator Kinerja %(awal)s–%(akhir)s (%(nama)s)")
        % {"awal": kini.berlaku_mulai, "akhir": b.renstra.tahun_selesai, "nama": kini.nama},
    ):
        renstra.append(t)
    alokasi: list[Blok] = []
    if t := tabel_alokasi(b):
        alokasi.append(t)
    pk: list[Blok] = []
    if t := tabel_pk(b):
        pk.append(t)
    program: list[Blok] = [tabel_program(b)] if b.ukur.baris else []
    peta: list[Blok] = list(gambar_peta_strategi(b))
    isi = {
        "bab2_rencana_strategis": renstra,
        "bab2_peta_strategi": peta,
        "bab2_alokasi": alokasi,
        "bab2_program_kegiatan": program,
    }
    # Tabel 5 (the PK) after the narrative's opening paragraph: its closing sentence announces Tabel 6.
    anak = kerangka.slot(b, 2, kerangka.huruf, isi, sela={"bab2_perjanjian_kinerja": pk})
    return kerangka.susun_bab(2, _("PERENCANAAN KINERJA"), anak)


def tabel_struktur(b: Bundel, revisi: RevisiRenstra, judul: str, nomor: bool = True) -> Tabel | None:
    """Sasaran, indikator and Renstra targets per year of one structure (a numbered table, or the lampiran's)."""
    tahun = list(range(revisi.berlaku_mulai, revisi.berlaku_sampai + 1))
    if revisi.pk == b.revisi.pk:
        tahun = [t for t in b.tahun_renstra if t >= revisi.berlaku_mulai]
    # A year without any target of the structure (a new unit that set only this year's) is no column of dashes.
    semua = [ind.pk for s in revisi.sasaran.all() for ind in s.indikator.all()]
    tahun = [t for t in tahun if t == b.tahun or any((i, t) in b.target_renstra for i in semua)] or tahun
    kepala = (
        (
            Sel(_("Sasaran"), rowspan=2),
            Sel(_("Indikator Kinerja"), rowspan=2),
            Sel(_("Target"), colspan=len(tahun)),
        ),
        tuple(Sel(str(t)) for t in tahun),
    )
    baris = []
    for s in revisi.sasaran.all():
        daftar = list(s.indikator.all())
        for i, ind in enumerate(daftar):
            sel = [Sel(s.nama, rowspan=len(daftar))] if i == 0 else []
            sel.append(Sel(ind.nama))
            for t in tahun:
                tg = b.target_renstra.get((ind.pk, t))
                if tg is None:
                    sel.append(Sel("–"))
                else:
                    sel.append(
                        target_sel(
                            iq.NilaiTargetEfektif(
                                tg.nilai, tg.nilai_atas, tg.nilai_kualitatif, tg.teks_tampilan, "renstra"
                            )
                        )
                    )
            baris.append(Baris(tuple(sel)))
    if not baris:
        return None
    if not nomor:
        return Tabel(id="lampiran-renstra", nomor=None, judul=judul, kepala=kepala, baris=tuple(baris))
    return tabel_baru(judul, kepala, tuple(baris))


def tabel_alokasi(b: Bundel) -> Tabel | None:
    if not b.alokasi:
        return None
    per_program: dict[str, dict[int, Decimal]] = {}
    for a in b.alokasi:
        per_program.setdefault(a.program, {})[a.tahun] = a.nilai
    tahun = b.tahun_renstra
    kepala = (
        (Sel(_("Sasaran Program / Program"), rowspan=2), Sel(_("Alokasi (Rp miliar)"), colspan=len(tahun))),
        tuple(Sel(str(t)) for t in tahun),
    )
    baris = tuple(
        Baris((Sel(p), *(Sel(fl.hitung_miliar(rupiah=nilai.get(t)), "miliar") for t in tahun)))
        for p, nilai in per_program.items()
    )
    return tabel_baru(
        _("Sasaran Program dan Alokasi Anggaran %(awal)s–%(akhir)s")
        % {"awal": b.renstra.tahun_mulai, "akhir": b.renstra.tahun_selesai},
        kepala,
        baris,
    )


def target_bersatuan(t: iq.NilaiTargetEfektif, satuan: str, acuan: iq.NilaiTargetEfektif | None = None) -> Sel:
    """A PK target cell with its unit: a bare number ("91") takes the words of the Renstra target of the same
    number ("91 dokumen kerja sama"), else the indikator's unit ("3 kawasan"); a text, grade, range or percentage
    prints as stored."""
    if t.nilai is None or t.kualitatif or t.nilai_atas is not None:
        return target_sel(t)
    angka = format_angka(t.nilai, None)
    if t.teks.strip() not in ("", angka):  # "70%", "Min 1 negara": as the PK states it
        return target_sel(t)
    if acuan is not None and acuan.nilai == t.nilai and any(c.isalpha() for c in acuan.teks):
        return Sel(acuan.teks)
    if satuan and satuan.strip() not in ("%", "-", "–"):
        return Sel(f"{angka} {satuan.strip()}")
    return target_sel(t)


def baris_pk(versi: VersiPK, *, dengan_anggaran: bool, b_: Bundel | None = None) -> list[Baris]:
    """The rows of one PK version (the budget spans all rows when shown). With the bundle, bare numbers print
    with their unit (`target_bersatuan`)."""
    daftar = list(versi.baris.all())
    hasil = []
    for i, b in enumerate(daftar, start=1):
        t = iq.NilaiTargetEfektif(b.nilai, b.nilai_atas, b.nilai_kualitatif, b.teks_tampilan, "pk")
        if b_ is not None and b.indikator is not None:
            tg = b_.target_renstra.get((b.indikator_id, b_.tahun))
            acuan = (
                iq.NilaiTargetEfektif(tg.nilai, tg.nilai_atas, tg.nilai_kualitatif, tg.teks_tampilan, "renstra")
                if tg
                else None
            )
            target = target_bersatuan(t, b.indikator.satuan, acuan)
        else:
            target = target_sel(t)
        sel = [Sel(i, "bulat"), Sel(b.uraian_sasaran), Sel(b.uraian_indikator or "–"), target]
        if dengan_anggaran:
            if i == 1:
                sel.append(Sel(versi.anggaran, "rupiah", rowspan=len(daftar)))
        hasil.append(Baris(tuple(sel)))
    return hasil


def periode_pk(v: VersiPK) -> str:
    return _("%(mulai)s s.d. %(sampai)s") % {
        "mulai": tanggal(v.berlaku_mulai),
        "sampai": tanggal(v.berlaku_sampai),
    }


def versi_akhir_tahun(b: Bundel) -> VersiPK | None:
    """The PK version in force on 31 December (`indikator.formulas.pilih_versi_berlaku`), else the last one."""
    if not b.versi_pk:
        return None
    nomor = pilih_versi_berlaku(
        versi=[(v.berlaku_mulai, v.berlaku_sampai, v.nomor) for v in b.versi_pk], tanggal=date(b.tahun, 12, 31)
    )
    return next((v for v in b.versi_pk if v.nomor == nomor), b.versi_pk[-1])


def tabel_pk(b: Bundel) -> Tabel | None:
    """Tabel 5 as printed: the PK in force at the end of the year with its budget; every version is in Lampiran 3."""
    v = versi_akhir_tahun(b)
    if v is None:
        return None
    kepala = kepala_tabel(
        pgettext("nomor urut", "No"), _("Sasaran"), _("Indikator Kinerja"), _("Target"), _("Anggaran (Rp)")
    )
    catatan = [
        _(
            "Perjanjian Kinerja yang berlaku pada akhir tahun: %(periode)s, %(pihak1)s (pihak pertama) dan %(pihak2)s (pihak kedua)."
        )
        % {"periode": periode_pk(v), "pihak1": v.pihak_pertama_nama, "pihak2": v.pihak_kedua_nama}
    ]
    if len(b.versi_pk) > 1:
        catatan.append(
            _("Seluruh %(n)s versi Perjanjian Kinerja tahun %(tahun)s disajikan pada lampiran Perjanjian Kinerja.")
            % {"n": len(b.versi_pk), "tahun": b.tahun}
        )
    return tabel_baru(
        _("Perjanjian Kinerja %(unit)s Tahun %(tahun)s") % {"unit": b.unit.nama, "tahun": b.tahun},
        kepala,
        tuple(baris_pk(v, dengan_anggaran=True, b_=b)),
        catatan=tuple(catatan),
    )


def tabel_program(b: Bundel) -> Tabel:
    per_indikator: dict[int, list[str]] = defaultdict(list)
    for e in b.efisiensi:
        for ind in e.indikator:
            per_indikator[ind.pk].append(e.sub.nama)
    kepala = kepala_tabel(_("Sasaran"), _("Indikator Kinerja"), _("Target"), _("Program / Kegiatan / Sub-kegiatan"))
    baris = []
    for ns in b.ukur.sasaran:
        for i, bp in enumerate(ns.baris):
            sel = [Sel(ns.sasaran.nama, rowspan=len(ns.baris))] if i == 0 else []
            kegiatan = per_indikator.get(bp.indikator.pk, [])
            sel += [
                Sel(bp.indikator.nama),
                target_sel(bp.target),
                Sel("\n".join(f"{k}. {n}" for k, n in enumerate(kegiatan, start=1)) or "–"),
            ]
            baris.append(Baris(tuple(sel)))
    return tabel_baru(
        _("Program dan Kegiatan %(unit)s Tahun %(tahun)s") % {"unit": b.unit.nama, "tahun": b.tahun},
        kepala,
        tuple(baris),
    )
