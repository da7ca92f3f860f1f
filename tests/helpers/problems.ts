/**
 * The problems a configuration error names (lib/config.ts ConfigError,
 * lib/ai/models.ts AiConfigError): what `parse` throws, or a failure if it
 * accepted the input.
 */
export function problemsOf<E extends Error & { problems: string[] }>(parse: () => unknown, type: new (...args: never[]) => E): string[] {
  try {
    parse();
  } catch (err) {
    if (err instanceof type) return err.problems;
    throw err;
  }
  throw new Error(`expected a ${type.name}, but the input was accepted`);
}
