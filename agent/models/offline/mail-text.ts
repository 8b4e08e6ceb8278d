/**
 * A pasted or forwarded e-mail read as the message it carries. Buyers forward what the workshop wrote ("see below from
 * our service guy, can you order?") with the mail's header lines, quote markers, a separator, greetings and a signature
 * around it. Those lines ask for nothing: read as requests they were items of a list (a 350-character mail was cut by
 * the read budget as "more than I can handle") and a signature's numbers were counts. What is read instead:
 * - a quote marker ("> ") is taken off its line, the line is read;
 * - a header line of the mail ("From:", "Sent:", "To:", "Cc:", "Von:", "Gesendet:", "An:") and a separator line
 *   ("-----Original Message-----", "-----Ursprüngliche Nachricht-----", "________") are not read; a subject line is
 *   read without its label ("Subject: wrapper 5 dead sensor" names the machine);
 * - a thanks with the writer's name ending a line ("… need 3, thanks, Dave") is not read;
 * - a signature — from its delimiter ("--") or a closing line ("Best regards", "Mit freundlichen Grüßen") to the next
 *   blank line, the end of the quoted part, or the end — is not read, nor a mail app's "sent from my phone".
 * - the numbers of a numbered list ("1) …", "2. …", "3: …" opening two or more lines in sequence) are taken off its
 *   lines: a list number is neither a count nor part of a machine's name ("3) Folder 3: the roller bearing set",
 *   "1. Press 2 – 2x seal kit").
 * Nothing changes in a message that has neither several lines nor a quote marker: a chat message is read as written.
 */

const QUOTE = /^\s*(?:>\s?)+/u;
/** A header line of a mail client, English and German (Outlook, Gmail, Apple Mail, Thunderbird). */
const HEADER = /^\s*(?:from|sent|to|cc|bcc|date|von|gesendet|an|datum|kopie)\s*:/iu;
const SUBJECT = /^\s*(?:subject|betreff)\s*:\s*(?:(?:re|aw|fwd?|wg)\s*:\s*)*/iu;
/** "-----Original Message-----", "---------- Forwarded message ---------", "________________": a separator line. */
const SEPARATOR = /^\s*(?:[-_=*]{3,}.*[-_=*]{3,}|[-_=]{5,})\s*$/u;
/** The signature delimiter ("-- ", "--"). */
const SIGNATURE = /^\s*--\s*$/u;
/** A line that only closes the mail: a sign-off, said alone on its line (a name may follow on the same line). */
const CLOSING =
  /^\s*(?:(?:best|kind|warm|many)\s+regards|regards|cheers|br|mit freundlichen grüßen|mit freundlichen grüssen|freundliche grüße|freundliche grüsse|viele grüße|viele grüsse|beste grüße|beste grüsse|liebe grüße|liebe grüsse|grüße|grüsse|gruß|gruss|mfg|lg|vg)\s*[,.!]?\s*(?:\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)?)?\s*$/iu;
/** A thanks and the writer's name ending a line of the mail ("… need 3, thanks, Dave", "… Pls get 2. Thx Kemal"). */
const THANKS_SIGNED =
  /(?:^|[,.;!]\s*|\s+)(?:[Mm]any [Tt]hanks|[Tt]hanks|[Tt]hank you|[Tt]hx|[Cc]heers|[Dd]anke(?: dir| euch)?|[Vv]ielen [Dd]ank|[Mm]erci)\s*[,!.]?\s*\p{Lu}[\p{L}.'-]*\s*[.!]?\s*$/u;
/** The lines a closing's signature may take: a name, a role, a company, a phone. */
const CLOSING_LINES = 4;
/** A mail app's footer ("Sent from my iPhone", "-- sent from my phone", "Von meinem iPhone gesendet"). */
const APP_FOOTER = /^\s*(?:--\s*)?(?:sent from my\b.*|von meinem \S+ gesendet\.?|gesendet von meinem\b.*)$/iu;

/** The message a pasted or forwarded mail carries; a chat message as it is. */
export function mailText(text: string): string {
  if (!/\n/.test(text.trim()) && !QUOTE.test(text)) return text;
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  // The signature being skipped: its quote depth (it ends at a blank line or where the depth changes) and how many
  // more lines a closing's name and company may take (a delimited signature runs to its end).
  let skipping: { depth: number; lines: number } | undefined;
  for (const raw of lines) {
    const depth = (raw.match(QUOTE)?.[0].match(/>/gu) ?? []).length;
    const line = raw.replace(QUOTE, "");
    if (skipping) {
      if (line.trim() && depth === skipping.depth && skipping.lines-- > 0) continue;
      skipping = undefined;
    }
    if (SIGNATURE.test(line) || CLOSING.test(line)) {
      skipping = { depth, lines: SIGNATURE.test(line) ? Number.POSITIVE_INFINITY : CLOSING_LINES };
      continue;
    }
    if (HEADER.test(line) || SEPARATOR.test(line) || APP_FOOTER.test(line)) continue;
    out.push(line.replace(SUBJECT, "").replace(THANKS_SIGNED, ""));
  }
  const read = numbersOff(out).join("\n").trim();
  return /[\p{L}\p{N}]/u.test(read) ? read : text;
}

/** "1) ", "2. ", "3: " opening a line: the number of a numbered list ("1.5 m" or "2.000" is none). */
const LIST_NUMBER = /^(\s*)(\d{1,2})\s?[.):](?!\d)\s+(?=\S)/u;

/** The lines with their list numbers taken off, when two or more lines open with numbers that count up. */
function numbersOff(lines: string[]): string[] {
  const numbered = lines.flatMap((l) => {
    const m = LIST_NUMBER.exec(l);
    return m ? [Number(m[2])] : [];
  });
  if (numbered.length < 2 || numbered.some((n, i) => i > 0 && n !== numbered[i - 1]! + 1)) return lines;
  return lines.map((l) => l.replace(LIST_NUMBER, "$1"));
}
