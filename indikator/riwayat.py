"""Audit trail reads (django-simple-history): per object and per unit/year, with field-level old → new values.

Constant number of queries: per source model one count, one page fetch and one fetch of the predecessors.
"""

from __future__ import annotations

import datetime
import functools
import heapq
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from umum.bulan import NAMA_BULAN
from umum.format import format_angka

from .models import BarisPK, Indikator, UnitKerja

ABAIKAN = {"diubah_pada", "id"}


@dataclass(frozen=True)
class Sumber:
    kode: str
    model: str  # "app_label.Model"
    unit: str  # lookup path to the unit
    tahun: str  # lookup path to the year

    @property
    def kelas(self):
        return apps.get_model(self.model)

    @property
    def label(self) -> str:
        return str(self.kelas._meta.verbose_name)


_PK = "versi__pk_induk__"
_IND = f"indikator__{Indikator.JALUR_UNIT}"
SUMBER: dict[str, Sumber] = {
    s.kode: s
    for s in (
        Sumber("target", "indikator.Target", _IND, "tahun"),
        Sumber("realisasi", "indikator.Realisasi", _IND, "tahun"),
        Sumber("versi-pk", "indikator.VersiPK", "pk_induk__unit", "pk_induk__tahun"),
        Sumber("baris-pk", "indikator.BarisPK", _PK + "unit", _PK + "tahun"),
        Sumber("rencana-aksi", "indikator.RencanaAksi", "baris_pk__" + _PK + "unit", "baris_pk__" + _PK + "tahun"),
        Sumber("periode", "indikator.PeriodeUnit", "unit", "tahun"),
        Sumber("mata-anggaran", "anggaran.MataAnggaran", "unit", "tahun"),
        Sumber("pagu", "anggaran.PaguRevisi", "mata_anggaran__unit", "mata_anggaran__tahun"),
        Sumber("realisasi-anggaran", "anggaran.RealisasiAnggaran", "mata_anggaran__unit", "mata_anggaran__tahun"),
        Sumber("rencana-penarikan", "anggaran.RencanaPenarikan", "mata_anggaran__unit", "mata_anggaran__tahun"),
        Sumber("sub-kegiatan", "anggaran.SubKegiatan", "unit", "tahun"),
        Sumber("narasi", "laporan.NarasiLaporan", "unit", "tahun"),
    )
}
# Objects without a year of their own: history per object only.
SUMBER["indikator"] = Sumber("indikator", "indikator.Indikator", Indikator.JALUR_UNIT, "")
# A node of the performance tree (named by label: indikator does not import pohon); its moves and deactivations
# carry their reason.
SUMBER["simpul-kinerja"] = Sumber("simpul-kinerja", "pohon.NodeKinerja", "unit", "")

JENIS = {"+": _("dibuat"), "~": _("diubah"), "-": _("dihapus")}


@dataclass(frozen=True)
class Perubahan:
    field: str
    label: str
    lama: Any
    baru: Any


@dataclass(frozen=True)
class Entri:
    sumber: Sumber
    catatan: Any  # the historical record
    perubahan: tuple[Perubahan, ...]
    objek: str = ""

    @property
    def jenis(self) -> str:
        return str(JENIS.get(self.catatan.history_type, self.catatan.history_type))


def _label(model, nama: str) -> str:
    try:
        return str(model._meta.get_field(nama).verbose_name)
    except Exception:  # noqa: BLE001 - unknown field names are shown as is
        return nama


def _tampil(nilai):
    """Decimal values shown the Indonesian way, as stored (7,5 not 7.5000); dates as people write them
    (1 Januari 2018)."""
    if isinstance(nilai, Decimal):
        return format_angka(nilai, None)
    if isinstance(nilai, datetime.date) and not isinstance(nilai, datetime.datetime):
        return f"{nilai.day} {NAMA_BULAN[nilai.month - 1]} {nilai.year}"
    return nilai


def _beda(sumber: Sumber, baru, lama) -> tuple[Perubahan, ...]:
    model = sumber.kelas
    if lama is None:
        if baru.history_type == "-":
            return ()
        # Only the fields the history keeps (a model may exclude some, e.g. PeriodeUnit.versi_data).
        tersimpan = {f.name for f in type(baru)._meta.concrete_fields}
        nama = [f.name for f in model._meta.concrete_fields if f.name not in ABAIKAN and f.name in tersimpan]
        return tuple(
            Perubahan(n, _label(model, n), None, _tampil(getattr(baru, f.attname)))
            for n, f in ((n, model._meta.get_field(n)) for n in nama)
            if getattr(baru, f.attname) not in (None, "")
        )
    delta = baru.diff_against(lama, excluded_fields=ABAIKAN)
    return tuple(Perubahan(c.field, _label(model, c.field), _tampil(c.old), _tampil(c.new)) for c in delta.changes)


