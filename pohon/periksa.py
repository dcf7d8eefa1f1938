"""Consistency checks of the performance tree (K1–K10 of `../shared/docs/siklus.md` §2.3) and its coverage
figures (K4 budget, K9 positions and employees).

`periksa_pohon(unit, tahun)` reads the tree of the unit and its sub-units through `susun_pohon` plus a fixed
handful of reads (the units' settings, the parents outside, the PK indikator, the budget lines and their pagu, the
indikator's aggregation, realisasi under inactive nodes), then `periksa(pohon, bahan)` — pure, over plain values —
lists the findings. Each finding names its check (`kode`), its severity (the default of §2.3 unless the unit's
`AturanPohon.keparahan` says otherwise), an Indonesian message naming the node, and the node it points at.

A unit that has no node in force in the year has no tree yet: its PK indikator and budget lines are not reported
(the tree is optional until a unit starts it; K9 still shows its coverage).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from anggaran.models import MataAnggaran, PaguRevisi
from indikator.enums import Agregasi
from indikator.models import BarisPK, Indikator, Realisasi
from umum.format import format_angka, format_persen

from .enums import Eselon, JenisCascading, JenisHasil, MetodeAgregasi, StatusNode, Tingkat
from .formulas import BATAS_OUTCOME, bandingkan_jumlah, eselon_selaras, normal, persen, teks_sama, tingkat_sah
from .models import AturanPohon, NodeKinerja
from .queries import Pohon, Simpul, berlaku_pada, susun_pohon

GALAT = "galat"
PERINGATAN = "peringatan"
INFO = "info"
KEPARAHAN = (GALAT, PERINGATAN, INFO)  # display order
LABEL_KEPARAHAN = {GALAT: gettext_lazy("Galat"), PERINGATAN: gettext_lazy("Peringatan"), INFO: gettext_lazy("Info")}

# code → (what the check looks at, default severity); K9 has figures only.
PEMERIKSAAN: dict[str, tuple[str, str]] = {
    "K1": (gettext_lazy("Induk satu tingkat di atas"), GALAT),
    "K2": (gettext_lazy("Indikator pada simpul dan indikator PK pada pohon"), GALAT),
    "K3": (gettext_lazy("Eselon pemilik satu tingkat di bawah pemilik induk"), PERINGATAN),
    "K4": (gettext_lazy("Anggaran mengacu kinerja"), PERINGATAN),
    "K5": (gettext_lazy("Indikator disalin dari induk"), PERINGATAN),
    "K6": (gettext_lazy("Porsi indikator outcome pada tingkat atas"), PERINGATAN),
    "K7": (gettext_lazy("Jumlah target anak pada cascading penuh"), PERINGATAN),
    "K8": (gettext_lazy("Crosscutting belum dijawab"), PERINGATAN),
    "K10": (gettext_lazy("Simpul nonaktif yang masih memiliki realisasi"), GALAT),
}
KODE_DENGAN_KEPARAHAN = tuple(PEMERIKSAAN)

# K8: an internal partner answers within this many days.
BATAS_HARI_CROSSCUTTING = 14
TINGKAT_ATAS = frozenset({Tingkat.SS, Tingkat.SP})
TINGKAT_BERINDIKATOR = frozenset({Tingkat.SS, Tingkat.SP, Tingkat.SK})
# K6: the kinds of result that count as outcome (impact and intermediate outcome included; output does not).
JENIS_OUTCOME = frozenset({JenisHasil.DAMPAK, JenisHasil.OUTCOME, JenisHasil.OUTCOME_ANTARA})


@dataclass(frozen=True)
class Temuan:
    kode: str
    keparahan: str
    pesan: str
    unit_id: int
    simpul_id: int | None = None  # the node to open; None: a PK indikator or a budget line without a node
    objek: str = ""

    @property
    def label_keparahan(self) -> str:
        return str(LABEL_KEPARAHAN[self.keparahan])

    @property
    def judul(self) -> str:
        return str(PEMERIKSAAN[self.kode][0])


@dataclass(frozen=True)
class Cakupan:
    """K4 and K9 figures (Decimal percentages, None when there is nothing to cover)."""

    pagu_total: Decimal = Decimal(0)
    pagu_tertaut: Decimal = Decimal(0)
    jabatan_struktural: int = 0  # Eselon III/IV positions
    jabatan_struktural_berhasil: int = 0  # … owning at least one node
    pegawai: int = 0  # positions of eselon 5/6 with a holder on the tree's date
    pegawai_rhk: int = 0  # … owning an RHK node

    @property
    def persen_anggaran(self) -> Decimal | None:
        return persen(self.pagu_tertaut, self.pagu_total)

    @property
    def persen_jabatan(self) -> Decimal | None:
        return persen(self.jabatan_struktural_berhasil, self.jabatan_struktural)

    @property
    def persen_pegawai(self) -> Decimal | None:
        return persen(self.pegawai_rhk, self.pegawai)


@dataclass(frozen=True)
class MataRingkas:
    id: int
    unit_id: int
    kode: str
    nama: str
    induk_id: int | None
    pagu: Decimal


@dataclass
class Bahan:
    """What the checks read beside the tree (plain values)."""

    hari_ini: datetime.date
    aturan: dict[int, tuple[bool, dict]] = field(default_factory=dict)  # unit → (boleh lompat, keparahan)
    luar_berlaku: set[int] = field(default_factory=set)  # parents outside in force in the year
    eselon_luar: dict[int, str] = field(default_factory=dict)  # parent outside → its owner's eselon
    indikator_pk: dict[int, list[tuple[int, str, str]]] = field(default_factory=dict)  # unit → (id, kode, nama)
    mata_anggaran: list[MataRingkas] = field(default_factory=list)
    agregasi: dict[int, tuple[str, str | None]] = field(default_factory=dict)  # indikator → (agregasi, metode)
    berealisasi: set[int] = field(default_factory=set)  # indikator with realisasi in the year


@dataclass(frozen=True)
class HasilPeriksa:
    temuan: tuple[Temuan, ...]
    cakupan: Cakupan
    cakupan_unit: dict[int, Cakupan]

    def menurut_keparahan(self) -> list[tuple[str, str, list[Temuan]]]:
        return [
            (k, str(LABEL_KEPARAHAN[k]), [t for t in self.temuan if t.keparahan == k])
            for k in KEPARAHAN
            if any(t.keparahan == k for t in self.temuan)
        ]

    def galat(self) -> tuple[Temuan, ...]:
        return tuple(t for t in self.temuan if t.keparahan == GALAT)

    def milik(self, unit_id: int) -> HasilPeriksa:
        """The findings of one unit (the submission gate of that unit's year)."""
        return HasilPeriksa(
            tuple(t for t in self.temuan if t.unit_id == unit_id),
            self.cakupan_unit.get(unit_id, Cakupan()),
            {unit_id: self.cakupan_unit.get(unit_id, Cakupan())},
        )


def nama_simpul(s: Simpul) -> str:
    awal = f"{s.kode} " if s.kode else ""
    teks = s.uraian if len(s.uraian) <= 80 else s.uraian[:79] + "…"
    return f"{awal}{teks} ({s.unit.label})"


def _aktif(s: Simpul) -> bool:
    return s.status == StatusNode.DITERIMA


def _keparahan(bahan: Bahan, unit_id: int, kode: str) -> str:
    pilihan = bahan.aturan.get(unit_id, (False, {}))[1].get(kode)
    return pilihan if pilihan in KEPARAHAN else PEMERIKSAAN[kode][1]


def _label_eselon(e: str) -> str:
    try:
        return str(Eselon(e).label)
    except ValueError:
        return e


def _punya_siklus(s: Simpul, simpul: dict[int, Simpul]) -> bool:
    dilihat = {s.id}
    induk = s.induk_id
    while induk in simpul:
        if induk in dilihat:
            return True
        dilihat.add(induk)
        induk = simpul[induk].induk_id
    return False


def periksa(pohon: Pohon, bahan: Bahan) -> HasilPeriksa:
    """The findings and coverage of a tree: pure over the tree and `bahan`."""
    temuan: list[Temuan] = []

    def catat(kode: str, s: Simpul | None, unit_id: int, pesan: str, keparahan: str | None = None) -> None:
        temuan.append(
            Temuan(
                kode=kode,
                keparahan=keparahan or _keparahan(bahan, unit_id, kode),
                pesan=pesan,
                unit_id=unit_id,
                simpul_id=s.id if s is not None else None,
                objek=nama_simpul(s) if s is not None else "",
            )
        )

    semua = list(pohon.simpul.values())
    aktif = [s for s in semua if _aktif(s)]
    unit_berpohon = {s.unit.id for s in semua if s.status != StatusNode.NONAKTIF}

    # K1: a parent one level up, in force, of the same unit or of the parent unit; no cycle.
    for s in aktif:
        unit_induk = pohon.units[s.unit.id].induk_id if s.unit.id in pohon.units else None
        if s.induk_id is None:
            if unit_induk is not None:
                catat(
                    "K1",
                    s,
                    s.unit.id,
                    _("Simpul %(simpul)s tidak bergantung pada pohon unit induknya.") % {"simpul": nama_simpul(s)},
                )
            continue
        if _punya_siklus(s, pohon.simpul):
            catat("K1", s, s.unit.id, _("Simpul %(simpul)s berada dalam siklus induk.") % {"simpul": nama_simpul(s)})
            continue
        p = s.induk
        if p is None:
            continue
        luar = p.id not in pohon.simpul
        if p.unit.id not in {s.unit.id, unit_induk}:
            catat(
                "K1",
                s,
                s.unit.id,
                _("Induk simpul %(simpul)s milik %(unit)s, bukan unit ini atau unit induknya.")
                % {"simpul": nama_simpul(s), "unit": p.unit.label},
            )
        elif p.status != StatusNode.DITERIMA or (luar and p.id not in bahan.luar_berlaku):
            catat(
                "K1",
                s,
                s.unit.id,
                _("Induk simpul %(simpul)s (%(induk)s) tidak aktif pada tahun ini.")
                % {"simpul": nama_simpul(s), "induk": nama_simpul(p)},
            )
        if not tingkat_sah(p.peringkat, s.peringkat, boleh_lompat=bahan.aturan.get(s.unit.id, (False, {}))[0]):
            catat(
                "K1",
                s,
                s.unit.id,
                _("Simpul %(simpul)s (%(tingkat)s) tidak satu tingkat di bawah induknya %(induk)s (%(tingkat_induk)s).")
                % {
                    "simpul": nama_simpul(s),
                    "tingkat": s.tingkat_label,
                    "induk": nama_simpul(p),
                    "tingkat_induk": p.tingkat_label,
                },
            )

    # K2: indikator on the upper nodes; every PK indikator on a node.
    for s in aktif:
        if s.tingkat in TINGKAT_BERINDIKATOR and not s.indikator:
            catat("K2", s, s.unit.id, _("Simpul %(simpul)s belum memiliki indikator.") % {"simpul": nama_simpul(s)})
    di_pohon = {i.id for s in semua if s.status != StatusNode.NONAKTIF for i in s.indikator}
    for unit_id, daftar in bahan.indikator_pk.items():
        if unit_id not in unit_berpohon:
            continue
        for ind_id, kode, nama in daftar:
            if ind_id not in di_pohon:
                catat(
                    "K2",
                    None,
                    unit_id,
                    _("Indikator PK %(kode)s %(nama)s (%(unit)s) belum tertaut ke simpul mana pun.")
                    % {"kode": kode, "nama": nama, "unit": pohon.units[unit_id].label},
                )

    # K3: the owner's position one step below the parent owner's.
    for s in aktif:
        p = s.induk
        if s.pemilik is None or p is None:
            continue
        eselon_induk = p.pemilik.eselon if p.pemilik is not None else bahan.eselon_luar.get(p.id)
        if eselon_induk and not eselon_selaras(eselon_induk, s.pemilik.eselon):
            catat(
                "K3",
                s,
                s.unit.id,
                _(
                    "Pemilik simpul %(simpul)s (%(eselon)s) tidak satu tingkat di bawah pemilik induknya (%(eselon_induk)s)."
                )
                % {
                    "simpul": nama_simpul(s),
                    "eselon": _label_eselon(s.pemilik.eselon),
                    "eselon_induk": _label_eselon(eselon_induk),
                },
            )

    # K4: leaves without budget, budget lines without a node, coverage.
    for s in aktif:
        if not any(_aktif(a) for a in s.anak) and not s.anggaran:
            catat(
                "K4", s, s.unit.id, _("Simpul ujung %(simpul)s tidak memiliki anggaran.") % {"simpul": nama_simpul(s)}
            )
    tertaut_id = {a.mata_anggaran_id for s in semua if s.status != StatusNode.NONAKTIF for a in s.anggaran}
    tertaut_kode = {
        (s.unit.id, a.kode)
        for s in semua
        if s.status != StatusNode.NONAKTIF
        for a in s.anggaran
        if a.mata_anggaran_id is None
    }
    mata = {m.id: m for m in bahan.mata_anggaran}
    ber_anak = {m.induk_id for m in bahan.mata_anggaran if m.induk_id}

    def tertaut(m: MataRingkas) -> bool:
        while m is not None:
            if m.id in tertaut_id or (m.unit_id, m.kode) in tertaut_kode:
                return True
            m = mata.get(m.induk_id)
        return False

    pagu_total: dict[int, Decimal] = defaultdict(Decimal)
    pagu_tertaut: dict[int, Decimal] = defaultdict(Decimal)
    for m in bahan.mata_anggaran:
        if m.id in ber_anak:
            continue  # the leaves of the budget carry its pagu once
        pagu_total[m.unit_id] += m.pagu
        if tertaut(m):
            pagu_tertaut[m.unit_id] += m.pagu
        elif m.unit_id in unit_berpohon:
            catat(
                "K4",
                None,
                m.unit_id,
                _("Mata anggaran %(kode)s %(nama)s (%(unit)s) tidak mengacu ke simpul kinerja mana pun.")
                % {"kode": m.kode, "nama": m.nama, "unit": pohon.units[m.unit_id].label},
            )

    # K5: an indikator text copied word for word from the parent's.
    for s in aktif:
        if s.induk is None:
            continue
        for i in s.indikator:
            if any(teks_sama(i.nama, pi.nama) for pi in s.induk.indikator):
                catat(
                    "K5",
                    s,
                    s.unit.id,
                    _(
                        "Indikator %(indikator)s pada simpul %(simpul)s sama persis dengan indikator induknya: bukti cascading lemah."
                    )
                    % {"indikator": i.nama, "simpul": nama_simpul(s)},
                )

    # K6: outcome share at the upper levels, per unit.
    atas: dict[int, list[Simpul]] = defaultdict(list)
    for s in aktif:
        if s.tingkat in TINGKAT_ATAS:
            atas[s.unit.id].append(s)
    for unit_id, daftar in atas.items():
        jumlah_ind = sum(len(s.indikator) for s in daftar)
        if jumlah_ind:
            outcome = sum(len(s.indikator) for s in daftar if s.jenis_hasil in JENIS_OUTCOME)
            porsi = persen(outcome, jumlah_ind)
        else:
            porsi = persen(sum(1 for s in daftar if s.jenis_hasil in JENIS_OUTCOME), len(daftar))
        if porsi is not None and porsi < BATAS_OUTCOME:
            catat(
                "K6",
                daftar[0],
                unit_id,
                _("Porsi indikator outcome pada tingkat SS/SP %(unit)s baru %(porsi)s (minimal %(batas)s).")
                % {
                    "unit": pohon.units[unit_id].label,
                    "porsi": format_persen(porsi),
                    "batas": format_persen(BATAS_OUTCOME, 0),
                },
            )

    # K7: a full cascade with the same unit of measure and sum aggregation: Σ child targets vs the parent's.
    def dijumlah(induk_id: int, anak_id: int) -> bool:
        agr_induk, metode = bahan.agregasi.get(induk_id, ("", None))
        if metode is not None:
            return metode == MetodeAgregasi.JUMLAH
        return agr_induk == Agregasi.KUMULATIF and bahan.agregasi.get(anak_id, ("", None))[0] == Agregasi.KUMULATIF

    for s in aktif:
        anak = [a for a in s.anak if _aktif(a) and a.cascading == JenisCascading.PENUH]
        if not anak:
            continue
        for pi in s.indikator:
            if pi.target.nilai is None:
                continue
            nilai = [
                ai.target.nilai
                for a in anak
                for ai in a.indikator
                if normal(ai.satuan) == normal(pi.satuan) and ai.target.nilai is not None and dijumlah(pi.id, ai.id)
            ]
            if not nilai:
                continue
            jumlah, arah = bandingkan_jumlah(pi.target.nilai, nilai)
            data = {
                "indikator": pi.nama,
                "simpul": nama_simpul(s),
                "jumlah": format_angka(jumlah, None),
                "target": format_angka(pi.target.nilai, None),
                "satuan": pi.satuan,
            }
            if arah == "kurang":
                catat(
                    "K7",
                    s,
                    s.unit.id,
                    _(
                        "Jumlah target anak %(jumlah)s %(satuan)s di bawah target %(indikator)s pada simpul %(simpul)s (%(target)s %(satuan)s)."
                    )
                    % data,
                )
            elif arah == "lebih":
                catat(
                    "K7",
                    s,
                    s.unit.id,
                    _(
                        "Jumlah target anak %(jumlah)s %(satuan)s melebihi 120 %% target %(indikator)s pada simpul %(simpul)s (%(target)s %(satuan)s)."
                    )
                    % data,
                    keparahan=INFO,
                )

    # K8: an internal partner that has not answered after 14 days.
    for s in semua:
        if s.status == StatusNode.NONAKTIF:
            continue
        for m in s.mitra:
            if m.mitra_unit_id is None or m.status != "diusulkan":
                continue
            hari = (bahan.hari_ini - timezone.localdate(m.dibuat_pada)).days
            if hari > BATAS_HARI_CROSSCUTTING:
                catat(
                    "K8",
                    s,
                    s.unit.id,
                    _("Crosscutting simpul %(simpul)s dengan %(mitra)s belum dijawab selama %(hari)s hari.")
                    % {"simpul": nama_simpul(s), "mitra": m.mitra, "hari": hari},
                )

    # K10: an inactive node whose indikator still has realisasi in the year.
    for s in semua:
        if s.status != StatusNode.NONAKTIF:
            continue
        ada = [i for i in s.indikator if i.id in bahan.berealisasi]
        if ada:
            catat(
                "K10",
                s,
                s.unit.id,
                _(
                    "Simpul %(simpul)s nonaktif, tetapi indikatornya %(indikator)s masih memiliki realisasi tahun %(tahun)s."
                )
                % {
                    "simpul": nama_simpul(s),
                    "indikator": ", ".join(i.kode or i.nama for i in ada),
                    "tahun": pohon.tahun,
                },
            )

    # K9: positions of Eselon III/IV owning a node; employees (eselon 5/6 held) owning an RHK node.
    pemilik_node = {s.pemilik.jabatan_id for s in aktif if s.pemilik is not None}
    pemilik_rhk = {s.pemilik.jabatan_id for s in aktif if s.pemilik is not None and s.tingkat == Tingkat.RHK}
    k9: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for j in pohon.jabatan:
        if not j.aktif:
            continue
        baris = k9[j.unit_id]
        if j.eselon in (Eselon.III, Eselon.IV):
            baris[0] += 1
            baris[1] += j.pk in pemilik_node
        elif j.eselon in (Eselon.FUNGSIONAL, Eselon.PELAKSANA) and any(
            p.mulai <= pohon.tanggal and (p.selesai is None or p.selesai >= pohon.tanggal)
            for p in pohon.pemegang.get(j.pk, [])
        ):
            baris[2] += 1
            baris[3] += j.pk in pemilik_rhk

    cakupan_unit = {
        u: Cakupan(pagu_total.get(u, Decimal(0)), pagu_tertaut.get(u, Decimal(0)), *k9.get(u, (0, 0, 0, 0)))
        for u in sorted(set(pagu_total) | set(k9), key=list(pohon.units).index)
    }
    cakupan = Cakupan(
        sum((c.pagu_total for c in cakupan_unit.values()), Decimal(0)),
        sum((c.pagu_tertaut for c in cakupan_unit.values()), Decimal(0)),
        sum(c.jabatan_struktural for c in cakupan_unit.values()),
        sum(c.jabatan_struktural_berhasil for c in cakupan_unit.values()),
        sum(c.pegawai for c in cakupan_unit.values()),
        sum(c.pegawai_rhk for c in cakupan_unit.values()),
    )
    urutan = {k: i for i, k in enumerate(KEPARAHAN)}
    kode_urut = {k: i for i, k in enumerate(PEMERIKSAAN)}
    temuan.sort(key=lambda t: (urutan[t.keparahan], kode_urut[t.kode]))
    return HasilPeriksa(tuple(temuan), cakupan, cakupan_unit)


def ambil_bahan(pohon: Pohon, *, hari_ini: datetime.date | None = None) -> Bahan:
    """The reads beside the tree (at most 7 queries whatever its size)."""
    ids = unit_dibaca(pohon)
    bahan = Bahan(hari_ini=hari_ini or timezone.localdate())
    for unit_id, lompat, keparahan in AturanPohon.objects.filter(unit_id__in=ids).values_list(
        "unit_id", "boleh_lompat_tingkat", "keparahan"
    ):
        bahan.aturan[unit_id] = (lompat, keparahan if isinstance(keparahan, dict) else {})
    if pohon.induk_luar:
        for pk, eselon in (
            NodeKinerja.objects.filter(berlaku_pada(pohon.tahun), pk__in=list(pohon.induk_luar))
            .exclude(status__in=[StatusNode.DITOLAK, StatusNode.NONAKTIF])
            .values_list("pk", "pemilik__eselon")
        ):
            bahan.luar_berlaku.add(pk)
            if eselon:
                bahan.eselon_luar[pk] = eselon
    pk_unit: dict[int, dict[int, tuple[int, str, str]]] = defaultdict(dict)
    for ind_id, kode, nama, unit_id in (
        BarisPK.objects.filter(
            versi__pk_induk__unit_id__in=ids, versi__pk_induk__tahun=pohon.tahun, indikator__isnull=False
        )  # a text-only PK row has no indikator to link to a node
        .order_by("indikator__urutan", "indikator__kode", "indikator_id")
        .values_list("indikator_id", "indikator__kode", "indikator__nama", "versi__pk_induk__unit_id")
    ):
        pk_unit[unit_id].setdefault(ind_id, (ind_id, kode, nama))
    bahan.indikator_pk = {u: list(d.values()) for u, d in pk_unit.items()}

    mata = list(
        MataAnggaran.objects.filter(unit_id__in=ids, tahun=pohon.tahun)
        .order_by("unit_id", "kode", "id")
        .values_list("pk", "unit_id", "kode", "nama", "induk_id")
    )
    pagu: dict[int, Decimal] = {}
    if mata:
        for mid, nilai in (
            PaguRevisi.objects.filter(mata_anggaran__unit_id__in=ids, mata_anggaran__tahun=pohon.tahun)
            .order_by("revisi_ke", "id")
            .values_list("mata_anggaran_id", "nilai")
        ):
            pagu[mid] = nilai  # the latest revision wins
    bahan.mata_anggaran = [MataRingkas(pk, u, k, n, i, pagu.get(pk, Decimal(0))) for pk, u, k, n, i in mata]

    semua_ind = {i.id for s in (*pohon.simpul.values(), *pohon.induk_luar.values()) for i in s.indikator}
    if semua_ind:
        for pk, agregasi, metode in Indikator.objects.filter(pk__in=semua_ind).values_list(
            "pk", "agregasi", "konsolidasi__metode"
        ):
            bahan.agregasi[pk] = (agregasi, metode)
    nonaktif_ind = {i.id for s in pohon.simpul.values() if s.status == StatusNode.NONAKTIF for i in s.indikator}
    if nonaktif_ind:
        bahan.berealisasi = set(
            Realisasi.objects.filter(indikator_id__in=nonaktif_ind, tahun=pohon.tahun)
            .filter(Q(nilai__isnull=False) | ~Q(nilai_kualitatif=""))
            .values_list("indikator_id", flat=True)
        )
    return bahan


def unit_dibaca(pohon: Pohon) -> list[int]:
    """The tree's unit and every unit below it, from the units the tree holds (no query)."""
    anak: dict[int | None, list[int]] = defaultdict(list)
    for u in pohon.units.values():
        anak[u.induk_id].append(u.id)
    hasil, antre = [], [pohon.unit.id]
    while antre:
        u = antre.pop(0)
        if u not in hasil:
            hasil.append(u)
            antre.extend(anak.get(u, []))
    return hasil


def periksa_pohon(
    unit, tahun: int, *, hari_ini: datetime.date | None = None, pohon: Pohon | None = None
) -> tuple[Pohon, HasilPeriksa]:
    """The tree of `unit` and its sub-units in `tahun` and its findings (a constant number of queries)."""
    pohon = pohon or susun_pohon(unit, tahun)
    return pohon, periksa(pohon, ambil_bahan(pohon, hari_ini=hari_ini))


def temuan_unit(unit, tahun: int) -> tuple[Temuan, ...]:
    """The findings of the unit's own nodes, PK indikator and budget lines in the year (the submission gate). The
    tree is read with the sub-units (a node whose children sit in a sub-unit is no leaf); a unit that has never
    had a node costs one query."""
    if not NodeKinerja.objects.filter(unit=unit).exists():
        return ()
    return periksa_pohon(unit, tahun)[1].milik(unit.pk).temuan


def cakupan_pohon(unit, tahun: int) -> Cakupan:
    """K4/K9 coverage of the unit and its sub-units (for the AKIP evaluation's suggestions)."""
    return periksa_pohon(unit, tahun)[1].cakupan
