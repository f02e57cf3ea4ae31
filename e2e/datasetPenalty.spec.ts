/**
 * Lambda belongs to its dataset: a new dataset starts at its own default (computed on its data, in its
 * cost unit), the note follows the session, the slider's range follows the data's breakpoints with the
 * thumb where the label says, settings are kept per dataset, and the target fields refuse bad input.
 */
import path from 'node:path';
import { expect, nextTraining, screenshotView, snapshot, test, type HookSnapshot } from './fixtures';
import type { RoutingPage } from './pages';

const SAMPLE_FILES = ['prompts.csv', 'correctness.csv', 'models.csv'].map((f) => path.join('data/llmrouter-sample', f));

/** The slider's thumb, read back as lambda (the log scale of CostPenaltySlider: position 0 = 0, 1..steps over [min, max]). */
async function thumbLambda(routing: RoutingPage, s: HookSnapshot): Promise<{ position: number; value: number; step: number }> {
  const position = Number(await routing.slider.inputValue());
  const steps = Number(await routing.slider.getAttribute('max'));
  const { min, max } = s.routing!.range;
  const step = (Math.log10(max) - Math.log10(min)) / (steps - 1);
  const value = position === 0 ? 0 : 10 ** (Math.log10(min) + (position - 1) * step);
  return { position, value, step };
}

async function expectThumbAgrees(routing: RoutingPage, s: HookSnapshot): Promise<void> {
  const lambda = s.routing!.costPenalty;
  const { position, value, step } = await thumbLambda(routing, s);
  const steps = Number(await routing.slider.getAttribute('max'));
  await expect(routing.slider).toHaveAttribute('aria-valuetext', new RegExp(`^λ = ${lambda === 0 ? '0' : '[\\d.e-]+'}, costs in `));
  if (lambda === 0) {
    expect(position).toBe(0);
    return;
  }
  expect(position).toBeGreaterThan(0);
  expect(position).toBeLessThan(steps);
  expect(Math.abs(Math.log10(value) - Math.log10(lambda))).toBeLessThanOrEqual(step);
}

