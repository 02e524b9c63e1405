import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/io/list-files.ts
import { promises as fs } from "node:fs";
import path from "node:path";
async function listFiles(dir, options) {
  let out = [], walk = async (abs, rel, inside) => {
    let real = options.followLinks ? await fs.realpath(abs).catch(() => abs) : abs;
    if (inside.includes(real)) return;
    let above = options.followLinks ? [...inside, real] : inside, entries;
    try {
      entries = await fs.readdir(abs, { withFileTypes: !0 });
    } catch {
      return;
    }
    let folders = [];
    for (let entry of entries) {
      if (!options.dot && entry.name.startsWith(".")) continue;
      let childRel = rel ? `${rel}/${entry.name}` : entry.name, childAbs = path.join(abs, entry.name), isDir = entry.isDirectory(), isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        if (!options.followLinks) continue;
        let target = await fs.stat(childAbs).catch(() => null);
        isDir = !!target?.isDirectory(), isFile = !!target?.isFile();
      }
      isDir && !(rel === "" && options.skipTop?.includes(entry.name)) ? folders.push(walk(childAbs, childRel, above)) : isFile && options.match(entry.name) && out.push(childRel);
    }
    await Promise.all(folders);
  };
  return await walk(dir, "", []), out.sort();
}

export {
  listFiles
};
