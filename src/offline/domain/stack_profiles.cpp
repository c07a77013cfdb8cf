// The base stacks of the catalogue (stack_catalog.hpp). Each is a complete,
// defensible choice for one kind of platform; licences are the projects'
// published ones. Feature add-ons (maps, messaging, ...) are layered on top in
// stack_catalog.cpp.
#include "offline/domain/stack_profiles.hpp"

namespace specwave::offline {

namespace {

StackPackage Pkg(std::string name, std::string policy, std::string licence, std::string purpose, std::string risk) {
  return {std::move(name), std::move(policy), std::move(licence), std::move(purpose), std::move(risk)};
}

const StackPackage kReact = Pkg("react, react-dom", "^18; minor updates monthly after the test suite passes", "MIT",
                                "UI components", "Low: widely used; major versions need a migration pass");
const StackPackage kVite =
    Pkg("vite", "^5; dev dependency, update monthly", "MIT", "Build and dev server", "Low: build-time only");
const StackPackage kTypeScript = Pkg("typescript", "~5.x; pin minor, update quarterly", "Apache-2.0",
                                     "Types shared by client and server", "Low: build-time only");
const StackPackage kFastify = Pkg("fastify", "^4; minor updates monthly", "MIT", "HTTP API server",
                                  "Low: active project; plugins must match the major version");
const StackPackage kPg = Pkg("pg (node-postgres)", "^8; minor updates monthly", "MIT", "PostgreSQL client",
                             "Low: mature; pool sizing must match the database's connection limit");
const StackPackage kZod = Pkg("zod", "^3; minor updates monthly", "MIT", "Request and sync payload validation",
                              "Low: schemas are shared, so a change breaks both sides at compile time");
const StackPackage kVitest = Pkg("vitest", "^1; dev dependency", "MIT", "Unit tests", "Low: test-time only");
const StackPackage kPlaywright =
    Pkg("@playwright/test", "^1; dev dependency, update with browsers", "Apache-2.0",
        "End-to-end tests in real browsers", "Medium: browser updates can make tests flaky");
const StackPackage kPostgres = Pkg("PostgreSQL server", "16.x; patch releases as published, major upgrade yearly",
                                   "PostgreSQL Licence", "Durable database", "Low: managed service with backups");

}  // namespace

StackProfile WebPwaProfile() {
  StackProfile s;
  s.id = "web-pwa-sqlite";
  s.summary =
      "Offline-first progressive web app: a React client with SQLite (WebAssembly) on the device, a small "
      "sync API on Node.js and PostgreSQL.";
  s.ui_element = "React function component";
  s.ui_file_pattern = "src/components/{Name}.tsx";
  s.offline_first = true;
  s.layers = {
      {"Client", "TypeScript 5 + React 18, built with Vite",
       "One codebase for phone and desktop browsers; components map one-to-one onto the design tokens."},
      {"Offline shell", "Service worker (Workbox) precaching the app shell",
       "The app must open with no connection once it has been loaded."},
      {"Local data", "SQLite compiled to WebAssembly (@sqlite.org/sqlite-wasm) on the Origin Private File System",
       "Plans are queried relationally on the device and survive reloads without a network."},
      {"Sync", "Outbox table and per-record revision numbers; the server merges",
       "Edits made offline reach the server in order, and conflicts are detected instead of silently lost."},
      {"API", "Node.js 20 LTS + Fastify 4, JSON over HTTPS",
       "A small sync and sharing API that shares its TypeScript types with the client."},
      {"Database", "PostgreSQL 16", "The durable copy of every shared record, with transactions for the sync merge."},
      {"Hosting", "Static CDN for the app shell, one container for the API",
       "The shell is static files; only sync and sharing need a server."},
  };
  s.rejected = {
      {"Native iOS and Android apps", "two codebases and store review for a product the brief defines as web"},
      {"Firebase / Firestore offline persistence",
       "vendor lock-in and no SQL on the device; export and migration get hard"},
      {"IndexedDB alone, without SQL", "every query and migration would be hand-written over a key-value store"},
  };
  s.consequences = {
      "Browsers may evict site storage: the app requests persistent storage and tells the user when it is refused.",
      "Two copies of the schema (SQLite on the device, PostgreSQL on the server) must migrate together.",
      "Sync conflicts need an explicit rule: per-field last-writer-wins, with the losing value kept in history.",
      "Service-worker updates need a 'reload to update' prompt so a tab never mixes two versions.",
  };
  s.packages = {
      kReact,
      kVite,
      kTypeScript,
      Pkg("workbox-window, workbox-build", "pin minor; update after an offline test run", "MIT",
          "Service worker precache and update flow", "Medium: a bad service worker serves stale code; test updates"),
      Pkg("@sqlite.org/sqlite-wasm", "pin exact; upgrade deliberately with a migration test",
          "Apache-2.0 (wrapper); SQLite itself is public domain", "SQLite database on the device",
          "Medium: OPFS support differs between browsers; keep an IndexedDB fallback"),
      kFastify,
      kPg,
      kZod,
      kVitest,
      kPlaywright,
      kPostgres};
  s.components = {
      {"App shell", "Routes, layout and the offline indicator; loads from the service-worker cache."},
      {"Local store", "The SQLite database on the device; the only store the UI reads."},
      {"Sync engine", "Sends the outbox, pulls changes since the last revision and applies the conflict rule."},
      {"Service worker", "Precaches the shell and retries sync when the connection returns."},
      {"Sync API", "Fastify endpoints for sync, sharing and the resources in api-spec.md."},
      {"Database", "PostgreSQL: the shared, durable copy of every record."},
  };
  s.data_flow = {
      "The UI writes to the local SQLite store and appends the change to the outbox; this works with no connection.",
      "When a connection exists, the sync engine sends the outbox and pulls changes newer than its last revision.",
      "The API validates each change, applies it in one PostgreSQL transaction and returns the new revision.",
      "Conflicting edits of the same field are resolved by the rule under Decisions and recorded.",
  };
  s.deployment = {"App shell: static files on a CDN, one cache version per build.",
                  "API: one container (Node.js 20) behind HTTPS.",
                  "Database: managed PostgreSQL 16 with daily backups and point-in-time recovery.",
                  "Environments: a preview per branch, staging, production."};
  return s;
}

StackProfile WebHtmxProfile() {
  StackProfile s;
  s.id = "web-htmx-postgres";
  s.summary = "Server-rendered web app that stays fast on slow phones: Go with html/template and htmx, PostgreSQL.";
  s.ui_element = "html/template partial with htmx attributes";
  s.ui_file_pattern = "web/templates/{name}.html";
  s.layers = {
      {"Pages", "Server-rendered HTML (Go html/template)",
       "Old phones get a usable page without downloading and running a JavaScript bundle."},
      {"Interactivity", "htmx 2 (about 14 kB gzipped) for partial page updates",
       "Buttons and forms update part of the page without a single-page-app bundle."},
      {"Server", "Go 1.22, net/http with the chi router", "One small static binary with low memory use."},
      {"Database", "PostgreSQL 16", "Transactions keep concurrent updates from several people consistent."},
      {"Hosting", "One container plus managed PostgreSQL", "Nothing else to run or pay for."},
  };
  s.rejected = {
      {"React single-page app", "a large JavaScript bundle is slow to download and parse on old Android phones"},
      {"Native mobile apps", "an install step stands between a new user and the first use"},
      {"Serverless functions", "cold starts and connection limits hurt live updates"},
  };
  s.consequences = {
      "Every interaction is a server round trip: pages must stay small (budget: under 100 kB per page).",
      "The app needs a connection; offline use is limited to what the browser has cached.",
      "Front-end work happens in HTML templates and CSS, not in a component framework.",
  };
  s.packages = {
      Pkg("htmx.org", "pin exact, vendored into the repository", "0BSD", "Partial page updates",
          "Low: one small file; upgrades are read before they are taken"),
      Pkg("github.com/go-chi/chi/v5", "v5; minor updates monthly", "MIT", "HTTP routing", "Low: small, stable"),
      Pkg("github.com/jackc/pgx/v5", "v5; minor updates monthly", "MIT", "PostgreSQL driver and pool", "Low: mature"),
      Pkg("github.com/pressly/goose/v3", "v3; update quarterly", "MIT", "Schema migrations",
          "Low: migrations are plain SQL files"),
      kPlaywright,
      kPostgres};
  s.components = {
      {"Web server", "Go handlers: routing, sessions, rendering templates."},
      {"Templates", "html/template pages and partials that htmx swaps in place."},
      {"Background worker", "Runs jobs outside the request (notifications, reports) from a table-backed queue."},
      {"Database", "PostgreSQL: every record and the job queue."},
  };
  s.data_flow = {
      "The browser requests a page; a handler reads PostgreSQL and renders a template.",
      "A button or form posts with htmx; the handler commits and returns only the changed fragment.",
      "Slow work (messages, reports) is queued in a table and done by the background worker.",
  };
  s.deployment = {"One container (Go binary with the templates embedded) behind HTTPS.",
                  "Managed PostgreSQL 16 with daily backups.",
                  "Static assets (CSS, htmx) served with long cache lifetimes."};
  return s;
}

StackProfile WebReactProfile() {
  StackProfile s = WebPwaProfile();
  s.id = "web-react-postgres";
  s.summary = "Web app: a React client, a Node.js (Fastify) API and PostgreSQL.";
  s.offline_first = false;
  s.layers = {s.layers[0],
              s.layers[4],
              s.layers[5],
              {"Hosting", "Static CDN for the client, one container for the API", "Only the API needs a server."}};
  s.rejected = {
      {"Next.js full-stack framework", "server components and framework lock-in are more than the features need"},
      {"Native apps", "the platform is the web"},
      {"A document database", "the records reference each other; relational queries and constraints fit better"}};
  s.consequences = {"The client needs a connection for every change.",
                    "Client and server share TypeScript types, so an API change fails to compile on both sides."};
  s.packages = {kReact, kVite, kTypeScript, kFastify, kPg, kZod, kVitest, kPlaywright, kPostgres};
  s.components = {{"Web client", "The React app: routes, screens and forms."},
                  {"API server", "Fastify endpoints for the resources in api-spec.md."},
                  {"Database", "PostgreSQL: every record."}};
  s.data_flow = {"The client calls the JSON API over HTTPS.",
                 "The API validates the request and reads or writes PostgreSQL in a transaction.",
                 "The response carries the updated resource, which the client renders."};
  s.deployment = {"Client: static files on a CDN.", "API: one container behind HTTPS.",
                  "Database: managed PostgreSQL 16."};
  return s;
}

}  // namespace specwave::offline
