// Layout of the 导入 tab: one column for the 320 px pane; the preview tree is indented by level.
import { makeStyles, tokens } from '@fluentui/react-components';
import { column, heading } from '../../paneStyles';

export const useImportStyles = makeStyles({
  panel: column(tokens.spacingVerticalM),
  heading,
  textarea: { minHeight: '140px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
  warnings: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '160px', overflowY: 'auto', fontSize: tokens.fontSizeBase200 },
  tree: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  category: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalS },
  problems: { listStyleType: 'none', margin: 0, paddingLeft: tokens.spacingHorizontalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  problem: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalXS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  excluded: { opacity: 0.55 },
  problemHead: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  finding: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase300 },
  meta: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, paddingLeft: '28px' },
  measures: { margin: 0, paddingLeft: '40px', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  editor: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingLeft: '28px' },
});
