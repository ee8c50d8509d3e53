// The words of the 回收 and 催办 sections, in both languages of the pane.
import type { Locale } from '../../../ledger/errors';

export type CollectStrings = typeof zh;

const zh = {
  heading: '回收填报',
  intro: '选择各责任单位交回的分发文件（可多选），核对每项修改后应用到台账；每项修改都会记入“变更记录”并注明来源。',
  choose: '选择交回的文件',
  noChanges: '没有需要合并的修改',
  conflict: '冲突',
  ledgerValue: '台账：{0}',
  fileValue: '文件：{0}',
  empty: '（空）',
  acceptAll: '接受全部',
  apply: '应用所选修改（{0}项）',
  applied: '已应用{0}项修改，写入{1}条变更记录。',
  refused: '未回收',
  unchanged: '无变化',
  changes: '{0}项修改',
  notTaken: '未采用（{0}）',
  derived: '自动：{0}',
  remindHeading: '催办',
  remindIntro: '为有逾期或临期措施的每个责任单位生成督办提醒，可复制到邮件或工作群，也可下载 Word 文档（每个单位一页）。',
  remindMake: '生成督办提醒',
  remindNone: '没有逾期或临期的整改措施，无需催办。',
  copy: '复制',
  copied: '已复制',
  docx: '下载 Word 文档',
};

const en: CollectStrings = {
  heading: 'Collect returns',
  intro: 'Choose the files the departments sent back (several at once), check each change, then apply them to the ledger; each is logged in 变更记录 with its source.',
  choose: 'Choose returned files',
  noChanges: 'Nothing to merge',
  conflict: 'Conflict',
  ledgerValue: 'Ledger: {0}',
  fileValue: 'File: {0}',
  empty: '(blank)',
  acceptAll: 'Accept all',
  apply: 'Apply selected changes ({0})',
  applied: '{0} changes applied; {1} lines written to 变更记录.',
  refused: 'Not collected',
  unchanged: 'No changes',
  changes: '{0} changes',
  notTaken: 'Not applied ({0})',
  derived: 'Automatic: {0}',
  remindHeading: 'Reminders',
  remindIntro: 'A 督办提醒 for each unit with overdue or due-soon measures, to copy into a mail or chat, or as a Word document with a page per unit.',
  remindMake: 'Make reminders',
  remindNone: 'No measure is overdue or due soon; no reminder needed.',
  copy: 'Copy',
  copied: 'Copied',
  docx: 'Download Word document',
};

export const COLLECT_STRINGS: Record<Locale, CollectStrings> = { 'zh-CN': zh, en };
