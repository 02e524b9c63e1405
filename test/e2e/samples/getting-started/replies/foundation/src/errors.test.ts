import { expect, it } from 'vitest';
import { InputError } from './errors.js';

it('an error carries its code [foundation#S-an-error-carries-its-code, foundation#R-inputerror-extends-error-its-constructor, foundation#R-an-inputerror-has-a-readonly]', () => {
  const error = new InputError('NOT_A_STRING', 'expected a string');
  expect(() => {
    throw error;
  }).toThrow(InputError);
  expect(error).toBeInstanceOf(Error);
  expect(error.code).toBe('NOT_A_STRING');
  expect(error.name).toBe('InputError');
  expect(error.message).toBe('expected a string');
});
