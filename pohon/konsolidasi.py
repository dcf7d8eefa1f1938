"""Consolidation of a parent unit's indikator from its sub-units (`../shared/docs/siklus.md` §2.4).

- `simpan_aturan`: a parent indikator's rule and sources; refused (nothing saved) for a source of another unit of
  measure or outside the unit's direct sub-units, a one-unit rule with more sources, a weighted mean without its
  basis or a fixed weight missing.
- `konsolidasikan_tahun`: per year, under the parent's period lock, only over sub-units whose year is approved
  (a sub-unit not approved is refused by name); the figures come from `formulas.konsolidasikan` over the
  sub-units' own measurement (`susun_pengukuran_banyak`), are written to the parent's yearly Realisasi (what its
  measurement, NPS and NKO read like any unit's) with their trace (HasilKonsolidasi), and the run is pinned to
  the sub-units' data versions (KonsolidasiTahun.pin).
- `baca_konsolidasi`: the last run of a unit-year with its trace and whether it is out of date (usang): a
  sub-unit's data changed, or left its approved state, or a rule changed since (constant 4 queries).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext

from anggaran.queries import susun_anggaran_banyak
from indikator.enums import STATUS_FINAL
from indikator.models import Indikator, PeriodeUnit, Realisasi, UnitKerja
from indikator.periode import kunci_periode_untuk_tulis, kunci_rentang_untuk_tulis
from indikator.queries import susun_pengukuran_banyak

from .enums import AlasanKonsolidasi, DasarBobot, MetodeAgregasi
from .formulas import HasilKonsolidasi as Hasil
from .formulas import JejakSumber, NilaiSumber, konsolidasikan
from .models import AgregasiIndikator, HasilKonsolidasi, KonsolidasiTahun, RasioRealisasi, SumberAgregasi


def adalah_persen(satuan: str) -> bool:
    s = (satuan or "").strip().lower()
    return "%" in s or "persen" in s


def _sama_satuan(a: str, b: str) -> bool:
    return " ".join((a or "").lower().split()) == " ".join((b or "").lower().split())


def _label(ind: Indikator) -> str:
    return f"{ind.kode} {ind.nama}".strip()


@transaction.atomic
def simpan_aturan(
    *,
    indikator: Indikator,
    metode: str,
    dasar_bobot: str = "",
    sumber: Sequence[tuple[Indikator, Decimal | None]],
) -> AgregasiIndikator:
    """Set the consolidation rule of a parent unit's indikator and its sources (replacing the previous ones)."""
    unit = indikator.unit
    revisi = indikator.sasaran.revisi
    kunci_rentang_untuk_tulis(unit, tahun_mulai=revisi.berlaku_mulai, tahun_selesai=revisi.berlaku_sampai)
    metode = MetodeAgregasi(metode)
    galat = []
    if not sumber:
        galat.append(gettext("Pilih sedikitnya satu indikator sumber dari unit bawahan."))
    if metode == MetodeAgregasi.DARI_UNIT and len(sumber) > 1:
        galat.append(gettext("Metode 'diambil dari satu unit' memerlukan tepat satu sumber."))
    if metode == MetodeAgregasi.RATA_TERTIMBANG and not dasar_bobot:
        galat.append(gettext("Rata-rata tertimbang memerlukan dasar bobot."))
    anak = set(UnitKerja.objects.filter(induk=unit).values_list("pk", flat=True))
    for ind, bobot in sumber:
        u = ind.unit
        if u.pk not in anak:
            galat.append(
                gettext("%(indikator)s milik %(unit)s, bukan unit bawahan langsung %(induk)s.")
                % {"indikator": _label(ind), "unit": u.nama, "induk": unit.nama}
            )
        if not _sama_satuan(ind.satuan, indikator.satuan):
            galat.append(
                gettext("%(indikator)s (%(unit)s) bersatuan '%(satuan)s', berbeda dengan '%(satuan_induk)s'.")
                % {"indikator": _label(ind), "unit": u.nama, "satuan": ind.satuan, "satuan_induk": indikator.satuan}
            )
        if metode == MetodeAgregasi.RATA_TERTIMBANG and dasar_bobot == DasarBobot.TETAP and bobot is None:
            galat.append(gettext("Bobot tetap %(indikator)s belum diisi.") % {"indikator": _label(ind)})
    if galat:
        raise ValidationError(galat, code="aturan")
    aturan, _baru = AgregasiIndikator.objects.update_or_create(
        indikator=indikator,
        defaults={"metode": metode, "dasar_bobot": dasar_bobot if metode == MetodeAgregasi.RATA_TERTIMBANG else ""},
    )
    simpan = {ind.pk: bobot for ind, bobot in sumber}
    aturan.sumber.exclude(indikator_id__in=simpan).delete()
    for ind_id, bobot in simpan.items():
        SumberAgregasi.objects.update_or_create(agregasi=aturan, indikator_id=ind_id, defaults={"bobot": bobot})
    return aturan


