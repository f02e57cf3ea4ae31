/**
 * Demo families of expert knowledge: chemistry / physics science QA and medical / legal QA.
 * Easy templates ask for a fact or a definition; hard ones are calculations or case vignettes.
 */
import type { FamilySpec, Template } from './text';
import { NAMES, between, capitalise, listing, options, pick, pickDistinct, plural, withArticle } from './text';

const ELEMENTS = [
  'sodium',
  'potassium',
  'iron',
  'copper',
  'silver',
  'gold',
  'lead',
  'tin',
  'mercury',
  'tungsten',
  'calcium',
  'magnesium',
  'chlorine',
  'nitrogen',
  'helium',
  'neon',
  'sulfur',
  'phosphorus',
  'zinc',
];
const ISOTOPES = [
  'carbon-14',
  'oxygen-18',
  'iron-56',
  'uranium-235',
  'chlorine-37',
  'sodium-23',
  'cobalt-60',
  'iodine-131',
  'lead-208',
  'neon-22',
  'magnesium-26',
  'potassium-40',
  'strontium-90',
  'helium-4',
  'nitrogen-15',
  'copper-63',
];
const QUANTITIES = [
  'force',
  'energy',
  'power',
  'pressure',
  'electric charge',
  'electrical resistance',
  'frequency',
  'magnetic flux density',
  'luminous intensity',
  'amount of substance',
  'capacitance',
  'inductance',
];
const MC_SETS = [
  ['a noble gas', ['argon', 'oxygen', 'fluorine', 'hydrogen']],
  ['an alkali metal', ['lithium', 'calcium', 'aluminium', 'silicon']],
  ['a vector quantity', ['velocity', 'mass', 'temperature', 'speed']],
  ['a physical change', ['melting ice', 'burning wood', 'rusting iron', 'baking bread']],
  ['an exothermic process', ['combustion of methane', 'melting of ice', 'evaporation of water', 'photosynthesis']],
  ['a strong acid', ['hydrochloric acid', 'acetic acid', 'citric acid', 'carbonic acid']],
] as const;
const PHENOMENA = [
  'ice floats on liquid water',
  'the sky appears blue on a clear day',
  'a metal spoon feels colder than a wooden one at the same temperature',
  'salt lowers the freezing point of water',
  'a balloon shrinks when placed in a freezer',
  'sound travels faster in steel than in air',
  'a straw looks bent in a glass of water',
  'noble gases rarely form compounds',
  'pressure cookers cook food faster',
];
const COMPOUNDS = [
  ['sodium chloride', 58.44],
  ['glucose', 180.16],
  ['potassium nitrate', 101.1],
  ['calcium carbonate', 100.09],
  ['sodium hydroxide', 40.0],
  ['copper(II) sulfate', 159.61],
  ['ammonium chloride', 53.49],
] as const;
const EQUATIONS = [
  'Fe + O2 → Fe2O3',
  'C3H8 + O2 → CO2 + H2O',
  'Al + HCl → AlCl3 + H2',
  'KClO3 → KCl + O2',
  'NH3 + O2 → NO + H2O',
  'C2H6 + O2 → CO2 + H2O',
  'Na + H2O → NaOH + H2',
  'Ca(OH)2 + H3PO4 → Ca3(PO4)2 + H2O',
];

const scienceEasy: Template[] = [
  (r) => `What is the chemical symbol for ${pick(r, ELEMENTS)}?`,
  (r) => `What is the SI unit of ${pick(r, QUANTITIES)}?`,
  (r) => {
    const [what, opts] = pick(r, MC_SETS);
    return `Which of the following is ${what}? ${options(pickDistinct(r, opts, opts.length))}`;
  },
  (r) => `How many protons, neutrons and electrons are in a neutral atom of ${pick(r, ISOTOPES)}?`,
  (r) => `A car travels ${between(r, 50, 400)} metres in ${between(r, 5, 40)} seconds. What is its average speed in m/s?`,
  (r) =>
    `Is dissolving ${pick(r, ['sugar', 'salt', 'baking soda', 'coffee'])} in ${pick(r, ['water', 'warm water', 'tea'])} a physical or a chemical change? Explain briefly.`,
];

