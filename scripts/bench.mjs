// `npm run bench`: measures the installed command as users run it, against `node -e 0`, side by
// side and interleaved (A B A B ...), so machine noise hits both alike. Prints the ratios, checks
// them against the targets (issue #27, which tightened those of #6 and #13) and writes them to
// bench/results/latest.json.
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const root = process.cwd();
const dir = mkdtempSync(join(tmpdir(), 'ketamine-cost-bench-'));

// 1. Build, pack and install the tarball into an empty folder, as `npx` would.
execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
const name = execFileSync('npm', ['pack', '--pack-destination', dir, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop();
const tarball = join(dir, name);
const app = join(dir, 'app');
mkdirSync(app);
writeFileSync(join(app, 'package.json'), '{"name":"bench","private":true}');
execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: app, stdio: 'ignore' });
const bin = join(app, 'node_modules', '.bin', 'ketamine-cost');
// Both sides run in this machine's own environment, as its users' commands do (here that includes
// NODE_EXTRA_CA_CERTS, which every Node start pays for: ~30 ms). The same cases are also reported
// in a bare environment (PATH only), where Node starts faster and the ratios are larger.
const env = { ...process.env, LANG: 'C' };
for (const key of ['NO_COLOR', 'FORCE_COLOR', 'NODE_OPTIONS']) delete env[key];
const bareEnv = { PATH: process.env.PATH, LANG: 'C' };

