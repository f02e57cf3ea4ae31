/** Page objects: locators only (tldraw's e2e style); specs hold the steps and assertions. */
import type { Locator, Page } from '@playwright/test';

export class ExplorerPage {
  readonly tabs: Locator;
  readonly headerStatus: Locator;
  readonly backendChip: Locator;
  readonly syntheticTag: Locator;
  constructor(readonly page: Page) {
    this.tabs = page.getByRole('tablist', { name: 'Explorer views' });
    this.headerStatus = page.getByTestId('header-status');
    this.backendChip = page.locator('.rl-header [data-backend]');
    this.syntheticTag = page.getByTestId('header-dataset');
  }
  tab(name: string): Locator {
    return this.tabs.getByRole('tab', { name });
  }
  view(id: string): Locator {
    return this.page.getByTestId(`view-${id}`);
  }
}

export class DataPage {
  readonly fileInput: Locator;
  readonly issues: Locator;
  readonly syntheticNotice: Locator;
  readonly promptCount: Locator;
  constructor(readonly page: Page) {
    this.fileInput = page.getByTestId('data-files');
    this.issues = page.getByTestId('data-issues');
    this.syntheticNotice = page.getByTestId('synthetic-notice');
    this.promptCount = page.getByTestId('stat-prompts');
  }
}

export class TrainPage {
  readonly trainButton: Locator;
  readonly cancelButton: Locator;
  readonly status: Locator;
  readonly backendReason: Locator;
  readonly k: Locator;
  constructor(readonly page: Page) {
    this.trainButton = page.getByTestId('train-button');
    this.cancelButton = page.getByTestId('cancel-button');
    this.status = page.getByTestId('training-status');
    this.backendReason = page.getByTestId('backend-reason');
    this.k = page.getByTestId('setting-k');
  }
}

export class RoutingPage {
  readonly slider: Locator;
  readonly shareBars: Locator;
  readonly accuracy: Locator;
  readonly cost: Locator;
  readonly testPrompts: Locator;
  readonly winner: Locator;
  readonly explainTable: Locator;
  constructor(readonly page: Page) {
    this.slider = page.getByRole('slider');
    this.shareBars = page.getByTestId('share-bars');
    this.accuracy = page.getByTestId('live-accuracy');
    this.cost = page.getByTestId('live-cost');
    this.testPrompts = page.getByTestId('test-prompt');
    this.winner = page.getByTestId('explained-winner');
    this.explainTable = page.getByTestId('explain-table');
  }
}

export class AddModelPage {
  readonly downloadValidation: Locator;
  readonly name: Locator;
  readonly cost: Locator;
  readonly file: Locator;
  readonly addButton: Locator;
  readonly notice: Locator;
  readonly issues: Locator;
  readonly addedList: Locator;
  constructor(readonly page: Page) {
    this.downloadValidation = page.getByTestId('download-validation');
    this.name = page.getByTestId('add-name');
    this.cost = page.getByTestId('add-cost');
    this.file = page.getByTestId('add-file');
    this.addButton = page.getByTestId('add-button');
    this.notice = page.getByTestId('add-notice');
    this.issues = page.getByTestId('add-issues');
    this.addedList = page.getByTestId('added-list');
  }
  remove(name: string): Locator {
    return this.page.getByTestId(`remove-${name}`);
  }
}

export class ExportPage {
  readonly downloadRouter: Locator;
  readonly importRouter: Locator;
  readonly importNotice: Locator;
  readonly importIssues: Locator;
  readonly summary: Locator;
  readonly refused: Locator;
  readonly routeText: Locator;
  readonly routeButton: Locator;
  readonly routeWhich: Locator;
  readonly routeAt: Locator;
  readonly routed: Locator;
  constructor(readonly page: Page) {
    this.downloadRouter = page.getByTestId('download-router');
    this.importRouter = page.getByTestId('import-router');
    this.importNotice = page.getByTestId('import-notice');
    this.importIssues = page.getByTestId('import-issues');
    this.summary = page.getByTestId('export-summary');
    this.refused = page.getByTestId('export-refused');
    this.routeText = page.getByTestId('route-text');
    this.routeButton = page.getByTestId('route-button');
    this.routeWhich = page.getByTestId('route-which');
    this.routeAt = page.getByTestId('route-at');
    this.routed = page.getByTestId('routed-llm');
  }
}

/** The cost penalty's notes and targets in the Routing view. */
export class PenaltyPage {
  readonly note: Locator;
  readonly home: Locator;
  readonly unit: Locator;
  readonly backToDefault: Locator;
  readonly targetAccuracy: Locator;
  readonly targetAccuracySet: Locator;
  readonly targetBudget: Locator;
  readonly targetBudgetSet: Locator;
  readonly targetResult: Locator;
  readonly linkNotice: Locator;
  constructor(readonly page: Page) {
    this.note = page.getByTestId('penalty-note');
    this.home = page.getByTestId('penalty-home');
    this.unit = page.getByTestId('penalty-unit');
    this.backToDefault = page.getByTestId('penalty-default');
    this.targetAccuracy = page.getByTestId('target-accuracy');
    this.targetAccuracySet = page.getByTestId('target-accuracy-set');
    this.targetBudget = page.getByTestId('target-budget');
    this.targetBudgetSet = page.getByTestId('target-budget-set');
    this.targetResult = page.getByTestId('target-result');
    this.linkNotice = page.getByTestId('link-notice');
  }
}
