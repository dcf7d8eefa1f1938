from django.apps import AppConfig


class LaporanConfig(AppConfig):
    name = "laporan"

    def ready(self):
        from indikator.periode import periode_disahkan

        from .dinas import simpan_naskah_disahkan

        periode_disahkan.connect(simpan_naskah_disahkan, dispatch_uid="laporan.naskah_disahkan")
