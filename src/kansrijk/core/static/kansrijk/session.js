// Idle-session warning: shows a dialog before the server ends an idle session, and lets the user
// stay signed in. The server enforces the timeout; this script only warns. No inline script (CSP).
// Before warning it asks the server how much time is left, so activity in another tab counts.
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
  var warnLead = Math.max(0, idle - warnAfter); // seconds before the end at which the warning shows
  var warnTimer, endTimer, tick;
  var csrf = (document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/) || [])[1] ||
    (JSON.parse(body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || "");

  function fmt(seconds) {
    var m = Math.floor(seconds / 60), s = seconds % 60;
    var nl = document.documentElement.lang !== "en";
    if (m > 0) { return m + " min " + s + (nl ? " sec" : " s"); }
    return s + (nl ? " seconden" : " seconds");
  }
  function toLogin() {
    window.location.href = loginUrl + "?next=" + encodeURIComponent(window.location.pathname);
  }
  function clear() { clearTimeout(warnTimer); clearTimeout(endTimer); clearInterval(tick); }
  function schedule(remaining) {
    clear();
    warnTimer = setTimeout(check, Math.max(0, remaining - warnLead) * 1000);
  }
  function warn(remaining) {
    var ends = Date.now() + remaining * 1000;
    left.textContent = fmt(remaining);
    if (!dialog.open) { dialog.showModal(); stay.focus(); }
    tick = setInterval(function () {
      left.textContent = fmt(Math.max(0, Math.round((ends - Date.now()) / 1000)));
    }, 1000);
    endTimer = setTimeout(toLogin, remaining * 1000 + 1000);
  }
  function check() {
    fetch(statusUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (!data.authenticated) { toLogin(); return; }
        if (data.seconds_left > warnLead + 5) { schedule(data.seconds_left); return; }
        warn(data.seconds_left);
      })
      .catch(function () { warn(warnLead); });
  }
  stay.addEventListener("click", function () {
    fetch(statusUrl, { method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": csrf } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (!data.authenticated) { toLogin(); return; }
        clear(); dialog.close(); schedule(data.seconds_left);
      });
  });
  document.body.addEventListener("htmx:afterRequest", function () { schedule(idle); });
  schedule(idle);
})();
