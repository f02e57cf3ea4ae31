/**
 * Demo families about everyday understanding: reading comprehension over a generated passage,
 * and commonsense reasoning about ordinary situations.
 */
import type { Rng } from '../rng';
import type { FamilySpec, Template } from './text';
import { NAMES, TOWNS, between, options, pick, pickDistinct, withArticle } from './text';

const JOBS = ['nurse', 'carpenter', 'librarian', 'chef', 'engineer', 'teacher', 'beekeeper', 'photographer', 'pharmacist'];
const REASONS = [
  'to be closer to family',
  'because the rent was cheaper',
  'to start a new job',
  'to study at the art college',
  'after the factory closed',
  'to escape the noise of the capital',
];
const HOBBIES = [
  'restoring old bicycles',
  'growing tomatoes',
  'playing the cello',
  'painting harbour scenes',
  'running marathons',
  'collecting maps',
];
const PROBLEMS = [
  'the workshop flooded',
  'a new supermarket opened next door',
  'the landlord doubled the rent',
  'a fire destroyed the shed',
  'the town lost its railway station',
];

interface Story {
  name: string;
  town: string;
  year: number;
  job: string;
  reason: string;
  hobby: string;
  problem: string;
  passage: string;
}

function story(r: Rng, long: boolean): Story {
  const name = pick(r, NAMES);
  const town = pick(r, TOWNS);
  const year = between(r, 1962, 2019);
  const job = pick(r, JOBS);
  const reason = pick(r, REASONS);
  const hobby = pick(r, HOBBIES);
  const problem = pick(r, PROBLEMS);
  const friend = pick(
    r,
    NAMES.filter((n) => n !== name),
  );
  let passage = `${name} moved to ${town} in ${year} ${reason}. There ${name} worked as ${withArticle(job)} for ${between(r, 3, 30)} years and spent weekends ${hobby}.`;
  if (long) {
    passage += ` In ${year + between(r, 2, 12)}, ${problem}, and many neighbours expected ${name} to leave. Instead, ${name} and an old friend, ${friend}, ${pick(r, ['opened a small repair shop', 'organised a weekly market', 'started an evening class', 'set up a lending library'])} that is still running today. "We never planned any of it," ${name} later said, "we just refused to give up."`;
  }
  return { name, town, year, job, reason, hobby, problem, passage };
}

const readingEasy: Template[] = [
  (r) => {
    const s = story(r, false);
    return `Passage: ${s.passage}\nQuestion: In which year did ${s.name} move to ${s.town}?`;
  },
  (r) => {
    const s = story(r, false);
    return `Read the passage and answer the question.\n${s.passage}\nWhat did ${s.name} do at weekends?`;
  },
  (r) => {
    const s = story(r, false);
    return `Passage: ${s.passage}\nQuestion: What was ${s.name}'s job? ${options(
      pickDistinct(
        r,
        JOBS.filter((j) => j !== s.job),
        3,
      )
        .concat(s.job)
        .sort(),
    )}`;
  },
];

const readingHard: Template[] = [
  (r) => {
    const s = story(r, true);
    return `Passage: ${s.passage}\nQuestion: What can be inferred about ${s.name}'s attitude to setbacks? Support your answer with evidence from the passage.`;
  },
  (r) => {
    const s = story(r, true);
    return `Read the passage carefully.\n\n${s.passage}\n\nAccording to the passage, which statement is FALSE?\n${options([`${s.name} moved to ${s.town} in ${s.year}.`, `${s.name} left ${s.town} after ${s.problem}.`, `${s.name} worked as ${withArticle(s.job)}.`, `${s.name} spent weekends ${s.hobby}.`], true)}`;
  },
  (r) => {
    const s = story(r, true);
    return `Passage: ${s.passage}\nQuestion: Why did ${s.name} originally come to ${s.town}, and how did the events of the passage change ${s.name}'s role in the town? Answer in two or three sentences.`;
  },
  (r) => {
    const s = story(r, true);
    return `${s.passage}\n\nBased only on the text above, what does the quotation at the end suggest about the project, and what is the main idea of the passage?`;
  },
];

