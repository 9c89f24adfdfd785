// "Use my location" on the hotlines page: fills the hidden lat/lng fields and submits.
// Without JavaScript (or without permission) the city choice does the same job.
(function () {
  var button = document.getElementById("id-locate");
  if (!button || !navigator.geolocation) return;
  var form = button.form, status = document.getElementById("id-locate-status");
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = "…";
    navigator.geolocation.getCurrentPosition(
      function (pos) {
        form.elements.lat.value = pos.coords.latitude.toFixed(3);
        form.elements.lng.value = pos.coords.longitude.toFixed(3);
        form.elements.near.value = "";
        form.submit();
      },
      function () { status.textContent = button.dataset.denied || ""; },
      { timeout: 10000, maximumAge: 600000 }
    );
  });
})();
