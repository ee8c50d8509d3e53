// The text of the sample ledger: a 市委巡察组 round at a 县卫健委党组, worded like the published
// 整改通报 in fixtures/reports. Dates are given as specs relative to "today" and resolved in
// sample.ts, so the preview keeps overdue, due-soon and future items whenever it is opened.
import type { CloseState, ProblemSource, Status } from '../ledger/types';

/** When a measure is due, relative to today (or to the feedback date). */
export type DueSpec =
  | { kind: 'days'; n: number } // today + n, written "YYYY年M月D日前"
  | { kind: 'monthEnd'; n: number } // last day of (this month + n), written "YYYY年M月底前"
  | { kind: 'yearEnd' } // "YYYY年底前"
  | { kind: 'withinMonths'; n: number } // "N个月内" from the feedback date
  | { kind: 'immediate' } // 立行立改: the feedback date
  | { kind: 'longTerm' } // 长期坚持: no date
  | { kind: 'longTermBy'; n: number }; // "长期坚持，YYYY年M月底前取得阶段性成效"

export type MeasureSpec = {
  text: string;
  unit: string;
  coUnits?: string;
  owner: string;
  leader: string;
  due: DueSpec;
  status: Status;
  longTerm?: boolean;
  /** Days before today the item was finished (for 已完成). */
  doneAgo?: number;
  /** [days before today, text], newest first. */
  progress?: [number, string][];
  evidence?: string;
  close?: CloseState;
};

export type ProblemSpec = {
  category: number;
  sourceNumber: string;
  description: string;
  source: ProblemSource;
  leader: string;
  leadUnit: string;
  measures: MeasureSpec[];
};

export const SAMPLE_ORG = '中共清源县卫生健康委员会党组';
export const SAMPLE_INSPECTOR = '市委第三巡察组';

export const SAMPLE_CATEGORIES = [
  '贯彻落实党中央决策部署和省市县委工作要求方面',
  '落实全面从严治党主体责任和监督责任方面',
  '落实新时代党的组织路线方面',
  '整治群众身边不正之风和腐败问题方面',
];

const SECRETARY = '张建国（党组书记、主任）';
const DEPUTY_A = '李红梅（党组成员、副主任）';
const DEPUTY_B = '刘晓东（党组成员、副主任）';
const DISCIPLINE = '王志强（驻委纪检监察组组长）';

