/**
 * Demo families about programming: code generation / debugging and SQL.
 * Hard prompts carry multi-line code blocks, so prompts.csv gets quoted fields with newlines.
 */
import type { FamilySpec, Template } from './text';
import { between, pick, pickDistinct } from './text';

type Lang = 'Python' | 'JavaScript' | 'TypeScript' | 'Go' | 'Rust' | 'Java';
const LANGS: readonly Lang[] = ['Python', 'JavaScript', 'TypeScript', 'Go', 'Rust', 'Java'];

/** snake_case name, arguments, what it does. */
const FUNCTIONS = [
  ['merge_intervals', 'intervals', 'merges all overlapping intervals and returns them sorted by start'],
  ['is_palindrome', 's', 'returns true if the string reads the same backwards, ignoring case and punctuation'],
  ['count_vowels', 'text', 'returns how many vowels the text contains'],
  ['flatten_list', 'nested', 'flattens an arbitrarily nested list into a single list'],
  ['two_sum', 'nums, target', 'returns the indices of the two numbers that add up to target'],
  ['word_frequencies', 'text', 'returns a map from each word to the number of times it occurs'],
  ['rotate_matrix', 'matrix', 'rotates a square matrix 90 degrees clockwise in place'],
  ['chunk_array', 'items, size', 'splits the items into consecutive chunks of the given size'],
  ['parse_duration', 'spec', 'parses strings like "1h30m" or "45s" into a number of seconds'],
  ['longest_common_prefix', 'words', 'returns the longest prefix shared by all the words'],
  ['balanced_brackets', 's', 'checks whether every bracket in the string is closed in the right order'],
  ['roman_to_int', 'numeral', 'converts a Roman numeral such as "MCMXCIV" to an integer'],
  ['dedupe_by_key', 'records, key', 'removes records with a repeated key, keeping the first occurrence'],
  ['moving_average', 'values, window', 'returns the moving average of the values over the given window'],
  ['top_k_frequent', 'nums, k', 'returns the k most frequent numbers'],
  ['slugify', 'title', 'turns a title into a lowercase URL slug with hyphens'],
] as const;
const HOWTO = [
  'read a file line by line',
  'sort a dictionary by its values',
  'make an HTTP GET request with a timeout',
  'parse a JSON string safely',
  'reverse a string',
  'remove duplicates from a list while keeping order',
  'format a date as YYYY-MM-DD',
  'run two tasks concurrently and wait for both',
  'read an environment variable with a default',
  'convert a string to an integer and handle bad input',
  'write unit tests for a function',
  'generate a random UUID',
];
const CLASSES = [
  ['LRUCache', 'get(key)', 'put(key, value)', 'a fixed capacity that evicts the least recently used entry'],
  ['RateLimiter', 'allow(client_id)', 'reset(client_id)', 'at most N requests per client in any sliding 60-second window'],
  ['MinStack', 'push(x)', 'get_min()', 'every operation in O(1) time'],
  ['Trie', 'insert(word)', 'starts_with(prefix)', 'lowercase ASCII words only'],
  [
    'EventEmitter',
    'on(event, handler)',
    'emit(event, payload)',
    'handlers that can unsubscribe themselves while an event is being emitted',
  ],
  ['IntervalSet', 'add(start, end)', 'contains(point)', 'intervals that merge automatically when they overlap'],
] as const;

function nameIn(lang: Lang, snake: string): string {
  if (lang === 'Python' || lang === 'Rust') return snake;
  const camel = snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  return lang === 'Go' ? camel.charAt(0).toUpperCase() + camel.slice(1) : camel;
}

/** Buggy snippets: language tag, code, what it should do, input that exposes the bug. */
const BUGGY = [
  [
    'python',
    'def average(values):\n    total = 0\n    for v in values:\n        total += v\n    return total / len(values) - 1',
    'return the mean of a list',
    '[2, 4, 6]',
  ],
  ['python', 'def last_n(items, n):\n    return items[len(items) - n - 1:]', 'return the last n items', "['a', 'b', 'c'], 2"],
  [
    'javascript',
    'function countWords(text) {\n  const words = text.split(" ");\n  return words.length;\n}',
    'count the words in a sentence',
    '"  hello   world "',
  ],
  [
    'javascript',
    'function sumTo(n) {\n  let s = 0;\n  for (let i = 0; i < n; i++) s += i;\n  return s;\n}',
    'sum the integers from 1 to n',
    '5',
  ],
  [
    'python',
    'def find_max(nums):\n    best = 0\n    for x in nums:\n        if x > best:\n            best = x\n    return best',
    'return the largest number',
    '[-7, -3, -12]',
  ],
  [
    'go',
    'func Contains(xs []int, t int) bool {\n\tfor i := 1; i < len(xs); i++ {\n\t\tif xs[i] == t {\n\t\t\treturn true\n\t\t}\n\t}\n\treturn false\n}',
    'report whether t occurs in xs',
    '[]int{4, 8}, 4',
  ],
] as const;

