"""The periodic reports' chapters (docs/siklus.md §3.3): the Laporan Kinerja Interim of a quarter or semester
(Kata Pengantar, Ringkasan, BAB I–IV on the annual report's skeleton) and the monthly capaian report (the capaian
table with the head's note). Plain functions `BundelPeriodik` → rows / `Bagian`, no queries: the numbers come
from `indikator.formulas` and `anggaran.formulas`.

Rules: the period's target is the cumulative Rencana Aksi target of the PK version in force at the end of its
quarter; TW IV (and S2, B12 and the other months of TW IV) is the year: its rows are the annual measurement's.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _

from anggaran import formulas as af
from indikator import formulas as f
from indikator import queries as iq
from indikator.enums import Polaritas
from indikator.rencana_aksi import RA_ADA, RA_BELUM_ADA, TargetTriwulan
from umum.format import format_persen

from ..bundel import BundelPeriodik
from ..dokumen import Bagian, Baris, Blok, Daftar, Paragraf, Sel, TandaTangan
from ..grafik import Seri, garis
from ..markdown import render_markdown
from .bantu import ROMAWI, angka, gambar_baru, kepala, kota, pejabat, realisasi_sel, tabel_baru, tanggal, target_sel

CATATAN_TAHUNAN = "Perhitungan capaian di Triwulan IV"


def ambang_capaian() -> Decimal:
    """The "perlu perhatian" threshold of a period's capaian (`SAKIP_PERIODIK_AMBANG_CAPAIAN`, default 90)."""
    return Decimal(str(getattr(settings, "SAKIP_PERIODIK_AMBANG_CAPAIAN", "90")))


def akhir_tahun_periode(bp: BundelPeriodik) -> bool:
    """The period ends on 31 December (TW IV, S2, December): its data is the year's."""
    return f.bulan_akhir_periode(periode=bp.laporan.periode) == 12


def nama_periode(periode: str) -> str:
    from ..models import LaporanPeriodik

    return str(LaporanPeriodik.Periode(periode).label)


def judul_laporan(bp: BundelPeriodik) -> str:
    lp = bp.laporan
    if lp.bulanan:
        return _("Laporan Capaian Kinerja Bulan %(bulan)s") % {"bulan": nama_periode(lp.periode)}
    if lp.periode.startswith("S"):
        return _("Laporan Kinerja %(periode)s") % {"periode": nama_periode(lp.periode)}
    return _("Laporan Kinerja Interim %(periode)s") % {"periode": nama_periode(lp.periode)}


# ---------------------------------------------------------------------- the rows


@dataclass(frozen=True)
class BarisPeriodik:
    """One indikator in a period: targets, realisasi s/d the period, capaian and the "perlu perhatian" codes.
    `galat`: why nothing is computed from its Rencana Aksi (a cumulative target that decreases)."""

    baris: iq.BarisPengukuran
    target_ra: TargetTriwulan | None  # the quarter's Rencana Aksi state (None in TW IV: the year)
    target_periode: Decimal | None
    realisasi: Decimal | None
    capaian: f.CapaianPeriode
    perhatian: tuple[str, ...]
    galat: str = ""
    pembilang: Decimal | None = None
    penyebut: Decimal | None = None

    @property
    def tahunan(self) -> bool:
        return self.capaian.ditunda


def _target_ra(bp: BundelPeriodik, baris: iq.BarisPengukuran, tw: int) -> tuple[TargetTriwulan, Decimal | None, str]:
    ra = bp.b.rencana_aksi.untuk(baris.indikator.pk)
    try:
        return ra.triwulan[tw - 1], f.hitung_target_periode(target_kumulatif=ra.target_kumulatif, triwulan=tw), ""
    except f.TargetKumulatifMenurun as e:
        pesan = _(
            "Target kumulatif Rencana Aksi %(kode)s menurun: TW %(tw)s (%(nilai)s) lebih kecil dari target "
            "triwulan sebelumnya (%(sebelum)s). Capaian periode tidak dihitung; perbaiki Rencana Aksi."
        ) % {"kode": baris.indikator.kode, "tw": tw, "nilai": angka(e.nilai), "sebelum": angka(e.sebelum)}
        return ra.triwulan[tw - 1], None, pesan


