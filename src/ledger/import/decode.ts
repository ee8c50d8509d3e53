// The bytes of a report file → its text. Government PCs save reports as UTF-8 (with or without a
// BOM), as Notepad's "Unicode" (UTF-16 LE with a BOM), as GBK/GB18030, and texts from Taiwan or
// Hong Kong as Big5. TextDecoder knows all of these in Node and in browsers. GBK and Big5 share
// their byte ranges, so a Big5 file usually decodes as GBK without an error — into nonsense: both
// are tried and the reading with more of the commonest Chinese characters wins.

export type DecodedText = { ok: true; text: string; encoding: string } | { ok: false; reason: 'binary' | 'unknownEncoding'; tried: string[] };

// The commonest characters of Chinese prose and of these reports, simplified and traditional
// (a right decoding has a quarter or more of its characters here, a wrong one about one in a hundred).
const COMMON = new Set(
  '的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会會可主发發年动動同工也能下过過子说說产產种種面而方后後多定行学學法所民得经經十三之进進着等部度家电電力里裏如水化高自二理起小物现現实實加量都两兩体體制机機当當使点點从從业業本去把性好应應开開它合还還因由其些然前外天政四日那社义義事平形相全表间間样樣与與关關各重新线線内數数正心反明看原又么利比或但质質气氣第向道命此变變条條只没結结解问問意建月公无無系军軍很情者最立代想已通并提直题題党黨程展五果料象员員革位入常文总總次品式活设設及管特件长長求老头頭基资資边邊流路级級少图圖山统統接知较較将將组組见見计計别別她手角期根论論运運农農指几幾九区區强強放决決西被干做必战戰先回则則任取据據处處队隊南给給色光门門即保治北造百规規热熱领領七海口东東导導器压壓志世金增争爭济濟阶階油思术術极極交受联聯什认認六共权權收证證改清美再采转轉更单單风風切打白教速花带帶安场場身车車例真务務具万萬每目至达達走积積示议議声聲报報斗完类類八离離华華名确確才科张張信马馬节節话話米整空元况況今集温溫传傳土许許步群广廣石记記需段研界拉林律叫且究观觀越织織装裝影算低持音众眾书書布复復容儿兒须須际際商非验驗连連断斷深难難近千周委素技备備半办辦青省列习習响響约約支般史感劳勞便团團往历歷市克何除消构構府称稱太准準精值号號率族维維划劃选選标標写寫存候毛亲親快效院查江型眼王按格养養易置派层層片始却卻专專状狀育厂廠京识識适適属屬圆圓包火住调調满滿县縣局照参參红紅细細引听聽该該铁鐵价價严嚴巡察视視督纪紀律问題落实實措施责責任限期项項，。、；：“”（）',
);

function score(text: string): number {
  let common = 0;
  let letters = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    letters++;
    if (COMMON.has(ch)) common++;
  }
  return letters === 0 ? 0 : common / letters;
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null; // malformed for this encoding (or an encoding this runtime lacks)
  }
}

/** UTF-16 without a BOM: ASCII-heavy text has a zero in every other byte, on one side. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const n = Math.min(bytes.length, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.2 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.2 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

const NAMES: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', gb18030: 'GBK（GB18030）', big5: 'Big5' };

/** Decodes a report file's bytes; never throws. */
export function decodeReportBytes(bytes: Uint8Array): DecodedText {
  const bom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8' : bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (bom) {
    const text = tryDecode(bom, bytes.subarray(bom === 'utf-8' ? 3 : 2));
    return text === null ? { ok: false, reason: 'unknownEncoding', tried: [NAMES[bom]] } : { ok: true, text, encoding: NAMES[bom] };
  }
  const wide = utf16WithoutBom(bytes);
  if (wide) {
    const text = tryDecode(wide, bytes);
    if (text !== null) return { ok: true, text, encoding: NAMES[wide] };
  }
  // NUL bytes in a file that is not UTF-16: a binary file (an image, a PDF, a database).
  if (bytes.includes(0)) return { ok: false, reason: 'binary', tried: [] };
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: NAMES['utf-8'] };
  const readings = (['gb18030', 'big5'] as const)
    .map((encoding) => ({ encoding, text: tryDecode(encoding, bytes) }))
    .filter((r): r is { encoding: 'gb18030' | 'big5'; text: string } => r.text !== null && !r.text.includes('\uFFFD'));
  if (readings.length === 0) return { ok: false, reason: 'unknownEncoding', tried: ['utf-8', 'gb18030', 'big5'].map((e) => NAMES[e]) };
  const best = readings.reduce((a, b) => (score(b.text) > score(a.text) ? b : a));
  return { ok: true, text: best.text, encoding: NAMES[best.encoding] };
}
