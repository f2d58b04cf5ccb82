// Values printed by the emitter, evaluated: the `ApiSpec` constant of a generated module, example arguments.
/** A JavaScript expression printed by the emitter (object literals, strings, numbers, `new Uint8Array`). */
export function evaluate(expression: string): unknown {
  return new Function(`return (${expression});`)() as unknown;
}

/** The ApiSpec constant of a generated API module's text (`apiSpecFromJson('<json>')`), decoded. */
export function specOfModule<T>(text: string): T {
  const literal = /export const \w+: ApiSpec = apiSpecFromJson\(('(?:[^'\\\n]|\\.)*')\);\n/.exec(text)?.[1];
  if (literal === undefined) throw new Error('no ApiSpec constant in the module');
  return JSON.parse(evaluate(literal) as string) as T;
}
