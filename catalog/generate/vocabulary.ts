/**
 * Word pools for the synthetic catalog: an industrial distributor of pumps, motors, compressors and
 * their spare parts. Invented brands; no knowledge of any particular shop or of the demo world.
 */

export const BRANDS = [
  "Aquaron",
  "Brevik Fluidtechnik",
  "Castellan Pumps",
  "Delmar Drives",
  "Elvstad",
  "Ferrox",
  "Grauwerk",
  "Halden Industrial",
  "Isotherma",
  "Jorvik Motion",
  "Kestrel Hydraulics",
  "Lindqvist",
  "Marlow & Pike",
  "Norvane",
  "Oberland Antriebe",
  "Pellucid Instruments",
  "Quarrington",
  "Rheinauer",
  "Solvang Seals",
  "Tavira Flow",
  "Ulmhorst",
  "Vantor",
  "Westerby",
  "Xylon Filtration",
  "Yarrowby",
  "Zeltmann",
  "Arclight Controls",
  "Borealis Air",
  "Corvo Valves",
  "Dunmore Bearings",
  "Emberline",
  "Fjordtek",
] as const;

export const ELASTOMERS = ["NBR", "EPDM", "FKM", "FFKM", "PTFE", "silicone", "HNBR"] as const;
export const METALS = [
  "cast iron",
  "stainless steel 1.4301",
  "stainless steel 1.4404",
  "bronze",
  "duplex steel",
  "brass",
  "ductile iron",
] as const;
export const PLASTICS = ["PVDF", "polypropylene", "PVC-U", "POM"] as const;
export const MATERIALS = [...ELASTOMERS, ...METALS, ...PLASTICS] as const;
export const MEDIA = [
  "water",
  "hot water",
  "glycol",
  "seawater",
  "mineral oil",
  "diesel",
  "wastewater",
  "sludge",
  "caustic soda",
  "dilute acid",
  "compressed air",
  "steam",
] as const;

/** Deterministic material × medium ratings: mostly "ok", chemistry where it matters. */
const AGGRESSIVE: Record<string, readonly string[]> = {
  NBR: ["steam", "caustic soda", "dilute acid", "hot water"],
  EPDM: ["mineral oil", "diesel"],
  FKM: ["steam", "caustic soda"],
  silicone: ["mineral oil", "diesel", "steam"],
  HNBR: ["dilute acid"],
  "cast iron": ["seawater", "dilute acid", "caustic soda"],
  "ductile iron": ["seawater", "dilute acid"],
  brass: ["seawater", "dilute acid", "caustic soda", "wastewater"],
  bronze: ["dilute acid", "caustic soda"],
  "stainless steel 1.4301": ["seawater"],
  PVDF: ["caustic soda"],
  polypropylene: ["steam", "diesel"],
  "PVC-U": ["steam", "hot water", "diesel"],
  POM: ["dilute acid", "steam"],
  "carbon steel": ["seawater", "dilute acid", "caustic soda", "wastewater"],
  steel: ["seawater", "dilute acid", "caustic soda"],
  "chrome steel": ["seawater", "dilute acid", "caustic soda", "wastewater"],
  "bearing steel": ["seawater", "dilute acid", "caustic soda", "wastewater"],
  aluminium: ["caustic soda", "seawater", "dilute acid"],
  "galvanised malleable iron": ["dilute acid", "seawater", "caustic soda"],
  santoprene: ["mineral oil", "diesel", "steam"],
  polyurethane: ["hot water", "steam", "dilute acid"],
  UPE: ["steam"],
  "stainless steel 1.4401": [],
};
const LIMITED: Record<string, readonly string[]> = {
  NBR: ["wastewater"],
  EPDM: ["sludge"],
  "stainless steel 1.4301": ["dilute acid"],
  "stainless steel 1.4404": ["seawater"],
  "cast iron": ["wastewater", "hot water"],
  polypropylene: ["hot water"],
  FKM: ["hot water"],
};

export function mediumRating(material: string, medium: string): "ok" | "limited" | "no" {
  if (AGGRESSIVE[material]?.includes(medium)) return "no";
  if (LIMITED[material]?.includes(medium)) return "limited";
  return "ok";
}

/** Media a material handles well, for descriptions. */
export function goodMedia(material: string): string[] {
  return MEDIA.filter((m) => mediumRating(material, m) === "ok");
}

export const DN = [25, 32, 40, 50, 65, 80, 100, 125, 150] as const;
export const THREADS = ["G 1/4", "G 3/8", "G 1/2", "G 3/4", "G 1", "G 1 1/4", "G 1 1/2", "G 2"] as const;
export const SHAFTS = [12, 16, 18, 20, 22, 24, 25, 28, 30, 32, 35, 38, 40, 45, 50, 55, 60] as const;
export const MOTOR_KW = [
  0.37, 0.55, 0.75, 1.1, 1.5, 2.2, 3, 4, 5.5, 7.5, 11, 15, 18.5, 22, 30, 37, 45, 55, 75, 90,
] as const;
export const PRESSURES = [6, 10, 16, 25, 40] as const;
export const TEMPS = [60, 80, 100, 120, 140, 160, 180, 200] as const;
export const REGIONS = ["north", "south", "east", "west"] as const;