def _capaian_triwulan(bp: BundelPeriodik, baris: iq.BarisPengukuran, tw: int, akhir_tahun: bool | None = None):
    """(RA state, period target, realisasi s/d the quarter, capaian, error) of one indikator in quarter tw.
    `akhir_tahun` (default: tw 4): the period ends on 31 December — then it is the year."""
    skema = bp.b.skema
    hanya_tahunan = baris.indikator.pk in bp.tahunan
    if akhir_tahun is None:
        akhir_tahun = tw == 4
    if akhir_tahun:  # TW IV, S2, December: the year, the annual measurement as it is
        return None, baris.target.nilai, baris.realisasi.nilai, f.CapaianPeriode(baris.capaian, baris.capaian), ""
    ra, target, galat = _target_ra(bp, baris, tw)
    realisasi = baris.realisasi.kumulatif[tw - 1]
    if galat:
        hasil = f.CapaianPeriode(None, None, ditunda=hanya_tahunan)
    else:
        hasil = f.hitung_capaian_periode(
            polaritas=Polaritas(baris.indikator.polaritas),
            target_periode=target,
            target_tahunan=baris.target.nilai,
            realisasi_kumulatif=realisasi,
            triwulan=tw,
            hanya_tahunan=hanya_tahunan,
            rumus_negatif=skema.rumus_negatif,
            akhir_tahun=False,
        )
    return ra, target, realisasi, hasil, galat


def susun_baris(bp: BundelPeriodik) -> tuple[BarisPeriodik, ...]:
    """Every indikator of the year's measurement in the period (no query)."""
    tw = f.triwulan_periode(periode=bp.laporan.periode)
    akhir_tahun = akhir_tahun_periode(bp)
    ambang = ambang_capaian()
    hasil = []
    for baris in bp.b.ukur.baris:
        ra, target, realisasi, capaian, galat = _capaian_triwulan(bp, baris, tw, akhir_tahun)
        sebelum = _capaian_triwulan(bp, baris, tw - 1)[3].capaian_periode if tw > 1 else None
        isian = bp.isian.get(baris.indikator.pk)
        perhatian = f.perlu_perhatian(
            ada_realisasi=realisasi is not None or bool(baris.realisasi.kualitatif and akhir_tahun),
            dikembalikan=bool(isian and isian.dikembalikan),
            capaian_periode=capaian.capaian_periode,
            capaian_sebelumnya=sebelum,
            ambang=ambang,
            ditunda=capaian.ditunda,
        )
        hasil.append(
            BarisPeriodik(
                baris=baris,
                target_ra=ra,
                target_periode=target,
                realisasi=realisasi,
                capaian=capaian,
                perhatian=perhatian,
                galat=galat,
                pembilang=isian.pembilang if isian else None,
                penyebut=isian.penyebut if isian else None,
            )
        )
    return tuple(hasil)


@dataclass(frozen=True)
class BarisRpd:
    mata: object  # anggaran.models.MataAnggaran (None: the total)
    pagu: Decimal | None
    hasil: af.SerapanRpd | None
    galat: str
    penyebab: str


