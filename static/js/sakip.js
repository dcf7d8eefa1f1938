/* Site-wide behaviour, loaded once by base.html (defer). Templates carry no inline handlers (no on…= attributes,
   no executable inline <script>), so a Content-Security-Policy without 'unsafe-inline' for scripts can be set;
   they mark elements with data-* attributes and the listeners below (event delegation on document) act on them.
     data-kirim-otomatis       on a <select>: submits its form when the choice changes.
     data-konfirmasi="pesan"   on a <form>: asks before submitting; on a button/link: asks before the click acts. */
(function () {
  "use strict";

  document.addEventListener("change", function (e) {
    var el = e.target;
    if (el instanceof Element && el.hasAttribute("data-kirim-otomatis") && el.form) el.form.submit();
  });

  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (form instanceof HTMLFormElement && form.hasAttribute("data-konfirmasi")) {
      if (!window.confirm(form.getAttribute("data-konfirmasi"))) e.preventDefault();
    }
  });

  document.addEventListener("click", function (e) {
    if (!(e.target instanceof Element)) return;
    var el = e.target.closest("[data-konfirmasi]:not(form)");
    if (el && !window.confirm(el.getAttribute("data-konfirmasi"))) e.preventDefault();
  });
})();
