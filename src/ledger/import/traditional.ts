// Reports from Taiwan, Hong Kong or Macao, or a Big5 file, are written in traditional characters;
// every rule of the importer reads simplified ones (情况, 通报, 问题, 进行). A text that is mostly
// traditional is read through this one-to-one map (lengths and offsets stay the same), and the
// import says so. The map covers the vocabulary of reports, not the whole script: a character not
// in it stays as written.
const PAIRS =
  '這这為为個个國国時时來来們们產产種种過过說说發发動动對对會会後后學学經经進进實实點点從从業业應应開开還还間间樣样與与關关數数質质氣气變变條条結结問问題题黨党員员總总設设長长頭头資资邊边級级圖图統统較较將将組组見见計计別别論论運运農农幾几區区強强決决戰战則则據据處处隊队給给門门規规熱热領领東东導导壓压濟济階阶術术極极聯联認认權权證证轉转單单風风車车務务萬万達达積积議议聲声報报類类離离華华確确張张馬马節节話话記记廣广傳传許许溫温觀观織织裝装眾众衆众書书復复兒儿須须際际驗验連连斷断難难備备辦办習习響响約约勞劳歷历構构稱称準准號号維维劃划選选標标寫写親亲養养層层專专狀状廠厂識识適适屬属調调滿满縣县參参紅红細细聽听該该鐵铁價价嚴严視视紀纪責责項项況况於于義义現现無无軍军體体機机當当兩两線线內内錄录檢检衛卫饋馈監监團团幹干財财預预範范執执違违貫贯徹彻講讲醫医療疗鄉乡鎮镇協协頓顿審审錢钱費费補补貼贴處处誡诫談谈銷销臺台帳账賬账續续繼继屆届輪轮週周億亿餘余堅坚啟启牽牵彙汇匯汇舉举歸归檔档並并務务規规劃划機机構构職职稅税產产營营銀银險险農农權权歲岁齡龄極极準准級级邊边區区齊齐優优勢势環环境境讓让認认識识證证據据';

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS[i], PAIRS[i + 1]);

/** Whether a text is written mostly in traditional characters (3% of its Chinese characters or more are traditional-only). */
export function isTraditional(text: string): boolean {
  let cjk = 0;
  let traditional = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x4e00 || code > 0x9fff) continue;
    cjk++;
    if (MAP.has(ch)) traditional++;
  }
  return cjk > 0 && traditional >= 3 && traditional / cjk >= 0.03;
}

/** The text with the mapped traditional characters replaced by simplified ones, one for one. */
export function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += MAP.get(ch) ?? ch;
  return out;
}