def nama_pengguna(user) -> str:
    """A user as people know them: full name, else username."""
    if user is None:
        return "–"
    return user.get_full_name() or user.get_username()


def _nama(obj) -> str:
    """A linked object's name without further queries (its own code and name when it has them)."""
    if isinstance(obj, get_user_model()):
        return nama_pengguna(obj)
    nama = getattr(obj, "nama", None)
    if isinstance(nama, str):
        kode = getattr(obj, "kode", "")
        return f"{kode} {nama}".strip() if isinstance(kode, str) else nama
    return str(obj)


def _field(model, nama: str):
    try:
        return model._meta.get_field(nama)
    except Exception:  # noqa: BLE001 - not a field (simple-history extras)
        return None


@functools.cache
def _model_tertaut() -> tuple:
    """Every model a source's foreign key points to."""
    return tuple({f.related_model for s in SUMBER.values() for f in s.kelas._meta.concrete_fields if f.many_to_one})


def _dengan_nama(entri: list[Entri]) -> list[Entri]:
    """People's words instead of ids and codes in the changes: a foreign key as the related object's name (one
    query per related model on the page; a deleted object as "#id (dihapus)"), a choice as its label, a
    yes/no field as "ya"/"tidak"."""
    # One query per model any source links to, also when the page names none of its rows (the page costs the
    # same whatever it shows).
    perlu: dict[Any, set] = {m: set() for m in _model_tertaut()} if entri else {}
    for e in entri:
        for p in e.perubahan:
            f = _field(e.sumber.kelas, p.field)
            if f is not None and f.many_to_one:
                perlu.setdefault(f.related_model, set()).update(v for v in (p.lama, p.baru) if v not in (None, ""))
    nama = {
        m: {o.pk: _nama(o) for o in m._base_manager.select_related().filter(pk__in=sorted(ids) or [0])}
        for m, ids in perlu.items()
    }

    def tampil(f, nilai):
        if nilai in (None, "") or f is None:
            return nilai
        if f.many_to_one:
            return nama[f.related_model].get(nilai) or _("#%(id)s (dihapus)") % {"id": nilai}
        if f.choices:
            return dict(f.flatchoices).get(nilai, nilai)
        if isinstance(nilai, bool):
            return _("ya") if nilai else _("tidak")
        return nilai

    hasil = []
    for e in entri:
        perubahan = []
        for p in e.perubahan:
            f = _field(e.sumber.kelas, p.field)
            perubahan.append(Perubahan(p.field, p.label, tampil(f, p.lama), tampil(f, p.baru)))
        hasil.append(Entri(e.sumber, e.catatan, tuple(perubahan), e.objek))
    return hasil


def ambil_objek(sumber: Sumber, pk: int) -> tuple[Any, UnitKerja]:
    """The latest historical record of an object (it may be deleted) and the unit it belongs to."""
    riwayat = sumber.kelas.history.filter(id=pk)
    catatan = riwayat.order_by("-history_date", "-history_id").first()
    unit_id = riwayat.values_list(sumber.unit, flat=True).first()
    if catatan is None or unit_id is None:
        raise Http404
    return catatan, UnitKerja.objects.get(pk=unit_id)


def riwayat_objek(sumber: Sumber, pk: int) -> list[Entri]:
    """Every change of one object, newest first (1 query)."""
    catatan = list(
        sumber.kelas.history.filter(id=pk).select_related("history_user").order_by("-history_date", "-history_id")
    )
    return _dengan_nama(
        [
            Entri(sumber, c, _beda(sumber, c, catatan[i + 1] if i + 1 < len(catatan) else None))
            for i, c in enumerate(catatan)
        ]
    )