const wall = (file, args, environment = env) => {
  const start = process.hrtime.bigint();
  const r = spawnSync(file, args, { env: environment, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0 && r.status !== 3) throw new Error(`${file} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// 2. Start-up: each case against `node -e 0`, interleaved.
const cases = {
  'json estimate': ['--route', 'iv', '--sessions', '6', '--format', 'json'],
  'table estimate': ['--route', 'iv', '--sessions', '6'],
  'table estimate, es': ['--lang', 'es', '--route', 'iv', '--sessions', '6'],
  '--help': ['--help'],
  compare: ['compare', '--sessions', '6'],
  plan: ['plan', '--route', 'iv', '--sessions', '6', '--every', '1w'],
};
const baseline = [];
const timings = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < 3; i++) wall(process.execPath, ['-e', '0']);
for (let i = 0; i < RUNS; i++) {
  for (const [label, args] of Object.entries(cases)) {
    baseline.push(wall(process.execPath, ['-e', '0']));
    timings[label].push(wall(bin, args));
  }
}
const nodeMs = median(baseline);
const bareBaseline = [];
const bare = { 'json estimate': [], 'table estimate': [] };
for (let i = 0; i < RUNS; i++) {
  for (const label of Object.keys(bare)) {
    bareBaseline.push(wall(process.execPath, ['-e', '0'], bareEnv));
    bare[label].push(wall(bin, cases[label], bareEnv));
  }
}
const bareNodeMs = median(bareBaseline);

// 3. Batches: 100,000 rows timed; peak memory of 1,000,000 rows against 10,000.
const scenarios = [
  'iv,6,,,',
  'oral,4,in-network,500,20',
  'esketamine,,in-network,1200,',
  'im,3,,,',
  'oral,,,,',
  'iv,4,in-network,250,30',
  'esketamine,12,,,',
  'nope,1,,,',
];
// A counselor's file: every row differs (each patient's own deductible, coinsurance and cap).
const distinctRow = (i) =>
  `${['iv', 'oral', 'esketamine', 'im'][i % 4]},${1 + (i % 12)},in-network,${i % 4000}.${String(i % 100).padStart(2, '0')},${i % 60}`;
function writeRows(file, count, row = (i) => scenarios[i % scenarios.length]) {
  return new Promise((resolve) => {
    const out = createWriteStream(file);
    out.write('route,sessions,insurance,deductible,coinsurance\n');
    let i = 0;
    const pump = () => {
      while (i < count) {
        const ok = out.write(`${row(i)}\n`);
        i++;
        if (!ok) return out.once('drain', pump);
      }
      out.end(resolve);
    };
    pump();
  });
}
const rows100k = join(dir, 'rows-100k.csv');
const rows10k = join(dir, 'rows-10k.csv');
const rows1m = join(dir, 'rows-1m.csv');
await writeRows(rows100k, 100_000);
await writeRows(rows10k, 10_000);
await writeRows(rows1m, 1_000_000);
const distinct100k = join(dir, 'distinct-100k.csv');
const distinct10k = join(dir, 'distinct-10k.csv');
const distinct1m = join(dir, 'distinct-1m.csv');
await writeRows(distinct100k, 100_000, distinctRow);
await writeRows(distinct10k, 10_000, distinctRow);
await writeRows(distinct1m, 1_000_000, distinctRow);
// Each batch run next to a `node -e 0` of its own (A B A B ...), so its ratio is against the
// machine as it was during those runs, not during the start-up runs minutes earlier.
const BATCH_RUNS = 9;
const timeBatch = (file, format) => {
  const times = [];
  const baselines = [];
  for (let i = 0; i < BATCH_RUNS; i++) {
    baselines.push(wall(process.execPath, ['-e', '0']));
    times.push(wall(bin, ['batch', file, '--format', format, '--output', join(dir, `out.${format}`)]));
  }
  const ms = median(times);
  return { medianMs: round(ms), nodeMs: round(median(baselines)), ratio: round(ms / median(baselines)) };
};
const batch100k = timeBatch(rows100k, 'csv');
const batch100kJson = timeBatch(rows100k, 'json');
const batch100kJsonl = timeBatch(rows100k, 'jsonl');
const distinct100kCsv = timeBatch(distinct100k, 'csv');
const distinct100kJsonl = timeBatch(distinct100k, 'jsonl');

// Peak RSS of the installed command, read by a preloaded hook at exit (same process, same code).
const hook = join(dir, 'rss-hook.mjs');
const hookSource =
  "import { writeSync } from 'node:fs';\nprocess.on('exit', () => writeSync(2, '\\nmaxRSS=' + process.resourceUsage().maxRSS + '\\n'));\n";
writeFileSync(hook, hookSource);
const realBin = join(app, 'node_modules', 'ketamine-cost', 'bin', 'ketamine-cost.cjs');
// Peak RSS varies by a few MB from run to run (when the collector happens to run), so each figure
// is the median of three runs, as the times are medians.
const peakKb = (file, format = 'csv') => median([0, 1, 2].map(() => onePeakKb(file, format)));
const onePeakKb = (file, format) => {
  // The rows arrive through a pipe, as in `cat rows.csv | ketamine-cost batch -`.
  const r = spawnSync(
    'sh',
    ['-c', 'cat "$1" | "$2" --import "$3" "$4" batch - --format "$5" > /dev/null', 'sh', file, process.execPath, hook, realBin, format],
    { env, encoding: 'utf8' },
  );
  const kb = Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no peak memory reading: ${r.stderr}`);
  return kb;
};
const rss10k = peakKb(rows10k);
const rss1m = peakKb(rows1m);
const distinctMemory = Object.fromEntries(
  ['csv', 'jsonl'].map((format) => {
    const small = peakKb(distinct10k, format);
    const large = peakKb(distinct1m, format);
    return [format, { peak10kKiB: small, peak1mKiB: large, ratio: round(large / small) }];
  }),
);

// 4. Report.
const tarballKiB = statSync(tarball).size / 1024;
const results = {
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: process.platform,
  },
  runs: RUNS,
  nodeBaselineMs: round(nodeMs),
  startup: Object.fromEntries(
    Object.entries(timings).map(([k, v]) => [k, { medianMs: round(median(v)), ratio: round(median(v) / nodeMs) }]),
  ),
  bareEnvironment: {
    nodeBaselineMs: round(bareNodeMs),
    ...Object.fromEntries(Object.entries(bare).map(([k, v]) => [k, { medianMs: round(median(v)), ratio: round(median(v) / bareNodeMs) }])),
  },
  batch100k,
  batch100kJson,
  batch100kJsonl,
  distinct100kCsv,
  distinct100kJsonl,
  memory: { peak10kKiB: rss10k, peak1mKiB: rss1m, ratio: round(rss1m / rss10k) },
  distinctMemory,
  tarballKiB: round(tarballKiB),
};
// The targets of #27 (start-up and footprint II).
const targets = [
  ['json estimate vs node -e 0', results.startup['json estimate'].ratio, 1.2, 'x'],
  ['table estimate vs node -e 0', results.startup['table estimate'].ratio, 1.3, 'x'],
  ['table estimate, --lang es, vs node -e 0', results.startup['table estimate, es'].ratio, 1.35, 'x'],
  ['--help vs node -e 0', results.startup['--help'].ratio, null, 'x'],
  ['compare vs node -e 0', results.startup.compare.ratio, 1.45, 'x'],
  ['plan vs node -e 0', results.startup.plan.ratio, 1.45, 'x'],
  ['100,000-row batch, CSV, vs node -e 0', results.batch100k.ratio, null, 'x'],
  ['100,000-row batch, JSON, vs node -e 0', results.batch100kJson.ratio, 8, 'x'],
  ['100,000-row batch, JSON Lines, vs node -e 0', results.batch100kJsonl.ratio, null, 'x'],
  ['100,000 distinct rows, CSV, vs node -e 0', results.distinct100kCsv.ratio, 8, 'x'],
  ['100,000 distinct rows, JSON Lines, vs node -e 0', results.distinct100kJsonl.ratio, 12, 'x'],
  ['1M-row batch peak memory vs 10k rows', results.memory.ratio, 1.3, 'x'],
  ['1M distinct rows peak memory vs 10k, CSV', distinctMemory.csv.ratio, 1.3, 'x'],
  ['1M distinct rows peak memory vs 10k, JSON Lines', distinctMemory.jsonl.ratio, 1.3, 'x'],
  ['packed tarball', results.tarballKiB, 180, ' KiB'],
];
results.targets = targets.map(([what, value, target]) => ({ what, value, target, met: target === null ? null : value <= target }));
console.log(
  `\nketamine-cost benchmark: ${results.machine.cpus} cores, ${results.machine.memoryGiB} GiB, ${results.machine.cpu}, Node ${process.version}; ${RUNS} interleaved runs`,
);
console.log(`node -e 0: ${results.nodeBaselineMs} ms (median)`);
for (const [label, r] of Object.entries(results.startup)) console.log(`  ${label.padEnd(16)} ${String(r.medianMs).padStart(7)} ms`);
console.log(
  `bare environment (PATH only): node -e 0 ${results.bareEnvironment.nodeBaselineMs} ms; json ${results.bareEnvironment['json estimate'].ratio}x, table ${results.bareEnvironment['table estimate'].ratio}x`,
);
for (const [label, r] of [
  ['100k repeated, CSV', batch100k],
  ['100k repeated, JSON', batch100kJson],
  ['100k repeated, JSONL', batch100kJsonl],
  ['100k distinct, CSV', distinct100kCsv],
  ['100k distinct, JSONL', distinct100kJsonl],
])
  console.log(`  ${label.padEnd(22)} ${String(r.medianMs).padStart(7)} ms (node -e 0 beside it: ${r.nodeMs} ms)`);
console.log(`  peak memory: ${rss10k} KiB for 10k rows, ${rss1m} KiB for 1M rows`);
console.log('');
for (const t of results.targets)
  console.log(
    `${t.met === null ? '  ' : t.met ? 'ok' : 'NO'}  ${t.what.padEnd(40)} ${String(t.value).padStart(7)}${t.target === null ? '' : `  (target <= ${t.target})`}`,
  );
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwritten to bench/results/latest.json');
if (results.targets.some((t) => t.met === false)) process.exitCode = 1;

function round(n) {
  return Math.round(n * 100) / 100;
}
