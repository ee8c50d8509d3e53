// The round and the work figures as real news sentences state them (issue 15, second round):
// 巡察组 and 被巡察单位 named only in prose, a 回头看 beside the inspection it follows up, and
// figures that count work (letters, meetings, talks, rules) labelled by what they count.
import { readFigures } from '../../src/ledger/import/figures';
import { readRound } from '../../src/ledger/import/round';

function round(text: string) {
  const lines = text.split('\n').map((t, i) => ({ line: i + 1, text: t }));
  return readRound(lines, Infinity).round;
}

describe('巡察组 and 被巡察单位 named only in prose', () => {
  it.each([
    ['区委第二巡察组于2024年3月至5月对区教育局党组开展了常规巡察。', '区委第二巡察组', '区教育局党组'],
    ['近日,阜阳市委医疗卫生领域第六专项巡察组巡察太和县人民医院党委情况反馈会召开。', null, '太和县人民医院党委'],
    ['2025年2月21日,市委第一巡察组向市第一中学党委反馈巡察情况。', '市委第一巡察组', '市第一中学党委'],
    ['2023年3月10日,县委上下联动巡察组向徽城镇所辖村(社区)党组织集中反馈巡察情况。', '县委上下联动巡察组', '徽城镇所辖村(社区)党组织'],
    ['2018年11月26日——2019年1月26日,兴宁市委机动巡察一组对叶塘镇党委进行了政治巡察。', '兴宁市委机动巡察一组', '叶塘镇党委'],
    ['3月19日至4月30日,阜阳市委第六巡察组对太和县人民医院开展“政治体检”。', '阜阳市委第六巡察组', null],
    ['2023年5月8日中共红河州委第二巡察组进驻。', '红河州委第二巡察组', null],
    // Words before the committee that are the sentence, not a place, stay out of the name.
    ['叶塘镇党委主要负责同志就落实市委巡察组反馈意见整改进展情况进行了汇报。', '市委巡察组', null],
    ['目前,该镇党委对市委巡察组提出存在的5大方面14个问题都进行整改。', '市委巡察组', null],
    ['县人社局接到县委第七巡察组移交的问题线索后立即整改。', '县委第七巡察组', null],
    ['县域医共体委员会关于落实县委第七巡察组反馈意见的整改方案', '县委第七巡察组', '县域医共体委员会'],
    ['2017年5月9日至6月9日,委党组巡察组对省胸科医院进行了为期1个月的巡察。', '委党组巡察组', '省胸科医院'],
    ['根据教育部第一巡视组的反馈意见,学校将整改任务明确为12项主要任务。', '教育部第一巡视组', null],
    ['县委第三巡察组向该局党组反馈了巡察意见，局党组召开会议研究整改工作。', '县委第三巡察组', '该局党组'],
    // A text about several rounds names no one group, and no unit.
    ['区纪委监委对区委一、二、三轮巡察的被巡察党组织开展专项督查，被巡察单位在接到区委巡察组反馈巡察意见后召开专题会议。', null, null],
    // 巡察 followed by the group, or by the work, is no unit.
    ['就落实巡察整改工作向院党委汇报。', null, null],
  ])('%s', (text, inspector, org) => {
    expect(round(text)).toMatchObject({ inspector, org });
  });
});

describe('a 回头看 beside the inspection it follows up', () => {
  const both =
    '按照市委巡察工作的统一部署,2018年11月26日——2019年1月26日,兴宁市委机动巡察一组对叶塘镇党委进行了政治巡察。' +
    '同时,2019年3月8日至4月19日,市委第二巡察组对叶塘镇6个省定贫困村开展了为期43天的巡察“回头看”工作。';

  it('takes the inspection, not the 回头看, for the window, the group and the kind', () => {
    expect(round(both)).toMatchObject({ inspectionStart: '2018-11-26', inspectionEnd: '2019-01-26', inspector: '兴宁市委机动巡察一组', kind: '常规' });
  });

  it('does not take the 回头看 feedback for the round when it is written first', () => {
    const text =
      '2023年9月4日至9月29日，市委第一巡察组对某局党组开展了巡察“回头看”，10月20日反馈了“回头看”意见。' +
      '2021年4月1日至5月30日，市委第一巡察组对某局党组进行了常规巡察，并于2021年7月5日反馈了巡察意见。';
    expect(round(text)).toMatchObject({ inspectionStart: '2021-04-01', inspectionEnd: '2021-05-30', feedbackDate: '2021-07-05', kind: '常规' });
  });

  it.each([
    ['a text about the 回头看 alone', '2023年9月4日至9月29日，县委第六巡察组对县教育体育局党组开展了巡察整改“回头看”。10月20日，县委第六巡察组向县教育体育局党组反馈了“回头看”情况。'],
    ['a title naming the 回头看', '关于巡察整改“回头看”反馈意见整改情况的通报\n2021年4月1日至5月30日，县委第六巡察组对某局党组进行了常规巡察。2023年9月4日至9月29日，县委第六巡察组对县教育体育局党组开展了巡察整改“回头看”，10月20日反馈了意见。'],
  ])('keeps the 回头看 as the round in %s', (_, text) => {
    const r = round(text);
    expect(r.kind).toBe('回头看');
    expect(r.feedbackDate).toBe('2023-10-20');
  });
});

