/**
 * Demo families with numbers in them: maths word problems and logic puzzles.
 * Easy templates are one-step questions; hard ones are multi-step and ask for reasoning.
 */
import type { FamilySpec, Template } from './text';
import { NAMES, between, pick, pickDistinct, plural } from './text';

const ITEMS = [
  ['boxes of muffins', 'muffins', 'box'],
  ['crates of apples', 'apples', 'crate'],
  ['packs of pencils', 'pencils', 'pack'],
  ['trays of cookies', 'cookies', 'tray'],
  ['bags of oranges', 'oranges', 'bag'],
  ['cartons of eggs', 'eggs', 'carton'],
  ['rolls of stickers', 'stickers', 'roll'],
  ['jars of jam', 'jars', 'jar'],
] as const;
const SHOPS = ['bakery', 'farm stand', 'school shop', 'corner store', 'market stall', 'garden centre'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const THINGS = ['marbles', 'stamps', 'seashells', 'trading cards', 'coins', 'books', 'beads'];
const VEHICLES = ['train', 'cyclist', 'bus', 'ferry', 'delivery van', 'runner'];
const COLOURS = ['red', 'blue', 'green', 'yellow'];

const mathEasy: Template[] = [
  (r) => {
    const name = pick(r, NAMES);
    const thing = pick(r, THINGS);
    const a = between(r, 12, 90);
    return `${name} has ${a} ${thing} and gives ${between(r, 2, a - 3)} of them to a friend. How many ${thing} does ${name} have left?`;
  },
  (r) => `What is ${between(r, 2, 60)} + ${between(r, 2, 12)} × ${between(r, 2, 12)}?`,
  (r) => {
    const [, unit, box] = pick(r, ITEMS);
    return `One ${box} holds ${between(r, 4, 24)} ${unit}. How many ${unit} are there in ${between(r, 3, 15)} ${box}s?`;
  },
  (r) => `Compute ${pick(r, [5, 10, 15, 20, 25, 30, 40, 75])}% of ${between(r, 2, 60) * 10}.`,
  (r) => {
    const v = pick(r, VEHICLES);
    return `A ${v} moves at a steady ${between(r, 8, 120)} km/h. How far does it travel in ${between(r, 2, 9)} hours?`;
  },
  (r) => `Round ${between(r, 100, 9999)}.${between(r, 10, 99)} to the nearest ten.`,
  (r) => {
    const name = pick(r, NAMES);
    return `${name} earns $${between(r, 8, 25)} per hour and works ${between(r, 3, 9)} hours on ${pick(r, DAYS)}. How much money does ${name} earn that day?`;
  },
  (r) => `Simplify the fraction ${between(r, 2, 9) * 6}/${between(r, 10, 19) * 6}.`,
];

const mathHard: Template[] = [
  (r) => {
    const [sold, unit, box] = pick(r, ITEMS);
    const [d1, d2] = pickDistinct(r, DAYS, 2);
    return `A ${pick(r, SHOPS)} sells ${between(r, 6, 40)} ${sold} on ${d1} and ${between(r, 2, 5)} times as many on ${d2}. Each ${box} holds ${between(r, 4, 12)} ${unit}. How many ${unit} did it sell in total over the two days?`;
  },
  (r) =>
    `A shop raises the price of a jacket by ${between(r, 5, 40)}% and later offers a ${between(r, 5, 35)}% discount on the new price. If the jacket originally cost $${between(r, 30, 250)}, what is its final price? Give the answer to the nearest cent and explain each step.`,
  (r) => {
    const a = between(r, 3, 12);
    const c = between(r, 1, a - 1);
    return `Solve for x: ${a}x + ${between(r, 1, 40)} = ${c}x + ${between(r, 41, 120)}. Show your working.`;
  },
  (r) =>
    `Two pipes fill a water tank. The first alone takes ${between(r, 2, 9)} hours and the second alone takes ${between(r, 10, 18)} hours. If both pipes are opened together, how long does it take to fill the tank? Express the answer in hours and minutes.`,
  (r) =>
    `The sum of three consecutive even integers is ${(between(r, 5, 80) * 2 + 2) * 3}. What is the largest of the three integers? Explain your reasoning step by step.`,
  (r) => {
    const k = between(r, 2, 9);
    return `A rectangle's length is ${k} cm longer than its width, and its perimeter is ${(between(r, 3, 30) * 2 + k) * 2} cm. Find the area of the rectangle in square centimetres.`;
  },
  (r) => {
    const [c1, c2] = pickDistinct(r, COLOURS, 2);
    return `A bag contains ${between(r, 3, 9)} ${c1} marbles, ${between(r, 2, 8)} ${c2} marbles and ${between(r, 2, 6)} white marbles. Two marbles are drawn at random without replacement. What is the probability that both are ${c1}? Give the answer as a simplified fraction.`;
  },
  (r) => {
    const name = pick(r, NAMES);
    return `${name} invests $${between(r, 5, 60) * 100} at an annual interest rate of ${between(r, 2, 9)}%, compounded yearly. How much will the investment be worth after ${between(r, 3, 12)} years? Round to the nearest dollar.`;
  },
  (r) => {
    const [v1, v2] = pickDistinct(r, VEHICLES, 2);
    return `A ${v1} leaves ${pick(r, ['Station A', 'the depot', 'the harbour'])} at ${between(r, 6, 11)}:00 travelling at ${between(r, 30, 70)} km/h. A ${v2} leaves the same place ${plural(between(r, 1, 3), 'hour')} later on the same route at ${between(r, 75, 120)} km/h. At what time does the ${v2} catch up with the ${v1}?`;
  },
];

const CREATURES = ['blickets', 'daxes', 'wugs', 'florps', 'tovs', 'zorbs', 'grolls', 'mimsies'];
const CONDITIONS = [
  ['it rains', 'the football match is cancelled'],
  ['the alarm rings', 'everyone leaves the building'],
  ['the light is green', 'the cars may go'],
  ['a number is divisible by 6', 'it is divisible by 3'],
  ['the oven is on', 'the kitchen is warm'],
  ['the password is correct', 'the door opens'],
  ['a shape is a square', 'it has four sides'],
  ['the battery is flat', 'the torch does not light'],
  ['the museum is open', 'the flag is raised'],
  ['the river freezes', 'the ferry stops running'],
] as const;

const logicEasy: Template[] = [
  (r) => {
    const [a, b, c] = pickDistinct(r, CREATURES, 3);
    return `All ${a} are ${b}. All ${b} are ${c}. Is it true that all ${a} are ${c}? Answer yes or no.`;
  },
  (r) => {
    const [a, b, c] = pickDistinct(r, CREATURES, 3);
    return `Some ${a} are ${b}, and no ${b} are ${c}. Does it follow that some ${a} are not ${c}?`;
  },
  (r) => {
    const [p, q] = pick(r, CONDITIONS);
    const fact = pick(r, [`it is not the case that ${q}`, `${q}`, `${p}`, `it is not the case that ${p}`]);
    return `If ${p}, then ${q}. We know that ${fact}. What, if anything, can we conclude?`;
  },
  (r) => {
    const s = between(r, 1, 9);
    const k = between(r, 2, 4);
    return `What number comes next in the sequence ${s}, ${s * k}, ${s * k * k}, ${s * k ** 3}, ...?`;
  },
  (r) => {
    const s = between(r, 1, 30);
    const d = between(r, 3, 11);
    return `Find the missing term: ${s}, ${s + d}, ?, ${s + 3 * d}, ${s + 4 * d}.`;
  },
  (r) => {
    const [x, y, z] = pickDistinct(r, NAMES, 3);
    return `${x} is older than ${y}, and ${y} is older than ${z}. Who is the youngest?`;
  },
];

const SPEECH = [
  (_a: string, b: string) => `"${b} is a knave."`,
  (a: string, b: string) => `"${a} and ${b} are both knights."`,
  (_a: string, b: string) => `"At least one of us is a knave," pointing at ${b}.`,
  (_a: string, b: string) => `"${b} would say that I am a knight."`,
];

const logicHard: Template[] = [
  (r) => {
    const [a, b] = pickDistinct(r, NAMES, 2);
    const s1 = pick(r, SPEECH)(a, b);
    const s2 = pick(r, SPEECH)(b, a);
    return `On an island, knights always tell the truth and knaves always lie. ${a} says: ${s1} ${b} says: ${s2} Determine who is a knight and who is a knave, and justify your answer.`;
  },
  (r) => {
    const p = pickDistinct(r, NAMES, 5);
    return `Five friends, ${p.join(', ')}, sit in a row of five chairs. ${p[0]} sits at one end. ${p[1]} sits directly to the right of ${p[3]}. ${p[2]} is not next to ${p[0]}. ${p[4]} sits in chair ${between(r, 2, 4)}. Who could be sitting in the middle chair? List every possibility.`;
  },
  (r) => {
    const f = pick(r, [
      '((p → q) ∧ ¬q) → ¬p',
      '(p ∨ q) → (p ∧ q)',
      '(p → q) ↔ (¬q → ¬p)',
      '((p → q) ∧ (q → r)) → (p → r)',
      '(p ∧ ¬p) → q',
      '¬(p ∧ q) ↔ (¬p ∨ ¬q)',
    ]);
    return `Is the formula ${f} a tautology, a contradiction or contingent? Justify your answer with a truth table.`;
  },
  (r) => {
    const [a, b, c, d, e] = pickDistinct(r, NAMES, 5);
    const ask = pick(r, ['Who is the second tallest', 'Who is the shortest', 'Rank all five from tallest to shortest']);
    return `${a} is taller than ${b}. ${c} is shorter than ${b} but taller than ${d}. ${e} is taller than ${a}. ${ask}? Say which of the statements you needed.`;
  },
  (r) => {
    const boxes = between(r, 3, 4);
    return `There are ${boxes} boxes labelled "apples", "oranges"${boxes === 4 ? ', "pears"' : ''} and "mixed", and every label is wrong. You may draw one fruit from one box without looking inside. Which box should you draw from, and how do you then relabel all the boxes correctly?`;
  },
  (r) => {
    const n = between(r, 8, 30);
    return `A logician has ${n} coins, one of which is counterfeit and ${pick(r, ['lighter', 'heavier'])} than the rest. Using a balance scale, what is the minimum number of weighings that always identifies the counterfeit coin? Prove that fewer weighings cannot suffice.`;
  },
];

export const MATH: FamilySpec = {
  task: 'math',
  difficulty: 0.3,
  easy: mathEasy,
  hard: mathHard,
  prefixes: ['Math word problem: ', 'Solve the following maths problem. ', 'Arithmetic practice: '],
  suffixes: ['Give the final answer on its own line.', 'Check your answer before replying.'],
};
export const LOGIC: FamilySpec = {
  task: 'logic',
  difficulty: 0.5,
  easy: logicEasy,
  hard: logicHard,
  prefixes: ['Logic puzzle: ', 'Deductive reasoning task: ', 'Puzzle. '],
  suffixes: ['Reason step by step, then state your conclusion.', 'Explain your deduction briefly.'],
};
