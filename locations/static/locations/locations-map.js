// Maps of welkomhuizen, drawn by django-leaflet's {% leaflet_map %} which
// calls these with the map. The features come from a <script type="application/json">
// in the page; the same places are always listed in the HTML next to the map.
(function () {
  "use strict";

  // Someone who asked their device for less motion gets maps that jump instead of glide.
  // Set before django-leaflet creates the maps (it waits for the page's load event).
  var reducedMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  if (reducedMotion) {
    L.Map.mergeOptions({ zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false, inertia: false });
  }

  // The marker images by their collected (hashed) names, from {% map_icons %}: Leaflet's own
  // guess at their folder fails on hashed names (see locations/maps.py).
  var icons = document.getElementById("map-icons");
  if (icons) {
    L.Icon.Default.imagePath = "";
    L.Icon.Default.mergeOptions(JSON.parse(icons.textContent));
  }

  // In Arabic and Farsi the page reads from the right: the zoom buttons go where reading starts.
  function mirrorControls(map) {
    if (document.documentElement.dir !== "rtl") return;
    if (map.zoomControl) map.zoomControl.setPosition("topright");
  }

  function features() {
    var el = document.getElementById("locations-geojson");
    return el ? JSON.parse(el.textContent) : { type: "FeatureCollection", features: [] };
  }

  function popup(properties) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = properties.name;
    var strong = document.createElement("strong");
    strong.appendChild(link);
    box.appendChild(strong);
    var meta = document.createElement("div");
    meta.textContent = properties.kind_label + " · " + properties.wijk;
    box.appendChild(meta);
    var address = document.createElement("div");
    address.textContent = properties.address;
    box.appendChild(address);
    if (properties.listing_url) {
      var listing = document.createElement("a");
      listing.href = properties.listing_url;
      listing.textContent = properties.listing_label;
      box.appendChild(listing);
    }
    return box;
  }

  function markers(data) {
    return L.geoJSON(data, {
      pointToLayer: function (feature, latlng) {
        var name = feature.properties.name;
        return L.marker(latlng, { title: name, alt: name, keyboard: true });
      },
      onEachFeature: function (feature, layer) {
        layer.bindPopup(popup(feature.properties));
      },
    });
  }

  window.welkomhuisMaps = {
    showLocations: function (map) {
      mirrorControls(map);
      var data = features();
      var layer = markers(data);
      // Markers close together are grouped into a numbered circle.
      // The radius keeps a pin (41 px above its point) off a neighbouring cluster's circle (20 px
      // around its centre): overlapping targets are hard to tap (WCAG 2.2 target size).
      var group = L.markerClusterGroup
        ? L.markerClusterGroup({ maxClusterRadius: 64, animate: !reducedMotion })
        : L.featureGroup();
      group.addLayer(layer);
      if (data.features.length) {
        // No zoom animation: cheap phones stutter, and a marker should be clickable at once.
        // Zoomed before the group is added, so clusters form once, at this zoom, instead of
        // forming at the default zoom and animating apart.
        map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: 15, animate: false });
      }
      map.addLayer(group);
      map.getContainer().setAttribute("aria-describedby", "map-hint");
    },
    showLocation: function (map) {
      mirrorControls(map);
      var layer = markers(features()).addTo(map);
      var bounds = layer.getBounds();
      if (bounds.isValid()) map.setView(bounds.getCenter(), 16, { animate: false });
    },
  };
})();
