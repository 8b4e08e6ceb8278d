/**
 * The browser bundles' size: `widget.gzip_kb` is the buyer widget's one script (everything a shop page loads for
 * the chat: Preact, the SSE parser, styles, en/de strings), gzip level 9, as built by `npm run build`.
 */
import { buildWidgets } from "../../widget/build.ts";
import type { BenchSuite } from "./types.ts";

export const widgetSuite: BenchSuite = {
  name: "widget",
  description: "gzipped size of the widget, copilot and storefront bundles (Vite production build)",
  async run(ctx) {
    const built = await buildWidgets({ outDir: ctx.tempDir("widget-dist") });
    const kb = (name: string) => (built.find((b) => b.name === name)?.gzipBytes ?? Number.NaN) / 1024;
    const raw = (name: string) => (built.find((b) => b.name === name)?.bytes ?? Number.NaN) / 1024;
    const round = (n: number) => Math.round(n * 10) / 10;
    return [
      {
        id: "widget.gzip_kb",
        value: round(kb("widget")),
        unit: "kB",
        target: "<= 25",
        note: `widget.js ${round(raw("widget"))} kB minified`,
      },
      { id: "widget.copilot_gzip_kb", value: round(kb("copilot")), unit: "kB", note: "rep copilot (/rep)" },
      { id: "widget.storefront_gzip_kb", value: round(kb("storefront")), unit: "kB", note: "demo storefront (/)" },
    ];
  },
};
