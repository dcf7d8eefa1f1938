"""The legal documents of the lampiran, from data and the unit's wording (`laporan.models.NaskahDinas`): the
Perjanjian Kinerja agreement of one version (PermenPANRB 53/2014) and the decree that sets the IKU."""

from __future__ import annotations

import string

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from indikator.models import UnitKerja, VersiPK

from ..bundel import Bundel
from ..dokumen import DokumenPK, KeputusanIKU, Kop, Pejabat, Sel, Tabel
from ..models import IsiNaskahDinas, huruf, rujukan_huruf
from .bantu import kepala as kepala_tabel
from .bantu import pejabat, tanggal
from .perencanaan import baris_pk, periode_pk

DIKTUM = ("Kesatu", "Kedua", "Ketiga", "Keempat", "Kelima", "Keenam", "Ketujuh", "Kedelapan", "Kesembilan")


class _Isian(dict):
    """Placeholders of the wording; an unknown one stays as written."""

    def __missing__(self, kunci: str) -> str:
        return "{" + kunci + "}"


def isi_naskah(teks: str, **data: object) -> str:
    """The wording with its {placeholders} filled; braces that are no placeholder are left alone."""
    try:
        return string.Formatter().vformat(teks, (), _Isian(data))
    except (ValueError, IndexError):
        return teks


def butir(teks: str, **data: object) -> tuple[str, ...]:
    """One item per non-empty line."""
    return tuple(isi_naskah(x.strip(), **data) for x in teks.splitlines() if x.strip())


def kop_surat(unit: UnitKerja, induk: UnitKerja | None) -> Kop:
    """The letterhead of the unit's legal documents: its instansi, its parent unit and itself (each once, top
    down), its address and its logo when uploaded."""
    nama: list[str] = []
    for x in (unit.instansi, induk.nama if induk is not None else "", unit.nama):
        if x and x.strip().casefold() not in {n.casefold() for n in nama}:
            nama.append(x.strip())
    return Kop(nama=tuple(nama), alamat=unit.alamat.strip(), logo_url=unit.logo.url if unit.logo else "")


def dokumen_pk(
    unit: UnitKerja, tahun: int, v: VersiPK, naskah: IsiNaskahDinas, induk: UnitKerja | None = None
) -> DokumenPK:
    """One PK version as signed: parties, the agreement's prose, the target table, the budget, place, date."""
    kepala = kepala_tabel(pgettext("nomor urut", "No"), _("Sasaran"), _("Indikator Kinerja"), _("Target"))
    tabel = Tabel(
        f"pk-versi-{v.nomor}",
        None,
        v.judul or _("Perjanjian Kinerja versi %(nomor)s") % {"nomor": v.nomor},
        kepala,
        tuple(baris_pk(v, dengan_anggaran=False)),
    )
    data = {"unit": unit.nama, "instansi": unit.instansi, "tahun": tahun}
    return DokumenPK(
        judul=v.judul or _("Perjanjian Kinerja Tahun %(tahun)s") % {"tahun": tahun},
        periode=periode_pk(v),
        pihak_pertama=Pejabat(v.pihak_pertama_nama, v.pihak_pertama_nip, v.pihak_pertama_jabatan),
        pihak_kedua=Pejabat(v.pihak_kedua_nama, v.pihak_kedua_nip, v.pihak_kedua_jabatan),
        tabel=tabel,
        kegiatan=v.kegiatan,
        anggaran=v.anggaran,
        kota=v.kota,
        tanggal=tanggal(v.tanggal_tanda_tangan) if v.tanggal_tanda_tangan else "",
        pembuka=isi_naskah(naskah.pk_pembuka, **data),
        janji=isi_naskah(naskah.pk_janji, **data),
        supervisi=isi_naskah(naskah.pk_supervisi, **data),
        kop=kop_surat(unit, induk),
    )


def keputusan_iku(b: Bundel, tabel: Tabel | None) -> KeputusanIKU:
    """The decree setting the IKU of the Renstra period, signed by the unit's head, with the IKU table."""
    n = b.naskah
    kepala = pejabat(b)
    jabatan = kepala.jabatan if kepala and kepala.jabatan else _("Kepala %(unit)s") % {"unit": b.unit.nama}
    data = {
        "unit": b.unit.nama,
        "instansi": b.unit.instansi,
        "tahun": b.tahun,
        "awal": b.renstra.tahun_mulai,
        "akhir": b.renstra.tahun_selesai,
        "jabatan_kepala": jabatan,
    }
    tentang = _("Penetapan Indikator Kinerja Utama Tahun %(awal)s–%(akhir)s di Lingkungan %(unit)s") % data
    baris_menimbang = [x.strip() for x in n.iku_menimbang.splitlines() if x.strip()]
    data["huruf_menimbang"] = rujukan_huruf(len(baris_menimbang))
    menimbang = tuple(
        (huruf(i), isi_naskah(x, **data, huruf_sebelumnya=rujukan_huruf(i))) for i, x in enumerate(baris_menimbang)
    )
    diktum = butir(n.iku_diktum, **data)
    return KeputusanIKU(
        judul=_("Keputusan %(jabatan)s") % {"jabatan": jabatan},
        nomor=n.iku_nomor,
        tentang=tentang,
        menimbang=menimbang,
        mengingat=butir(n.iku_mengingat, **data),
        menetapkan=_("Keputusan %(jabatan)s tentang %(tentang)s") % {"jabatan": jabatan, "tentang": tentang},
        diktum=tuple(zip(DIKTUM, diktum, strict=False)),
        kota=n.iku_kota or b.unit.kota or "Jakarta",
        tanggal=tanggal(n.iku_tanggal) if n.iku_tanggal else "",
        pejabat=kepala,
        tabel=tabel,
        jabatan=jabatan,
        kop=kop_surat(b.unit, b.unit_induk),
        salinan=butir(n.iku_salinan, **data),
    )


def penanggung_jawab(b: Bundel) -> Sel:
    """The IKU's owner: the unit, through its head."""
    kepala = pejabat(b)
    return Sel(kepala.jabatan if kepala and kepala.jabatan else _("Kepala %(unit)s") % {"unit": b.unit.nama})
