// Builds static/ (git-ignored) from npm packages and frontend/:
//   static/css/site.css   Utrecht design tokens + the components we use + our own CSS
//   static/vendor/...     Leaflet.markercluster (Leaflet itself comes with django-leaflet)
// Only the components listed here are bundled, which keeps the CSS of a page small
// on a slow phone connection. Add a component when a template starts using it.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const nm = (...p) => join(root, "node_modules", ...p);
const out = (...p) => join(root, "static", ...p);

const components = [
  "document", "body", "page", "page-header", "page-footer", "page-content", "skip-link",
  "heading-1", "heading-2", "heading-3", "heading-4", "paragraph", "link", "link-list",
  "unordered-list", "ordered-list", "nav-bar", "nav-list", "button", "button-link",
  "form-field", "form-label", "form-fieldset", "form-field-description",
  "form-field-error-message", "textbox", "textarea", "select", "checkbox",
  "radio-button", "table", "data-list", "alert", "status-badge", "badge-list",
  "data-badge", "separator", "figure", "img", "breadcrumb-nav",
  "pagination", "alternate-lang-nav",
];

const parts = [
  readFileSync(nm("@utrecht", "design-tokens", "dist", "theme.css"), "utf8"),
  ...components.map((c) => readFileSync(nm("@utrecht", `${c}-css`, "dist", "index.css"), "utf8")),
  readFileSync(join(root, "frontend", "site.css"), "utf8"),
];
mkdirSync(out("css"), { recursive: true });
// Strip comments: the licence headers repeat in every component file.
const css = parts
  .join("\n")
  .replace(/\/\*[\s\S]*?\*\//g, "")
  .replace(/^\s+/gm, "")
  .replace(/\n+/g, "\n");
writeFileSync(out("css", "site.css"), css);

const cluster = nm("leaflet.markercluster", "dist");
mkdirSync(out("vendor", "markercluster"), { recursive: true });
// The .js.map goes along: collectstatic's manifest storage follows the sourceMappingURL
// comment and refuses to finish when the file it names is missing.
for (const f of ["leaflet.markercluster.js", "leaflet.markercluster.js.map", "MarkerCluster.css", "MarkerCluster.Default.css"]) {
  copyFileSync(join(cluster, f), out("vendor", "markercluster", f));
}
console.log(`static/css/site.css: ${(css.length / 1024).toFixed(1)} KiB from ${components.length} components`);
