"""Excel round trip in the planners' workspace: download the workbook, upload → preview → confirm.

The uploaded file is kept on the server (a temporary file keyed by a random token in the session) between the
preview and the confirmation; the confirmation re-reads that file, so nothing posted by the browser is trusted.
"""

from __future__ import annotations

import os
import secrets
import tempfile
import time
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from impor.buku_kerja import WorkbookTidakValid, buat_workbook, hitung_baris_data, periksa_ukuran_berkas
from impor.layanan import impor_excel
from impor.lembar import Konteks
from impor.models import ImporLatar
from impor.tugas import antrekan_impor, perlu_latar, tandai_kedaluwarsa
from indikator.akses import ambil_unit
from indikator.periode import PeriodeBeku, status_periode

SESI = "sakip_impor_excel"
MAKS_PRATINJAU = 200  # changed rows listed per sheet in the preview
JENIS_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _folder() -> Path:
    """The upload folder (settings.SAKIP_IMPOR_DIR), private to the app's user: mode 0700."""
    folder = Path(settings.SAKIP_IMPOR_DIR or Path(tempfile.gettempdir()) / "sakip-impor")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)  # also an existing folder (fails loudly when another user owns it)
    return folder


def _bersihkan_lama(folder: Path) -> None:
    """Remove uploads whose preview was abandoned (older than settings.SAKIP_IMPOR_UMUR_DETIK)."""
    batas = time.time() - settings.SAKIP_IMPOR_UMUR_DETIK
    for f in folder.glob("*.xlsx"):
        try:
            if f.stat().st_mtime < batas:
                f.unlink()
        except OSError:
            pass


class FormImpor(forms.Form):
    berkas = forms.FileField(label=gettext_lazy("Berkas Excel (.xlsx)"))

    def clean_berkas(self):
        f = self.cleaned_data["berkas"]
        if not f.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Unggah berkas Excel berekstensi .xlsx."))
        try:
            periksa_ukuran_berkas(f.size)
        except WorkbookTidakValid as e:
            raise forms.ValidationError(str(e)) from e
        return f


@login_required
@require_GET
def unduh_excel(request, unit_slug: str, tahun: int):
    """The pre-filled workbook of a unit's year (every reader of the unit may download it)."""
    unit = ambil_unit(request.user, unit_slug)
    isi = buat_workbook(Konteks(unit, tahun))
    respons = HttpResponse(isi, content_type=JENIS_XLSX)
    respons["Content-Disposition"] = f'attachment; filename="sakip-{unit.slug}-{tahun}.xlsx"'
    return respons


def _simpan_unggahan(request, berkas, unit, tahun) -> tuple[str, Path]:
    folder = _folder()
    _bersihkan_lama(folder)
    token = secrets.token_urlsafe(16)
    path = folder / f"{token}.xlsx"
    # Readable by the app's user only (0600), whatever the umask.
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as keluar:
        for potongan in berkas.chunks():
            keluar.write(potongan)
    simpanan = request.session.get(SESI, {})
    for lama in list(simpanan)[:-4]:  # keep a handful of pending previews per session
        Path(simpanan.pop(lama)["berkas"]).unlink(missing_ok=True)
    simpanan[token] = {"berkas": str(path), "unit": unit.pk, "tahun": tahun, "nama": berkas.name}
    request.session[SESI] = simpanan
    return token, path


def _pratinjau(request, konteks, hasil, token, nama_berkas, status=200):
    for h in hasil.lembar:
        h.sisa = max(0, len(h.perubahan) - MAKS_PRATINJAU)
    return render(
        request,
        "kerja/impor_pratinjau.html",
        {**konteks, "hasil": hasil, "token": token, "nama_berkas": nama_berkas},
        status=status,
    )


def _buang(request, token: str) -> None:
    simpanan = request.session.get(SESI, {})
    item = simpanan.pop(token, None)
    if item:
        Path(item["berkas"]).unlink(missing_ok=True)
        request.session[SESI] = simpanan


