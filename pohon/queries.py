"""Reads of the performance tree: `susun_pohon` (a unit's tree and its sub-units' for a year, with owners on a
date, indikator with the year's target, budget lines and crosscutting; a constant number of queries), the one
reader every page, check, picture, matrix and command of the tree walks."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from anggaran.models import PaguRevisi
from indikator.models import UnitKerja
from indikator.queries import TANPA_TARGET, NilaiTargetEfektif, target_efektif

from .enums import PERINGKAT_TINGKAT, StatusCrosscutting, StatusNode, Tingkat
from .models import (
    Crosscutting,
    Jabatan,
    NodeAnggaran,
    NodeIndikator,
    NodeKinerja,
    PemegangJabatan,
    TautanStrategi,
)


@dataclass(frozen=True)
class UnitRingkas:
    id: int
    nama: str
    singkatan: str
    slug: str
    induk_id: int | None

    @property
    def label(self) -> str:
        return self.singkatan or self.nama


@dataclass(frozen=True)
class Pemilik:
    """The owner of a node: the position, and who holds it on the tree's date (None: vacant)."""

    jabatan_id: int
    jabatan: str
    eselon: str
    nama: str | None
    nip: str
    plt: bool

    @property
    def teks(self) -> str:
        if self.nama is None:
            return f"{self.jabatan} (kosong)"
        return f"{self.jabatan}: {'Plt. ' if self.plt else ''}{self.nama}"


@dataclass(frozen=True)
class IndikatorSimpul:
    id: int
    kode: str
    nama: str
    satuan: str
    peran: str
    unit_id: int
    target: NilaiTargetEfektif


@dataclass(frozen=True)
class AnggaranSimpul:
    id: int
    mata_anggaran_id: int | None
    kode: str  # program.kegiatan.KRO.RO.komponen as typed, or the budget line's code
    uraian: str
    pagu: Decimal | None


@dataclass(frozen=True)
class MitraSimpul:
    id: int
    mitra_unit_id: int | None
    mitra: str
    jenis: str
    peran: str
    kontribusi: str
    status: str
    dibuat_pada: datetime.datetime
    indikator_mitra_id: int | None

    @property
    def status_label(self) -> str:
        return StatusCrosscutting(self.status).label


@dataclass
class Simpul:
    id: int
    unit: UnitRingkas
    tingkat: str
    kode: str
    uraian: str
    jenis_hasil: str
    cascading: str
    status: str
    perspektif: str
    sasaran_id: int | None
    induk_id: int | None
    urutan: int
    tahun_mulai: int | None
    tahun_selesai: int | None
    pemilik: Pemilik | None
    indikator: list[IndikatorSimpul] = field(default_factory=list)
    anggaran: list[AnggaranSimpul] = field(default_factory=list)
    mitra: list[MitraSimpul] = field(default_factory=list)
    anak: list[Simpul] = field(default_factory=list)
    induk: Simpul | None = field(default=None, repr=False)

    @property
    def tingkat_label(self) -> str:
        return Tingkat(self.tingkat).label

    @property
    def status_label(self) -> str:
        return StatusNode(self.status).label

    @property
    def peringkat(self) -> int:
        return PERINGKAT_TINGKAT[self.tingkat]

    @property
    def daun(self) -> bool:
        return not self.anak

    @property
    def pagu(self) -> Decimal | None:
        nilai = [a.pagu for a in self.anggaran if a.pagu is not None]
        return sum(nilai, Decimal(0)) if nilai else None

    def telusuri(self):
        """This node and every node below it, depth first."""
        yield self
        for a in self.anak:
            yield from a.telusuri()


@dataclass
class Pohon:
    """A unit's tree for a year: `akar` are the unit's nodes whose parent is outside the units read (or none);
    `induk_luar` the parents outside (the parent unit's nodes they hang from), by id."""

    unit: UnitRingkas
    tahun: int
    tanggal: datetime.date
    units: dict[int, UnitRingkas]
    akar: list[Simpul]
    simpul: dict[int, Simpul]
    induk_luar: dict[int, Simpul]
    jabatan: list[Jabatan]
    pemegang: dict[int, list[PemegangJabatan]]
    # Cause–effect arrows of the strategy map (TautanStrategi) between nodes read, as (dari, ke) ids.
    tautan: list[tuple[int, int]] = field(default_factory=list)

    def pemilik_jabatan(self, j: Jabatan) -> Pemilik:
        """A position of the tree's units with its holder on the tree's date."""
        return pemilik_pada(j, self.pemegang.get(j.pk, []), self.tanggal)

    def telusuri(self):
        for a in self.akar:
            yield from a.telusuri()


