"""The report figure forms: upload (PNG/JPEG, size and pixel cap, resized when stored) and caption/place/order."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kerja.forms.kinerja import kecilkan_gambar
from laporan.unggahan import pilihan_bagian
from umum.teks import tanpa_karakter_kendali

GAMBAR_MAKS_BYTE = 5 * 1024 * 1024
GAMBAR_EKSTENSI = ("png", "jpg", "jpeg")
# A figure prints at most the text width (about 16 cm): 1600 pixels on the long side is 250 dpi there.
GAMBAR_SISI_SIMPAN = 1600


class UbahGambarForm(forms.Form):
    bagian = forms.ChoiceField(label=_("Letak di laporan"), choices=())
    judul = forms.CharField(label=_("Judul gambar"), max_length=300, validators=[tanpa_karakter_kendali])
    urutan = forms.IntegerField(label=_("Urutan"), min_value=0, max_value=999, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bagian"].choices = pilihan_bagian()

    def clean_urutan(self):
        return self.cleaned_data.get("urutan") or 0


class UnggahGambarForm(UbahGambarForm):
    berkas = forms.ImageField(label=_("Berkas gambar (PNG atau JPG)"))

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        ekstensi = berkas.name.rsplit(".", 1)[-1].lower() if "." in berkas.name else ""
        jenis = getattr(getattr(berkas, "image", None), "format", None)
        if ekstensi not in GAMBAR_EKSTENSI or jenis not in ("PNG", "JPEG"):
            raise forms.ValidationError(_("Gambar harus berkas PNG atau JPG."), code="ekstensi")
        if berkas.size > GAMBAR_MAKS_BYTE:
            raise forms.ValidationError(_("Ukuran gambar paling besar 5 MB."), code="ukuran")
        return kecilkan_gambar(
            berkas,
            sisi_simpan=GAMBAR_SISI_SIMPAN,
            pesan=_("Gambar terlalu besar: %(lebar)s × %(tinggi)s piksel. Paling besar %(maks)s juta piksel."),
        )
