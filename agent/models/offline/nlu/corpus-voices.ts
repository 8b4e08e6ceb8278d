/**
 * Utterances of buyers the earlier authors wrote little of (session 7, written fresh for the classes the ensemble
 * misread, never copied from a scenario): Swiss and Austrian German ("händ ihr", "was chostet", "gäbed mir 2 devo",
 * "habts ihr des lagernd", "passt" as "fine"), answers that say the order or a configuration is complete ("nein, das
 * ist so komplett": no — "komplett" had been written only in requests to empty the order, so it marked one and the
 * sub-word reader read the answer as that), questions that name sizes, pressures, litres and speeds, "take one" as an
 * order, parts ordered "fürs Lager" (for the stores, not a stock question), and a buyer asking for a moment; session 8:
 * a delivery date, lead time or price asked for a count as a noun phrase ("Liefertermin für 2 Stück", "lead time for 3
 * of them": read as an order), and a yes said as "fair enough", "X is fine with me", "ist mir recht". Neutral
 * as everywhere in the corpus: a product is "es"/"das"/"it", a machine "Maschine 2"/"machine 2". Every fifth line of
 * an intent and language is validation. Merged into `CORPUS` by `corpus.ts`.
 */
import type { Intent, Split } from "./corpus.ts";

export const VOICES_SPLIT: Partial<Record<Intent, Partial<Record<"en" | "de", Split>>>> = {
  affirm: {
    de: {
      train: [
        "ja, das isch so guet",
        "passt, gut so",
        "alles passt",
        "passt, machen wir so",
        "jo, des passt scho",
        "ja, so ist es komplett",
        "jo eh",
        "guet, so passt's",
        "ja genau so, das ist vollständig",
        "na gut, das neue ist mir recht",
        "ist mir recht",
        "das andere passt mir auch",
        "von mir aus, nehmen wir das neue",
      ],
      validation: ["jä, so isch rächt", "na gut, das ist mir auch recht"],
    },
    en: {
      train: [
        "yes, that's complete",
        "yep that's everything, all good",
        "yes, complete as it is",
        "fair enough",
        "fair enough, that one is fine with me",
        "the newer one is fine with me",
        "that's fine by me",
        "fair enough, go with the new one",
      ],
      validation: ["yes that's all complete", "fair enough, the other one is fine with me"],
    },
  },
  deny: {
    de: {
      train: [
        "nei danke",
        "na, passt so",
        "nein, das ist so komplett",
        "nein, es fehlt nichts",
        "nein, das ist vollständig so",
        "nöd nötig",
        "nein, so ist es komplett gewünscht",
        "na, des is komplett",
      ],
      validation: ["nei, es isch komplett", "nein, vollständig so", "na danke, des passt"],
    },
    en: {
      train: ["no, that's complete", "nope, nothing missing", "no, it's complete as it is"],
      validation: ["no, it is complete like that", "nah that's all of it"],
    },
  },
  stock: {
    de: {
      train: [
        "händ ihr das a lager?",
        "hend ihr das no am lager",
        "habts ihr des lagernd?",
        "isch das lieferbar?",
        "hesch das vorrätig?",
        "hei dir 2 devo a lager",
        "habts es lagernd",
        "is des lagernd oder muss ma warten",
        "wänn chönd ihr das liefere?",
        "isch das für d maschine 2 am lager?",
        "habts ihr des für die maschine 2 da?",
        "ischs a lager?",
        "wie lang gaht's bis das da isch?",
        "Liefertermin für 2 Stück bitte",
        "Lieferzeit für 3 davon?",
        "wie ist der Liefertermin für 4 stück?",
        "Liefertermin für die 10 bitte",
        "Lieferzeit für 2 stück für maschine 2?",
      ],
      validation: [
        "Liefertermin für 5 Stück?",
        "händ ihr de no a lager?",
        "habts des lagernd für maschine 2?",
        "bis wann chönntet ihr das liefere?",
      ],
    },
    en: {
      train: [
        "is it in stock in the 60 litre size?",
        "have you got it at 250 bar in stock?",
        "delivery date for 2 pieces please",
        "lead time for 3 of them?",
        "what's the delivery date for 4 pcs?",
        "lead time on 10 of those please",
      ],
      validation: ["any in stock at 16 bar?", "delivery time for 2 pcs?"],
    },
  },
  price: {
    de: {
      train: [
        "was kost des?",
        "was tät das kosten?",
        "wie tüür isch das?",
        "was chostet de für d maschine 2?",
        "was kost des mit 250 bar?",
        "was kosten 60 liter davon?",
        "was tät uns das bei 1500 umdrehungen kosten?",
        "preis für die ausführung mit 16 bar?",
        "was würde es für 160 bar kosten, und wann wäre es da?",
        "wie viel kostet das mit 20 liter?",
        "was kostet der für das teil von maschine 2?",
        "was kostet das für die maschine 2, und wann wäre es da?",
        "was kostet mich das teil für maschine 2 mit 71 umdrehungen?",
        "Preis für 2 Stück bitte",
        "Preis für 3 davon?",
        "Stückpreis bei 10 stück?",
      ],
      validation: ["was kost'n des?", "was chostet das mit 250 bar?", "was kosten 20 liter?", "Preis für 4 stück?"],
    },
    en: {
      train: [
        "what does it cost at 250 bar?",
        "price for 60 litres?",
        "how much for the 1500 rpm version?",
        "what would it cost us with 16 bar, and when could it be here?",
        "price for 2 pieces please",
        "price for 3 of those?",
        "unit price at 10 pieces?",
      ],
      validation: ["how much is it at 160 bar?", "price for 20 litres please", "price for 4 pcs?"],
    },
  },
  add: {
    de: {
      train: [
        "bstelled mer zwei",
        "händ ihr mir 2 stück für d maschine 2?",
        "händ ihr no 4 devo für mich",
        "händ ihr mir eis devo",
        "händ ihr 3 stück für üs?",
        "2 stück fürs lager bitte",
        "4 davon fürs ersatzteillager",
        "fürs lager hätten wir gern 2",
        "mir nämed zwei devo",
        "gäbed mir 2 devo",
        "i nimm 3 davon",
        "tua ma 2 davon",
        "passt, dann nehmen wir zwei",
        "also guet, mir nämed eis",
        "gib ma 4 stück",
        "mir bruuched 2 devo für d maschine 2",
        "dann nehmen wir einen, unsere bestellnummer kommt gleich",
        "i hätt gern 2 stück",
        "passt, 3 stück bitte",
      ],
      validation: ["mir nämed eine", "gäbed mir 3 stück", "passt, dann 2 davon"],
    },
    en: {
      train: [
        "take one",
        "ok take two",
        "take 3 please",
        "yes, take one of those",
        "we take one",
        "fine, take 2, our po follows",
        "ok, take 1 for machine 2",
        "take four of them",
      ],
      validation: ["ok take one then", "take 2 of those please"],
    },
  },
  checkout: {
    de: {
      train: [
        "bstelled mer das so",
        "bitte bstelle",
        "guet, denn bstelle",
        "bestell ma des",
        "mach d bestellig fertig",
        "schick's ab",
        "passt, bitte bestellen",
        "ja, so bestelle",
        "guet, das chönd ihr so bstelle",
        "passt, dann bestell ma",
      ],
      validation: ["bstelled das so", "passt, bestellen bitte", "guet, bitte so bstelle"],
    },
  },
  cancel: {
    de: {
      train: ["lösched alles", "d bestellig stornierä", "lösch ma die ganze bestellung"],
      validation: ["alles lösche bitte"],
    },
  },
  compat: {
    de: {
      train: ["passt das a d maschine 2?", "gaht das für d maschine 2?", "passt des auf die maschine 2?"],
      validation: ["passt das für d maschine 2?"],
    },
  },
  None: {
    en: {
      train: [
        "one moment please",
        "hold on",
        "wait a sec",
        "gimme a minute",
        "hmm let me check",
        "just a moment, checking",
        "hang on, looking it up",
      ],
      validation: ["one sec", "hmm wait"],
    },
    de: {
      train: [
        "moment mal",
        "einen moment bitte",
        "warte kurz",
        "sekunde",
        "muss kurz nachschauen",
        "hmm, ich schau mal",
        "augenblick bitte",
      ],
      validation: ["kleinen moment", "hm, warte"],
    },
  },
  greet: {
    de: {
      train: ["griaß eich"],
      validation: ["grüessech"],
    },
  },
  thanks: {
    de: {
      train: [],
      validation: ["vergelt's gott"],
    },
  },
};
