from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Reference, demo and scale data loaders (no models): `muat_referensi`, `buat_demo`, `buat_data_skala`."""

    name = "demo"
