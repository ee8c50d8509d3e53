// A small ledger shared by the report tests (summary, draft, text, docx, the 报告 panel).
// Two 方面, three problems, five measures: one problem done and closed, one under way with an
// overdue measure, one not started.
import type { Ledger, MeasureRow, ProblemRow } from '../types';

function problem(p: Partial<ProblemRow> & Pick<ProblemRow, 'id' | 'category' | 'description'>): ProblemRow {
  return {
    sourceNumber: '', source: '巡察反馈', leader: '', leadUnit: '', status: '未标注', longTerm: false,
    closeState: '未申请', closeDate: null, note: '', ...p,
  };
}

function measure(m: Partial<MeasureRow> & Pick<MeasureRow, 'id' | 'problemId' | 'text'>): MeasureRow {
  return {
    leader: '', unit: '', coUnits: '', owner: '', deadlineText: '', deadline: null, status: '未启动', longTerm: false,
    doneDate: null, progress: '', evidence: '', closeState: '未申请', closeDate: null, note: '', ...m,
  };
}

export function smallLedger(): Ledger {
  return {
    round: {
      org: '中共清丰县紧密型县域医共体委员会', inspector: '县委第七巡察组', kind: '专项',
      start: '2022-04-11', end: '2022-06-10', feedback: '2022-07-21', months: 3, asOf: '2022-10-18',
    },
    problems: [
      problem({ id: 'P001', category: '政治建设方面', description: '政治站位不够高，在改革攻坚上缺乏勇气。', status: '已完成', closeState: '已销号', closeDate: '2022-10-10' }),
      problem({ id: 'P002', category: '政治建设方面', description: '制度文件睡大觉，在运行机制上执行不力。', status: '正在推进', longTerm: true }),
      problem({ id: 'P003', category: '人才队伍建设方面', description: '人才引进渠道不畅，专业技术人员短缺。', status: '未启动' }),
    ],
    measures: [
      measure({ id: 'P001-M01', problemId: 'P001', text: '认真学习习近平总书记关于深化医药卫生体制改革的系列重要讲话精神。', status: '已完成', longTerm: true, deadlineText: '2022年8月底前', deadline: '2022-08-31', doneDate: '2022-08-20', closeState: '已销号', unit: '党委办公室' }),
      measure({ id: 'P001-M02', problemId: 'P001', text: '学习先进典型经验，开展集中培训。', status: '已完成', deadlineText: '立行立改', deadline: '2022-07-21', doneDate: '2022-07-21' }),
      measure({ id: 'P002-M01', problemId: 'P002', text: '规范出台文件，出台前经过调查研究和会议讨论。', status: '已完成', deadlineText: '2022年9月底前', deadline: '2022-09-30', doneDate: '2022-09-15' }),
      measure({ id: 'P002-M02', problemId: 'P002', text: '建立文件执行情况督查机制。', status: '正在推进', longTerm: true, deadlineText: '2022年9月底前', deadline: '2022-09-30', progress: '2022-10-12：督查办法已起草，待党委会审议' }),
      measure({ id: 'P003-M01', problemId: 'P003', text: '制定人才引进计划，公开招聘专业技术人员。', status: '未启动', deadlineText: '2022年12月底前', deadline: '2022-12-31' }),
    ],
  };
}
