import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);

// src/yaml.ts
import { createRequire } from "node:module";
var loaded, yaml = () => loaded ??= createRequire(import.meta.url)("yaml");

export {
  yaml
};
