// Style pieces every tab shares, so the tabs keep one look: a column that fits the 320 px pane
// (children may shrink below their content, long text wraps), a section heading, a row of buttons,
// and a grid of form fields that share the width.
import { tokens } from '@fluentui/react-components';

/** A vertical stack with `gap` between its children. */
export function column(gap: string) {
  return { display: 'flex', flexDirection: 'column', gap, minWidth: 0 } as const;
}

export const heading = { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold } as const;

export const buttonRow = { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS } as const;

/** Fields side by side while each keeps 120 px; Fluent inputs carry an intrinsic min-width, let them shrink to their cell. */
export const fieldGrid = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))',
  gap: tokens.spacingHorizontalS,
  '& .fui-Input, & .fui-Select, & .fui-Field': { minWidth: 0 },
} as const;

/** A figure tile (the header's live figures, the 统计 tab's key figures): label, value, the counts behind it. */
export const figureTile = {
  tile: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    minWidth: 0,
  },
  label: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  sub: {
    display: 'block',
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
  },
  alert: { color: tokens.colorPaletteRedForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
} as const;
