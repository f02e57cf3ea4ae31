import { describe, expect, it } from 'vitest';
import { headerKey, mappableColumns, parseMappingMemory, recallMappings, rememberMappings } from './mappingMemory';

const prompts = { file: 'prompts.csv', columns: ['id', 'question', 'category'] };
const correctness = { file: 'correctness.csv', columns: ['prompt_id', 'a', 'b'] };

describe('column mapping memory', () => {
  it('keys a header set by its trimmed names, in any order', () => {
    expect(headerKey([' id', 'question ', 'category'])).toBe(headerKey(['category', 'id', 'question']));
    expect(headerKey(['id', 'question'])).not.toBe(headerKey(['id', 'question', 'category']));
  });

  it('remembers a mapping for its header set only, and recalls it for a file of another name with the same header', () => {
    const memory = rememberMappings({}, [prompts, correctness], { 'prompts.csv': { promptId: 'id', text: 'question', task: 'category' } });
    expect(Object.keys(memory)).toEqual([headerKey(prompts.columns)]);
    const recalled = recallMappings(memory, [
      { file: 'bench/prompts.csv', columns: ['question', 'category', 'id'] },
      { file: 'bench/correctness.csv', columns: correctness.columns },
    ]);
    expect(recalled).toEqual({ 'bench/prompts.csv': { promptId: 'id', text: 'question', task: 'category' } });
  });

  it('forgets a header set mapped back to the usual names, drops blank entries and keeps the newest sets within the limit', () => {
    let memory = rememberMappings({}, [prompts], { 'prompts.csv': { promptId: 'id', text: ' ', task: 'category' } });
    expect(memory[headerKey(prompts.columns)]).toEqual({ promptId: 'id', task: 'category' });
    memory = rememberMappings(memory, [prompts], { 'prompts.csv': { promptId: 'prompt_id', text: 'text' } });
    expect(memory).toEqual({});
    for (let i = 0; i < 5; i++)
      memory = rememberMappings(memory, [{ file: 'x.csv', columns: [`c${i}`] }], { 'x.csv': { promptId: `c${i}` } }, 3);
    expect(Object.values(memory)).toEqual([{ promptId: 'c2' }, { promptId: 'c3' }, { promptId: 'c4' }]);
  });

  it('reads a stored value defensively', () => {
    expect(parseMappingMemory(null)).toEqual({});
    expect(parseMappingMemory([1])).toEqual({});
    expect(parseMappingMemory({ k: { promptId: 'id', bogus: 'x', text: 3 }, j: 'no' })).toEqual({ k: { promptId: 'id' } });
  });

  it('offers each wide-layout file only the columns it can hold', () => {
    expect(mappableColumns('bench/prompts.csv')).toEqual(['promptId', 'text', 'task']);
    expect(mappableColumns('correctness.csv')).toEqual(['promptId']);
    expect(mappableColumns('MODELS.csv')).toEqual(['model', 'cost']);
    expect(mappableColumns('long.jsonl')).toEqual(['promptId', 'text', 'task', 'model', 'score', 'cost']);
  });
});
