// Production build: one ESM bundle of src/server.ts in dist/. React is bundled in its production
// build (NODE_ENV defined at build time); every other dependency stays in node_modules.
import fs from "node:fs";
import { build } from "esbuild";

const pkg = JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const bundled = new Set(["react", "react-dom"]);
const external = Object.keys(pkg.dependencies).filter((name) => !bundled.has(name)).flatMap((name) => [name, `${name}/*`]);

fs.rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: { server: "src/server.ts", "migrate-cli": "src/db/migrate-cli.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  jsx: "automatic",
  external,
  define: { "process.env.NODE_ENV": '"production"' },
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: "warning",
});
// Migrations and the reference domain list are read from disk next to the bundle.
fs.cpSync("src/db/migrations", "dist/migrations", { recursive: true });
fs.mkdirSync("dist/data", { recursive: true });
fs.copyFileSync("src/modules/organisations/data/domaines-organismes-publics.txt", "dist/data/domaines-organismes-publics.txt");
