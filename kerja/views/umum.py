"""Shared helpers of the workspace views: scoped fetches, running a service with its errors shown at the form."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import render
from django.urls import reverse

from indikator import akses
from indikator.models import PeriodeUnit, UnitKerja
from indikator.periode import PeriodeBeku, ambil_periode, pastikan_dapat_diubah
from indikator.tahun import tahun_berjalan


def tahun_kerja(request, tahun: int | None = None, unit: UnitKerja | None = None) -> int | None:
    """The year the user works in: from the url, else the one last chosen for this unit (session), else the
    unit's current year (`tahun_berjalan`): never the calendar year by accident."""
    if tahun is not None:
        request.session["kerja_tahun"] = tahun
        if unit is not None:
            request.session["kerja_unit"] = unit.slug
        return tahun
    tersimpan = request.session.get("kerja_tahun")
    if unit is None:
        return int(tersimpan) if tersimpan else None
    if tersimpan and request.session.get("kerja_unit") == unit.slug:
        return int(tersimpan)
    return tahun_berjalan(unit)


def konteks(request, unit: UnitKerja, tahun: int | None = None, **lain) -> dict:
    """Context every workspace page shares: unit, year, period status and what the user may do."""
    tahun = tahun_kerja(request, tahun, unit)
    request.session["kerja_unit"] = unit.slug
    request.session["kerja_tahun"] = tahun
    if isinstance(lain.get("kembali"), tuple):
        nama, *args = lain["kembali"]
        lain["kembali"] = reverse(nama, args=args)
    periode = ambil_periode(unit=unit, tahun=tahun)
    boleh_ubah = akses.dapat_mengubah(request.user, unit)
    return {
        "unit": unit,
        "tahun": tahun,
        "periode": periode,
        "boleh_ubah": boleh_ubah,
        "dapat_diedit": boleh_ubah and not periode.dibekukan,
        **lain,
    }


def pesan_beku(unit: UnitKerja, tahun: int, periode: PeriodeUnit | None = None) -> str:
    """Why the year may not be edited now (`PeriodeBeku`), or "" when it may (`periode`: the row, if fetched)."""
    try:
        pastikan_dapat_diubah(unit, tahun, periode)
    except PeriodeBeku as e:
        return " ".join(e.messages)
    return ""


def halaman_formulir(request, unit: UnitKerja, tahun: int | None, *, judul: str, form, kembali, **lain):
    """The shared create/edit page (`kerja/form.html`): a title, the form and a way back, in the unit's context."""
    return render(
        request, "kerja/form.html", konteks(request, unit, tahun, judul=judul, form=form, kembali=kembali, **lain)
    )


def tambah_galat(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: at the field when the form has it, else at the top."""
    if form is None:
        return
    if hasattr(exc, "error_dict"):
        for nama, daftar in exc.error_dict.items():
            tujuan = nama if nama in form.fields else None
            for e in daftar:
                form.add_error(tujuan, e.messages if tujuan is None and nama != NON_FIELD_ERRORS else e)
    else:
        form.add_error(None, exc)


def jalankan(request, form, fungsi):
    """Run a write service. Locked period: an error message at the top of the page; other validation errors at
    the form. Returns (True, result) or (False, None); nothing is changed on failure (services are atomic)."""
    try:
        return True, fungsi()
    except PeriodeBeku as exc:
        messages.error(request, " ".join(exc.messages))
    except ValidationError as exc:
        if form is None:
            messages.error(request, " ".join(exc.messages))
        else:
            tambah_galat(form, exc)
    return False, None
