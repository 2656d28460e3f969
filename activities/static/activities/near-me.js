// "Use my location": fills the hidden lat/lon fields of the filter form from the
// browser's location and submits it. Without JavaScript the postcode field does the same.
(function () {
  "use strict";
  var button = document.querySelector("[data-use-my-location]");
  if (!button || !navigator.geolocation) return;
  var status = document.querySelector("[data-location-status]");
  button.addEventListener("click", function () {
    status.textContent = button.dataset.busy;
    navigator.geolocation.getCurrentPosition(
      function (position) {
        var form = button.form;
        form.elements.lat.value = position.coords.latitude.toFixed(5);
        form.elements.lon.value = position.coords.longitude.toFixed(5);
        form.elements.postcode.value = "";
        form.submit();
      },
      function () {
        status.textContent = button.dataset.failed;
      },
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 }
    );
  });
})();
