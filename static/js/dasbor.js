/* Dashboard charts (issue #5): draws Chart.js charts from the JSON embedded by the page (json_script).
   No number is computed here; the page's data builder gives every value. */
(function () {
  "use strict";
  if (typeof Chart === "undefined") return;
  var angka = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 });
  var rupiah = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });
  var BIRU = "#0b4f8a", ABU = "#9e9e9e", ORANYE = "#f0a30a";
  Chart.defaults.font.family = '"DejaVu Sans", "Segoe UI", Arial, sans-serif';
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.animation = false;
  window.grafikSakip = [];

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  function gambar(id, konfigurasi) {
    var kanvas = document.getElementById(id);
    if (!kanvas) return null;
    var c = new Chart(kanvas, konfigurasi);
    window.grafikSakip.push(c);
    return c;
  }
  function persen(v) { return v === null || v === undefined ? "–" : angka.format(v) + " %"; }
  function skalaPersen(extra) {
    var s = { beginAtZero: true, ticks: { callback: function (v) { return angka.format(v) + " %"; } } };
    return Object.assign(s, extra || {});
  }
  function tooltipPersen(ctx) { return (ctx.dataset.label ? ctx.dataset.label + ": " : "") + persen(ctx.parsed.y); }
  var garis100 = {
    id: "garis100",
    afterDraw: function (chart) {
      var y = chart.scales.y;
      if (!y || chart.options.plugins.garis100 === false || y.max < 100) return;
      var ctx = chart.ctx, py = y.getPixelForValue(100);
      ctx.save(); ctx.strokeStyle = "#c62828"; ctx.setLineDash([4, 4]); ctx.beginPath();
      ctx.moveTo(chart.chartArea.left, py); ctx.lineTo(chart.chartArea.right, py); ctx.stroke(); ctx.restore();
    }
  };

  var d = data("data-dasbor");
  if (d) {
    gambar("grafik-perspektif", {
      type: "bar",
      data: { labels: d.perspektif.label, datasets: [{ label: "NPS", data: d.perspektif.nilai, backgroundColor: d.perspektif.warna }] },
      options: { plugins: { legend: { display: false }, tooltip: { callbacks: { label: tooltipPersen } } }, scales: { y: skalaPersen() } },
      plugins: [garis100]
    });
    gambar("grafik-indikator", {
      type: "bar",
      data: {
        labels: d.indikator.label,
        datasets: [
          { label: d.teks.tahun_ini, data: d.indikator.capaian, backgroundColor: d.indikator.warna },
          { label: d.teks.tahun_lalu, data: d.indikator.lalu, backgroundColor: "rgba(120,120,120,.35)" }
        ]
      },
      options: {
        plugins: { tooltip: { callbacks: { title: function (i) { return d.indikator.nama[i[0].dataIndex]; }, label: tooltipPersen } } },
        scales: { y: skalaPersen() }
      },
      plugins: [garis100]
    });
    gambar("grafik-progres", {
      type: "bar",
      data: {
        labels: d.progres.label,
        datasets: [{ label: d.teks.rata_rata, data: d.progres.rata_rata, backgroundColor: BIRU }]
      },
      options: {
        plugins: {
          tooltip: { callbacks: { label: tooltipPersen, afterLabel: function (ctx) {
            return d.progres.memenuhi[ctx.dataIndex] + " / " + d.progres.diukur[ctx.dataIndex] + " " + d.teks.memenuhi;
          } } }
        },
        scales: { y: skalaPersen() }
      },
      plugins: [garis100]
    });
    var seri = [{ label: d.teks.realisasi, data: d.serapan.realisasi, borderColor: BIRU, backgroundColor: BIRU, tension: 0.2 }];
    if (d.serapan.rencana.length) {
      seri.push({ label: d.teks.rencana, data: d.serapan.rencana, borderColor: ORANYE, backgroundColor: ORANYE, borderDash: [6, 4], tension: 0.2 });
    }
    gambar("grafik-serapan", {
      type: "line",
      data: { labels: d.serapan.label, datasets: seri },
      options: { plugins: { garis100: false, tooltip: { callbacks: { label: tooltipPersen } } }, scales: { y: skalaPersen({ max: 100 }) } }
    });
    gambar("grafik-program", {
      type: "bar",
      data: {
        labels: d.program.label,
        datasets: [
          { label: d.teks.pagu, data: d.program.pagu, backgroundColor: "rgba(11,79,138,.35)" },
          { label: d.teks.realisasi, data: d.program.realisasi, backgroundColor: BIRU }
        ]
      },
      options: {
        plugins: { tooltip: { callbacks: {
          title: function (i) { return d.program.nama[i[0].dataIndex]; },
          label: function (ctx) { return ctx.dataset.label + ": Rp " + rupiah.format(ctx.parsed.y); },
          afterBody: function (i) { return d.teks.serapan + ": " + persen(d.program.serapan[i[0].dataIndex]); }
        } } },
        scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return "Rp " + rupiah.format(v / 1e6) + " " + d.teks.juta; } } } }
      }
    });
    gambar("grafik-efisiensi", {
      type: "bar",
      data: {
        labels: d.efisiensi.label,
        datasets: [
          { type: "bar", label: "IE", data: d.efisiensi.ie, backgroundColor: d.efisiensi.ie.map(function (v, i) { return v !== null && v >= d.efisiensi.se[i] ? "#1b7f3b" : "#c62828"; }) },
          { type: "line", label: "SE", data: d.efisiensi.se, borderColor: ORANYE, pointRadius: 0, borderDash: [6, 4] }
        ]
      },
      options: {
        plugins: { tooltip: { callbacks: { title: function (i) { return d.efisiensi.nama[i[0].dataIndex]; },
          label: function (ctx) { return ctx.dataset.label + ": " + angka.format(ctx.parsed.y); } } } },
        scales: { y: { beginAtZero: true } }
      }
    });
    gambar("grafik-akip", {
      type: "line",
      data: { labels: d.akip.label, datasets: [{ label: d.teks.nilai_akip, data: d.akip.nilai, borderColor: BIRU, backgroundColor: BIRU }] },
      options: {
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: function (ctx) {
          return angka.format(ctx.parsed.y) + " (" + d.akip.predikat[ctx.dataIndex] + ")";
        } } } },
        scales: { y: { suggestedMin: 0, suggestedMax: 100 } }
      }
    });
  }

  var r = data("data-rollup");
  if (r) {
    gambar("grafik-rollup", {
      type: "bar",
      data: {
        labels: r.label,
        datasets: [
          { label: r.teks.nko, data: r.nko, backgroundColor: r.warna },
          { label: r.teks.serapan, data: r.serapan, backgroundColor: "rgba(11,79,138,.35)" }
        ]
      },
      options: { plugins: { tooltip: { callbacks: { label: function (ctx) { return ctx.dataset.label + ": " + angka.format(ctx.parsed.y); } } } }, scales: { y: { beginAtZero: true } } },
      plugins: [garis100]
    });
  }

  var ind = data("data-indikator");
  if (ind) {
    gambar("grafik-triwulan", {
      type: "line",
      data: {
        labels: ind.triwulan.label,
        datasets: [
          { label: ind.teks.target_ra, data: ind.triwulan.target, borderColor: ORANYE, backgroundColor: ORANYE, borderDash: [6, 4] },
          { label: ind.teks.realisasi_kumulatif, data: ind.triwulan.realisasi, borderColor: BIRU, backgroundColor: BIRU }
        ]
      },
      options: { plugins: { garis100: false }, scales: { y: { beginAtZero: true, grace: "10%" } } }
    });
    gambar("grafik-riwayat", {
      type: "bar",
      data: {
        labels: ind.riwayat.label,
        datasets: [
          { type: "bar", label: ind.teks.target, data: ind.riwayat.target, backgroundColor: "rgba(11,79,138,.35)", yAxisID: "y" },
          { type: "bar", label: ind.teks.realisasi, data: ind.riwayat.realisasi, backgroundColor: BIRU, yAxisID: "y" },
          { type: "line", label: ind.teks.capaian, data: ind.riwayat.capaian, borderColor: "#1b7f3b", backgroundColor: "#1b7f3b", yAxisID: "y1" }
        ]
      },
      options: {
        scales: {
          y: { beginAtZero: true, grace: "10%", position: "left" },
          y1: { beginAtZero: true, grace: "10%", position: "right", grid: { drawOnChartArea: false }, ticks: { callback: function (v) { return angka.format(v) + " %"; } } }
        }
      }
    });
  }
})();
