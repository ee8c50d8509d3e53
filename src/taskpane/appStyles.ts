// The pane's frame: one column, no sideways scrolling at 320 px.
import { makeStyles, tokens } from '@fluentui/react-components';

export const useAppStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
    maxWidth: '100%',
    boxSizing: 'border-box',
    minHeight: '100vh',
  },
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, minWidth: 0 },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400 },
  org: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  // One row of tabs at 320 px in either language: the tabs share the width instead of wrapping.
  tabs: {
    marginInline: `calc(-1 * ${tokens.spacingHorizontalS})`,
    flexWrap: 'nowrap',
    '& .fui-Tab': { flexGrow: 1, flexShrink: 1, minWidth: 0, paddingInline: tokens.spacingHorizontalXS, justifyContent: 'center' },
  },
  // Six English words do not fit 312 px at 14 px: below 420 px they shrink a size, or the tabs
  // would clip their labels ("Ente", "Ledge") instead of wrapping.
  tabsEn: {
    '@media (max-width: 420px)': {
      '& .fui-Tab': { paddingInline: tokens.spacingHorizontalXXS },
      '& .fui-Tab span': { fontSize: tokens.fontSizeBase200 },
    },
  },
  content: { minWidth: 0 },
  center: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalXXL, color: tokens.colorNeutralForeground3 },
});