@login_required
@require_http_methods(["GET", "POST"])
def impor_excel_view(request, unit_slug: str, tahun: int):
    """Upload a workbook → dry-run preview; confirm → apply everything in one transaction (writers only)."""
    unit = ambil_unit(request.user, unit_slug, tulis=True)
    konteks = {
        "unit": unit,
        "tahun": tahun,
        "status": status_periode(unit, tahun),
        "maks": MAKS_PRATINJAU,
        "batas_latar": settings.SAKIP_IMPOR_LATAR_BARIS,
    }
    form = FormImpor()
    if request.method == "POST" and "token" in request.POST:
        token = request.POST["token"]
        item = request.session.get(SESI, {}).get(token)
        if not item or item["unit"] != unit.pk or item["tahun"] != tahun or not Path(item["berkas"]).exists():
            messages.error(request, _("Pratinjau sudah kedaluwarsa atau tidak dikenal; unggah ulang berkasnya."))
            return redirect("kerja:excel_impor", unit_slug=unit.slug, tahun=tahun)
        if "batal" in request.POST:
            _buang(request, token)
            messages.info(request, _("Impor dibatalkan; tidak ada data yang diubah."))
            return redirect("kerja:excel_impor", unit_slug=unit.slug, tahun=tahun)
        try:
            hasil = impor_excel(unit=unit, tahun=tahun, berkas=item["berkas"], terapkan=True)
        except (PeriodeBeku, WorkbookTidakValid) as e:
            _buang(request, token)
            messages.error(request, e.messages[0] if isinstance(e, PeriodeBeku) else str(e))
            return redirect("kerja:excel_impor", unit_slug=unit.slug, tahun=tahun)
        if hasil.diterapkan:
            _buang(request, token)
            messages.success(
                request,
                _("Impor selesai: %(baru)s baris baru, %(berubah)s baris berubah, %(tetap)s baris tetap.")
                % {"baru": hasil.baru, "berubah": hasil.berubah, "tetap": hasil.tetap},
            )
            return redirect("kerja:excel_impor", unit_slug=unit.slug, tahun=tahun)
        # The data changed since the preview and the workbook no longer applies cleanly: show why.
        return _pratinjau(request, konteks, hasil, token, item["nama"], status=409)
    if request.method == "POST":
        form = FormImpor(request.POST, request.FILES)
        if form.is_valid():
            berkas = form.cleaned_data["berkas"]
            try:
                hitungan = hitung_baris_data(berkas)
            except WorkbookTidakValid as e:
                form.add_error("berkas", str(e))
                return render(request, "kerja/impor_unggah.html", {**konteks, "form": form})
            if perlu_latar(hitungan):
                return _impor_latar(request, konteks, form, berkas, hitungan.jumlah)
            token, path = _simpan_unggahan(request, berkas, unit, tahun)
            try:
                hasil = impor_excel(unit=unit, tahun=tahun, berkas=str(path), terapkan=False)
            except PeriodeBeku as e:
                _buang(request, token)
                messages.error(request, e.messages[0])
                return render(request, "kerja/impor_unggah.html", {**konteks, "form": form}, status=409)
            except WorkbookTidakValid as e:
                _buang(request, token)
                form.add_error("berkas", str(e))
            except BaseException:
                _buang(request, token)  # an unexpected error: the upload is not kept either
                raise
            else:
                if hasil.ada_galat or not hasil.ada_perubahan:
                    _buang(request, token)
                    token = None
                return _pratinjau(request, konteks, hasil, token, berkas.name)
    return render(request, "kerja/impor_unggah.html", {**konteks, "form": form})


def _impor_latar(request, konteks, form, berkas, jumlah_baris: int):
    """A large workbook: stored privately and imported by the task worker (no preview); its status page."""
    unit, tahun = konteks["unit"], konteks["tahun"]
    try:
        impor = antrekan_impor(
            unit=unit,
            tahun=tahun,
            pengguna=request.user,
            berkas=berkas,
            jumlah_baris=jumlah_baris,
            bahasa=(get_language() or "id").split("-")[0],
        )
    except PeriodeBeku as e:
        messages.error(request, e.messages[0])
        return render(request, "kerja/impor_unggah.html", {**konteks, "form": form}, status=409)
    return redirect("kerja:impor_status", unit_slug=unit.slug, tahun=tahun, pk=impor.pk)


@login_required
@require_GET
def impor_status(request, unit_slug: str, tahun: int, pk: int):
    """Status of a large import run by the task worker (antri, diproses, selesai with the summary, gagal with
    the row errors); htmx polls the fragment. Writers of the unit only, like the import itself."""
    unit = ambil_unit(request.user, unit_slug, tulis=True)
    impor = tandai_kedaluwarsa(get_object_or_404(ImporLatar, pk=pk, unit=unit, tahun=tahun))
    if request.htmx:
        return render(request, "kerja/_impor_status.html", {"impor": impor})
    konteks = {"unit": unit, "tahun": tahun, "status": status_periode(unit, tahun), "impor": impor}
    return render(request, "kerja/impor_status.html", konteks)
