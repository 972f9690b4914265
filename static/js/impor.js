// The progress of an import job, refreshed without reloading the page; the page reloads once
// the job has moved on (checked, written, failed). Without JavaScript a <meta refresh> does it.
(function () {
  var kotak = document.getElementById("kemajuan");
  if (!kotak || !kotak.dataset.berjalan) return;
  var bar = document.getElementById("kemajuan-bar");
  var teks = document.getElementById("kemajuan-teks");
  var label = document.getElementById("kemajuan-label");
  var awal = null;
  function tanya() {
    fetch(kotak.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (!d) return;
        if (awal === null) awal = d.keadaan;
        if (!d.berjalan || d.keadaan !== awal) { window.location.reload(); return; }
        if (bar) { bar.value = d.persen; bar.textContent = d.persen + "%"; }
        if (label) label.textContent = d.label;
        if (teks) teks.textContent = d.teks;
        window.setTimeout(tanya, 1500);
      })
      .catch(function () { window.setTimeout(tanya, 5000); });
  }
  window.setTimeout(tanya, 1000);
})();
