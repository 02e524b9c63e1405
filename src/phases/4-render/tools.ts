/**
 * The tools every generating agent gets, in the Messages API's tool format. Part of the job key:
 * a change here changes what the model can do, so it invalidates every job.
 *
 * Strict tool use (`strict: true`): the API samples each call's input under its schema, so
 * write_file and read_file always get schema-valid input and the provider needs no repair path
 * for a malformed call. Strict schemas must close every object (`additionalProperties: false`)
 * and require every property; test/api-twin/strict-tools.test.ts holds these to the twin's checks.
 */
export const TOOL_DEFINITIONS = [
  {
    name: 'write_file',
    strict: true,
    description:
      'Write one whole file of this job. `path` is relative to the generated root and must be one of the files the job lists; `content` is the complete file. Writing a path again replaces it.',
    input_schema: {
      type: 'object',
      properties: {
        path: { type: 'string', description: 'Path relative to the generated root, e.g. src/money.ts' },
        content: { type: 'string', description: 'The complete file content.' },
      },
      required: ['path', 'content'],
      additionalProperties: false,
    },
  },
  {
    name: 'read_file',
    strict: true,
    description: 'Read a file you may see: a file this job already wrote, or an output of a spec this job depends on.',
    input_schema: {
      type: 'object',
      properties: { path: { type: 'string', description: 'Path relative to the generated root.' } },
      required: ['path'],
      additionalProperties: false,
    },
  },
] as const;
