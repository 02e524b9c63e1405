/** The one error every module throws for invalid input, with a stable code. */
export class InputError extends Error {
  override readonly name = 'InputError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
