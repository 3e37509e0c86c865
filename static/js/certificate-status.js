// Polls the certificate's status until it is issued or failed, then puts the new status into the
// page's live region in place (no reload), so screen readers announce it. Falls back to a reload.
(function () {
  "use strict";
  var box = document.getElementById("certificate-status");
  if (!box) { return; }
  var delay = 1000;

  function showLatest() {
    return fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var latest = new DOMParser().parseFromString(html, "text/html").getElementById("certificate-status");
        if (!latest) { return Promise.reject("no status region"); }
        box.innerHTML = latest.innerHTML;
        box.dataset.status = latest.dataset.status;
      })
      .catch(function () { window.location.reload(); });
  }

  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data && data.status !== box.dataset.status && data.status !== "rendering") {
          showLatest();
          return;
        }
        delay = Math.min(delay * 1.5, 5000);
        window.setTimeout(poll, delay);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, delay);
})();
