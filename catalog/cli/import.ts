/**
 * `npm run catalog:import -- PATH [--db FILE]`: imports a catalog file or folder (docs/import-format.md)
 * into the OrderShield database, all or nothing. Shows a progress bar on a terminal and plain progress
 * lines otherwise (CI logs); on rejection prints every problem as `file:row field — reason` and exits 1.
 */
import { existsSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { openDatabase } from "../db.ts";
import { importCatalog, type ImportProgress } from "../import/importer.ts";
import { ImportError, formatProblem } from "../import/errors.ts";

const DEFAULT_DB = ".data/ordershield.db";
const USAGE = `usage: npm run catalog:import -- PATH [--db FILE]

  PATH        a .json file with section keys, or a folder of <section>.json / <section>.csv files
  --db FILE   database file (default: $DATABASE_PATH or ${DEFAULT_DB})`;

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { db: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const [path, ...extra] = args.positionals;
  if (!path || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const dbPath = args.values.db ?? process.env.DATABASE_PATH ?? DEFAULT_DB;
  const db = openDatabase(dbPath);
  const progress = process.stderr.isTTY ? barProgress() : lineProgress();
  try {
    console.log(`importing ${path} into ${dbPath}`);
    const summary = importCatalog(db, path, { onProgress: progress.update });
    progress.stop();
    for (const [section, n] of Object.entries(summary.counts)) {
      const added = summary.added[section as keyof typeof summary.added] ?? 0;
      console.log(
        `  ${section.padEnd(15)} ${String(n).padStart(9)}  (${added} new, ${Math.max(n - added, 0)} updated)`,
      );
    }
    for (const warning of summary.warnings) console.warn(`warning: ${formatProblem(warning)}`);
    if (dbPath !== ":memory:") db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const size = dbPath === ":memory:" ? 0 : fileSize(dbPath) + fileSize(`${dbPath}-wal`);
    console.log(
      `imported ${summary.rows} rows in ${(summary.durationMs / 1000).toFixed(1)} s ` +
        `(validate ${(summary.validateMs / 1000).toFixed(1)} s, write ${(summary.writeMs / 1000).toFixed(1)} s); ` +
        `database ${(size / 1024 / 1024).toFixed(1)} MB`,
    );
    return 0;
  } catch (err) {
    progress.stop();
    if (!(err instanceof ImportError)) throw err;
    for (const problem of err.problems) console.error(formatProblem(problem));
    console.error(
      `import rejected: ${err.problems.length} problem${err.problems.length === 1 ? "" : "s"}; nothing was written`,
    );
    return 1;
  } finally {
    db.$client.close();
  }
}

interface ProgressDisplay {
  update: (p: ImportProgress) => void;
  stop: () => void;
}

function barProgress(): ProgressDisplay {
  const bar = new cliProgress.SingleBar(
    {
      format: "{phase} {section} [{bar}] {value}/{total}",
      hideCursor: true,
      clearOnComplete: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let current = "";
  return {
    update(p) {
      const key = `${p.phase}:${p.section}`;
      const labels = { phase: p.phase.padEnd(8), section: p.section.padEnd(14) };
      if (!started) {
        bar.start(p.total, p.done, labels);
        started = true;
      } else if (key !== current) {
        bar.setTotal(p.total);
      }
      current = key;
      bar.update(p.done, labels);
    },
    stop: () => started && bar.stop(),
  };
}

/** One line per section and phase, plus one per quarter of large sections: readable in a CI log. */
function lineProgress(): ProgressDisplay {
  const printed = new Map<string, number>();
  return {
    update(p) {
      const key = `${p.phase}:${p.section}`;
      const quarter = p.total >= 20_000 ? Math.floor((p.done / p.total) * 4) : p.done === p.total ? 4 : 0;
      if (quarter === 0 || (printed.get(key) ?? 0) >= quarter) return;
      printed.set(key, quarter);
      console.log(`${p.phase} ${p.section} ${p.done}/${p.total}`);
    },
    stop: () => {},
  };
}

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

process.exitCode = main(process.argv.slice(2));