export const APPLICATIONS = [
  "building services",
  "HVAC circulation",
  "process water",
  "cooling circuits",
  "boiler feed",
  "irrigation",
  "wastewater treatment",
  "chemical dosing",
  "food and beverage plants",
  "district heating",
  "mining dewatering",
  "fire protection",
  "pressure boosting",
  "machine tool coolant",
  "paint shops",
  "marine service",
  "pulp and paper",
  "breweries",
  "swimming pools",
  "condensate return",
  "filtration skids",
  "hydraulic power units",
  "car washes",
] as const;

export const QUALITIES = [
  "Low-maintenance design",
  "Drop-in replacement for the original part",
  "Factory-tested before shipping",
  "Long service life under continuous duty",
  "Compact footprint",
  "Easy to fit without special tools",
  "Corrosion-resistant finish",
  "Quiet running",
  "Supplied with fitting instructions",
  "Heavy-duty construction",
  "Precision-machined surfaces",
  "Energy-efficient operation",
  "Suitable for frequent start/stop cycles",
  "Tested to EN ISO standards",
  "Replaces several older variants",
  "Optimised for abrasive media",
] as const;

export const COMPANY_STEMS = [
  "Aldermoor",
  "Brightwater",
  "Coldbrook",
  "Dunfield",
  "Eastmarch",
  "Fairhaven",
  "Glenrock",
  "Highbury",
  "Ironvale",
  "Juniper",
  "Kingsford",
  "Lakeshore",
  "Millbrook",
  "Northgate",
  "Oakridge",
  "Pinecrest",
  "Queensbay",
  "Riverside",
  "Stonebridge",
  "Thornbury",
  "Upland",
  "Valemount",
  "Westfield",
  "Yellowstone",
  "Ashcombe",
  "Birchwood",
  "Copperhill",
  "Deepwell",
  "Elmstead",
  "Foxley",
  "Greywater",
  "Hartwell",
] as const;
export const COMPANY_TRADES = [
  "Utilities",
  "Brewing",
  "Paper Mill",
  "Foods",
  "Chemicals",
  "Water Board",
  "Facility Services",
  "Dairy",
  "Steelworks",
  "Plastics",
  "Hospital",
  "Waterworks",
  "Heating Plant",
  "Agritech",
  "Marine",
  "Pharma",
  "Logistics",
  "Textiles",
  "Mining",
  "Automotive Parts",
] as const;
export const COMPANY_FORMS = ["Ltd", "GmbH", "AG", "B.V.", "S.A.", "Inc.", "& Co. KG", "plc", "Oy", "AB"] as const;
export const FIRST_NAMES = [
  "Anna",
  "Ben",
  "Clara",
  "David",
  "Elif",
  "Finn",
  "Greta",
  "Hamid",
  "Ines",
  "Jonas",
  "Katrin",
  "Luca",
  "Maja",
  "Nils",
  "Olga",
  "Pavel",
  "Rosa",
  "Sami",
  "Tara",
  "Uwe",
  "Vera",
  "Wim",
  "Yusuf",
  "Zoe",
  "Marco",
  "Lena",
] as const;
export const LAST_NAMES = [
  "Adler",
  "Bakker",
  "Costa",
  "Dubois",
  "Eriksen",
  "Fischer",
  "Garcia",
  "Hansen",
  "Ivanova",
  "Jansen",
  "Keller",
  "Lindgren",
  "Moreau",
  "Novak",
  "Olsen",
  "Peeters",
  "Quint",
  "Rossi",
  "Schmidt",
  "Toth",
  "Urban",
  "Vogel",
  "Weber",
  "Young",
  "Zimmer",
  "Kowalski",
] as const;
export const ROLES = ["purchasing", "maintenance engineer", "plant manager", "technician", "buyer", "stores"] as const;
export const STREETS = [
  "Industrial Road",
  "Harbour Street",
  "Mill Lane",
  "Station Road",
  "Canal Way",
  "Works Avenue",
  "Quarry Road",
  "Foundry Lane",
] as const;
export const CITIES: Record<(typeof REGIONS)[number], readonly (readonly [string, string])[]> = {
  north: [
    ["Hamburg", "DE"],
    ["Aarhus", "DK"],
    ["Groningen", "NL"],
    ["Bremen", "DE"],
    ["Gothenburg", "SE"],
  ],
  south: [
    ["Munich", "DE"],
    ["Milan", "IT"],
    ["Graz", "AT"],
    ["Zurich", "CH"],
    ["Lyon", "FR"],
  ],
  east: [
    ["Leipzig", "DE"],
    ["Poznan", "PL"],
    ["Brno", "CZ"],
    ["Dresden", "DE"],
    ["Wroclaw", "PL"],
  ],
  west: [
    ["Cologne", "DE"],
    ["Antwerp", "BE"],
    ["Lille", "FR"],
    ["Eindhoven", "NL"],
    ["Liege", "BE"],
  ],
};
export const SITES = [
  "Plant 1",
  "Plant 2",
  "Boiler house",
  "Pump station",
  "Basement",
  "Roof",
  "Line A",
  "Line B",
  "Tank farm",
  "Workshop",
] as const;
