// npm run build (and npm install, through prepare):
// 1. validates every bundled rate file and compiles them to dist/bundled-rates.json;
// 2. bundles the CLI with esbuild into one CommonJS file, dist/bedrock-cost.cjs, in which the
//    commands, the table renderers and the YAML and zod readers are initialised only when used;
// 3. installs the launcher, dist/cli.cjs, and writes V8's code cache for the bundle after running the
//    commonest commands quietly, so that later runs skip parsing and compiling it.
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
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: "supports-color", namespace: "no-detection" }));
    b.onLoad({ filter: /.*/, namespace: "no-detection" }, () => ({
      contents: "export default { stdout: false, stderr: false };",
      loader: "js",
    }));
  },
};

await build({
  ...common,
  plugins: [startUpShims],
  format: "cjs",
  entryPoints: ["src/cli.ts"],
  outfile: "dist/bedrock-cost.cjs",
  // Only the readers of the user's YAML files use these, so they are required from node_modules when
  // such a file is read, rather than carried (a megabyte) through every start.
  external: ["yaml", "zod"],
  // The sources locate dist/bundled-rates.json from import.meta.url, which CommonJS spells differently.
  define: { "import.meta.url": "__bedrockCostUrl" },
  banner: { js: 'const __bedrockCostUrl = require("node:url").pathToFileURL(__filename).href;' },
});
copyFileSync("scripts/launcher.cjs", "dist/cli.cjs");
chmodSync("dist/cli.cjs", 0o755);

execFileSync(process.execPath, ["dist/cli.cjs"], { env: { ...process.env, BEDROCK_COST_WRITE_CODE_CACHE: "1" }, stdio: "inherit" });
