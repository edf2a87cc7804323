// Bundles the CLI and the programmatic API into dist/ with esbuild, after checking the bundled
// dataset against its schema (the tool trusts it at start-up, so the build must not).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  // commander and cli-table3 are CommonJS and call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
};

// Start-up time is what every `npx` call and every counselor's loop pays, so the CLI is one file
// for the common path (flags -> estimate -> JSON). Each module the code loads with a dynamic
// import() (table, prompts, batch, the other commands) becomes its own file in dist/lazy/, built
// with the same rule, and is read only when used. esbuild's own code splitting would instead
// spread the common path over many small shared chunks, each a separate file to load.
const lazyName = (file) => `${basename(dirname(file))}-${basename(file, '.ts')}.cjs`;
const lazyModules = new Set();
const lazyImports = (fromLazyFolder) => ({
  name: 'lazy-imports',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const file = resolvePath(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      lazyModules.add(file);
      return { path: `${fromLazyFolder ? '.' : './lazy'}/${lazyName(file)}`, external: true };
    });
  },
});
/**
 * A plugin that hands one package, when it imports `module`, a stand-in of our own (`contents`,
 * loaded in `namespace`) instead of the module itself.
 */
const standIn = (namespace, { module, inPackage, contents, resolveDir }) => ({
  name: namespace,
  setup(b) {
    b.onResolve({ filter: module }, (args) =>
      new RegExp(`node_modules[\\\\/]${inPackage}[\\\\/]`).test(args.importer) ? { path: args.path, namespace } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace }, () => ({ contents, loader: 'js', ...(resolveDir ? { resolveDir } : {}) }));
  },
});
// commander requires node:child_process at load time, only to run executable subcommands, which
// this tool has none of, and every start would pay for loading it. Hand commander a stand-in that
// loads the real module on first use.
const lazyChildProcess = standIn('lazy-child-process', {
  module: /^(node:)?child_process$/,
  inPackage: 'commander',
  contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
});
// cli-table3 measures every cell with string-width, whose emoji pattern is slow to run cold (#27):
// hand it src/format/text-width.ts, which counts one-column text by its length and asks
// string-width for the rest (the same widths; test/format/text-width.test.ts).
const textWidthForTables = standIn('text-width', {
  module: /^string-width$/,
  inPackage: 'cli-table3',
  contents: `module.exports = require(${JSON.stringify(resolvePath('src/format/text-width.ts'))}).textWidth;`,
  resolveDir: resolvePath('.'),
});
// cli-table3 colours a cell's text only when given a style (style.head, style.border), with its
// optional dependency @colors/colors; this tool colours its own cells and passes empty styles, so
// that code never runs. Bundle the dependency as absent, which cli-table3 allows (it catches the
// failed require and prints the text as it is): about 8 KB less in the table's file.
const noColorsForTables = standIn('no-colors', {
  module: /^@colors\/colors/,
  inPackage: 'cli-table3',
  contents: "throw new Error('@colors/colors is not bundled: ketamine-cost passes cli-table3 no styles');",
});
// ansi-styles (through wrap-ansi, which the prompts use to wrap lines) reads only its escape codes;
// color-convert backs its colour-model converters, which it requires on first use, and nothing here
// uses them: bundled as absent, about 4 KB less in the prompts' file (#27).
const noColorConvert = standIn('no-color-convert', {
  module: /^color-convert$/,
  inPackage: 'ansi-styles',
  contents: "throw new Error('color-convert is not bundled: ketamine-cost uses no colour-model conversion');",
});
// The price list is data: embedded as a JSON string and parsed with JSON.parse, which V8 does
// several times faster than it compiles the same object as JavaScript (every start pays it).
const jsonAsString = {
  name: 'json-as-string',
  setup(b) {
    b.onLoad({ filter: /[\\/]data[\\/][^\\/]+\.json$/ }, async (args) => ({
      contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(readFileSync(args.path, 'utf8'))))});`,
      loader: 'js',
    }));
  },
};
// Every bundle takes the same stand-ins and the price list as a string; each build adds its own resolvers.
const standIns = [lazyChildProcess, textWidthForTables, noColorsForTables, noColorConvert, jsonAsString];
common.plugins = standIns;
// The CLI and its lazy files are CommonJS: Node starts a CommonJS file about 8 ms sooner than an
// ES module (no ES module loader to set up), on every call. import() becomes require(), so a
// lazy file is loaded the same way. The programmatic API (dist/index.js) stays an ES module.
const commonJs = { ...common, format: 'cjs', banner: {}, supported: { 'dynamic-import': false } };
const metafiles = [];
// One copy of the shared code (#27): the project's modules the CLI bundles are exposed by it as a
// registry (`__modules`), and each lazy file takes them from there instead of carrying its own copy.
// A first pass finds what the CLI bundles; the second builds it with the registry.
const probe = await build({
  ...commonJs,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  write: false,
  plugins: [...standIns, lazyImports(false)],
});
const root = resolvePath('.');
const shared = Object.keys(probe.metafile.inputs)
  .filter((input) => input.startsWith('src/') && input !== 'src/cli.ts' && input.endsWith('.ts'))
  .sort();
// The registry is filled when the bundle loads; the bin calls `run()` after that, and main reaches
// a lazy file only after its first await. The programmatic API (dist/index.js) takes the shared
// modules from the same registry, so the package carries one copy of the core (#27).
const registry = [
  ...shared.map((file, i) => `import * as m${i} from ${JSON.stringify(join(root, file))};`),
  `export const __modules = { ${shared.map((file, i) => `${JSON.stringify(file)}: m${i}`).join(', ')} };`,
  `export { run } from ${JSON.stringify(join(root, 'src/cli.ts'))};`,
].join('\n');
const cliEntry = {
  name: 'cli-entry',
  setup(b) {
    b.onResolve({ filter: /^cli-entry$/ }, () => ({ path: 'cli-entry', namespace: 'cli-entry' }));
    b.onLoad({ filter: /.*/, namespace: 'cli-entry' }, () => ({ contents: registry, loader: 'js', resolveDir: root }));
  },
};
metafiles.push(
  (
    await build({
      ...commonJs,
      entryPoints: { cli: 'cli-entry' },
      outdir: 'dist',
      outExtension: { '.js': '.cjs' },
      plugins: [cliEntry, ...standIns, lazyImports(false)],
    })
  ).metafile,
);
const sharedSet = new Set(shared.map((file) => join(root, file)));
// What each shared module exports, read from the CLI bundle just built (loading it runs no command).
const registryNames = createRequire(import.meta.url)(resolvePath('dist/cli.cjs')).__modules;
/** Resolves the project's shared modules to the CLI bundle's registry; `cli` is its path from the output. */
const fromCli = (cli) => ({
  name: 'from-cli',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/cli\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'dynamic-import' || args.namespace === 'from-cli') return undefined;
      const file = resolvePath(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      if (!sharedSet.has(file)) return undefined;
      return { path: relative(root, file), namespace: 'from-cli' };
    });
    // Each export read once, when the file loads, into a binding of the file's own: taken through
    // the registry's namespace on every use instead, each call went through two getters (a
    // CSV batch of distinct rows spent 4% of its time in them, #27). The core exports no `let`,
    // so a value read at load is the value for good.
    b.onLoad({ filter: /.*/, namespace: 'from-cli' }, (args) => {
      const names = Object.keys(registryNames[args.path] ?? {});
      if (names.length === 0 || names.some((name) => !/^[A-Za-z_$][\w$]*$/.test(name) || name === 'default'))
        throw new Error(`${args.path}: cannot bind the exports ${names.join(', ')}`);
      return {
        // A pure call per export, so the bundle keeps only those its code uses.
        contents: [
          `const m = require(${JSON.stringify(cli)}).__modules[${JSON.stringify(args.path)}];`,
          'const take = (name) => m[name];',
          ...names.map((name) => `export const ${name} = /* @__PURE__ */ take(${JSON.stringify(name)});`),
        ].join('\n'),
        loader: 'js',
      };
    });
  },
});
// The JSON Schemas `ketamine-cost schema` prints are fixed by the zod contract, so they are written
// here, once, and the CLI's copy of src/format/contract.ts is only those texts: the package carries
// neither zod's JSON Schema writer nor a second copy of zod for them (#27). The texts are the
// source module's own (test/e2e/contracts.test.ts compares them byte for byte).
const contract = resolvePath('src/format/contract.ts');
const schemaTexts = async () => {
  const temp = mkdtempSync(join(tmpdir(), 'ketamine-cost-build-'));
  try {
    const file = join(temp, 'contract.mjs');
    await build({ ...common, entryPoints: [contract], outfile: file, metafile: false, minify: false });
    const { SCHEMAS, jsonSchemaOf } = await import(pathToFileURL(file).href);
    // Kept as an object literal (no indentation); the module indents it as it prints.
    const documents = Object.fromEntries(SCHEMAS.map((name) => [name, JSON.parse(jsonSchemaOf(name))]));
    if (
      SCHEMAS.some((name) => `${JSON.stringify(documents[name], null, 2)}\n` !== jsonSchemaOf(name)) ||
      /"__proto__"/.test(JSON.stringify(documents))
    )
      throw new Error('a schema does not round-trip through an object literal');
    return [
      `export const SCHEMAS = ${JSON.stringify(SCHEMAS)};`,
      `const DOCUMENTS = ${JSON.stringify(documents)};`,
      '/** The JSON Schema (draft 2020-12) of one output or of a price list, as src/format/contract.ts writes it. */',
      "export const jsonSchemaOf = (which) => JSON.stringify(DOCUMENTS[which], null, 2) + '\\n';",
    ].join('\n');
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
};
// A module with a lazy file of its own is taken from that file, not copied, where the importer's
// path reads that file anyway or is not one a start waits on (#27): the prompts read the English
// prompts' words first (the welcome line), a Markdown page and a batch are not start-up paths.
// Elsewhere (the table, compare, plan, the Spanish catalog) a copy costs less than one more file.
const takenFromLazyFiles = new Map(
  [
    ['src/prompts/ask.ts', ['src/prompts/words-en.ts']],
    ['src/format/markdown.ts', ['src/format/summary.ts']],
    ['src/commands/batch.ts', ['src/format/csv.ts']],
  ].map(([importer, modules]) => [resolvePath(importer), new Set(modules.map((m) => resolvePath(m)))]),
);
const fromLazyFile = (entry) => ({
  name: 'from-lazy-file',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'dynamic-import' || args.kind === 'entry-point') return undefined;
      const file = resolvePath(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      if (!takenFromLazyFiles.get(entry)?.has(file) || !lazyModules.has(file)) return undefined;
      return { path: `./${lazyName(file)}`, external: true };
    });
  },
});
const built = new Set();
while (built.size < lazyModules.size) {
  for (const file of [...lazyModules].filter((f) => !built.has(f))) {
    built.add(file);
    const out = join('dist', 'lazy', lazyName(file));
    const entry =
      file === contract ? { stdin: { contents: await schemaTexts(), loader: 'js', resolveDir: root } } : { entryPoints: [file] };
    metafiles.push(
      (
        await build({
          ...commonJs,
          ...entry,
          outfile: out,
          plugins: [fromCli('../cli.cjs'), fromLazyFile(file), ...standIns, lazyImports(true)],
        })
      ).metafile,
    );
  }
}
// The programmatic API: an ES module whose shared modules come from the CLI bundle's registry (one
// copy of the core), and whose modules the CLI loads lazily (the price-list reader, with zod) come
// from their lazy files.
const fromLazyFiles = {
  name: 'from-lazy-files',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const file = resolvePath(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      return lazyModules.has(file) ? { path: `./lazy/${lazyName(file)}`, external: true } : undefined;
    });
  },
};
metafiles.push(
  (
    await build({
      ...common,
      entryPoints: { index: 'src/index.ts' },
      outdir: 'dist',
      plugins: [fromLazyFiles, fromCli('./cli.cjs'), ...standIns],
    })
  ).metafile,
);

// Each bundle file's content hash, which names its code cache (bin/ketamine-cost.cjs): V8 checks a
// cache only against the source's length, so a cache must never outlive the content it was made from.
const codeFiles = ['cli.cjs', ...readdirSync('dist/lazy').map((f) => `lazy/${f}`)].sort();
writeFileSync(
  'dist/code-hashes.json',
  `${JSON.stringify(
    Object.fromEntries(
      codeFiles.map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join('dist', f)))
          .digest('hex')
          .slice(0, 16),
      ]),
    ),
  )}\n`,
);

// The licences of every package the bundle inlines, found from the bundle's own inputs (esbuild's
// legal comments find none in these packages).
const packages = new Map();
for (const input of metafiles.flatMap((m) => Object.keys(m.inputs))) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (match && !packages.has(match[1])) packages.set(match[1], JSON.parse(readFileSync(join(match[1], 'package.json'), 'utf8')));
}
const sections = [...packages.entries()]
  .sort(([, a], [, b]) => a.name.localeCompare(b.name, 'en'))
  .map(([dir, pkg]) => {
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)([.-]|$)/i.test(f));
    const text = file
      ? readFileSync(join(dir, file), 'utf8').trim()
      : `(no licence file in the package; package.json says ${pkg.license ?? 'nothing'})`;
    return `## ${pkg.name}@${pkg.version} (${pkg.license ?? 'unknown'})\n\n${text}\n`;
  });
writeFileSync('THIRD_PARTY_LICENSES', `ketamine-cost bundles the following packages into dist/.\n\n${sections.join('\n')}`);
if (!existsSync('THIRD_PARTY_LICENSES')) throw new Error('THIRD_PARTY_LICENSES was not written');

// Type declarations of the programmatic API (dist/types/src/index.d.ts); only the files its
// types reach are kept, so the package ships no declarations of the CLI's insides.
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
const reached = new Set();
const visit = (file) => {
  if (reached.has(file)) return;
  reached.add(file);
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)\.js'/g))
    visit(resolvePath(dirname(file), `${spec}.d.ts`));
};
visit(resolvePath('dist/types/src/index.d.ts'));
const prune = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = resolvePath(dir, entry.name);
    if (entry.isDirectory()) {
      prune(path);
      if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
    } else if (!reached.has(path)) rmSync(path);
  }
};
prune(resolvePath('dist/types'));
if (process.env.KC_METAFILE) writeFileSync(process.env.KC_METAFILE, JSON.stringify(metafiles));