def susun_anggaran_rpd(bp: BundelPeriodik) -> tuple[BarisRpd, ...]:
    """Per budget line with its own pagu, serapan s/d the period's last month against its cumulative RPD; a plan
    that does not sum to the pagu is named, not computed. Then the unit's total."""
    bulan = f.bulan_akhir_periode(periode=bp.laporan.periode)
    hasil = []
    for x in bp.b.anggaran.baris:
        if not x.pagu_revisi:
            continue
        pagu = x.pagu_revisi[-1].nilai
        penyebab = bp.penjelasan[x.mata.pk].penyebab if x.mata.pk in bp.penjelasan else ""
        try:
            r = af.hitung_serapan_rpd(
                pagu=pagu, realisasi_bulanan=x.realisasi_bulanan, rencana_bulanan=x.rencana_bulanan, bulan=bulan
            )
            hasil.append(BarisRpd(x.mata, pagu, r, "", penyebab))
        except ValueError:
            galat = _("RPD tidak sama dengan pagu: tidak dihitung.")
            hasil.append(BarisRpd(x.mata, pagu, None, galat, penyebab))
    a = bp.b.anggaran
    # The unit's total only when every line has a plan that sums to its pagu (a partial total would mislead).
    if hasil and all(r.hasil is not None and r.hasil.rpd_kumulatif is not None for r in hasil):
        pagu = sum((r.pagu for r in hasil), Decimal(0))
        rencana = tuple(
            sum((x.rencana_bulanan[i] or 0 for x in a.baris if x.pagu_revisi), Decimal(0)) for i in range(12)
        )
        realisasi = tuple(
            sum((x.realisasi_bulanan[i] or 0 for x in a.baris if x.pagu_revisi), Decimal(0)) for i in range(12)
        )
        total = af.hitung_serapan_rpd(pagu=pagu, realisasi_bulanan=realisasi, rencana_bulanan=rencana, bulan=bulan)
        hasil.append(BarisRpd(None, pagu, total, "", ""))
    return tuple(hasil)


def syarat_pengajuan(bp: BundelPeriodik) -> list[str]:
    """What stops a submission: a budget gap under −10 points without its cause, a decreasing Rencana Aksi, an
    RPD that does not sum to the pagu, and a monthly report without the head's note."""
    pesan = []
    for r in susun_anggaran_rpd(bp):
        if r.mata is not None and r.hasil is not None and r.hasil.perlu_penjelasan and not r.penyebab.strip():
            pesan.append(
                _("Mata anggaran %(kode)s: deviasi %(d)s poin terhadap RPD; isi penyebabnya.")
                % {"kode": r.mata.kode, "d": format_persen(r.hasil.deviasi)}
            )
        if r.galat and r.mata is not None:
            pesan.append(_("Mata anggaran %(kode)s: %(galat)s") % {"kode": r.mata.kode, "galat": r.galat})
    pesan += [x.galat for x in susun_baris(bp) if x.galat]
    if bp.laporan.bulanan and not bp.laporan.catatan_pimpinan.strip():
        pesan.append(_("Laporan capaian bulanan wajib memuat catatan pimpinan."))
    return pesan


# ---------------------------------------------------------------------- the chapters


def _periode_teks(bp: BundelPeriodik) -> str:
    return _("%(periode)s Tahun %(tahun)s") % {"periode": nama_periode(bp.laporan.periode), "tahun": bp.laporan.tahun}


def _sel_capaian(nilai: Decimal | None, x: BarisPeriodik) -> Sel:
    if x.tahunan:
        return Sel("–")
    return Sel(nilai, "persen") if nilai is not None else Sel("–")


