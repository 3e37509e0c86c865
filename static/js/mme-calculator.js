// Progressive enhancement for the MME calculator: submit in place and announce the result.
// Without JavaScript the form submits to the calculator page, which does the same on the server.
(function () {
  "use strict";

  function bind(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      var url = form.action + "?" + new URLSearchParams(new FormData(form)).toString();
      button.disabled = true;
      button.textContent = "Calculating…";
      fetch(url, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var holder = document.createElement("div");
          holder.innerHTML = html;
          var fresh = holder.querySelector("[data-mme-form]");
          if (!fresh) { throw new Error("unexpected response"); }
          form.replaceWith(fresh);
          bind(fresh);
          var firstError = fresh.querySelector(".usa-input--error");
          if (firstError) { firstError.focus(); }
        })
        .catch(function () {
          form.submit();  // fall back to the full page, which always works
        });
    });
  }

  document.querySelectorAll("[data-mme-form]").forEach(bind);
})();
