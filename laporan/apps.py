from django.apps import AppConfig


class LaporanConfig(AppConfig):
    name = "laporan"

    def ready(self):
        from indikator.periode import periode_disahkan
        from indikator.surel import kumpulkan_pengingat

        from .dinas import simpan_naskah_disahkan
        from .pengingat import pengingat_periodik

        periode_disahkan.connect(simpan_naskah_disahkan, dispatch_uid="laporan.naskah_disahkan")
        kumpulkan_pengingat.connect(pengingat_periodik, dispatch_uid="laporan.pengingat_periodik")
