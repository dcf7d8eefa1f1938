"""Month vocabulary: numbers, full Indonesian names, three-letter abbreviations. Pure; the floor of every app.

The names are plain Indonesian strings marked for translation (`gettext_noop`): the report prints them as they
are (dates: "1 Februari 2025"), screens translate them at use (`gettext(NAMA_BULAN[b - 1])`). The abbreviations
are also the column headers of the budget Excel sheet, a file format: written and read literally, never
translated there.
"""

from django.utils.translation import gettext_noop as N_

NOMOR_BULAN = range(1, 13)

NAMA_BULAN: tuple[str, ...] = (
    N_("Januari"),
    N_("Februari"),
    N_("Maret"),
    N_("April"),
    N_("Mei"),
    N_("Juni"),
    N_("Juli"),
    N_("Agustus"),
    N_("September"),
    N_("Oktober"),
    N_("November"),
    N_("Desember"),
)

SINGKATAN_BULAN: tuple[str, ...] = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("Mei"),
    N_("Jun"),
    N_("Jul"),
    N_("Agu"),
    N_("Sep"),
    N_("Okt"),
    N_("Nov"),
    N_("Des"),
)
