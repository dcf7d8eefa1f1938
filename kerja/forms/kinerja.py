"""Forms of the planners' workspace. Every numeric field is an `AngkaField` (Indonesian or plain numbers)."""

from __future__ import annotations

from io import BytesIO

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from indikator import services
from indikator.enums import Polaritas, SumberTarget
from indikator.models import (
    BarisPK,
    Indikator,
    PeriodeUnit,
    Realisasi,
    Renstra,
    RevisiRenstra,
    Sasaran,
    Tujuan,
    UnitKerja,
    VersiPK,
)
from indikator.queries import kode_skala, skala_target
from indikator.target import IsianTarget, TargetTidakSah, baca_isian_target, teks_isian
from kerja.forms.token_ubah import TokenUbahMixin
from umum.forms import AngkaField

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def maks(model, nama: str) -> int:
    """The maximum length of a model's text field, for a plain form field that stores into it."""
    return model._meta.get_field(nama).max_length


class RenstraForm(TokenUbahMixin, forms.ModelForm):
    class Meta:
        model = Renstra
        fields = ["nama", "tahun_mulai", "tahun_selesai", "skema", "visi", "misi"]
        widgets = {"visi": forms.Textarea(attrs={"rows": 2}), "misi": forms.Textarea(attrs={"rows": 3})}


LOGO_MAKS_BYTE = 2 * 1024 * 1024
LOGO_EKSTENSI = ("png", "jpg", "jpeg")
# A small file can declare a huge picture (a 200 KB PNG of 13,300 × 13,300 pixels took 539 MB in every PDF
# render): the declared size is checked before any pixel is decoded, and what is kept is at most LOGO_SISI_SIMPAN
# on its long side (a cover logo prints at a few centimetres).
LOGO_MAKS_PIKSEL = 25_000_000
LOGO_SISI_SIMPAN = 1200
# Memory a picture may take once decoded (Pillow keeps RGB and RGBA in 4 bytes a pixel), checked from the header
# before decoding (`_biaya_urai`): a JPEG is decoded already scaled down (draft: 1/2, 1/4 or 1/8 by the JPEG decoder
# itself), a PNG at full size; a PNG with alpha costs twice (Pillow premultiplies a full-size copy to resize it), so
# an RGBA PNG of 3000 × 3000 passes and one of 3500 × 3500 is refused (an RGB one up to 5000 × 5000). A 5000 × 5000
# RGBA PNG took 235 MB in the worker before (bench/gambar_memori.py); it is now refused from its header.
GAMBAR_MAKS_BYTE_TERURAI = 128 * 1024 * 1024
_BYTE_PER_PIKSEL = {"1": 1, "L": 1, "P": 1, "I;16": 2, "I;16B": 2, "I;16L": 2}
_MODE_LANGSUNG = ("L", "LA", "RGB", "RGBA")
# EXIF orientation → the transposition that shows the picture upright (as ImageOps.exif_transpose).
_ORIENTASI = {
    2: "FLIP_LEFT_RIGHT",
    3: "ROTATE_180",
    4: "FLIP_TOP_BOTTOM",
    5: "TRANSPOSE",
    6: "ROTATE_270",
    7: "TRANSVERSE",
    8: "ROTATE_90",
}


def _ganti(lama, baru):
    """`baru` replaces `lama`, whose pixel buffer is freed now (not when the upload's file is closed)."""
    if baru is not lama:
        lama.close()
    return baru


