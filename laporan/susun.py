"""`susun_laporan(unit, tahun)`: the whole Laporan Kinerja as a `laporan.dokumen.Laporan` (domain guide §7).

One builder feeds the HTML page, the PDF and the Excel export: `laporan.bundel` fetches the unit-year's data
with a constant number of queries, the chapters of `laporan.bab` turn it into sections in document order, and
this module numbers the tables and figures, derives the daftar isi / tabel / gambar / lampiran and the
headline numbers. Renderers only walk the structure; they never compute a domain number.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from indikator.enums import StatusPeriode
from indikator.models import UnitKerja

from .bab import akuntabilitas, awal, kalimat, lampiran, pendahuluan, penutup, perencanaan
from .bab.bantu import gambar_unggahan, kota, label_kriteria, pejabat, tanggal_laporan
from .bundel import Bundel, ambil_bundel
from .dokumen import Bagian, EntriDaftar, Gambar, Laporan, Narasi, RingkasanAngka, Tabel
from .markdown import pecah_penanda, render_markdown
from .narasi import KUNCI_UMUM


def susun_laporan(unit: UnitKerja, tahun: int, *, dengan_peringatan: bool = False) -> Laporan:
    """The whole annual report of a unit's year. Raises `indikator.queries.DataTidakDitemukan` when no
    Renstra covers the year. A constant number of queries, whatever the number of rows."""
    b = ambil_bundel(unit, tahun, dengan_peringatan=dengan_peringatan)
    kata_pengantar, ringkasan, *bab = _beri_nomor(
        [
            _sisip_gambar(x, b)
            for x in (
                awal.kata_pengantar(b),
                awal.ringkasan(b),
                pendahuluan.bab_pendahuluan(b),
                perencanaan.bab_perencanaan(b),
                akuntabilitas.bab_akuntabilitas(b),
                penutup.bab_penutup(b),
            )
        ]
    )
    daftar_lampiran = lampiran.susun_lampiran(b)
    unit = b.unit  # as kept at approval for an approved or locked year
    return Laporan(
        unit=unit,
        tahun=tahun,
        judul=_("Laporan Kinerja"),
        instansi=unit.instansi,
        logo_url=unit.logo.url if unit.logo else "",
        kepala=pejabat(b),
        kota=kota(b),
        tanggal=tanggal_laporan(b),
        kata_pengantar=kata_pengantar,
        ringkasan=ringkasan,
        bab=tuple(bab),
        lampiran=daftar_lampiran,
        angka=_angka(b),
        peringatan=b.peringatan,
        dengan_peringatan=dengan_peringatan,
        pernyataan_reviu=awal.pernyataan_reviu(b),
        catatan_lampiran=_catatan_lampiran(b),
        **_status(b),
        **_daftar(kata_pengantar, ringkasan, bab, daftar_lampiran),
    )


def _catatan_lampiran(b: Bundel) -> str:
    """A final report prints no data-quality flag in its tables; when consistency warnings remain and the
    warnings annex was not asked for, one line of the daftar lampiran says so."""
    if not b.periode.final or b.dengan_peringatan or not b.peringatan:
        return ""
    return ngettext(
        "Terdapat %(n)s peringatan konsistensi data yang belum diselesaikan; rinciannya tersedia pada lampiran "
        "peringatan (opsional).",
        "Terdapat %(n)s peringatan konsistensi data yang belum diselesaikan; rinciannya tersedia pada lampiran "
        "peringatan (opsional).",
        len(b.peringatan),
    ) % {"n": len(b.peringatan)}


def _sisip_gambar(bagian: Bagian, b: Bundel) -> Bagian:
    """The uploaded figures of a narrative section: each at its marker `[[gambar:<id>]]` in the section's text
    (`markdown.pecah_penanda`; the text is rendered in parts around it), the others in their order right after the
    last block of its text in the section that prints it (a text split around a generated table ends after its
    second part). A marker that names no figure of the section prints nothing (a consistency warning)."""
    terakhir = {x.bagian: i for i, x in enumerate(bagian.blok) if isinstance(x, Narasi)}
    ditandai = {
        x
        for blok_ in bagian.blok
        if isinstance(blok_, Narasi) and blok_.bagian in KUNCI_UMUM
        for x in pecah_penanda(blok_.isi)
        if isinstance(x, int)
    }
    dipasang: set[int] = set()
    blok: list = []
    for i, x in enumerate(bagian.blok):
        if isinstance(x, Narasi) and x.bagian in KUNCI_UMUM:
            gambar = {g.pk: g for g in b.gambar.get(x.bagian, ())}
            blok.extend(_pecah_narasi(x, gambar, dipasang))
            if terakhir[x.bagian] == i:
                blok.extend(gambar_unggahan(g) for g in gambar.values() if g.pk not in ditandai)
        else:
            blok.append(x)
    anak = tuple(_sisip_gambar(a, b) for a in bagian.anak)
    return dataclasses.replace(bagian, blok=tuple(blok), anak=anak)


def _pecah_narasi(n: Narasi, gambar: dict, dipasang: set[int]) -> list:
    """A narrative block with figure markers as text parts and the figures they place (each figure once)."""
    bagian = pecah_penanda(n.isi)
    if not any(isinstance(x, int) for x in bagian):
        return [n]
    hasil: list = []
    judul = n.judul  # on the first text part only
    for x in bagian:
        if isinstance(x, str):
            hasil.append(dataclasses.replace(n, judul=judul, isi=x, html=render_markdown(x)))
            judul = ""
        elif x in gambar and x not in dipasang:
            dipasang.add(x)
            hasil.append(gambar_unggahan(gambar[x]))
    return hasil


def _beri_nomor(bagian: Sequence[Bagian]) -> list[Bagian]:
    """Number the chapters' tables and figures in document order (a section's blocks, then its sub-sections)."""
    no = {"tabel": 0, "gambar": 0}

    def blok(x):
        if isinstance(x, Tabel) and x.nomor == 0:
            no["tabel"] += 1
            return dataclasses.replace(x, id=f"tabel-{no['tabel']}", nomor=no["tabel"])
        if isinstance(x, Gambar) and x.nomor == 0:
            no["gambar"] += 1
            return dataclasses.replace(x, id=f"gambar-{no['gambar']}", nomor=no["gambar"])
        return x

    def bagian_(b: Bagian) -> Bagian:
        isi = tuple(blok(x) for x in b.blok)
        return dataclasses.replace(b, blok=isi, anak=tuple(bagian_(a) for a in b.anak))

    return [bagian_(b) for b in bagian]


def _status(b: Bundel) -> dict:
    """Approval state of the unit's year: only an approved (disahkan) or locked (dikunci) year is final."""
    p = b.periode
    status = StatusPeriode(p.status)
    final = p.final
    oleh = ""
    if final and p.diubah_oleh:
        oleh = p.diubah_oleh.get_full_name() or p.diubah_oleh.get_username()
    return {
        "status": status.value,
        "status_label": str(status.label),
        "final": final,
        "disahkan_oleh": oleh,
        "disahkan_pada": p.diubah_pada if final else None,
    }