def pemilik_pada(j: Jabatan, pemegang: list[PemegangJabatan], tanggal: datetime.date) -> Pemilik:
    """A position and who holds it on `tanggal` among its holders (an acting official gives way to a definitive
    one on the same date; none: vacant)."""
    pada = [p for p in pemegang if p.mulai <= tanggal and (p.selesai is None or p.selesai >= tanggal)]
    pada.sort(key=lambda p: (p.plt, -p.mulai.toordinal()))
    p = pada[0] if pada else None
    return Pemilik(j.pk, j.nama, j.eselon, p.nama if p else None, p.nip if p else "", p.plt if p else False)


def id_unit_turunan(unit_id: int) -> list[int]:
    """The unit and every unit below it (one query), the unit first."""
    anak: dict[int | None, list[int]] = defaultdict(list)
    for pk, induk in UnitKerja.objects.order_by("urutan", "nama", "pk").values_list("pk", "induk_id"):
        anak[induk].append(pk)
    hasil, antre = [], [unit_id]
    while antre:
        u = antre.pop(0)
        if u in hasil:
            continue
        hasil.append(u)
        antre.extend(anak.get(u, []))
    return hasil


def berlaku_pada(tahun: int) -> Q:
    """The nodes in force in a year (their Renstra period and their own years): the one rule, read by the tree, the
    checks and the node forms."""
    return (
        Q(renstra__tahun_mulai__lte=tahun, renstra__tahun_selesai__gte=tahun)
        & (Q(tahun_mulai__isnull=True) | Q(tahun_mulai__lte=tahun))
        & (Q(tahun_selesai__isnull=True) | Q(tahun_selesai__gte=tahun))
    )


def _kode_anggaran(a: NodeAnggaran) -> str:
    if a.mata_anggaran_id is not None:
        return a.mata_anggaran.kode
    return ".".join(k for k in (a.kode_program, a.kode_kegiatan, a.kode_kro, a.kode_ro, a.kode_komponen) if k)


