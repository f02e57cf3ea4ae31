/** Public API of the synthetic demo dataset (what the app loads on first start). */
export { generateDemoDataset, generateDemoDetailed, DEMO_DATASET_NAME, DEMO_COST_UNIT } from './generate';
export type { DemoDatasetOptions, DemoGeneration } from './generate';
export { DEMO_MODELS, DEMO_FAMILIES } from './models';
export type { DemoModel, DemoTask } from './models';
export type { Level } from './text';
export { demoDatasetFiles } from './files';