def tabel_capaian(bp: BundelPeriodik, baris: tuple[BarisPeriodik, ...]):
    """Sasaran | Indikator | Target tahunan | Target s/d TW (kumulatif) | Pembilang | Penyebut | Realisasi s/d |
    Capaian terhadap target s/d | Capaian terhadap target tahunan. Numerator and denominator columns only when
    some indikator has them."""
    akhir = akhir_tahun_periode(bp)
    komponen = any(x.pembilang is not None or x.penyebut is not None for x in baris)
    s_d = _("s/d %(p)s") % {"p": nama_periode(bp.laporan.periode)}
    label = [_("Sasaran"), _("Indikator"), _("Target tahunan"), _("Target %(sd)s (kumulatif)") % {"sd": s_d}]
    if komponen:
        label += [_("Pembilang"), _("Penyebut")]
    label += [
        _("Realisasi %(sd)s") % {"sd": s_d},
        _("Capaian thd target %(sd)s (%%)") % {"sd": s_d},
        _("Capaian thd target tahunan (%)"),
    ]
    isi = []
    for x in baris:
        b = x.baris
        if akhir:
            target_p = target_sel(b.target)
        elif x.tahunan:
            target_p = Sel("–")
        elif x.target_periode is not None:
            target_p = Sel(x.target_periode, "angka")
        else:
            target_p = Sel(x.target_ra.keterangan if x.target_ra is not None else "–")
        sel = [Sel(b.sasaran.nama), Sel(f"{b.indikator.kode} {b.indikator.nama}"), target_sel(b.target), target_p]
        if komponen:
            sel += [Sel(x.pembilang, "angka"), Sel(x.penyebut, "angka")]
        if x.tahunan:
            sel += [Sel("–"), Sel(_(CATATAN_TAHUNAN), colspan=2)]
        else:
            kual = b.realisasi.kualitatif if akhir else ""
            sel += [
                realisasi_sel(x.realisasi, kual),
                _sel_capaian(x.capaian.capaian_periode, x),
                _sel_capaian(x.capaian.capaian_tahunan, x),
            ]
        isi.append(Baris(tuple(sel)))
    catatan = []
    if any(x.tahunan for x in baris):
        catatan.append(_("–: indikator yang diukur tahunan; perhitungan capaian di Triwulan IV."))
    judul = _("Capaian Kinerja %(p)s") % {"p": _periode_teks(bp)}
    return tabel_baru(judul, kepala(*label), tuple(isi), catatan=tuple(catatan), lanskap=True)


def kalimat_ra(bp: BundelPeriodik) -> list[Paragraf]:
    """One line when the PK version in force at the period's end has no cumulative Rencana Aksi target."""
    tw = f.triwulan_periode(periode=bp.laporan.periode)
    if akhir_tahun_periode(bp):
        return []
    v = bp.b.rencana_aksi.berlaku[tw - 1]
    if v is None:
        return [Paragraf(_("Belum ada Perjanjian Kinerja yang berlaku pada akhir periode ini."))]
    if v.belum_ada_rencana_aksi:
        return [
            Paragraf(
                _(
                    "Perjanjian Kinerja versi %(nomor)s yang berlaku pada akhir %(p)s belum memuat target kumulatif "
                    "Rencana Aksi; capaian terhadap target periode tidak dihitung."
                )
                % {"nomor": v.nomor, "p": nama_periode(bp.laporan.periode)}
            )
        ]
    return []


def daftar_perhatian(bp: BundelPeriodik, baris: tuple[BarisPeriodik, ...]) -> Daftar | Paragraf:
    ambang = ambang_capaian()
    label = {
        "belum_diisi": _("realisasi belum diisi pada batas data"),
        "dikembalikan": _("dikembalikan"),
        "di_bawah_ambang": _("capaian periode di bawah %(a)s%%") % {"a": angka(ambang)},
        "turun": _("turun lebih dari 10 poin dari periode sebelumnya"),
    }
    item = [
        f"{x.baris.indikator.kode} {x.baris.indikator.nama}: " + "; ".join(label[k] for k in x.perhatian)
        for x in baris
        if x.perhatian
    ]
    item += [x.galat for x in baris if x.galat]
    if not item:
        return Paragraf(_("Tidak ada indikator yang perlu perhatian pada periode ini."))
    return Daftar(tuple(item), judul=_("Indikator yang perlu perhatian"))


