/* The members' map: Leaflet (self-hosted) with the operator's tiles, or none (points on a plain
   background; the table under the map always lists the same groups). No data leaves the page. */
(function () {
  "use strict";
  function start() {
    var el = document.getElementById("cx-map");
    var data = document.getElementById("cx-map-points");
    if (!el || !data || typeof L === "undefined") return;
    var points = JSON.parse(data.textContent);
    el.classList.add("cx-map--on");
    var map = L.map(el, { worldCopyJump: true, scrollWheelZoom: false }).setView([45, 60], 2);
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { maxZoom: 12, attribution: el.dataset.attribution || "" }).addTo(map);
    } else {
      el.classList.add("cx-map--no-tiles");
    }
    var max = points.reduce(function (m, p) { return Math.max(m, p.count); }, 1);
    var bounds = [];
    points.forEach(function (p) {
      var radius = 6 + 18 * Math.sqrt(p.count / max);
      L.circleMarker([p.lat, p.lng], { radius: radius, weight: 1, color: "#154466", fillColor: "#1f5f8b", fillOpacity: 0.55 })
        .bindTooltip(p.city + ", " + p.country + ": " + p.count + " " + el.dataset.membersLabel)
        .addTo(map);
      bounds.push([p.lat, p.lng]);
    });
    if (bounds.length > 1) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 5 });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
