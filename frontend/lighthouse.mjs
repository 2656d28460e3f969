// `make lighthouse`: serves the site as production would (DEBUG off, WhiteNoise serving the
// hashed, compressed files of collectstatic) and runs Lighthouse on a phone: mobile form factor,
// simulated throttling (Lighthouse's defaults), with Debian's Chromium. Each page is run RUNS
// times (3) because single runs wander by several points; the medians are printed as JSON.
// The Makefile prepares the database and static files and passes the settings in the environment.
//
//   PORT (8765)  RUNS (3)  PYTHON (.venv/bin/python)  CHROME_PATH (/usr/bin/chromium)
//   PAGES: more paths to run, space-separated, e.g. "/ar/ /ti/activiteiten/"
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.PORT || 8765);
const runs = Number(process.env.RUNS || 3);
const python = process.env.PYTHON || join(root, ".venv", "bin", "python");
const chromePath = process.env.CHROME_PATH || "/usr/bin/chromium";
const reports = join(root, ".lighthouse");
const base = `http://127.0.0.1:${port}`;
const chromeFlags = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];

// Real pages from the demo data: the first activity (with dates) and welkomhuis in the tree.
function discoverPages() {
  const code = `
import json
from activities.models import ActivityPage
from locations.models import LocationPage
activity = ActivityPage.objects.live().public().filter(occurrences__isnull=False).order_by("path").first()
location = LocationPage.objects.live().public().order_by("path").first()
from django.conf import settings
print(json.dumps({"activity": activity.url, "welkomhuis": location.url, "tiles": settings.MAP_TILE_URL}))
`;
  const out = spawnSync(python, ["manage.py", "shell", "-c", code], { cwd: root, encoding: "utf8" });
  if (out.status !== 0) throw new Error(`finding the pages failed:\n${out.stderr}`);
  const found = JSON.parse(out.stdout.trim().split("\n").pop());
  return {
    pages: [
      { name: "home", path: "/", map: false },
      { name: "activiteiten", path: "/activiteiten/", map: false },
      { name: "activity", path: found.activity, map: true },
      { name: "welkomhuis", path: found.welkomhuis, map: true },
      ...(process.env.PAGES || "").split(/\s+/).filter(Boolean).map((path) => ({ name: path, path, map: null })),
    ],
    tiles: `${new URL(found.tiles.replace(/[{}]/g, "")).origin}/*`,
  };
}

async function waitForServer(server) {
  for (let i = 0; i < 100; i++) {
    if (server.exitCode !== null) throw new Error("the server stopped; see .lighthouse/server.log");
    try {
      const response = await fetch(`${base}/`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the server did not answer within 20 s");
}

// Chromium now and then records no navigation start (NO_NAVSTART) and Lighthouse gives up on
// the run; a second attempt goes through.
function lighthouse(url, outputPath, blocked, attempts = 3) {
  const result = spawnSync(
    process.execPath,
    [
      join(root, "node_modules", "lighthouse", "cli", "index.js"), url,
      "--quiet", "--output=json", "--output=html", `--output-path=${outputPath}`,
      "--form-factor=mobile", "--throttling-method=simulate",
      `--chrome-flags=${chromeFlags.join(" ")}`,
      ...blocked.map((pattern) => `--blocked-url-patterns=${pattern}`),
    ],
    { cwd: root, encoding: "utf8", env: { ...process.env, CHROME_PATH: chromePath } },
  );
  if (result.status !== 0) {
    if (attempts > 1) {
      process.stderr.write(`lighthouse failed on ${url}, trying again: ${result.stderr.trim().split("\n")[0]}\n`);
      return lighthouse(url, outputPath, blocked, attempts - 1);
    }
    throw new Error(`lighthouse failed on ${url}:\n${result.stderr}`);
  }
  return JSON.parse(readFileSync(`${outputPath}.report.json`, "utf8"));
}

// The figures of one run. Bytes are what went over the wire (compressed).
function figures(lhr) {
  const score = (id) => Math.round(lhr.categories[id].score * 100);
  const requests = lhr.audits["network-requests"].details.items;
  const bytes = (keep) => requests.filter(keep).reduce((sum, r) => sum + (r.transferSize || 0), 0);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    "best-practices": score("best-practices"),
    seo: score("seo"),
    transfer_bytes: bytes(() => true),
    js_bytes: bytes((r) => r.resourceType === "Script"),
    requests: requests.length,
    // What keeps a score down: audits that count for a category and did not pass.
    failing: Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && !["informative", "manual", "notApplicable"].includes(a.scoreDisplayMode))
      .map((a) => a.id),
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  mkdirSync(reports, { recursive: true });
  // Map tiles are left out of the goals, and this machine cannot reach the tile server: they
  // are blocked, which Lighthouse does not count as console errors (failed look-ups it does).
  const { pages, tiles } = discoverPages();
  // Another checkout's server on the port would answer in place of ours.
  if (await fetch(`${base}/`).then(() => true, () => false)) {
    throw new Error(`something already listens on port ${port}; set LIGHTHOUSE_PORT`);
  }
  const log = [];
  const server = spawn(python, ["manage.py", "runserver", "--noreload", `127.0.0.1:${port}`], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.on("data", (d) => log.push(d));
  server.stderr.on("data", (d) => log.push(d));
  const stop = () => {
    if (server.exitCode === null) server.kill("SIGTERM");
    writeFileSync(join(reports, "server.log"), Buffer.concat(log));
  };
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });
  try {
    await waitForServer(server);
    const summary = {};
    for (const page of pages) {
      const perRun = [];
      for (let i = 1; i <= runs; i++) {
        perRun.push(figures(lighthouse(base + page.path, join(reports, `${page.name.replace(/^\/|\/$/g, "").replace(/\//g, "_") || "root"}-${i}`), [tiles])));
      }
      const result = { url: page.path, map: page.map };
      for (const key of Object.keys(perRun[0]).filter((k) => k !== "failing")) {
        result[key] = median(perRun.map((r) => r[key]));
      }
      // Failing in at least half of the runs, so one noisy run does not list an audit.
      const counts = {};
      for (const id of perRun.flatMap((r) => r.failing)) counts[id] = (counts[id] || 0) + 1;
      result.failing = Object.keys(counts).filter((id) => counts[id] * 2 >= runs).sort();
      summary[page.name] = result;
      process.stderr.write(`${page.name}: ${JSON.stringify(result)}\n`);
    }
    summary.blocked = [tiles];
    writeFileSync(join(reports, "summary.json"), JSON.stringify(summary, null, 2));
    console.log(JSON.stringify(summary, null, 2));
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
