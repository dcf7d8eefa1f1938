"""`ambil_bundel(unit, tahun)`: everything the Laporan Kinerja reads, fetched once into one frozen `Bundel`.

A constant number of queries whatever the number of rows: the readers of `indikator.queries` and
`anggaran.queries` plus a handful of flat fetches — never one per row. The chapters (`laporan.bab`) only read
the bundle; nothing after this module touches the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q

from anggaran import formulas as af
from anggaran import queries as aq
from anggaran.models import AlokasiRenstra
from indikator import queries as iq
from indikator.models import (
    BarisPK,
    Indikator,
    KepalaUnit,
    KomposisiPegawai,
    PeriodeUnit,
    Realisasi,
    Renstra,
    RevisiRenstra,
    Sasaran,
    Target,
    Tujuan,
    UnitKerja,
    VersiPK,
)
from indikator.periode import ambil_periode, kepala_akhir_tahun, profil_tahun
from indikator.rencana_aksi import RencanaAksiTahun, rencana_aksi_dari_versi
from pohon.konsolidasi import Konsolidasi, baca_konsolidasi
from pohon.queries import Pohon, susun_pohon
from tindak_lanjut.enums import StatusReviu
from tindak_lanjut.models import ReviuLaporan
from tindak_lanjut.queries import TindakLanjutLaporan, susun_tl_laporan

from .dokumen import ButirPeringatan, Narasi
from .konsistensi import periksa_konsistensi
from .markdown import render_markdown
from .models import (
    REVIU_ISI,
    GambarLaporan,
    IndikatorTahunan,
    IsianPeriodik,
    IsiNaskahDinas,
    LaporanPeriodik,
    NarasiLaporan,
    NaskahDinas,
    NaskahDinasDisahkan,
    PenjelasanAnggaranPeriodik,
    PernyataanReviu,
)
from .narasi import KUNCI_SISIPAN, SLOT_BAB, URUTAN_NARASI_SASARAN


@dataclass(frozen=True)
class NarasiTahun:
    """The unit-year's people-written sections, looked up by key (`laporan.narasi` catalogue)."""

    umum: dict[str, NarasiLaporan] = field(default_factory=dict)
    sasaran: dict[int, list[NarasiLaporan]] = field(default_factory=dict)

    @classmethod
    def dari(cls, daftar: Iterable[NarasiLaporan]) -> NarasiTahun:
        umum: dict[str, NarasiLaporan] = {}
        sasaran: dict[int, list[NarasiLaporan]] = {}
        for n in daftar:
            if not (n.isi or "").strip():
                continue
            if n.sasaran_id:
                sasaran.setdefault(n.sasaran_id, []).append(n)
            else:
                umum[n.bagian] = n
        return cls(umum, sasaran)

    @staticmethod
    def _blok(n: NarasiLaporan) -> Narasi:
        return Narasi(bagian=n.bagian, judul=n.judul, isi=n.isi, html=render_markdown(n.isi))

    def ambil(self, bagian: str) -> Narasi | None:
        """A general section; its `judul` becomes the section heading, so the block itself carries none."""
        n = self.umum.get(bagian)
        if n is None:
            return None
        blok = self._blok(n)
        return Narasi(bagian=blok.bagian, judul="", isi=blok.isi, html=blok.html)

    def judul(self, bagian: str, bawaan: str) -> str:
        n = self.umum.get(bagian)
        return (n.judul if n is not None and n.judul else "") or bawaan

    def sisa_bab(self, bab: int) -> list[NarasiLaporan]:
        """Stored sections "babN_..." that are neither a sub-section of chapter N nor inserted into one
        (appended at its end)."""
        dikenal = {k for k, _j in SLOT_BAB.get(bab, ())} | KUNCI_SISIPAN
        return sorted(
            (n for k, n in self.umum.items() if k.startswith(f"bab{bab}_") and k not in dikenal),
            key=lambda n: n.bagian,
        )

    def untuk_sasaran(self, sasaran_id: int) -> list[Narasi]:
        def kunci(n: NarasiLaporan):
            return (URUTAN_NARASI_SASARAN.index(n.bagian) if n.bagian in URUTAN_NARASI_SASARAN else 99, n.bagian)

        return [self._blok(n) for n in sorted(self.sasaran.get(sasaran_id, []), key=kunci)]


@dataclass(frozen=True)
class AnggaranUnit:
    unit: UnitKerja
    pagu: Decimal
    realisasi: Decimal
    serapan: Decimal | None


