"""Forms of the periodic reports (`laporan.models.LaporanPeriodik`): a new version, its own fields, an
indikator's numerator/denominator and texts, a budget line's cause of a gap, the head's return."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from laporan.models import IsianPeriodik, LaporanPeriodik
from laporan.periodik import KOLOM_KEPALA
from umum.forms import AngkaField

from .token_ubah import TokenUbahMixin

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class LaporanPeriodikBaruForm(forms.Form):
    periode = forms.ChoiceField(label=_("Periode"), choices=LaporanPeriodik.Periode.choices)
    data_cutoff = forms.DateField(label=_("Batas data"), widget=TANGGAL)


class KepalaPeriodikForm(TokenUbahMixin, forms.ModelForm):
    class Meta:
        model = LaporanPeriodik
        fields = list(KOLOM_KEPALA)
        widgets = {"data_cutoff": TANGGAL, "tanggal": TANGGAL, "catatan_pimpinan": forms.Textarea(attrs={"rows": 3})}


class IsianPeriodikForm(TokenUbahMixin, forms.ModelForm):
    pembilang = AngkaField(label=_("Pembilang"), required=False, min_value=0)
    penyebut = AngkaField(label=_("Penyebut"), required=False, min_value=0)

    class Meta:
        model = IsianPeriodik
        fields = ["pembilang", "penyebut", "kendala", "upaya", "rencana_tindak_lanjut"]
        widgets = {k: forms.Textarea(attrs={"rows": 2}) for k in ("kendala", "upaya", "rencana_tindak_lanjut")}


class PenjelasanForm(TokenUbahMixin, forms.Form):
    penyebab = forms.CharField(label=_("Penyebab deviasi"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class KembalikanForm(forms.Form):
    catatan = forms.CharField(label=_("Alasan pengembalian"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
