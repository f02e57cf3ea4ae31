/**
 * Demo families about language: translation (with its own small French, Spanish and German
 * vocabularies) and summarisation of generated news items, reviews and meeting notes.
 */
import type { FamilySpec, Template } from './text';
import { NAMES, TOWNS, between, capitalise, pick, pickDistinct, plural } from './text';

const TARGETS = ['French', 'Spanish', 'German', 'Italian', 'Portuguese', 'Japanese', 'Swahili', 'Dutch', 'Polish', 'Turkish'];
const EN_SUBJECTS = ['my brother', 'the teacher', 'our neighbour', 'my grandmother', 'the young doctor', 'her cousin', 'the baker'];
const EN_ACTIONS = [
  'reads a book',
  'cooks dinner',
  'buys fresh bread',
  'writes a letter',
  'visits the museum',
  'walks the dog',
  'plays the piano',
  'waters the garden',
  'takes the train to work',
  'calls his parents',
];
const EN_TIMES = ['every morning', 'on Sundays', 'this evening', 'after lunch', 'twice a week', 'before breakfast'];
const PHRASES = [
  'good morning',
  'where is the train station',
  'how much does this cost',
  'I would like a coffee, please',
  'nice to meet you',
  'could you speak more slowly',
  'the bill, please',
  'I am lost',
  'what time is it',
  'happy birthday',
  'see you tomorrow',
  'excuse me, is this seat free',
];
const IDIOMS = [
  "it's raining cats and dogs",
  'break the ice',
  'once in a blue moon',
  'the ball is in your court',
  'bite off more than you can chew',
  'let the cat out of the bag',
  'under the weather',
  'cost an arm and a leg',
  'hit the nail on the head',
  'spill the beans',
];
/** Sentences in other languages, built from our own word lists: [language, subjects, actions, times]. */
const FOREIGN = [
  [
    'French',
    ['Mon frère', 'La voisine', 'Le boulanger', 'Ma grand-mère'],
    ['lit un livre', 'prépare le dîner', 'achète du pain', 'écrit une lettre', 'promène le chien'],
    ['chaque matin', 'le dimanche', 'ce soir', 'après le déjeuner'],
  ],
  [
    'Spanish',
    ['Mi hermano', 'La profesora', 'El vecino', 'Mi abuela'],
    ['lee un libro', 'prepara la cena', 'compra pan', 'escribe una carta', 'visita el museo'],
    ['cada mañana', 'los domingos', 'esta tarde', 'dos veces por semana'],
  ],
  [
    'German',
    ['Mein Bruder', 'Die Lehrerin', 'Der Nachbar', 'Meine Oma'],
    ['liest ein Buch', 'kocht das Abendessen', 'kauft Brot', 'schreibt einen Brief', 'besucht das Museum'],
    ['jeden Morgen', 'am Sonntag', 'heute Abend', 'nach dem Mittagessen'],
  ],
] as const;

function englishSentence(r: Parameters<Template>[0]): string {
  return `${capitalise(pick(r, EN_SUBJECTS))} ${pick(r, EN_ACTIONS)} ${pick(r, EN_TIMES)}.`;
}

function foreignSentence(r: Parameters<Template>[0]): [string, string] {
  const [lang, subjects, actions, times] = pick(r, FOREIGN);
  return [lang, `${pick(r, subjects)} ${pick(r, actions)} ${pick(r, times)}.`];
}

const translationEasy: Template[] = [
  (r) => `Translate into ${pick(r, TARGETS)}: "${englishSentence(r)}"`,
  (r) => `How do you say "${pick(r, PHRASES)}" in ${pick(r, TARGETS)}?`,
  (r) => {
    const [lang, s] = foreignSentence(r);
    return `Translate this ${lang} sentence into English: "${s}"`;
  },
  (r) => `${pick(r, TARGETS)} translation please: ${englishSentence(r).toLowerCase()}`,
];

const translationHard: Template[] = [
  (r) => {
    const [a, b] = pickDistinct(r, NAMES, 2);
    return `Translate the following email into ${pick(r, TARGETS)}, keeping the formal register:\n\nDear ${a},\nThank you for your message of ${between(r, 1, 28)} ${pick(r, ['March', 'June', 'October', 'December'])}. Unfortunately, the delivery of ${between(r, 3, 400)} units will be delayed by ${between(r, 2, 14)} days. We apologise for the inconvenience and will keep you informed.\nKind regards,\n${b}`;
  },
  (r) =>
    `Translate the idiom "${pick(r, IDIOMS)}" into ${pick(r, TARGETS)} using an equivalent idiom rather than a word-for-word translation, and explain the difference in nuance.`,
  (r) => {
    const [lang, s] = foreignSentence(r);
    const to = pick(
      r,
      TARGETS.filter((t) => t !== lang),
    );
    return `Translate from ${lang} into ${to}, then back into English, and point out anything lost in translation: "${s}"`;
  },
  (r) =>
    `Translate into ${pick(r, TARGETS)} and explain your choice of tense and formality: "${capitalise(pick(r, EN_SUBJECTS))} would have ${pick(r, ['called you', 'finished the report', 'caught the train', 'paid the rent'])} if ${pick(r, ['the meeting had ended earlier', 'the shops had been open', 'nobody had interrupted', 'the weather had been better'])}."`,
];

