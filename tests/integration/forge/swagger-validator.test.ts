import { responseSchema, validate, validateDefinition } from "../../helpers/swagger";

// The contract test's validator catches what it should (so a passing contract test means something).

describe("swagger validator", () => {
  test("resolves $refs and accepts a well-formed object (null allowed where the app does not need the field)", () => {
    const branch = { name: "main", commit: { id: "a", message: "m", timestamp: "2024-01-01T00:00:00Z", added: null }, protected: false };
    expect(validateDefinition("Branch", branch)).toEqual([]);
  });

  test("reports wrong types, bad date-times, unknown fields and missing app-required fields", () => {
    const errors = validateDefinition("Branch", { name: 5, commit: { id: "a", message: "m", timestamp: "yesterday" }, protectd: true });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining("$.name: expected string"),
        expect.stringContaining("$.commit.timestamp: expected date-time"),
        expect.stringContaining("$.protectd: not in the Branch definition"),
      ]),
    );
    expect(validateDefinition("Branch", { commit: null })).toEqual(["$.name: required by the app (Branch) but missing", "$.commit.id: required by the app (Branch) but missing", "$.commit.message: required by the app (Branch) but missing", "$.commit.timestamp: required by the app (Branch) but missing"]);
    expect(validateDefinition("PullRequest", { number: 1 }).join("\n")).toContain("head.sha: required by the app (PullRequest) but missing");
  });

  test("finds response schemas through #/responses and checks arrays item by item", () => {
    const schema = responseSchema("/repos/{owner}/{repo}/branches", "GET", 200)!;
    expect(validate(schema, [{ name: "x", commit: { id: "a", message: "m", timestamp: "2024-01-01T00:00:00Z" } }, { name: 1 }])).toEqual(
      expect.arrayContaining([expect.stringContaining("$[1].name: expected string")]),
    );
    expect(() => responseSchema("/repos/{owner}/{repo}/branches", "GET", 418)).toThrow(/does not document status 418/);
  });
});
