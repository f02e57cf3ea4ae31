/**
 * One decision everywhere, checked from a spec: the Routing view's choice for some test prompts (the
 * test hook), the in-app "Route a prompt", `routelab route` and the `routelab/router` module on the
 * file the Export view downloads.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import Papa from 'papaparse';
import { expect } from './fixtures';
import type { ExplorerPage, ExportPage } from './pages';

export interface Choice {
  id: string;
  text: string;
  chosen: string;
}

/** The Routing view's choice for every test prompt now. */
export async function testChoices(page: Page): Promise<Choice[]> {
  return page.evaluate(() => window.__routelab!.testChoices());
}

/** `count` test prompts taken in turn from each LLM the Routing view chooses, so every chosen LLM is covered. */
export function spread(choices: readonly Choice[], count = 20): Choice[] {
  const groups = new Map<string, Choice[]>();
  for (const c of choices) groups.set(c.chosen, [...(groups.get(c.chosen) ?? []), c]);
  const queues = [...groups.values()];
  const out: Choice[] = [];
  for (let i = 0; out.length < Math.min(count, choices.length); i++) {
    const q = queues[i % queues.length];
    const next = q.shift();
    if (next) out.push(next);
  }
  return out;
}

/** Downloads router.json from the Export view. */
export async function downloadRouter(page: Page, explorer: ExplorerPage, exportPage: ExportPage, file: string): Promise<void> {
  await explorer.tab('Export / import').click();
  const [download] = await Promise.all([page.waitForEvent('download'), exportPage.downloadRouter.click()]);
  await download.saveAs(file);
}

/** The in-app "Route a prompt" choice for each text (the session's router: the exported file). */
export async function routeInApp(exportPage: ExportPage, texts: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const text of texts) {
    // Typing clears the previous decision, so the caption read below is this text's.
    await exportPage.routeText.fill(text);
    await expect(exportPage.routed).toHaveCount(0);
    await exportPage.routeButton.click();
    out.push((await exportPage.routed.getAttribute('data-chosen')) ?? '');
  }
  return out;
}

/** `routelab route --prompts FILE --json` on the downloaded file: the chosen LLM per prompt id. */
export function routeWithCli(routerFile: string, prompts: readonly Choice[], testInfo: TestInfo, tag: string): Map<string, string> {
  const csv = testInfo.outputPath(`${tag}-prompts.csv`);
  writeFileSync(csv, Papa.unparse({ fields: ['prompt_id', 'text'], data: prompts.map((p) => [p.id, p.text]) }));
  const out = execFileSync('npx', ['tsx', 'src/cli/main.ts', 'route', '--router', routerFile, '--prompts', csv, '--json'], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const result = JSON.parse(out) as { decisions: { promptId: string; chosen: string }[] };
  return new Map(result.decisions.map((d) => [d.promptId, d.chosen]));
}

/** The `routelab/router` module's `route` (the package entry, run from its source) on the downloaded file. */
export function routeWithModule(routerFile: string, prompts: readonly Choice[], testInfo: TestInfo, tag: string): string[] {
  const textsFile = testInfo.outputPath(`${tag}-texts.json`);
  writeFileSync(textsFile, JSON.stringify(prompts.map((p) => p.text)));
  const script = [
    "const { readFileSync } = require('node:fs');",
    "import('./src/core/routerFile/module.ts').then(({ loadRouter, route }) => {",
    `  const router = loadRouter(readFileSync(${JSON.stringify(routerFile)}, 'utf8'));`,
    `  const texts = JSON.parse(readFileSync(${JSON.stringify(textsFile)}, 'utf8'));`,
    '  console.log(JSON.stringify(route(router, texts).map((d) => d.chosen)));',
    '});',
  ].join('\n');
  return JSON.parse(execFileSync('npx', ['tsx', '-e', script], { encoding: 'utf8', timeout: 120_000 })) as string[];
}

/**
 * Checks 20 test prompts: the Routing view, the in-app "Route a prompt", the CLI and the module on the
 * exported file choose the same LLM. Returns the prompts and the LLMs chosen.
 */
export async function expectOneDecision(
  page: Page,
  explorer: ExplorerPage,
  exportPage: ExportPage,
  testInfo: TestInfo,
  tag: string,
): Promise<{ prompts: Choice[]; chosen: Set<string>; file: string }> {
  const prompts = spread(await testChoices(page));
  expect(prompts).toHaveLength(20);
  const file = testInfo.outputPath(`${tag}-router.json`);
  await downloadRouter(page, explorer, exportPage, file);
  const view = prompts.map((p) => p.chosen);
  expect(
    await routeInApp(
      exportPage,
      prompts.map((p) => p.text),
    ),
    `${tag}: in-app Route a prompt`,
  ).toEqual(view);
  const cli = routeWithCli(file, prompts, testInfo, tag);
  expect(
    prompts.map((p) => cli.get(p.id)),
    `${tag}: routelab route`,
  ).toEqual(view);
  expect(routeWithModule(file, prompts, testInfo, tag), `${tag}: routelab/router module`).toEqual(view);
  return { prompts, chosen: new Set(view), file };
}
