/**
 * The rep copilot's script: defines <ordershield-copilot api-base="…" api-key="…" locale="de|en" theme="…">.
 * Without `api-key` it asks the rep for one (kept in this browser's localStorage).
 */
import register from "preact-custom-element";
import themeCss from "../shared/theme.css?inline";
import cardCss from "../shared/card.css?inline";
import css from "./copilot.css?inline";
import { sheet } from "../shared/sheet.ts";
import { Copilot } from "./app.tsx";

export const TAG = "ordershield-copilot";

if (!customElements.get(TAG)) {
  register(Copilot, TAG, ["api-base", "api-key", "locale", "theme", "thread"] as never[], {
    shadow: true,
    adoptedStyleSheets: [sheet(themeCss + cardCss + css)],
  });
}
