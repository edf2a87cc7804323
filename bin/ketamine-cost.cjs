#!/usr/bin/env node
'use strict';
// The command's entry: loads the bundle and runs it. Compiling the bundle is the largest part of
// a start (#27), so compiled code is kept between runs in the user's cache folder
// ($XDG_CACHE_HOME or ~/.cache, then ketamine-cost/, private to the user): Node's own compile
// cache where Node has it (22.1 and later), else V8's code cache through node:vm, one file per
// bundle file, named by its content hash (dist/code-hashes.json) and by where the package is
// (V8 keeps a script's file name in its cache), kept per Node version.
// KETAMINE_COST_NO_CACHE=1 turns it off; a cache that cannot be read or written is skipped, and
// the output is the same with or without it.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const dist = path.join(__dirname, '..', 'dist');
const cli = path.join(dist, 'cli.cjs');

/** The cache folder for this Node version, or null when caching is off or there is no home. */
function cacheDir() {
  if (process.env.KETAMINE_COST_NO_CACHE) return null;
  const base = process.env.XDG_CACHE_HOME || (process.env.HOME ? path.join(process.env.HOME, '.cache') : '');
  return base && path.isAbsolute(base) ? path.join(base, 'ketamine-cost', `${process.version}-${process.arch}`) : null;
}

/** Each bundle file's content hash, or null when the list cannot be read (no cache then). */
function hashes() {
  try {
    return JSON.parse(fs.readFileSync(path.join(dist, 'code-hashes.json'), 'utf8'));
  } catch {
    return null;
  }
}

const dir = cacheDir();
const known = dir === null ? null : hashes();
if (dir !== null && typeof Module.enableCompileCache === 'function') {
  try {
    Module.enableCompileCache(dir);
  } catch {}
  require(cli).run();
} else if (dir === null || known === null) {
  require(cli).run();
} else {
  const vm = require('node:vm');
  const unsaved = [];
  // Where this package is, as a short key (FNV-1a): two installs keep their own caches, so a
  // stack trace names the file that ran.
  let at = 0x811c9dc5;
  for (let i = 0; i < dist.length; i++) at = Math.imul(at ^ dist.charCodeAt(i), 0x01000193) >>> 0;
  const place = at.toString(16).padStart(8, '0');
  /**
   * Loads a bundle file as require would (one module per file, in require.cache, so the lazy files
   * find the CLI's registry), compiled with its code cache when one was made from this content.
   */
  const load = (file) => {
    const cached = require.cache[file];
    if (cached) return cached.exports;
    const source = fs.readFileSync(file, 'utf8');
    const hash = known[path.relative(dist, file).split(path.sep).join('/')];
    const cacheFile = typeof hash === 'string' ? path.join(dir, `${path.basename(file)}-${hash}-${place}.bin`) : null;
    let cachedData;
    if (cacheFile !== null)
      try {
        cachedData = fs.readFileSync(cacheFile);
      } catch {}
    // The wrapper on a line of its own, so lines and columns in a stack trace are the file's.
    const wrapper = `(function (exports, require, module, __filename, __dirname) {\n${source}\n});`;
    const script = new vm.Script(wrapper, { filename: file, cachedData, lineOffset: -1 });
    if (cacheFile !== null && (cachedData === undefined || script.cachedDataRejected)) unsaved.push([script, cacheFile]);
    const m = new Module(file, module);
    m.filename = file;
    m.paths = module.paths;
    require.cache[file] = m;
    const base = Module.createRequire(file);
    // The bundle's own files (dist/lazy/) load the same way, so they are cached too.
    const own = Object.assign((id) => (id.startsWith('./') ? load(path.resolve(path.dirname(file), id)) : base(id)), base);
    script.runInThisContext().call(m.exports, m.exports, own, m, file, path.dirname(file));
    m.loaded = true;
    return m.exports;
  };
  // Written once the run is over (with the functions it compiled), atomically, private to the user.
  process.once('exit', () => {
    if (unsaved.length === 0) return;
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const present = fs.readdirSync(dir);
      for (const [script, cacheFile] of unsaved) {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, cacheFile);
        // This install's caches of earlier contents of the same file are of no more use.
        const name = path.basename(cacheFile);
        const stem = name.slice(0, name.indexOf('.cjs-') + 5);
        for (const old of present)
          if (old !== name && old.startsWith(stem) && old.endsWith(`-${place}.bin`)) fs.rmSync(path.join(dir, old), { force: true });
      }
    } catch {}
  });
  load(cli).run();
}
