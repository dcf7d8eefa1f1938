from django.apps import AppConfig


class ImporConfig(AppConfig):
    """Excel round trip of one unit's year: sheets, workbook, import service (large imports by task), `import_sakip`."""

    name = "impor"
