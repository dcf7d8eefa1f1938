"""Password validator against local guessable passwords (AUTH_PASSWORD_VALIDATORS).

Django's CommonPasswordValidator knows the world's common passwords but not the local pattern "app or agency name
plus a year" (`sakip2018`, `Bpom@2024`, `s4k1p-2023`). This validator refuses a password whose letters, once digits,
years and punctuation are set aside (also with the usual digit-for-letter swaps), are nothing but words of a local
list (the app's vocabulary, common Indonesian office words, the user's own names), e.g. "sakip" + "2018" or
"kinerja" + "demo" + "123". A deployment adds its agency's words with SAKIP_SANDI_KATA_LOKAL (comma-separated).
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Session key: the signed-in user still has a temporary password (set at login, read by the middleware).
KUNCI_SANDI_SEMENTARA = "_sakip_sandi_sementara"

# The app, the domain and the office: words anyone guessing a SAKIP password tries first.
KATA_LOKAL = (
    "sakip lakip akip lkjip esakip kinerja akuntabilitas renstra renja iku nko bpom pemda pemkab pemkot pemprov "
    "kementerian kemen badan dinas biro bagian inspektorat sekretariat setda bappeda kantor instansi pemerintah "
    "indonesia jakarta nkri merdeka garuda pancasila bismillah alhamdulillah "
    "admin administrator password pass sandi katasandi kata rahasia demo test tes testing uji coba contoh "
    "user pengguna perencana pimpinan kepala auditor operator login masuk selamat qwerty asdf abc abcd"
).split()
# Years and digit-for-letter swaps: "s4k1p" reads "sakip", "2018" is taken out first so it is not read as letters.
TAHUN = re.compile(r"(?:19|20)\d\d")
TUKAR = str.maketrans({"4": "a", "@": "a", "3": "e", "1": "i", "!": "i", "0": "o", "5": "s", "$": "s", "7": "t"})
BUKAN_HURUF = re.compile(r"[^a-z]+")
PANJANG_DIPERIKSA = 128


def _tersusun(teks: str, kata: frozenset[str]) -> bool:
    """True when `teks` (non-empty) is a concatenation of words of `kata`."""
    if not teks:
        return False
    panjang = max(map(len, kata))
    bisa = [True] + [False] * len(teks)
    for akhir in range(1, len(teks) + 1):
        bisa[akhir] = any(bisa[mulai] and teks[mulai:akhir] in kata for mulai in range(max(0, akhir - panjang), akhir))
    return bisa[-1]


@lru_cache(maxsize=8)
def _kata_dasar(tambahan: tuple[str, ...]) -> frozenset[str]:
    return frozenset(k for k in (*KATA_LOKAL, *tambahan) if len(k) >= 3)


def _kata_pengguna(user) -> set[str]:
    if user is None:
        return set()
    nilai = [getattr(user, a, "") or "" for a in ("username", "first_name", "last_name", "email")]
    return {k for v in nilai for k in BUKAN_HURUF.split(v.lower()) if len(k) >= 3}


class KataLokalValidator:
    """Refuse passwords made only of local words plus digits, years and punctuation."""

    def __init__(self, kata_tambahan: str | list[str] = ""):
        if isinstance(kata_tambahan, str):
            kata_tambahan = kata_tambahan.split(",")
        self.tambahan = tuple(sorted({k.strip().lower() for k in kata_tambahan if k.strip()}))

    def lemah(self, sandi: str, user=None) -> bool:
        if len(sandi) > PANJANG_DIPERIKSA:
            return False  # a passphrase that long is not a guess (and the check stays cheap)
        kata = _kata_dasar(self.tambahan) | _kata_pengguna(user)
        kecil = sandi.lower()
        calon = {BUKAN_HURUF.sub("", kecil), BUKAN_HURUF.sub("", TAHUN.sub("", kecil).translate(TUKAR))}
        return any(_tersusun(c, kata) for c in calon)

    def validate(self, password: str, user=None) -> None:
        if self.lemah(password, user):
            raise ValidationError(
                _(
                    "Kata sandi ini mudah ditebak: hanya nama aplikasi, instansi atau kata umum ditambah angka atau "
                    "tahun. Pakai gabungan kata yang tidak berhubungan dengan pekerjaan Anda."
                ),
                code="sandi_kata_lokal",
            )

    def get_help_text(self) -> str:
        return _("Kata sandi tidak boleh hanya nama aplikasi, instansi atau kata umum ditambah angka atau tahun.")


def _bantuan_validator(validator) -> str:
    """One validator's help text in the app's wording ("Kata sandi Anda ..."); Django's own Indonesian catalogue
    mixes "Sandi anda" and "Kata sandi Anda". A validator we don't know keeps its own text."""
    if isinstance(validator, password_validation.UserAttributeSimilarityValidator):
        return _("Kata sandi Anda tidak boleh terlalu mirip dengan informasi pribadi Anda.")
    if isinstance(validator, password_validation.MinimumLengthValidator):
        n = validator.min_length
        return ngettext(
            "Kata sandi Anda harus memuat setidaknya %(n)d karakter.",
            "Kata sandi Anda harus memuat setidaknya %(n)d karakter.",
            n,
        ) % {"n": n}
    if isinstance(validator, password_validation.CommonPasswordValidator):
        return _("Kata sandi Anda tidak boleh kata sandi yang umum dipakai.")
    if isinstance(validator, password_validation.NumericPasswordValidator):
        return _("Kata sandi Anda tidak boleh seluruhnya angka.")
    return validator.get_help_text()


def bantuan_sandi_html(validators=None) -> str:
    """The configured validators' help texts as an HTML list, in one wording."""
    if validators is None:
        validators = password_validation.get_default_password_validators()
    teks = [_bantuan_validator(v) for v in validators]
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((t,) for t in teks))) if teks else ""
