// Layout of the 录入 form: one column that fits the 320 px task pane, Fluent tokens for spacing.
import { makeStyles, tokens } from '@fluentui/react-components';
import { buttonRow, column, fieldGrid } from '../../paneStyles';

export const useEntryStyles = makeStyles({
  form: column(tokens.spacingVerticalM),
  section: { ...column(tokens.spacingVerticalS), margin: 0, padding: 0, border: 'none' },
  legend: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
  },
  measure: {
    ...column(tokens.spacingVerticalS),
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    margin: 0,
  },
  measureHeader: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  measureLegend: {
    fontWeight: tokens.fontWeightSemibold,
  },
  row: fieldGrid,
  quick: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
  },
  // The sticky save bar stays one row at 320 px in either language: it covers the form it saves.
  actions: {
    ...buttonRow,
    flexWrap: 'nowrap',
    '& > .fui-Button': { minWidth: 0 },
    position: 'sticky',
    bottom: 0,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  fullWidth: { width: '100%', minWidth: 0 },
});
