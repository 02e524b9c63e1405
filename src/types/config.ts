/** speccc.config.json as every phase reads it: derived from the zod schema, never restated. */
import type { z } from 'zod';
import type { ConfigSchema } from '../schemas/config.js';

export type SpecccConfig = Omit<z.output<typeof ConfigSchema>, '$schema'>;
