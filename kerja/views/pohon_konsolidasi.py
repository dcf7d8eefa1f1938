"""Consolidation of a parent unit (`pohon.konsolidasi`): the page of its indikator with their rules, the last run
with its trace and whether it is out of date; the form of one indikator's rule and sources; the run of a year.

Every reader of the unit sees the page; only its planners and administrators set rules or run, never in a frozen
year (the services take the period lock and refuse it)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from indikator import akses
from indikator.models import Indikator, UnitKerja
from indikator.queries import DataTidakDitemukan, renstra_untuk, revisi_untuk
from pohon.enums import DasarBobot, MetodeAgregasi
from pohon.konsolidasi import (
    adalah_persen,
    baca_konsolidasi,
    baca_rasio,
    hapus_aturan,
    konsolidasikan_tahun,
    simpan_aturan,
    simpan_rasio,
)
from pohon.models import AgregasiIndikator
from umum.forms import AngkaField

from .umum import halaman_formulir, jalankan, konteks, pesan_beku


def _indikator_tahun(unit: UnitKerja, tahun: int) -> list[Indikator]:
    """The unit's indikator in force in the year (its structure of that year), in report order."""
    try:
        revisi = revisi_untuk(renstra_untuk(unit, tahun), tahun)
    except DataTidakDitemukan:
        return []
    return [
        i
        for i in Indikator.objects.filter(sasaran__revisi=revisi)
        .select_related("sasaran")
        .order_by("sasaran__urutan", "sasaran__kode", "urutan", "kode", "id")
        if i.aktif_pada(tahun)
    ]


def _kandidat(unit: UnitKerja, tahun: int) -> list[Indikator]:
    """Every indikator in force in the year of the unit's direct sub-units (the sources a rule may name)."""
    hasil = []
    for anak in UnitKerja.objects.filter(induk=unit).order_by("urutan", "nama"):
        for i in _indikator_tahun(anak, tahun):
            i.unit_anak = anak
            hasil.append(i)
    return hasil


@login_required
def konsolidasi(request, slug: str, tahun: int):
    unit = akses.ambil_unit(request.user, slug)
    k = baca_konsolidasi(unit, tahun)
    aturan = {a.indikator_id: a for a in k.aturan} if k else {}
    baris = [
        {"indikator": i, "aturan": aturan.get(i.pk), "hasil": k.hasil.get(i.pk) if k else None}
        for i in _indikator_tahun(unit, tahun)
    ]
    return render(
        request,
        "kerja/pohon/konsolidasi.html",
        konteks(
            request,
            unit,
            tahun,
            baris=baris,
            konsolidasi=k,
            ada_bawahan=UnitKerja.objects.filter(induk=unit).exists(),
            beku=pesan_beku(unit, tahun),
        ),
    )


class AturanForm(forms.Form):
    metode = forms.ChoiceField(label=gettext_lazy("Metode konsolidasi"), choices=MetodeAgregasi.choices)
    dasar_bobot = forms.ChoiceField(
        label=gettext_lazy("Dasar bobot (rata-rata tertimbang)"),
        choices=[("", "–"), *DasarBobot.choices],
        required=False,
    )
    sumber = forms.MultipleChoiceField(
        label=gettext_lazy("Indikator sumber dari unit bawahan"),
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Satuan sumber harus sama dengan satuan indikator ini."),
    )

    def __init__(self, *args, kandidat: list[Indikator], **kwargs):
        super().__init__(*args, **kwargs)
        self.kandidat = {str(i.pk): i for i in kandidat}
        self.fields["sumber"].choices = [
            (str(i.pk), f"{i.unit_anak.nama} — {i.kode} {i.nama} ({i.satuan or '–'})") for i in kandidat
        ]
        for i in kandidat:
            self.fields[f"bobot_{i.pk}"] = AngkaField(
                label=_("Bobot tetap: %(unit)s — %(kode)s") % {"unit": i.unit_anak.nama, "kode": i.kode},
                required=False,
                min_value=0,
            )

    def sumber_terpilih(self):
        return [(self.kandidat[x], self.cleaned_data.get(f"bobot_{x}")) for x in self.cleaned_data["sumber"]]


