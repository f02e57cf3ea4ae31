#!/usr/bin/env node
// `npm run build:router` (and `npm pack`, through prepack): the `routelab/router` package entry as
// plain JavaScript a Node service can import without tsx, with its types.
//   dist-router/index.js, index.cjs   src/core/routerFile/module.ts bundled by Vite (ESM and CommonJS)
//   dist-router/types/**.d.ts         tsc declarations, relative imports with .js (Node16 resolution)
//   dist-router/types-cjs/**.d.ts     the same declarations marked CommonJS, for `require` users
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist-router');
const ENTRY = 'src/core/routerFile/module.ts';

rmSync(OUT, { recursive: true, force: true });
await build({
  root: ROOT,
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  build: {
    lib: { entry: path.join(ROOT, ENTRY), formats: ['es', 'cjs'], fileName: (format) => (format === 'es' ? 'index.js' : 'index.cjs') },
    outDir: OUT,
    emptyOutDir: false,
    minify: false,
    target: 'node20',
    sourcemap: false,
  },
});

const tsc = spawnSync(
  process.execPath,
  [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.router.json')],
  {
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

/** Every .d.ts under `dir`. */
function declarations(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? declarations(file) : file.endsWith('.d.ts') ? [file] : [];
  });
}

// Node16 / NodeNext resolution needs explicit extensions: './schema' -> './schema.js', '../embed' -> '../embed/index.js'.
const TYPES = path.join(OUT, 'types');
for (const file of declarations(TYPES)) {
  const text = readFileSync(file, 'utf8').replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]*)\2/g, (all, lead, quote, spec) => {
    const base = path.resolve(path.dirname(file), spec);
    if (existsSync(`${base}.d.ts`)) return `${lead}${quote}${spec}.js${quote}`;
    if (existsSync(path.join(base, 'index.d.ts'))) return `${lead}${quote}${spec}/index.js${quote}`;
    throw new Error(`${path.relative(ROOT, file)}: cannot resolve ${spec}`);
  });
  writeFileSync(file, text);
}
writeFileSync(path.join(TYPES, 'package.json'), JSON.stringify({ type: 'module' }) + '\n');
cpSync(TYPES, path.join(OUT, 'types-cjs'), { recursive: true });
writeFileSync(path.join(OUT, 'types-cjs/package.json'), JSON.stringify({ type: 'commonjs' }) + '\n');
console.log(`built ${path.relative(ROOT, OUT)}: index.js (ESM), index.cjs (CommonJS), types, types-cjs`);
