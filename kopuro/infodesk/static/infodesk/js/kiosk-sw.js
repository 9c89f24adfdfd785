// Kopuro kiosk service worker: keeps everything in the terminal's content manifest
// (pages, audio, QR codes, styles) in a cache named after the manifest's version, answers
// from that cache first, and when the network is back fetches the manifest again and, when
// its version changed, caches the new set before dropping the old one.
"use strict";
var CODE = new URL(self.location).searchParams.get("code") || "";
var PREFIX = "kopuro-kiosk-" + CODE + "-";
var MANIFEST = "/kiosk/" + encodeURIComponent(CODE) + "/manifest.json";

function currentCache() {
  return caches.keys().then(function (keys) {
    var mine = keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== PREFIX + "incoming"; });
    return mine.length ? mine[mine.length - 1] : null;
  });
}

function precache() {
  return fetch(MANIFEST, { cache: "no-store" }).then(function (r) {
    if (!r.ok) throw new Error("manifest " + r.status);
    return r.json();
  }).then(function (manifest) {
    var name = PREFIX + manifest.version;
    return caches.has(name).then(function (has) {
      if (has) return manifest.version;
      return caches.delete(PREFIX + "incoming").then(function () { return caches.open(PREFIX + "incoming"); }).then(function (cache) {
        return Promise.all(manifest.urls.map(function (url) {
          return fetch(url, { cache: "no-store", credentials: "omit" }).then(function (resp) {
            if (resp.ok) return cache.put(url, resp);
          }).catch(function () {});
        })).then(function () { return cache; });
      }).then(function (incoming) {
        // Copy the complete set under its version's name, then forget the older versions.
        return caches.open(name).then(function (target) {
          return incoming.keys().then(function (reqs) {
            return Promise.all(reqs.map(function (req) {
              return incoming.match(req).then(function (resp) { return target.put(req, resp); });
            }));
          });
        });
      }).then(function () {
        return caches.keys().then(function (keys) {
          return Promise.all(keys.filter(function (k) {
            return k.indexOf(PREFIX) === 0 && k !== name;
          }).map(function (k) { return caches.delete(k); }));
        });
      }).then(function () { return manifest.version; });
    });
  });
}

function tell(version) {
  return self.clients.matchAll().then(function (clients) {
    clients.forEach(function (c) { c.postMessage({ type: "ready", version: version }); });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(precache().catch(function () {}).then(function () { return self.skipWaiting(); }));
});
self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});
self.addEventListener("message", function (event) {
  var type = event.data && event.data.type;
  if (type === "update") {
    event.waitUntil(precache().then(tell).catch(function () {}));
  } else if (type === "status") {
    event.waitUntil(currentCache().then(function (name) {
      if (name && name !== PREFIX + "incoming") return tell(name.slice(PREFIX.length));
      return precache().then(tell);
    }).catch(function () {}));
  }
});

function ranged(request, response) {
  // Media elements ask for byte ranges; answer them from the cached whole file.
  var range = request.headers.get("range");
  var m = range && range.match(/bytes=(\d+)-(\d*)/);
  if (!m) return response;
  return response.arrayBuffer().then(function (buf) {
    var start = +m[1], end = m[2] ? Math.min(+m[2], buf.byteLength - 1) : buf.byteLength - 1;
    return new Response(buf.slice(start, end + 1), {
      status: 206,
      headers: {
        "Content-Type": response.headers.get("Content-Type") || "application/octet-stream",
        "Content-Range": "bytes " + start + "-" + end + "/" + buf.byteLength,
        "Content-Length": String(end - start + 1),
        "Accept-Ranges": "bytes"
      }
    });
  });
}

self.addEventListener("fetch", function (event) {
  var req = event.request, url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.indexOf("/kiosk/api/") === 0 || url.pathname === MANIFEST) return;
  event.respondWith(currentCache().then(function (name) {
    var lookup = name ? caches.open(name).then(function (c) { return c.match(url.pathname + url.search); }) : Promise.resolve(null);
    return lookup.then(function (hit) {
      if (hit) return ranged(req, hit);
      return fetch(req).catch(function () {
        if (req.mode === "navigate" && name) {
          return caches.open(name).then(function (c) { return c.match("/kiosk/" + encodeURIComponent(CODE) + "/"); });
        }
        return Response.error();
      });
    });
  }));
});
