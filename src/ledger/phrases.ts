// The flag vocabulary of DESIGN.md §4 and §5, shared by the status, flag and deadline parsers.
// All patterns run on normalizeText output.

/** §4 长期坚持 phrases (the status column and the 长期坚持 flag column). */
export const LONG_TERM_RE = /纳入长期|需要?长期(?:推进|坚持|整改|执行|落实)|长期坚持|长期任务|持续整改|常态化|久久为功/;

/**
 * §5 adds 持续推进 to the long-term words of a 整改时限, and a bare 长期 ("长期", "长期有效") is a
 * common ledger entry; 长期以来 ("for a long time") describes the past and is not one.
 */
export const LONG_TERM_DEADLINE_RE = new RegExp(`${LONG_TERM_RE.source}|持续推进|长期(?!以来|存在|未|得不到|没有)`);

/** Negated long-term phrases: 不纳入长期坚持, 无需长期坚持. */
export const NOT_LONG_TERM_RE = /(?:不|无需|不需要?|未)(?:纳入)?长期/;

/** §4 立行立改 phrases: fixed at once, due by the feedback date. */
export const IMMEDIATE_RE = /立行立改|即知即改|立说立行|即时整改|立整立改|边巡边改|即查即改|边查边改|立查立改|立即整改|马上就改/;

/** §5 unresolved words: a deadline with no definite date, 需人工确认. */
export const VAGUE_DEADLINE_RE = /近期|尽快|适时|及时|择机|视情|待定|另行(?:通知|确定)|根据(?:上级)?(?:要求|安排|部署)|按(?:上级)?要求|逐步|下一步|后续|另定/;

export function isLongTermText(text: string): boolean {
  return LONG_TERM_RE.test(text) && !NOT_LONG_TERM_RE.test(text);
}

export function isImmediateText(text: string): boolean {
  return IMMEDIATE_RE.test(text);
}
