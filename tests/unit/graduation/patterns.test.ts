import { formatRfcId, repoNameError, rfcIdError, rfcNumber, suggestRepoName } from "@/lib/graduation/patterns";

describe("§13.2 id and repo name rules", () => {
  test.each([
    { id: "RFC-0001", ok: true },
    { id: "RFC-12345", ok: true },
    { id: "RFC-001", ok: false },
    { id: "rfc-0001", ok: false },
    { id: "RFC-00a1", ok: false },
    { id: "", ok: false },
  ])("id $id → ok=$ok", ({ id, ok }) => expect(rfcIdError(id) === null).toBe(ok));

  test.each([
    { name: "rfc-0001-fast-sync", ok: true },
    { name: "Rfc_1.x", ok: true },
    { name: "-leading-dash", ok: false },
    { name: ".hidden", ok: false },
    { name: "a..b", ok: false },
    { name: "repo.git", ok: false },
    { name: "has space", ok: false },
    { name: "x".repeat(101), ok: false },
  ])("repo $name → ok=$ok", ({ name, ok }) => expect(repoNameError(name) === null).toBe(ok));

  test("numbers compare by value, so RFC-0007 and RFC-00007 are one id", () => {
    expect(rfcNumber("RFC-0007")).toBe(rfcNumber("RFC-00007"));
    expect(rfcNumber("nope")).toBeNull();
  });

  test("suggestions pad to four digits", () => {
    expect(formatRfcId(7)).toBe("RFC-0007");
    expect(formatRfcId(12345)).toBe("RFC-12345");
    expect(suggestRepoName("RFC-0007", "fast-sync")).toBe("rfc-0007-fast-sync");
  });
});