const scienceHard: Template[] = [
  (r) =>
    `${capitalise(withArticle(String(between(r, 2, 40))))} kg cart accelerates uniformly from rest to ${between(r, 3, 25)} m/s in ${between(r, 2, 12)} s on a frictionless track. What net force acts on it, and how much kinetic energy does it gain?`,
  (r) => {
    const [compound, molar] = pick(r, COMPOUNDS);
    return `How many grams of ${compound} (molar mass ${molar} g/mol) are needed to prepare ${between(r, 1, 20) * 50} mL of a ${pick(r, ['0.10', '0.25', '0.50', '1.0', '2.0'])} M solution? Show the calculation.`;
  },
  (r) => `Balance the chemical equation ${pick(r, EQUATIONS)} and state the mole ratio of the reactants.`,
  (r) =>
    `A sound wave of frequency ${between(r, 2, 40) * 50} Hz travels through air at 343 m/s. What is its wavelength? If the wave enters water, where sound travels at about 1480 m/s, what happens to its frequency and wavelength?`,
  (r) => `Explain, at the level of molecules or photons, why ${pick(r, PHENOMENA)}.`,
  (r) =>
    `An ideal gas occupies ${between(r, 2, 30)} L at ${between(r, 270, 330)} K and ${between(r, 90, 110)} kPa. What volume does it occupy at ${between(r, 340, 500)} K and ${between(r, 150, 400)} kPa? State which gas law you use.`,
  (r) =>
    `${capitalise(withArticle(String(between(r, 2, 24))))} V battery drives a current through resistors of ${between(r, 2, 20)} Ω and ${between(r, 21, 60)} Ω connected in ${pick(r, ['series', 'parallel'])}. Find the current drawn from the battery and the power dissipated in each resistor.`,
];

const CONDITIONS_MED = [
  'type 2 diabetes',
  'iron-deficiency anaemia',
  'hypothyroidism',
  'migraine',
  'asthma',
  'gout',
  'appendicitis',
  'pneumonia',
  'shingles',
  'hypertension',
  'gastro-oesophageal reflux disease',
];
const SYMPTOMS = [
  'fever',
  'a dry cough',
  'fatigue',
  'shortness of breath',
  'chest tightness',
  'abdominal pain in the right lower quadrant',
  'nausea',
  'joint swelling in the big toe',
  'a throbbing unilateral headache',
  'weight gain',
  'cold intolerance',
  'a painful band-like rash',
  'heartburn after meals',
  'night sweats',
  'palpitations',
  'pale skin',
];
const HISTORY = [
  'Past history: hypertension',
  'Smokes 20 cigarettes a day',
  'No relevant past history',
  'Returned from a long-haul flight last week',
  'Takes no regular medication',
  'Drinks alcohol most evenings',
  'Past history: asthma since childhood',
  'Family history of heart disease',
];
/** Conditions a clinician is often asked to tell apart. */
const LOOKALIKES = [
  ['migraine', 'a tension headache'],
  ['asthma', 'COPD'],
  ['gout', 'septic arthritis'],
  ['appendicitis', 'gastroenteritis'],
  ['pneumonia', 'acute bronchitis'],
  ['shingles', 'contact dermatitis'],
  ['type 1 diabetes', 'type 2 diabetes'],
  ['hypothyroidism', 'depression'],
  ['angina', 'gastro-oesophageal reflux disease'],
  ['iron-deficiency anaemia', 'vitamin B12 deficiency'],
] as const;
const LEGAL_TERMS = [
  'habeas corpus',
  'res judicata',
  'tort',
  'estoppel',
  'mens rea',
  'force majeure',
  'indemnity',
  'power of attorney',
  'easement',
  'statute of limitations',
  'fiduciary duty',
  'injunction',
];
const DRUGS = ['ibuprofen', 'paracetamol', 'amoxicillin', 'metformin', 'warfarin', 'atorvastatin', 'omeprazole'];

