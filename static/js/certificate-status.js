// Polls the certificate's status until it is issued or failed, then reloads to show the result.
// The status region is aria-live, so screen readers hear the change.
(function () {
  "use strict";
  var box = document.getElementById("certificate-status");
  if (!box) { return; }
  var delay = 1000;
  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data && data.status !== box.dataset.status && data.status !== "rendering") {
          window.location.reload();
          return;
        }
        delay = Math.min(delay * 1.5, 5000);
        window.setTimeout(poll, delay);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, delay);
})();