def _angka(b: Bundel) -> RingkasanAngka:
    a = b.anggaran
    return RingkasanAngka(
        jumlah_sasaran=len([s for s in b.ukur.sasaran if s.baris]),
        jumlah_indikator=len(b.ukur.baris),
        indikator_per_kriteria=tuple(b.ukur.hitung_per_kriteria().items()),
        sasaran_per_kriteria=kalimat.sasaran_per_kriteria(b),
        nko=b.ukur.nko,
        kriteria_nko=label_kriteria(b.ukur.kriteria_nko),
        total_pagu=a.total_pagu,
        total_realisasi=a.total_realisasi,
        total_sisa=a.total_sisa,
        total_serapan=a.total_serapan,
    )


def _daftar(kata_pengantar: Bagian, ringkasan: Bagian, bab: Sequence[Bagian], lampiran: Sequence[Bagian]) -> dict:
    isi = [EntriDaftar(kata_pengantar.id, "", kata_pengantar.judul, depan=True)]
    isi += [
        EntriDaftar("daftar-isi", "", _("Daftar Isi"), depan=True),
        EntriDaftar("daftar-tabel", "", _("Daftar Tabel"), depan=True),
        EntriDaftar("daftar-gambar", "", _("Daftar Gambar"), depan=True),
        EntriDaftar("daftar-lampiran", "", _("Daftar Lampiran"), depan=True),
        EntriDaftar(ringkasan.id, "", ringkasan.judul, depan=True),
    ]
    if not lampiran:  # a periodic report: no annex, no list of annexes
        isi = [e for e in isi if e.id != "daftar-lampiran"]
    for b in bab:
        isi.append(EntriDaftar(b.id, b.nomor, b.judul, 1))
        for a in b.anak:
            if a.judul:
                isi.append(EntriDaftar(a.id, a.nomor, a.judul, 2))
    if lampiran:  # a periodic report has none: no separator page, no entry
        isi.append(EntriDaftar("lampiran", "", _("Lampiran")))
    tabel, gambar = [], []
    for b in (kata_pengantar, ringkasan, *bab):
        depan = b in (kata_pengantar, ringkasan)
        for blok in b.semua_blok():
            if isinstance(blok, Tabel) and blok.nomor:
                tabel.append(EntriDaftar(blok.id, blok.label, blok.judul, depan=depan))
            elif isinstance(blok, Gambar):
                gambar.append(EntriDaftar(blok.id, blok.label, blok.judul, depan=depan))
    return {
        "daftar_isi": tuple(isi),
        "daftar_tabel": tuple(tabel),
        "daftar_gambar": tuple(gambar),
        "daftar_lampiran": tuple(EntriDaftar(lp.id, lp.nomor, lp.judul) for lp in lampiran),
    }


