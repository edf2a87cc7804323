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

/**
 * Whether `folder` may hold compiled code this process will run: a real folder (no link), the
 * user's own, that no one else can read or write, in a folder (ketamine-cost/) no one else can
 * write. Code from a folder another user can write would run as this user, so any other folder
 * is not used at all. With `make`, the folder is made first (private). Systems without user ids
 * (Windows) keep it in the user's own profile and skip the check.
 */
function isPrivateFolder(folder, make) {
  try {
    if (make) fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (typeof process.getuid !== 'function') return true;
    const uid = process.getuid();
    const own = fs.lstatSync(folder);
    const parent = fs.lstatSync(path.dirname(folder));
    return (
      own.isDirectory() &&
      own.uid === uid &&
      (own.mode & 0o077) === 0 &&
      parent.isDirectory() &&
      parent.uid === uid &&
      (parent.mode & 0o022) === 0
    );
  } catch {
    return false;
  }
}

const dir = cacheDir();
const known = dir === null ? null : hashes();
if (dir !== null && typeof Module.enableCompileCache === 'function') {
  // Node's own compile cache checks each entry's checksum itself.
  try {
    if (isPrivateFolder(dir, true)) Module.enableCompileCache(dir);
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
  const readable = isPrivateFolder(dir, false);
  // V8 (Node 20) checks only a code cache's header, and a cache changed inside crashes the
  // process, on every run after. So each file starts with a header of ours: a mark, and the time
  // it was written, which is also set as the file's modification time; a file whose modification
  // time is not that one was changed since (or copied) and is not used, but made again.
  const MARK = Buffer.from('KCC1');
  const HEADER = 16;
  /** The V8 code cache in `cacheFile`, or undefined when there is none or it may have been changed. */
  const readCache = (cacheFile) => {
    let fd;
    try {
      fd = fs.openSync(cacheFile, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
      const stat = fs.fstatSync(fd);
      // Not another user's file; where there are no user ids (Windows), isPrivateFolder's rule holds.
      if (!stat.isFile() || stat.size <= HEADER || (typeof process.getuid === 'function' && stat.uid !== process.getuid()))
        return undefined;
      const data = Buffer.allocUnsafe(stat.size);
      let done = 0;
      for (let n = -1; done < stat.size && n !== 0; done += n) n = fs.readSync(fd, data, done, stat.size - done, done);
      if (done !== stat.size || !data.subarray(0, MARK.length).equals(MARK) || data.readDoubleLE(8) !== stat.mtimeMs) return undefined;
      return data.subarray(HEADER);
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  };
  /** Writes a code cache with its header, then sets the file's modification time to the header's. */
  const writeCache = (file, code) => {
    // Whole seconds, and even ones: file systems that keep coarser times (FAT: 2 s) keep it exactly.
    const seconds = Math.floor(Date.now() / 2000) * 2;
    const header = Buffer.alloc(HEADER);
    MARK.copy(header);
    header.writeDoubleLE(seconds * 1000, 8);
    const fd = fs.openSync(file, 'wx', 0o600);
    try {
      for (const part of [header, code]) for (let done = 0; done < part.length; ) done += fs.writeSync(fd, part, done);
      fs.futimesSync(fd, seconds, seconds);
    } finally {
      fs.closeSync(fd);
    }
  };
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
    const cachedData = cacheFile !== null && readable ? readCache(cacheFile) : undefined;
    // The wrapper on a line of its own, so lines and columns in a stack trace are the file's.
    const wrapper = `(function (exports, require, module, __filename, __dirname) {\n${source}\n});`;
    const script = new vm.Script(wrapper, { filename: file, cachedData, lineOffset: -1 });
    if (cacheFile !== null && (cachedData === undefined || script.cachedDataRejected)) unsaved.push([script, cacheFile]);
    const m = new Module(file, module);
    m.filename = file;
    m.paths = module.paths;
    require.cache[file] = m;
    const base = Module.createRequire(file);
    // The bundle's own files load the same way, so they are cached too: a lazy file's './x.cjs' and
    // its '../cli.cjs' (the shared core, already in require.cache). Node's resolver would stat the
    // path and read package.json for each of a lazy file's 5 to 16 requires of the core (about
    // 1 ms of a Spanish table's start, #27).
    const own = Object.assign((id) => (/^\.\.?\//.test(id) ? load(path.resolve(path.dirname(file), id)) : base(id)), base);
    script.runInThisContext().call(m.exports, m.exports, own, m, file, path.dirname(file));
    m.loaded = true;
    return m.exports;
  };
  // Written once the run is over (with the functions it compiled), atomically, private to the user.
  process.once('exit', () => {
    if (unsaved.length === 0) return;
    try {
      if (!isPrivateFolder(dir, true)) return;
      const present = fs.readdirSync(dir);
      for (const [script, cacheFile] of unsaved) {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.rmSync(tmp, { force: true });
        writeCache(tmp, script.createCachedData());
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
