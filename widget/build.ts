/**
 * Builds the browser bundles with Vite: each entry becomes one self-contained classic script (IIFE), because a shop
 * embeds the widget with a single `<script src=".../widget.js" async>` and no module loader.
 *
 *   widget.js      <ordershield-chat>     the buyer widget (size budget: 25 kB gzipped, `npm run bench`)
 *   copilot.js     <ordershield-copilot>  the rep sidebar (also served at /rep)
 *   storefront.js  the demo shop at /
 *
 * `npm run build` writes them to dist/widget/; `npm start` runs it first (prestart), so a fresh clone serves them.
 */
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import preact from "@preact/preset-vite";
import { build, type InlineConfig } from "vite";

const HERE = dirname(fileURLToPath(import.meta.url));
export const WIDGET_DIST = resolve(HERE, "../dist/widget");

export const BUNDLES = {
  widget: "chat/element.tsx",
  copilot: "copilot/element.tsx",
  storefront: "storefront/main.tsx",
} as const;
export type BundleName = keyof typeof BUNDLES;

export interface BuildWidgetsOptions {
  outDir?: string;
  only?: BundleName[];
  /** Unminified, for reading stack traces. */
  debug?: boolean;
}

export interface BuiltBundle {
  name: BundleName;
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** The Vite configuration of one bundle (also usable from a vite.config file). */
export function bundleConfig(name: BundleName, outDir: string, debug = false): InlineConfig {
  return {
    configFile: false,
    root: HERE,
    logLevel: "warn",
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false, reactAliasesEnabled: false })],
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      outDir,
      emptyOutDir: false,
      target: "es2022",
      minify: !debug,
      sourcemap: true,
      reportCompressedSize: false,
      lib: {
        entry: join(HERE, BUNDLES[name]),
        formats: ["iife"],
        name: `OrderShield_${name}`,
        fileName: () => `${name}.js`,
      },
    },
  };
}

export async function buildWidgets(options: BuildWidgetsOptions = {}): Promise<BuiltBundle[]> {
  const outDir = resolve(options.outDir ?? WIDGET_DIST);
  mkdirSync(outDir, { recursive: true });
  const names = options.only ?? (Object.keys(BUNDLES) as BundleName[]);
  const built: BuiltBundle[] = [];
  for (const name of names) {
    await build(bundleConfig(name, outDir, options.debug));
    const file = join(outDir, `${name}.js`);
    built.push({
      name,
      file,
      bytes: statSync(file).size,
      gzipBytes: gzipSync(readFileSync(file), { level: 9 }).length,
    });
  }
  return built;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const built = await buildWidgets({ debug: process.argv.includes("--debug") });
  for (const b of built)
    console.log(
      `  ${b.name.padEnd(11)} ${(b.bytes / 1024).toFixed(1)} kB, ${(b.gzipBytes / 1024).toFixed(1)} kB gzipped`,
    );
  console.log(
    `widget: built ${built.length} bundles into ${WIDGET_DIST} in ${Math.round(performance.now() - started)} ms`,
  );
}
