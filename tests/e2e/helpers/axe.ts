import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

// axe-core in the e2e browser (issue 18): the page is scanned as it stands
// and every serious or critical violation fails the test, named with the
// elements it was found on. The script is evaluated through DevTools, which
// the app's Content-Security-Policy (nonce scripts only) does not govern.

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] };

export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

/** Fails with a readable list when axe finds a serious or critical violation on the page. */
export async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const bad = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad.map((v) => `${where}: [${v.impact}] ${v.id} — ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${(n.failureSummary ?? "").split("\n").slice(1).join(" ").trim()}`).join("\n")}`);
  expect(report).toEqual([]);
}
