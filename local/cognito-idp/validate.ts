import { SerializationException } from '../http/jsonProtocol';
import { InvalidParameterException } from './errors';

/**
 * Input validation in two layers, as AWS's front end does it before the service runs:
 * 1. shape: a value of the wrong JSON type cannot be deserialised → SerializationException (wording in
 *    the style of AWS's Coral deserialiser; the exact text is unconfirmed);
 * 2. model constraints (required, enum, length, pattern) → Cognito's InvalidParameterException
 *    "N validation error(s) detected: Value … at 'clientId' failed to satisfy constraint: …", member
 *    names in lowerCamelCase, values echoed only for enums (never for secrets).
 */
export type FieldType = 'string' | 'boolean' | 'stringMap' | 'attributeList';

export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  enum?: readonly string[];
  minLength?: number;
  maxLength?: number;
  /** The pattern and how AWS spells it in the message. */
  pattern?: { regex: RegExp; text: string };
}

export type InputSchema<T> = { [K in keyof T]?: FieldSpec };

const SCALAR_NAMES: Record<string, string> = { string: 'a String', boolean: 'a Boolean' };

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'structure';
  if (typeof value === 'number') return 'NUMBER_VALUE';
  if (typeof value === 'boolean') return value ? 'TRUE_VALUE' : 'FALSE_VALUE';
  return 'STRING_VALUE';
}

function typeError(value: unknown, expected: string): SerializationException {
  const kind = jsonKind(value);
  if (kind === 'structure') return new SerializationException('Start of structure or map found where not expected.');
  if (kind === 'list') return new SerializationException('Start of list found where not expected.');
  return new SerializationException(`${kind} can not be converted to ${expected}`);
}

function checkShape(value: unknown, type: FieldType): void {
  if (type === 'string' || type === 'boolean') {
    if (typeof value !== type) throw typeError(value, SCALAR_NAMES[type] ?? type);
    return;
  }
  if (type === 'stringMap') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw typeError(value, 'a Map');
    for (const entry of Object.values(value)) if (typeof entry !== 'string') throw typeError(entry, SCALAR_NAMES.string ?? '');
    return;
  }
  if (!Array.isArray(value)) throw typeError(value, 'a List');
  for (const item of value) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw typeError(item, 'a Structure');
    const { Name, Value } = item as Record<string, unknown>;
    if (Name !== undefined && typeof Name !== 'string') throw typeError(Name, 'a String');
    if (Value !== undefined && typeof Value !== 'string') throw typeError(Value, 'a String');
  }
}

function constraintProblems(member: string, value: unknown, spec: FieldSpec): string[] {
  const at = `at '${member}' failed to satisfy constraint: Member must`;
  if (value === undefined) return spec.required ? [`Value null ${at} not be null`] : [];
  if (typeof value !== 'string') return [];
  const problems: string[] = [];
  if (spec.enum && !spec.enum.includes(value)) {
    problems.push(`Value '${value}' ${at} satisfy enum value set: [${spec.enum.join(', ')}]`);
  }
  if (spec.minLength !== undefined && value.length < spec.minLength) {
    problems.push(`Value ${at} have length greater than or equal to ${spec.minLength}`);
  }
  if (spec.maxLength !== undefined && value.length > spec.maxLength) {
    problems.push(`Value ${at} have length less than or equal to ${spec.maxLength}`);
  }
  if (spec.pattern && !spec.pattern.regex.test(value)) {
    problems.push(`Value ${at} satisfy regular expression pattern: ${spec.pattern.text}`);
  }
  return problems;
}

/** Checks a parsed body against an action's input schema and returns it typed as the SDK's input. */
export function validateInput<T>(body: Record<string, unknown>, schema: InputSchema<T>): T {
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(schema) as [string, FieldSpec][]) {
    const value = body[name] === null ? undefined : body[name];
    if (value !== undefined) checkShape(value, spec.type);
    problems.push(...constraintProblems(name.charAt(0).toLowerCase() + name.slice(1), value, spec));
  }
  if (problems.length > 0) {
    const count = problems.length;
    throw new InvalidParameterException(`${count} validation error${count === 1 ? '' : 's'} detected: ${problems.join('; ')}`);
  }
  // Every member the schema names has been checked above; members it does not name are ignored by the
  // actions, as AWS ignores unknown members.
  return body as T;
}

/** Field specs shared by the actions, with the constraints of Cognito's API model. */
export const FIELDS = {
  clientId: { type: 'string', required: true, minLength: 1, maxLength: 128, pattern: { regex: /^[\w+]+$/, text: '[\\w+]+' } },
  userPoolId: { type: 'string', required: true, minLength: 1, maxLength: 55, pattern: { regex: /^[\w-]+_[0-9a-zA-Z]+$/, text: '[\\w-]+_[0-9a-zA-Z]+' } },
  username: { type: 'string', required: true, minLength: 1, maxLength: 128, pattern: { regex: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, text: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' } },
  password: { type: 'string', required: true, maxLength: 256, pattern: { regex: /^[\S]+.*[\S]+$/u, text: '^[\\S]+.*[\\S]+$' } },
  token: { type: 'string', required: true },
  optionalMap: { type: 'stringMap' },
} as const satisfies Record<string, FieldSpec>;