def grafik_triwulan(bp: BundelPeriodik):
    """Capaian per quarter (against the cumulative Rencana Aksi target) up to the period, with the 100 % line."""
    from indikator.rencana_aksi import progres_triwulan

    tw = f.triwulan_periode(periode=bp.laporan.periode)
    seri = []
    for b in bp.b.ukur.baris:
        if b.indikator.pk in bp.tahunan:
            continue
        nilai = list(progres_triwulan(b, bp.b.rencana_aksi.untuk(b.indikator.pk), bp.b.skema))
        if akhir_tahun_periode(bp):
            nilai[3] = b.capaian
        nilai = tuple(v if i < tw else None for i, v in enumerate(nilai))
        if any(v is not None for v in nilai):
            seri.append(Seri(b.indikator.kode, nilai, warna=_WARNA[len(seri) % len(_WARNA)]))
    if not seri:
        return Paragraf(
            _("Belum ada capaian triwulan yang dapat digambarkan (realisasi triwulan atau target Rencana Aksi kosong).")
        )
    seri.append(Seri(_("Target"), (Decimal(100),) * 4, warna="#999999"))
    kategori = [f"TW {ROMAWI[i + 1]}" for i in range(4)]
    judul = _("Capaian per Triwulan terhadap Target Kumulatif")
    return gambar_baru(judul, garis(kategori, seri, judul=judul))


_WARNA = ("#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6")


def tabel_anggaran(bp: BundelPeriodik, rpd: tuple[BarisRpd, ...]):
    s_d = _("s/d %(p)s") % {"p": nama_periode(bp.laporan.periode)}
    label = [
        _("Kode"),
        _("Mata anggaran"),
        _("Pagu (Rp)"),
        _("RPD %(sd)s (Rp)") % {"sd": s_d},
        _("Realisasi %(sd)s (Rp)") % {"sd": s_d},
        _("RPD (%)"),
        _("Serapan (%)"),
        _("Deviasi (poin)"),
        _("Penyebab deviasi"),
    ]
    isi = []
    for r in rpd:
        h = r.hasil
        awal = [Sel(r.mata.kode), Sel(r.mata.nama)] if r.mata is not None else [Sel(_("Jumlah"), colspan=2, tebal=True)]
        if h is None:
            isi.append(Baris((*awal, Sel(r.pagu, "rupiah"), Sel(r.galat, colspan=6))))
            continue
        isi.append(
            Baris(
                (
                    *awal,
                    Sel(r.pagu, "rupiah"),
                    Sel(h.rpd_kumulatif, "rupiah") if h.rpd_kumulatif is not None else Sel(_("belum ada RPD")),
                    Sel(h.realisasi_kumulatif, "rupiah"),
                    Sel(h.persen_rpd, "persen") if h.persen_rpd is not None else Sel("–"),
                    Sel(h.serapan, "persen") if h.serapan is not None else Sel("–"),
                    Sel(h.deviasi, "persen", tanda="*" if h.perlu_penjelasan else "")
                    if h.deviasi is not None
                    else Sel("–"),
                    Sel(r.penyebab),
                ),
                kelas="total" if r.mata is None else "",
            )
        )
    judul = _("Realisasi Anggaran terhadap Rencana Penarikan Dana %(p)s") % {"p": _periode_teks(bp)}
    catatan = (_("*: deviasi di bawah −10 poin; penyebabnya wajib dijelaskan."),)
    return tabel_baru(judul, kepala(*label), tuple(isi), catatan=catatan, lanskap=True)


def _narasi(teks: str, bagian: str, judul: str = "") -> list[Blok]:
    from ..dokumen import Narasi

    if not teks.strip():
        return []
    return [Narasi(bagian, judul, teks, render_markdown(teks))]


