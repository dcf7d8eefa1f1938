"""Template filters for Indonesian number formats. Builtin (see settings.TEMPLATES)."""

from django import template

from umum.format import format_angka, format_persen, format_rupiah

register = template.Library()


@register.filter
def angka(nilai, digit=2):
    """{{ x|angka }} → 1.234,57; {{ x|angka:0 }} → 1.235; {{ x|angka:"auto" }} → as stored."""
    if nilai in (None, ""):
        return "–"
    return format_angka(nilai, None if digit == "auto" else int(digit))


@register.filter
def angka_ringkas(nilai, digit=2):
    """Like angka but a zero fraction is dropped: 100,00 → 100; 100,43 stays."""
    if nilai in (None, ""):
        return "–"
    return format_angka(nilai, int(digit), pangkas_nol=True)


@register.filter
def rupiah(nilai):
    return format_rupiah(None if nilai in (None, "") else nilai)


@register.filter
def persen(nilai, digit=2):
    return format_persen(None if nilai in (None, "") else nilai, int(digit))


@register.filter
def target(t, gaya=""):
    """{{ t|target }} → the target as text (display text, grade, 80–90 or 78,35; as stored);
    {{ t|target:"ringkas" }} → numbers like angka_ringkas. `t` has `teks_target` (`NilaiTargetEfektif`, `Target`,
    `BarisPK`)."""
    return t.teks_target(**({"digit": 2, "pangkas_nol": True} if gaya == "ringkas" else {}))


@register.filter
def dengan_satuan(teks, satuan):
    """{{ "70"|dengan_satuan:"%" }} → "70 %"; a text that already ends with its unit ("70%", "3 dokumen") keeps
    it once; no unit, or no value ("–"), as is."""
    teks, satuan = str(teks), str(satuan or "").strip()
    if not satuan or teks in ("", "–") or teks.replace(" ", "").lower().endswith(satuan.replace(" ", "").lower()):
        return teks
    return f"{teks} {satuan}"
