// Strict tool use (`strict: true` on a tool): the API samples tool input under the tool's
// schema, so input always matches it, and it accepts only schemas it can turn into a grammar.
// The twin checks both sides: a strict tool whose schema the API would refuse is a 400 on the
// request (`strictSchemaError`), and a scripted tool call whose input does not match its strict
// schema is refused with the same 400 shape (`inputError`), since the API could never send it.
//
// The subset follows what the API documents for strict schemas (the wording of the errors is the
// twin's own): every object closes with
// `additionalProperties: false` and lists every property in `required`; no numeric or string
// length constraints (minimum, maximum, multipleOf, minLength, maxLength), no `minItems` above 1,
// no `maxItems`; types, properties, items, enum, const, anyOf, description and title are fine.

type Schema = Record<string, unknown>;

const UNSUPPORTED = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'maxItems', 'patternProperties', 'if', 'then', 'else', 'not'];
const TYPES = new Set(['object', 'string', 'number', 'integer', 'boolean', 'array', 'null']);

const isObject = (v: unknown): v is Schema => v !== null && typeof v === 'object' && !Array.isArray(v);

function typesOf(schema: Schema): string[] {
  const t = schema.type;
  return typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

/** Why the API would refuse `schema` as a strict tool's input_schema (at `at`, a dotted path), or undefined. */
export function strictSchemaError(schema: unknown, at: string): string | undefined {
  if (!isObject(schema)) return `${at}: Input should be a valid dictionary`;
  for (const key of UNSUPPORTED) if (key in schema) return `${at}: '${key}' is not supported in strict mode`;
  if (typeof schema.minItems === 'number' && schema.minItems > 1) return `${at}: 'minItems' values other than 0 and 1 are not supported in strict mode`;
  for (const t of typesOf(schema)) if (!TYPES.has(t)) return `${at}.type: '${t}' is not a supported type`;
  if (typesOf(schema).includes('object') || 'properties' in schema) {
    if (schema.additionalProperties !== false) return `${at}: For 'object' type, 'additionalProperties' must be explicitly set to false in strict mode`;
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) ? schema.required : [];
    const optional = Object.keys(properties).filter((p) => !required.includes(p));
    if (optional.length > 0) return `${at}: In strict mode every property must be listed in 'required'; missing: ${optional.join(', ')}`;
    for (const [name, sub] of Object.entries(properties)) {
      const error = strictSchemaError(sub, `${at}.properties.${name}`);
      if (error) return error;
    }
  }
  if ('items' in schema) {
    const error = strictSchemaError(schema.items, `${at}.items`);
    if (error) return error;
  }
  if (Array.isArray(schema.anyOf)) {
    for (const [i, sub] of schema.anyOf.entries()) {
      const error = strictSchemaError(sub, `${at}.anyOf.${i}`);
      if (error) return error;
    }
  }
  return undefined;
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    default:
      return false;
  }
}

/** Why `value` does not match `schema` (a strict schema, already accepted), or undefined. `at` names the place: `input.path`. */
export function inputError(schema: Schema, value: unknown, at: string): string | undefined {
  const types = typesOf(schema);
  if (types.length > 0 && !types.some((t) => typeMatches(t, value))) return `${at}: expected ${types.join(' or ')}, got ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}`;
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) return `${at}: not one of the enum values`;
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) return `${at}: not the const value`;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((s) => isObject(s) && inputError(s, value, at) === undefined)) return `${at}: matches none of anyOf`;
  if (isObject(value) && isObject(schema.properties)) {
    const properties = schema.properties;
    for (const name of Array.isArray(schema.required) ? (schema.required as string[]) : []) if (!(name in value)) return `${at}: missing required property '${name}'`;
    for (const [name, v] of Object.entries(value)) {
      const sub = properties[name];
      if (!isObject(sub)) return `${at}: unexpected property '${name}' (additionalProperties is false)`;
      const error = inputError(sub, v, `${at}.${name}`);
      if (error) return error;
    }
  }
  if (Array.isArray(value) && isObject(schema.items)) {
    for (const [i, v] of value.entries()) {
      const error = inputError(schema.items, v, `${at}.${i}`);
      if (error) return error;
    }
  }
  return undefined;
}

/** The strict tools of a request, by name (non-strict tools are absent: their input is the model's to get wrong). */
export function strictTools(tools: unknown): Map<string, Schema> {
  const out = new Map<string, Schema>();
  if (!Array.isArray(tools)) return out;
  for (const tool of tools) if (isObject(tool) && tool.strict === true && typeof tool.name === 'string' && isObject(tool.input_schema)) out.set(tool.name, tool.input_schema);
  return out;
}