def _biaya_urai(gambar, tujuan: tuple[int, int], format_: str) -> int:
    """Bytes of pixel buffers `kecilkan_gambar` may hold while working on `gambar` (size after any draft), counted as
    if none were given back: the decoded picture, its RGB(A) conversion, the premultiplied full-size copy Pillow
    makes to reduce or resize a picture with alpha, the whole-factor reduction, the resize's intermediate pass and
    its result (twice with alpha)."""
    lebar, tinggi = gambar.size
    piksel = lebar * tinggi
    biaya = piksel * _BYTE_PER_PIKSEL.get(gambar.mode, 4)
    ubah = gambar.mode not in _MODE_LANGSUNG and (tujuan != (lebar, tinggi) or format_ == "JPEG")
    if ubah:
        biaya += piksel * 4
    if tujuan == (lebar, tinggi):
        return biaya
    alfa = gambar.mode in ("LA", "RGBA", "PA", "La") or (ubah and format_ == "PNG" and "transparency" in gambar.info)
    faktor = max(1, min(lebar // tujuan[0], tinggi // tujuan[1]))
    if alfa:
        biaya += piksel * 4
    if faktor > 1:
        biaya += (lebar // faktor) * (tinggi // faktor) * 4
    biaya += tujuan[0] * (tinggi // faktor) * 4 + tujuan[0] * tujuan[1] * 4 * (2 if alfa else 1)
    return biaya


def kecilkan_gambar(logo, *, maks_piksel: int | None = None, sisi_simpan: int | None = None, pesan=None):
    """Refuse a picture over `maks_piksel` (default LOGO_MAKS_PIKSEL) or one whose decoding would take more than
    GAMBAR_MAKS_BYTE_TERURAI (both read from its header, nothing decoded), and store a copy whose long side is at
    most `sisi_simpan` pixels (default LOGO_SISI_SIMPAN), in the same format. The copy is always encoded anew,
    upright (EXIF orientation applied) and without any metadata: no EXIF (GPS, camera, time), XMP, comments or
    text chunks. `pesan`: the refusal (with %(lebar)s, %(tinggi)s, %(maks)s). Returns the file to store. The unit
    logo and the report's uploaded figures both go through it."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import ExifTags, Image

    maks_piksel = maks_piksel or LOGO_MAKS_PIKSEL
    sisi_simpan = sisi_simpan or LOGO_SISI_SIMPAN
    if pesan is None:
        pesan = _("Gambar logo terlalu besar: %(lebar)s × %(tinggi)s piksel. Paling besar %(maks)s juta piksel.")
    logo.seek(0)
    with Image.open(logo) as gambar:
        lebar, tinggi = gambar.size
        if lebar * tinggi > maks_piksel:
            raise forms.ValidationError(
                pesan % {"lebar": lebar, "tinggi": tinggi, "maks": maks_piksel // 1_000_000},
                code="piksel",
            )
        format_ = "JPEG" if gambar.format in ("JPEG", "MPO") else "PNG"  # MPO: a phone's multi-picture JPEG
        skala = min(1.0, sisi_simpan / max(lebar, tinggi))
        tujuan = (max(1, round(lebar * skala)), max(1, round(tinggi * skala)))
        if format_ == "JPEG" and skala < 1:
            gambar.draft(None, tujuan)  # the decoder scales down; the size stays at least `tujuan`
        if _biaya_urai(gambar, tujuan, format_) > GAMBAR_MAKS_BYTE_TERURAI:
            raise forms.ValidationError(
                _(
                    "Gambar terlalu besar untuk diolah: %(lebar)s × %(tinggi)s piksel. Perkecil gambar (misalnya "
                    "paling besar 3000 × 3000 piksel, atau simpan sebagai JPG) lalu unggah lagi."
                )
                % {"lebar": lebar, "tinggi": tinggi},
                code="memori",
            )
        gambar.load()
        orientasi = gambar.getexif().get(ExifTags.Base.Orientation)  # after load: a PNG's eXIf may follow the pixels
        # Each step lets go of the buffer of the step before (`_ganti`).
        hasil = gambar
        if hasil.mode not in _MODE_LANGSUNG and (skala < 1 or format_ == "JPEG"):
            alfa = hasil.mode in ("PA", "La") or "transparency" in hasil.info
            hasil = _ganti(hasil, hasil.convert("RGBA" if alfa and format_ == "PNG" else "RGB"))
        if skala < 1:
            # Whole-factor box reduction first (fast, and the resize then works on the small picture).
            faktor = min(hasil.width // tujuan[0], hasil.height // tujuan[1])
            if faktor > 1:
                hasil = _ganti(hasil, hasil.reduce(faktor))
            hasil = _ganti(hasil, hasil.resize(tujuan, Image.Resampling.LANCZOS))
        if orientasi in _ORIENTASI:
            hasil = _ganti(hasil, hasil.transpose(Image.Transpose[_ORIENTASI[orientasi]]))
        # Nothing of the upload's metadata is written: only a palette picture's transparency is kept.
        hasil.info = {k: v for k, v in hasil.info.items() if k == "transparency" and hasil.mode in ("P", "L", "RGB")}
        isi = BytesIO()
        if format_ == "JPEG":
            hasil.save(isi, format="JPEG", quality=88)
        else:
            hasil.save(isi, format="PNG")
    return SimpleUploadedFile(logo.name, isi.getvalue(), content_type=f"image/{format_.lower()}")


class ProfilUnitForm(TokenUbahMixin, forms.ModelForm):
    """What the report's cover and Bab I print about the unit: names, city, duties, logo."""

    class Meta:
        model = UnitKerja
        fields = ["nama", "singkatan", "instansi", "kota", "alamat", "tugas", "fungsi", "logo"]
        widgets = {
            "alamat": forms.Textarea(attrs={"rows": 2}),
            "tugas": forms.Textarea(attrs={"rows": 3}),
            "fungsi": forms.Textarea(attrs={"rows": 5}),
        }

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "size") and logo is not self.instance.logo:
            ekstensi = logo.name.rsplit(".", 1)[-1].lower() if "." in logo.name else ""
            if ekstensi not in LOGO_EKSTENSI:
                raise forms.ValidationError(
                    _("Logo harus berkas %(daftar)s.") % {"daftar": ", ".join(LOGO_EKSTENSI)}, code="ekstensi"
                )
            if logo.size > LOGO_MAKS_BYTE:
                raise forms.ValidationError(_("Ukuran logo paling besar 2 MB."), code="ukuran")
            logo = kecilkan_gambar(logo)
        return logo


class TujuanForm(TokenUbahMixin, forms.ModelForm):
    class Meta:
        model = Tujuan
        fields = ["kode", "uraian", "urutan"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["urutan"].required = False
        self.fields["urutan"].help_text = _("Kosongkan untuk menaruhnya di akhir.")

    def clean_urutan(self):
        return self.cleaned_data.get("urutan") or 0


class RevisiForm(TokenUbahMixin, forms.ModelForm):
    class Meta:
        model = RevisiRenstra
        fields = ["nama", "berlaku_mulai", "berlaku_sampai", "tanggal", "dasar_hukum"]
        widgets = {"tanggal": TANGGAL, "dasar_hukum": forms.Textarea(attrs={"rows": 2})}


class SasaranForm(TokenUbahMixin, forms.ModelForm):
    class Meta:
        model = Sasaran
        fields = ["kode", "nama", "level", "perspektif", "tujuan"]
        widgets = {"nama": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, renstra: Renstra, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tujuan"].queryset = Tujuan.objects.filter(renstra=renstra)
        if renstra.skema.pakai_perspektif:
            # The NKO of a scheme with perspectives is built from them: a sasaran without one would be left out.
            self.fields["perspektif"].required = True
        else:
            del self.fields["perspektif"]


def _ya_tidak(nilai) -> bool:
    return nilai == "ya"


class IndikatorForm(TokenUbahMixin, forms.ModelForm):
    """An indikator of the Renstra. IKU is an explicit Ya/Tidak with nothing preselected for a new indikator: a
    silent "no" dropped indikator from the IKU table and decree unnoticed."""

    iku = forms.TypedChoiceField(
        label=_("Indikator Kinerja Utama (IKU)?"),
        choices=[("ya", _("Ya")), ("tidak", _("Tidak"))],
        coerce=_ya_tidak,
        widget=forms.RadioSelect,
        error_messages={"required": _("Pilih Ya atau Tidak: apakah indikator ini IKU?")},
        help_text=_("IKU masuk tabel capaian IKU laporan kinerja dan Keputusan IKU."),
    )

    class Meta:
        model = Indikator
        fields = [
            "kode",
            "nama",
            "satuan",
            "polaritas",
            "agregasi",
            "skala",
            "iku",
            "ukur_akip",
            "definisi_operasional",
            "formula",
            "sumber_data",
            "pendahulu",
        ]
        widgets = {
            "nama": forms.Textarea(attrs={"rows": 2}),
            "definisi_operasional": forms.Textarea(attrs={"rows": 2}),
            "formula": forms.Textarea(attrs={"rows": 2}),
            "sumber_data": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, unit: UnitKerja, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["iku"] = ("ya" if self.instance.iku else "tidak") if self.instance.pk else None
        qs = Indikator.objects.milik(unit).order_by("kode")
        if self.instance.pk:
            qs = qs.exclude(pk=self.instance.pk)
        self.fields["pendahulu"].queryset = qs
        self._target_awal: dict[int, IsianTarget] = {}
        self.tahun_target: list[int] = []
        self.target: dict[int, IsianTarget] = {}  # the changed target cells, after is_valid()
        if self.instance.sasaran_id:
            self._siapkan_target()

    def _siapkan_target(self):
        """One target cell per year of the revision the indikator is active in, like a row of the target grid."""
        ind, revisi = self.instance, self.instance.sasaran.revisi
        if ind.pk:
            self._target_awal = {
                t.tahun: IsianTarget(t.nilai, t.nilai_atas, t.nilai_kualitatif)
                for t in ind.target.filter(sumber=SumberTarget.RENSTRA)
            }
        for tahun in range(revisi.berlaku_mulai, revisi.berlaku_sampai + 1):
            if not ind.aktif_pada(tahun):
                continue
            nama = f"target_{tahun}"
            self.fields[nama] = forms.CharField(
                label=_("Target Renstra %(tahun)s") % {"tahun": tahun}, required=False, max_length=60
            )
            awal = self._target_awal.get(tahun)
            self.initial[nama] = teks_isian(awal.nilai, awal.nilai_atas, awal.kualitatif) if awal else ""
            self.tahun_target.append(tahun)
        if self.tahun_target:
            self.fields[f"target_{self.tahun_target[0]}"].help_text = _(
                "Angka, rentang (80 – 90) untuk polaritas rentang, atau nilai huruf skala indikator (mis. A). "
                "Semua target juga dapat diisi pada halaman Target tahunan."
            )

    def clean(self):
        data = super().clean()
        if not self.tahun_target:
            return data
        polaritas = data.get("polaritas") or self.instance.polaritas
        skala = data.get("skala") if "skala" in data else self.instance.skala
        kode = kode_skala(skala.pk if skala else self.instance.sasaran.revisi.renstra.skema.skala_huruf_id)
        for tahun in self.tahun_target:
            nama = f"target_{tahun}"
            if self.add_prefix(nama) not in self.data:
                continue  # a post without the cell (an older page, a script) leaves that target alone
            awal = self._target_awal.get(tahun)
            field = TargetField(polaritas=polaritas, skala=kode, awal=awal)
            try:
                isian = field.clean(data.get(nama))
            except ValidationError as exc:
                self.add_error(nama, exc)
                continue
            if isian != (awal or IsianTarget()):
                self.target[tahun] = isian
        return data


class PensiunForm(TokenUbahMixin, forms.Form):
    dipensiunkan_tahun = forms.IntegerField(
        label=_("Dipensiunkan mulai tahun"),
        required=False,
        min_value=1900,
        max_value=2200,
        help_text=_("Kosongkan untuk mengaktifkan kembali. Target dan realisasi tahun sebelumnya tetap tersimpan."),
    )


def _grid_field(label: str, **kwargs) -> AngkaField:
    return AngkaField(label=label, required=False, **kwargs)


class TargetField(forms.CharField):
    """A target cell: a number, a range ("80 – 90") or a grade of the indikator's scale ("A"), read by
    `indikator.target.baca_isian_target` into an IsianTarget (empty: an empty IsianTarget)."""

    def __init__(self, *, polaritas: str = Polaritas.POSITIF, skala=(), awal: IsianTarget | None = None, **kwargs):
        self.polaritas, self.skala, self.awal = polaritas, tuple(skala), awal
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 60)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"autocomplete": "off", "class": "isian-angka"})
        attrs.pop("maxlength", None)
        return attrs

    def baca(self, teks) -> IsianTarget:
        # A cell left as shown keeps its stored value, even one the parser would not take (an old number on an
        # indikator made Kualitatif since): only what the person typed is read.
        if self.awal is not None and (teks or "").strip() == self.prepare_value(self.awal):
            return self.awal
        try:
            return baca_isian_target(teks, polaritas=self.polaritas, skala=self.skala)
        except TargetTidakSah as exc:
            raise ValidationError(str(exc), code="target") from exc

    def to_python(self, value):
        if isinstance(value, IsianTarget):
            return value
        return self.baca(super().to_python(value))

    def validate(self, value):
        if self.required and value.kosong:
            raise ValidationError(self.error_messages["required"], code="required")

    def run_validators(self, value):
        return

    def prepare_value(self, value):
        if isinstance(value, IsianTarget):
            return teks_isian(value.nilai, value.nilai_atas, value.kualitatif)
        return value

    def has_changed(self, initial, data):
        try:
            return self.to_python(data) != (initial or IsianTarget())
        except ValidationError:
            return True


class TargetGridForm(TokenUbahMixin, forms.Form):
    """One TargetField per (indikator, year): name t_<indikator>_<tahun>."""

    def __init__(self, *args, baris, daftar_tahun: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.sel = {}
        for b in baris:
            for tahun, nilai, aktif in b.nilai:
                if not aktif:
                    continue
                nama = f"t_{b.indikator.pk}_{tahun}"
                self.fields[nama] = TargetField(
                    label=f"{b.indikator.kode} {tahun}", polaritas=b.indikator.polaritas, skala=b.skala, awal=nilai
                )
                self.initial[nama] = nilai
                self.sel[nama] = (b.indikator.pk, tahun)

    def nilai(self) -> dict[tuple[int, int], IsianTarget]:
        return {kunci: self.cleaned_data.get(nama) or IsianTarget() for nama, kunci in self.sel.items()}


class VersiPKForm(TokenUbahMixin, forms.ModelForm):
    anggaran = AngkaField(label=_("Anggaran (Rp)"), required=False, min_value=0)

    class Meta:
        model = VersiPK
        fields = list(VersiPK.KOLOM_UBAH)
        widgets = {
            "berlaku_mulai": TANGGAL,
            "berlaku_sampai": TANGGAL,
            "tanggal_tanda_tangan": TANGGAL,
            "keterangan": forms.Textarea(attrs={"rows": 2}),
        }


class BarisPKForm(TokenUbahMixin, forms.ModelForm):
    """A PK row; its target is one cell (`TargetField`) read for the chosen indikator's polarity and scale."""

    nilai = forms.CharField(label=_("Target"), required=False, max_length=60)
    field_order = ["indikator", "uraian_sasaran", "uraian_indikator", "nilai", "teks_tampilan"]

    class Meta:
        model = BarisPK
        fields = ["indikator", "uraian_sasaran", "uraian_indikator", "teks_tampilan"]
        widgets = {
            "uraian_sasaran": forms.Textarea(attrs={"rows": 2}),
            "uraian_indikator": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, unit: UnitKerja, tahun: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indikator"].queryset = (
            Indikator.objects.milik(unit)
            .filter(
                sasaran__revisi__berlaku_mulai__lte=tahun,
                sasaran__revisi__berlaku_sampai__gte=tahun,
            )
            .exclude(dipensiunkan_tahun__lte=tahun)
            .order_by("sasaran__urutan", "urutan")
        )
        self.fields["uraian_sasaran"].required = False
        self.fields["uraian_sasaran"].help_text = _("Kosongkan untuk memakai nama sasaran indikator.")
        self.fields["nilai"].help_text = _(
            "Angka, rentang (80 – 90) untuk polaritas rentang, atau nilai huruf skala indikator (mis. A)."
        )
        self.initial["nilai"] = teks_isian(
            self.instance.nilai, self.instance.nilai_atas, self.instance.nilai_kualitatif
        )

    def clean(self):
        data = super().clean()
        ind = data.get("indikator")
        polaritas = ind.polaritas if ind else Polaritas.POSITIF
        skala = skala_target([ind.pk]).get(ind.pk, []) if ind else []
        b = self.instance
        awal = (
            IsianTarget(b.nilai, b.nilai_atas, b.nilai_kualitatif)
            if b.pk and ind and ind.pk == b.indikator_id
            else None
        )
        try:
            isian = TargetField(polaritas=polaritas, skala=skala, awal=awal).clean(data.get("nilai"))
        except ValidationError as exc:
            self.add_error("nilai", exc)
            return data
        self.instance.nilai, self.instance.nilai_atas = isian.nilai, isian.nilai_atas
        self.instance.nilai_kualitatif = isian.kualitatif
        return data


class RencanaAksiForm(TokenUbahMixin, forms.Form):
    """One AngkaField per (PK row, quarter): name ra_<baris>_<triwulan>."""

    def __init__(self, *args, baris: list[BarisPK], **kwargs):
        super().__init__(*args, **kwargs)
        self.sel = {}
        for b in baris:
            ada = {r.triwulan: r.target_kumulatif for r in b.rencana_aksi.all()}
            for tw in services.TRIWULAN:
                nama = f"ra_{b.pk}_{tw}"
                self.fields[nama] = _grid_field(f"TW{tw}")
                self.initial[nama] = ada.get(tw)
                self.sel[nama] = (b, tw)

    def per_baris(self):
        hasil: dict[BarisPK, dict[int, object]] = {}
        for nama, (b, tw) in self.sel.items():
            hasil.setdefault(b, {})[tw] = self.cleaned_data.get(nama)
        return hasil


class RealisasiSelForm(TokenUbahMixin, forms.Form):
    """Inline (htmx) entry of one quarter's value."""

    nilai = AngkaField(label=_("Realisasi"), required=False)
    nilai_kualitatif = forms.CharField(label=_("Nilai kualitatif"), required=False, max_length=10)


class RealisasiForm(TokenUbahMixin, forms.Form):
    nilai = AngkaField(label=_("Realisasi"), required=False)
    nilai_kualitatif = forms.CharField(
        label=_("Nilai kualitatif"), required=False, max_length=10, help_text=_("Untuk indikator kualitatif, mis. A.")
    )
    analisis = forms.CharField(
        label=_("Analisis"),
        required=False,
        max_length=maks(Realisasi, "analisis"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    faktor_pendukung = forms.CharField(
        label=_("Faktor pendukung"),
        required=False,
        max_length=maks(Realisasi, "faktor_pendukung"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    faktor_penghambat = forms.CharField(
        label=_("Faktor penghambat"),
        required=False,
        max_length=maks(Realisasi, "faktor_penghambat"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    rencana_tindak_lanjut = forms.CharField(
        label=_("Rencana tindak lanjut"),
        required=False,
        max_length=maks(Realisasi, "rencana_tindak_lanjut"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class BuktiForm(forms.Form):
    berkas = forms.FileField(label=_("Berkas bukti dukung"))
    keterangan = forms.CharField(label=_("Keterangan"), required=False, max_length=200)

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        try:
            services.periksa_berkas_bukti(berkas)
        except ValidationError as e:
            raise ValidationError(e.message_dict.get("berkas", e.messages)) from e
        return berkas


class KomentarForm(forms.Form):
    komentar = forms.CharField(
        label=_("Komentar / alasan"),
        required=False,
        max_length=maks(PeriodeUnit, "komentar"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