class RiwayatUnit:
    """Sequence-like (len, slicing) merge of the history of every source of a unit's year, newest first."""

    def __init__(self, unit: UnitKerja, tahun: int):
        self.unit = unit
        self.tahun = tahun
        self.sumber = [s for s in SUMBER.values() if s.tahun]
        self._jumlah: int | None = None

    def _qs(self, s: Sumber):
        return s.kelas.history.filter(**{s.unit: self.unit, s.tahun: self.tahun})

    def __len__(self) -> int:
        if self._jumlah is None:
            self._jumlah = sum(self._qs(s).count() for s in self.sumber)
        return self._jumlah

    def count(self) -> int:
        return len(self)

    def __getitem__(self, irisan):
        if not isinstance(irisan, slice):
            raise TypeError("RiwayatUnit hanya mendukung irisan")
        awal, akhir = irisan.start or 0, irisan.stop or len(self)
        aliran = []
        for s in self.sumber:
            daftar = list(self._qs(s).select_related("history_user").order_by("-history_date", "-history_id")[:akhir])
            aliran.append([((c.history_date, c.history_id), s, c) for c in daftar])
        gabung = heapq.merge(*aliran, key=lambda x: x[0], reverse=True)
        halaman = [(s, c) for _k, s, c in list(gabung)[awal:akhir]]
        return self._lengkapi(halaman)

    def _lengkapi(self, halaman) -> list[Entri]:
        # Predecessors of the records on the page: one query per source present on the page.
        sebelum: dict[tuple[str, int, int], Any] = {}
        for s in {s for s, _c in halaman}:
            ids = {c.id for s2, c in halaman if s2 is s}
            terbaru = max(c.history_date for s2, c in halaman if s2 is s)
            semua = list(
                s.kelas.history.filter(id__in=ids, history_date__lte=terbaru).order_by(
                    "id", "history_date", "history_id"
                )
            )
            for a, b in zip(semua, semua[1:], strict=False):
                if a.id == b.id:
                    sebelum[(s.kode, b.id, b.history_id)] = a
        ind_ids = {getattr(c, "indikator_id", None) for _s, c in halaman} - {None}
        indikator = Indikator.objects.in_bulk(ind_ids) if ind_ids else {}
        # A budget line's figures (pagu, realisasi, rencana penarikan) are named by their line (1 query).
        mata_ids = {getattr(c, "mata_anggaran_id", None) for _s, c in halaman} - {None}
        mata = apps.get_model("anggaran", "MataAnggaran").objects.in_bulk(mata_ids) if mata_ids else {}
        # A Rencana Aksi row is named by its PK row's indikator (1 query).
        bp_ids = {getattr(c, "baris_pk_id", None) for _s, c in halaman} - {None}
        baris_pk = BarisPK.objects.select_related("indikator").in_bulk(bp_ids) if bp_ids else {}
        hasil = []
        for s, c in halaman:
            ind = indikator.get(getattr(c, "indikator_id", None))
            if ind is None and (bp := baris_pk.get(getattr(c, "baris_pk_id", None))) is not None:
                ind = bp.indikator
            m = mata.get(getattr(c, "mata_anggaran_id", None))
            if ind:
                nama = f"{ind.kode} {ind.nama[:60]}"
            elif hasattr(c, "kode"):
                nama = f"{c.kode} {getattr(c, 'nama', '')[:60]}"
            elif isinstance(getattr(c, "nama", None), str):
                nama = c.nama[:60]
            elif m:
                nama = f"{m.kode} {m.nama[:60]}"
            else:
                nama = ""
            if getattr(c, "triwulan", None):
                nama += f" TW{c.triwulan}"
            hasil.append(Entri(s, c, _beda(s, c, sebelum.get((s.kode, c.id, c.history_id))), nama.strip()))
        return _dengan_nama(hasil)


class RiwayatRentang(RiwayatUnit):
    """The changes to a unit's year's data (workflow steps left out) after `sejak` and up to `sampai`."""

    def __init__(self, unit: UnitKerja, tahun: int, *, sejak, sampai=None):
        super().__init__(unit, tahun)
        self.sumber = [s for s in self.sumber if s.kode != "periode"]
        self.sejak, self.sampai = sejak, sampai

    def _qs(self, s: Sumber):
        qs = super()._qs(s)
        if self.sejak is not None:
            qs = qs.filter(history_date__gt=self.sejak)
        if self.sampai is not None:
            qs = qs.filter(history_date__lte=self.sampai)
        return qs


def waktu_pengesahan(unit: UnitKerja, tahun: int):
    """When the unit's year was last approved (history of the period row, status disahkan), or None (1 query)."""
    return (
        SUMBER["periode"]
        .kelas.history.filter(unit=unit, tahun=tahun, status="disahkan")
        .order_by("-history_date", "-history_id")
        .values_list("history_date", flat=True)
        .first()
    )


def perubahan_sejak_pengesahan(unit: UnitKerja, tahun: int, *, batas: int = 100):
    """What changed since the year's last approved state: (time of the last approval or None, entries, total).

    A year never approved compares with the previous year's approval: everything entered for this year."""
    lalu = waktu_pengesahan(unit, tahun)
    rentang = RiwayatRentang(unit, tahun, sejak=lalu)
    return lalu, rentang[0:batas], len(rentang)
