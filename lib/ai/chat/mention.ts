// §8.4: "the AI replies when asked (… or `@ai` in a message)". `@ai` counts as a
// word of its own: not "@aide", not an address such as "bob@ai.example".
export const mentionsAi = (body: string): boolean => /(^|[^\w@.])@ai\b/i.test(body);
