import { expect, screenshotView, snapshot, test } from './fixtures';

test('Check backends: the tfjs k-means agrees with the plain-TS reference on webgl (SwiftShader), wasm and cpu', async ({
  page,
  explorer,
  trained,
}) => {
  await explorer.tab('Train').click();
  // The backend chip explains its choice in its tooltip (hover or keyboard focus).
  const chip = page.locator('#panel-train-progress [data-backend]');
  await chip.hover();
  await expect(chip.getByRole('tooltip')).toBeVisible();
  await expect(chip.getByRole('tooltip')).toContainText(trained.backend!.reason);
  await page.mouse.move(0, 0);
  await expect(chip.getByRole('tooltip')).toBeHidden();

  await page.getByTestId('check-backends').click();
  await expect.poll(async () => (await snapshot(page)).backendCheck.status, { timeout: 120_000 }).toBe('done');
  const { result } = (await snapshot(page)).backendCheck;
  expect(result).not.toBeNull();
  const rows = Object.fromEntries(result!.rows.map((r) => [r.backend, r]));
  expect(Object.keys(rows)).toEqual(['webgl', 'wasm', 'cpu']);
  for (const backend of ['webgl', 'wasm', 'cpu']) {
    const r = rows[backend];
    expect(r.available, `${backend}: ${r.error}`).toBe(true);
    expect(r.ok, `${backend}: ${r.error}`).toBe(true);
    expect(r.mismatches).toBe(0);
    expect(r.maxCentroidDelta).toBeLessThanOrEqual(result!.tolerance);
    expect(r.iterations).toBe(result!.referenceIterations);
  }
  // tfjs is back on the backend the app chose, and the session is untouched.
  expect(result!.restored).toBe(trained.backend!.backend);
  const table = page.getByTestId('backend-check');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table.locator('tbody tr[data-ok="true"]')).toHaveCount(3);
  await expect(table.locator(`tr[data-backend="${trained.backend!.backend}"]`)).toContainText('in use');
  const after = await snapshot(page);
  expect(after.metrics).toEqual(trained.metrics);
  expect(after.backend!.backend).toBe(trained.backend!.backend);
  await screenshotView(page, 'train-backend-check');
});
