/* Draws the dashboard's charts with the vendored Chart.js (UMD build, global
 * `Chart`). Each <canvas data-spec="ID"> reads its chart specification from the
 * JSON script element with that id; the same figures are in the table below it. */
(function () {
    "use strict";

    function draw() {
        if (typeof window.Chart === "undefined") {
            return;
        }
        window.Chart.defaults.maintainAspectRatio = false;
        if (window.matchMedia("(prefers-reduced-motion: reduce)").matches) {
            window.Chart.defaults.animation = false;
        }
        document.querySelectorAll("canvas[data-spec]").forEach(drawOne);
    }

    function drawOne(canvas) {
        var source = document.getElementById(canvas.getAttribute("data-spec"));
        if (!source) {
            return;
        }
        var spec = JSON.parse(source.textContent);
        spec.options = spec.options || {};
        spec.options.responsive = true;
        new window.Chart(canvas, spec);
    }

    // The admin loads page scripts before the page content.
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", draw);
    } else {
        draw();
    }
})();
