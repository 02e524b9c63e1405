/** The one error every module throws for invalid input, with a stable code. [foundation#R-inputerror-extends-error-its-constructor, foundation#R-an-inputerror-has-a-readonly] */
export class InputError extends Error {
  override readonly name = 'InputError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