@transaction.atomic
def hapus_aturan(*, aturan: AgregasiIndikator) -> None:
    revisi = aturan.indikator.sasaran.revisi
    kunci_rentang_untuk_tulis(
        aturan.indikator.unit, tahun_mulai=revisi.berlaku_mulai, tahun_selesai=revisi.berlaku_sampai
    )
    aturan.delete()


@transaction.atomic
def simpan_rasio(*, unit: UnitKerja, tahun: int, isian: dict[Indikator, tuple[Decimal | None, Decimal | None]]) -> int:
    """Write the numerators and denominators of the unit's percentage indikator for the year (both empty: the
    pair is removed), under the unit's period lock; refused as a whole (nothing saved) when one pair is half
    filled or negative. Returns how many pairs changed."""
    kunci_periode_untuk_tulis(unit, tahun)
    galat = []
    for ind, (p, q) in isian.items():
        if ind.unit.pk != unit.pk:
            raise ValidationError(gettext("Indikator bukan milik unit ini."), code="unit")
        if (p is None) != (q is None):
            galat.append(gettext("%(indikator)s: isi pembilang dan penyebut sekaligus.") % {"indikator": _label(ind)})
        elif p is not None and (p < 0 or q < 0):
            galat.append(
                gettext("%(indikator)s: pembilang dan penyebut tidak boleh negatif.") % {"indikator": _label(ind)}
            )
    if galat:
        raise ValidationError(galat, code="rasio")
    ada = {r.indikator_id: r for r in RasioRealisasi.objects.filter(indikator__in=list(isian), tahun=tahun)}
    berubah = 0
    for ind, (p, q) in isian.items():
        r = ada.get(ind.pk)
        if p is None:
            if r is not None:
                r.delete()
                berubah += 1
        elif r is None:
            RasioRealisasi.objects.create(indikator=ind, tahun=tahun, pembilang=p, penyebut=q)
            berubah += 1
        elif (r.pembilang, r.penyebut) != (p, q):
            r.pembilang, r.penyebut = p, q
            r.save()
            berubah += 1
    return berubah


def baca_rasio(indikator_ids, tahun: int) -> dict[int, RasioRealisasi]:
    return {r.indikator_id: r for r in RasioRealisasi.objects.filter(indikator_id__in=list(indikator_ids), tahun=tahun)}


def _aturan_unit(unit: UnitKerja) -> list[AgregasiIndikator]:
    """The rules of the unit's indikator, sources with their indikator and unit (2 queries)."""
    return list(
        AgregasiIndikator.objects.filter(indikator__sasaran__revisi__renstra__unit=unit)
        .select_related("indikator__sasaran__revisi")
        .prefetch_related(
            Prefetch(
                "sumber",
                queryset=SumberAgregasi.objects.select_related("indikator__sasaran__revisi__renstra__unit").order_by(
                    "pk"
                ),
            )
        )
        .order_by("indikator__sasaran__urutan", "indikator__urutan", "indikator__kode", "pk")
    )


def _aturan_tahun(aturan: list[AgregasiIndikator], tahun: int) -> list[AgregasiIndikator]:
    return [
        a
        for a in aturan
        if a.indikator.sasaran.revisi.berlaku_mulai <= tahun <= a.indikator.sasaran.revisi.berlaku_sampai
        and a.indikator.aktif_pada(tahun)
    ]


def sidik_aturan(aturan: Sequence[AgregasiIndikator]) -> str:
    """A fingerprint of the rules (method, weight basis, sources and weights): a changed rule outdates a run."""
    bagian = []
    for a in sorted(aturan, key=lambda a: a.pk):
        sumber = sorted((s.indikator_id, str(s.bobot)) for s in a.sumber.all())
        bagian.append(f"{a.indikator_id}:{a.metode}:{a.dasar_bobot}:{sumber}")
    return hashlib.sha256("|".join(bagian).encode()).hexdigest()


