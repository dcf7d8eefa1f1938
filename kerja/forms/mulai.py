"""Forms of the guided start and the copy-forward pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from alur.salin import KODE_PRESET, PILIH_PRESET, PILIH_SALIN, PILIH_TANPA_PERSPEKTIF, preset_salah_periode
from indikator.models import Renstra, SkemaPenilaian
from kerja.forms.kinerja import maks
from umum.teks import tanpa_karakter_kendali

TAHUN = {"min_value": 2000, "max_value": 2100}


class TahunField(forms.IntegerField):
    """A year: plain digits, never a thousand separator."""

    def __init__(self, **kwargs):
        super().__init__(**TAHUN, **kwargs)
        self.widget = forms.NumberInput(attrs={"step": 1})
        self.localize = False


class MulaiForm(forms.Form):
    pilihan = forms.ChoiceField(
        label=_("Skema penilaian"),
        widget=forms.RadioSelect,
        choices=[
            (PILIH_PRESET, _("Skema bawaan BPOM (dengan perspektif BSC)")),
            (PILIH_TANPA_PERSPEKTIF, _("Tanpa perspektif BSC (NKO = rata-rata NPS sasaran)")),
            (PILIH_SALIN, _("Salinan skema yang sudah ada")),
        ],
        initial=PILIH_PRESET,
    )
    skema = forms.ModelChoiceField(
        label=_("Skema dasar"),
        queryset=SkemaPenilaian.objects.order_by("tahun_mulai", "nama"),
        required=False,
        empty_label=_("— sesuai periode Renstra —"),
        help_text=_(
            "Kosongkan untuk memakai skema BPOM yang berlaku pada tahun mulai Renstra (pita kriterianya di bawah). "
            "Untuk salinan: skema yang disalin."
        ),
    )
    nama = forms.CharField(label=_("Nama Renstra"), max_length=200, validators=[tanpa_karakter_kendali])
    tahun_mulai = TahunField(label=_("Tahun mulai"))
    tahun_selesai = TahunField(label=_("Tahun selesai"))
    visi = forms.CharField(
        label=_("Visi"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=maks(Renstra, "visi")
    )
    misi = forms.CharField(
        label=_("Misi"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=maks(Renstra, "misi"),
        help_text=_("Satu misi per baris."),
    )

    def clean(self):
        d = super().clean()
        pilihan, skema = d.get("pilihan"), d.get("skema")
        if pilihan == PILIH_PRESET and skema is not None and skema.kode not in KODE_PRESET:
            self.add_error("skema", _("Pilih salah satu skema bawaan BPOM."))
        mulai = d.get("tahun_mulai")
        if pilihan == PILIH_PRESET and skema is not None and mulai and (benar := preset_salah_periode(skema, mulai)):
            # A preset of another period would silently give the unit other kriteria bands.
            self.add_error(
                "skema",
                _("%(skema)s tidak berlaku untuk Renstra yang mulai tahun %(tahun)s; pakai %(benar)s.")
                % {"skema": skema.nama, "tahun": mulai, "benar": benar.nama},
            )
        if pilihan == PILIH_SALIN and skema is None:
            self.add_error("skema", _("Pilih skema yang akan disalin."))
        return d


class TahunBerikutForm(forms.Form):
    tahun_asal = TahunField(label=_("Salin dari tahun"))


class PeriodeBaruForm(forms.Form):
    renstra = forms.ModelChoiceField(label=_("Renstra lama"), queryset=Renstra.objects.none())
    nama = forms.CharField(label=_("Nama Renstra baru"), max_length=200, validators=[tanpa_karakter_kendali])
    tahun_mulai = TahunField(label=_("Tahun mulai"))
    tahun_selesai = TahunField(label=_("Tahun selesai"))

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["renstra"].queryset = Renstra.objects.filter(unit=unit).order_by("-tahun_mulai")
