"""LKE templates as data: load one from its JSON description (`evaluasi/data/*.json`), check its weights, clone
a used template into the next version, and read a template's structure for scoring.

`muat_template` takes a model getter so the data migration can run it with the historical models.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from umum.format import format_angka

from . import formulas as f
from .enums import Metode, NilaiPer
from .models import LkeKomponen, LkeTemplate, PredikatBand

DATA = Path(__file__).resolve().parent / "data"
BAWAAN = ("permenpanrb_12_2015.json", "permenpanrb_88_2021.json")


def baca_data(nama: str) -> dict:
    return json.loads((DATA / nama).read_text(encoding="utf-8"))


def struktur_data(data: dict) -> list[f.Komponen]:
    """The scoring structure of a template description (for the weight check before anything is saved)."""
    return [
        f.Komponen(
            k["kode"],
            k["kode"],
            Decimal(k["bobot"]),
            tuple(
                f.Sub(
                    s["kode"],
                    s["kode"],
                    Decimal(s["bobot"]),
                    s.get("metode", Metode.RATA_RATA),
                    tuple(
                        f.Kriteria(c["kode"], c["kode"], Decimal(c["bobot"]) if c.get("bobot") else None)
                        for c in s["kriteria"]
                    ),
                )
                for s in k["sub"]
            ),
        )
        for k in data["komponen"]
    ]


def pesan_bobot(salah: list[f.SelisihBobot]) -> list[str]:
    """One Indonesian sentence per level whose weights don't add up, with the delta."""
    hasil = []
    for s in salah:
        tempat = _("Template") if s.tingkat == "template" else s.kode
        hasil.append(
            _("%(tempat)s: jumlah bobot %(jumlah)s, seharusnya %(harapan)s (selisih %(selisih)s).")
            % {
                "tempat": tempat,
                "jumlah": format_angka(s.jumlah, None),
                "harapan": format_angka(s.harapan, None),
                "selisih": format_angka(s.selisih, None),
            }
        )
    return hasil


def muat_template(data: dict, model: Callable[[str], type], *, versi: int = 1, asal_id: int | None = None):
    """Create a template (version `versi`) from its description; refused (nothing saved) when weights don't sum
    at any level or a rule names an unknown criterion or sub-component."""
    salah = f.periksa_bobot(struktur_data(data), total=Decimal(data.get("total_bobot", "100")))
    if salah:
        raise ValidationError(pesan_bobot(salah))
    Template, Skala, Opsi, Komponen, Sub, Kriteria, Bukti, Kerangka, Band = (
        model(n)
        for n in (
            "LkeTemplate",
            "SkalaJawaban",
            "OpsiJawaban",
            "LkeKomponen",
            "LkeSubKomponen",
            "LkeKriteria",
            "KriteriaBukti",
            "KerangkaLogis",
            "PredikatBand",
        )
    )
    with transaction.atomic():
        t = Template.objects.create(
            kode=data["kode"],
            versi=versi,
            nama=data["nama"],
            regulasi=data["regulasi"],
            tahun_berlaku=data["tahun_berlaku"],
            total_bobot=Decimal(data.get("total_bobot", "100")),
            tingkat_komponen=data.get("tingkat_komponen", False),
            catatan=data.get("catatan", ""),
            asal_id=asal_id,
        )
        skala = {}
        for s in data["skala"]:
            skala[s["kode"]] = Skala.objects.create(
                template=t, kode=s["kode"], nama=s["nama"], perlu_konfirmasi=s.get("perlu_konfirmasi", False)
            )
            for i, o in enumerate(s["opsi"]):
                Opsi.objects.create(
                    skala=skala[s["kode"]],
                    label=o[0],
                    nilai=Decimal(o[1]),
                    urutan=i,
                    catatan_template=o[2] if len(o) > 2 else "",
                )
        for i, b in enumerate(data["predikat"]):
            Band.objects.create(
                template=t,
                kode=b[0],
                label=b[1],
                batas_bawah=None if b[2] is None else Decimal(b[2]),
                bawah_inklusif=b[3],
                batas_atas=None if b[4] is None else Decimal(b[4]),
                atas_inklusif=b[5],
                urutan=i,
            )
        kriteria, sub = {}, {}
        for i, k in enumerate(data["komponen"]):
            kom = Komponen.objects.create(
                template=t,
                kode=k["kode"],
                nama=k["nama"],
                bobot=Decimal(k["bobot"]),
                urutan=i,
                komponen_akip=k["komponen_akip"],
            )
            for j, s in enumerate(k["sub"]):
                sub[s["kode"]] = Sub.objects.create(
                    komponen=kom,
                    kode=s["kode"],
                    nama=s["nama"],
                    jenis=s["jenis"],
                    bobot=Decimal(s["bobot"]),
                    metode=s.get("metode", Metode.RATA_RATA),
                    urutan=j,
                )
                for m, c in enumerate(s["kriteria"]):
                    kriteria[c["kode"]] = kr = Kriteria.objects.create(
                        sub=sub[s["kode"]],
                        kode=c["kode"],
                        pertanyaan=c["pertanyaan"],
                        penjelasan=c.get("penjelasan", ""),
                        langkah_kerja=c.get("langkah_kerja", ""),
                        skala=skala[c["skala"]],
                        bobot=Decimal(c["bobot"]) if c.get("bobot") else None,
                        nilai_per=c.get("nilai_per", NilaiPer.KRITERIA),
                        aturan_saran=c.get("aturan_saran", ""),
                        urutan=m,
                    )
                    for n, b in enumerate(c["bukti"]):
                        Bukti.objects.create(
                            kriteria=kr,
                            nama=b[0],
                            jenis_dokumen=b[1],
                            tahun_offset=b[2],
                            wajib=b[3] if len(b) > 3 else True,
                            urutan=n,
                        )
        for kode, tipe, pembanding, pesan in data.get("kerangka", []):
            if kode not in kriteria or (pembanding not in kriteria and pembanding not in sub):
                raise ValidationError(_("Kerangka logis %(kode)s merujuk kriteria yang tidak ada.") % {"kode": kode})
            Kerangka.objects.create(
                kriteria=kriteria[kode],
                tipe=tipe,
                pembanding_kriteria=kriteria.get(pembanding) if tipe == "maks_kriteria" else None,
                pembanding_sub=sub.get(pembanding) if tipe == "maks_rata_sub" else None,
                pesan=pesan,
            )
    return t


