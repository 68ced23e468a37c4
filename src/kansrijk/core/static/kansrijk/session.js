// Idle-session warning: shows a dialog before the server ends an idle session, and lets the user
// stay signed in. The server enforces the timeout; this script only warns. No inline script (CSP).
(function () {
  "use strict";
  var body = document.body;
  var idle = parseInt(body.dataset.sessionIdle || "0", 10);
  var warnAfter = parseInt(body.dataset.sessionWarning || "0", 10);
  var statusUrl = body.dataset.sessionUrl;
  var loginUrl = body.dataset.logoutUrl;
  var dialog = document.getElementById("kr-session-dialog");
  if (!idle || !dialog || !statusUrl) { return; }
  var stay = document.getElementById("kr-session-stay");
  var left = document.getElementById("kr-session-left");
  var warnTimer, endTimer, tick;
  var csrf = (document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/) || [])[1] ||
    (JSON.parse(body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || "");

  function fmt(seconds) {
    var m = Math.floor(seconds / 60), s = seconds % 60;
    var nl = document.documentElement.lang !== "en";
    if (m > 0) { return m + (nl ? " min " : " min ") + s + (nl ? " sec" : " s"); }
    return s + (nl ? " seconden" : " seconds");
  }
  function schedule() {
    clearTimeout(warnTimer); clearTimeout(endTimer); clearInterval(tick);
    var started = Date.now();
    warnTimer = setTimeout(function () {
      if (!dialog.open) { dialog.showModal(); stay.focus(); }
      tick = setInterval(function () {
        var rest = Math.max(0, idle - Math.round((Date.now() - started) / 1000));
        left.textContent = fmt(rest);
      }, 1000);
    }, warnAfter * 1000);
    endTimer = setTimeout(function () {
      window.location.href = loginUrl + "?next=" + encodeURIComponent(window.location.pathname);
    }, idle * 1000 + 1000);
  }
  stay.addEventListener("click", function () {
    fetch(statusUrl, { method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": csrf } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (!data.authenticated) { window.location.href = loginUrl; return; }
        dialog.close(); schedule();
      });
  });
  document.body.addEventListener("htmx:afterRequest", schedule);
  schedule();
})();