def _unit_sumber(aturan: Sequence[AgregasiIndikator]) -> dict[int, UnitKerja]:
    return {s.indikator.unit.pk: s.indikator.unit for a in aturan for s in a.sumber.all()}


@transaction.atomic
def konsolidasikan_tahun(*, unit: UnitKerja, tahun: int, oleh=None) -> KonsolidasiTahun:
    """Consolidate every ruled indikator of the unit for the year (see the module). Refused, nothing saved,
    when the unit's year is frozen, it has no rule, or a sub-unit of a source is not approved."""
    kunci_periode_untuk_tulis(unit, tahun)
    aturan = _aturan_tahun(_aturan_unit(unit), tahun)
    if not aturan:
        raise ValidationError(
            gettext("%(unit)s belum memiliki aturan konsolidasi untuk tahun %(tahun)s.")
            % {"unit": unit.nama, "tahun": tahun},
            code="tanpa_aturan",
        )
    units = _unit_sumber(aturan)
    periode = {p.unit_id: p for p in PeriodeUnit.objects.select_for_update().filter(unit_id__in=units, tahun=tahun)}
    belum = sorted(u.nama for uid, u in units.items() if uid not in periode or periode[uid].status not in STATUS_FINAL)
    if belum:
        raise ValidationError(
            gettext(
                "Konsolidasi tahun %(tahun)s hanya atas unit yang tahunnya sudah disahkan; belum disahkan: %(unit)s."
            )
            % {"tahun": tahun, "unit": ", ".join(belum)},
            code="belum_disahkan",
        )
    ukur = susun_pengukuran_banyak(list(units.values()), tahun)
    anggaran = susun_anggaran_banyak(list(units.values()), tahun)
    rasio = {
        r.indikator_id: r
        for r in RasioRealisasi.objects.filter(
            indikator_id__in=[s.indikator_id for a in aturan for s in a.sumber.all()], tahun=tahun
        )
    }
    run, _baru = KonsolidasiTahun.objects.update_or_create(
        unit=unit,
        tahun=tahun,
        defaults={
            "pin": {str(uid): periode[uid].versi_data for uid in units},
            "sidik_aturan": sidik_aturan(aturan),
            "dihitung_oleh": oleh if getattr(oleh, "is_authenticated", False) else None,
        },
    )
    run.hasil.all().delete()
    realisasi = {
        r.indikator_id: r
        for r in Realisasi.objects.filter(
            indikator__in=[a.indikator for a in aturan], tahun=tahun, triwulan__isnull=True
        )
    }
    for a in aturan:
        sumber = []
        for s in a.sumber.all():
            u = s.indikator.unit
            bp = ukur[u.pk].baris_indikator(s.indikator_id) if u.pk in ukur else None
            r = rasio.get(s.indikator_id)
            sumber.append(
                NilaiSumber(
                    unit_id=u.pk,
                    unit=u.nama,
                    indikator_id=s.indikator_id,
                    indikator=_label(s.indikator),
                    nilai=bp.realisasi.nilai if bp is not None else None,
                    pembilang=r.pembilang if r else None,
                    penyebut=r.penyebut if r else None,
                    pagu=anggaran[u.pk].total_pagu if u.pk in anggaran else None,
                    bobot=s.bobot,
                )
            )
        sumber.sort(key=lambda x: (x.unit, x.indikator))
        h = konsolidasikan(
            metode=a.metode, sumber=sumber, dasar_bobot=a.dasar_bobot or None, persen=adalah_persen(a.indikator.satuan)
        )
        HasilKonsolidasi.objects.create(
            konsolidasi=run,
            indikator=a.indikator,
            metode=a.metode,
            nilai=h.nilai,
            alasan=h.alasan or "",
            jejak=[_jejak_json(j) for j in h.jejak],
        )
        baris = realisasi.get(a.indikator_id)
        if baris is None:
            baris = Realisasi(indikator=a.indikator, tahun=tahun, triwulan=None)
        baris.nilai = h.nilai
        baris.nilai_kualitatif = ""
        baris._change_reason = "konsolidasi"
        baris.save()
    return run


def _d(x: Decimal | None) -> str | None:
    return None if x is None else str(x)


def _jejak_json(j: JejakSumber) -> dict:
    return {
        "unit_id": j.unit_id,
        "unit": j.unit,
        "indikator_id": j.indikator_id,
        "indikator": j.indikator,
        "nilai": _d(j.nilai),
        "bobot": _d(j.bobot),
        "pembilang": _d(j.pembilang),
        "penyebut": _d(j.penyebut),
    }


