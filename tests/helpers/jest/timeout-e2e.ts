// Browser tests drive a production build through Chromium (see timeout-integration.ts).
jest.setTimeout(300_000);
