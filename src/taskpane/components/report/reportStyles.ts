// Layout of the 报告 tab: one column for the 320 px pane, the preview set like a printed 通报.
import { makeStyles, tokens } from '@fluentui/react-components';
import { buttonRow, column, heading } from '../../paneStyles';

export const useReportStyles = makeStyles({
  panel: column(tokens.spacingVerticalM),
  section: column(tokens.spacingVerticalS),
  heading,
  summary: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: 'anywhere',
  },
  note: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  actions: buttonRow,
  preview: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    // 仿宋-like reading face where installed; the pane never loads fonts from the web.
    fontFamily: '"仿宋_GB2312", "仿宋", FangSong, "STFangsong", serif',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase400,
    overflowWrap: 'anywhere',
    minWidth: 0,
  },
  title: {
    margin: `0 0 ${tokens.spacingVerticalM}`,
    textAlign: 'center',
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontFamily: '"方正小标宋简体", "宋体", SimSun, "Songti SC", serif',
  },
  h1: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightBold,
    fontFamily: '"黑体", SimHei, "Heiti SC", sans-serif',
  },
  h2: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    fontFamily: '"楷体_GB2312", "楷体", KaiTi, "STKaiti", serif',
  },
  paragraph: {
    margin: 0,
    textIndent: '2em',
  },
  closing: {
    margin: 0,
    textAlign: 'right',
    paddingRight: '2em',
  },
  closingGap: {
    marginTop: tokens.spacingVerticalL,
  },
});
