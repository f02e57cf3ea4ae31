/**
 * The hand-worked `eval` dataset of the CLI contract tests (evalContract.test.ts) and the bootstrap
 * tests (evalBootstrap.test.ts): one copy, so the numbers worked out below hold for both.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * 13 prompts x 3 LLMs, a (cost 1), b (cost 2), c (cost 4); the split file puts a in the training
 * pool, b and c in the unseen test pool, and leaves p13 out (a warning).
 * Test prompts: p09 a=1 b=1 c=1 | p10 a=blank b=0 c=1 | p11 b=blank | p12 c=blank.
 * p11 and p12 lack a test-pool score: dropped = 2. p10's blank is for a training LLM: kept.
 * Singles on {p09, p10}: b cost 2/4 = .5, accuracy (1 + 0)/2 = .5; c cost 1, accuracy 1.
 * Oracle: lambda = 0 sends p09 to b (cheapest right) and p10 to c: cost (2 + 4)/2/4 = .75, acc 1;
 * large lambda sends both to b: (.5, .5). Front (.5, .5) -> (.75, 1), flat outside.
 * Area = .5 * .5 + (.5 + 1)/2 * .25 + 1 * .25 = .25 + .1875 + .25 = .6875; Area(50%) = .25;
 * QNC: the most accurate test LLM (c) has accuracy 1, first reached at c~ = .75.
 * On S_val (p05-p08) c is always wrong and b right once: every router (and ZeroRouter's hull, b
 * alone) avoids c, so their curves peak at .5 and never reach 1: qnc is null.
 */
export const PROMPTS = [
  'prompt_id,text',
  'p01,add two numbers',
  'p02,"multiply, then add"',
  'p03,translate a sentence',
  'p04,"a ""quoted"" poem"',
  'p05,add three numbers',
  'p06,multiply two numbers',
  'p07,translate a word',
  'p08,"a short\npoem"',
  'p09,add four numbers',
  'p10,translate a phrase',
  'p11,multiply three numbers',
  'p12,a long poem',
  'p13,unused prompt',
].join('\n');
export const CORRECTNESS = [
  'prompt_id,a,b,c',
  'p01,1,1,1',
  'p02,0,1,1',
  'p03,1,0,1',
  'p04,0,0,1',
  'p05,1,1,0',
  'p06,0,,0',
  'p07,1,0,0',
  'p08,0,0,0',
  'p09,1,1,1',
  'p10,,0,1',
  'p11,1,,1',
  'p12,0,0,',
  'p13,1,1,1',
].join('\n');
export const MODELS = 'model,cost\na,1\nb,2\nc,4\n';
export const SPLIT = {
  train: ['p01', 'p02', 'p03', 'p04'],
  val: ['p05', 'p06', 'p07', 'p08'],
  test: ['p09', 'p10', 'p11', 'p12'],
  trainModels: ['a'],
  testModels: ['b', 'c'],
};

/** Writes `files` into the folder `dir` (created); returns it. */
export function writeDir(dir: string, files: Record<string, string>): string {
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

/** The dataset folder `dir/data` and its split file `dir/split.json`. */
export function writeContractData(dir: string): void {
  writeDir(join(dir, 'data'), { 'prompts.csv': PROMPTS, 'correctness.csv': CORRECTNESS, 'models.csv': MODELS });
  writeFileSync(join(dir, 'split.json'), JSON.stringify(SPLIT));
}
