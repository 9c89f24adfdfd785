/* The organisations' map: the vendored Leaflet with the operator's tiles, or none (points on
   a plain background). The list under it always shows the same organisations. */
(function () {
  "use strict";
  function start() {
    var el = document.getElementById("lr-map");
    var data = document.getElementById("lr-map-points");
    if (!el || !data || typeof L === "undefined") return;
    var points = JSON.parse(data.textContent);
    el.classList.add("cx-map--on");
    var map = L.map(el, { worldCopyJump: true, scrollWheelZoom: false }).setView([45, 60], 2);
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { maxZoom: 14, attribution: el.dataset.attribution || "" }).addTo(map);
    } else {
      el.classList.add("cx-map--no-tiles");
    }
    var bounds = [];
    points.forEach(function (p) {
      var link = document.createElement("a");
      link.href = p.url;
      link.textContent = p.name;
      L.circleMarker([p.lat, p.lng], { radius: 8, weight: 1, color: "#154466", fillColor: "#1f5f8b", fillOpacity: 0.7 })
        .bindPopup(link)
        .bindTooltip(p.name + (p.city ? " (" + p.city + ")" : ""))
        .addTo(map);
      bounds.push([p.lat, p.lng]);
    });
    if (bounds.length > 1) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 6 });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
