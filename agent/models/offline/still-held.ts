/**
 * "Armaturen haben wir noch", "the o-rings we have in store", "Stecker hamma no im Lager", "we still got those": the
 * buyer still holds the product the words name — a reason not to order it, never a request for more. Said of a line of
 * the order it drops that line (dialogue.ts, `droppedLines`); said beside a request it names nothing that is asked for
 * (context.ts, `withoutLogistics`). A "still"/"noch" or a place of stock is needed: "we have 2 pumps" is no such remark,
 * and "die Dichtungen haben wir noch nicht bekommen" (not yet received) is none either.
 */

/** What a holder says: "we (still) have … in store", "we still got", with what may follow ("them", "some"). */
const HELD_EN = String.raw`(?:we|i)\s+(?:still\s+)?(?:have|got|'ve\s+got)(?:\s+(?:them|those|these|some|enough|plenty))?\s+(?:in|at|on)\s+(?:the\s+|our\s+)?(?:stores?|stock|warehouse|shelf|van)|(?:we|i)\s+still\s+(?:have|got)(?:\s+(?:them|those|these|some|enough|plenty))?`;
/** "haben wir noch (im Lager)", "hamma no", "hab i no genug": German and its spoken forms. */
const HELD_DE = String.raw`(?:haben|hab|habe|ham|hamm?a|hammer|hätten)\s+(?:wir\s+|mir\s+|mer\s+|ma\s+|ich\s+|i\s+)?(?:doch\s+|ja\s+)?(?:noch|no)(?:\s+(?:genug|welche|einige|ein\s+paar|da))?(?:\s+(?:im|auf|am)\s+(?:lager|vorrat|bestand|magazin|regal))?`;
/** "… noch nicht bekommen", "we still have not received": a "not" after it says something else. */
const NOT_AFTER = String.raw`(?!\s+(?:not|no|nicht|nich|net|ned|kein\p{L}*|nie)(?![\p{L}]))`;

export const STILL_HELD = new RegExp(`(?<![\\p{L}])(?:${HELD_EN}|${HELD_DE})(?![\\p{L}])${NOT_AFTER}`, "iu");

/** "die Hilfsschalter doch nicht", "ne, das Kabel doch ned": the product not wanted after all. */
export const NOT_AFTER_ALL = /(?<![\p{L}])doch\s+(?:nicht|net|ned|nit|nöd|nöt)(?![\p{L}])/iu;
