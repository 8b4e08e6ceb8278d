/**
 * Seeded test databases, built once per test worker and handed out as private in-memory copies. Seeding the demo
 * world through the importer costs about 0.3 s of CPU, generating and importing a 400-SKU catalog about 0.8 s; a copy
 * of the finished database image (`openDatabaseImage`, as eval trials get theirs) costs about 3 ms. Every copy is
 * independent of the image and of every other copy, so a test may write to its copy freely.
 *
 * Tests of seeding or importing themselves (tests/catalog) call `seedDemo` / `importCatalog` directly, and so does a
 * test that needs the seeded world in a database file (another process opens it).
 */
import { openDatabase, openDatabaseImage, type Db } from "../../catalog/db.ts";
import { generateCatalog } from "../../catalog/generate/index.ts";
import { importCatalog } from "../../catalog/import/index.ts";
import { seedDemo } from "../../catalog/seed/index.ts";

const images = new Map<string, Buffer>();

/** A fresh in-memory copy of the database `build` fills, built once per worker for each `key`. */
export function imageCopy(key: string, build: (db: Db) => void): Db {
  let image = images.get(key);
  if (!image) {
    const db = openDatabase(":memory:");
    build(db);
    image = db.$client.serialize();
    db.$client.close();
    images.set(key, image);
  }
  return openDatabaseImage(image);
}

/** A fresh in-memory database with the demo world (`seedDemo`). */
export function demoDatabase(): Db {
  return imageCopy("demo", (db) => void seedDemo(db));
}

/** A fresh in-memory database with a generated catalog (`generateCatalog` with these options, imported). */
export function generatedDatabase(options: Parameters<typeof generateCatalog>[0]): Db {
  return imageCopy(`generated:${JSON.stringify(options)}`, (db) => void importCatalog(db, generateCatalog(options)));
}

/** A fresh in-memory database with a catalog folder in the import format (e.g. evals/catalogs/hvac). */
export function importedDatabase(dir: string): Db {
  return imageCopy(`imported:${dir}`, (db) => void importCatalog(db, dir));
}
