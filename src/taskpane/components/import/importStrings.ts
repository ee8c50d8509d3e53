// The 导入 tab's own strings (zh-CN and en). Import warnings come from the importer's catalogue
// (formatWarning), rendered in the pane's locale.
import type { Locale } from '../../../ledger/errors';
import { fillTemplate } from '../../../ledger/template';

export type ImportStrings = {
  heading: string;
  textLabel: string;
  textHint: string;
  parse: string;
  parsing: string;
  inserting: string;
  cancel: string;
  clear: string;
  previewHeading: string;
  counts: string;
  round: string;
  roundWillSave: string;
  roundKept: string;
  unknown: string;
  warningsHeading: string;
  treeLabel: string;
  include: string;
  edit: string;
  doneEditing: string;
  finding: string;
  status: string;
  deadline: string;
  longTerm: string;
  measures: string;
  noMeasures: string;
  uncategorised: string;
  insert: string;
  nothingSelected: string;
  inserted: string;
  cancelled: string;
  insertFailed: string;
  selectAll: string;
  figuresHeading: string;
  figuresOnly: string;
  saveRound: string;
  roundSaved: string;
  roundNothingToSave: string;
  /** Between the round's 被巡察单位, 巡察组 and 反馈日期. */
  roundSeparator: string;
  /** An action's accessible name with the problem it acts on: 导入此问题：… */
  about: string;
};

const zhCN: ImportStrings = {
  figuresHeading: '概况数字（{0}项）',
  figuresOnly: '这段文字没有逐项列出问题，只读到巡察信息和概况数字。',
  saveRound: '保存到巡察信息',
  roundSaved: '已保存巡察信息，概况数字记在巡察信息的“通报数字”下。',
  roundNothingToSave: '台账已有巡察信息，不会覆盖；概况数字记入“通报数字”（同名的更新，不重复）。',
  heading: '导入反馈意见或整改通报',
  textLabel: '粘贴全文',
  textHint: '从 Word/WPS 复制巡察反馈意见、整改情况通报或整改方案的全文，粘贴到这里。',
  parse: '识别',
  parsing: '正在识别…',
  inserting: '正在写入台账…',
  cancel: '取消',
  clear: '清空',
  previewHeading: '识别结果（导入前可修改）',
  counts: '{0}个方面，{1}个问题，{2}条措施，已选{3}个问题',
  round: '巡察信息：{0}',
  roundWillSave: '台账的巡察信息为空，导入时一并写入。',
  roundKept: '台账已有巡察信息，导入时不覆盖。',
  unknown: '未识别',
  warningsHeading: '需要核对（{0}条）',
  treeLabel: '识别出的方面、问题和措施',
  include: '导入此问题',
  edit: '修改',
  doneEditing: '完成修改',
  finding: '问题描述',
  status: '整改状态',
  deadline: '截止日期',
  longTerm: '长期坚持',
  measures: '整改措施',
  noMeasures: '未列出措施',
  uncategorised: '未分类',
  insert: '导入{0}个问题',
  nothingSelected: '没有选中要导入的问题。',
  inserted: '已导入{0}个问题、{1}条措施。',
  cancelled: '已取消，台账没有改动。',
  insertFailed: '导入失败，台账没有改动：{0}',
  selectAll: '全选',
  roundSeparator: '｜',
  about: '{0}：{1}',
};

const en: ImportStrings = {
  figuresHeading: 'Summary figures ({0})',
  figuresOnly: 'The text lists no problems item by item; only the round and its summary figures were read.',
  saveRound: 'Save to the round information',
  roundSaved: 'The round information was saved; the summary figures are kept under 通报数字 (reported figures) on the round sheet.',
  roundNothingToSave: 'The ledger already has round information, which is kept; the figures go under 通报数字 (reported figures), a figure of the same label updated, never repeated.',
  heading: 'Import a feedback or rectification report',
  textLabel: 'Paste the full text',
  textHint: 'Copy the whole 反馈意见, 整改情况通报 or 整改方案 from Word/WPS and paste it here.',
  parse: 'Read',
  parsing: 'Reading…',
  inserting: 'Writing to the ledger…',
  cancel: 'Cancel',
  clear: 'Clear',
  previewHeading: 'What was read (edit before importing)',
  counts: '{0|category|categories}, {1|problem|problems}, {2|measure|measures}, {3|problem|problems} selected',
  round: 'Round: {0}',
  roundWillSave: 'The ledger has no round information yet; it will be saved with the import.',
  roundKept: 'The ledger already has round information; it is kept.',
  unknown: 'not found',
  warningsHeading: 'To check ({0})',
  treeLabel: 'Categories, problems and measures found',
  include: 'Import this problem',
  edit: 'Edit',
  doneEditing: 'Done',
  finding: 'Problem',
  status: 'Status',
  deadline: 'Deadline',
  longTerm: 'long-term',
  measures: 'Measures',
  noMeasures: 'no measures listed',
  uncategorised: 'Uncategorised',
  insert: 'Import {0|problem|problems}',
  nothingSelected: 'No problem is selected for import.',
  inserted: 'Imported {0|problem|problems} and {1|measure|measures}.',
  cancelled: 'Cancelled; the ledger is unchanged.',
  insertFailed: 'Import failed; the ledger is unchanged: {0}',
  selectAll: 'Select all',
  roundSeparator: ' | ',
  about: '{0}: {1}',
};

export const IMPORT_STRINGS: Record<Locale, ImportStrings> = { 'zh-CN': zhCN, en };

export function fillIn(template: string, ...params: (string | number)[]): string {
  return fillTemplate(template, params);
}
