/**
 * Demo family of world-knowledge trivia (geography, history, literature, music, sport).
 * Facts are public knowledge; the wording is ours. Easy: one-hop recall; hard: compare or chain facts.
 */
import type { FamilySpec, Template } from './text';
import { capitalise, pick, pickDistinct, withArticle } from './text';

const COUNTRIES = [
  'Canada',
  'Australia',
  'Brazil',
  'Kenya',
  'Norway',
  'Japan',
  'Egypt',
  'Peru',
  'Vietnam',
  'Hungary',
  'Morocco',
  'New Zealand',
  'Chile',
  'Finland',
  'Turkey',
  'Ghana',
  'Portugal',
  'Mongolia',
  'Argentina',
  'Poland',
  'Thailand',
  'Iceland',
  'Nigeria',
  'Colombia',
  'Greece',
  'Indonesia',
  'Ireland',
  'Pakistan',
  'Ukraine',
  'Cuba',
  'Ethiopia',
  'Austria',
  'Bolivia',
  'Nepal',
  'Senegal',
  'Sweden',
  'Malaysia',
  'Uruguay',
  'Jordan',
  'Croatia',
  'Tanzania',
  'Romania',
  'Ecuador',
  'Bangladesh',
  'Estonia',
];
const BOOKS = [
  'Pride and Prejudice',
  'War and Peace',
  'One Hundred Years of Solitude',
  'Moby-Dick',
  'Don Quixote',
  'Crime and Punishment',
  'Things Fall Apart',
  'The Great Gatsby',
  'Frankenstein',
  'Jane Eyre',
  'The Odyssey',
  'Madame Bovary',
  'Les Misérables',
  'The Brothers Karamazov',
  'Great Expectations',
  'Middlemarch',
  'The Tale of Genji',
  'Wuthering Heights',
];
const EVENTS = [
  'the Berlin Wall fall',
  'the first crewed Moon landing take place',
  'the French Revolution begin',
  'the Titanic sink',
  'the Second World War end',
  'the printing press arrive in England',
  'the Suez Canal open',
  'the Chernobyl disaster happen',
  'the first modern Olympic Games take place',
  'India gain independence',
  'the Magna Carta get sealed',
];
const RIVERS = ['Danube', 'Nile', 'Amazon', 'Mekong', 'Rhine', 'Volga', 'Mississippi', 'Zambezi', 'Yangtze', 'Ganges', 'Loire', 'Thames'];
const WORKS = [
  'the opera Carmen',
  'the ballet Swan Lake',
  'The Four Seasons',
  'the Ninth Symphony with its choral finale',
  'The Magic Flute',
  'Peer Gynt',
  'The Rite of Spring',
  'the Moonlight Sonata',
  'Rhapsody in Blue',
  'the New World Symphony',
];
const SPORTS = ['cricket', 'rugby union', 'ice hockey', 'basketball', 'volleyball', 'water polo', 'handball', 'baseball'];
const LANDMARKS = [
  'Machu Picchu',
  'Angkor Wat',
  'the Alhambra',
  'Petra',
  'the Taj Mahal',
  'Chichen Itza',
  'Great Zimbabwe',
  'the Acropolis',
];

/** Easy recall questions, each with several phrasings so the same fact is asked in different words. */
const triviaEasy: Template[] = [
  (r) => {
    const c = pick(r, COUNTRIES);
    return pick(r, [`What is the capital of ${c}?`, `Name the capital city of ${c}.`, `${c}'s capital city is called what?`]);
  },
  (r) => {
    const b = pick(r, BOOKS);
    return pick(r, [`Who wrote ${b}?`, `Who is the author of the novel ${b}?`, `${b} was written by which author?`]);
  },
  (r) => {
    const e = pick(r, EVENTS);
    return pick(r, [`In which year did ${e}?`, `When did ${e}? Give the year.`]);
  },
  (r) => {
    const v = pick(r, RIVERS);
    return pick(r, [
      `Through which countries does the ${v} river flow?`,
      `Name the countries the ${v} passes through.`,
      `Into which sea or ocean does the ${v} flow?`,
    ]);
  },
  (r) => {
    const s = pick(r, SPORTS);
    return pick(r, [`How many players does ${withArticle(s)} team have on the field at one time?`, `In which country did ${s} originate?`]);
  },
  (r) => {
    const l = pick(r, LANDMARKS);
    return pick(r, [`In which country is ${l}?`, `${capitalise(l)} is located in which modern country?`]);
  },
  (r) => {
    const c = pick(r, COUNTRIES);
    return pick(r, [
      `What is the official currency of ${c}?`,
      `Which language has the most native speakers in ${c}?`,
      `On which continent is ${c}?`,
    ]);
  },
  (r) => `Who composed ${pick(r, WORKS)}?`,
];

const triviaHard: Template[] = [
  (r) => {
    const [a, b] = pickDistinct(r, COUNTRIES, 2);
    return `Which capital city lies further north, the capital of ${a} or the capital of ${b}? Name both cities.`;
  },
  (r) => `Who composed ${pick(r, WORKS)}, and in which decade did it premiere? Name one other major work by the same composer.`,
  (r) => {
    const [a, b] = pickDistinct(r, BOOKS, 2);
    return `Which was published first, ${a} or ${b}? Give the approximate year of each and the nationality of both authors.`;
  },
  (r) => {
    const [a, b] = pickDistinct(r, EVENTS, 2);
    return `Put these in chronological order and say how many years apart they were: when did ${a}, and when did ${b}?`;
  },
  (r) => `Which empire or civilisation built ${pick(r, LANDMARKS)}, roughly when, and what was its main purpose?`,
  (r) =>
    `The ${pick(r, RIVERS)} river empties into which sea or ocean, and which is the largest city on its banks? Give its approximate length in kilometres.`,
  (r) => {
    const [a, b, c] = pickDistinct(r, COUNTRIES, 3);
    return `Rank ${a}, ${b} and ${c} by population, from largest to smallest, and say which of them has the largest land area.`;
  },
];

export const TRIVIA: FamilySpec = {
  task: 'trivia',
  difficulty: 0.0,
  easy: triviaEasy,
  hard: triviaHard,
  prefixes: ['Quiz question: ', 'General knowledge: ', 'Pub quiz round: '],
  suffixes: ['Be precise.', 'If you are not sure, say so.'],
};
