"""Text input rules shared by every app: one-line fields without control characters, and long texts with a
maximum length that model validation checks too (Django checks a TextField's `max_length` only in forms).

The limits themselves are written on the model fields and listed in docs/security.md.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# C0 and C1 control characters (tab and newline included), DEL, and the Unicode line/paragraph separators: none
# belongs in a name, a title or a subject line, and a newline there breaks e-mail headers.
_KENDALI = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@deconstructible(path="umum.teks.TanpaKarakterKendali")
class TanpaKarakterKendali:
    """Validator of one-line fields: refuses control characters (newline, tab, ...)."""

    message = _("Isian satu baris tidak boleh berisi baris baru, tab, atau karakter kendali lain.")
    code = "karakter_kendali"

    def __call__(self, nilai) -> None:
        if isinstance(nilai, str) and _KENDALI.search(nilai):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, TanpaKarakterKendali)

    def __hash__(self):
        return hash(self.code)


tanpa_karakter_kendali = TanpaKarakterKendali()


def satu_baris(teks: str) -> str:
    """The text on one line: control characters and runs of white space become one space (for e-mail subjects)."""
    return " ".join(_KENDALI.sub(" ", teks).split())


class TeksPanjang(models.TextField):
    """A TextField whose `max_length` (required) is also checked by model validation: the admin, `full_clean` in
    the services and the workbook import refuse an over-long text like the forms do."""

    def __init__(self, *args, max_length: int | None = None, **kwargs):
        if max_length is None:
            raise TypeError("TeksPanjang needs max_length")
        super().__init__(*args, max_length=max_length, **kwargs)
        self.validators.append(MaxLengthValidator(self.max_length))


def periksa_medan(obj: models.Model, *nama: str) -> None:
    """Run the validators of the named fields only (length, control characters): a ValidationError by field.
    For write services whose input did not come through a model form."""
    obj.clean_fields(exclude=[f.name for f in obj._meta.fields if f.name not in nama])