def _jejak_dari_json(d: dict) -> JejakSumber:
    def dec(k):
        return None if d.get(k) is None else Decimal(d[k])

    return JejakSumber(
        d["unit_id"],
        d["unit"],
        d["indikator_id"],
        d["indikator"],
        dec("nilai"),
        dec("bobot"),
        dec("pembilang"),
        dec("penyebut"),
    )


@dataclass(frozen=True)
class HasilIndikator:
    indikator_id: int
    metode: str
    hasil: Hasil

    @property
    def pesan(self) -> str:
        """Why the figure is missing, in people's words ('' when computed)."""
        if self.hasil.alasan is None:
            return ""
        teks = str(AlasanKonsolidasi(self.hasil.alasan).label)
        if self.hasil.kurang:
            teks += " " + ", ".join(self.hasil.kurang)
        return teks


@dataclass(frozen=True)
class Konsolidasi:
    """What a unit-year's consolidation prints: per ruled indikator its rule and last result, the sub-units
    involved, and whether the run is out of date (and why)."""

    unit: UnitKerja
    tahun: int
    aturan: tuple[AgregasiIndikator, ...]
    units: tuple[UnitKerja, ...]  # sub-units of the sources, by name
    run: KonsolidasiTahun | None
    hasil: dict[int, HasilIndikator]  # by parent indikator id
    berubah: tuple[str, ...]  # sub-units changed (or no longer approved) since the run
    aturan_berubah: bool

    @property
    def usang(self) -> bool:
        return self.run is None or bool(self.berubah) or self.aturan_berubah

    def sumber_unit(self, indikator_id: int) -> dict[int, int]:
        """{sub-unit id: its source indikator id} of a ruled indikator."""
        for a in self.aturan:
            if a.indikator_id == indikator_id:
                return {s.indikator.unit.pk: s.indikator_id for s in a.sumber.all()}
        return {}


def baca_konsolidasi(unit: UnitKerja, tahun: int) -> Konsolidasi | None:
    """The unit-year's rules and last run (None when the unit has no rule in force that year); at most 5 queries
    whatever the number of rules and sources."""
    aturan = _aturan_tahun(_aturan_unit(unit), tahun)
    if not aturan:
        return None
    units = _unit_sumber(aturan)
    run = KonsolidasiTahun.objects.filter(unit=unit, tahun=tahun).first()
    hasil: dict[int, HasilIndikator] = {}
    berubah: list[str] = []
    aturan_berubah = False
    if run is not None:
        for h in run.hasil.all():
            kurang = ()
            jejak = tuple(_jejak_dari_json(j) for j in h.jejak)
            if h.alasan in (
                AlasanKonsolidasi.NILAI_KOSONG,
                AlasanKonsolidasi.RASIO_KOSONG,
                AlasanKonsolidasi.BOBOT_KOSONG,
            ):
                kurang = tuple(
                    j.unit
                    for j in jejak
                    if (h.alasan == AlasanKonsolidasi.NILAI_KOSONG and j.nilai is None)
                    or (h.alasan == AlasanKonsolidasi.RASIO_KOSONG and (j.pembilang is None or j.penyebut is None))
                    or (h.alasan == AlasanKonsolidasi.BOBOT_KOSONG and j.bobot is None)
                )
            hasil[h.indikator_id] = HasilIndikator(
                h.indikator_id,
                h.metode,
                Hasil(
                    None if h.nilai is None else h.nilai.normalize(),
                    jejak,
                    AlasanKonsolidasi(h.alasan) if h.alasan else None,
                    kurang,
                ),
            )
        kini = {
            p.unit_id: p
            for p in PeriodeUnit.objects.filter(unit_id__in=units, tahun=tahun).only("unit_id", "status", "versi_data")
        }
        for uid, u in units.items():
            p = kini.get(uid)
            if p is None or p.status not in STATUS_FINAL or run.pin.get(str(uid)) != p.versi_data:
                berubah.append(u.nama)
        aturan_berubah = run.sidik_aturan != sidik_aturan(aturan)
    return Konsolidasi(
        unit=unit,
        tahun=tahun,
        aturan=tuple(aturan),
        units=tuple(sorted(units.values(), key=lambda u: (u.urutan, u.nama))),
        run=run,
        hasil=hasil,
        berubah=tuple(sorted(berubah)),
        aturan_berubah=aturan_berubah,
    )
