"""Forms of the administration pages: units, heads, users, roles."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from indikator.administrasi import kode_unit_unik
from indikator.enums import Peran
from indikator.models import KepalaUnit, UnitKerja
from umum.teks import tanpa_karakter_kendali

from .kinerja import TANGGAL


class UnitForm(forms.ModelForm):
    """A unit. Its code (the slug in page addresses) is optional: left empty, it is made from the name (a new unit)
    or kept (an existing one)."""

    class Meta:
        model = UnitKerja
        fields = ["nama", "slug", "singkatan", "induk", "instansi", "kota", "urutan"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kode = self.fields["slug"]
        kode.required = False
        kode.label = _("Kode singkat")
        kode.help_text = _(
            "Dipakai di alamat halaman: huruf kecil, angka dan tanda hubung. Kosongkan untuk dibuat dari nama unit."
        )
        qs = UnitKerja.objects.order_by("urutan", "nama")
        if self.instance.pk:
            qs = qs.exclude(pk=self.instance.pk)
        self.fields["induk"].queryset = qs

    def clean(self):
        d = super().clean()
        if not d.get("slug") and "slug" not in self.errors:
            if self.instance.pk:
                d["slug"] = self.instance.slug
            elif d.get("nama"):
                d["slug"] = kode_unit_unik(d["nama"])
        return d


class KepalaForm(forms.ModelForm):
    class Meta:
        model = KepalaUnit
        fields = ["nama", "nama_bergelar", "nip", "jabatan", "mulai", "selesai"]
        widgets = {"mulai": TANGGAL, "selesai": TANGGAL}


class PenggunaBaruForm(forms.Form):
    username = forms.CharField(label=_("Nama pengguna"), max_length=150)
    nama_depan = forms.CharField(label=_("Nama depan"), max_length=150, validators=[tanpa_karakter_kendali])
    nama_belakang = forms.CharField(
        label=_("Nama belakang"), max_length=150, required=False, validators=[tanpa_karakter_kendali]
    )
    email = forms.EmailField(label=_("Surel"), required=False)
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=UnitKerja.objects.order_by("urutan", "nama"), required=False
    )
    peran = forms.ChoiceField(label=_("Peran"), choices=[("", "—"), *Peran.choices], required=False)


class PeranForm(forms.Form):
    """Add a role: for a user (admin page of a user) or in a unit (members page of a unit)."""

    pengguna = forms.ModelChoiceField(label=_("Pengguna"), queryset=get_user_model().objects.none())
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=UnitKerja.objects.none(), required=False)
    peran = forms.ChoiceField(label=_("Peran"), choices=[])

    def __init__(self, *args, peran=None, unit_qs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pengguna"].queryset = get_user_model().objects.filter(is_active=True).order_by("username")
        self.fields["unit"].queryset = unit_qs if unit_qs is not None else UnitKerja.objects.order_by("nama")
        self.tawarkan_peran(Peran if peran is None else peran)

    def tawarkan_peran(self, peran) -> None:
        """The roles offered, after an empty choice: nothing is preselected (the role is chosen on purpose)."""
        self.fields["peran"].choices = [("", _("— pilih peran —")), *((p.value, p.label) for p in peran)]


class SandiForm(forms.Form):
    sandi = forms.CharField(
        label=_("Kata sandi sementara"),
        required=False,
        widget=forms.PasswordInput,
        help_text=_("Kosongkan untuk dibuatkan secara acak."),
    )
