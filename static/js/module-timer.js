// Keeps the server's count of time on a module while the page is visible, and says how long is left.
// The server measures the time; this only tells it the learner is still here, once a minute.
(function () {
  "use strict";
  var box = document.querySelector("[data-module-timer]");
  if (!box) { return; }
  var message = box.querySelector("[data-time-message]");
  var announcedDone = Number(box.dataset.secondsLeft) === 0;

  function beat() {
    if (document.visibilityState !== "visible") { return; }
    fetch(box.dataset.heartbeatUrl, {
      method: "POST",
      headers: { "X-CSRFToken": box.dataset.csrf, "X-Requested-With": "fetch" },
      credentials: "same-origin"
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        if (data.seconds_left > 0) {
          var minutes = Math.ceil(data.seconds_left / 60);
          message.textContent = "Spend about " + minutes + " more minute" + (minutes === 1 ? "" : "s") +
            " on this module before you complete it. Your time is saved as you go.";
        } else if (!announcedDone) {
          announcedDone = true;
          message.textContent = "You have spent the minimum time on this module: you can mark it complete.";
        }
      })
      .catch(function () { /* offline: the next beat or the completion request will count the time */ });
  }

  window.setInterval(beat, 60000);
  document.addEventListener("visibilitychange", beat);
})();
