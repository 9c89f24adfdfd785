/* Adds the reader's own time next to times shown in the office's (or an event's) time zone.
   Progressive enhancement: without JavaScript people see the office time, which is always there.
   Finds <time datetime="...Z" data-local-time> elements (kopuro.newsroom zoned_time tag). */
(function () {
  "use strict";
  if (!window.Intl || !Intl.DateTimeFormat) { return; }
  var lang = document.documentElement.lang || undefined;
  var readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var labels = { en: "your time", ru: "ваше время", ky: "сиздин убакыт" };
  var label = labels[(lang || "en").slice(0, 2)] || labels.en;
  // Written like the office's time beside it ("20 December 2026, 18:00"): day before month and a
  // 24-hour clock, not the US English default ("December 20, 2026 at 03:00 PM").
  var format = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang, {
    day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit",
    hourCycle: "h23"
  });
  function offsetMinutes(date, zone) {
    var parts = new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
      hour: "numeric", minute: "numeric"
    }).formatToParts(date);
    var get = function (type) { return Number(parts.find(function (p) { return p.type === type; }).value); };
    var asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
    return Math.round((asUtc - date.getTime()) / 60000);
  }
  document.querySelectorAll("time[data-local-time]").forEach(function (el) {
    var date = new Date(el.getAttribute("datetime"));
    if (isNaN(date.getTime())) { return; }
    var shown = el.querySelector(".zone");
    // Same offset as the zone already shown: nothing to add.
    var shownText = shown ? shown.textContent : "";
    var match = /UTC([+\u2212-])(\d+)(?::(\d\d))?/.exec(shownText);
    if (match) {
      var sign = match[1] === "+" ? 1 : -1;
      var shownOffset = sign * (Number(match[2]) * 60 + Number(match[3] || 0));
      try { if (offsetMinutes(date, readerZone) === shownOffset) { return; } } catch (e) { return; }
    }
    var extra = document.createElement("span");
    extra.className = "nr-yourtime";
    extra.textContent = " · " + format.format(date) + " (" + label + ")";
    el.insertAdjacentElement("afterend", extra);
  });
})();