export const SAMPLE_PROBLEMS: ProblemSpec[] = [
  {
    category: 0, sourceNumber: '（一）1', source: '巡察反馈', leader: SECRETARY, leadUnit: '办公室',
    description: '“第一议题”制度落实不到位，党组会学习习近平总书记关于卫生健康工作的重要论述联系实际不够，研究部署具体工作少。',
    measures: [
      { text: '将习近平总书记关于卫生健康工作的重要论述列入党组会“第一议题”和理论学习中心组年度学习计划，每月至少集中学习1次。', unit: '办公室', owner: '赵丽', leader: SECRETARY, due: { kind: 'immediate' }, status: '已完成', longTerm: true, doneAgo: 110, progress: [[110, '印发《2026年党组理论学习中心组学习计划》，明确12个专题。']], evidence: '学习计划（清卫党〔2026〕12号）', close: '已销号' },
      { text: '建立学习成果转化清单，每季度通报一次学习研讨成果转化情况。', unit: '办公室', coUnits: '机关党委', owner: '赵丽', leader: SECRETARY, due: { kind: 'monthEnd', n: -1 }, status: '已完成', doneAgo: 40, progress: [[40, '第三季度学习成果转化情况已通报。'], [95, '建立学习成果转化清单，梳理转化事项8项。']], evidence: '学习成果转化清单；三季度通报', close: '已申请' },
    ],
  },
  {
    category: 0, sourceNumber: '（一）2', source: '巡察反馈', leader: DEPUTY_A, leadUnit: '基层卫生科',
    description: '推进紧密型县域医共体建设进度滞后，县乡村一体化管理落实不到位，检查检验结果互认未在乡镇卫生院全面推行。',
    measures: [
      { text: '制定医共体人、财、物统一管理实施细则，明确牵头医院与成员单位权责清单。', unit: '基层卫生科', coUnits: '人事科、财务科', owner: '孙鹏', leader: DEPUTY_A, due: { kind: 'withinMonths', n: 3 }, status: '已完成', doneAgo: 30, progress: [[30, '《医共体统一管理实施细则》经党组会审议通过并印发。']], evidence: '实施细则印发文件' },
      { text: '在全县18个乡镇卫生院推行检查检验结果互认，年底前实现互认项目全覆盖。', unit: '医政医管科', coUnits: '规划发展与信息化科', owner: '周敏', leader: DEPUTY_A, due: { kind: 'yearEnd' }, status: '部分完成', progress: [[12, '已有14个乡镇卫生院接入互认平台，其余4个正在调试。'], [60, '完成互认平台招标。']] },
      { text: '开展县域医共体建设成效评估，对进度滞后的成员单位进行约谈。', unit: '基层卫生科', owner: '孙鹏', leader: DEPUTY_A, due: { kind: 'days', n: 5 }, status: '正在推进', progress: [[7, '评估方案已制定，正在组织实地核查。']] },
    ],
  },
  {
    category: 0, sourceNumber: '（一）3', source: '巡察反馈', leader: DEPUTY_B, leadUnit: '疾病预防控制科',
    description: '公共卫生服务体系短板明显，基层疾控机构人员力量薄弱，突发公共卫生事件应急演练流于形式。',
    measures: [
      { text: '核定县疾控中心人员编制，通过公开招聘补充专业技术人员不少于10名。', unit: '人事科', coUnits: '疾病预防控制科', owner: '马倩', leader: DEPUTY_B, due: { kind: 'monthEnd', n: 1 }, status: '正在推进', progress: [[20, '招聘计划已报县人社局审批。']] },
      { text: '每半年组织一次突发公共卫生事件应急演练，演练结束后形成评估报告。', unit: '疾病预防控制科', owner: '高伟', leader: DEPUTY_B, due: { kind: 'longTerm' }, status: '正在推进', longTerm: true, progress: [[45, '组织开展传染病疫情处置桌面推演1次。']] },
      { text: '修订《清源县突发公共卫生事件应急预案》。', unit: '疾病预防控制科', owner: '高伟', leader: DEPUTY_B, due: { kind: 'days', n: -25 }, status: '正在推进', progress: [[35, '预案修订稿已征求相关部门意见。']] },
    ],
  },
  {
    category: 0, sourceNumber: '（一）4', source: '巡察反馈', leader: SECRETARY, leadUnit: '机关党委',
    description: '意识形态工作责任制落实不到位，党组专题研究意识形态工作仅1次，对系统内网络舆情研判处置不够及时。',
    measures: [
      { text: '党组每半年至少专题研究1次意识形态工作，将意识形态工作纳入年度党建考核。', unit: '机关党委', owner: '钱晓燕', leader: SECRETARY, due: { kind: 'longTermBy', n: -1 }, status: '已完成', longTerm: true, doneAgo: 50, progress: [[50, '党组专题研究意识形态工作，印发责任清单。']], evidence: '党组会议纪要（第18次）', close: '已销号' },
      { text: '建立网络舆情监测、研判、处置工作机制，明确专人负责。', unit: '办公室', coUnits: '规划发展与信息化科', owner: '赵丽', leader: SECRETARY, due: { kind: 'immediate' }, status: '已完成', doneAgo: 100, evidence: '舆情处置工作机制' },
    ],
  },
  {
    category: 1, sourceNumber: '（二）1', source: '巡察反馈', leader: SECRETARY, leadUnit: '机关党委',
    description: '党组主体责任落实不到位，对下属单位党风廉政建设检查考核流于形式，压力传导层层递减。',
    measures: [
      { text: '制定党组落实全面从严治党主体责任清单，层层签订党风廉政建设责任书。', unit: '机关党委', owner: '钱晓燕', leader: SECRETARY, due: { kind: 'withinMonths', n: 1 }, status: '已完成', doneAgo: 90, evidence: '主体责任清单；责任书42份', close: '已销号' },
      { text: '每半年对下属单位开展一次党风廉政建设专项检查，检查结果与年度考核挂钩。', unit: '机关党委', coUnits: '驻委纪检监察组', owner: '钱晓燕', leader: DISCIPLINE, due: { kind: 'longTerm' }, status: '基本完成', longTerm: true, progress: [[25, '完成下半年专项检查，发现问题23个，已督促整改19个。']] },
    ],
  },
  {
    category: 1, sourceNumber: '（二）2', source: '立行立改交办', leader: DISCIPLINE, leadUnit: '财务科',
    description: '中央八项规定精神落实不严格，部分下属单位存在公务接待超标准、无公函接待问题。',
    measures: [
      { text: '对2024年以来下属单位公务接待情况开展全面自查，对超标准接待费用予以清退。', unit: '财务科', coUnits: '驻委纪检监察组', owner: '吴静', leader: DISCIPLINE, due: { kind: 'immediate' }, status: '已完成', doneAgo: 105, progress: [[105, '清退超标准接待费用1.26万元，对3名责任人进行提醒谈话。']], evidence: '自查报告；清退凭证', close: '已申请' },
      { text: '修订《机关公务接待管理办法》，实行无公函不接待、接待清单审核制度。', unit: '办公室', coUnits: '财务科', owner: '赵丽', leader: DISCIPLINE, due: { kind: 'monthEnd', n: -2 }, status: '已完成', doneAgo: 70, evidence: '公务接待管理办法（修订）', close: '退回' },
    ],
  },
  {
    category: 1, sourceNumber: '（二）3', source: '上轮未完成', leader: DEPUTY_B, leadUnit: '财务科',
    description: '财务管理不规范，专项资金使用监管不到位，部分项目结余资金长期未清理。',
    measures: [
      { text: '对2022年以来专项资金使用情况开展专项审计，形成审计报告。', unit: '财务科', owner: '吴静', leader: DEPUTY_B, due: { kind: 'days', n: -40 }, status: '部分完成', progress: [[15, '已完成9个项目审计，剩余3个项目因资料不全暂缓。'], [55, '委托第三方审计机构进场。']] },
      { text: '清理结余结转资金，按规定上缴县财政或统筹使用。', unit: '财务科', owner: '吴静', leader: DEPUTY_B, due: { kind: 'days', n: 2 }, status: '未启动' },
      { text: '建立专项资金绩效跟踪评价制度。', unit: '财务科', coUnits: '规划发展与信息化科', owner: '吴静', leader: DEPUTY_B, due: { kind: 'monthEnd', n: 2 }, status: '未启动', close: '申请延期' },
    ],
  },
  {
    category: 1, sourceNumber: '（二）4', source: '巡察反馈', leader: DEPUTY_A, leadUnit: '药政科',
    description: '药品耗材和医疗设备采购监管存在漏洞，部分设备采购未严格履行招标程序。',
    measures: [
      { text: '对2024年以来医疗设备采购项目逐项复查，对未履行招标程序的项目移交纪检监察组处理。', unit: '药政科', coUnits: '驻委纪检监察组', owner: '郑浩', leader: DEPUTY_A, due: { kind: 'days', n: -8 }, status: '已完成', doneAgo: 12, progress: [[12, '复查采购项目37个，移交问题线索2件。']], evidence: '复查台账' },
      { text: '推行药品耗材带量采购，公立医院集采药品使用比例不低于国家要求。', unit: '药政科', owner: '郑浩', leader: DEPUTY_A, due: { kind: 'longTermBy', n: 1 }, status: '正在推进', longTerm: true, progress: [[18, '10月集采药品使用比例达到82%。']] },
    ],
  },
  {
    category: 2, sourceNumber: '（三）1', source: '巡察反馈', leader: SECRETARY, leadUnit: '机关党委',
    description: '领导班子建设有待加强，民主生活会批评与自我批评“辣味”不足，会前谈心谈话不深入。',
    measures: [
      { text: '召开巡察整改专题民主生活会，班子成员逐一对照检查，开展严肃的批评与自我批评。', unit: '机关党委', owner: '钱晓燕', leader: SECRETARY, due: { kind: 'monthEnd', n: -3 }, status: '已完成', doneAgo: 80, evidence: '专题民主生活会情况报告', close: '已销号' },
      { text: '落实班子成员之间、班子成员与分管科室负责人谈心谈话制度，每年至少开展两轮。', unit: '机关党委', owner: '钱晓燕', leader: SECRETARY, due: { kind: 'longTerm' }, status: '已完成', longTerm: true, doneAgo: 60 },
    ],
  },
  {
    category: 2, sourceNumber: '（三）2', source: '巡察反馈', leader: DEPUTY_B, leadUnit: '人事科',
    description: '干部队伍建设统筹谋划不够，年轻干部培养选拔力度不足，专业技术人员职称评聘不规范。',
    measures: [
      { text: '制定年轻干部培养三年计划，建立优秀年轻干部储备库。', unit: '人事科', owner: '马倩', leader: DEPUTY_B, due: { kind: 'days', n: 6 }, status: '基本完成', progress: [[9, '培养计划经党组会审议，待印发。']] },
      { text: '对近三年职称评聘情况开展自查，纠正违规聘任问题。', unit: '人事科', owner: '马倩', leader: DEPUTY_B, due: { kind: 'monthEnd', n: -1 }, status: '部分完成', progress: [[28, '自查发现违规聘任4人，已纠正2人。']] },
    ],
  },
  {
    category: 2, sourceNumber: '（三）3', source: '移交事项', leader: DEPUTY_A, leadUnit: '机关党委',
    description: '基层党组织建设薄弱，部分公立医院党支部“三会一课”制度落实不到位，党建与业务融合不够。',
    measures: [
      { text: '开展公立医院党支部标准化规范化建设，逐一检查“三会一课”记录。', unit: '机关党委', coUnits: '医政医管科', owner: '钱晓燕', leader: DEPUTY_A, due: { kind: 'yearEnd' }, status: '正在推进', progress: [[14, '已检查党支部21个，督促整改问题31个。']] },
      { text: '落实党委领导下的院长负责制，修订医院章程和党委会、院长办公会议事规则。', unit: '医政医管科', coUnits: '机关党委', owner: '周敏', leader: DEPUTY_A, due: { kind: 'monthEnd', n: 0 }, status: '已完成', doneAgo: 4, evidence: '5家县级公立医院章程（修订稿）', close: '已申请' },
    ],
  },
  {
    category: 3, sourceNumber: '（四）1', source: '巡察反馈', leader: DEPUTY_A, leadUnit: '医政医管科',
    description: '医疗服务领域群众反映强烈的问题整改不彻底，部分医疗机构存在不合理检查、过度医疗现象。',
    measures: [
      { text: '开展医疗机构不合理检查、过度医疗专项整治，对查实问题按规定处理并通报。', unit: '医政医管科', coUnits: '驻委纪检监察组', owner: '周敏', leader: DEPUTY_A, due: { kind: 'days', n: -3 }, status: '正在推进', progress: [[6, '抽查病历600份，发现不合理检查问题17个。'], [33, '印发专项整治工作方案。']] },
      { text: '畅通群众投诉渠道，落实投诉“首问负责”和限时办结制度。', unit: '医政医管科', owner: '周敏', leader: DEPUTY_A, due: { kind: 'immediate' }, status: '已完成', longTerm: true, doneAgo: 115, evidence: '投诉处理工作制度', close: '已销号' },
      { text: '建立医疗服务质量群众满意度季度测评机制，测评结果纳入医院绩效考核。', unit: '医政医管科', coUnits: '基层卫生科', owner: '周敏', leader: DEPUTY_A, due: { kind: 'monthEnd', n: 3 }, status: '未启动' },
    ],
  },
];
