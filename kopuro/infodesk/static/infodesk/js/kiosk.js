// Kopuro kiosk: idle reset, history-free navigation, text size, "was this helpful?",
// an anonymous event queue kept in localStorage and sent in batches with the terminal's token,
// a heartbeat, and the service worker that keeps the kiosk working offline.
// The kiosk's pages render and navigate without this script; it adds the rest.
(function () {
  "use strict";
  var body = document.body, root = document.documentElement, d = body.dataset;
  var code = d.terminal, lang = d.lang;
  var K = function (name) { return "kopuro-kiosk-" + name + ":" + code; };
  var MAX_BATCH = 200;

  function load(key, fallback) {
    try { var v = localStorage.getItem(key); return v ? JSON.parse(v) : fallback; } catch (e) { return fallback; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* full: drop */ }
  }
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  // The token arrives once in the address's fragment (#token=…), never sent to the server.
  var m = location.hash.match(/token=([A-Za-z0-9_-]+)/);
  if (m) {
    save(K("token"), m[1]);
    history.replaceState(null, "", location.pathname);
  }

  // --- Events -------------------------------------------------------------------------------
  function queue(event) {
    event.at = new Date().toISOString();
    event.lang = event.lang || lang;
    var q = load(K("queue"), []);
    if (q.length < 5000) q.push(event);
    save(K("queue"), q);
  }
  var sending = false;
  function flush() {
    var token = load(K("token"), null);
    if (sending || !token || !navigator.onLine) return;
    var pending = load(K("pending"), null);
    if (!pending) {
      var q = load(K("queue"), []);
      if (!q.length) return;
      // The batch keeps its id until the server has answered, so a resend is not counted twice.
      pending = { batch: uuid(), events: q.slice(0, MAX_BATCH) };
      save(K("pending"), pending);
      save(K("queue"), q.slice(MAX_BATCH));
    }
    sending = true;
    fetch(d.events, {
      method: "POST", cache: "no-store", credentials: "omit",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token },
      body: JSON.stringify(pending)
    }).then(function (r) {
      sending = false;
      if (r.ok || r.status === 400) {  // counted, a replay, or a batch that will never be valid
        localStorage.removeItem(K("pending"));
        if (r.ok && load(K("queue"), []).length) flush();
        root.dataset.kioskSent = String((+root.dataset.kioskSent || 0) + pending.events.length);
      }
    }, function () { sending = false; });
  }
  function heartbeat() {
    var token = load(K("token"), null);
    if (!token || !navigator.onLine) return;
    fetch(d.beat, {
      method: "POST", cache: "no-store", credentials: "omit",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token },
      body: JSON.stringify({ app_version: d.appVersion, content_version: load(K("version"), "") || "" })
    }).catch(function () {});
  }

  if (d.page !== "languages" && !sessionStorage.getItem("k-session")) {
    sessionStorage.setItem("k-session", "1");
    queue({ type: "session" });
  }
  if (d.page === "section" || d.page === "help") {
    queue({ type: "view", topic: d.topic, section: d.section || "" });
  }

  // --- Helpful --------------------------------------------------------------------------------
  var helpful = document.querySelector("[data-helpful]");
  if (helpful) {
    helpful.hidden = false;
    helpful.addEventListener("click", function (e) {
      var b = e.target.closest("[data-helpful-value]");
      if (!b) return;
      queue({ type: "helpful", topic: d.topic, section: d.section || "", helpful: b.dataset.helpfulValue === "yes" });
      helpful.querySelectorAll("button").forEach(function (x) { x.hidden = true; });
      helpful.querySelector("[data-helpful-thanks]").hidden = false;
      flush();
    });
  }

  // --- Text size ------------------------------------------------------------------------------
  var sizes = document.querySelector(".k-sizes");
  function applySize(n) {
    root.classList.remove("k-size-1", "k-size-2");
    if (n > 0) root.classList.add("k-size-" + n);
    if (sizes) sizes.querySelectorAll("[data-size]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(+b.dataset.size === n));
    });
  }
  applySize(+(sessionStorage.getItem("k-size") || 0));
  if (sizes) {
    sizes.hidden = false;
    sizes.addEventListener("click", function (e) {
      var b = e.target.closest("[data-size]");
      if (!b) return;
      sessionStorage.setItem("k-size", b.dataset.size);
      applySize(+b.dataset.size);
    });
  }

  // --- Navigation without history, and the idle reset ----------------------------------------
  document.addEventListener("click", function (e) {
    var a = e.target.closest("a[href]");
    if (!a || a.origin !== location.origin) return;
    e.preventDefault();
    location.replace(a.href);
  });
  var idleMs = (+d.idle || 90) * 1000, timer = null;
  function reset() {
    sessionStorage.clear();  // the session, the text size: nothing of this person stays
    if (location.pathname !== d.start) location.replace(d.start);
    else applySize(0);
  }
  function touch() { clearTimeout(timer); timer = setTimeout(reset, idleMs); }
  ["pointerdown", "keydown", "scroll", "touchstart"].forEach(function (t) {
    document.addEventListener(t, touch, { passive: true, capture: true });
  });
  var audio = document.querySelector("audio");
  if (audio) { audio.addEventListener("playing", touch); audio.addEventListener("timeupdate", touch); }
  touch();

  // --- Online, offline, the service worker ----------------------------------------------------
  function netState() { root.classList.toggle("k-is-offline", !navigator.onLine); }
  netState();
  window.addEventListener("offline", netState);
  window.addEventListener("online", function () { netState(); flush(); heartbeat(); checkUpdate(); });
  function checkUpdate() {
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({ type: "update" });
    }
  }
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.addEventListener("message", function (e) {
      if (e.data && e.data.type === "ready") {
        save(K("version"), e.data.version);
        root.dataset.kioskReady = e.data.version;
      }
    });
    navigator.serviceWorker.register(d.sw + "?code=" + encodeURIComponent(code), { scope: "/kiosk/" })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (reg) { (navigator.serviceWorker.controller || reg.active).postMessage({ type: "status" }); })
      .catch(function () {});
  }
  flush();
  setInterval(flush, 20000);
  heartbeat();
  setInterval(function () { heartbeat(); checkUpdate(); }, (+d.heartbeat || 300) * 1000);
})();