const codeEasy: Template[] = [
  (r) => {
    const lang = pick(r, LANGS);
    const [fn, args, what] = pick(r, FUNCTIONS);
    return `Write a ${lang} function \`${nameIn(lang, fn)}(${args})\` that ${what}.`;
  },
  (r) => `How do I ${pick(r, HOWTO)} in ${pick(r, LANGS)}?`,
  (r) => {
    const xs = [between(r, 1, 9), between(r, 1, 9), between(r, 1, 9), between(r, 1, 9)];
    const op = pick(r, ['x * 2', 'x + 1', 'x % 3', 'x ** 2']);
    return `What does this Python code print?\n\n\`\`\`python\nnums = [${xs.join(', ')}]\nprint([${op} for x in nums if x > ${between(r, 2, 6)}])\n\`\`\``;
  },
  (r) =>
    `Explain the difference between ${pick(r, ['a list and a tuple in Python', '"==" and "===" in JavaScript', 'an interface and a type alias in TypeScript', 'a slice and an array in Go', 'String and &str in Rust', 'an abstract class and an interface in Java'])}, with a short code example.`,
  (r) => {
    const [fn, args] = pick(r, FUNCTIONS);
    return `Add type hints and a docstring to this function:\n\ndef ${fn}(${args}):\n    ...`;
  },
];

const codeHard: Template[] = [
  (r) => {
    const lang = pick(r, LANGS);
    const [fn, args, what] = pick(r, FUNCTIONS);
    return `Implement \`${nameIn(lang, fn)}(${args})\` in ${lang}: it ${what}. It must run in ${pick(r, ['O(n)', 'O(n log n)', 'linear'])} time, handle ${pick(r, ['empty input', 'very large inputs', 'unicode text', 'negative numbers', 'duplicate values'])} correctly, and come with unit tests covering the edge cases.`;
  },
  (r) => {
    const [tag, code, what, input] = pick(r, BUGGY);
    return `The following function should ${what}, but it gives the wrong result for ${input}. Find the bug, explain it, and give a corrected version.\n\n\`\`\`${tag}\n${code}\n\`\`\``;
  },
  (r) => {
    const [cls, m1, m2, constraint] = pick(r, CLASSES);
    const lang = pick(r, LANGS);
    return `Design and implement a \`${cls}\` class in ${lang} with methods \`${m1}\` and \`${m2}\`, supporting ${constraint}. Explain the time and space complexity of each method.`;
  },
  (r) => {
    const url = pick(r, ['/api/users', '/api/orders', '/api/metrics', '/v2/items']);
    return `Refactor this JavaScript to use async/await with proper error handling, then split the ids into batches of ${between(r, 5, 50)} and fetch the batches in parallel:\n\n\`\`\`js\nfunction load(ids) {\n  return fetch("${url}?ids=" + ids.join(","))\n    .then(res => res.json())\n    .then(data => data.items.map(x => x.name))\n    .catch(err => console.log(err));\n}\n\`\`\``;
  },
  (r) =>
    `Write a ${pick(r, LANGS)} program that reads a CSV file of ${pick(r, ['transactions', 'sensor readings', 'log entries', 'exam scores'])}, handles quoted fields containing commas, and prints the ${pick(r, ['median', 'top 5', 'daily total', 'running maximum'])} per ${pick(r, ['account', 'device', 'hour', 'student'])}. Stream the file instead of loading it into memory.`,
];

/** Table name, columns, entity word, numeric column, grouping column. */
const SCHEMAS = [
  ['employees', 'id, name, department_id, salary, hired_on', 'employees', 'salary', 'department_id'],
  ['orders', 'id, customer_id, amount, status, created_at', 'orders', 'amount', 'status'],
  ['products', 'id, name, category, price, stock', 'products', 'price', 'category'],
  ['students', 'id, name, grade_level, gpa, enrolled_on', 'students', 'gpa', 'grade_level'],
  ['flights', 'id, origin, destination, delay_minutes, departed_at', 'flights', 'delay_minutes', 'origin'],
  ['loans', 'id, member_id, book_id, days_overdue, borrowed_on', 'loans', 'days_overdue', 'member_id'],
] as const;
const SQL_PAIRS = [
  ['WHERE', 'HAVING'],
  ['INNER JOIN', 'LEFT JOIN'],
  ['UNION', 'UNION ALL'],
  ['DELETE', 'TRUNCATE'],
  ['a primary key', 'a unique constraint'],
  ['COUNT(*)', 'COUNT(column)'],
  ['a view', 'a materialised view'],
];