@dataclass(frozen=True)
class AnggaranGabungan:
    """A parent's budget summed with its sub-units', and the efficiency on the totals (the one efficiency rule,
    `anggaran.formulas.hitung_efisiensi`: input = Σ realisasi ÷ Σ pagu, output = the parent's NKO against 100)."""

    baris: tuple[AnggaranUnit, ...]  # the parent first, then its sub-units
    total_pagu: Decimal
    total_realisasi: Decimal
    serapan: Decimal | None
    efisiensi: af.HasilEfisiensi


@dataclass(frozen=True)
class Bundel:
    """Everything one unit-year's report reads. `tahun` is the report year; the rest as the readers return it."""

    unit: UnitKerja
    tahun: int
    dengan_peringatan: bool
    # measurement (indikator.queries)
    ukur: iq.Pengukuran
    renstra: Renstra
    revisi: RevisiRenstra
    skema: iq.Skema
    tahun_renstra: tuple[int, ...]
    riwayat: dict[int, iq.RiwayatIndikator]
    # budget (anggaran.queries)
    anggaran: aq.Anggaran
    efisiensi: tuple[aq.BarisEfisiensi, ...]
    akip: tuple[aq.AkipTahun, ...]
    # profile and plan
    kepala: KepalaUnit | None  # the head valid on 31 December of the year
    pegawai: tuple[KomposisiPegawai, ...]
    tujuan: tuple[Tujuan, ...]
    alokasi: tuple[AlokasiRenstra, ...]
    semua_revisi: tuple[RevisiRenstra, ...]  # every Renstra revision with its sasaran and indikator prefetched
    target_renstra: dict[tuple[int, int], Target]
    versi_pk: tuple[VersiPK, ...]  # with baris__rencana_aksi and baris__indikator prefetched
    rencana_aksi: RencanaAksiTahun  # the quarterly Rencana Aksi rule (version in force) over `versi_pk`
    triwulan: dict[int, list[Decimal | None]]  # realisasi per quarter of the PK's indikator
    # narrative, approval state, consistency warnings
    narasi: NarasiTahun
    naskah: IsiNaskahDinas  # the wording of the PK agreement and the IKU decree the year prints (`ambil_naskah`)
    reviu: PernyataanReviu | None  # the review statement, from the APIP's completed review only
    # organisation chart: the parent unit, the sub-units, the heads at year end of both (by unit id)
    unit_induk: UnitKerja | None
    sub_unit: tuple[UnitKerja, ...]
    kepala_unit_lain: dict[int, KepalaUnit]
    # uploaded figures by place (`GambarLaporan.bagian`), each list in its order
    gambar: dict[str, list[GambarLaporan]]
    periode: PeriodeUnit  # unsaved draft when the year has no row
    peringatan: tuple[ButirPeringatan, ...]
    # recommendations and their follow-up as at 31 December (tindak_lanjut): Bab III, Bab IV, the matrix lampiran
    tindak_lanjut: TindakLanjutLaporan
    # the unit's performance tree (`pohon.queries.susun_pohon`, without its sub-units), None without a node
    pohon: Pohon | None = None
    # consolidation of a parent unit (pohon.konsolidasi): its rules and last run, the sub-units' own measurement
    # (their capaian as in their own reports) and the budget summed over the parent and its sub-units
    konsolidasi: Konsolidasi | None = None
    ukur_anak: dict[int, iq.Pengukuran] = field(default_factory=dict)
    anggaran_gabungan: AnggaranGabungan | None = None

    @property
    def revisi_kini(self) -> RevisiRenstra:
        """The report year's revision among `semua_revisi` (the one with prefetched sasaran)."""
        return next(r for r in self.semua_revisi if r.pk == self.revisi.pk)

    def triwulan_indikator(self, indikator_id: int) -> list[Decimal | None]:
        return self.triwulan.get(indikator_id, [None] * 4)


def ambil_naskah(unit: UnitKerja, tahun: int, periode: PeriodeUnit) -> IsiNaskahDinas:
    """The wording of the PK agreement and the IKU decree a year prints (1 query): an approved or locked year the
    copy kept at its approval, else (and for a year frozen before copies were kept) the unit's current wording,
    else the standard one. The lampiran, the standalone PK and IKU documents and the DOCX all read it here."""
    if periode.final:
        disahkan = NaskahDinasDisahkan.objects.filter(unit_id=unit.pk, tahun=tahun).first()
        if disahkan is not None:
            return disahkan
    return NaskahDinas.objects.filter(unit_id=unit.pk).first() or NaskahDinas(unit_id=unit.pk)


