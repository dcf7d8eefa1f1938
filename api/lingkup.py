"""What a client may read: its units (a subtree, or every unit), drafts or only approved years, the evaluator's
resources. A unit outside the scope is answered exactly like a unit that does not exist (404)."""

from __future__ import annotations

from dataclasses import dataclass

from ninja.errors import HttpError

from indikator.models import PeriodeUnit, UnitKerja

from .enums import Cakupan
from .models import KlienApi, PanggilanApi


@dataclass(frozen=True)
class Lingkup:
    klien: KlienApi
    unit_ids: frozenset[int] | None  # None: every unit
    draf: bool
    apip: bool

    def boleh(self, unit_id: int) -> bool:
        return self.unit_ids is None or unit_id in self.unit_ids

    def status_final(self, periode: PeriodeUnit | None) -> bool:
        return periode is not None and periode.final

    def tampak(self, periode: PeriodeUnit | None) -> bool:
        """A unit-year's data is served when the year is approved or locked, or to a draft-scope token."""
        return self.draf or self.status_final(periode)


def _subpohon(akar: int) -> frozenset[int]:
    anak: dict[int | None, list[int]] = {}
    for uid, induk in UnitKerja.objects.values_list("id", "induk_id"):
        anak.setdefault(induk, []).append(uid)
    hasil, tumpukan = set(), [akar]
    while tumpukan:
        u = tumpukan.pop()
        if u not in hasil:
            hasil.add(u)
            tumpukan.extend(anak.get(u, []))
    return frozenset(hasil)


def lingkup_klien(klien: KlienApi) -> Lingkup:
    semua = klien.punya(Cakupan.PUBLIK) or klien.punya(Cakupan.APIP)
    return Lingkup(
        klien=klien,
        unit_ids=None if semua else (_subpohon(klien.unit_id) if klien.unit_id else frozenset()),
        draf=klien.punya(Cakupan.DRAF),
        apip=klien.punya(Cakupan.APIP),
    )


def tidak_ditemukan(apa: str = "") -> HttpError:
    return HttpError(404, apa or "Tidak ditemukan.")


def ambil_unit(lingkup: Lingkup, kode: str) -> UnitKerja:
    """The unit of code `kode` (its slug) within the scope; 404 otherwise, whether it exists or not."""
    unit = UnitKerja.objects.filter(slug=kode).first() if kode else None
    if unit is None or not lingkup.boleh(unit.pk):
        raise tidak_ditemukan(f"Unit {kode} tidak ditemukan.")
    return unit


def unit_terbaca(lingkup: Lingkup):
    qs = UnitKerja.objects.all()
    return qs if lingkup.unit_ids is None else qs.filter(pk__in=lingkup.unit_ids)


def pastikan_apip(lingkup: Lingkup) -> None:
    """Evaluator resources: other tokens get the same 404 as an unknown path."""
    if not lingkup.apip:
        raise tidak_ditemukan()


def periode_unit(unit_ids, daftar_tahun=None) -> dict[tuple[int, int], PeriodeUnit]:
    qs = PeriodeUnit.objects.filter(unit_id__in=list(unit_ids))
    if daftar_tahun is not None:
        qs = qs.filter(tahun__in=list(daftar_tahun))
    return {(p.unit_id, p.tahun): p for p in qs}


RAHASIA = {"token", "tanda"}


def catat_panggilan(request, status: int) -> None:
    """The audit row of a call by a known client (a secret in the path, token or signed link, is not kept)."""
    lingkup = getattr(request, "auth", None)
    if not isinstance(lingkup, Lingkup):
        return
    match = getattr(request, "resolver_match", None)
    endpoint = (match.route if match is not None and match.route else request.path)[:300]
    PanggilanApi.objects.create(
        klien=lingkup.klien,
        endpoint=endpoint,
        parameter={
            **{k: v for k, v in request.GET.items()},
            **{k: v for k, v in (match.kwargs if match else {}).items() if k not in RAHASIA},
        },
        status=status,
        baris=getattr(request, "_api_baris", 0) if status == 200 else 0,
    )