test('a new dataset starts at its own λ in its own unit; the note follows the session; each dataset keeps its λ', async ({
  page,
  explorer,
  data,
  routing,
  penalty,
  addModel,
  trained,
}) => {
  test.setTimeout(300_000);
  await explorer.tab('Routing').click();
  // The demo: its default, said in its unit, and what Home (lambda = 0) really gives.
  expect(trained.routing!.origin).toBe('default');
  await expect(penalty.note).toContainText('the cheapest routing that matches atlas-ultra');
  await expect(penalty.unit).toHaveText('costs in USD per 1K calls (synthetic)');
  await expect(penalty.home).toContainText('Home sets λ = 0: each prompt goes to the LLM with the lowest predicted error');
  await expect(penalty.home).toContainText('That is not the most accurate routing on the test prompts');
  await expectThumbAgrees(routing, trained);
  await routing.slider.focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowLeft');
  const demo = await snapshot(page);
  expect(demo.routing!.origin).toBe('user');
  await expect(penalty.note).toHaveCount(0);

  // The LLMRouter sample (USD per 1M tokens): its own default, computed on its data.
  await explorer.tab('Data').click();
  await data.fileInput.setInputFiles(SAMPLE_FILES);
  const sample = await nextTraining(page, demo.training.runs);
  await explorer.tab('Routing').click();
  expect(sample.routing!.origin).toBe('default');
  expect(sample.routing!.costPenalty).not.toBe(demo.routing!.costPenalty);
  await expect(penalty.note).not.toContainText('atlas-ultra');
  const noteBefore = await penalty.note.innerText();
  expect(sample.session!.pool.some((n) => noteBefore.includes(`matches ${n},`) || noteBefore.includes(`never matches ${n},`))).toBe(true);
  expect(noteBefore).toContain(`accuracy ${(sample.routing!.accuracy * 100).toFixed(1)}%`);
  await expect(penalty.unit).toHaveText(`costs in ${sample.data.costUnit}`);
  await expectThumbAgrees(routing, sample);
  // The range spans the sample's own breakpoints, not the demo's.
  expect(sample.routing!.range).not.toEqual(demo.routing!.range);
  await screenshotView(page, 'routing-sample');
  await page.setViewportSize({ width: 1024, height: 900 });
  // Let the charts take the new width before measuring and taking the picture.
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await screenshotView(page, 'narrow-routing-sample');
  await page.setViewportSize({ width: 1440, height: 960 });

  // An added LLM changes the pool: the default and its note are recomputed on it.
  await explorer.tab('Add an LLM').click();
  const [download] = await Promise.all([page.waitForEvent('download'), addModel.downloadValidation.click()]);
  const { readFileSync } = await import('node:fs');
  const ids = readFileSync((await download.path())!, 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0])
    .filter((id) => /^[a-z]+-\d+$/.test(id));
  expect(ids.length).toBe(sample.session!.valPrompts);
  const csv = ['prompt_id,score', ...ids.map((id) => `${id},1`)].join('\n') + '\n';
  await addModel.name.fill('flawless');
  await addModel.cost.fill('0.01');
  await addModel.file.setInputFiles({ name: 'flawless.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await addModel.addButton.click();
  await expect(addModel.notice).toContainText('flawless added');
  await explorer.tab('Routing').click();
  const added = await snapshot(page);
  expect(added.routing!.origin).toBe('default');
  expect(added.routing!.costPenalty).not.toBe(sample.routing!.costPenalty);
  await expect(penalty.note).not.toHaveText(noteBefore);
  await expect(penalty.note).toContainText(`accuracy ${(added.routing!.accuracy * 100).toFixed(1)}%`);
  await expectThumbAgrees(routing, added);

  // Back to the demo: the λ left there comes back; then the sample's own default again.
  await explorer.tab('Data').click();
  await page.getByRole('button', { name: 'Load the demo' }).click();
  const back = await nextTraining(page, added.training.runs);
  expect(back.routing!.costPenalty).toBe(demo.routing!.costPenalty);
  expect(back.routing!.origin).toBe('saved');
  await explorer.tab('Routing').click();
  await expect(penalty.note).toHaveText('λ is where you left it on this dataset.');
  await explorer.tab('Data').click();
  await data.fileInput.setInputFiles(SAMPLE_FILES);
  const again = await nextTraining(page, back.training.runs);
  expect(again.routing!.origin).toBe('default');
  expect(again.routing!.costPenalty).toBe(sample.routing!.costPenalty);
});

test('the target fields refuse -5% and 150% with a message and answer in words', async ({ page, explorer, penalty, trained }) => {
  await explorer.tab('Routing').click();
  const lambda = trained.routing!.costPenalty;
  await penalty.targetAccuracy.fill('-5');
  await penalty.targetAccuracySet.click();
  await expect(penalty.targetResult).toHaveText(
    '-5% is out of range: an accuracy lies between 0% and 100%. Enter an accuracy between 0% and 100%.',
  );
  await penalty.targetBudget.fill('150');
  await penalty.targetBudgetSet.click();
  await expect(penalty.targetResult).toContainText('150% is out of range: no routing costs more than its most expensive LLM (100%).');
  expect((await snapshot(page)).routing!.costPenalty).toBe(lambda);
  await screenshotView(page, 'routing-target-refused');

  await penalty.targetAccuracy.fill('75');
  await penalty.targetAccuracySet.click();
  await expect(penalty.targetResult).toHaveAttribute('data-ok', 'true');
  const text = await penalty.targetResult.innerText();
  expect(text).toMatch(
    /^λ = [\d.e-]+: accuracy \d+\.\d\d% at \d+\.\d% of the most expensive pool LLM's cost \(mean cost per prompt [\d.]+ USD per 1K calls \(synthetic\)\)\. Every λ (from [\d.e-]+ to just under [\d.e-]+|below [\d.e-]+|from [\d.e-]+ up) gives this routing\.$/,
  );
  expect(text).not.toContain('[');
  const s = await snapshot(page);
  expect(s.routing!.origin).toBe('user');
  expect(s.routing!.accuracy).toBeGreaterThanOrEqual(0.75);
  expect(text).toContain(`accuracy ${(s.routing!.accuracy * 100).toFixed(2)}%`);
  await penalty.targetAccuracy.fill('99.9');
  await penalty.targetAccuracySet.click();
  await expect(penalty.targetResult).toContainText('No λ reaches 99.9% with this router: its most accurate routing gives');
});
