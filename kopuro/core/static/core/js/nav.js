// The menu's groups are <details> and work without this file. With it, on wide screens, opening
// one group closes the others, and a click elsewhere or Escape closes an open one.
(function () {
  var groups = Array.prototype.slice.call(document.querySelectorAll("details.nav-group"));
  if (!groups.length) return;
  var wide = window.matchMedia("(min-width: 72rem)");
  function closeAll(except) {
    groups.forEach(function (g) { if (g !== except) g.open = false; });
  }
  groups.forEach(function (g) {
    g.addEventListener("toggle", function () { if (g.open && wide.matches) closeAll(g); });
  });
  document.addEventListener("click", function (event) {
    if (!wide.matches) return;
    if (!groups.some(function (g) { return g.contains(event.target); })) closeAll(null);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = groups.filter(function (g) { return g.open; })[0];
    if (open) { open.open = false; open.querySelector("summary").focus(); }
  });
})();