# ---------------------------------------------------------------------- periodic reports


def susun_laporan_periodik(laporan_periodik) -> Laporan:
    """A periodic report (`laporan.models.LaporanPeriodik`) as a `Laporan` every renderer walks: the interim
    skeleton (Kata Pengantar, Ringkasan, BAB I–IV) of a quarter or semester, or the monthly capaian report. The
    year's bundle plus 3 queries (`ambil_bundel_periodik`); numbered like the annual report."""
    from .bab import periodik as bp_
    from .bundel import ambil_bundel_periodik

    bp = ambil_bundel_periodik(laporan_periodik)
    b = bp.b
    baris = bp_.susun_baris(bp)
    rpd = bp_.susun_anggaran_rpd(bp)
    if laporan_periodik.bulanan:
        kata_pengantar, ringkasan, *bab = _beri_nomor(
            [bp_.kata_pengantar(bp), bp_.ringkasan(bp, baris, rpd), bp_.bab_bulanan(bp, baris)]
        )
    else:
        kata_pengantar, ringkasan, *bab = _beri_nomor(
            [
                bp_.kata_pengantar(bp),
                bp_.ringkasan(bp, baris, rpd),
                bp_.bab_pendahuluan(bp),
                bp_.bab_perencanaan(bp),
                bp_.bab_akuntabilitas(bp, baris, rpd),
                bp_.bab_penutup(bp),
            ]
        )
    lp = laporan_periodik
    terbit = lp.status == lp.Status.TERBIT
    return Laporan(
        unit=b.unit,
        tahun=lp.tahun,
        judul=bp_.judul_laporan(bp),
        instansi=b.unit.instansi,
        logo_url=b.unit.logo.url if b.unit.logo else "",
        kepala=pejabat(b),
        kota=kota(b),
        tanggal=tanggal_laporan(b),
        kata_pengantar=kata_pengantar,
        ringkasan=ringkasan,
        bab=tuple(bab),
        lampiran=(),
        angka=_angka(b),
        peringatan=(),
        dengan_peringatan=False,
        status=lp.status,
        status_label=str(lp.Status(lp.status).label),
        final=terbit,
        disahkan_oleh="",
        disahkan_pada=lp.diterbitkan_pada if terbit else None,
        **_daftar(kata_pengantar, ringkasan, bab, ()),
    )
