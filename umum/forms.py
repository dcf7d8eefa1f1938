"""Project-wide form pieces: `AngkaField` reads numbers typed in Indonesian or plain format (umum.masukan)."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .format import format_angka
from .masukan import baca_angka


def _teks_masukan(nilai: Decimal | int) -> str:
    """A stored number as an Indonesian reads and types it ("211.549.862", "78,35"): exact (no rounding), and read
    back to the same value by `baca_angka` (a dot followed by groups of three digits is a thousands separator)."""
    return format_angka(Decimal(nilai), None)


class AngkaField(forms.CharField):
    """A number field: "1.234.567,89", "1234567.89", "78,35", "95 %", "Rp 8.225.900.000" → Decimal.

    Ambiguous or invalid input gets the Indonesian message of `baca_angka` at the field. `min_value` /
    `max_value` are checked with Indonesian messages (override with error_messages "min_value"/"max_value").
    """

    default_error_messages = {
        "min_value": _("Nilai tidak boleh kurang dari %(batas)s."),
        "max_value": _("Nilai tidak boleh lebih dari %(batas)s."),
    }

    def __init__(self, *, min_value: Decimal | int | None = None, max_value: Decimal | int | None = None, **kwargs):
        self.min_value = None if min_value is None else Decimal(min_value)
        self.max_value = None if max_value is None else Decimal(max_value)
        kwargs.setdefault("max_length", 40)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"inputmode": "decimal", "autocomplete": "off", "class": "isian-angka"})
        attrs.pop("maxlength", None)
        return attrs

    def to_python(self, value):
        if isinstance(value, Decimal):
            return value
        teks = super().to_python(value)
        if teks in self.empty_values:
            return None
        return baca_angka(teks)

    def validate(self, value):
        if value is None:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return
        if self.min_value is not None and value < self.min_value:
            raise ValidationError(
                self.error_messages["min_value"], code="min_value", params={"batas": format_angka(self.min_value, None)}
            )
        if self.max_value is not None and value > self.max_value:
            raise ValidationError(
                self.error_messages["max_value"], code="max_value", params={"batas": format_angka(self.max_value, None)}
            )

    def run_validators(self, value):
        # CharField validators (max length) apply to the typed text, not to the Decimal.
        return

    def prepare_value(self, value):
        if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
            return _teks_masukan(value)
        return value

    def has_changed(self, initial, data):
        try:
            return self.to_python(data) != (None if initial in (None, "") else self.to_python(initial))
        except ValidationError:
            return True
