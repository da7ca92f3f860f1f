// Unit tests are pure logic, but the corpus ones parse 64 documents each: on a
// busy machine that can pass Jest's 5 s default (see timeout-integration.ts).
jest.setTimeout(60_000);
