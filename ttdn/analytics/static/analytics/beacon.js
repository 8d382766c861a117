/* TTĐN visit statistics: count this page load and refresh the figures.
   Pages may come from a cache; this request is what counts them. Without
   JavaScript, the <noscript> image in the widget counts the page instead. */
(function () {
  "use strict";
  var box = document.getElementById("visit-stats");
  if (!box || !window.fetch) {
    if (box) { new Image().src = box.getAttribute("data-beacon"); }
    return;
  }
  var url = box.getAttribute("data-beacon");

  function show(data) {
    if (!data || !data.display) { return; }
    Object.keys(data.display).forEach(function (name) {
      var cell = box.querySelector('[data-stat="' + name + '"]');
      if (cell) { cell.textContent = data.display[name]; }
    });
    if (data.views_display !== undefined) {
      var views = document.querySelectorAll("[data-page-views]");
      for (var i = 0; i < views.length; i++) { views[i].textContent = data.views_display; }
    }
    box.setAttribute("data-updated", "1");
  }

  function send() {
    fetch(url, {
      method: "POST",
      credentials: "omit",
      cache: "no-store",
      keepalive: true,
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(show, function () { /* offline: the figures stay as rendered */ });
  }

  // A prerendered page is counted when the reader actually opens it.
  if (document.prerendering) {
    document.addEventListener("prerenderingchange", send, { once: true });
  } else {
    send();
  }
})();
