/**
 * Writes an import document as a folder of `<section>.json` files (each a JSON array, one row per
 * line). Rows are serialised one at a time into ~1 MB chunks, so a 100k-SKU section never exists as
 * one giant string next to the rows it came from.
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { SECTION_NAMES, type ImportDocument } from "../import/format.ts";

export interface WriteResult {
  files: { section: string; path: string; rows: number; bytes: number }[];
  bytes: number;
}

const CHUNK = 1 << 20;

export function writeCatalogFolder(doc: ImportDocument, dir: string): WriteResult {
  mkdirSync(dir, { recursive: true });
  const result: WriteResult = { files: [], bytes: 0 };
  for (const section of SECTION_NAMES) {
    const rows = doc[section] as unknown[] | undefined;
    if (!rows) continue;
    const path = join(dir, `${section}.json`);
    const fd = openSync(path, "w");
    let bytes = 0;
    try {
      let buffer = "[";
      for (let i = 0; i < rows.length; i++) {
        buffer += `${i === 0 ? "\n" : ",\n"}${JSON.stringify(rows[i])}`;
        if (buffer.length >= CHUNK) {
          bytes += writeSync(fd, buffer);
          buffer = "";
        }
      }
      buffer += rows.length ? "\n]\n" : "]\n";
      bytes += writeSync(fd, buffer);
    } finally {
      closeSync(fd);
    }
    result.files.push({ section, path, rows: rows.length, bytes });
    result.bytes += bytes;
  }
  return result;
}