def kendala_upaya(bp: BundelPeriodik, baris: tuple[BarisPeriodik, ...]) -> list[Blok]:
    """Per indikator the kendala, upaya and rencana tindak lanjut entered for the period."""
    blok: list[Blok] = []
    for x in baris:
        isian = bp.isian.get(x.baris.indikator.pk)
        if isian is None or not (isian.kendala or isian.upaya or isian.rencana_tindak_lanjut):
            continue
        item = []
        for label, teks in (
            (_("Kendala"), isian.kendala),
            (_("Upaya"), isian.upaya),
            (_("Rencana tindak lanjut"), isian.rencana_tindak_lanjut),
        ):
            if teks.strip():
                item.append(f"{label}: {teks.strip()}")
        blok.append(Daftar(tuple(item), judul=f"{x.baris.indikator.kode} {x.baris.indikator.nama}"))
    if not blok:
        blok.append(Paragraf(_("Belum ada kendala, upaya atau rencana tindak lanjut yang diisi untuk periode ini.")))
    return blok


def _ttd(bp: BundelPeriodik) -> list[Blok]:
    lp = bp.laporan
    if lp.penandatangan_nama:
        from ..dokumen import Pejabat

        jabatan = (_("Plt. ") if lp.penandatangan_plt else "") + lp.penandatangan_jabatan
        p = Pejabat(lp.penandatangan_nama, lp.penandatangan_nip, jabatan)
    else:
        p = pejabat(bp.b)
    if p is None:
        return []
    return [TandaTangan(kota(bp.b), tanggal(lp.tanggal or lp.data_cutoff), p)]


def kata_pengantar(bp: BundelPeriodik) -> Bagian:
    lp = bp.laporan
    teks = _(
        "%(judul)s %(unit)s Tahun %(tahun)s disusun sebagai pertanggungjawaban kinerja berkala atas pelaksanaan "
        "Perjanjian Kinerja Tahun %(tahun)s, dengan data sampai dengan %(batas)s."
    ) % {"judul": judul_laporan(bp), "unit": bp.b.unit.nama, "tahun": lp.tahun, "batas": tanggal(lp.data_cutoff)}
    return Bagian("kata-pengantar", "", _("Kata Pengantar"), 1, (Paragraf(teks), *_ttd(bp)))


def ringkasan(bp: BundelPeriodik, baris: tuple[BarisPeriodik, ...], rpd: tuple[BarisRpd, ...]) -> Bagian:
    rata = f.hitung_rata_capaian_periode(
        capaian=[x.capaian.capaian_periode for x in baris], batas=bp.b.skema.batas_capaian
    )
    dihitung = sum(1 for x in baris if x.capaian.capaian_periode is not None)
    blok: list[Blok] = [
        Paragraf(
            _(
                "Sampai dengan %(p)s, %(n)s dari %(m)s indikator dapat dihitung capaiannya terhadap target periode, "
                "dengan rata-rata capaian %(rata)s."
            )
            % {
                "p": nama_periode(bp.laporan.periode),
                "n": dihitung,
                "m": len(baris),
                "rata": format_persen(rata, kosong=_("belum dapat dihitung")),
            }
        )
    ]
    perhatian = sum(1 for x in baris if x.perhatian)
    blok.append(Paragraf(_("Indikator yang perlu perhatian: %(n)s.") % {"n": perhatian}))
    total = next((r for r in rpd if r.mata is None), None)
    if total is not None and total.hasil is not None and total.hasil.persen_rpd is not None:
        blok.append(
            Paragraf(
                _("Serapan anggaran %(s)s terhadap rencana penarikan dana %(r)s (deviasi %(d)s poin).")
                % {
                    "s": format_persen(total.hasil.serapan),
                    "r": format_persen(total.hasil.persen_rpd),
                    "d": format_persen(total.hasil.deviasi),
                }
            )
        )
    return Bagian("ringkasan-eksekutif", "", _("Ringkasan Eksekutif"), 1, tuple(blok))


def _bab(nomor: int, judul: str, blok=(), anak=(), lanskap: bool = False) -> Bagian:
    return Bagian(f"bab-{nomor}", f"BAB {ROMAWI[nomor]}", judul, 1, tuple(blok), tuple(anak), lanskap=lanskap)