const NEWS = [
  (r: Parameters<Template>[0], town: string) =>
    `The city council of ${town} voted ${between(r, 5, 9)} to ${between(r, 1, 4)} on ${pick(r, ['Tuesday', 'Thursday'])} to ${pick(r, ['build a new cycle lane along the river', 'close the old library', 'extend the tram line to the airport', 'ban cars from the market square on weekends'])}. The project will cost about ${between(r, 2, 90)} million dollars and is expected to take ${plural(between(r, 1, 5), 'year')}. Supporters say it will ${pick(r, ['cut traffic', 'attract tourists', 'create jobs'])}, while critics worry about ${pick(r, ['noise', 'rising taxes', 'the loss of parking spaces', 'disruption to small shops'])}.`,
  (r: Parameters<Template>[0], town: string) =>
    `A software company based in ${town} reported quarterly revenue of ${between(r, 12, 900)} million dollars, up ${between(r, 2, 40)}% from a year earlier. Profit ${pick(r, ['rose', 'fell', 'was flat'])}, and the firm said it would ${pick(r, ['hire 300 engineers', 'cut its marketing budget', 'open an office abroad', 'buy back shares'])}. Its shares ${pick(r, ['climbed', 'slipped'])} ${between(r, 1, 12)}% in early trading.`,
  (r: Parameters<Template>[0], town: string) =>
    `Researchers at the University of ${town} followed ${between(r, 2, 90) * 100} adults for ${between(r, 2, 15)} years and found that people who ${pick(r, ['walked daily', 'slept at least seven hours', 'ate more vegetables', 'spent time outdoors'])} had a ${between(r, 5, 40)}% lower risk of ${pick(r, ['heart disease', 'depression', 'type 2 diabetes'])}. The authors caution that the study shows an association, not a cause.`,
  (r: Parameters<Template>[0], town: string) =>
    `A storm brought ${between(r, 40, 250)} mm of rain to ${town} overnight, flooding ${between(r, 12, 400)} homes and closing the main bridge. Emergency crews evacuated ${between(r, 20, 900)} residents, and schools will stay shut until ${pick(r, ['Monday', 'Wednesday', 'further notice'])}.`,
];

const summaryEasy: Template[] = [
  (r) => `Summarise the following in one sentence:\n\n${pick(r, NEWS)(r, pick(r, TOWNS))}`,
  (r) => `Give this news item a short headline:\n${pick(r, NEWS)(r, pick(r, TOWNS))}`,
  (r) => `TL;DR please: ${pick(r, NEWS)(r, pick(r, TOWNS))}`,
];

const summaryHard: Template[] = [
  (r) => {
    const p = pickDistinct(r, NAMES, 3);
    return `Summarise the meeting notes below into three bullet points, each with an owner and a deadline:\n\n- ${p[0]}: the launch slips to week ${between(r, 10, 50)}, QA found ${between(r, 3, 40)} open bugs\n- ${p[1]}: budget is ${between(r, 5, 30)}% over, needs sign-off from finance\n- ${p[2]}: customer interviews done, "onboarding is confusing" came up ${between(r, 3, 12)} times\n- ${p[0]}: will draft a revised plan by ${pick(r, ['Friday', 'next Tuesday', 'the end of the month'])}`;
  },
  (r) =>
    `Write an executive summary of at most ${pick(r, [50, 60, 80, 100])} words for the news digest below, then list two risks it mentions.\n\n${pickDistinct(
      r,
      NEWS,
      2,
    )
      .map((item) => item(r, pick(r, TOWNS)))
      .join(' ')}`,
  (r) => {
    const item = pick(r, ['blender', 'hiking boots', 'noise-cancelling headphones', 'office chair', 'electric kettle', 'backpack']);
    return `Summarise this customer review in two sentences and classify its sentiment as positive, negative or mixed:\n"I bought the ${item} ${between(r, 2, 11)} weeks ago. Setup was ${pick(r, ['easy', 'a nightmare', 'fine'])}, and it ${pick(r, ['works well', 'broke after a month', 'is louder than advertised'])}. Customer service ${pick(r, ['replied within a day', 'never answered', 'offered a refund'])}, but for $${between(r, 20, 300)} I expected ${pick(r, ['better build quality', 'more features', 'this level of comfort'])}."`;
  },
];

export const TRANSLATION: FamilySpec = {
  task: 'translation',
  difficulty: -0.2,
  easy: translationEasy,
  hard: translationHard,
  prefixes: ['Translation task: ', 'You are a professional translator. '],
  suffixes: ['Keep the translation natural and idiomatic.', 'Use the standard spelling and punctuation of the target language.'],
};
export const SUMMARIZATION: FamilySpec = {
  task: 'summarization',
  difficulty: -0.1,
  easy: summaryEasy,
  hard: summaryHard,
  prefixes: ['Summarisation task: ', 'You are an editor who writes concise summaries. '],
  suffixes: ['Keep the summary concise.', 'Do not add facts that are not in the text.'],
};
