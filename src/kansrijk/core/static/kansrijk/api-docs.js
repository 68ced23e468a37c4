// The API documentation page. Swagger UI puts a deep link (<a href>) inside each operation's toggle
// button: a link nested in a button, which keyboard and screen-reader users cannot reach reliably
// (WCAG 4.1.2). Remove those hrefs as Swagger UI renders, so the button is the one control.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root) { return; }
  function unnest() {
    root.querySelectorAll(".opblock-summary-control a[href]").forEach(function (link) {
      link.removeAttribute("href");
    });
  }
  new MutationObserver(unnest).observe(root, { childList: true, subtree: true });
  unnest();
})();
