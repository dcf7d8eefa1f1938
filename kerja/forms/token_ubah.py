"""The version a form was loaded from (optimistic concurrency, `indikator.token_ubah`).

Every edit form of the workspace mixes in `TokenUbahMixin`: a hidden field `versi` carries the version of the data the
form shows (by default the edited row's, `versi.token_objek`; a grid or a set of rows passes its own with
`versi=`), and the view hands `form.token_dimuat()` to the write service, which refuses a stale save with
"Data ini diubah oleh <nama> pada <waktu>; muat ulang halaman." and changes nothing.
"""

from __future__ import annotations

from django import forms

from indikator.token_ubah import token_objek


class TokenUbahMixin:
    """Adds the hidden `versi` field. `versi=`: the version of what the form shows (default: its instance's)."""

    def __init__(self, *args, versi: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["versi"] = forms.CharField(required=False, widget=forms.HiddenInput)
        if versi is None and not self.is_bound:  # a bound form shows the version it was submitted with
            versi = token_objek(getattr(self, "instance", None))
        if versi is not None:
            self.initial.setdefault("versi", versi)

    def token_dimuat(self) -> str | None:
        """The version the submitted form was loaded from; None (no check) when the request carries none."""
        return (self.cleaned_data.get("versi") or "").strip() or None