/** Situation, question pairs; {n} is replaced by a name. */
const SITUATIONS = [
  ['{n} left a tub of ice cream on the kitchen table in the sun for an hour.', 'What most likely happened to the ice cream?'],
  ['{n} put a glass bottle of water in the freezer overnight.', 'Why might the bottle be cracked in the morning?'],
  ['{n} is packing for a week at the beach.', 'Which is more useful to pack, sunscreen or a snow shovel, and why?'],
  ['{n} hears thunder while hiking on an open ridge.', 'What is the sensible thing to do next?'],
  ['{n} sees that the milk in the fridge is two weeks past its date and smells sour.', 'Should it be used for breakfast?'],
  ['{n} wants to hang a heavy mirror on a wall.', 'Is sticky tape a good choice? Why or why not?'],
  ['{n} forgot to water the houseplants for a month.', 'What would the plants probably look like?'],
  ['{n} is carrying a full cup of hot tea up the stairs.', 'Why should {n} walk slowly?'],
];
const OBJECTS = [
  'a brick',
  'a feather',
  'a watermelon',
  'a paperclip',
  'a bicycle',
  'a pillow',
  'a hammer',
  'a grape',
  'a sofa',
  'a laptop',
];
const PLACES = [
  ['a toothbrush', ['a bathroom', 'a garage', 'a library', 'a car park']],
  ['a stapler', ['an office', 'a swimming pool', 'a forest', 'a bakery oven']],
  ['a saddle', ['a stable', 'a fridge', 'a classroom', 'a bathtub']],
  ['a ladle', ['a kitchen', 'a bus stop', 'a tennis court', 'a wardrobe']],
  ['a lifebuoy', ['a harbour', 'a desert', 'a bedroom', 'a cinema']],
] as const;
/** An everyday habit and the moments when it makes sense. */
const HABITS = [
  ['wear a coat', ['in winter', 'on a windy day', 'before a late walk']],
  ['lock the door', ['at night', 'when leaving home', 'before a holiday']],
  ['wash their hands', ['before eating', 'after gardening', 'after using the bus']],
  ['carry an umbrella', ['when it is cloudy', 'in the rainy season', 'on a trip to a wet city']],
  ['keep bread in a closed bag', ['overnight', 'in a humid kitchen', 'after slicing it']],
  ['turn off the stove', ['after cooking', 'before answering the door', 'when leaving the kitchen']],
  ['bring a water bottle', ['on a hot day', 'on a long hike', 'to the gym']],
  ['check the weather forecast', ['before a picnic', 'before a sailing trip', 'the night before a long drive']],
] as const;

/** Object that does not fit, container, the two adjectives that flip the referent. */
const FITS = [
  ['piano', 'doorway', 'wide', 'narrow'],
  ['suitcase', 'car boot', 'big', 'small'],
  ['sofa', 'lift', 'long', 'short'],
  ['painting', 'frame', 'large', 'tiny'],
  ['cake', 'tin', 'tall', 'shallow'],
  ['ladder', 'van', 'long', 'short'],
] as const;

const commonsenseEasy: Template[] = [
  (r) => {
    const [sit, q] = pick(r, SITUATIONS);
    const n = pick(r, NAMES);
    return `${sit.replace('{n}', n)} ${q.replace('{n}', n)}`;
  },
  (r) => {
    const [a, b] = pickDistinct(r, OBJECTS, 2);
    return `Which is usually heavier, ${a} or ${b}?`;
  },
  (r) => {
    const [thing, places] = pick(r, PLACES);
    return `Where would you most likely find ${thing}? ${options(pickDistinct(r, places, places.length))}`;
  },
  (r) => {
    const [habit, whens] = pick(r, HABITS);
    return pick(r, [
      `Why might someone ${habit} ${pick(r, whens)}? Give the everyday reason.`,
      `${pick(r, NAMES)} always remembers to ${habit} ${pick(r, whens)}. Why is that sensible?`,
    ]);
  },
];

const commonsenseHard: Template[] = [
  (r) => {
    const [obj, box, big, small] = pick(r, FITS);
    const adj = r.next() < 0.5 ? big : small;
    return `The ${obj} would not fit through the ${box} because it was too ${adj}. In this sentence, what does "it" refer to, the ${obj} or the ${box}? Explain how you decided.`;
  },
  (r) => {
    const n = pick(r, NAMES);
    return `${n} said they would be at the party by ${between(r, 6, 9)} o'clock, but at ${between(r, 10, 11)} o'clock their coat was still hanging by their own front door and the lights in their flat were on. Give the most plausible explanation and one less likely alternative, and say why you ranked them that way.`;
  },
  (r) => {
    const [a, b] = pickDistinct(r, NAMES, 2);
    return `${a} lent ${b} an umbrella on a rainy afternoon. The next day ${b} returned it ${pick(r, ['with a box of chocolates', 'broken', 'still wet', 'without saying a word'])}. How might ${a} feel, and what would be a considerate response? Consider at least two perspectives.`;
  },
  (r) =>
    `A ${pick(r, ['glass', 'plastic', 'metal', 'paper'])} cup, a ${pick(r, ['wooden', 'rubber', 'ceramic'])} spoon and an ice cube are left in a car parked in the sun in ${pick(r, ['July', 'August'])} for ${between(r, 2, 6)} hours. Describe what each object is likely to be like afterwards, and explain the everyday knowledge you used.`,
];

export const READING: FamilySpec = {
  task: 'reading',
  difficulty: 0.0,
  easy: readingEasy,
  hard: readingHard,
  prefixes: ['Reading comprehension.\n', 'Reading test, part 2.\n'],
  suffixes: ['Answer using only information in the passage.', 'Quote the passage where it supports your answer.'],
};
export const COMMONSENSE: FamilySpec = {
  task: 'commonsense',
  difficulty: -0.4,
  easy: commonsenseEasy,
  hard: commonsenseHard,
  prefixes: ['Commonsense question: ', 'Everyday reasoning: ', 'Use common sense. '],
  suffixes: ['Keep the answer short and practical.', 'Think about what usually happens in daily life.'],
};