const medlawEasy: Template[] = [
  (r) => {
    const c = pick(r, CONDITIONS_MED);
    return pick(r, [
      `What are the common symptoms of ${c}?`,
      `How is ${c} usually diagnosed?`,
      `What are the main risk factors for ${c}?`,
      `What is the first-line treatment for ${c}?`,
    ]);
  },
  (r) => {
    const [a, b] = pickDistinct(r, pick(r, LOOKALIKES), 2);
    return pick(r, [`How can a doctor tell ${a} apart from ${b}?`, `Which features help distinguish ${a} from ${b}?`]);
  },
  (r) =>
    `What does the legal term "${pick(r, LEGAL_TERMS)}" mean? Give a short example${pick(r, ['', ' from employment law', ' from property law', ' from criminal law'])}.`,
  (r) =>
    `What is the usual ${pick(r, ['adult dose range', 'dose range for older adults', 'dose adjustment in kidney impairment'])} for ${pick(r, DRUGS)}, and what is its most common side effect?`,
  (r) => {
    const [a, b] = pickDistinct(r, LEGAL_TERMS, 2);
    return `In contract law, how does ${a} differ from ${b}?`;
  },
  (r) =>
    `Is a verbal agreement to ${pick(r, ['sell a car', 'rent a flat', 'lend money', 'paint a house'])} legally binding in most common-law jurisdictions?`,
  (r) => `Which vitamin deficiency causes ${pick(r, ['scurvy', 'rickets', 'night blindness', 'beriberi', 'pellagra'])}?`,
];

const medlawHard: Template[] = [
  (r) => {
    const s = pickDistinct(r, SYMPTOMS, 3);
    return `${capitalise(withArticle(`${between(r, 19, 84)}-year-old`))} ${pick(r, ['man', 'woman'])} presents with ${listing(s)} for ${between(r, 2, 14)} days. ${pick(r, HISTORY)}. Vital signs: temperature ${between(r, 365, 395) / 10} °C, heart rate ${between(r, 60, 125)}/min, blood pressure ${between(r, 100, 165)}/${between(r, 60, 100)} mmHg. What is the most likely diagnosis, and which investigation should be ordered first?`;
  },
  (r) => {
    const n = between(r, 6, 24);
    return `A tenant signed ${withArticle(`${n}-month`)} residential lease. After ${plural(between(r, 1, n - 1), 'month')} the landlord sells the building, and the new owner demands that the tenant leave within ${between(r, 7, 30)} days. Discuss whether the tenant must leave, which legal principles apply, and what remedies the tenant may have.`;
  },
  (r) =>
    `A patient taking ${pick(r, DRUGS)} is prescribed ${pick(
      r,
      DRUGS.filter((d) => d !== 'warfarin'),
    )} as well. Explain the possible interaction, the mechanism, and how the patient should be monitored.`,
  (r) => {
    const [a, b] = pickDistinct(r, NAMES, 2);
    return `${a} posts a review online claiming that ${b}'s restaurant "uses expired meat," which ${b} says is false. ${b} loses ${between(r, 10, 60)}% of bookings. Analyse a possible defamation claim: the elements ${b} must prove, the defences open to ${a}, and the likely remedies.`;
  },
  (r) =>
    `Interpret these results for ${withArticle(`${between(r, 25, 80)}-year-old`)} patient: haemoglobin ${between(r, 80, 160) / 10} g/dL, MCV ${between(r, 65, 110)} fL, ferritin ${between(r, 5, 300)} ng/mL. What is the likely diagnosis, and what further tests would you request?`,
  (r) =>
    `An employee is dismissed ${between(r, 2, 11)} days after reporting a safety violation to a regulator. The employer cites "poor performance" but has no written warnings. Assess a claim for retaliatory dismissal, including the burden of proof and the evidence that would matter.`,
];

export const SCIENCE: FamilySpec = {
  task: 'science',
  difficulty: 0.2,
  easy: scienceEasy,
  hard: scienceHard,
  prefixes: ['Science question: ', 'Physics and chemistry quiz: ', 'Chemistry / physics homework: '],
  suffixes: ['Briefly explain the underlying science.', 'State any assumptions you make.'],
};
export const MEDLAW: FamilySpec = {
  task: 'medical-legal',
  difficulty: 0.4,
  easy: medlawEasy,
  hard: medlawHard,
  prefixes: ['Professional exam practice: ', 'Case question (medicine or law): ', 'Board exam style question: '],
  suffixes: ['This is for exam study, not personal advice.', 'Name the guideline or legal principle you rely on.'],
};