def pernyataan_dari_reviu(unit: UnitKerja, tahun: int) -> PernyataanReviu | None:
    """The "Pernyataan Telah Direviu" the year prints (2 queries): only from the APIP's completed review
    (`tindak_lanjut.ReviuLaporan`), signed by its reviewer on its date; the wording is the unit's statement text
    when entered (`PernyataanReviu.isi`), else the standard one. An unsaved object: the chapters only read it."""
    reviu = ReviuLaporan.objects.filter(unit_id=unit.pk, tahun=tahun, status=StatusReviu.SELESAI).first()
    if reviu is None:
        return None
    teks = PernyataanReviu.objects.filter(unit_id=unit.pk, tahun=tahun).values_list("isi", flat=True).first()
    return PernyataanReviu(
        unit_id=unit.pk,
        tahun=tahun,
        isi=teks or REVIU_ISI,
        kota=reviu.kota,
        tanggal=reviu.tanggal,
        pereviu_nama=reviu.pereviu_nama,
        pereviu_nip=reviu.pereviu_nip,
        pereviu_jabatan=reviu.pereviu_jabatan,
    )


def ambil_bundel(
    unit: UnitKerja, tahun: int, *, dengan_peringatan: bool = False, periode: PeriodeUnit | None = None
) -> Bundel:
    """Fetch the report's data. Raises `indikator.queries.DataTidakDitemukan` when no Renstra covers the year.

    An approved or locked year prints the unit profile (name, head, duties, city, logo) kept at approval
    (`PeriodeUnit.profil_disahkan`): later profile changes apply to open years only. `periode`: the year's
    period row when the caller has read it already (a page reads it once)."""
    if periode is None:
        periode = ambil_periode(unit=unit, tahun=tahun)
    profil = profil_tahun(periode, unit)
    unit = profil.unit
    ukur = iq.susun_pengukuran(unit, tahun)
    renstra, revisi, skema = ukur.renstra, ukur.revisi, ukur.skema
    tahun_renstra = tuple(range(renstra.tahun_mulai, renstra.tahun_selesai + 1))
    riwayat = iq.susun_riwayat(unit, [b.indikator for b in ukur.baris], list(tahun_renstra), skema)
    anggaran = aq.susun_anggaran(unit, tahun)
    efisiensi = aq.susun_efisiensi(unit, tahun, anggaran=anggaran, standar=skema.standar_efisiensi)
    akip = aq.susun_akip(unit, [t for t in tahun_renstra if t <= tahun])
    kepala = list(KepalaUnit.objects.filter(unit=unit).order_by("-mulai", "-id"))
    pegawai = tuple(KomposisiPegawai.objects.filter(unit=unit, tahun=tahun).order_by("id"))
    tujuan = tuple(Tujuan.objects.filter(renstra=renstra).order_by("urutan", "kode", "id"))
    alokasi = tuple(AlokasiRenstra.objects.filter(renstra=renstra).order_by("urutan", "program", "tahun", "id"))
    semua_revisi = tuple(
        RevisiRenstra.objects.filter(renstra=renstra)
        .order_by("nomor", "id")
        .prefetch_related(
            Prefetch(
                "sasaran",
                queryset=Sasaran.objects.order_by("urutan", "kode", "id").prefetch_related(
                    Prefetch("indikator", queryset=Indikator.objects.order_by("urutan", "kode", "id"))
                ),
            )
        )
    )
    semua_ind = [i for r in semua_revisi for s in r.sasaran.all() for i in s.indikator.all()]
    target_renstra = {
        (t.indikator_id, t.tahun): t
        for t in Target.objects.filter(indikator__in=[i.pk for i in semua_ind], sumber="renstra")
    }
    versi_pk = tuple(
        VersiPK.objects.filter(pk_induk__unit=unit, pk_induk__tahun=tahun)
        .order_by("nomor", "id")
        .prefetch_related(
            Prefetch("baris", queryset=BarisPK.objects.order_by("urutan", "id")),
            "baris__rencana_aksi",
            "baris__indikator",
        )
    )
    rencana_aksi = rencana_aksi_dari_versi(tahun, versi_pk)
    ind_pk = {b.indikator_id for v in versi_pk for b in v.baris.all() if b.indikator_id}
    triwulan: dict[int, list[Decimal | None]] = {}
    if ind_pk:
        for r in Realisasi.objects.filter(indikator_id__in=ind_pk, tahun=tahun, triwulan__isnull=False):
            triwulan.setdefault(r.indikator_id, [None] * 4)[r.triwulan - 1] = r.nilai
    narasi = NarasiTahun.dari(
        NarasiLaporan.objects.filter(unit=unit, tahun=tahun).filter(Q(sasaran__isnull=True) | Q(sasaran__revisi=revisi))
    )
    naskah = ambil_naskah(unit, tahun, periode)
    reviu = pernyataan_dari_reviu(unit, tahun)
    sekitar = list(UnitKerja.objects.filter(Q(pk=unit.induk_id) | Q(induk_id=unit.pk)).order_by("urutan", "nama", "id"))
    unit_induk = next((u for u in sekitar if u.pk == unit.induk_id), None)
    sub_unit = tuple(u for u in sekitar if u.induk_id == unit.pk)
    kepala_lain: dict[int, list[KepalaUnit]] = {}
    lain = [u.pk for u in (unit_induk, *sub_unit) if u is not None]
    if lain:
        for k in KepalaUnit.objects.filter(unit_id__in=lain).order_by("unit_id", "-mulai", "-id"):
            kepala_lain.setdefault(k.unit_id, []).append(k)
    kepala_unit_lain = {u: k for u, daftar in kepala_lain.items() if (k := kepala_akhir_tahun(tahun, daftar))}
    # The unit's own tree: its file key (`laporan.kunci`) follows the unit's data version, which the tree's writes
    # raise; sub-units' trees would need their versions in the key too.
    pohon = susun_pohon(unit, tahun, dengan_bawahan=False)
    gambar: dict[str, list[GambarLaporan]] = {}
    for g in GambarLaporan.objects.filter(unit=unit, tahun=tahun).order_by("bagian", "urutan", "id"):
        gambar.setdefault(g.bagian, []).append(g)
    peringatan = (
        tuple(
            ButirPeringatan(pesan=str(p.pesan), lokasi=str(p.objek), tingkat=str(p.tingkat))
            for p in periksa_konsistensi(
                unit,
                tahun,
                pengukuran=ukur,
                anggaran=anggaran,
                akip=akip,
                rencana_aksi=rencana_aksi,
                gambar=[g for daftar in gambar.values() for g in daftar],
            )
        )
        # A final report prints no flag; it says in one line of its daftar lampiran that warnings remain.
        if dengan_peringatan or periode.final
        else ()
    )
    konsolidasi = baca_konsolidasi(unit, tahun)
    ukur_anak: dict[int, iq.Pengukuran] = {}
    gabungan = None
    if konsolidasi is not None:
        ukur_anak = iq.susun_pengukuran_banyak(konsolidasi.units, tahun)
        gabungan = _anggaran_gabungan(anggaran, aq.susun_anggaran_banyak(sub_unit, tahun), sub_unit, ukur.nko)
    return Bundel(
        konsolidasi=konsolidasi,
        ukur_anak=ukur_anak,
        anggaran_gabungan=gabungan,
        unit=unit,
        tahun=tahun,
        dengan_peringatan=dengan_peringatan,
        ukur=ukur,
        renstra=renstra,
        revisi=revisi,
        skema=skema,
        tahun_renstra=tahun_renstra,
        riwayat=riwayat,
        anggaran=anggaran,
        efisiensi=efisiensi,
        akip=akip,
        kepala=profil.kepala if profil.disimpan else kepala_akhir_tahun(tahun, kepala),
        pegawai=pegawai,
        tujuan=tujuan,
        alokasi=alokasi,
        semua_revisi=semua_revisi,
        target_renstra=target_renstra,
        versi_pk=versi_pk,
        rencana_aksi=rencana_aksi,
        triwulan=triwulan,
        narasi=narasi,
        naskah=naskah,
        reviu=reviu,
        unit_induk=unit_induk,
        sub_unit=sub_unit,
        kepala_unit_lain=kepala_unit_lain,
        gambar=gambar,
        periode=periode,
        peringatan=peringatan,
        tindak_lanjut=susun_tl_laporan(unit, tahun),
        pohon=pohon if pohon.akar else None,
    )