def data_template(t: LkeTemplate) -> dict:
    """The description of a saved template (the inverse of `muat_template`): what a clone starts from."""
    komponen = []
    kerangka = []
    for k in t.komponen.prefetch_related(
        "sub__kriteria__bukti",
        "sub__kriteria__skala",
        "sub__kriteria__kerangka__pembanding_kriteria",
        "sub__kriteria__kerangka__pembanding_sub",
    ):
        subs = []
        for s in k.sub.all():
            krit = []
            for c in s.kriteria.all():
                krit.append(
                    {
                        "kode": c.kode,
                        "pertanyaan": c.pertanyaan,
                        "penjelasan": c.penjelasan,
                        "langkah_kerja": c.langkah_kerja,
                        "skala": c.skala.kode,
                        "bobot": str(c.bobot) if c.bobot is not None else None,
                        "nilai_per": c.nilai_per,
                        "aturan_saran": c.aturan_saran,
                        "bukti": [[b.nama, b.jenis_dokumen, b.tahun_offset, b.wajib] for b in c.bukti.all()],
                    }
                )
                for r in c.kerangka.all():
                    banding = r.pembanding_kriteria.kode if r.pembanding_kriteria else r.pembanding_sub.kode
                    kerangka.append([c.kode, r.tipe, banding, r.pesan])
            subs.append(
                {
                    "kode": s.kode,
                    "nama": s.nama,
                    "jenis": s.jenis,
                    "bobot": str(s.bobot),
                    "metode": s.metode,
                    "kriteria": krit,
                }
            )
        komponen.append(
            {"kode": k.kode, "nama": k.nama, "bobot": str(k.bobot), "komponen_akip": k.komponen_akip, "sub": subs}
        )
    return {
        "kode": t.kode,
        "nama": t.nama,
        "regulasi": t.regulasi,
        "tahun_berlaku": t.tahun_berlaku,
        "total_bobot": str(t.total_bobot),
        "tingkat_komponen": t.tingkat_komponen,
        "catatan": t.catatan,
        "skala": [
            {
                "kode": s.kode,
                "nama": s.nama,
                "perlu_konfirmasi": s.perlu_konfirmasi,
                "opsi": [[o.label, str(o.nilai), o.catatan_template] for o in s.opsi.all()],
            }
            for s in t.skala.prefetch_related("opsi")
        ],
        "predikat": [
            [
                b.kode,
                b.label,
                None if b.batas_bawah is None else str(b.batas_bawah),
                b.bawah_inklusif,
                None if b.batas_atas is None else str(b.batas_atas),
                b.atas_inklusif,
            ]
            for b in t.predikat.all()
        ],
        "komponen": komponen,
        "kerangka": kerangka,
    }


