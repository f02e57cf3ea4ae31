/** Public API of the synthetic demo dataset (what the app loads on first start). */
export { generateDemoDataset, generateDemoDetailed, generateDemoLatent, DEMO_DATASET_NAME, DEMO_COST_UNIT } from './generate';
export type { DemoDatasetOptions, DemoGeneration, DemoNewcomer } from './generate';
export { DEMO_MODELS, DEMO_FAMILIES, DEMO_NEWCOMER } from './models';
export type { DemoModel, DemoTask } from './models';
export type { Level } from './text';
export { demoDatasetFiles } from './files';
export { DEMO_TEST_POOL, defaultTestPool, demoNewcomerFor, isDemoDataset, newcomerScoresFile } from './pool';
