// Integration tests talk to a real forge, Git and SQLite on a machine that may
// be busy: Jest's 5 s default fails them at random. Jest reads `testTimeout`
// only from the global config, never per project, so each project sets it here.
jest.setTimeout(180_000);