def _model(nama: str):
    from django.apps import apps

    return apps.get_model("evaluasi", nama)


def salin_versi_baru(t: LkeTemplate, *, ubah: Callable[[dict], None] | None = None) -> LkeTemplate:
    """Editing a template means a new version: its description (changed by `ubah`) saved as version max+1, the
    old one archived when used. Weights are checked again; nothing is saved on refusal."""
    data = data_template(t)
    if ubah:
        ubah(data)
    versi = (
        LkeTemplate.objects.filter(kode=t.kode).order_by("-versi").values_list("versi", flat=True).first() or 0
    ) + 1
    with transaction.atomic():
        baru = muat_template(data, _model, versi=versi, asal_id=t.pk)
        if not t.terpakai:
            LkeTemplate.objects.filter(pk=t.pk).update(status="arsip")
    return baru


def template_aktif(regulasi: str) -> LkeTemplate | None:
    """The newest active version of a regulation's template."""
    return LkeTemplate.objects.filter(regulasi=regulasi, status="aktif").order_by("-versi").first()


def struktur(t: LkeTemplate) -> tuple[list[f.Komponen], list[f.Band]]:
    """A saved template's scoring structure (keys are the model ids) and its predikat bands: 4 queries."""
    komponen = list(t.komponen.prefetch_related("sub__kriteria"))
    bands = [band(b) for b in PredikatBand.objects.filter(template=t)]
    return [
        f.Komponen(
            k.pk,
            k.kode,
            k.bobot,
            tuple(
                f.Sub(
                    s.pk, s.kode, s.bobot, s.metode, tuple(f.Kriteria(c.pk, c.kode, c.bobot) for c in s.kriteria.all())
                )
                for s in k.sub.all()
            ),
        )
        for k in komponen
    ], bands


def band(b: PredikatBand) -> f.Band:
    return f.Band(b.kode, b.label, b.batas_bawah, b.bawah_inklusif, b.batas_atas, b.atas_inklusif)


def komponen_template(t: LkeTemplate) -> list[LkeKomponen]:
    return list(t.komponen.all())


def pasang_aturan_saran(kode_template: str, kode_kriteria: str, kunci: str, model: Callable[[str], type] = _model):
    """Name the suggestion rule `kunci` on criterion `kode_kriteria` of every active version of template
    `kode_template` that lacks it, the way templates are versioned: an unused version is changed in place, a used
    one (immutable) is cloned into version max+1 carrying the rule. For data migrations (`model` = historical
    getter); returns the versions touched as (versi, "ubah" | "salin")."""
    Template, Kriteria, Evaluasi = model("LkeTemplate"), model("LkeKriteria"), model("Evaluasi")
    hasil = []
    for t in Template.objects.filter(kode=kode_template, status="aktif").order_by("versi"):
        kriteria = Kriteria.objects.filter(sub__komponen__template=t, kode=kode_kriteria)
        if not kriteria.exclude(aturan_saran=kunci).exists():
            continue
        if not Evaluasi.objects.filter(template=t).exists():
            kriteria.update(aturan_saran=kunci)  # unused: still editable (a queryset update, no clone needed)
            hasil.append((t.versi, "ubah"))
            continue
        data = data_template(t)
        for k in data["komponen"]:
            for s in k["sub"]:
                for c in s["kriteria"]:
                    if c["kode"] == kode_kriteria:
                        c["aturan_saran"] = kunci
        versi = Template.objects.filter(kode=kode_template).order_by("-versi").values_list("versi", flat=True)[0] + 1
        muat_template(data, model, versi=versi, asal_id=t.pk)
        hasil.append((versi, "salin"))
    return hasil