def _anggaran_gabungan(
    sendiri: aq.Anggaran, anak: dict[int, aq.Anggaran], sub_unit: Iterable[UnitKerja], nko: Decimal | None
) -> AnggaranGabungan:
    daftar = [sendiri, *(anak[u.pk] for u in sub_unit if u.pk in anak)]
    baris = tuple(
        AnggaranUnit(
            a.unit, a.total_pagu, a.total_realisasi, af.hitung_serapan(pagu=a.total_pagu, realisasi=a.total_realisasi)
        )
        for a in daftar
    )
    pagu = sum((x.pagu for x in baris), Decimal(0))
    realisasi = sum((x.realisasi for x in baris), Decimal(0))
    return AnggaranGabungan(
        baris=baris,
        total_pagu=pagu,
        total_realisasi=realisasi,
        serapan=af.hitung_serapan(pagu=pagu, realisasi=realisasi),
        efisiensi=af.hitung_efisiensi(
            pagu=pagu, realisasi_dana=realisasi, target_output=af.SERATUS, realisasi_output=nko
        ),
    )


# ---------------------------------------------------------------------- the standalone IKU decree


@dataclass(frozen=True)
class _IndikatorIKU:
    indikator: Indikator


@dataclass(frozen=True)
class _SasaranIKU:
    sasaran: Sasaran
    baris: tuple[_IndikatorIKU, ...]


