/**
 * "ab 5 karton wirds billiger oder? dann 5 karton fett", "is it cheaper from 10 boxes? then 10 boxes of the gloves":
 * a question the buyer answers himself with what he then asks for — the clauses after the last "?", led by "dann",
 * "then", "in that case", are the instruction, decided as a message of their own. The question before them only says
 * why; reading the whole message as one let the question's words pick the product and the machine (a second line of
 * grease for a machine instead of the count of the line the order has).
 */
import type { Clause } from "./nlu/understand.ts";

/** "dann", "then", "in dem Fall", "in that case" — after "ok", "gut", "na" and the like — opening the instruction. */
const THEN =
  /^[\s,.;:!-]*(?:(?:ok(?:ay)?|gut|guet|na|ja|yes|right|alright|fine|passt|also|so)[\s,.;:!-]+)*(?:dann|denn|then|in\s+dem\s+fall|in\s+that\s+case)(?![\p{L}])/iu;

/** The clauses after the message's last question that state what the buyer then wants, or undefined. */
export function instructionAfterQuestion(text: string, clauses: readonly Clause[]): Clause[] | undefined {
  const mark = text.lastIndexOf("?");
  if (mark < 0) return undefined;
  const before = text.slice(0, mark);
  if (!/\p{L}{2,}/u.test(before)) return undefined;
  const after = clauses.filter((c) => c.start > mark);
  if (after.length === 0 || after.length === clauses.length) return undefined;
  if (!THEN.test(text.slice(mark + 1, after[0]!.end)) || !/\d/.test(text.slice(mark + 1))) return undefined;
  return after;
}