describe('figures that count work, labelled by what they count', () => {
  it.each([
    ['截至11月7日,发放立行立改交办函17份,指出具体问题41个。', [['交办督办函件数', 17, '份'], ['反馈问题总数', 41, '个']]],
    ['针对反馈问题，约谈12人次，诫勉谈话3人。', [['约谈谈话人次', 12, '人次'], ['约谈谈话人次', 3, '人']]],
    ['局党组召开专题会议5次研究部署整改工作。', [['召开会议次数', 5, '次']]],
    ['建立健全制度9项，修订制度23项。', [['制定完善制度数', 9, '项'], ['修订完善制度数', 23, '项']]],
    ['共召开巡察整改专题民主生活会(组织生活会)38次,组织集中学习会议141次。', [['召开会议次数', 38, '次'], ['组织学习次数', 141, '次']]],
    // The inspection's own work is not the rectification's: interviews, visits, people at a meeting.
    ['6个巡察组共下户走访500余户,谈话331人次,查阅资料2296册。', []],
    ['相关负责人等共20人参加了会议。', []],
  ])('%s', (text, expected) => {
    expect(readFigures([text]).map((f) => [f.label, f.value, f.unit])).toEqual(expected);
  });
});

describe('second-round real texts (issue 15)', () => {
  it.each([
    ['区委巡察组共反馈问题4个大方面26个大项的问题,党委将巡察组反馈问题梳理分解整改任务106个,已完成整改98个。', [['反馈问题方面数', 4, '个'], ['反馈问题总数', 26, '个'], ['整改任务总数', 106, '个'], ['已完成整改任务数', 98, '个']]],
    ['巡察移交的6个立行立改问题和15件信访件,均已全部办结。', [['立行立改问题数', 6, '个'], ['信访件数', 15, '件']]],
    ['截止目前,巡察反馈的697个问题,完成整改688个,基本完成取得阶段性成果并持续整改问题4个,未完成5个,总体完成率98.71%。', [['反馈问题总数', 697, '个'], ['已完成问题数', 688, '个'], ['基本完成问题数', 4, '个'], ['未完成问题数', 5, '个'], ['整改完成率', 98.71, '%']]],
    ['截至目前，巡察反馈35个具体问题，整改完成28个，阶段性完成7个。', [['反馈问题总数', 35, '个'], ['已完成问题数', 28, '个'], ['基本完成问题数', 7, '个']]],
    ['指出具体问题41个,其中35个已整改。', [['反馈问题总数', 41, '个'], ['已完成问题数', 35, '个']]],
    ['共反馈问题42个已整改到位39个。', [['反馈问题总数', 42, '个'], ['已完成问题数', 39, '个']]],
    ['至目前,完成镇级问题整改38个,整改完成率88%。', [['已完成问题数', 38, '个'], ['整改完成率', 88, '%']]],
    ['发现贯彻不到位等方面问题199条,移交问题线索15件。', [['反馈问题总数', 199, '条'], ['移交问题线索数', 15, '件']]],
    ['联动推进消防安全隐患专项整治等8项重点整改事项。', [['整改任务总数', 8, '项']]],
  ])('%s', (text, expected) => {
    expect(readFigures([text]).map((f) => [f.label, f.value, f.unit])).toEqual(expected);
  });

  it('a numbered 关于“…”问题的整改 heading is never the title, nor its marker the unit', () => {
    const r = round('根据市委统一部署,市委第四巡察组于2024年7月9日至9月14日对市卫生健康委党组开展了巡察。\n二、整改落实情况\n(一)关于“职能作用发挥不充分”问题的整改');
    expect(r.org).toBe('市卫生健康委党组');
  });
});