const sqlEasy: Template[] = [
  (r) => {
    const [t, cols, ent, num] = pick(r, SCHEMAS);
    return `Given the table ${t}(${cols}), write a SQL query that returns all ${ent} whose ${num} is greater than ${between(r, 2, 99) * 10}.`;
  },
  (r) => {
    const [t, cols, ent, , grp] = pick(r, SCHEMAS);
    return `Table \`${t}\` has columns ${cols}. Write a query that counts the ${ent} per ${grp} and keeps only groups with at least ${between(r, 2, 60)} ${ent}.`;
  },
  (r) => {
    const [a, b] = pick(r, SQL_PAIRS);
    return pick(r, [
      `What is the difference between ${a} and ${b} in SQL?`,
      `When should I use ${a} instead of ${b} in a SQL query?`,
      `${a} vs ${b}: explain the difference in SQL with an example of each.`,
    ]);
  },
  (r) => {
    const [t, , , num, grp] = pick(r, SCHEMAS);
    const per = r.next() < 0.5 ? '' : ` for each ${grp}`;
    return `Write a SQL statement that returns the average, minimum and maximum ${num}${per} from the ${t} table, rounded ${pick(r, ['to the nearest whole number', 'to one decimal place', 'to two decimal places'])}.`;
  },
  (r) => {
    const [t, cols] = pick(r, SCHEMAS);
    const col = pick(r, cols.split(', ').slice(1));
    return `Write the ${pick(r, ['PostgreSQL', 'MySQL', 'SQLite', 'SQL Server'])} CREATE TABLE statement for ${t}(${cols}) with suitable column types, a primary key and an index on ${col}.`;
  },
];

const sqlHard: Template[] = [
  (r) =>
    `Tables: customers(id, name, city) and orders(id, customer_id, amount, created_at). Write a query returning the top ${between(r, 3, 20)} customers by total order amount in ${between(r, 2015, 2024)}, including customers with no orders (shown with a total of 0). Ties should be broken by name.`,
  (r) => {
    const [t, cols, ent, num, grp] = pick(r, SCHEMAS);
    return `Using a window function on ${t}(${cols}), return for each ${grp} the ${ent} with the ${pick(r, ['second', 'third', 'highest', 'lowest'])} ${num}. Explain how ties are handled by RANK versus ROW_NUMBER.`;
  },
  (r) => {
    const [t, cols, , num, grp] = pick(r, SCHEMAS);
    const first = cols.split(', ')[1];
    return `This query on a table with ${between(r, 2, 90)} million rows is slow. Explain why and rewrite it, suggesting any indexes:\n\n\`\`\`sql\nSELECT *\nFROM ${t}\nWHERE LOWER(${first}) LIKE '%${pick(r, ['an', 'er', 'on', 'x'])}%'\n  AND ${num} > (SELECT AVG(${num}) FROM ${t} t2 WHERE t2.${grp} = ${t}.${grp})\nORDER BY ${num} DESC;\n\`\`\``;
  },
  (r) =>
    `Write a recursive CTE over employees(id, name, manager_id) that lists every employee under the manager with id ${between(r, 1, 500)}, with their depth in the hierarchy, and guards against cycles.`,
  (r) => {
    const [a, b] = pickDistinct(r, SCHEMAS, 2);
    return `Given ${a[0]}(${a[1]}) and ${b[0]}(${b[1]}), write a query on ${a[0]} that computes the rolling sum of ${a[3]} over the last ${between(r, 3, 30)} days per ${a[4]}, then explain the query plan you would expect and how to make it faster.`;
  },
];

export const CODE: FamilySpec = {
  task: 'code',
  difficulty: 0.4,
  easy: codeEasy,
  hard: codeHard,
  prefixes: ['Programming task: ', 'Coding question: ', 'You are an experienced software engineer. '],
  suffixes: ['Return the code with brief comments.', 'Keep the code idiomatic and include a usage example.'],
};
export const SQL: FamilySpec = {
  task: 'sql',
  difficulty: 0.2,
  easy: sqlEasy,
  hard: sqlHard,
  prefixes: ['SQL question: ', 'Database task: ', 'Using standard SQL: '],
  suffixes: ['Use standard SQL where possible.', 'Assume a PostgreSQL database.'],
};
