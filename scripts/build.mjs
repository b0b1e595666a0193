// npm run build (and npm install, through prepare):
// 1. validates every bundled rate file and compiles them to dist/bundled-rates.json;
// 2. bundles the CLI with esbuild into one CommonJS file, dist/bedrock-cost.cjs, in which the
//    commands, the table renderers and the YAML and zod readers are initialised only when used;
// 3. bundles yaml and zod, which only the readers of YAML files use, into dist/vendor.cjs, loaded
//    only when such a file is read;
// 4. bundles the reading threads of invocation logs into dist/log-worker.cjs;
// 5. installs the launcher, dist/cli.cjs, and writes V8's code cache for both bundles after running
//    the commonest commands quietly, so that later runs skip parsing and compiling them.
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  logLevel: "warning",
  legalComments: "none",
  minifyWhitespace: true,
  minifySyntax: true,
};

rmSync("dist", { recursive: true, force: true });

// ESM, so that the compiler can be a script; its CommonJS dependencies get a require() to call.
const requireShim =
  'import { createRequire as __bedrockCostRequire } from "node:module"; const require = __bedrockCostRequire(import.meta.url);';
await build({
  ...common,
  format: "esm",
  banner: { js: requireShim },
  entryPoints: ["scripts/compile-rates.ts"],
  outfile: "dist/.build/compile-rates.mjs",
});
execFileSync(process.execPath, ["dist/.build/compile-rates.mjs", "rates", "dist/bundled-rates.json"], { stdio: "inherit" });
rmSync("dist/.build", { recursive: true, force: true });

/**
 * Two modules that every start would load for nothing (about 8 ms of a 100 ms start, measured):
 * commander requires child_process for external subcommands, which bedrock-cost has none of, so it
 * is loaded only if one is ever spawned; and chalk's own terminal detection (supports-color, which
 * loads tty) is replaced by nothing, as bedrock-cost decides colour in one place and gives chalk
 * its level.
 */
const startUpShims = {
  name: "bedrock-cost-start-up",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: "child_process", namespace: "lazy-builtin" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, () => ({
      contents: 'let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require("node:child_process"))[key] });',
      loader: "js",
    }));
    // cli-table3 measures every cell with string-width: narrow text is measured by its length first
    // (src/render/narrow-width.ts), anything else, colour codes included, by string-width.
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      /[\\/]cli-table3[\\/]/.test(args.importer) ? { path: "string-width", namespace: "narrow-width" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "narrow-width" }, () => ({
      contents: [
        'const measure = require("string-width");',
        `const { narrowWidth } = require(${JSON.stringify(`${root}src/render/narrow-width.ts`)});`,
        "module.exports = (text) => narrowWidth(text) ?? measure(text);",
      ].join("\n"),
      loader: "js",
      resolveDir: `${root}node_modules/cli-table3`,
    }));
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: "supports-color", namespace: "no-detection" }));
    b.onLoad({ filter: /.*/, namespace: "no-detection" }, () => ({
      contents: "export default { stdout: false, stderr: false };",
      loader: "js",
    }));
  },
};

/**
 * yaml and zod come from dist/vendor.cjs, through its code cache: from node_modules, without one,
 * they cost a plan or check run about 80 ms of a 190 ms start (measured).
 */
const vendor = {
  name: "bedrock-cost-vendor",
  setup(b) {
    b.onResolve({ filter: /^(yaml|zod\/mini)$/ }, (args) => ({ path: args.path, namespace: "vendor" }));
    b.onLoad({ filter: /.*/, namespace: "vendor" }, (args) => ({
      contents: `module.exports = __bedrockCostVendor()[${JSON.stringify(args.path.replace("/mini", ""))}];`,
      loader: "js",
    }));
  },
};

// The loader of dist/vendor.cjs, run once, when the first YAML reader is initialised.
const vendorLoader = [
  "let __bedrockCostVendorExports;",
  "function __bedrockCostVendor() {",
  "  if (__bedrockCostVendorExports) return __bedrockCostVendorExports;",
  '  const fs = require("node:fs"), vm = require("node:vm"), path = require("node:path"), nodeModule = require("node:module");',
  '  const file = path.join(__dirname, "vendor.cjs");',
  "  let cachedData;",
  '  try { cachedData = fs.readFileSync(file + ".cache"); } catch {}',
  '  const script = new vm.Script(nodeModule.wrap(fs.readFileSync(file, "utf8")), { filename: file, cachedData });',
  "  const vendorModule = { exports: {} };",
  "  script.runInThisContext().call(vendorModule.exports, vendorModule.exports, require, vendorModule, file, __dirname);",
  "  globalThis.__bedrockCostVendorScript = script;",
  "  return (__bedrockCostVendorExports = vendorModule.exports);",
  "}",
].join("\n");

await build({
  ...common,
  format: "cjs",
  entryPoints: ["scripts/vendor-entry.mjs"],
  outfile: "dist/vendor.cjs",
  // PROFILE=1 npm run build: readable names and lines in CPU profiles of the vendor bundle.
  ...(process.env.PROFILE === "1" ? { minifyWhitespace: false, minifySyntax: false } : { minifyIdentifiers: true }),
});

await build({
  ...common,
  plugins: [startUpShims, vendor],
  format: "cjs",
  entryPoints: ["src/cli.ts"],
  outfile: "dist/bedrock-cost.cjs",
  // Short local names: a bundle of 367 KB instead of 525 KB and a smaller code cache start about 1 ms
  // sooner (compare 1.35 → 1.32 of node -e 0, plan 1.59 → 1.56, 25 paired runs). PROFILE=1 keeps them.
  ...(process.env.PROFILE === "1" ? {} : { minifyIdentifiers: true }),
  // The sources locate dist/bundled-rates.json from import.meta.url, which CommonJS spells differently.
  define: { "import.meta.url": "__bedrockCostUrl" },
  banner: { js: `const __bedrockCostUrl = require("node:url").pathToFileURL(__filename).href;\n${vendorLoader}` },
});
// The reading threads of invocation logs (src/readers/traffic/log-scan-pool.ts), started from the bundle.
await build({
  ...common,
  format: "cjs",
  entryPoints: ["src/readers/traffic/log-worker.ts"],
  outfile: "dist/log-worker.cjs",
  define: { "import.meta.url": "__bedrockCostUrl" },
  banner: { js: 'const __bedrockCostUrl = require("node:url").pathToFileURL(__filename).href;' },
});
copyFileSync("scripts/launcher.cjs", "dist/cli.cjs");
chmodSync("dist/cli.cjs", 0o755);

execFileSync(process.execPath, ["dist/cli.cjs"], { env: { ...process.env, BEDROCK_COST_WRITE_CODE_CACHE: "1" }, stdio: "inherit" });
