from django import forms
from django.utils.translation import gettext_lazy as _

from indikator.models import UnitKerja

from .enums import Cakupan


class KlienForm(forms.Form):
    nama = forms.CharField(label=_("Nama klien"), max_length=120)
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=UnitKerja.objects.order_by("urutan", "nama"),
        required=False,
        to_field_name="slug",
        help_text=_("Token membaca unit ini dan sub-unitnya, kecuali cakupan publik atau APIP."),
    )
    cakupan = forms.MultipleChoiceField(
        label=_("Cakupan tambahan"),
        choices=[(c.value, c.label) for c in Cakupan if c != Cakupan.UNIT],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    kedaluwarsa = forms.DateField(
        label=_("Kedaluwarsa"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Kosong: tidak kedaluwarsa."),
    )