// Figures are labelled by what they count, as the text says (issue 15): lists drawn up, units and
// party bodies checked or projects are no count of problems; a bare completed count counts what the
// last count in the same measure word counted. Real sentences: 红河 (ynjjjc.gov.cn, 2019), 赣榆
// (jssjw.gov.cn, 2018), a 区政府 speech (wentop.com), 台州 and 徐庄 in test/import/real, and the
// written sample jinzhan-summary (test/import/texts).
describe('figures labelled by what is counted', () => {
  it.each([
    ['元阳县建立健全“立行立改清单”“反馈清单”“对账销号清单”3项清单,对症下药……', []],
    ['泸西县实行“四看四推动”督促检查机制,整改督促检查单位30个,“复诊”问题417个……', []],
    ['该区共完成6轮巡察,巡察镇和区直部门(单位)党委(党组)24个,反馈问题306个,整改279个,整改率达91.18%。', [['反馈问题总数', 306, '个'], ['已完成问题数', 279, '个'], ['整改完成率', 91.18, '%']]],
    ['针对巡察指出的46项具体问题,目前已有28项完成阶段性整改,比如规范了12个单位的财务报销流程,整改了8个项目建设中的程序不规范问题。', [['反馈问题总数', 46, '项'], ['基本完成问题数', 28, '项']]],
    // Measures in 条, problems in 个: the completed 个 count is of problems, the 条 one of measures.
    ['对照反馈的4个方面16个问题,细化制定整改措施48条。截至11月30日,已完成整改13个,正在整改3个,整改完成率81.25%;48条整改措施已落实到位41条。', [['反馈问题方面数', 4, '个'], ['反馈问题总数', 16, '个'], ['整改措施总数', 48, '条'], ['已完成问题数', 13, '个'], ['正在推进问题数', 3, '个'], ['整改完成率', 81.25, '%'], ['已落实到位整改措施数', 41, '条']]],
    ['党委将巡察组反馈问题梳理分解整改任务106个,已完成整改98个。', [['整改任务总数', 106, '个'], ['已完成整改任务数', 98, '个']]],
    ['委党组围绕巡察反馈的6个方面18个突出问题,针对性研究制定164项整改措施,印发《巡察整改责任清单》《巡察整改任务清单》。', [['反馈问题方面数', 6, '个'], ['反馈问题总数', 18, '个'], ['整改措施总数', 164, '项']]],
    // 整改任务 counted after the 问题 they come from (央广网 2014, 江苏 on the 中央巡视组's feedback).
    ['江苏省的常委会研究提出了整改落实分工方案,将巡视组提出的4个方面主要问题分解为23项具体的整改任务。', [['反馈问题方面数', 4, '个'], ['整改任务总数', 23, '项']]],
    // Money is labelled by what became of it, and 部分整改 is 部分完成 (瑞金 audit rectification
    // report, ruijin.gov.cn 2022).
    ['《审计报告》反映涉及4个方面、29个单位(部门)共计50项具体问题,问题资金251023.54万元,报告日已整改40项,整改到位资金215587.84万元,正在整改10项(含部分整改),未整改资金35435.70万元。', [['反馈问题方面数', 4, '个'], ['反馈问题总数', 50, '项'], ['涉及问题资金', 251023.54, '万元'], ['已完成问题数', 40, '项'], ['整改到位资金', 215587.84, '万元'], ['正在推进问题数', 10, '项'], ['未整改资金', 35435.7, '万元']]],
    ['财政部门(含自然资源局)预算执行问题6项,涉及金额237054.47 万元,部分整改4项,已整改2项。', [['反馈问题总数', 6, '项'], ['涉及问题资金', 237054.47, '万元'], ['部分完成问题数', 4, '项'], ['已完成问题数', 2, '项']]],
    // A threshold is no rate, and a count that does not say what it counts is no figure (湖北省委
    // 巡视 大检查 news, 2018).
    ['297个被巡视地方和单位党组织中,反馈问题整改完成率达到100%的51个,80%以下的4个。', []],
  ])('%s', (text, expected) => {
    expect(readFigures([text]).map((f) => [f.label, f.value, f.unit])).toEqual(expected);
  });
});
