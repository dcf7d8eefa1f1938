"""Download responses for files in private storage, after the caller's access check.

Without SAKIP_SENDFILE_HEADER the app streams the file. With it the web server sends the file: "X-Accel-Redirect"
(nginx) gets the internal URL SAKIP_SENDFILE_PREFIX + the storage name, "X-Sendfile" (Apache) the absolute path.
"""

from __future__ import annotations

import mimetypes
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header

# Office types, whatever the machine's mime.types holds.
mimetypes.add_type("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")
mimetypes.add_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx")


def respons_unduhan(berkas, nama: str, *, pesan_hilang: str):
    """`berkas`: a FieldFile of private storage; `nama`: the download's file name."""
    header = settings.SAKIP_SENDFILE_HEADER
    if not berkas or not berkas.storage.exists(berkas.name):
        raise Http404(pesan_hilang)
    jenis = mimetypes.guess_type(nama)[0] or "application/octet-stream"
    if not header:
        return FileResponse(berkas.open("rb"), as_attachment=True, filename=nama, content_type=jenis)
    respons = HttpResponse(content_type=jenis)
    respons["Content-Disposition"] = content_disposition_header(True, nama)
    if header.lower() == "x-sendfile":
        respons[header] = berkas.path
    else:
        respons[header] = quote(settings.SAKIP_SENDFILE_PREFIX.rstrip("/") + "/" + berkas.name)
    return respons
