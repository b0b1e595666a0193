// npm run build (and npm install, through prepare): validates and compiles the bundled rates, then
// bundles the CLI into dist/ with esbuild. The commands that read YAML or plan files load their
// readers (yaml, zod) as separate chunks, only when they need them.
import { execFileSync } from "node:child_process";
import { chmodSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);

// esbuild writes ESM; the CommonJS packages inside (commander, cli-table3) call require() for Node's
// own modules, which ESM does not define.
const requireShim = 'import { createRequire as __bedrockCostRequire } from "node:module"; const require = __bedrockCostRequire(import.meta.url);';
const common = { bundle: true, platform: "node", format: "esm", target: "node20", banner: { js: requireShim }, logLevel: "warning", legalComments: "none", minifyWhitespace: true, minifySyntax: true };

rmSync("dist", { recursive: true, force: true });
await build({ ...common, entryPoints: ["scripts/compile-rates.ts"], outfile: "dist/.build/compile-rates.mjs" });
execFileSync(process.execPath, ["dist/.build/compile-rates.mjs", "rates", "dist/bundled-rates.json"], { stdio: "inherit" });
rmSync("dist/.build", { recursive: true, force: true });

await build({ ...common, entryPoints: ["src/cli.ts"], outdir: "dist", splitting: true, chunkNames: "chunk-[hash]" });
chmodSync("dist/cli.js", 0o755);