@dataclass(frozen=True)
class _StrukturIKU:
    sasaran: tuple[_SasaranIKU, ...]


@dataclass(frozen=True)
class BundelIKU:
    """What the standalone IKU decree prints (`bab.naskah.keputusan_iku`, `bab.lampiran.lampiran_iku`): the unit
    as its year prints it and its parent (the letterhead), the signing head, the wording, the Renstra period and
    the year's sasaran with the indikator in force (`ukur.sasaran[].baris[].indikator`, as in `Bundel.ukur`)."""

    unit: UnitKerja
    unit_induk: UnitKerja | None
    tahun: int
    renstra: Renstra
    kepala: KepalaUnit | None
    naskah: IsiNaskahDinas
    ukur: _StrukturIKU


def ambil_bundel_iku(unit: UnitKerja, tahun: int) -> BundelIKU:
    """The IKU decree's data only (about 8 queries, no measurement). Raises DataTidakDitemukan like
    `ambil_bundel`."""
    periode = ambil_periode(unit=unit, tahun=tahun)
    profil = profil_tahun(periode, unit)
    unit = profil.unit
    renstra = iq.renstra_untuk(unit, tahun)
    revisi = iq.revisi_untuk(renstra, tahun)
    sasaran = tuple(
        _SasaranIKU(s, tuple(_IndikatorIKU(i) for i in s.indikator.all() if i.aktif_pada(tahun)))
        for s in iq.sasaran_dengan_indikator(revisi)
    )
    kepala = (
        profil.kepala
        if profil.disimpan
        else kepala_akhir_tahun(tahun, list(KepalaUnit.objects.filter(unit=unit).order_by("-mulai", "-id")))
    )
    return BundelIKU(
        unit=unit,
        unit_induk=UnitKerja.objects.filter(pk=unit.induk_id).first() if unit.induk_id else None,
        tahun=tahun,
        renstra=renstra,
        kepala=kepala,
        naskah=ambil_naskah(unit, tahun, periode),
        ukur=_StrukturIKU(sasaran),
    )


# ---------------------------------------------------------------------- periodic reports


@dataclass(frozen=True)
class BundelPeriodik:
    """Everything a periodic report reads: the year's bundle (the same reads as the annual report) and what the
    periodic report adds: its own row, per indikator its numerator/denominator and texts, per budget line the
    cause of a gap, the indikator measured only yearly and the previous issued period's row for comparisons."""

    b: Bundel
    laporan: LaporanPeriodik
    isian: dict[int, IsianPeriodik]  # by indikator id
    penjelasan: dict[int, PenjelasanAnggaranPeriodik]  # by budget line id
    tahunan: frozenset[int]  # indikator measured only yearly (`IndikatorTahunan` or `ukur_akip`)


def ambil_bundel_periodik(laporan: LaporanPeriodik) -> BundelPeriodik:
    """The year's bundle (`ambil_bundel`) plus 3 queries; a constant number whatever the number of rows."""
    b = ambil_bundel(laporan.unit, laporan.tahun)
    isian: dict[int, IsianPeriodik] = {}
    penjelasan: dict[int, PenjelasanAnggaranPeriodik] = {}
    if laporan.pk is not None:  # an unsaved report (the command's preview) has no texts yet
        isian = {i.indikator_id: i for i in IsianPeriodik.objects.filter(laporan=laporan)}
        penjelasan = {p.mata_anggaran_id: p for p in PenjelasanAnggaranPeriodik.objects.filter(laporan=laporan)}
    ids = [x.indikator.pk for x in b.ukur.baris]
    tahunan = set(IndikatorTahunan.objects.filter(indikator_id__in=ids).values_list("indikator_id", flat=True))
    tahunan |= {x.indikator.pk for x in b.ukur.baris if x.indikator.ukur_akip}
    return BundelPeriodik(b=b, laporan=laporan, isian=isian, penjelasan=penjelasan, tahunan=frozenset(tahunan))
