// Wagtail admin: pick a welkomhuis's coordinates on a Leaflet map.
// Clicking the map or dragging the marker writes both inputs; typing in the
// inputs moves the marker. The inputs remain the source of truth.
(function () {
  "use strict";

  function round6(n) {
    return Math.round(n * 1e6) / 1e6;
  }

  function init(el) {
    if (el.dataset.ready) return;
    el.dataset.ready = "1";
    var latInput = document.getElementById(el.dataset.latitudeInput);
    var lngInput = latInput.form.elements[el.dataset.longitudeName];
    var config = JSON.parse(el.dataset.config);
    // The marker images by their collected (hashed) names; see locations/maps.py.
    L.Icon.Default.imagePath = "";
    L.Icon.Default.mergeOptions(config.icons);
    var map = L.map(el).setView(config.center, config.zoom);
    L.tileLayer(config.tiles, { attribution: config.attribution, maxZoom: 19 }).addTo(map);
    var marker = null;

    function write(latlng) {
      latInput.value = round6(latlng.lat).toFixed(6);
      lngInput.value = round6(latlng.lng).toFixed(6);
      latInput.dispatchEvent(new Event("change", { bubbles: true }));
      lngInput.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function place(latlng) {
      if (marker) {
        marker.setLatLng(latlng);
      } else {
        marker = L.marker(latlng, { draggable: true, keyboard: true }).addTo(map);
        marker.on("dragend", function () {
          write(marker.getLatLng());
        });
      }
    }

    function fromInputs() {
      var lat = parseFloat(latInput.value);
      var lng = parseFloat(lngInput.value);
      if (isFinite(lat) && isFinite(lng)) {
        place([lat, lng]);
        return true;
      }
      return false;
    }

    if (fromInputs()) map.setView(marker.getLatLng(), 16);
    map.on("click", function (e) {
      place(e.latlng);
      write(e.latlng);
    });
    latInput.addEventListener("change", fromInputs);
    lngInput.addEventListener("change", fromInputs);
    // The map may start in a hidden tab: redraw it once it gets a size.
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        map.invalidateSize();
      }).observe(el);
    }
  }

  function initAll() {
    document.querySelectorAll("[data-coordinate-picker]").forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  } else {
    initAll();
  }
})();
