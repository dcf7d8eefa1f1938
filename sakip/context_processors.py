from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from indikator.akses import peran_pengguna
from indikator.enums import Peran

# (url name, label): shown to signed-in users when the url exists.
MENU = [
    ("dasbor:utama", _("Dasbor")),
    ("kerja:utama", _("Ruang kerja")),
    ("kerja:evaluasi_beranda", _("Evaluasi AKIP")),
]


def menu(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"menu_sakip": []}
    item = []
    for nama, label in MENU:
        try:
            item.append({"url": reverse(nama), "label": label})
        except NoReverseMatch:
            continue
    peran = peran_pengguna(request.user)
    if Peran.AUDITOR in peran or Peran.ADMINISTRATOR in peran:
        item.append({"url": reverse("kerja:tl_antrean"), "label": _("Verifikasi tindak lanjut")})
    if Peran.ADMINISTRATOR in peran or Peran.PIMPINAN in peran:
        item.append({"url": reverse("kerja:admin_unit"), "label": _("Administrasi")})
    return {"menu_sakip": item}
