from django.apps import AppConfig


class ImporConfig(AppConfig):
    """Excel round trip of one unit's year (no models): sheets, workbook, import service, `import_sakip`."""

    name = "impor"
