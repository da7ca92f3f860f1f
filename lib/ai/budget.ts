// Token budgeting for the §18 prompt. Exact counts need each provider's
// tokenizer; ~4 characters per token is the usual estimate for English and
// errs on the generous side for code, which is what a budget needs.

export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);

export type BudgetedMessage = { content: string; author?: string | null };

/** Per-message overhead: role, name and separators. */
const MESSAGE_OVERHEAD = 4;

export const messageTokens = (m: BudgetedMessage): number =>
  estimateTokens(m.content) + estimateTokens(m.author ?? "") + MESSAGE_OVERHEAD;

/**
 * The newest messages whose estimated size fits `budgetTokens`, oldest first.
 * The newest message is always kept — it is what the AI was asked — even when
 * it alone is over budget; older ones stop at the first that does not fit, so
 * the conversation never has holes.
 */
export function selectRecentMessages<M extends BudgetedMessage>(messages: readonly M[], budgetTokens: number): M[] {
  const kept: M[] = [];
  let used = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    const cost = messageTokens(messages[i]);
    if (kept.length > 0 && used + cost > budgetTokens) break;
    kept.push(messages[i]);
    used += cost;
  }
  return kept.reverse();
}