@login_required
def konsolidasi_aturan(request, slug: str, tahun: int, pk: int):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    indikator = get_object_or_404(Indikator.objects.milik(unit).select_related("sasaran__revisi"), pk=pk)
    ada = AgregasiIndikator.objects.filter(indikator=indikator).prefetch_related("sumber").first()
    awal = None
    if ada is not None:
        awal = {
            "metode": ada.metode,
            "dasar_bobot": ada.dasar_bobot,
            "sumber": [str(s.indikator_id) for s in ada.sumber.all()],
            **{f"bobot_{s.indikator_id}": s.bobot for s in ada.sumber.all() if s.bobot is not None},
        }
    kembali = ("kerja:konsolidasi", unit.slug, tahun)
    if request.method == "POST" and request.POST.get("aksi") == "hapus" and ada is not None:
        ok, _obj = jalankan(request, None, lambda: hapus_aturan(aturan=ada))
        if ok:
            messages.success(request, _("Aturan konsolidasi dihapus."))
        return redirect(*kembali)
    if awal is None:
        # The ratio of sums is the default for a percentage (its sources' numerators and denominators).
        awal = {"metode": MetodeAgregasi.RASIO_JUMLAH if adalah_persen(indikator.satuan) else MetodeAgregasi.JUMLAH}
    form = AturanForm(request.POST or None, initial=awal, kandidat=_kandidat(unit, tahun))
    if request.method == "POST" and form.is_valid():
        ok, _obj = jalankan(
            request,
            form,
            lambda: simpan_aturan(
                indikator=indikator,
                metode=form.cleaned_data["metode"],
                dasar_bobot=form.cleaned_data["dasar_bobot"],
                sumber=form.sumber_terpilih(),
            ),
        )
        if ok:
            messages.success(request, _("Aturan konsolidasi disimpan; hitung ulang konsolidasinya."))
            return redirect(*kembali)
    return halaman_formulir(
        request,
        unit,
        tahun,
        judul=_("Aturan konsolidasi: %(kode)s %(nama)s") % {"kode": indikator.kode, "nama": indikator.nama},
        form=form,
        kembali=kembali,
        keterangan=_(
            "Realisasi indikator ini akan dihitung dari indikator unit bawahan langsung yang dipilih, hanya atas unit "
            "yang tahunnya sudah disahkan. Persentase yang memiliki pembilang dan penyebut dihitung dengan rasio "
            "jumlah, tidak dirata-ratakan."
        ),
    )


@login_required
@require_POST
def konsolidasi_hitung(request, slug: str, tahun: int):
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    ok, _obj = jalankan(request, None, lambda: konsolidasikan_tahun(unit=unit, tahun=tahun, oleh=request.user))
    if ok:
        messages.success(request, _("Konsolidasi tahun %(tahun)s dihitung.") % {"tahun": tahun})
    return redirect("kerja:konsolidasi", slug=unit.slug, tahun=tahun)


__all__ = ["konsolidasi", "konsolidasi_aturan", "konsolidasi_hitung"]


class RasioForm(forms.Form):
    """Numerator and denominator of each percentage indikator of the year."""

    def __init__(self, *args, indikator: list[Indikator], **kwargs):
        super().__init__(*args, **kwargs)
        self.indikator = indikator
        for i in indikator:
            label = f"{i.kode} {i.nama}"
            self.fields[f"pembilang_{i.pk}"] = AngkaField(
                label=_("Pembilang: %(indikator)s") % {"indikator": label}, required=False, min_value=0
            )
            self.fields[f"penyebut_{i.pk}"] = AngkaField(
                label=_("Penyebut: %(indikator)s") % {"indikator": label}, required=False, min_value=0
            )

    def isian(self):
        return {
            i: (self.cleaned_data.get(f"pembilang_{i.pk}"), self.cleaned_data.get(f"penyebut_{i.pk}"))
            for i in self.indikator
        }


@login_required
def konsolidasi_rasio(request, slug: str, tahun: int):
    """The numerators and denominators behind the unit's percentages of the year (what a parent's ratio of sums
    adds up)."""
    unit = akses.ambil_unit(request.user, slug, tulis=True)
    indikator = [i for i in _indikator_tahun(unit, tahun) if adalah_persen(i.satuan)]
    ada = baca_rasio([i.pk for i in indikator], tahun)
    awal = {}
    for i in indikator:
        if (r := ada.get(i.pk)) is not None:
            awal[f"pembilang_{i.pk}"], awal[f"penyebut_{i.pk}"] = r.pembilang.normalize(), r.penyebut.normalize()
    form = RasioForm(request.POST or None, initial=awal, indikator=indikator)
    if request.method == "POST" and form.is_valid():
        ok, _n = jalankan(request, form, lambda: simpan_rasio(unit=unit, tahun=tahun, isian=form.isian()))
        if ok:
            messages.success(request, _("Pembilang dan penyebut disimpan."))
            return redirect("kerja:konsolidasi", slug=unit.slug, tahun=tahun)
    return halaman_formulir(
        request,
        unit,
        tahun,
        judul=_("Pembilang dan penyebut realisasi %(tahun)s") % {"tahun": tahun},
        form=form,
        kembali=("kerja:konsolidasi", unit.slug, tahun),
        keterangan=_(
            "Untuk indikator persentase: realisasi = pembilang ÷ penyebut × 100. Unit induk menjumlahkan pembilang "
            "dan penyebut unit bawahannya (rasio jumlah), tidak merata-ratakan persentasenya."
        ),
    )
