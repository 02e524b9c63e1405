import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/io/package-files.ts
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
var RUNNING_FROM_SOURCES = import.meta.url.endsWith(".ts");
function packageDir() {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (; !existsSync(path.join(dir, "package.json")); ) {
    let up = path.dirname(dir);
    if (up === dir) throw new Error(`speccc: no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}
var assetPath = (...parts) => path.join(packageDir(), "assets", ...parts), templatesPath = (...parts) => path.join(packageDir(), "templates", ...parts);
function shippedScript(name, source) {
  return RUNNING_FROM_SOURCES ? { path: path.join(packageDir(), "src", `${source}.ts`), typescript: !0 } : { path: path.join(packageDir(), "dist", `${name}.js`), typescript: !1 };
}

export {
  assetPath,
  templatesPath,
  shippedScript
};