def susun_pohon(
    unit: UnitKerja,
    tahun: int,
    *,
    dengan_bawahan: bool = True,
    tanggal: datetime.date | None = None,
    dengan_ditolak: bool = False,
) -> Pohon:
    """The tree of `unit` (and its sub-units) in force in `tahun`; owners as held on `tanggal` (default: the
    year's last day). Rejected nodes are left out unless asked for; inactive ones are kept (K10 reads them).
    A constant number of queries whatever the size of the tree."""
    tanggal = tanggal or datetime.date(tahun, 12, 31)
    units = {
        pk: UnitRingkas(pk, nama, singkatan, slug, induk)
        for pk, nama, singkatan, slug, induk in UnitKerja.objects.values_list(
            "pk", "nama", "singkatan", "slug", "induk_id"
        )
    }
    ids = id_unit_turunan(unit.pk) if dengan_bawahan else [unit.pk]
    qs = NodeKinerja.objects.filter(berlaku_pada(tahun), unit_id__in=ids)
    if not dengan_ditolak:
        qs = qs.exclude(status=StatusNode.DITOLAK)
    nodes = list(qs.select_related("pemilik").order_by("urutan", "kode", "id"))
    node_ids = [n.pk for n in nodes]

    jabatan = list(Jabatan.objects.filter(unit_id__in=ids).order_by("unit_id", "eselon", "urutan", "nama", "id"))
    pemegang: dict[int, list[PemegangJabatan]] = defaultdict(list)
    for p in PemegangJabatan.objects.filter(jabatan__unit_id__in=ids).order_by("mulai", "id"):
        pemegang[p.jabatan_id].append(p)

    def pemilik(j: Jabatan | None) -> Pemilik | None:
        return None if j is None else pemilik_pada(j, pemegang.get(j.pk, []), tanggal)

    simpul = {
        n.pk: Simpul(
            id=n.pk,
            unit=units[n.unit_id],
            tingkat=n.tingkat,
            kode=n.kode,
            uraian=n.uraian,
            jenis_hasil=n.jenis_hasil,
            cascading=n.cascading,
            status=n.status,
            perspektif=n.perspektif,
            sasaran_id=n.sasaran_id,
            induk_id=n.induk_id,
            urutan=n.urutan,
            tahun_mulai=n.tahun_mulai,
            tahun_selesai=n.tahun_selesai,
            pemilik=pemilik(n.pemilik),
        )
        for n in nodes
    }

    luar_ids = {s.induk_id for s in simpul.values() if s.induk_id and s.induk_id not in simpul}
    induk_luar = {
        n.pk: Simpul(
            id=n.pk,
            unit=units[n.unit_id],
            tingkat=n.tingkat,
            kode=n.kode,
            uraian=n.uraian,
            jenis_hasil=n.jenis_hasil,
            cascading=n.cascading,
            status=n.status,
            perspektif=n.perspektif,
            sasaran_id=n.sasaran_id,
            induk_id=n.induk_id,
            urutan=n.urutan,
            tahun_mulai=n.tahun_mulai,
            tahun_selesai=n.tahun_selesai,
            pemilik=None,
        )
        for n in (NodeKinerja.objects.filter(pk__in=luar_ids) if luar_ids else [])
    }

    # The parents outside carry their indikator too (K5 compares the texts, K7 the targets).
    tautan = list(
        NodeIndikator.objects.filter(node_id__in=node_ids + list(induk_luar))
        .select_related("indikator")
        .order_by("indikator__urutan", "indikator__kode", "id")
        .values_list(
            "node_id",
            "peran",
            "indikator_id",
            "indikator__kode",
            "indikator__nama",
            "indikator__satuan",
            "indikator__sasaran__revisi__renstra__unit_id",
        )
    )
    unit_ind = [UnitKerja(pk=u) for u in sorted({t[6] for t in tautan})]
    target = target_efektif(unit_ind, sorted({t[2] for t in tautan}), tahun) if tautan else {}
    for node_id, peran, ind_id, kode, nama, satuan, unit_id in tautan:
        (simpul.get(node_id) or induk_luar[node_id]).indikator.append(
            IndikatorSimpul(ind_id, kode, nama, satuan, peran, unit_id, target.get(ind_id, TANPA_TARGET))
        )

    anggaran = list(
        NodeAnggaran.objects.filter(node_id__in=node_ids, tahun=tahun)
        .select_related("mata_anggaran")
        .order_by("kode_program", "kode_kegiatan", "kode_kro", "kode_ro", "kode_komponen", "id")
    )
    pagu_terkini: dict[int, Decimal] = {}
    mata_ids = [a.mata_anggaran_id for a in anggaran if a.mata_anggaran_id]
    for mid, nilai in (
        PaguRevisi.objects.filter(mata_anggaran_id__in=mata_ids)
        .order_by("revisi_ke", "id")
        .values_list("mata_anggaran_id", "nilai")
        if mata_ids
        else []
    ):
        pagu_terkini[mid] = nilai  # the latest revision wins
    for a in anggaran:
        pagu = a.pagu if a.mata_anggaran_id is None else pagu_terkini.get(a.mata_anggaran_id)
        uraian = a.uraian or (a.mata_anggaran.nama if a.mata_anggaran_id else "")
        simpul[a.node_id].anggaran.append(AnggaranSimpul(a.pk, a.mata_anggaran_id, _kode_anggaran(a), uraian, pagu))

    for c in (
        Crosscutting.objects.filter(node_id__in=node_ids).select_related("mitra_unit").order_by("dibuat_pada", "id")
    ):
        simpul[c.node_id].mitra.append(
            MitraSimpul(
                c.pk,
                c.mitra_unit_id,
                units[c.mitra_unit_id].label if c.mitra_unit_id else c.mitra_nama,
                c.mitra_jenis,
                c.peran,
                c.kontribusi,
                c.status,
                c.dibuat_pada,
                c.indikator_mitra_id,
            )
        )

    panah = [
        (dari, ke)
        for dari, ke in TautanStrategi.objects.filter(dari_id__in=node_ids)
        .order_by("id")
        .values_list("dari_id", "ke_id")
        if ke in simpul
    ]

    akar = []
    for s in simpul.values():
        if s.induk_id in simpul:
            s.induk = simpul[s.induk_id]
            s.induk.anak.append(s)
        else:
            s.induk = induk_luar.get(s.induk_id) if s.induk_id else None
            akar.append(s)
    return Pohon(
        unit=units[unit.pk],
        tahun=tahun,
        tanggal=tanggal,
        units=units,
        akar=akar,
        simpul=simpul,
        induk_luar=induk_luar,
        jabatan=jabatan,
        pemegang=dict(pemegang),
        tautan=panah,
    )


def permintaan_masuk(unit: UnitKerja):
    """What waits for the unit's answer: offers from the parent unit and crosscutting requests (2 queries)."""
    usulan = list(
        NodeKinerja.objects.filter(unit=unit, status=StatusNode.USULAN)
        .select_related("induk", "induk__unit", "diusulkan_oleh")
        .order_by("id")
    )
    crosscutting = list(
        Crosscutting.objects.filter(mitra_unit=unit)
        .filter(status=StatusCrosscutting.DIUSULKAN)
        .select_related("node", "node__unit", "indikator_mitra")
        .order_by("dibuat_pada", "id")
    )
    return usulan, crosscutting