def bab_pendahuluan(bp: BundelPeriodik) -> Bagian:
    teks = _(
        "Sesuai Peraturan Menteri PANRB Nomor 53 Tahun 2014, capaian kinerja dipantau secara berkala. Laporan "
        "ini menyajikan capaian kinerja %(unit)s sampai dengan %(p)s terhadap target kumulatif Rencana Aksi dan "
        "target tahunan Perjanjian Kinerja, serta realisasi anggaran terhadap rencana penarikan dana."
    ) % {"unit": bp.b.unit.nama, "p": _periode_teks(bp)}
    return _bab(1, _("PENDAHULUAN"), [Paragraf(teks)])


def bab_perencanaan(bp: BundelPeriodik) -> Bagian:
    """The Rencana Aksi of the year: per indikator the annual target and the cumulative targets B3/B6/B9/B12 of
    the version in force at each quarter's end."""
    label = [_("Indikator"), _("Target tahunan")] + [f"TW {ROMAWI[i + 1]} (B{3 * (i + 1)})" for i in range(4)]
    isi = []
    for b in bp.b.ukur.baris:
        ra = bp.b.rencana_aksi.untuk(b.indikator.pk)
        sel = [Sel(f"{b.indikator.kode} {b.indikator.nama}"), target_sel(b.target)]
        for t in ra.triwulan:
            sel.append(Sel(t.target_kumulatif, "angka") if t.status == RA_ADA else Sel(_singkat(t)))
        isi.append(Baris(tuple(sel)))
    tabel = tabel_baru(
        _("Target Kumulatif Rencana Aksi Tahun %(t)s") % {"t": bp.laporan.tahun}, kepala(*label), tuple(isi)
    )
    return _bab(2, _("PERENCANAAN KINERJA"), [tabel, *kalimat_ra(bp)])


def _singkat(t: TargetTriwulan) -> str:
    return "–" if t.status == RA_BELUM_ADA else t.keterangan or "–"


def bab_akuntabilitas(bp: BundelPeriodik, baris, rpd) -> Bagian:
    p = nama_periode(bp.laporan.periode)
    kinerja = Bagian(
        "bab-3-1",
        "3.1",
        _("Capaian Kinerja %(p)s") % {"p": p},
        2,
        (
            *kalimat_ra(bp),
            tabel_capaian(bp, baris),
            grafik_triwulan(bp),
            daftar_perhatian(bp, baris),
            *kendala_upaya(bp, baris),
        ),
        lanskap=True,
    )
    anggaran = Bagian(
        "bab-3-2",
        "3.2",
        _("Capaian Kinerja Anggaran %(p)s") % {"p": p},
        2,
        (tabel_anggaran(bp, rpd),) if rpd else (Paragraf(_("Belum ada pagu anggaran untuk tahun ini.")),),
        lanskap=True,
    )
    # Both wide tables are landscape: the whole chapter turns once (no heading left alone on a portrait page).
    return _bab(3, _("AKUNTABILITAS KINERJA"), anak=[kinerja, anggaran], lanskap=True)


def bab_penutup(bp: BundelPeriodik) -> Bagian:
    blok: list[Blok] = [
        Paragraf(
            _("Demikian %(judul)s ini disusun sebagai bahan pemantauan dan perbaikan kinerja pada periode berikutnya.")
            % {"judul": judul_laporan(bp)}
        )
    ]
    blok += _narasi(bp.laporan.catatan_pimpinan, "catatan_pimpinan", _("Catatan pimpinan"))
    return _bab(4, _("PENUTUP"), blok)


def bab_bulanan(bp: BundelPeriodik, baris) -> Bagian:
    """The monthly capaian report: the capaian table, the perlu perhatian list and the head's note."""
    blok: list[Blok] = [*kalimat_ra(bp), tabel_capaian(bp, baris), daftar_perhatian(bp, baris)]
    blok += _narasi(bp.laporan.catatan_pimpinan, "catatan_pimpinan", _("Catatan pimpinan"))
    blok += _ttd(bp)
    return _bab(1, _("CAPAIAN KINERJA"), blok)
