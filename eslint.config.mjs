import next from "eslint-config-next";

// Layers (see the README's layout): lib/<domain>/rules/ is pure, and routes and UI reach the
// database only through lib/ functions. Paths are relative to this file.
const rules = "./lib/*/rules/**";
const pureRuleMessage =
  "lib/*/rules/ is pure: no database, no queries/commands/engine, no connector clients, no I/O. Pass the data in.";

const layerZones = [
  { target: rules, from: "./lib/core/db.ts", message: pureRuleMessage },
  { target: rules, from: "./lib/generated/**", message: pureRuleMessage },
  { target: rules, from: "./lib/*/queries/**", message: pureRuleMessage },
  { target: rules, from: "./lib/*/commands/**", message: pureRuleMessage },
  { target: rules, from: "./lib/*/engine/**", message: pureRuleMessage },
  // Connector contracts (types.ts) are data shapes; everything else there talks to a platform.
  { target: rules, from: "./lib/connectors", except: ["./types.ts"], message: pureRuleMessage },
  ...["./app/**", "./components/**"].flatMap((target) => [
    {
      target,
      from: "./lib/core/db.ts",
      message: "Routes and components call a lib/ query or command; they do not use the database.",
    },
    {
      target,
      from: "./lib/generated/**",
      message: "Routes and components call a lib/ query or command; they do not use the database.",
    },
  ]),
];

// Node modules that do I/O (files, sockets, processes, DNS) and database drivers.
const ioModules = [
  "fs",
  "fs/promises",
  "net",
  "http",
  "https",
  "http2",
  "tls",
  "dgram",
  "dns",
  "dns/promises",
  "child_process",
  "cluster",
  "worker_threads",
  "readline",
].flatMap((m) => [m, `node:${m}`]);

const config = [
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      ".data/**",
      "node_modules/**",
      "bench/out/**",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  ...next,
  {
    files: ["app/**", "components/**", "lib/**"],
    rules: { "import/no-restricted-paths": ["error", { zones: layerZones }] },
  },
  {
    files: ["lib/*/rules/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [...ioModules, "pg", "pg-boss", "@prisma/client", "@prisma/adapter-pg"].map(
            (name) => ({ name, message: pureRuleMessage }),
          ),
        },
      ],
    },
  },
  {
    // Before hydration a <form>'s handlers are not attached: input goes unseen, a submit is the
    // browser's own GET. components/ui/form.tsx keeps such a form disabled until then.
    files: ["app/**", "components/**"],
    ignores: ["components/ui/form.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXOpeningElement[name.name='form'] > JSXAttribute[name.name='onSubmit']",
          message:
            "A form submitted by a handler is <Form> from components/ui/form: it takes no input until React has hydrated it.",
        },
      ],
    },
  },
  {
    // Import cycles make module initialisation order-dependent; lib/ and inngest/ have none.
    files: ["lib/**", "inngest/**"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
];

export default config;
